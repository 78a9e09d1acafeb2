import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Builds main and preload with the real electron.vite.config.ts into a temporary folder (the renderer is built by
// its own tests and needs the whole renderer tree), then checks what Electron needs of the output, and runs the
// built main process under Node with a fake `electron` (fixtures/fake-electron.mjs).
const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
const run = promisify(execFile);
const RENDERER_PAGE = '<!doctype html><title>Tessera</title><script type="module" src="./assets/app.js"></script>';
let workDir: string;
let outDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'tessera-electron-build-'));
  outDir = path.join(workDir, 'out');
  // The temporary config imports electron-vite; a link to the project's node_modules lets it resolve.
  await symlink(path.join(projectRoot, 'node_modules'), path.join(workDir, 'node_modules'), 'dir');
  const configPath = path.join(workDir, 'electron.vite.config.mjs');
  await writeFile(
    configPath,
    [
      `import { createElectronViteConfig } from ${JSON.stringify(path.join(projectRoot, 'electron.vite.config.ts'))};`,
      `const config = createElectronViteConfig(${JSON.stringify(projectRoot)}, ${JSON.stringify(outDir)});`,
      'export default { main: config.main, preload: config.preload };',
    ].join('\n'),
  );
  await run(
    process.execPath,
    [path.join(projectRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '-c', configPath],
    { cwd: projectRoot, timeout: 120_000 },
  );
  await mkdir(path.join(outDir, 'renderer'));
  await writeFile(path.join(outDir, 'renderer', 'index.html'), RENDERER_PAGE);
}, 150_000);

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('the electron-vite build', () => {
  it('writes the main process as one ES module, out/main/main.js', async () => {
    expect(await readdir(path.join(outDir, 'main'))).toEqual(['main.js']);
    const main = await readFile(path.join(outDir, 'main', 'main.js'), 'utf8');
    expect(main).toMatch(/^import .* from "electron";$/m);
    expect(main).toContain('registerSchemesAsPrivileged');
    expect(main).toContain('startApp(import.meta.dirname)');
  });

  it('writes the preload as ONE CommonJS file that requires nothing but electron (sandboxed preloads cannot)', async () => {
    expect(await readdir(path.join(outDir, 'preload'))).toEqual(['preload.cjs']);
    const preload = await readFile(path.join(outDir, 'preload', 'preload.cjs'), 'utf8');
    const required = [...preload.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]);
    expect(required).toEqual(['electron']);
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    expect(preload).toContain('exposeInMainWorld("tessera"');
    // The contract is imported as types only: no validation library in the page's preload.
    expect(preload).not.toMatch(/zod/i);
  });
});

interface BootReport {
  readonly calls: string[];
  readonly webPreferences: Record<string, unknown>;
  readonly preloadExists: boolean;
  readonly page: { status: number; contentType: string; csp: string; body: string };
  readonly escape: { status: number; body: string };
}

describe('the built main process, run with a fake electron', () => {
  it('registers the scheme before ready, hardens the session, and loads tessera://app/ from out/renderer', async () => {
    const register = fileURLToPath(new URL('./fixtures/register-fake-electron.mjs', import.meta.url));
    const { stdout } = await run(process.execPath, ['--import', register, path.join(outDir, 'main', 'main.js')], {
      cwd: workDir,
      timeout: 30_000,
    });
    const report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as BootReport;
    expect(report.calls.slice(0, 3)).toEqual([
      'registerSchemesAsPrivileged [{"scheme":"tessera","privileges":{"standard":true,"secure":true,"supportFetchAPI":true}}]',
      'enableSandbox',
      'setPath userData /nonexistent/appData/Tessera',
    ]);
    expect(report.calls).toEqual(
      expect.arrayContaining(['onBeforeRequest', 'setPermissionRequestHandler', 'protocol.handle tessera']),
    );
    expect(report.calls).toContain('loadURL tessera://app/index.html');
    expect(report.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(report.webPreferences.preload).toBe(path.join(outDir, 'preload', 'preload.cjs'));
    expect(report.preloadExists).toBe(true);
    expect(report.page).toMatchObject({ status: 200, contentType: 'text/html; charset=utf-8', body: RENDERER_PAGE });
    expect(report.page.csp).toContain("frame-ancestors 'none'");
    expect(report.escape.status).toBe(403);
  });
});
