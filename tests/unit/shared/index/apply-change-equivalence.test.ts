/**
 * applyChange and invertChange take a fast path for small changes (the index work made them cheaper at 50,000
 * codings); these tests hold them to the plain definition: puts replace by id in place or are appended in order,
 * then deletes remove, and the inverse undoes the change.
 */
import { describe, expect, it } from 'vitest';
import { applyChange, invertChange, RECORD_KINDS, type ProjectChange } from '#shared/model/change';
import { seededRandom, seededUuidGenerator } from '#shared/model/ids';
import type { Coding, ProjectSnapshot, Uuid } from '#shared/model/types';
import { synthesizeStudy } from '#shared/synth/synthesize-study';
import { buildProjectIndex, recordLookup, updateProjectIndex } from '#shared/index/project-index';

/** The definition, written the slow and obvious way. */
function reference<T extends { readonly id: Uuid }>(list: readonly T[], puts: readonly T[], deletes: readonly Uuid[]): T[] {
  const out = [...list];
  for (const record of puts) {
    const at = out.findIndex((r) => r.id === record.id);
    if (at >= 0) out[at] = record;
    else out.push(record);
  }
  return out.filter((record) => !deletes.includes(record.id));
}

function study(): ProjectSnapshot {
  return synthesizeStudy({ documents: 3, wordsPerDocument: 300, codes: 12, codings: 120, coders: 2, seed: 5 });
}

describe('applyChange on small and large changes', () => {
  it('matches the definition for random mixes of new, replaced, deleted and repeated records', () => {
    const random = seededRandom(21);
    const newId = seededUuidGenerator(seededRandom(22));
    let snapshot = study();
    let index = buildProjectIndex(snapshot);
    for (let step = 0; step < 200; step++) {
      const size = step % 5 === 0 ? 40 : 1 + Math.floor(random() * 6);
      const puts: Coding[] = [];
      const deletes: Uuid[] = [];
      for (let i = 0; i < size; i++) {
        const existing = snapshot.codings[Math.floor(random() * snapshot.codings.length)] as Coding;
        const roll = random();
        if (roll < 0.35) puts.push({ ...existing, id: newId(), start: 0, end: 2 });
        else if (roll < 0.4) deletes.push(newId()); // deleting what is not there changes nothing
        else if (roll < 0.6) puts.push({ ...existing, end: existing.end + 1 });
        else if (roll < 0.85) deletes.push(existing.id);
        else {
          // The same record put twice (the last wins, in the first one's place), or put and deleted (gone).
          puts.push({ ...existing, end: existing.end + 2 }, { ...existing, end: existing.end + 3 });
          if (random() < 0.5) deletes.push(existing.id);
        }
      }
      const change: ProjectChange = { put: { codings: puts }, delete: { codings: deletes } };
      const expected = reference(snapshot.codings, puts, deletes);
      const after = applyChange(snapshot, change);
      expect(after.codings).toEqual(expected);
      // Untouched kinds keep their identity.
      for (const kind of RECORD_KINDS) if (kind !== 'codings') expect(after[kind]).toBe(snapshot[kind]);
      const inverse = invertChange(snapshot, change);
      const undone = applyChange(after, inverse);
      expect(new Set(undone.codings)).toEqual(new Set(snapshot.codings));
      expect(undone.codings).toHaveLength(snapshot.codings.length);
      // With the index to look records up, the same results without scanning.
      expect(applyChange(snapshot, change, recordLookup(index))).toEqual(after);
      expect(invertChange(snapshot, change, recordLookup(index))).toEqual(inverse);
      snapshot = after;
      index = updateProjectIndex(index, change);
    }
  });
});
