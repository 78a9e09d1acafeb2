#!/usr/bin/env node
// `npm run package [-- --win|--mac|--linux]`: builds the desktop app and makes its installers with electron-builder
// (packaging/electron-builder-config.mjs), fuses set. Without a platform flag, for the platform it runs on (macOS
// installers need a Mac to build; Windows ones build on Windows, or on Linux with Wine).
//
// Packaging needs Electron's binaries, downloaded from Electron's release servers. Where no Electron binary can be
// had (an offline machine), this says so in one line and exits 0 without packaging anything.
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { installElectronBinary, resolveElectronBinary } from '../electron/electron-binary.mjs';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/** The electron-builder target platforms asked for on the command line (none: the current platform). */
export function requestedPlatforms(argv) {
  const flags = { '--win': 'WINDOWS', '--mac': 'MAC', '--linux': 'LINUX' };
  const unknown = argv.filter((arg) => !(arg in flags));
  if (unknown.length > 0) throw new Error(`Unknown option ${unknown[0]}; use --win, --mac or --linux.`);
  return argv.map((arg) => flags[arg]);
}

async function main(argv) {
  let platforms;
  try {
    platforms = requestedPlatforms(argv);
  } catch (error) {
    console.error(error.message);
    return 2;
  }
  let binary = resolveElectronBinary(projectRoot);
  if (binary.status === 'absent') {
    await installElectronBinary(projectRoot, { onSlow: () => console.log('Fetching the Electron binary…') });
    binary = resolveElectronBinary(projectRoot);
  }
  if (binary.status === 'absent') {
    console.log(`SKIP packaging: no Electron binary can be had on this machine (${binary.reason}).`);
    console.log('Run `npm run package` where Electron\'s release downloads are reachable.');
    return 0;
  }
  const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: projectRoot, stdio: 'inherit', shell: process.platform === 'win32' });
  if (built.status !== 0) return built.status ?? 1;
  const { build, Platform } = await import('electron-builder');
  const { electronBuilderConfig } = await import('../packaging/electron-builder-config.mjs');
  const targets = platforms.length === 0 ? undefined : platforms.map((name) => Platform[name].createTarget());
  const written = [];
  for (const target of targets ?? [undefined]) {
    written.push(...(await build({ projectDir: projectRoot, config: { ...electronBuilderConfig }, ...(target ? { targets: target } : {}) })));
  }
  console.log(`Installers written:\n${written.map((file) => `  ${file}`).join('\n')}`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2));
}
