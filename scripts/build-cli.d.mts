/** Types of build-cli.mjs (plain JavaScript, run by npm's `prepare`). */

/** The folder the command is bundled into (out/cli). */
export declare const CLI_BUNDLE_DIR: string;

/** Bundles cli/main.ts into `outDir`; the entry file and the project files it was built from. */
export declare function buildCli(outDir?: string): Promise<{ entry: string; inputs: string[] }>;
