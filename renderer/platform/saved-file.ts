/**
 * What the user reads after saving a file: where it is, when the platform wrote it; in a browser, that the file was
 * handed over as a download. A page learns nothing of a download after handing it over (no event says it finished,
 * failed or was discarded), so it never claims the file is saved; the sentence says what to check instead.
 */
import type { SaveFileResult } from '#shared/platform/preload-api';

/** The notice for a save that was not cancelled, e.g. `savedFileNotice('Codebook', result)`. */
export function savedFileNotice(what: string, result: Exclude<SaveFileResult, { status: 'cancelled' }>): string {
  if (result.status === 'saved') return `${what} was saved to ${result.location}.`;
  return (
    `${what} went to your browser as the download “${result.fileName}”. A web page cannot see whether a download ` +
    'finished: check your browser’s downloads before you rely on the file.'
  );
}
