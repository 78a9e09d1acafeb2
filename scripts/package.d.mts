/** Types of package.mjs. */

/** electron-builder Platform names (WINDOWS, MAC, LINUX) for --win, --mac, --linux; throws on anything else. */
export declare function requestedPlatforms(argv: readonly string[]): string[];
