/**
 * The aligner on realistic transcript pairs (German, Kiswahili and Hebrew originals with English translations), read
 * through the importer's own structure recognition, and on the corrections a user fixes.
 */
import { describe, expect, it } from 'vitest';
import { alignParagraphs } from '#shared/align/align-paragraphs';
import { type AlignedPair, runAsParagraphNumbers } from '#shared/align/aligned-pairs';
import { alignmentParagraphsOfImport } from '#shared/align/alignment-paragraphs';
import { recogniseTranscript } from '#shared/import/transcript-structure';
import {
  BILINGUAL_FIXTURES,
  type BilingualFixture,
  germanPeerSupport,
  kiswahiliCommunityHealth,
} from '../../../fixtures/align/bilingual-transcripts.ts';

function paragraphsOf(lines: readonly string[]) {
  return alignmentParagraphsOfImport(recogniseTranscript(lines));
}

function asNumbers(pairs: readonly AlignedPair[]) {
  return pairs.map((pair) => ({ translation: runAsParagraphNumbers(pair.translation), original: runAsParagraphNumbers(pair.original) }));
}

function align(fixture: BilingualFixture, fixed: readonly AlignedPair[] = []) {
  return alignParagraphs({ original: paragraphsOf(fixture.original), translation: paragraphsOf(fixture.translation), fixed });
}

const run = (start: number, end: number) => ({ start, end });

describe('alignParagraphs on translated focus groups', () => {
  it.each(BILINGUAL_FIXTURES.map((fixture) => [fixture.name, fixture] as const))('%s: finds the pairs the translator made', (_name, fixture) => {
    expect(asNumbers(align(fixture).pairs)).toEqual(fixture.expected);
  });

  it('does not pair by index: once a back-channel turn is left out, paragraph n of one text is not paragraph n of the other', () => {
    const pairs = asNumbers(align(kiswahiliCommunityHealth).pairs);
    // Paragraph 5 of the original (the facilitator's question) is paragraph 5 of the translation only because the
    // split of paragraph 4 makes up for the dropped "Ndiyo.": the pairs before it are shifted.
    expect(pairs).toContainEqual({ translation: [3, 4], original: [4, 4] });
    expect(pairs).toContainEqual({ translation: [], original: [3, 3] });
  });

  it('learns which original label speaks where a translation label does, when the importer knows only one of them', () => {
    const result = align(kiswahiliCommunityHealth);
    // "Mshiriki 2" opens only one pair (its "Ndiyo." has no counterpart): one pair is not enough to learn from.
    expect(new Map(result.speakerCorrespondence)).toEqual(
      new Map([
        ['Mwezeshaji', 'Facilitator'],
        ['Mshiriki 1', 'Participant 1'],
        ['Mshiriki 3', 'Participant 3'],
      ]),
    );
    expect(result.timestampsAgree).toBe(true);
  });

  it('says that timestamps in one text only told it nothing, and estimates the length ratio of the two languages', () => {
    const result = align(germanPeerSupport);
    expect(result.timestampsAgree).toBe(false);
    // German runs longer than English.
    expect(result.lengthModel.ratio).toBeGreaterThan(0.8);
    expect(result.lengthModel.ratio).toBeLessThan(1);
    expect(result.lengthModel.variance).toBeGreaterThanOrEqual(6.8);
  });

  it('keeps a pair the user fixed, even against its own judgement, and aligns the rest around it', () => {
    // The user says original 2 alone is translation 2 (not 2-3): original 3 then has no counterpart.
    const fixed = { original: run(1, 2), translation: run(1, 2) };
    const pairs = asNumbers(align(germanPeerSupport, [fixed]).pairs);
    expect(pairs.slice(0, 4)).toEqual([
      { translation: [1, 1], original: [1, 1] },
      { translation: [2, 2], original: [2, 2] },
      { translation: [], original: [3, 3] },
      { translation: [3, 3], original: [4, 4] },
    ]);
    expect(pairs.slice(4)).toEqual(germanPeerSupport.expected.slice(3));
  });

  it('keeps a fixed pair with nothing on one side where the user placed it', () => {
    // The user says translation 5 (the second half of the split turn) was added by the translator.
    const fixed = { original: run(5, 5), translation: run(4, 5) };
    const pairs = asNumbers(align(germanPeerSupport, [fixed]).pairs);
    expect(pairs).toContainEqual({ translation: [4, 4], original: [5, 5] });
    expect(pairs).toContainEqual({ translation: [5, 5], original: [] });
    expect(pairs.findIndex((pair) => pair.translation[0] === 5)).toBe(pairs.findIndex((pair) => pair.translation[0] === 4) + 1);
  });

  it('refuses fixed pairs that cross or lie outside the texts', () => {
    const original = paragraphsOf(germanPeerSupport.original);
    const translation = paragraphsOf(germanPeerSupport.translation);
    expect(() =>
      alignParagraphs({ original, translation, fixed: [{ original: run(2, 4), translation: run(3, 4) }, { original: run(3, 5), translation: run(4, 5) }] }),
    ).toThrow(/overlaps or crosses/);
    expect(() => alignParagraphs({ original, translation, fixed: [{ original: run(10, 12), translation: run(10, 11) }] })).toThrow(/outside the texts/);
    expect(() => alignParagraphs({ original, translation, fixed: [{ original: run(3, 3), translation: run(3, 3) }] })).toThrow(/holds no paragraph/);
  });

  it('aligns an empty text against a whole one as pairs with one side empty', () => {
    const original = paragraphsOf(germanPeerSupport.original);
    const pairs = alignParagraphs({ original, translation: [] }).pairs;
    expect(pairs).toHaveLength(original.length);
    expect(pairs.every((pair) => pair.translation.start === 0 && pair.translation.end === 0)).toBe(true);
    expect(alignParagraphs({ original: [], translation: [] }).pairs).toEqual([]);
  });
});
