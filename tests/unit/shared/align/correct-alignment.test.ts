/**
 * Correcting an alignment (join, split, move a boundary): each correction keeps every paragraph in exactly one pair,
 * in order; the pairs it makes are fixed and survive the aligner running again; undoing is restoring the old value.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignParagraphs } from '#shared/align/align-paragraphs';
import { type AlignedPair, checkAlignment, runAsParagraphNumbers, samePair } from '#shared/align/aligned-pairs';
import { alignmentParagraphsOfImport } from '#shared/align/alignment-paragraphs';
import {
  AlignmentCorrectionRefused,
  type CorrectedAlignment,
  joinWithNext,
  moveBoundary,
  splitPair,
} from '#shared/align/correct-alignment';
import { recogniseTranscript } from '#shared/import/transcript-structure';
import { germanPeerSupport } from '../../../fixtures/align/bilingual-transcripts.ts';

const original = alignmentParagraphsOfImport(recogniseTranscript(germanPeerSupport.original));
const translation = alignmentParagraphsOfImport(recogniseTranscript(germanPeerSupport.translation));
const aligned: CorrectedAlignment = { pairs: alignParagraphs({ original, translation }).pairs, fixed: [] };
const numbers = (pairs: readonly AlignedPair[]) =>
  pairs.map((pair) => ({ translation: runAsParagraphNumbers(pair.translation), original: runAsParagraphNumbers(pair.original) }));

describe('correcting an alignment', () => {
  it('joins the left-out "Mhm." with the turn before it, and the aligner keeps the join when it runs again', () => {
    // Pair 4 is translation 4-5 / original 5; pair 5 is original 6 ("Mhm.") alone.
    const corrected = joinWithNext(aligned, 3);
    expect(numbers(corrected.pairs).slice(3, 5)).toEqual([
      { translation: [4, 5], original: [5, 6] },
      { translation: [6, 6], original: [7, 7] },
    ]);
    expect(numbers(corrected.fixed)).toEqual([{ translation: [4, 5], original: [5, 6] }]);
    const again = alignParagraphs({ original, translation, fixed: corrected.fixed }).pairs;
    expect(again).toEqual(corrected.pairs);
  });

  it('splits a merged pair into the two paragraphs the user sees, both fixed', () => {
    // Pair 2 is translation 2 / original 2-3: the user says original 3 has no counterpart of its own.
    const corrected = splitPair(aligned, 1, 1, 1);
    expect(numbers(corrected.pairs).slice(1, 3)).toEqual([
      { translation: [2, 2], original: [2, 2] },
      { translation: [], original: [3, 3] },
    ]);
    expect(corrected.fixed).toHaveLength(2);
    expect(alignParagraphs({ original, translation, fixed: corrected.fixed }).pairs).toEqual(corrected.pairs);
  });

  it('moves a boundary one paragraph either way; an earlier fix that it replaces is no longer fixed', () => {
    // Pairs 2 and 3 are translation 2 / original 2-3 and translation 3 / original 4.
    const earlier = moveBoundary(aligned, 1, 'original', 'earlier');
    expect(numbers(earlier.pairs).slice(1, 3)).toEqual([
      { translation: [2, 2], original: [2, 2] },
      { translation: [3, 3], original: [3, 4] },
    ]);
    const back = moveBoundary(earlier, 1, 'original', 'later');
    expect(back.pairs).toEqual(aligned.pairs);
    expect(numbers(back.fixed)).toEqual([
      { translation: [2, 2], original: [2, 3] },
      { translation: [3, 3], original: [4, 4] },
    ]);
    // The pair with the left-out "Mhm." alone has only that paragraph to give.
    expect(() => moveBoundary(aligned, 4, 'original', 'earlier')).toThrow(AlignmentCorrectionRefused);
    expect(() => moveBoundary(aligned, 4, 'translation', 'earlier')).toThrow(/This pair has no translation paragraph to give/);
  });

  it('refuses corrections that would leave a pair empty or reach past the ends, and never changes its input', () => {
    const before = JSON.stringify(aligned);
    expect(() => joinWithNext(aligned, aligned.pairs.length - 1)).toThrow(/no pair after it/);
    expect(() => splitPair(aligned, 0, 0, 0)).toThrow(/at least one paragraph/);
    expect(() => splitPair(aligned, 0, 2, 0)).toThrow(/cannot be split there/);
    expect(() => moveBoundary(aligned, 4, 'original', 'earlier')).toThrow(/no paragraph; join/);
    expect(() => moveBoundary(aligned, 99, 'original', 'earlier')).toThrow(/There is no pair 100/);
    expect(JSON.stringify(aligned)).toBe(before);
  });

  it('keeps every paragraph in exactly one pair, in order, through any sequence of corrections, and the aligner keeps them all', () => {
    const correction = fc.oneof(
      fc.record({ kind: fc.constant('join' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('split' as const), at: fc.nat(), original: fc.nat(3), translation: fc.nat(3) }),
      fc.record({ kind: fc.constant('move' as const), at: fc.nat(), side: fc.constantFrom('original' as const, 'translation' as const), later: fc.boolean() }),
    );
    fc.assert(
      fc.property(fc.array(correction, { maxLength: 12 }), (corrections) => {
        let state = aligned;
        for (const step of corrections) {
          const at = step.at % state.pairs.length;
          try {
            if (step.kind === 'join') state = joinWithNext(state, at);
            else if (step.kind === 'split') state = splitPair(state, at, step.original, step.translation);
            else state = moveBoundary(state, at, step.side, step.later ? 'later' : 'earlier');
          } catch (error) {
            if (!(error instanceof AlignmentCorrectionRefused)) throw error;
          }
          checkAlignment(state.pairs, original.length, translation.length);
          for (const pair of state.fixed) expect(state.pairs.some((candidate) => samePair(candidate, pair))).toBe(true);
        }
        const again = alignParagraphs({ original, translation, fixed: state.fixed }).pairs;
        for (const pair of state.fixed) expect(again.some((candidate) => samePair(candidate, pair))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
