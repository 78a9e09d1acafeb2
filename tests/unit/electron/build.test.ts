import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Builds main and preload with the real electron.vite.config.ts into a temporary folder (the renderer is built by
// its own tests and needs the whole renderer tree), then checks what Electron needs of the output.
const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
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
  await promisify(execFile)(
    process.execPath,
    [path.join(projectRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '-c', configPath],
    { cwd: projectRoot, timeout: 120_000 },
  );
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
