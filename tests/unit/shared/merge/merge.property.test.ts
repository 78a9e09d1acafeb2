/**
 * Properties of merging over random sessions: coders start from one small synthetic project, each codes, resizes,
 * deletes codings, renames codes and writes memos on a laptop of their own (a clock node of their own), and the
 * sessions are merged in every order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChange } from '#shared/model/change';
import { formatHlc } from '#shared/model/clock';
import { RECORD_KINDS, type AnyRecord } from '#shared/model/record-kinds';
import { checkSnapshotIntegrity } from '#shared/model/schema';
import type { Coding, Memo, ProjectSnapshot, Tombstone } from '#shared/model/types';
import { applyMergePlan, planMerge, type MergeResult } from '#shared/merge/merge-plan';
import { synthesizeStudy } from '#shared/synth/synthesize-study';

const base = synthesizeStudy({ documents: 3, wordsPerDocument: 150, codes: 8, codings: 25, coders: 3, seed: 5 });
const codable = base.codes.filter((code) => code.isCodable);
const memoTargets = new Set(base.memos.flatMap((memo) => ('id' in memo.target ? [memo.target.id] : [])));
const START_MS = Date.parse('2030-01-01T00:00:00.000Z');

type Op =
  | { kind: 'code'; id: string; doc: number; code: number; start: number; length: number }
  | { kind: 'resize'; coding: number; by: number }
  | { kind: 'delete'; coding: number }
  | { kind: 'rename'; code: number; suffix: string }
  | { kind: 'memo'; id: string; title: string };

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('code' as const), id: fc.uuid({ version: 4 }), doc: fc.nat(), code: fc.nat(), start: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('resize' as const), coding: fc.nat(), by: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('delete' as const), coding: fc.nat() }),
  fc.record({ kind: fc.constant('rename' as const), code: fc.nat(), suffix: fc.string({ minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constant('memo' as const), id: fc.uuid({ version: 4 }), title: fc.string({ minLength: 1, maxLength: 20 }) }),
);

/** A coder's copy of the project after their ops: every change stamped with the coder and their laptop's clock. */
function session(coderIndex: number, node: string, ops: readonly Op[]): ProjectSnapshot {
  const coder = base.coders[coderIndex % base.coders.length]?.id ?? null;
  let snapshot: ProjectSnapshot = base;
  ops.forEach((op, step) => {
    const at = new Date(START_MS + step * 1000).toISOString();
    const stamps = { modifiedAt: at, modifiedBy: coder, clock: formatHlc({ ms: START_MS + step * 1000, counter: 0, node }) };
    const codings = snapshot.codings;
    switch (op.kind) {
      case 'code': {
        const doc = snapshot.documents[op.doc % snapshot.documents.length];
        const code = codable[op.code % codable.length];
        if (!doc || !code || doc.length < 2) return;
        const start = op.start % (doc.length - 1);
        const coding: Coding = { id: op.id, projectId: base.project.id, documentId: doc.id, codeId: code.id, start, end: Math.min(doc.length, start + op.length), createdAt: at, createdBy: coder, ...stamps };
        snapshot = applyChange(snapshot, { put: { codings: [coding] } });
        return;
      }
      case 'resize': {
        const coding = codings[op.coding % Math.max(1, codings.length)];
        if (!coding || coding.end - coding.start <= op.by) return;
        snapshot = applyChange(snapshot, { put: { codings: [{ ...coding, end: coding.end - op.by, ...stamps }] } });
        return;
      }
      case 'delete': {
        const coding = codings[op.coding % Math.max(1, codings.length)];
        // Codings a memo or rating is about are not deleted here (deleting one takes its memo with it: see the report).
        if (!coding || memoTargets.has(coding.id)) return;
        const tombstone: Tombstone = { id: coding.id, projectId: base.project.id, kind: 'codings', createdAt: at, createdBy: coder, ...stamps };
        snapshot = applyChange(snapshot, { put: { tombstones: [tombstone] }, delete: { codings: [coding.id] } });
        return;
      }
      case 'rename': {
        const code = snapshot.codes[op.code % snapshot.codes.length];
        if (!code) return;
        snapshot = applyChange(snapshot, { put: { codes: [{ ...code, name: `${code.name} ${node}${op.suffix}`, ...stamps }] } });
        return;
      }
      case 'memo': {
        const memo: Memo = { id: op.id, projectId: base.project.id, target: { kind: 'project' }, title: op.title, text: '', createdAt: at, createdBy: coder, ...stamps };
        snapshot = applyChange(snapshot, { put: { memos: [memo] } });
        return;
      }
    }
  });
  return snapshot;
}

const sessionArbitrary = (node: string): fc.Arbitrary<ProjectSnapshot> =>
  fc.tuple(fc.nat({ max: 2 }), fc.array(opArbitrary, { maxLength: 12 })).map(([coder, ops]) => session(coder, node, ops));

/** Merges incoming into base, agreeing to every deletion asked about. */
function merge(into: ProjectSnapshot, ...incoming: ProjectSnapshot[]): MergeResult {
  const plan = planMerge(into, incoming);
  const decisions = Object.fromEntries(plan.needed.map((key) => [key, key.startsWith('delete:') ? 'agree' : 'keep-both']));
  const result = applyMergePlan(into, plan, decisions);
  // The change is what the app writes: applied to the base it gives the merged project.
  expect(sortedRecords(applyChange(into, result.change))).toEqual(sortedRecords(result.snapshot));
  return result;
}

function sortedRecords(snapshot: ProjectSnapshot): Record<string, readonly AnyRecord[]> {
  return Object.fromEntries(
    RECORD_KINDS.map((kind) => [kind, [...(snapshot[kind] as readonly AnyRecord[])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))]),
  );
}

const RUNS = { numRuns: 40 };

describe('merging sessions (properties)', () => {
  it('is idempotent: merging the same session twice gives what merging it once gives', () => {
    fc.assert(
      fc.property(sessionArbitrary('a1'), (a) => {
        const once = merge(base, a).snapshot;
        const twice = merge(once, a);
        expect(sortedRecords(twice.snapshot)).toEqual(sortedRecords(once));
        expect(twice.change).toEqual({});
      }),
      RUNS,
    );
  });

  it('is commutative: A then B gives the same records as B then A', () => {
    fc.assert(
      fc.property(sessionArbitrary('a1'), sessionArbitrary('b2'), (a, b) => {
        const ab = merge(merge(base, a).snapshot, b).snapshot;
        const ba = merge(merge(base, b).snapshot, a).snapshot;
        expect(sortedRecords(ab)).toEqual(sortedRecords(ba));
        // Several files at once are the same as one after the other.
        expect(sortedRecords(merge(base, b, a).snapshot)).toEqual(sortedRecords(ab));
      }),
      RUNS,
    );
  });

  it('is associative: (A then B) then C gives what A then (B merged with C) gives', () => {
    fc.assert(
      fc.property(sessionArbitrary('a1'), sessionArbitrary('b2'), sessionArbitrary('c3'), (a, b, c) => {
        const left = merge(merge(merge(base, a).snapshot, b).snapshot, c).snapshot;
        const bc = merge(b, c).snapshot;
        const right = merge(merge(base, a).snapshot, bc).snapshot;
        expect(sortedRecords(left)).toEqual(sortedRecords(right));
      }),
      RUNS,
    );
  });

  it('loses nothing and leaves no coding pointing at a missing code or document', () => {
    fc.assert(
      fc.property(sessionArbitrary('a1'), sessionArbitrary('b2'), (a, b) => {
        const result = merge(base, a, b);
        expect(checkSnapshotIntegrity(result.snapshot)).toEqual([]);
        const accounted = new Set<string>();
        for (const kind of RECORD_KINDS) for (const record of result.snapshot[kind] as readonly AnyRecord[]) accounted.add(`${kind}:${record.id}`);
        for (const d of result.outcome.deletions) if (!accounted.has(`${d.kind}:${d.id}`)) accounted.add(`${d.kind}:${d.id}`);
        for (const m of result.outcome.documentMatches) for (const id of m.matchedIds) accounted.add(`documents:${id}`);
        for (const m of result.outcome.codeMatches) accounted.add(`codes:${m.id}`);
        for (const c of result.outcome.codingCollapses) for (const id of c.collapsedIds) accounted.add(`codings:${id}`);
        for (const item of result.outcome.leftOut) accounted.add(`${item.kind}:${item.id}`);
        for (const input of [base, a, b]) {
          for (const kind of RECORD_KINDS) {
            if (kind === 'tombstones') continue;
            for (const record of input[kind] as readonly AnyRecord[]) expect(accounted.has(`${kind}:${record.id}`), `${kind} ${record.id}`).toBe(true);
          }
        }
        // A deletion in the result is one a decision agreed to.
        for (const tombstone of result.snapshot.tombstones) {
          const deleted = result.outcome.deletions.find((d) => d.id === tombstone.id);
          if (deleted) expect(result.snapshot.codings.some((c) => c.id === tombstone.id)).toBe(false);
        }
      }),
      RUNS,
    );
  });
});
