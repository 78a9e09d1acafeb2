/** The named cases of merging coders' sessions (issue 14), each on a small synthetic project. */
import { describe, expect, it } from 'vitest';
import { applyChange } from '#shared/model/change';
import { formatHlc } from '#shared/model/clock';
import { checkSnapshotIntegrity } from '#shared/model/schema';
import type { Code, Coding, ProjectSnapshot, TesseraDocument, Tombstone } from '#shared/model/types';
import { applyMergePlan, MergeDecisionNeeded, planMerge } from '#shared/merge/merge-plan';
import { synthesizeStudy } from '#shared/synth/synthesize-study';

const base = synthesizeStudy({ documents: 2, wordsPerDocument: 120, codes: 6, codings: 6, coders: 2, seed: 3 });
const [ada, ben] = base.coders.map((c) => c.id) as [string, string];
const projectId = base.project.id;
const codable = base.codes.filter((c) => c.isCodable);
const [code0, code1] = codable as [Code, Code, ...Code[]];
const firstDoc = base.documents[0] as TesseraDocument;

let minute = 0;
/** Stamps of an edit by `by` on laptop `node`, each later than the one before. */
function edit(by: string, node: string): { modifiedAt: string; modifiedBy: string; clock: string } {
  const ms = Date.parse('2030-01-01T00:00:00.000Z') + ++minute * 60_000;
  return { modifiedAt: new Date(ms).toISOString(), modifiedBy: by, clock: formatHlc({ ms, counter: 0, node }) };
}
function created(by: string, node: string): { createdAt: string; createdBy: string; modifiedAt: string; modifiedBy: string; clock: string } {
  const stamps = edit(by, node);
  return { createdAt: stamps.modifiedAt, createdBy: by, ...stamps };
}
let idCounter = 0;
const newId = (): string => `00000000-0000-4000-8000-${(++idCounter).toString(16).padStart(12, '0')}`;

function coding(by: string, node: string, documentId: string, codeId: string, start: number, end: number, id = newId()): Coding {
  return { id, projectId, documentId, codeId, start, end, ...created(by, node) };
}
function deletion(record: { id: string }, kind: string, by: string, node: string): Tombstone {
  return { id: record.id, projectId, kind, ...created(by, node) };
}
const codingBy = (by: string): Coding => base.codings.find((c) => c.createdBy === by) as Coding;

describe('planMerge and applyMergePlan', () => {
  it('merging the same file twice changes nothing', () => {
    const session = applyChange(base, { put: { codings: [coding(ada, 'a', firstDoc.id, code0.id, 0, 5)] } });
    const once = applyMergePlan(base, planMerge(base, [session])).snapshot;
    const plan = planMerge(once, [session]);
    expect(plan.added).toEqual([]);
    expect(plan.changed).toEqual([]);
    expect(applyMergePlan(once, plan).change).toEqual({});
  });

  it('adds what only an incoming file has, and says which file it came from', () => {
    const added = coding(ben, 'b', firstDoc.id, code1.id, 2, 9);
    const session = applyChange(base, { put: { codings: [added] } });
    const plan = planMerge(base, [session], ['mine.tessera', 'ben.tessera']);
    expect(plan.added).toEqual([expect.objectContaining({ kind: 'codings', id: added.id, from: [1] })]);
    const result = applyMergePlan(base, plan);
    expect(result.change.put?.codings).toEqual([added]);
    expect(result.report).toContain('1 codings from ben.tessera');
  });

  it('reconciles a code renamed in two sessions by the newest edit, and lists both versions', () => {
    const code = codable[0] as Code;
    const a = applyChange(base, { put: { codes: [{ ...code, name: 'Renamed by A', ...edit(ada, 'a') }] } });
    const b = applyChange(base, { put: { codes: [{ ...code, name: 'Renamed by B', ...edit(ben, 'b') }] } });
    const plan = planMerge(a, [b], ['a', 'b']);
    const changed = plan.changed.find((c) => c.id === code.id);
    expect(changed?.versions.map((v) => (v.record as Code).name)).toEqual(['Renamed by A', 'Renamed by B']);
    expect(applyMergePlan(a, plan).snapshot.codes.find((c) => c.id === code.id)?.name).toBe('Renamed by B');
    // The other way round, the same winner.
    expect(applyMergePlan(b, planMerge(b, [a])).snapshot.codes.find((c) => c.id === code.id)?.name).toBe('Renamed by B');
  });

  it('a coder deleting their own coding: agreed by default, removed, the deletion kept', () => {
    const own = codingBy(ada);
    const session = applyChange(base, { put: { tombstones: [deletion(own, 'codings', ada, 'a')] }, delete: { codings: [own.id] } });
    const plan = planMerge(base, [session]);
    expect(plan.deletions).toEqual([expect.objectContaining({ id: own.id, proposed: 'agree' })]);
    expect(plan.needed).toEqual([]);
    const result = applyMergePlan(base, plan);
    expect(result.change.delete?.codings).toEqual([own.id]);
    expect(result.snapshot.tombstones.map((t) => t.id)).toEqual([own.id]);
  });

  it("a coder deleting another's coding: asked; refused without an answer; kept or removed as answered", () => {
    const others = codingBy(ada);
    const session = applyChange(base, { put: { tombstones: [deletion(others, 'codings', ben, 'b')] }, delete: { codings: [others.id] } });
    const plan = planMerge(base, [session]);
    expect(plan.needed).toEqual([`delete:${others.id}`]);
    expect(() => applyMergePlan(base, plan)).toThrow(MergeDecisionNeeded);
    expect(() => applyMergePlan(base, plan)).toThrow(`delete:${others.id}`);
    expect(() => applyMergePlan(base, plan, { [`delete:${others.id}`]: 'maybe' })).toThrow('not an answer');
    const kept = applyMergePlan(base, plan, { [`delete:${others.id}`]: 'keep' });
    expect(kept.snapshot.codings.some((c) => c.id === others.id)).toBe(true);
    expect(kept.snapshot.tombstones).toEqual([]);
    // Kept with the merge's clock, it is later than the deletion: merging the same session again asks nothing.
    const { modifiedAt, clock } = edit(ada, 'm');
    const keptStamped = applyMergePlan(base, plan, { [`delete:${others.id}`]: 'keep' }, { stamp: { by: ada, at: modifiedAt, clock } });
    const again = planMerge(keptStamped.snapshot, [session]);
    expect(again.needed).toEqual([]);
    expect(applyMergePlan(keptStamped.snapshot, again).change).toEqual({});
    const removed = applyMergePlan(base, plan, { [`delete:${others.id}`]: 'agree' });
    expect(removed.snapshot.codings.some((c) => c.id === others.id)).toBe(false);
    expect(removed.report).toContain('decided "agree"');
  });

  it('a coding edited after it was deleted elsewhere stays (the later edit wins)', () => {
    const own = codingBy(ada);
    const deleted = applyChange(base, { put: { tombstones: [deletion(own, 'codings', ada, 'a')] }, delete: { codings: [own.id] } });
    const resized = applyChange(base, { put: { codings: [{ ...own, end: own.end - 1, ...edit(ada, 'b') }] } });
    const result = applyMergePlan(deleted, planMerge(deleted, [resized]));
    expect(result.snapshot.codings.find((c) => c.id === own.id)?.end).toBe(own.end - 1);
    expect(result.snapshot.tombstones).toEqual([]);
  });

  it('documents with different ids and identical text are one document; codings land on the kept one', () => {
    const copy: TesseraDocument = { ...firstDoc, id: 'ffffffff-0000-4000-8000-000000000001', ...created(ben, 'b') };
    const onCopy = coding(ben, 'b', copy.id, code0.id, 1, 4);
    const session = applyChange(base, { put: { documents: [copy], codings: [onCopy] } });
    const plan = planMerge(base, [session]);
    const kept = firstDoc.id < copy.id ? firstDoc.id : copy.id;
    expect(plan.documentMatches).toEqual([{ keptId: kept, matchedIds: [kept === firstDoc.id ? copy.id : firstDoc.id], name: firstDoc.name }]);
    const result = applyMergePlan(base, plan);
    expect(result.snapshot.documents.filter((d) => d.text === firstDoc.text)).toHaveLength(1);
    expect(result.snapshot.codings.find((c) => c.id === onCopy.id)?.documentId).toBe(kept);
    expect(checkSnapshotIntegrity(result.snapshot)).toEqual([]);
  });

  it('a document with the same name and a different text is not merged silently: the user chooses', () => {
    const other: TesseraDocument = { ...firstDoc, id: newId(), text: firstDoc.text.replace(/a/, 'A'), ...created(ben, 'b') };
    const onOther = coding(ben, 'b', other.id, code0.id, 1, 4);
    const session = applyChange(base, { put: { documents: [other], codings: [onOther] } });
    const plan = planMerge(base, [session]);
    expect(plan.needed).toEqual([`document:${other.id}`]);
    expect(plan.documentConflicts[0]?.difference).toContain('paragraph 1');
    expect(() => applyMergePlan(base, plan)).toThrow(`document:${other.id}`);
    const both = applyMergePlan(base, plan, { [`document:${other.id}`]: 'keep-both' });
    expect(both.snapshot.documents.map((d) => d.id)).toContain(other.id);
    const skipped = applyMergePlan(base, plan, { [`document:${other.id}`]: 'skip' });
    expect(skipped.snapshot.documents.map((d) => d.id)).not.toContain(other.id);
    expect(skipped.outcome.leftOut.map((item) => item.id).sort()).toEqual([other.id, onOther.id].sort());
    expect(checkSnapshotIntegrity(skipped.snapshot)).toEqual([]);
  });

  it('codes made apart with the same CFIR element are offered as a match; codings re-pointed when matched', () => {
    const cfir = codable.find((c) => c.origin.kind === 'cfir') as Code;
    const twin: Code = { ...cfir, id: newId(), name: `${cfir.name} (Ben)`, ...created(ben, 'b') };
    const onTwin = coding(ben, 'b', firstDoc.id, twin.id, 3, 8);
    const session = applyChange(base, { put: { codes: [twin], codings: [onTwin] } });
    const plan = planMerge(base, [session]);
    const keptId = cfir.id < twin.id ? cfir.id : twin.id;
    const matchedId = keptId === cfir.id ? twin.id : cfir.id;
    expect(plan.codeMatches).toEqual([expect.objectContaining({ id: matchedId, keptId, reason: 'same element', proposed: 'match' })]);
    const matched = applyMergePlan(base, plan);
    expect(matched.snapshot.codes.map((c) => c.id)).not.toContain(matchedId);
    expect(matched.snapshot.codings.find((c) => c.id === onTwin.id)?.codeId).toBe(keptId);
    expect(checkSnapshotIntegrity(matched.snapshot)).toEqual([]);
    const apart = applyMergePlan(base, plan, { [`code:${matchedId}`]: 'apart' });
    expect(apart.snapshot.codes.map((c) => c.id)).toEqual(expect.arrayContaining([cfir.id, twin.id]));
  });

  it('inductive codes with the same name under matched parents are offered as matches, parents first', () => {
    const parentA: Code = { ...code0, id: newId(), parentId: null, name: 'Peer roles', origin: { kind: 'inductive' }, ...created(ada, 'a') };
    const parentB: Code = { ...parentA, id: newId(), name: ' peer roles ', ...created(ben, 'b') };
    const childA: Code = { ...parentA, id: newId(), parentId: parentA.id, name: 'Trust', ...created(ada, 'a') };
    const childB: Code = { ...parentB, id: newId(), parentId: parentB.id, name: 'trust', ...created(ben, 'b') };
    const a = applyChange(base, { put: { codes: [parentA, childA] } });
    const b = applyChange(base, { put: { codes: [parentB, childB] } });
    const plan = planMerge(a, [b]);
    expect(plan.codeMatches.map((m) => [m.id, m.keptId, m.reason])).toEqual(
      [
        [parentB.id, parentA.id, 'same name under matched parents'],
        [childB.id, childA.id, 'same name under matched parents'],
      ].sort((x, y) => ((x[0] as string) < (y[0] as string) ? -1 : 1)),
    );
    const result = applyMergePlan(a, plan);
    expect(result.snapshot.codes.filter((c) => c.name.trim().toLowerCase() === 'trust')).toHaveLength(1);
  });

  it('codings of the same passage with the same code by the same coder collapse into one', () => {
    const mine = coding(ada, 'a', firstDoc.id, code0.id, 10, 20);
    const again = coding(ada, 'b', firstDoc.id, code0.id, 10, 20);
    const otherCoder = coding(ben, 'b', firstDoc.id, code0.id, 10, 20);
    const a = applyChange(base, { put: { codings: [mine] } });
    const b = applyChange(base, { put: { codings: [again, otherCoder] } });
    const plan = planMerge(a, [b]);
    expect(plan.codingCollapses).toEqual([{ keptId: mine.id, collapsedIds: [again.id] }]);
    const result = applyMergePlan(a, plan).snapshot;
    const onPassage = result.codings.filter((c) => c.documentId === firstDoc.id && c.start === 10 && c.end === 20);
    expect(onPassage.map((c) => c.id).sort()).toEqual([mine.id, otherCoder.id].sort());
  });

  it('a code deleted while another coder coded with it: the coding is left out and listed, nothing dangles', () => {
    const code = codable[codable.length - 1] as Code;
    const used = base.codings.filter((c) => c.codeId === code.id).map((c) => c.id);
    const memos = base.memos.filter((m) => 'id' in m.target && m.target.id === code.id).map((m) => m.id);
    const a = applyChange(base, {
      put: { tombstones: [deletion(code, 'codes', code.createdBy as string, 'a')] },
      delete: { codes: [code.id], codings: used, memos },
    });
    const late = coding(ben, 'b', firstDoc.id, code.id, 0, 3);
    const b = applyChange(base, { put: { codings: [late] } });
    const result = applyMergePlan(a, planMerge(a, [b]));
    expect(checkSnapshotIntegrity(result.snapshot)).toEqual([]);
    expect(result.outcome.leftOut.map((item) => item.id)).toContain(late.id);
    expect(result.report).toContain('is gone');
  });

  it('refuses a file of another project', () => {
    const other = synthesizeStudy({ documents: 1, wordsPerDocument: 50, codes: 2, codings: 0, coders: 1, seed: 99 });
    expect(() => planMerge(base, [other])).toThrow(/another project/);
  });

  it('the report names every file and the method', () => {
    const session: ProjectSnapshot = applyChange(base, { put: { codings: [coding(ben, 'b', firstDoc.id, code0.id, 0, 2)] } });
    const report = applyMergePlan(base, planMerge(base, [session], ['project.tessera', 'ben-session.tessera'])).report;
    expect(report).toContain('# Merge report: ben-session.tessera into project.tessera');
    expect(report).toContain('- project.tessera (base)');
    expect(report).toContain('latest clock');
  });
});
