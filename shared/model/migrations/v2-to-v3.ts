/**
 * Format 2 to format 3 of the .tessera file: the project gains the list of original-language transcripts
 * (`originals`), empty for every project written before there were any, and a paragraph may carry a heading level
 * (`headingLevel`, absent for body text, so format 2 paragraphs need no change). A format 2 reader refuses a
 * format 3 file with a clear message instead of failing on either.
 */

/** Project data of format 2 brought to format 3. */
export function addOriginalsV2(data: unknown): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new Error('The project data is not an object.');
  const snapshot = data as Record<string, unknown>;
  if ('originals' in snapshot) return snapshot;
  return { ...snapshot, originals: [] };
}
