import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installElectronBinary, resolveElectronBinary } from '../../../electron/electron-binary.mjs';

let projectRoot: string;
let packageDir: string;
beforeEach(async () => {
  projectRoot = await mkdtemp(path.join(tmpdir(), 'tessera-electron-bin-'));
  packageDir = path.join(projectRoot, 'node_modules', 'electron');
});
afterEach(async () => {
  await rm(projectRoot, { recursive: true, force: true });
});

async function installPackage(): Promise<void> {
  await mkdir(packageDir, { recursive: true });
  await writeFile(path.join(packageDir, 'package.json'), '{"name":"electron","version":"45.4.1"}');
}

describe('resolveElectronBinary', () => {
  it('reports a missing electron package', () => {
    expect(resolveElectronBinary(projectRoot, {})).toMatchObject({ status: 'absent', reason: /not installed/ });
  });

  it('reports a package whose binary was never downloaded (no path.txt), as on the offline machines', async () => {
    await installPackage();
    expect(resolveElectronBinary(projectRoot, {})).toMatchObject({ status: 'absent', reason: /path\.txt is missing/ });
  });

  it('reports a path.txt whose executable is missing', async () => {
    await installPackage();
    await writeFile(path.join(packageDir, 'path.txt'), 'electron');
    expect(resolveElectronBinary(projectRoot, {})).toMatchObject({ status: 'absent', reason: /binary is missing/ });
  });

  it('finds the executable named by path.txt under dist/', async () => {
    await installPackage();
    await writeFile(path.join(packageDir, 'path.txt'), 'electron');
    await mkdir(path.join(packageDir, 'dist'));
    await writeFile(path.join(packageDir, 'dist', 'electron'), '');
    expect(resolveElectronBinary(projectRoot, {})).toEqual({
      status: 'present',
      executablePath: path.join(packageDir, 'dist', 'electron'),
    });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', async () => {
    await installPackage();
    await writeFile(path.join(packageDir, 'path.txt'), 'electron');
    const elsewhere = path.join(projectRoot, 'custom-dist');
    await mkdir(elsewhere);
    await writeFile(path.join(elsewhere, 'electron'), '');
    expect(resolveElectronBinary(projectRoot, { ELECTRON_OVERRIDE_DIST_PATH: elsewhere })).toEqual({
      status: 'present',
      executablePath: path.join(elsewhere, 'electron'),
    });
  });

  it('refuses a path.txt that points outside dist/', async () => {
    await installPackage();
    await writeFile(path.join(packageDir, 'path.txt'), '../../../bin/sh');
    expect(resolveElectronBinary(projectRoot, {})).toMatchObject({ status: 'absent', reason: /unexpected path/ });
  });
});

describe('installElectronBinary', () => {
  it('is false without an installer', async () => {
    await expect(installElectronBinary(projectRoot)).resolves.toBe(false);
  });

  it('runs the installer and reports its outcome', async () => {
    await installPackage();
    await writeFile(path.join(packageDir, 'install.js'), 'process.exit(0)');
    await expect(installElectronBinary(projectRoot)).resolves.toBe(true);
    await writeFile(path.join(packageDir, 'install.js'), 'process.exit(3)');
    await expect(installElectronBinary(projectRoot)).resolves.toBe(false);
  });

  it('stops an installer that runs past the time limit, after saying it is slow', async () => {
    await installPackage();
    await writeFile(path.join(packageDir, 'install.js'), 'setTimeout(() => process.exit(0), 30000)');
    let slowCalls = 0;
    const started = Date.now();
    const outcome = await installElectronBinary(projectRoot, {
      timeoutMs: 600,
      slowAfterMs: 100,
      onSlow: () => (slowCalls += 1),
    });
    expect(outcome).toBe(false);
    expect(slowCalls).toBe(1);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
