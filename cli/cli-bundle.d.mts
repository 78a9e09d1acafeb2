/** Types of cli-bundle.mjs (plain JavaScript: it runs before TypeScript can be compiled). */

/** The built command's entry file when it exists and is up to date with its sources, else null. */
export declare function freshCliBundle(
  projectRoot: string,
  bundleDir?: string,
  onStale?: (reason: string) => void,
): string | null;
