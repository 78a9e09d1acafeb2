import 'fake-indexeddb/auto';
import Dexie, { type DBCore, type DBCoreMutateRequest, type Middleware } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyChange, type ProjectChange } from '#shared/model/change';
import type { Code, Coding, Memo } from '#shared/model/types';
import { ProjectStore } from '#renderer/db/project-store.ts';
import { TesseraDb, requestPersistentStorage } from '#renderer/db/tessera-db.ts';
import {
  byIds,
  makeCoder,
  makeCoding,
  makeMemo,
  makeStudy,
  makeTranscript,
  recordFactory,
  storeErrorOf,
  uniqueDbName,
} from './project-records.ts';

const opened: TesseraDb[] = [];

/** A database with a unique name, closed after the test. */
function freshDb(label: string, name = uniqueDbName(label)): TesseraDb {
  const db = new TesseraDb(name);
  opened.push(db);
  return db;
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  vi.restoreAllMocks();
});

/**
 * A middleware that, once `failing.on` is set, fails writes to one table with the error `makeError` returns. Dexie
 * builds its middleware stack when the database opens, so it is installed before the first use.
 */
function failWritesTo(
  table: string,
  makeError: () => unknown,
): { middleware: Middleware<DBCore>; failing: { on: boolean } } {
  const failing = { on: false };
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: `fail-writes-to-${table}`,
    create: (down) => ({
      ...down,
      table: (name) => {
        const downTable = down.table(name);
        if (name !== table) return downTable;
        return {
          ...downTable,
          mutate: (request: DBCoreMutateRequest) =>
            failing.on ? Promise.reject(makeError()) : downTable.mutate(request),
        };
      },
    }),
  };
  return { middleware, failing };
}

/** The error Chromium raises when the disk or the origin's quota is full. */
function quotaExceeded(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

describe('ProjectStore round trips', () => {
  it('creates, lists and loads a project with every kind of record', async () => {
    const f = recordFactory(1);
    const study = makeStudy(f);
    const store = new ProjectStore(freshDb('round-trip'));

    await store.createProject(study);

    expect(await store.listProjects()).toEqual([
      {
        id: study.project.id,
        name: study.project.name,
        modifiedAt: study.project.modifiedAt,
        documentCount: 2,
        codeCount: 4,
        codingCount: 4,
      },
    ]);
    const loaded = await store.loadProject(study.project.id);
    expect(byIds(loaded)).toEqual(byIds(study));
  });

  it('keeps document texts out of the documents table and joins them back on load', async () => {
    const f = recordFactory(2);
    const study = makeStudy(f);
    const db = freshDb('texts');
    const store = new ProjectStore(db);
    await store.createProject(study);

    const first = study.documents[0];
    if (!first) throw new Error('the study has documents');
    const meta = await db.documents.get(first.id);
    expect(meta).toBeDefined();
    expect(meta && 'text' in meta).toBe(false);
    const text = await db.documentTexts.get(first.id);
    expect(text).toEqual({ id: first.id, projectId: study.project.id, text: first.text });
    expect((await store.loadProject(study.project.id)).documents.find((d) => d.id === first.id)?.text).toBe(first.text);
  });

  it('orders records: documents by name, codes by parent then order, codings by place', async () => {
    const f = recordFactory(3);
    const study = makeStudy(f);
    const store = new ProjectStore(freshDb('order'));
    await store.createProject(study);

    const loaded = await store.loadProject(study.project.id);
    // "FG BU 2 post" sorts before "FG BU 10 pre": numbers compare as numbers.
    expect(loaded.documents.map((d) => d.name)).toEqual(['FG BU 2 post', 'FG BU 10 pre']);
    const [outer, inner, ...children] = loaded.codes;
    expect([outer?.name, inner?.name]).toEqual(['Outer Setting', 'Inner Setting']);
    expect(children.map((code) => code.name)).toEqual(['Available Resources', 'Culture']);
    for (let i = 1; i < loaded.codings.length; i++) {
      const previous = loaded.codings[i - 1] as Coding;
      const current = loaded.codings[i] as Coding;
      const inOrder =
        previous.documentId < current.documentId ||
        (previous.documentId === current.documentId && previous.start <= current.start);
      expect(inOrder).toBe(true);
    }
  });

  it('commits puts and deletes of every kind and sets modifiedAt', async () => {
    const f = recordFactory(4);
    const study = makeStudy(f);
    const store = new ProjectStore(freshDb('commit'));
    await store.createProject(study);

    const [bu, mu] = study.documents;
    const [ada] = study.coders;
    const [, , culture, resources] = study.codes;
    if (!bu || !mu || !ada || !culture || !resources) throw new Error('the study is complete');
    const newCoder = makeCoder(f, study.project.id, 'Chinua Achebe', 'CA');
    const fieldNotes = makeTranscript(f, study, 'Field notes BU 10', [
      'The room was loud; two participants left early.',
    ]);
    const renamed = { ...resources, name: 'Staffing and resources', modifiedAt: '2026-11-23T10:00:00.000Z' };
    const newCoding = makeCoding(f, bu, 5, culture, newCoder);
    const newMemo = makeMemo(f, study.project.id, { kind: 'document', id: fieldNotes.id }, 'Context', 'Loud room.');
    const codingsOfMu = study.codings.filter((coding) => coding.documentId === mu.id).map((coding) => coding.id);
    const change: ProjectChange = {
      project: { ...study.project, description: 'Now with field notes' },
      put: { coders: [newCoder], documents: [fieldNotes], codes: [renamed], codings: [newCoding], memos: [newMemo] },
      delete: {
        coders: [],
        documents: [mu.id],
        codings: codingsOfMu,
        memos: [(study.memos[0] as Memo).id],
        codes: [(study.codes[1] as typeof culture).id],
      },
    };
    const at = '2026-11-23T11:30:00.000Z';

    await store.commit(study.project.id, change, at);

    const expected = applyChange(study, change);
    const loaded = await store.loadProject(study.project.id);
    expect(byIds(loaded)).toEqual(byIds({ ...expected, project: { ...expected.project, modifiedAt: at } }));
    expect(loaded.project.description).toBe('Now with field notes');
    expect((await store.listProjects())[0]?.modifiedAt).toBe(at);
  });

  it('deletes the text with the document', async () => {
    const f = recordFactory(5);
    const study = makeStudy(f);
    const db = freshDb('delete-text');
    const store = new ProjectStore(db);
    await store.createProject(study);
    const mu = study.documents[1];
    if (!mu) throw new Error('the study has two documents');

    const codings = study.codings.filter((coding) => coding.documentId === mu.id).map((coding) => coding.id);
    await store.commit(study.project.id, { delete: { documents: [mu.id], codings } }, '2026-11-23T12:00:00.000Z');

    expect(await db.documents.get(mu.id)).toBeUndefined();
    expect(await db.documentTexts.get(mu.id)).toBeUndefined();
    expect(await db.documentTexts.where('projectId').equals(study.project.id).count()).toBe(1);
  });

  it('commits 3,000 codings in one change', async () => {
    const f = recordFactory(6);
    const study = makeStudy(f);
    const store = new ProjectStore(freshDb('bulk'));
    await store.createProject(study);
    const [bu] = study.documents;
    const [ada, grace] = study.coders;
    const codable = study.codes.filter((code) => code.isCodable);
    if (!bu || !ada || !grace) throw new Error('the study is complete');
    const codings = Array.from({ length: 3000 }, (_, i) =>
      makeCoding(f, bu, (i % bu.paragraphs.length) + 1, codable[i % codable.length] as Code, i % 2 ? ada : grace),
    );

    await store.commit(study.project.id, { put: { codings } }, '2026-11-23T13:00:00.000Z');

    expect((await store.listProjects())[0]?.codingCount).toBe(3004);
    expect((await store.loadProject(study.project.id)).codings).toHaveLength(3004);
    expect(await store.codingsOfDocument(study.project.id, bu.id)).toHaveLength(3003);
  });

  it('finds the codings of a document and of a code through the compound indexes', async () => {
    const f = recordFactory(7);
    const study = makeStudy(f);
    const store = new ProjectStore(freshDb('compound'));
    await store.createProject(study);
    const [bu] = study.documents;
    const resources = study.codes[3];
    if (!bu || !resources) throw new Error('the study is complete');

    const ofDocument = await store.codingsOfDocument(study.project.id, bu.id);
    expect(ofDocument.map((coding) => coding.start)).toEqual(
      study.codings.filter((coding) => coding.documentId === bu.id).map((coding) => coding.start).sort((a, b) => a - b),
    );
    const ofCode = await store.codingsOfCode(study.project.id, resources.id);
    expect(ofCode.map((coding) => coding.id).sort()).toEqual(
      study.codings.filter((coding) => coding.codeId === resources.id).map((coding) => coding.id).sort(),
    );
    expect(await store.codingsOfCode('00000000-0000-4000-8000-000000000000', resources.id)).toEqual([]);
  });

  it('lists projects most recently modified first', async () => {
    const store = new ProjectStore(freshDb('list-order'));
    const older = makeStudy(recordFactory(8), 'Older study');
    const newer = makeStudy(recordFactory(9), 'Newer study');
    await store.createProject(older);
    await store.createProject(newer);
    await store.commit(older.project.id, {}, '2026-11-24T08:00:00.000Z');

    expect((await store.listProjects()).map((summary) => summary.name)).toEqual(['Older study', 'Newer study']);
  });

  it('deletes a project and every record of it, and nothing of another project', async () => {
    const db = freshDb('delete-project');
    const store = new ProjectStore(db);
    const doomed = makeStudy(recordFactory(10), 'Doomed');
    const kept = makeStudy(recordFactory(11), 'Kept');
    await store.createProject(doomed);
    await store.createProject(kept);

    await store.deleteProject(doomed.project.id);

    for (const table of ['coders', 'documents', 'documentTexts', 'codes', 'codings', 'memos']) {
      expect(await db.table(table).where('projectId').equals(doomed.project.id).count()).toBe(0);
      expect(await db.table(table).where('projectId').equals(kept.project.id).count()).toBeGreaterThan(0);
    }
    expect(await db.projects.get(doomed.project.id)).toBeUndefined();
    expect(byIds(await store.loadProject(kept.project.id))).toEqual(byIds(kept));
    await storeErrorOf(store.loadProject(doomed.project.id), 'not-found');
    await storeErrorOf(store.deleteProject(doomed.project.id), 'not-found');
  });

  it('keeps everything across closing and reopening the database', async () => {
    const name = uniqueDbName('reopen');
    const study = makeStudy(recordFactory(12));
    const first = new ProjectStore(freshDb('reopen', name));
    await first.createProject(study);
    await first.setSetting('last-project', study.project.id);
    first.close();

    const second = new ProjectStore(name);
    try {
      expect(byIds(await second.loadProject(study.project.id))).toEqual(byIds(study));
      expect(await second.getSetting('last-project')).toBe(study.project.id);
    } finally {
      second.close();
    }
  });

  it('reads, writes and removes settings', async () => {
    const store = new ProjectStore(freshDb('settings'));
    expect(await store.getSetting('theme')).toBeNull();
    await store.setSetting('theme', 'dark');
    expect(await store.getSetting('theme')).toBe('dark');
    await store.setSetting('theme', 'light');
    expect(await store.getSetting('theme')).toBe('light');
    await store.setSetting('theme', null);
    expect(await store.getSetting('theme')).toBeNull();
  });
});

describe('ProjectStore refusals', () => {
  it('refuses to create a project whose id is already in the store', async () => {
    const study = makeStudy(recordFactory(13));
    const store = new ProjectStore(freshDb('exists'));
    await store.createProject(study);
    const error = await storeErrorOf(store.createProject({ ...study, codings: [] }), 'already-exists');
    expect(error.message).toContain(study.project.id);
    expect((await store.loadProject(study.project.id)).codings).toHaveLength(4);
  });

  it("refuses to create a project whose records would overwrite another project's", async () => {
    const db = freshDb('collide');
    const store = new ProjectStore(db);
    const first = makeStudy(recordFactory(14), 'First');
    await store.createProject(first);
    const f = recordFactory(15);
    const second = makeStudy(f, 'Second');
    const stolen = { ...(first.codings[0] as Coding), projectId: second.project.id };

    await storeErrorOf(store.createProject({ ...second, codings: [...second.codings, stolen] }), 'already-exists');

    expect(await db.projects.get(second.project.id)).toBeUndefined();
    expect(await db.coders.where('projectId').equals(second.project.id).count()).toBe(0);
    expect(await db.codings.get(stolen.id)).toEqual(first.codings[0]);
  });

  it('replaces a project with the same id in one transaction', async () => {
    const study = makeStudy(recordFactory(30));
    const store = new ProjectStore(freshDb('replace'));
    await store.createProject(study);
    const fromFile = { ...study, project: { ...study.project, name: 'From the file' }, codings: study.codings.slice(1) };
    await store.createProject(fromFile, { replace: true });
    const loaded = await store.loadProject(study.project.id);
    expect(loaded.project.name).toBe('From the file');
    expect(loaded.codings).toHaveLength(study.codings.length - 1);
  });

  it('keeps the old project when a replacement fails', async () => {
    const study = makeStudy(recordFactory(31));
    const db = freshDb('replace-fails');
    const store = new ProjectStore(db);
    await store.createProject(study);
    const memo = makeMemo(recordFactory(32), study.project.id, { kind: 'project' }, 'Bad', 'x');
    const unstorable = { ...memo, onOpen: () => undefined } as Memo;
    await storeErrorOf(store.createProject({ ...study, codings: [], memos: [unstorable] }, { replace: true }), 'failed');
    expect(byIds(await store.loadProject(study.project.id))).toEqual(byIds(study));
  });

  it('refuses a commit to a project that does not exist, and writes nothing', async () => {
    const db = freshDb('missing');
    const store = new ProjectStore(db);
    const f = recordFactory(16);
    const ghost = makeStudy(f, 'Never created');
    const coder = makeCoder(f, ghost.project.id, 'Ada Lovelace', 'AL');

    const commit = store.commit(ghost.project.id, { put: { coders: [coder] } }, '2026-11-23T09:00:00.000Z');
    await storeErrorOf(commit, 'not-found');
    expect(await db.coders.get(coder.id)).toBeUndefined();
    expect(await db.projects.count()).toBe(0);
  });

  it('refuses to load a project whose document text is missing rather than open it broken', async () => {
    const db = freshDb('lost-text');
    const store = new ProjectStore(db);
    const study = makeStudy(recordFactory(24));
    await store.createProject(study);
    const [bu] = study.documents;
    if (!bu) throw new Error('the study has documents');
    await db.documentTexts.delete(bu.id);

    const error = await storeErrorOf(store.loadProject(study.project.id), 'failed');
    expect(error.message).toContain(`"${bu.name}"`);
  });

  it('refuses records of another project, put or deleted', async () => {
    const db = freshDb('foreign');
    const store = new ProjectStore(db);
    const mine = makeStudy(recordFactory(17), 'Mine');
    const theirs = makeStudy(recordFactory(18), 'Theirs');
    await store.createProject(mine);
    await store.createProject(theirs);
    const theirCoding = theirs.codings[0] as Coding;
    const at = '2026-11-23T14:00:00.000Z';

    // A record that says it belongs elsewhere.
    await storeErrorOf(store.commit(mine.project.id, { put: { codings: [theirCoding] } }, at), 'not-found');
    // A record that claims to be ours but whose id is another project's.
    const disguised = { ...theirCoding, projectId: mine.project.id };
    await storeErrorOf(store.commit(mine.project.id, { put: { codings: [disguised] } }, at), 'not-found');
    // Deleting another project's record.
    await storeErrorOf(store.commit(mine.project.id, { delete: { codings: [theirCoding.id] } }, at), 'not-found');
    // A project record of another project.
    await storeErrorOf(store.commit(mine.project.id, { project: theirs.project }, at), 'not-found');

    expect(await db.codings.get(theirCoding.id)).toEqual(theirCoding);
    expect(byIds(await store.loadProject(mine.project.id))).toEqual(byIds(mine));
    expect(byIds(await store.loadProject(theirs.project.id))).toEqual(byIds(theirs));
  });
});

describe('ProjectStore durability', () => {
  it('opens with strict durability and uses it for the transactions of a commit', async () => {
    const db = freshDb('durability');
    expect(db._options.chromeTransactionDurability).toBe('strict');
    // Dexie binds IDBDatabase.transaction when it opens, so the spy goes on before.
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const store = new ProjectStore(db);
    const study = makeStudy(recordFactory(19));
    await store.createProject(study);
    transaction.mockClear();

    const memo = makeMemo(recordFactory(20), study.project.id, { kind: 'project' }, 'Note', 'Strict, please.');
    await store.commit(study.project.id, { put: { memos: [memo] } }, '2026-11-23T15:00:00.000Z');

    const writes = transaction.mock.calls.flatMap(([, mode, options], index) =>
      mode === 'readwrite' ? [{ options, opened: transaction.mock.results[index]?.value as IDBTransaction }] : [],
    );
    expect(writes).toHaveLength(1);
    expect(writes[0]?.options).toEqual({ durability: 'strict' });
    expect(writes[0]?.opened.durability).toBe('strict');
  });

  it('leaves nothing of a commit that fails mid-way', async () => {
    const db = freshDb('atomic');
    const store = new ProjectStore(db);
    const f = recordFactory(21);
    const study = makeStudy(f);
    await store.createProject(study);
    const [bu] = study.documents;
    const [ada] = study.coders;
    const culture = study.codes[2];
    if (!bu || !ada || !culture) throw new Error('the study is complete');
    const coder = makeCoder(f, study.project.id, 'Chinua Achebe', 'CA');
    const notes = makeTranscript(f, study, 'Field notes', ['Quiet room.']);
    const coding = makeCoding(f, bu, 2, culture, ada);
    // IndexedDB cannot store a function: the memo put, written after the coders, documents and codings of the
    // same change, fails with a DataCloneError from IndexedDB itself.
    const memo = makeMemo(f, study.project.id, { kind: 'project' }, 'Bad', 'x');
    const unstorable = { ...memo, onOpen: () => undefined } as Memo;

    const error = await storeErrorOf(
      store.commit(
        study.project.id,
        {
          put: { coders: [coder], documents: [notes], codings: [coding], memos: [unstorable] },
          delete: { codes: [culture.id] },
        },
        '2026-11-23T16:00:00.000Z',
      ),
      'failed',
    );
    expect(error.message).toContain('nothing of this action was saved');
    expect(await db.coders.get(coder.id)).toBeUndefined();
    expect(await db.documents.get(notes.id)).toBeUndefined();
    expect(await db.documentTexts.get(notes.id)).toBeUndefined();
    expect(await db.codings.get(coding.id)).toBeUndefined();
    expect(await db.codes.get(culture.id)).toEqual(culture);
    expect(byIds(await store.loadProject(study.project.id))).toEqual(byIds(study));
  });

  it('reports a full disk as quota and keeps nothing of the transaction', async () => {
    const db = freshDb('quota');
    const { middleware, failing } = failWritesTo('codings', quotaExceeded);
    db.use(middleware);
    const store = new ProjectStore(db);
    const f = recordFactory(22);
    const study = makeStudy(f);
    await store.createProject(study);
    const [bu] = study.documents;
    const [ada] = study.coders;
    const culture = study.codes[2];
    if (!bu || !ada || !culture) throw new Error('the study is complete');
    failing.on = true;
    const coder = makeCoder(f, study.project.id, 'Chinua Achebe', 'CA');
    const coding = makeCoding(f, bu, 2, culture, ada);

    const change = { put: { coders: [coder], codings: [coding] } };
    const commit = store.commit(study.project.id, change, '2026-11-23T17:00:00.000Z');
    const error = await storeErrorOf(commit, 'quota');

    expect(error.message).toMatch(/^The disk or the browser storage is full: .*nothing of this action was saved/);
    failing.on = false;
    expect(await db.coders.get(coder.id)).toBeUndefined();
    expect(byIds(await store.loadProject(study.project.id))).toEqual(byIds(study));
  });

  it('recognises a full disk inside the AbortError Dexie reports', async () => {
    const db = freshDb('quota-inner');
    const { middleware, failing } = failWritesTo(
      'projects',
      () => new Dexie.AbortError('Transaction aborted', quotaExceeded()),
    );
    db.use(middleware);
    const store = new ProjectStore(db);
    const study = makeStudy(recordFactory(23));
    await store.createProject(study);
    failing.on = true;

    const rename = { project: { ...study.project, name: 'Renamed' } };
    await storeErrorOf(store.commit(study.project.id, rename, '2026-11-23T18:00:00.000Z'), 'quota');
    failing.on = false;
    expect((await store.loadProject(study.project.id)).project).toEqual(study.project);
  });

  it('reports other failures as failed, with the cause', async () => {
    const db = freshDb('failed');
    const store = new ProjectStore(db);
    const boom = new Error('disk I/O error');
    const { middleware, failing } = failWritesTo('settings', () => boom);
    db.use(middleware);
    failing.on = true;

    const error = await storeErrorOf(store.setSetting('theme', 'dark'), 'failed');
    expect(error.message).toContain('disk I/O error');
    expect(error.cause).toBe(boom);
  });

  it('reports a missing or forbidden IndexedDB as unavailable', async () => {
    const forbidden = {
      open: () => {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const missing = { open: () => null } as unknown as IDBFactory;

    for (const factory of [forbidden, missing]) {
      const store = new ProjectStore(new TesseraDb(uniqueDbName('unavailable'), { indexedDB: factory }));
      const error = await storeErrorOf(store.listProjects(), 'unavailable');
      expect(error.message).toContain('IndexedDB is not available');
    }
  });
});

describe('requestPersistentStorage', () => {
  it('returns null where there is no Storage API', async () => {
    vi.stubGlobal('navigator', {});
    try {
      expect(await requestPersistentStorage()).toBeNull();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("returns the browser's answer, and false when asking fails", async () => {
    const persist = vi.fn<() => Promise<boolean>>().mockResolvedValueOnce(true).mockRejectedValueOnce(new Error('no'));
    vi.stubGlobal('navigator', { storage: { persist } });
    try {
      expect(await requestPersistentStorage()).toBe(true);
      expect(await requestPersistentStorage()).toBe(false);
      expect(persist).toHaveBeenCalledTimes(2);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
