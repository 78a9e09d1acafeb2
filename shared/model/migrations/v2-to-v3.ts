/**
 * Format 2 to format 3 of the .tessera file. Version 3 adds, all in this round of the model:
 * - the list of original-language transcripts (`originals`), empty for every project written before there were any;
 * - optional fields a version 2 project simply lacks: the project's citation style (`Project.citationStyle`) and
 *   distinguishing rule (`Project.distinguishingRule`), each read as the default when absent, and a paragraph's
 *   heading level (`Paragraph.headingLevel`, absent for body text).
 * A Tessera that reads up to version 2 refuses a version 3 file with "update Tessera" instead of failing on an
 * unknown field. The function checks that it is given a project file's data, so that a damaged file stops the
 * upgrade rather than passing through it.
 */

/** A whole project as format version 2 held it, brought to version 3. */
export function migrateSnapshotV2(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data) || typeof (data as { project?: unknown }).project !== 'object') {
    throw new Error('The project file holds no project record.');
  }
  const snapshot = data as Record<string, unknown>;
  return 'originals' in snapshot ? snapshot : { ...snapshot, originals: [] };
}
