/**
 * Model version 2 to version 3 (.tessera format version 3): the project record gains an optional citation style
 * (`Project.citationStyle`). A version 2 project has none and is cited in the default style, which is what version 2
 * did, so its data is valid version 3 data unchanged. The function still checks that it is given a project file's
 * data, so that a damaged file stops the upgrade rather than passing through it.
 */

/** A whole project as format version 2 held it, brought to version 3 (the same data). */
export function migrateSnapshotV2(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data) || typeof (data as { project?: unknown }).project !== 'object') {
    throw new Error('The project file holds no project record.');
  }
  return data;
}
