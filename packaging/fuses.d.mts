/** Types of fuses.mjs (plain JavaScript, loaded by electron-builder's hook). */

/** Each fuse Tessera sets, by its @electron/fuses FuseV1Options name. */
export declare const TESSERA_FUSES: Readonly<Record<string, boolean>>;

/** What the executable path depends on. */
export interface PackedApp {
  readonly appOutDir: string;
  readonly electronPlatformName: string;
  readonly productFilename: string;
  readonly executableName: string;
}

/** The packed Electron executable (the .app bundle on macOS). */
export declare function packedExecutablePath(app: PackedApp): string;

/** The flipFuses options for a platform and architecture. */
export declare function fuseOptions(electronPlatformName: string, arch: string | undefined): Record<string | number, unknown>;

/** The parts of electron-builder's AfterPackContext the hook reads. */
export interface AfterPackContextLike {
  readonly appOutDir: string;
  readonly electronPlatformName: string;
  readonly arch: number | string;
  readonly packager: { readonly appInfo: { readonly productFilename: string }; readonly executableName: string };
}

/** electron-builder's afterPack hook: flips Tessera's fuses on the packed app. */
export declare function setTesseraFuses(
  context: AfterPackContextLike,
  flip?: (target: string, options: Record<string | number, unknown>) => Promise<unknown>,
): Promise<void>;
