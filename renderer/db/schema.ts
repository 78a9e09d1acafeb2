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

/**
 * Turns each stored record of one table from the previous version's shape into this version's shape.
 *
 * `migrate` receives a record as it was stored (so it is `unknown` until checked) and returns the new record, which
 * must keep the primary key, or null to delete the record.
 */
export interface RecordMigration {
  readonly table: string;
  readonly migrate: (stored: unknown) => object | null;
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

// Version 2 goes here: `const version2Stores = { ...version1Stores, <changed tables> };` and a block like version1.

/** Every version of the schema, oldest first. The last one is the version this build of Tessera writes. */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [version1];

/** The names of the tables of the newest schema that hold a project's records (everything but settings and meta). */
export const PROJECT_TABLES = [
  'projects',
  'coders',
  'documents',
  'documentTexts',
  'codes',
  'codings',
  'memos',
] as const;
