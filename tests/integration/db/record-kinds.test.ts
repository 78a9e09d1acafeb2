/**
 * Every kind of record the model declares (shared/model/record-kinds.ts) is handled by everything that handles
 * records generically: the schema, applyChange and invertChange, the stamps and tombstones of a commit, the project
 * index's lookup, the id renewal of a copied project, the manifest's counts, the .tessera file, the store's tables
 * and commit, and `tessera info`. A kind declared there and missed by one of these fails here, by name; the kinds
 * added by model v2 (document groups, cases, ratings) were added by their declaration and their own module alone.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { applyChange, invertChange } from '#shared/model/change';
import { RECORD_KINDS, RECORD_KIND_DEFINITIONS, type RecordKind, type RecordOf } from '#shared/model/record-kinds';
import { RECORD_SCHEMAS } from '#shared/model/schema';
import { commitChange, recordFinder, stampChange, stampsAt } from '#shared/model/stamps';
import type { ProjectSnapshot } from '#shared/model/types';
import { buildProjectIndex, recordLookup } from '#shared/index/project-index';
import { snapshotCounts } from '#shared/project-file/manifest';
import { decodeProjectFile, encodeProjectFile } from '#shared/project-file/project-file';
import { remapProjectIds } from '#shared/project-file/remap-ids';
import { seededRandom, seededUuidGenerator } from '#shared/model/ids';
import { synthesizeStudy } from '#shared/synth/synthesize-study';
import { ProjectStore } from '#renderer/db/project-store.ts';
import { PROJECT_TABLES, SCHEMA_VERSIONS } from '#renderer/db/schema.ts';
import { runCli } from '../../../cli/main.ts';
import { uniqueDbName } from './project-records.ts';

const base = synthesizeStudy({ documents: 3, wordsPerDocument: 200, codes: 8, codings: 20, coders: 2, seed: 3 });
const newId = seededUuidGenerator(seededRandom(11));
const at = '2026-12-01T10:00:00.000Z';
const projectId = base.project.id;
const coder = base.coders[0]?.id ?? null;
const stamps = { projectId, ...stampsAt(at, coder) };
const [site] = base.sites;
const [phase] = base.phases;
const [document] = base.documents;
const code = base.codes.find((c) => c.isCodable);
const [coding] = base.codings;
if (!site || !phase || !document || !code || !coding) throw new Error('the synthetic study has every kind it needs');

/**
 * One new record of each kind, referring to records of `base`. A kind added to the declaration needs an example
 * here, or every test below fails for it.
 */
const caseId = newId();
const EXAMPLES: { readonly [K in RecordKind]: () => RecordOf<K> } = {
  sites: () => ({ id: newId(), ...stamps, code: 'NEW', name: 'A new site', order: 99 }),
  phases: () => ({ id: newId(), ...stamps, name: 'follow-up', order: 3 }),
  coders: () => ({ id: newId(), ...stamps, name: 'New Coder', initials: 'NC' }),
  documentGroups: () => ({ id: newId(), ...stamps, name: 'Validated', description: '', documentIds: [document.id] }),
  documents: () => ({ ...document, id: newId(), name: 'A copy', linkedDocumentId: null, ...stamps }),
  originals: () => ({
    id: newId(),
    ...stamps,
    documentId: document.id,
    language: 'Luganda',
    direction: 'ltr',
    source: { fileName: 'original.txt', format: 'txt', encoding: 'utf-8', importedAt: at },
    paragraphs: [
      { n: 1, start: 0, end: 8, utteranceStart: 0, speakerId: null, timestamps: [] },
      { n: 2, start: 9, end: 14, utteranceStart: 9, speakerId: null, timestamps: [] },
    ],
    speakers: [],
    length: 14,
    text: 'Omusomo.\nKale.',
    alignment: { pairs: [{ original: { start: 0, end: 2 }, translation: { start: 0, end: document.paragraphs.length } }], fixed: [] },
  }),
  codes: () => ({ ...code, id: newId(), name: 'A new code', ...stamps }),
  codings: () => ({ ...coding, id: newId(), start: 0, end: 4, ...stamps }),
  memos: () => ({ id: newId(), ...stamps, target: { kind: 'project' }, title: 'Note', text: 'A thought.' }),
  cases: () => ({ id: caseId, ...stamps, name: site.code, scope: { kind: 'site', siteId: site.id }, outcomes: { implementation: 'high' }, description: '', order: 1 }),
  ratings: () => ({ id: newId(), ...stamps, caseId, codeId: code.id, value: '+1', summary: 'Helped', rationale: 'Weekly visits', evidenceCodingIds: [coding.id] }),
  tombstones: () => ({ id: newId(), ...stamps, kind: 'codings' }),
};

/** The base study with one example of every kind added (the rating's case included). */
function withEveryKind(): { snapshot: ProjectSnapshot; added: { readonly [K in RecordKind]: RecordOf<K> } } {
  const added = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, EXAMPLES[kind]()])) as { [K in RecordKind]: RecordOf<K> };
  const put = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, [added[kind]]]));
  return { snapshot: applyChange(base, { put }), added };
}

describe.each(RECORD_KINDS)('the record kind %s', (kind) => {
  const definition = RECORD_KIND_DEFINITIONS[kind];
  const record = () => EXAMPLES[kind]() as RecordOf<typeof kind>;

  it('has a schema that accepts a record of it and refuses one without stamps', () => {
    const example = record();
    expect(RECORD_SCHEMAS[kind].safeParse(example).success).toBe(true);
    const { clock: _clock, ...unstamped } = example;
    expect(RECORD_SCHEMAS[kind].safeParse(unstamped).success).toBe(false);
  });

  it('is put by applyChange, taken back by invertChange, and stamped and tombstoned by a commit', () => {
    const example = record();
    const change = { put: { [kind]: [example] } };
    const after = applyChange(base, change);
    expect(after[kind]).toContainEqual(example);
    expect(applyChange(after, invertChange(base, change))[kind]).toEqual(base[kind]);
    const committed = commitChange(after, { delete: { [kind]: [example.id] } }, { by: coder, at, clock: '0000zzzzz:0000:test' });
    if (kind === 'tombstones') {
      expect(committed.snapshot.tombstones.some((t) => t.id === example.id)).toBe(false);
    } else {
      expect(committed.snapshot.tombstones).toContainEqual(expect.objectContaining({ id: example.id, kind, modifiedBy: coder }));
    }
    const stamped = stampChange(change, recordFinder(base), { by: coder, at, clock: '0000zzzzz:0000:test' });
    // A tombstone put by a change (a merge carrying another coder's deletion) keeps its own stamps.
    const expectedClock = kind === 'tombstones' ? example.clock : '0000zzzzz:0000:test';
    expect((stamped.put?.[kind]?.[0] as { clock: string }).clock).toBe(expectedClock);
  });

  it('is found through the project index and counted in the manifest', () => {
    const { snapshot, added } = withEveryKind();
    const lookup = recordLookup(buildProjectIndex(snapshot))[kind] as ((id: string) => unknown) | undefined;
    expect(lookup?.(added[kind].id)).toEqual(added[kind]);
    expect(snapshotCounts(snapshot)[kind]).toBe(snapshot[kind].length);
  });

  it('gets new ids, references included, in a copy of the project', () => {
    const { snapshot, added } = withEveryKind();
    const copy = remapProjectIds(snapshot, seededUuidGenerator(seededRandom(5)));
    expect(copy[kind]).toHaveLength(snapshot[kind].length);
    expect(JSON.stringify(copy[kind])).not.toContain(added[kind].id);
    const originalIds = new Set(RECORD_KINDS.flatMap((k) => snapshot[k].map((r) => r.id)));
    for (const ref of definition.references(copy[kind].at(-1) as never)) expect(originalIds.has(ref.id)).toBe(false);
  });

  it('travels in the .tessera file', async () => {
    const { snapshot, added } = withEveryKind();
    const bytes = await encodeProjectFile(snapshot, { appVersion: '0.2.0', savedAt: at });
    const decoded = await decodeProjectFile(bytes);
    expect(decoded.snapshot[kind]).toContainEqual(added[kind]);
    expect(decoded.manifest.counts[kind]).toBe(snapshot[kind].length);
  });

  it('has a table in the newest store schema, indexed as declared, that the store writes and reads', async () => {
    const newest = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1];
    expect(newest?.stores[kind]).toBe(definition.storeIndexes);
    expect(PROJECT_TABLES).toContain(kind);
    const { snapshot, added } = withEveryKind();
    const store = new ProjectStore(uniqueDbName(`kind-${kind}`));
    await store.createProject(base);
    const rest = { put: Object.fromEntries(RECORD_KINDS.map((k) => [k, k === kind ? [] : [added[k]]])) };
    await store.commit(projectId, rest, at);
    await store.commit(projectId, { put: { [kind]: [added[kind]] } }, at);
    const loaded = await store.loadProject(projectId);
    expect(loaded[kind]).toContainEqual(added[kind]);
    expect(loaded[kind]).toHaveLength(snapshot[kind].length);
    await store.commit(projectId, { delete: { [kind]: [added[kind].id] } }, at);
    expect((await store.loadProject(projectId))[kind].some((r) => r.id === added[kind].id)).toBe(false);
    store.close();
  });
});

describe('tessera info', () => {
  it('counts every kind of record', async () => {
    const { snapshot } = withEveryKind();
    const bytes = await encodeProjectFile(snapshot, { appVersion: '0.2.0', savedAt: at });
    let out = '';
    const code = await runCli(['info', 'p.tessera', '--json'], {
      out: (text: string) => (out += text),
      err: () => undefined,
      readFile: async () => bytes,
      writeFile: async () => undefined,
    } as unknown as Parameters<typeof runCli>[1]);
    expect(code).toBe(0);
    const counts = (JSON.parse(out) as { counts: Record<string, number> }).counts;
    for (const kind of RECORD_KINDS) expect(counts[kind]).toBe(snapshot[kind].length);
  });
});
