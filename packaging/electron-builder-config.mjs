// How Tessera is packaged into installers with electron-builder (`npm run package`, scripts/package.mjs): Windows
// (NSIS installer), macOS (DMG) and Linux (AppImage and .deb), each with Electron's fuses set after packing
// (packaging/fuses.mjs). Plain data and one hook, so the configuration is unit-tested.
import { setTesseraFuses } from './fuses.mjs';

/** Where the installers are written. */
export const PACKAGE_OUTPUT_DIR = 'dist-packages';

/** The electron-builder configuration. */
export const electronBuilderConfig = Object.freeze({
  // Fixed forever, like the app origin and the data folder name (electron/app.ts): the OS keys installs on it.
  appId: 'org.tessera.desktop',
  productName: 'Tessera',
  // The built app only: main process, preload and renderer from `electron-vite build`, and package.json (for "main").
  // The command line (out/cli), the sources, tests and the web build stay out.
  files: ['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json'],
  directories: { output: PACKAGE_OUTPUT_DIR, buildResources: 'packaging/resources' },
  asar: true,
  // Offline app: nothing to publish to and no update feed baked into the app.
  publish: null,
  // Electron's fuses, flipped on the packed app before it becomes an installer.
  afterPack: setTesseraFuses,
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  mac: { target: ['dmg'], category: 'public.app-category.education', hardenedRuntime: true },
  linux: { target: ['AppImage', 'deb'], category: 'Education', executableName: 'tessera' },
});
