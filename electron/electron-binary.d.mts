/** Types of electron-binary.mjs (plain JavaScript so that plain-Node scripts can use it). */

/** Whether a project's Electron binary is there, and where, or why not. */
export type ElectronBinary =
  | { readonly status: 'present'; readonly executablePath: string }
  | { readonly status: 'absent'; readonly reason: string };

/** Finds a project's Electron binary the way the `electron` package does, without loading that package. */
export declare function resolveElectronBinary(
  projectRoot: string,
  env?: Readonly<Record<string, string | undefined>>,
): ElectronBinary;

/** Options of the one-time installer run. */
export interface InstallElectronOptions {
  readonly timeoutMs?: number;
  readonly slowAfterMs?: number;
  readonly onSlow?: () => void;
}

/** Runs the `electron` package's installer once, quietly, with a time limit; true when it succeeded. */
export declare function installElectronBinary(projectRoot: string, options?: InstallElectronOptions): Promise<boolean>;
