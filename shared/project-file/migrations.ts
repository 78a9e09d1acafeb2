/**
 * Upgrades of project data from older .tessera format versions to the current one.
 *
 * The format version is an integer that goes up by one whenever the shape of `project.json` changes. Each change
 * adds one migration here: a pure function from the data of version `from` to the data of version `from + 1`, with a
 * test that starts from a real file of version `from`. Opening a file runs the chain from the file's version up to the
 * current one; a file older than the oldest version the chain reaches, or newer than the current one, is refused.
 * The manifest's head (`format`, `formatVersion`, `appVersion`) keeps its shape in every version, so any file's
 * version can be read before anything else; a migration that changes the rest of the manifest must say so here.
 *
 * Version 1 (Tessera 0.1): the first format. Version 2 (model v2): every record carries stamps and a clock, sites
 * and phases are records of their own, and the project holds document groups, cases, ratings and tombstones (see
 * shared/model/migrations/v1-to-v2.ts, which the store's upgrade uses too). The manifest of version 2 counts every
 * kind of record. Version 3: the original-language transcripts of translated documents (`originals`), and optional
 * fields version 2 data lacks (the project's citation style and distinguishing rule, paragraphs' heading levels);
 * see shared/model/migrations/v2-to-v3.ts.
 */
import { migrateSnapshotV1 } from '../model/migrations/v1-to-v2.ts';
import { migrateSnapshotV2 } from '../model/migrations/v2-to-v3.ts';
import { ProjectFileError } from './project-file-error.ts';

/** The format version this version of Tessera writes. */
export const PROJECT_FILE_FORMAT_VERSION = 3;

/** An upgrade of project data from format version `from` to `from + 1`. */
export interface ProjectFileMigration {
  readonly from: number;
  /** What changed, for the reader of this file. */
  readonly description: string;
  readonly upgrade: (data: unknown) => unknown;
}

/** The formats this version of Tessera knows: the one it writes and the upgrades that lead to it. */
export interface FormatRegistry {
  readonly current: number;
  readonly migrations: readonly ProjectFileMigration[];
}

/** The registry of shipped format versions. */
export const PROJECT_FILE_FORMATS: FormatRegistry = {
  current: PROJECT_FILE_FORMAT_VERSION,
  migrations: [
    {
      from: 1,
      description: 'Stamps and clocks on every record; sites and phases as records; groups, cases, ratings, tombstones.',
      upgrade: migrateSnapshotV1,
    },
    {
      from: 2,
      description: 'Original-language transcripts with their alignment; optional citation style, distinguishing rule and heading levels.',
      upgrade: migrateSnapshotV2,
    },
  ],
};

/** The oldest format version that a registry's chain of migrations can bring up to its current version. */
export function oldestReadableVersion(registry: FormatRegistry = PROJECT_FILE_FORMATS): number {
  let version = registry.current;
  while (registry.migrations.some((migration) => migration.from === version - 1)) version--;
  return version;
}

/**
 * Refuses a format version that a registry cannot read: newer than its current version, or older than the oldest
 * its migrations reach. `appVersion` is the Tessera version that wrote the file, for the message.
 */
export function checkReadableVersion(
  formatVersion: number,
  appVersion: string,
  registry: FormatRegistry = PROJECT_FILE_FORMATS,
): void {
  if (formatVersion > registry.current) {
    throw new ProjectFileError(
      'newer-format',
      `This file was saved by Tessera ${appVersion} with format version ${formatVersion}; this version reads up to ` +
        `${registry.current}. Update Tessera to open it.`,
    );
  }
  const oldest = oldestReadableVersion(registry);
  if (formatVersion < oldest) {
    throw new ProjectFileError(
      'older-format',
      `This file was saved by Tessera ${appVersion} with format version ${formatVersion}, which this version no ` +
        `longer reads (it reads versions ${oldest} to ${registry.current}). Open it with an older Tessera and save it again.`,
    );
  }
}

/**
 * Brings project data of format version `fromVersion` up to the registry's current version, running each migration
 * in turn, or refuses a version it cannot read (see `checkReadableVersion`).
 */
export function upgradeProjectData(
  data: unknown,
  fromVersion: number,
  appVersion: string,
  registry: FormatRegistry = PROJECT_FILE_FORMATS,
): unknown {
  checkReadableVersion(fromVersion, appVersion, registry);
  let upgraded = data;
  for (let version = fromVersion; version < registry.current; version++) {
    const migration = registry.migrations.find((candidate) => candidate.from === version);
    if (!migration) throw new Error(`No migration from project file format ${version}.`);
    upgraded = migration.upgrade(upgraded);
  }
  return upgraded;
}
