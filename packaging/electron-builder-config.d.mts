/** Types of electron-builder-config.mjs. */
import type { AfterPackContextLike } from './fuses.mjs';

export declare const PACKAGE_OUTPUT_DIR: string;

export declare const electronBuilderConfig: Readonly<{
  appId: string;
  productName: string;
  files: readonly string[];
  directories: { output: string; buildResources: string };
  asar: boolean;
  publish: null;
  afterPack: (context: AfterPackContextLike) => Promise<void>;
  win: { target: readonly string[] };
  nsis: Record<string, unknown>;
  mac: { target: readonly string[] } & Record<string, unknown>;
  linux: { target: readonly string[] } & Record<string, unknown>;
}>;
