/**
 * Finding (and, once, fetching) the Electron binary without ever `require('electron')`: that package's index.js
 * starts a download when the binary is missing, which must not happen behind the back of a script or a test.
 *
 * Plain JavaScript (typed by electron-binary.d.mts) because scripts/start.mjs and tests/e2e/electron-smoke.mjs run
 * under plain Node. Electron >= 42 has no install script; its binary arrives lazily, and on machines without access
 * to Electron's download servers it never does.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the Electron binary of a project is, read the way the `electron` package itself reads it:
 * `node_modules/electron/path.txt` names the executable inside `node_modules/electron/dist/` (or inside
 * `ELECTRON_OVERRIDE_DIST_PATH`). Returns `{ status: 'present', executablePath }` when that file exists, else
 * `{ status: 'absent', reason }`.
 */
export function resolveElectronBinary(projectRoot, env = process.env) {
  const packageDir = path.join(projectRoot, 'node_modules', 'electron');
  if (!existsSync(path.join(packageDir, 'package.json'))) {
    return { status: 'absent', reason: 'the electron package is not installed (run npm install)' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return { status: 'absent', reason: 'no Electron binary has been downloaded (node_modules/electron/path.txt is missing)' };
  }
  const relativeExecutable = readFileSync(pathFile, 'utf8').trim();
  if (relativeExecutable === '' || path.isAbsolute(relativeExecutable) || relativeExecutable.split(/[\\/]/).includes('..')) {
    return { status: 'absent', reason: `node_modules/electron/path.txt names an unexpected path: ${relativeExecutable}` };
  }
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH ? env.ELECTRON_OVERRIDE_DIST_PATH : path.join(packageDir, 'dist');
  const executablePath = path.join(distDir, relativeExecutable);
  if (!existsSync(executablePath)) {
    return { status: 'absent', reason: `the Electron binary is missing at ${executablePath}` };
  }
  return { status: 'present', executablePath };
}

/**
 * Runs the `electron` package's own installer once (`node node_modules/electron/install.js`), quietly, stopped
 * after `timeoutMs`. Resolves to true when it exited successfully; never rejects. `onSlow` is called once if it is
 * still running after `slowAfterMs` (a real download takes a while; a machine without access fails fast).
 */
export function installElectronBinary(projectRoot, { timeoutMs = 180_000, slowAfterMs = 5_000, onSlow } = {}) {
  const installer = path.join(projectRoot, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return Promise.resolve(false);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [installer], { cwd: projectRoot, stdio: 'ignore', timeout: timeoutMs });
    const slowTimer = onSlow ? setTimeout(onSlow, slowAfterMs) : undefined;
    const finish = (succeeded) => {
      if (slowTimer) clearTimeout(slowTimer);
      resolve(succeeded);
    };
    child.once('error', () => finish(false));
    child.once('exit', (code) => finish(code === 0));
  });
}
