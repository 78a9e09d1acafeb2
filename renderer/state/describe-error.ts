/**
 * Turns anything thrown into one sentence for the user. The domain's errors (StoreError, ImportError,
 * ProjectFileError, CodingRefused, ...) already carry a message written for researchers; anything else is a bug,
 * reported with its own words so that it can be passed on.
 */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const known = ['StoreError', 'ImportError', 'ProjectFileError', 'CodingRefused', 'CodeRefused'];
    return known.includes(error.name) ? error.message : `Something went wrong: ${error.message}`;
  }
  return `Something went wrong: ${String(error)}`;
}
