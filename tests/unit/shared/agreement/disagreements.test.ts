/** Disagreements between two coders and settling them into the consensus coder, keeping the originals. */
import { describe, expect, it } from 'vitest';
import { applyChange, invertChange } from '#shared/model/change';
import type { Coding, ProjectSnapshot } from '#shared/model/types';
import { createCode } from '#shared/codebook/create-code';
import { stampsAt } from '#shared/model/stamps';
import { applyCode } from '#shared/coding/apply-code';
import { computeAgreement } from '#shared/agreement/project-agreement';
import { consensusCoder, disagreementsBetween, settleDisagreement, settlementOf } from '#shared/agreement/disagreements';
import { projectWithTranscript } from '../fixture-project.ts';

function study() {
  const { snapshot: base, document, newId, now } = projectWithTranscript();
  const ada = base.coders[0]?.id as string;
  const ben = { id: newId(), projectId: base.project.id, name: 'Ben Okello', initials: 'BO', ...stampsAt(now()) };
  let snapshot: ProjectSnapshot = { ...base, coders: [...base.coders, ben] };
  const made = createCode(snapshot, { name: 'Trust', parentId: null, origin: { kind: 'inductive' } }, ada, newId, now);
  snapshot = applyChange(snapshot, made.change);
  const code = (start: number, end: number, coderId: string): Coding => {
    const result = applyCode(snapshot, { documentId: document.id, codeId: made.code.id, start, end, coderId }, newId, now);
    snapshot = applyChange(snapshot, result.change);
    return result.coding;
  };
  // "How did it go?" [11,25) by Ada; "did it go?" [15,25) by Ben; "It went well" [30,42) by Ben only.
  const adaHow = code(11, 25, ada);
  const benHow = code(15, 25, ben.id);
  const benWent = code(30, 42, ben.id);
  return { snapshot, ada, ben: ben.id, codeId: made.code.id, adaHow, benHow, benWent, newId, now };
}

describe('disagreementsBetween', () => {
  it('lists the stretches one coder coded and the other did not, largest first, with the disputed codings', () => {
    const { snapshot, ada, ben, adaHow, benHow, benWent } = study();
    const found = disagreementsBetween(snapshot, ada, ben);
    expect(found.map((d) => [d.coderId, d.start, d.end, d.size])).toEqual([
      [ben, 30, 42, 12],
      [ada, 11, 15, 4],
    ]);
    expect(found[1]?.disputedCodings.map((c) => c.id)).toEqual([adaHow.id]);
    expect(found[1]?.otherCodings.map((c) => c.id)).toEqual([benHow.id]);
    expect(found[0]?.disputedCodings.map((c) => c.id)).toEqual([benWent.id]);
    expect(found[0]?.otherCodings).toEqual([]);
  });
});

describe('settling into the consensus coder', () => {
  it('accept, adjust and reject each make one undoable change and keep the original codings', () => {
    const { snapshot, ada, ben, newId, now } = study();
    const [wentOnly, boundary] = disagreementsBetween(snapshot, ada, ben);
    if (!wentOnly || !boundary) throw new Error('fixture');
    expect(settlementOf(snapshot, boundary)).toBe('open');

    const accepted = settleDisagreement(snapshot, wentOnly, 'accept', newId, now);
    const afterAccept = applyChange(snapshot, accepted);
    const consensus = consensusCoder(afterAccept);
    expect(consensus?.name).toBe('Consensus');
    expect(afterAccept.codings.filter((c) => c.createdBy === consensus?.id).map((c) => [c.start, c.end])).toEqual([[30, 42]]);
    expect(settlementOf(afterAccept, wentOnly)).toBe('kept');
    expect(afterAccept.codings).toHaveLength(snapshot.codings.length + 1);

    const overlap = settleDisagreement(afterAccept, boundary, 'adjust-overlap', newId, now);
    const afterOverlap = applyChange(afterAccept, overlap);
    expect(overlap.put?.coders).toBeUndefined(); // the consensus coder is made once
    expect(afterOverlap.codings.filter((c) => c.createdBy === consensus?.id).map((c) => [c.start, c.end])).toEqual([
      [30, 42],
      [15, 25],
    ]);
    expect(settlementOf(afterOverlap, boundary)).toBe('kept');

    // Undo puts the project back as it was.
    expect(applyChange(afterOverlap, invertChange(afterAccept, overlap))).toEqual(afterAccept);

    const rejected = applyChange(afterAccept, settleDisagreement(afterAccept, boundary, 'reject', newId, now));
    expect(settlementOf(rejected, boundary)).toBe('rejected');
    expect(rejected.codings).toEqual(afterAccept.codings);
  });

  it('agreement can be computed after consensus, each coder with the consensus', () => {
    const { snapshot, ada, ben, newId, now } = study();
    const [wentOnly] = disagreementsBetween(snapshot, ada, ben);
    const after = applyChange(snapshot, settleDisagreement(snapshot, wentOnly as never, 'accept', newId, now));
    const consensus = consensusCoder(after)?.id as string;
    const result = computeAgreement(after, { coderIds: [ben, consensus], unit: 'character', bootstrap: { replicates: 0, seed: 1 } });
    // Ben coded [15,25) and [30,42); the consensus [30,42) only.
    expect(result.overall.counts).toEqual({ n11: 12, n10: 10, n01: 0, n00: 52 - 22 });
  });
});
