// Electron's fuses for every packaged Tessera: switches compiled into the Electron binary that no command-line flag
// or environment variable can turn back on (Electron security checklist item 19, docs/tutorial/fuses.md). Flipped
// by electron-builder's afterPack hook, on the packed app, before it is signed and made into an installer.
import path from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/** Each fuse Tessera sets, with why. Names are those of @electron/fuses' FuseV1Options. */
export const TESSERA_FUSES = Object.freeze({
  // ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node.js that runs any script.
  RunAsNode: false,
  // Cookies and other Chromium secrets on disk encrypted with an OS-held key.
  EnableCookieEncryption: true,
  // NODE_OPTIONS could preload code into the main process.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect and friends would open a debugger port into the main process.
  EnableNodeCliInspectArguments: false,
  // The app.asar is checked against the hash recorded at packaging; an edited archive does not load.
  EnableEmbeddedAsarIntegrityValidation: true,
  // Only app.asar is loaded, never a loose app/ folder placed beside it.
  OnlyLoadAppFromAsar: true,
  // file: pages get no extra privileges; the app is served from tessera://app (electron/app-protocol.ts).
  GrantFileProtocolExtraPrivileges: false,
});

/** The path of the packed Electron executable that electron-builder wrote for a platform. */
export function packedExecutablePath({ appOutDir, electronPlatformName, productFilename, executableName }) {
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${productFilename}.exe`);
    case 'linux':
      return path.join(appOutDir, executableName);
    default:
      throw new Error(`Tessera does not package for the platform "${electronPlatformName}".`);
  }
}

/** The options for @electron/fuses' flipFuses: the fuses above, by their FuseV1Options numbers. */
export function fuseOptions(electronPlatformName, arch) {
  const options = {
    version: FuseVersion.V1,
    // Flipping fuses breaks the ad-hoc signature of an Apple silicon binary; re-sign it so it still starts unsigned.
    resetAdHocDarwinSignature: electronPlatformName === 'darwin' && arch === 'arm64',
    strictlyRequireAllFuses: false,
  };
  for (const [name, value] of Object.entries(TESSERA_FUSES)) {
    const fuse = FuseV1Options[name];
    if (typeof fuse !== 'number') throw new Error(`@electron/fuses has no fuse named ${name}.`);
    options[fuse] = value;
  }
  return options;
}

/** electron-builder's Arch enum, by number, as the names flipFuses expects. */
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/**
 * electron-builder's afterPack hook: flips the fuses of the app just packed. `flip` is @electron/fuses' flipFuses
 * (a test passes its own to see the call).
 */
export async function setTesseraFuses(context, flip = flipFuses) {
  const target = packedExecutablePath({
    appOutDir: context.appOutDir,
    electronPlatformName: context.electronPlatformName,
    productFilename: context.packager.appInfo.productFilename,
    executableName: context.packager.executableName,
  });
  const arch = typeof context.arch === 'number' ? ARCH_NAMES[context.arch] : context.arch;
  await flip(target, fuseOptions(context.electronPlatformName, arch));
}
