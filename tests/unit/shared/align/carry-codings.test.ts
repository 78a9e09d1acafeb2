/**
 * Codings carried from the translation to the aligned original (and back) land on exactly the aligned paragraphs:
 * checked on the German fixture aligned by the aligner, and as a property for any alignment and any passage.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignParagraphs } from '#shared/align/align-paragraphs';
import type { AlignedPair, ParagraphRun } from '#shared/align/aligned-pairs';
import { alignmentParagraphsOfImport } from '#shared/align/alignment-paragraphs';
import { carriedMarks, carryPassage, type ParagraphExtent } from '#shared/align/carry-codings';
import { recogniseTranscript } from '#shared/import/transcript-structure';
import { buildCodePointMap, utf16ToCodePoint } from '#shared/text/code-points';
import { germanPeerSupport } from '../../../fixtures/align/bilingual-transcripts.ts';

const original = recogniseTranscript(germanPeerSupport.original);
const translation = recogniseTranscript(germanPeerSupport.translation);
const { pairs } = alignParagraphs({ original: alignmentParagraphsOfImport(original), translation: alignmentParagraphsOfImport(translation) });

/** The code-point range of a phrase in a text (from its first occurrence to the end of `until`'s, if given). */
function passage(text: string, phrase: string, until?: string): { start: number; end: number } {
  const map = buildCodePointMap(text);
  const start = text.indexOf(phrase);
  const last = until === undefined ? phrase : until;
  const lastAt = text.indexOf(last, start);
  if (start < 0 || lastAt < 0) throw new Error(`"${phrase}" is not in the text`);
  return { start: utf16ToCodePoint(map, start), end: utf16ToCodePoint(map, lastAt + last.length) };
}

/** Paragraph numbers (from 1) of runs, as people cite them. */
const numbers = (runs: readonly ParagraphRun[]) => runs.map((run) => [run.start + 1, run.end]);

describe('carrying codings from the translation to the original', () => {
  it('a passage inside one half of a split turn lands on the whole original turn', () => {
    const coding = passage(translation.text, 'Dr. Albrecht came to every team meeting');
    expect(numbers(carryPassage(coding, 'translation', translation.paragraphs, pairs))).toEqual([[5, 5]]);
  });

  it('a passage in a paragraph that merges two original paragraphs lands on both, and runs on into the next pair', () => {
    const coding = passage(translation.text, 'That was never my job.', 'How did that change');
    expect(numbers(carryPassage(coding, 'translation', translation.paragraphs, pairs))).toEqual([[2, 4]]);
  });

  it('leaves out an original paragraph the translation has no counterpart for, between two carried ones', () => {
    // Translation 5 and 6 are original 5 and 7; original 6 ("Mhm.") was left out by the translator.
    const coding = passage(translation.text, 'Since then I have been invited', 'who do not want to talk to us.');
    expect(numbers(carryPassage(coding, 'translation', translation.paragraphs, pairs))).toEqual([
      [5, 5],
      [7, 7],
    ]);
  });

  it('a coding on the translator’s own note carries nowhere', () => {
    const coding = passage(translation.text, 'a peer worker trained in the EX-IN programme');
    expect(carryPassage(coding, 'translation', translation.paragraphs, pairs)).toEqual([]);
  });

  it('marks the original paragraphs from their first character to their last, one mark per coding that lands', () => {
    const codings = [
      { id: 'c1', ...passage(translation.text, 'A permanent position.') },
      { id: 'c2', ...passage(translation.text, 'EX-IN') },
      { id: 'c3', ...passage(translation.text, 'I have worked as a peer support worker') },
    ];
    const marks = carriedMarks(codings, 'translation', translation.paragraphs, original.paragraphs, pairs);
    expect(marks.map((mark) => mark.coding.id)).toEqual(['c1', 'c3']);
    const [p9, p2, p3] = [original.paragraphs[8], original.paragraphs[1], original.paragraphs[2]];
    expect(marks[0]?.extents).toEqual([{ start: p9?.start, end: p9?.end }]);
    expect(marks[1]?.extents).toEqual([{ start: p2?.start, end: p3?.end }]);
  });

  it('carries an exact coding on the original back to the translation paragraphs', () => {
    const coding = passage(original.text, 'Mhm.');
    expect(carryPassage(coding, 'original', original.paragraphs, pairs)).toEqual([]);
    const question = passage(original.text, 'Wie hat sich das mit der Zeit verändert?');
    expect(numbers(carryPassage(question, 'original', original.paragraphs, pairs))).toEqual([[3, 3]]);
  });
});

describe('carried marks, for any alignment and any passage', () => {
  /** A random alignment (pairs of up to three paragraphs a side) with paragraph extents of random lengths. */
  const alignedTexts = fc
    .array(
      fc.record({ original: fc.integer({ min: 0, max: 3 }), translation: fc.integer({ min: 0, max: 3 }) }).filter((bead) => bead.original + bead.translation > 0),
      { minLength: 1, maxLength: 20 },
    )
    .chain((shape) => {
      const pairsOfShape: AlignedPair[] = [];
      let o = 0;
      let t = 0;
      for (const bead of shape) {
        pairsOfShape.push({ original: { start: o, end: o + bead.original }, translation: { start: t, end: t + bead.translation } });
        o += bead.original;
        t += bead.translation;
      }
      return fc.record({
        pairs: fc.constant(pairsOfShape),
        translationLengths: fc.array(fc.integer({ min: 1, max: 30 }), { minLength: t, maxLength: t }),
        originalCount: fc.constant(o),
        point: fc.tuple(fc.nat(), fc.nat()),
      });
    });

  const extentsOf = (lengths: readonly number[]): ParagraphExtent[] => {
    let at = 0;
    return lengths.map((length) => {
      const extent = { start: at, end: at + length };
      at += length + 1;
      return extent;
    });
  };

  it('land on exactly the original paragraphs paired with a translation paragraph the passage touches', () => {
    fc.assert(
      fc.property(alignedTexts, ({ pairs: alignment, translationLengths, originalCount, point }) => {
        const paragraphs = extentsOf(translationLengths);
        const textLength = paragraphs.length === 0 ? 0 : (paragraphs[paragraphs.length - 1] as ParagraphExtent).end;
        const a = textLength === 0 ? 0 : point[0] % textLength;
        const b = textLength === 0 ? 0 : point[1] % (textLength + 1);
        const range = { start: Math.min(a, b), end: Math.max(a, b) };
        const carried = new Set<number>();
        for (const run of carryPassage(range, 'translation', paragraphs, alignment)) {
          for (let i = run.start; i < run.end; i++) carried.add(i);
        }
        const expected = new Set<number>();
        for (const pair of alignment) {
          for (let t = pair.translation.start; t < pair.translation.end; t++) {
            const paragraph = paragraphs[t] as ParagraphExtent;
            const touched = range.start === range.end ? paragraph.start <= range.start && range.start < paragraph.end : paragraph.start < range.end && range.start < paragraph.end;
            if (touched) for (let i = pair.original.start; i < pair.original.end; i++) expected.add(i);
          }
        }
        expect([...carried].sort((x, y) => x - y)).toEqual([...expected].sort((x, y) => x - y));
        for (const index of carried) expect(index).toBeLessThan(originalCount);
      }),
      { numRuns: 500 },
    );
  });
});
