import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeProjectFile } from '#shared/project-file/project-file';
import { ProjectStore } from '#renderer/db/project-store.ts';
import { SCHEMA_VERSIONS } from '#renderer/db/schema.ts';
import { TesseraDb } from '#renderer/db/tessera-db.ts';
import { snapshotsBeforeUpgrade } from '#renderer/db/pre-upgrade-snapshot.ts';
import { version1File, version1Study, type Version1Study } from '../../fixtures/project-files/version1-records.ts';
import { byIds, storeErrorOf, uniqueDbName } from './project-records.ts';

const opened: Dexie[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/**
 * Seeds a database at schema version 1 the way Tessera 0.1's store wrote a project: the project record with its
 * sites and phases inside, document metadata and texts apart, and the other records as they were.
 */
async function seedVersion1(name: string, study: Version1Study): Promise<void> {
  const db = new TesseraDb(name, { versions: SCHEMA_VERSIONS, schemaVersion: 1 });
  opened.push(db);
  await db.openChecked();
  await db.transaction('rw', ['projects', 'coders', 'documents', 'documentTexts', 'codes', 'codings', 'memos'], async () => {
    await db.table('projects').add(study.project);
    await db.table('coders').bulkAdd(study.coders);
    await db.table('documents').bulkAdd(study.documents.map(({ text: _text, ...meta }) => meta));
    await db.table('documentTexts').bulkAdd(study.documents.map((d) => ({ id: d.id, projectId: d.projectId, text: d.text })));
    await db.table('codes').bulkAdd(study.codes);
    await db.table('codings').bulkAdd(study.codings);
    await db.table('memos').bulkAdd(study.memos);
  });
  db.close();
}

describe('a project store written by Tessera 0.1 (schema version 1)', () => {
  it('upgrades in place to the same project that opening 0.1’s file of it gives, record by record', async () => {
    const name = uniqueDbName('v1-upgrade');
    const study = version1Study();
    await seedVersion1(name, study);

    const store = new ProjectStore(name);
    const loaded = await store.loadProject(study.project.id as string);
    store.close();
    const fromFile = (await decodeProjectFile(version1File())).snapshot;
    // The database and the file upgrade through the same record migrations, so they agree to the last field.
    expect(byIds(loaded)).toEqual(byIds(fromFile));
    expect(loaded.codings.find((coding) => coding.id === study.codings[1]?.id)?.createdBy).toBe(study.codings[1]?.coderId);
    expect(loaded.sites.map((site) => site.code)).toEqual(['BU', 'TLV']);
    expect(loaded.documents.map((d) => d.text).sort()).toEqual(study.documents.map((d) => d.text).sort());
  });

  it('is written out first, as a format 1 file that opens as the project it was', async () => {
    const name = uniqueDbName('v1-snapshot');
    const study = version1Study();
    await seedVersion1(name, study);
    const pending = await snapshotsBeforeUpgrade(name, { appVersion: '0.2.0', savedAt: '2026-12-02T10:00:00.000Z' });
    expect(pending?.from).toBe(1);
    expect(pending?.to).toBe(SCHEMA_VERSIONS.length);
    expect(pending?.files.map((file) => file.projectName)).toEqual([study.project.name]);
    const decoded = await decodeProjectFile(pending?.files[0]?.bytes ?? new Uint8Array());
    expect(decoded.manifest.formatVersion).toBe(1);
    expect(byIds(decoded.snapshot)).toEqual(byIds((await decodeProjectFile(version1File())).snapshot));
    // Reading it changed nothing: the store is still at version 1, and after the upgrade nothing is pending.
    const raw = new Dexie(name);
    opened.push(raw);
    await raw.open();
    expect(raw.verno).toBe(1);
    raw.close();
    const store = new ProjectStore(name);
    await store.listProjects();
    store.close();
    expect(await snapshotsBeforeUpgrade(name, { appVersion: '0.2.0', savedAt: '2026-12-02T10:00:00.000Z' })).toBeNull();
  });

  it('leaves the version 1 data as it was, and says so, when the upgrade fails half-way', async () => {
    const name = uniqueDbName('v1-upgrade-fails');
    const study = version1Study();
    // A damaged coding (no creation time) stops the migration after the project, coders and codes were migrated.
    const damaged = { ...study, codings: study.codings.map((coding, i) => (i === 3 ? { ...coding, createdAt: undefined } : coding)) };
    await seedVersion1(name, damaged as unknown as Version1Study);

    const db = new TesseraDb(name);
    opened.push(db);
    const error = await storeErrorOf(db.openChecked(), 'failed');
    expect(error.message).toMatch(/could not upgrade your project store from version 1 to 3/);
    expect(error.message).toMatch(/Nothing was changed/);

    // Read with no schema of ours: still version 1, every record as it was seeded.
    const raw = new Dexie(name);
    opened.push(raw);
    await raw.open();
    expect(raw.verno).toBe(1);
    expect(raw.tables.map((table) => table.name)).not.toContain('sites');
    expect(await raw.table('projects').toArray()).toEqual([study.project]);
    expect(await raw.table('codings').toArray()).toEqual(
      expect.arrayContaining(damaged.codings.filter((_, i) => i !== 3).map((coding) => expect.objectContaining(coding))),
    );
    expect(await raw.table('codes').count()).toBe(study.codes.length);
  });
});
