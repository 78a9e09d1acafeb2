/**
 * `npm start` (after `npm run build`): opens Tessera in Electron where Electron can run, otherwise serves the same
 * app as a web page on 127.0.0.1.
 *
 * Electron >= 42 fetches its binary lazily, so on a fresh machine the first start tries to fetch it once (quietly,
 * with a time limit). Where that is impossible (no access to Electron's download servers) the web build is served
 * instead, with one line saying so. Never loads the `electron` package itself (that would start a download).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installElectronBinary, resolveElectronBinary } from '../electron/electron-binary.mjs';
import { DEFAULT_WEB_PORT, hasWebBuild, startWebServer, WEB_BUILD_DIR } from './serve-web.mjs';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

function launchElectron(executablePath) {
  if (!existsSync(path.join(projectRoot, 'out', 'main', 'main.js'))) {
    console.error('The desktop build is missing (out/main/main.js): run `npm run build` first.');
    process.exit(1);
  }
  const child = spawn(executablePath, ['.'], { cwd: projectRoot, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
  child.once('error', (error) => {
    console.error(`Electron could not be started: ${error.message}`);
    process.exit(1);
  });
  child.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function serveWeb(reason) {
  console.log(`Electron cannot start here (${reason}); serving the same app as a web page instead.`);
  if (!hasWebBuild()) {
    console.error(`There is no web build in ${path.relative(projectRoot, WEB_BUILD_DIR)}: run \`npm run build\` first.`);
    process.exit(1);
  }
  // Always the same port: the browser keeps the projects per origin (host and port), so a page served on another
  // port would open with none of them. A taken port is an error, not a reason to move.
  try {
    const { url } = await startWebServer({ rootDir: WEB_BUILD_DIR, port: DEFAULT_WEB_PORT, attempts: 1 });
    console.log(`Tessera is at ${url} (Ctrl+C to stop).`);
  } catch (error) {
    console.error(
      `Port ${DEFAULT_WEB_PORT} is taken (${error instanceof Error ? error.message : String(error)}). ` +
        'Is Tessera already running? Close the other program using it and start again; the web page must keep ' +
        'its address, since the browser keeps your projects per address.',
    );
    process.exit(1);
  }
}

let binary = resolveElectronBinary(projectRoot);
if (binary.status === 'absent') {
  await installElectronBinary(projectRoot, {
    onSlow: () => console.log('Fetching the Electron binary (first start only)…'),
  });
  binary = resolveElectronBinary(projectRoot);
}
if (binary.status === 'present') {
  launchElectron(binary.executablePath);
} else {
  await serveWeb('no Electron binary is installed and it could not be downloaded');
}
