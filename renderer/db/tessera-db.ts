/**
 * The IndexedDB database behind the project store, through Dexie.
 *
 * Every transaction runs with strict durability: since Chrome 121 the default is "relaxed", which acknowledges a
 * write once it reaches the OS buffer, so a power cut can lose work the user saw saved. The database refuses to be
 * opened by a Tessera older than the one that wrote it: IndexedDB raises a VersionError, but Dexie 4 then retries
 * without a version and opens the newer database anyway (and may patch its schema), so the version is read first
 * on a connection that changes nothing. It also checks the "migration completed" marker of every version.
 */
import Dexie, { type Table, type Transaction } from 'dexie';
import { systemClock, type Clock } from '#shared/model/ids';
import type { Code, Coder, Coding, DocumentMeta, IsoDateTime, Memo, Project, Uuid } from '#shared/model/types';
import { APP_VERSION } from '#shared/platform/app-version';
import { StoreError } from './project-store-api.ts';
import { SCHEMA_VERSIONS, type SchemaVersion } from './schema.ts';

/** The name of Tessera's database in the app's origin. */
export const TESSERA_DB_NAME = 'tessera';

/** The text of one document, kept apart from its metadata so that lists of documents never load texts. */
export interface DocumentTextRecord {
  readonly id: Uuid;
  readonly projectId: Uuid;
  readonly text: string;
}

/** One setting of this installation. */
export interface SettingRecord {
  readonly key: string;
  readonly value: string;
}

/** Written in the same transaction as a version's schema change and migrations: proof that they completed. */
export interface MigrationMarker {
  readonly key: string;
  readonly version: number;
  readonly completedAt: IsoDateTime;
  /** The Tessera that wrote the marker, for diagnosing a store brought from another machine. */
  readonly appVersion: string;
}

/** The key of the "migration completed" marker of a schema version in the meta table. */
export function migrationMarkerKey(version: number): string {
  return `migration-completed:${version}`;
}

function isMigrationMarker(record: unknown): record is MigrationMarker {
  if (typeof record !== 'object' || record === null) return false;
  const { key, version } = record as Partial<Record<keyof MigrationMarker, unknown>>;
  return typeof key === 'string' && key.startsWith('migration-completed:') && typeof version === 'number';
}

/** How to open the database; everything but the name is optional. */
export interface TesseraDbOptions {
  /** Open at this schema version instead of the newest of `versions` (tests of upgrades start from an old one). */
  readonly schemaVersion?: number;
  /** The schema versions, oldest first; the shipped `SCHEMA_VERSIONS` unless a test passes its own list. */
  readonly versions?: readonly SchemaVersion[];
  /** The IndexedDB factory; the page's own unless given. */
  readonly indexedDB?: IDBFactory;
  /** Stamps the migration markers. */
  readonly clock?: Clock;
}

function checkVersionList(versions: readonly SchemaVersion[]): void {
  if (versions.length === 0) throw new Error('The schema has no versions.');
  versions.forEach((definition, index) => {
    if (definition.version !== index + 1) {
      throw new Error(
        `Schema versions must be the integers 1, 2, 3, ... in order; found ${definition.version} at position ` +
          `${index + 1}.`,
      );
    }
  });
}

/** The error for a store written by a newer Tessera than this one. */
function newerVersionError(found: number, known: number): StoreError {
  return new StoreError(
    'newer-version',
    `This project store was written by a newer version of Tessera (store version ${found}; this Tessera reads up to ` +
      `version ${known}). Update Tessera; nothing was changed.`,
  );
}

/** The Dexie version number of an IndexedDB version (Dexie stores version n as 10n; a schema patch adds 1). */
function schemaVersionOfNative(nativeVersion: number): number {
  return Math.floor(nativeVersion / 10);
}

/** Tessera's IndexedDB database. Open it with `openChecked()`; it does not open itself on first use. */
export class TesseraDb extends Dexie {
  declare readonly projects: Table<Project, Uuid>;
  declare readonly coders: Table<Coder, Uuid>;
  declare readonly documents: Table<DocumentMeta, Uuid>;
  declare readonly documentTexts: Table<DocumentTextRecord, Uuid>;
  declare readonly codes: Table<Code, Uuid>;
  declare readonly codings: Table<Coding, Uuid>;
  declare readonly memos: Table<Memo, Uuid>;
  declare readonly settings: Table<SettingRecord, string>;
  declare readonly meta: Table<MigrationMarker, string>;

  /** The schema version this instance opens at and writes. */
  readonly schemaVersion: number;
  /** The versions declared to Dexie, oldest first, ending at `schemaVersion`. */
  readonly declaredVersions: readonly SchemaVersion[];
  private readonly factory: IDBFactory | undefined;
  private readonly clock: Clock;
  private pendingOpen: Promise<void> | null = null;

  constructor(name: string, options: TesseraDbOptions = {}) {
    super(name, {
      chromeTransactionDurability: 'strict',
      // Opening runs checks first (see openChecked); a query must not open the database behind their back.
      autoOpen: false,
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    });
    const versions = options.versions ?? SCHEMA_VERSIONS;
    checkVersionList(versions);
    const newest = versions[versions.length - 1]?.version ?? 0;
    this.schemaVersion = options.schemaVersion ?? newest;
    if (!Number.isInteger(this.schemaVersion) || this.schemaVersion < 1 || this.schemaVersion > newest) {
      throw new Error(`There is no schema version ${this.schemaVersion}; the versions go up to ${newest}.`);
    }
    this.declaredVersions = versions.slice(0, this.schemaVersion);
    this.factory = options.indexedDB;
    this.clock = options.clock ?? systemClock;

    for (const definition of this.declaredVersions) {
      this.version(definition.version)
        .stores({ ...definition.stores })
        .upgrade((transaction) => this.upgradeTo(definition, transaction));
    }
    // A new database gets the newest schema at once, without upgrades, so it gets every version's marker at once.
    this.on('populate', (transaction) => {
      const markers = this.declaredVersions.map((definition) => this.marker(definition.version));
      return transaction.table<MigrationMarker, string>('meta').bulkPut(markers);
    });
  }

  private marker(version: number): MigrationMarker {
    return { key: migrationMarkerKey(version), version, completedAt: this.clock(), appVersion: APP_VERSION };
  }

  /** Runs a version's record migrations and writes its marker, all inside Dexie's upgrade transaction. */
  private async upgradeTo(definition: SchemaVersion, transaction: Transaction): Promise<void> {
    for (const migration of definition.migrations) {
      const spawned: { table: string; records: readonly object[] }[] = [];
      await transaction
        .table(migration.table)
        .toCollection()
        .modify((stored: unknown, context) => {
          if (migration.spawn) spawned.push(...migration.spawn(stored));
          // Dexie deletes the record when the new value is null.
          context.value = migration.migrate(stored);
        });
      for (const { table, records } of spawned) if (records.length) await transaction.table(table).bulkAdd([...records]);
    }
    await transaction.table<MigrationMarker, string>('meta').put(this.marker(definition.version));
  }

  /**
   * Opens the database after making sure that this Tessera may: a store written by a newer Tessera is refused
   * (StoreError 'newer-version') without being upgraded or changed, and a store whose upgrade left no
   * "migration completed" marker is refused (StoreError 'failed'). Does nothing if the database is already open.
   */
  openChecked(): Promise<void> {
    if (this.isOpen()) return Promise.resolve();
    this.pendingOpen ??= this.checkAndOpen().finally(() => {
      this.pendingOpen = null;
    });
    return this.pendingOpen;
  }

  private async checkAndOpen(): Promise<void> {
    try {
      const installed = await this.readInstalledVersion();
      if (installed) {
        const newestMarker = Math.max(0, ...installed.markers.map((marker) => marker.version));
        const found = Math.max(installed.version, newestMarker);
        if (found > this.schemaVersion) throw newerVersionError(found, this.schemaVersion);
      }
      try {
        await this.open();
      } catch (error) {
        if (installed && installed.version > 0 && installed.version < this.schemaVersion) {
          // The upgrade runs in IndexedDB's version-change transaction: when it fails, nothing of it is kept.
          throw new StoreError(
            'failed',
            `Tessera could not upgrade your project store from version ${installed.version} to ${this.schemaVersion} ` +
              `(${errorMessage(error)}). Nothing was changed: your projects are stored as they were, and the previous ` +
              'version of Tessera opens them. A backup of each project was written before the upgrade was tried.',
            { cause: error },
          );
        }
        throw error;
      }
      // The check above ran on a separate connection; check again in case another instance upgraded in between.
      const nativeVersion = this.backendDB().version;
      if (schemaVersionOfNative(nativeVersion) > this.schemaVersion) {
        this.close();
        throw newerVersionError(schemaVersionOfNative(nativeVersion), this.schemaVersion);
      }
      const markers = new Set((await this.meta.toArray()).filter(isMigrationMarker).map((marker) => marker.version));
      const missing = this.declaredVersions.find((definition) => !markers.has(definition.version));
      if (missing) {
        this.close();
        throw new StoreError(
          'failed',
          `The project store's upgrade to version ${missing.version} did not complete, so Tessera did not open it. ` +
            'Restore the latest backup of your projects, or ask for help before changing anything.',
        );
      }
    } catch (error) {
      throw toStoreError(error, 'open the project store', 'read');
    }
  }

  /** The schema version and markers of the installed database, read without a version change; null if none. */
  private async readInstalledVersion(): Promise<{ version: number; markers: readonly MigrationMarker[] } | null> {
    // A Dexie without declared versions opens whatever is there as it is, and refuses to create a missing one.
    const probe = new Dexie(this.name, { autoOpen: false, ...(this.factory ? { indexedDB: this.factory } : {}) });
    try {
      await probe.open();
    } catch (error) {
      if (error instanceof Dexie.NoSuchDatabaseError) return null;
      throw error;
    }
    try {
      const version = schemaVersionOfNative(probe.backendDB().version);
      const hasMeta = probe.tables.some((table) => table.name === 'meta');
      const stored: unknown[] = hasMeta ? await probe.table<unknown, string>('meta').toArray() : [];
      return { version, markers: stored.filter(isMigrationMarker) };
    } finally {
      probe.close();
    }
  }
}

/** Whether an action read the store or wrote to it, which decides what an error message can promise. */
export type StoreAction = 'read' | 'write';

/** Error names under which IndexedDB says it cannot be used here at all. */
const UNAVAILABLE_ERROR_NAMES = new Set(['MissingAPIError', 'SecurityError']);

/** The error, its Dexie `inner` error and its `cause`, and theirs, outermost first. */
function errorChain(error: unknown): readonly unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current !== null && current !== undefined && chain.length < 8 && !chain.includes(current)) {
    chain.push(current);
    if (typeof current !== 'object') break;
    const { inner, cause } = current as { inner?: unknown; cause?: unknown };
    current = inner ?? cause;
  }
  return chain;
}

function errorName(error: unknown): string {
  if (typeof error !== 'object' || error === null || !('name' in error)) return '';
  return typeof error.name === 'string' ? error.name : '';
}

function errorMessage(error: unknown): string {
  if (error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)) {
    const message = String((error as { message: unknown }).message).split('\n')[0]?.trim();
    if (message) return message;
  }
  return String(error);
}

/**
 * Turns whatever IndexedDB or Dexie threw into a StoreError a researcher can act on. A full disk may arrive as a
 * QuotaExceededError or as the `inner` error of Dexie's AbortError; both become 'quota'.
 */
export function toStoreError(error: unknown, action: string, kind: StoreAction): StoreError {
  const chain = errorChain(error);
  const storeError = chain.find((link): link is StoreError => link instanceof StoreError);
  if (storeError) return storeError;
  const consequence = kind === 'write' ? 'nothing of this action was saved' : 'nothing was changed';
  if (chain.some((link) => errorName(link) === 'QuotaExceededError')) {
    return new StoreError(
      'quota',
      `The disk or the browser storage is full: Tessera could not ${action}, and ${consequence}. ` +
        'Free some disk space, then try again.',
      { cause: error },
    );
  }
  if (chain.some((link) => UNAVAILABLE_ERROR_NAMES.has(errorName(link)))) {
    return new StoreError(
      'unavailable',
      `Tessera cannot use its project store here (IndexedDB is not available: ${errorMessage(error)}). ` +
        `It could not ${action}; ${consequence}.`,
      { cause: error },
    );
  }
  return new StoreError('failed', `Tessera could not ${action} (${errorMessage(error)}); ${consequence}.`, {
    cause: error,
  });
}

/**
 * Asks the browser to keep this origin's storage under storage pressure. Chromium decides by heuristics and
 * Electron's behaviour is undocumented, so callers log the answer and rely on backups, not on it. Resolves to
 * whether storage is persistent, or null where the Storage API is missing.
 */
export async function requestPersistentStorage(): Promise<boolean | null> {
  const storage = globalThis.navigator?.storage;
  if (!storage || typeof storage.persist !== 'function') return null;
  try {
    return await storage.persist();
  } catch {
    return false;
  }
}
