/**
 * The project store's schema: one block per version, oldest first. The list is data: `TesseraDb` declares these
 * versions to Dexie, and tests pass their own list to exercise upgrades without shipping a fake version.
 *
 * How to add a version
 * 1. Never edit a block that has shipped: installed databases were built from it. Add a new block at the end with
 *    `version` one higher (an integer), the `date` it was written and, in `changes`, every change in plain words.
 * 2. Its `stores` spread the previous version's stores and override only what changes: a new table, a new index
 *    list for a table, or `null` to drop a table. Index only what a query uses (`where`, `orderBy`, `count`), never
 *    the text of a document or a memo. A primary key cannot change in place (Dexie refuses): make a new table.
 * 3. If stored records must change shape, write a pure function in `shared/model/migrations/` that turns one record
 *    as the old version stored it into the record the new version expects (or null to drop it), unit-test it in
 *    `tests/unit/shared/model/migrations/`, and list it in the block's `migrations` as `{ table, migrate }`.
 *    `TesseraDb` runs the migrations of each version in the upgrade transaction, then writes that version's
 *    "migration completed" marker in the same transaction, so a database is migrated and marked, or neither.
 * 4. Add a test in `tests/integration/db/` that opens at the old version (`schemaVersion: N`), seeds real records,
 *    closes, reopens at N + 1 and asserts the migrated records (see `schema-versions.test.ts` for the pattern).
 * 5. Update the record types in `tessera-db.ts` and the queries in `project-store.ts` to the new shape.
 */
import {
  migrateCodeV1,
  migrateCoderV1,
  migrateCodingV1,
  migrateDocumentV1,
  migrateMemoV1,
  migrateProjectV1,
} from '#shared/model/migrations/v1-to-v2';
import { RECORD_KINDS } from '#shared/model/record-kinds';

/**
 * Turns each stored record of one table from the previous version's shape into this version's shape.
 *
 * `migrate` receives a record as it was stored (so it is `unknown` until checked) and returns the new record, which
 * must keep the primary key, or null to delete the record.
 */
export interface RecordMigration {
  readonly table: string;
  readonly migrate: (stored: unknown) => object | null;
  /**
   * Records that the old record held and that the new version keeps in tables of their own (the sites and phases of
   * a version 1 project): added, in the same upgrade transaction, after every record of `table` is migrated.
   */
  readonly spawn?: (stored: unknown) => readonly { readonly table: string; readonly records: readonly object[] }[];
}

/** One version of the store's schema. */
export interface SchemaVersion {
  /** An integer, one higher than the previous version's. */
  readonly version: number;
  /** When this version was written, yyyy-mm-dd. */
  readonly date: string;
  /** What changed from the previous version, in plain words. */
  readonly changes: readonly string[];
  /** Dexie's store declarations: table name to "primary key, index, index, ..." (null drops the table). */
  readonly stores: Readonly<Record<string, string | null>>;
  /** Record migrations run, in order, when a database is upgraded to this version. */
  readonly migrations: readonly RecordMigration[];
}

// ---------------------------------------------------------------------------------------------------------------
// Version 1 - 2026-11-23
// - First schema. One store holds many projects; every record carries its projectId.
// - documents hold DocumentMeta (everything but the text) so listing documents stays light; the text lives in
//   documentTexts under the same id.
// - codings are indexed by [projectId+documentId] and [projectId+codeId] for the codings of one document or code.
// - meta holds one "migration completed" marker per version; settings hold this installation's settings.
const version1Stores = {
  projects: 'id',
  coders: 'id, projectId',
  documents: 'id, projectId',
  documentTexts: 'id, projectId',
  codes: 'id, projectId, parentId',
  codings: 'id, projectId, [projectId+documentId], [projectId+codeId]',
  memos: 'id, projectId',
  settings: 'key',
  meta: 'key',
} as const;

const version1: SchemaVersion = {
  version: 1,
  date: '2026-11-23',
  changes: [
    'Tables projects, coders, documents (metadata only), documentTexts, codes, codings, memos, settings, meta.',
  ],
  stores: version1Stores,
  migrations: [],
};

// ---------------------------------------------------------------------------------------------------------------
// Version 2 - 2026-12-02 (model v2)
// - Every record carries createdAt, createdBy, modifiedAt, modifiedBy and a hybrid logical clock; codings' coderId
//   and memos' authorId become createdBy (shared/model/migrations/v1-to-v2.ts, shared with the file format).
// - Sites and phases leave the project record for tables of their own, so the project record no longer changes
//   with the study design.
// - New tables for document groups, cases, ratings and tombstones (deleted records, which merges carry).
const version2Stores = {
  ...version1Stores,
  sites: 'id, projectId',
  phases: 'id, projectId',
  documentGroups: 'id, projectId',
  cases: 'id, projectId',
  ratings: 'id, projectId',
  tombstones: 'id, projectId',
} as const;

const version2: SchemaVersion = {
  version: 2,
  date: '2026-12-02',
  changes: [
    'Stamps (createdAt, createdBy, modifiedAt, modifiedBy, clock) on every record; coderId and authorId become createdBy.',
    'Sites and phases move out of projects into tables sites and phases.',
    'New tables documentGroups, cases, ratings and tombstones.',
  ],
  stores: version2Stores,
  migrations: [
    {
      table: 'projects',
      migrate: (stored) => migrateProjectV1(stored).project,
      spawn: (stored) => {
        const { sites, phases } = migrateProjectV1(stored);
        return [
          { table: 'sites', records: sites },
          { table: 'phases', records: phases },
        ];
      },
    },
    { table: 'coders', migrate: migrateCoderV1 },
    { table: 'documents', migrate: (stored) => migrateDocumentV1(stored) },
    { table: 'codes', migrate: migrateCodeV1 },
    { table: 'codings', migrate: migrateCodingV1 },
    { table: 'memos', migrate: migrateMemoV1 },
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// Version 3 - 2026-12-02
// - A table for the original-language transcripts of translated documents, with their alignment (one per document,
//   found by documentId). Nothing stored before changes shape.
const version3Stores = {
  ...version2Stores,
  originals: 'id, projectId, documentId',
} as const;

const version3: SchemaVersion = {
  version: 3,
  date: '2026-12-02',
  changes: ['New table originals: the original-language transcript of a document and its alignment with the translation.'],
  stores: version3Stores,
  migrations: [],
};

/** Every version of the schema, oldest first. The last one is the version this build of Tessera writes. */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [version1, version2, version3];

/**
 * The names of the tables of the newest schema that hold a project's records (everything but settings and meta):
 * the project, the texts of its documents, and one table per kind of record, named as the kind.
 */
export const PROJECT_TABLES = ['projects', 'documentTexts', ...RECORD_KINDS] as const;
