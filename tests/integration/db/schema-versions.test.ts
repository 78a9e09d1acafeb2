import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { Code } from '#shared/model/types';
import { ProjectStore } from '#renderer/db/project-store.ts';
import { SCHEMA_VERSIONS, type SchemaVersion } from '#renderer/db/schema.ts';
import { TesseraDb, migrationMarkerKey, type TesseraDbOptions } from '#renderer/db/tessera-db.ts';
import { byIds, makeStudy, recordFactory, storeErrorOf, uniqueDbName } from './project-records.ts';

const opened: Dexie[] = [];

function openDb(name: string, options: TesseraDbOptions = {}): TesseraDb {
  const db = new TesseraDb(name, options);
  opened.push(db);
  return db;
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** The IndexedDB version of a database, read without changing it (Dexie opens version n as 10n). */
async function nativeVersion(name: string): Promise<number> {
  const databases = await indexedDB.databases();
  const found = databases.find((database) => database.name === name);
  if (!found?.version) throw new Error(`no database ${name}`);
  return found.version;
}

const shipped = SCHEMA_VERSIONS.length;
const newestShipped = SCHEMA_VERSIONS[shipped - 1] as SchemaVersion;

/**
 * Test-only migration of a test-only version 2: codes get `originKind`, copied out of `origin` so that it can be
 * indexed. Pure, like the migrations of shared/model/migrations, and strict about what it accepts.
 */
function codeWithOriginKind(stored: unknown): object {
  const code = stored as Partial<Code>;
  if (typeof code.id !== 'string' || typeof code.origin?.kind !== 'string') {
    throw new Error(`A stored code has no origin: ${JSON.stringify(stored)}`);
  }
  return { ...code, originKind: code.origin.kind };
}

/** A version after the newest shipped one that exists only in these tests, to exercise the upgrade mechanism. */
const testVersionNext: SchemaVersion = {
  version: shipped + 1,
  date: '2026-11-23',
  changes: ['codes are indexed by originKind, copied from origin.kind.'],
  stores: { ...newestShipped.stores, codes: 'id, projectId, parentId, originKind' },
  migrations: [{ table: 'codes', migrate: codeWithOriginKind }],
};

const testVersions: readonly SchemaVersion[] = [...SCHEMA_VERSIONS, testVersionNext];
const markersUpTo = (version: number): number[] => Array.from({ length: version }, (_, i) => i + 1);

describe('the shipped schema', () => {
  it('has integer versions from 1, each with a date and its changes, and never indexes text', () => {
    SCHEMA_VERSIONS.forEach((definition, index) => {
      expect(definition.version).toBe(index + 1);
      expect(definition.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(definition.changes.length).toBeGreaterThan(0);
      for (const declaration of Object.values(definition.stores)) {
        expect(declaration ?? '').not.toMatch(/\btext\b/);
      }
    });
  });

  it('gives a new database the marker of every version', async () => {
    const db = openDb(uniqueDbName('markers'));
    await db.openChecked();
    const keys = (await db.meta.toArray()).map((marker) => marker.key);
    expect(keys).toEqual(SCHEMA_VERSIONS.map((definition) => migrationMarkerKey(definition.version)));
    expect(db.verno).toBe(SCHEMA_VERSIONS.length);
  });

  it('refuses a version list that is not 1, 2, 3, ...', () => {
    expect(() => new TesseraDb(uniqueDbName('bad-list'), { versions: [testVersionNext] })).toThrow(/1, 2, 3/);
    expect(() => new TesseraDb(uniqueDbName('bad-version'), { schemaVersion: 99 })).toThrow(/no schema version 99/);
  });
});

describe('upgrading with a data migration', () => {
  it('opens at the newest shipped version, seeds, reopens at the next and finds the records migrated', async () => {
    const name = uniqueDbName('migrate');
    const study = makeStudy(recordFactory(30));

    const old = openDb(name, { versions: testVersions, schemaVersion: shipped });
    await new ProjectStore(old).createProject(study);
    old.close();
    expect(await nativeVersion(name)).toBe(10 * shipped);

    const upgraded = openDb(name, { versions: testVersions });
    await upgraded.openChecked();

    expect(await nativeVersion(name)).toBe(10 * (shipped + 1));
    const codes = await upgraded.table<{ id: string; originKind: string }>('codes').toArray();
    expect(codes).toHaveLength(study.codes.length);
    expect(codes.every((code) => code.originKind === 'cfir')).toBe(true);
    // The new index exists and serves queries.
    expect(await upgraded.table('codes').where('originKind').equals('cfir').count()).toBe(study.codes.length);
    expect((await upgraded.meta.toArray()).map((marker) => marker.version)).toEqual(markersUpTo(shipped + 1));
    // Everything else came through untouched.
    const loaded = await new ProjectStore(upgraded).loadProject(study.project.id);
    expect(byIds({ ...loaded, codes: [] })).toEqual(byIds({ ...study, codes: [] }));
  });

  it('leaves the database at the old version, with its data, when a migration fails', async () => {
    const name = uniqueDbName('migrate-fails');
    const study = makeStudy(recordFactory(31));
    const old = openDb(name, { versions: testVersions, schemaVersion: shipped });
    await new ProjectStore(old).createProject(study);
    old.close();

    const failing: SchemaVersion = {
      ...testVersionNext,
      migrations: [
        {
          table: 'codes',
          migrate: () => {
            throw new Error('this record cannot be migrated');
          },
        },
      ],
    };
    const broken = openDb(name, { versions: [...SCHEMA_VERSIONS, failing] });
    const error = await storeErrorOf(broken.openChecked(), 'failed');
    expect(error.message).toContain('this record cannot be migrated');
    expect(broken.isOpen()).toBe(false);

    expect(error.message).toContain('Nothing was changed');
    expect(await nativeVersion(name)).toBe(10 * shipped);
    const again = openDb(name);
    await again.openChecked();
    expect(byIds(await new ProjectStore(again).loadProject(study.project.id))).toEqual(byIds(study));
    expect((await again.meta.toArray()).map((marker) => marker.version)).toEqual(markersUpTo(shipped));
  });
});

describe('a store written by a newer Tessera', () => {
  it('is refused, and neither opened, upgraded nor changed', async () => {
    const name = uniqueDbName('newer');
    const study = makeStudy(recordFactory(32));
    const newer = openDb(name, { versions: testVersions });
    await new ProjectStore(newer).createProject(study);
    newer.close();

    const current = openDb(name);
    const error = await storeErrorOf(current.openChecked(), 'newer-version');
    expect(error.message).toMatch(/^This project store was written by a newer version of Tessera /);
    expect(error.message).toMatch(/Update Tessera; nothing was changed\.$/);
    expect(current.isOpen()).toBe(false);
    // Through the store as well, and the same again on a second try.
    const store = new ProjectStore(name);
    await storeErrorOf(store.listProjects(), 'newer-version');
    await storeErrorOf(store.loadProject(study.project.id), 'newer-version');
    store.close();
    // An older schemaVersion of the same list is refused the same way.
    await storeErrorOf(openDb(name, { versions: testVersions, schemaVersion: shipped }).openChecked(), 'newer-version');

    expect(await nativeVersion(name)).toBe(10 * (shipped + 1));
    const reopened = openDb(name, { versions: testVersions });
    await reopened.openChecked();
    expect((await reopened.meta.toArray()).map((marker) => marker.version)).toEqual(markersUpTo(shipped + 1));
    expect(byIds(await new ProjectStore(reopened).loadProject(study.project.id))).toEqual(byIds(study));
  });

  it('is refused when only its migration markers are newer', async () => {
    const name = uniqueDbName('newer-marker');
    const db = openDb(name);
    await db.openChecked();
    const completedAt = '2027-01-01T00:00:00.000Z';
    const marker = { key: migrationMarkerKey(shipped + 1), version: shipped + 1, completedAt, appVersion: '9.0.0' };
    await db.meta.put(marker);
    db.close();

    await storeErrorOf(openDb(name).openChecked(), 'newer-version');
  });
});

describe('the migration-completed markers', () => {
  it('refuse a store whose marker for a version is missing', async () => {
    const name = uniqueDbName('no-marker');
    const study = makeStudy(recordFactory(33));
    const db = openDb(name);
    await new ProjectStore(db).createProject(study);
    await db.meta.delete(migrationMarkerKey(1));
    db.close();

    const reopened = openDb(name);
    const error = await storeErrorOf(reopened.openChecked(), 'failed');
    expect(error.message).toContain('upgrade to version 1 did not complete');
    expect(reopened.isOpen()).toBe(false);
    // Refusing changed nothing: the records are all still there.
    const raw = new Dexie(name);
    opened.push(raw);
    await raw.open();
    expect(await raw.table('codings').count()).toBe(study.codings.length);
  });
});
