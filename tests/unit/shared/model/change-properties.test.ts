/**
 * Undo restores: for random sequences of committed changes (stamped, with the tombstones their deletions leave),
 * applying the inverse of each, last first, returns the project to exactly where it was, tombstones included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChange, invertChange, RECORD_KINDS, type ProjectChange } from '#shared/model/change';
import { HybridLogicalClock } from '#shared/model/clock';
import { seededRandom, seededUuidGenerator } from '#shared/model/ids';
import { checkSnapshotIntegrity } from '#shared/model/schema';
import { recordFinder, stampChange, stampsAt } from '#shared/model/stamps';
import type { ProjectSnapshot } from '#shared/model/types';
import { synthesizeStudy } from '#shared/synth/synthesize-study';

/** A snapshot with every list in id order. */
function byIds(snapshot: ProjectSnapshot): ProjectSnapshot {
  const sorted: Record<string, unknown> = { project: snapshot.project };
  for (const kind of RECORD_KINDS) sorted[kind] = [...snapshot[kind]].sort((a, b) => (a.id < b.id ? -1 : 1));
  return sorted as unknown as ProjectSnapshot;
}

const base = synthesizeStudy({ documents: 2, wordsPerDocument: 150, codes: 6, codings: 12, coders: 2, seed: 9 });

/** One user action, chosen by numbers: what it does to the project as it is at that point. */
type Action = { readonly kind: number; readonly pick: number; readonly at: number };

function changeFor(snapshot: ProjectSnapshot, action: Action, newId: () => string): ProjectChange {
  const pick = <T>(list: readonly T[]): T | undefined => list[action.pick % Math.max(1, list.length)];
  const stamps = { projectId: snapshot.project.id, ...stampsAt('2026-12-01T00:00:00.000Z', snapshot.coders[0]?.id ?? null) };
  const document = pick(snapshot.documents);
  const code = pick(snapshot.codes.filter((c) => c.isCodable));
  const coding = pick(snapshot.codings);
  switch (action.kind % 7) {
    case 0:
      if (!document || !code) return {};
      return { put: { codings: [{ id: newId(), ...stamps, documentId: document.id, codeId: code.id, start: action.at % 20, end: 20 + (action.at % 30) }] } };
    case 1:
      return coding ? { put: { codings: [{ ...coding, end: Math.max(coding.start + 1, coding.end - 1) }] } } : {};
    case 2:
      return coding ? { delete: { codings: [coding.id], memos: snapshot.memos.filter((m) => m.target.kind === 'coding' && m.target.id === coding.id).map((m) => m.id) } } : {};
    case 3:
      return { put: { memos: [{ id: newId(), ...stamps, target: { kind: 'project' }, title: `Memo ${action.at}`, text: 'x' }] } };
    case 4: {
      const memo = pick(snapshot.memos);
      return memo ? { delete: { memos: [memo.id] } } : {};
    }
    case 5:
      return { put: { sites: [{ id: newId(), ...stamps, code: `S${action.at}`, name: 'Site', order: action.at }] } };
    default: {
      // Deleting a code takes its codings and the memos on them, as the codebook's delete does.
      const victim = pick(snapshot.codes.filter((c) => !snapshot.codes.some((child) => child.parentId === c.id)));
      if (!victim) return {};
      const codings = snapshot.codings.filter((c) => c.codeId === victim.id).map((c) => c.id);
      const memos = snapshot.memos
        .filter((m) => (m.target.kind === 'code' && m.target.id === victim.id) || (m.target.kind === 'coding' && codings.includes(m.target.id)))
        .map((m) => m.id);
      return { delete: { codes: [victim.id], codings, memos } };
    }
  }
}

describe('committed changes and their inverses', () => {
  it('undoing every change, last first, gives back the project exactly, tombstones included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ kind: fc.nat(), pick: fc.nat(), at: fc.nat({ max: 500 }) }), { maxLength: 25 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (actions, seed) => {
          const newId = seededUuidGenerator(seededRandom(seed));
          const clock = new HybridLogicalClock('prop', () => 1_800_000_000_000);
          let snapshot = base;
          const inverses: ProjectChange[] = [];
          for (const action of actions) {
            const change = stampChange(changeFor(snapshot, action, newId), recordFinder(snapshot), { by: null, at: '2026-12-02T00:00:00.000Z', clock: clock.now() });
            inverses.push(invertChange(snapshot, change));
            snapshot = applyChange(snapshot, change);
            expect(checkSnapshotIntegrity(snapshot)).toEqual([]);
          }
          const deletedIds = snapshot.tombstones.map((t) => t.id);
          for (const id of deletedIds) expect(JSON.stringify({ ...snapshot, tombstones: [] })).not.toContain(`"id":"${id}"`);
          for (const inverse of inverses.reverse()) snapshot = applyChange(snapshot, inverse);
          // A record put back is appended to its list: the same records, compared in id order.
          expect(byIds(snapshot)).toEqual(byIds(base));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('undo of a deletion brings the record back with its id and removes its tombstone', () => {
    const coding = base.codings[0];
    if (!coding) throw new Error('the study has codings');
    const clock = new HybridLogicalClock('undo');
    const deletion = stampChange({ delete: { codings: [coding.id] } }, recordFinder(base), { by: null, at: '2026-12-02T00:00:00.000Z', clock: clock.now() });
    const deleted = applyChange(base, deletion);
    expect(deleted.tombstones).toEqual([expect.objectContaining({ id: coding.id, kind: 'codings' })]);
    const undo = stampChange(invertChange(base, deletion), recordFinder(deleted), { by: null, at: '2026-12-02T00:01:00.000Z', clock: clock.now() });
    const restored = applyChange(deleted, undo);
    expect(restored.tombstones).toEqual([]);
    expect(restored.codings.find((c) => c.id === coding.id)).toMatchObject({ ...coding, modifiedAt: '2026-12-02T00:01:00.000Z', modifiedBy: null, clock: expect.any(String) });
  });
});
