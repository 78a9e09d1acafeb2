/**
 * Invariants of the aligner, for any texts: every paragraph of both texts is in exactly one pair, the pairs keep both
 * texts' order, pairs the user fixed are in the result as they are, and a text aligned with itself pairs each
 * paragraph with its copy.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignParagraphs } from '#shared/align/align-paragraphs';
import { type AlignedPair, checkAlignment, samePair } from '#shared/align/aligned-pairs';
import type { AlignmentParagraph } from '#shared/align/alignment-features';

const paragraph: fc.Arbitrary<AlignmentParagraph> = fc.record({
  text: fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.constantFrom('Mhm.', 'Ndiyo.', '[laughter]', 'Yes, 2019 in Kampala.', 'כן, כן.', 'Das war 2019 in Kassel.'),
  ),
  speaker: fc.constantFrom(null, 'Moderator', 'P1', 'P2', 'Participant 3', 'Mshiriki 1', 'מנחה'),
  timestamps: fc.oneof(fc.constant([]), fc.array(fc.constantFrom('00:01:00', '00:01:01', '00:02:30', '12:05', 'not a time'), { maxLength: 2 })),
});

/** A random alignment, as runs of paragraphs on each side (up to three; not both empty), and which of its pairs are fixed. */
const alignmentShape = fc.array(
  fc
    .record({ original: fc.integer({ min: 0, max: 3 }), translation: fc.integer({ min: 0, max: 3 }), fixed: fc.boolean() })
    .filter((bead) => bead.original + bead.translation > 0),
  { maxLength: 25 },
);

/** Texts of the sizes a shape asks for, and the shape's fixed pairs. */
const textsWithFixedPairs = alignmentShape.chain((shape) => {
  const originalCount = shape.reduce((total, bead) => total + bead.original, 0);
  const translationCount = shape.reduce((total, bead) => total + bead.translation, 0);
  const fixed: AlignedPair[] = [];
  let o = 0;
  let t = 0;
  for (const bead of shape) {
    if (bead.fixed) fixed.push({ original: { start: o, end: o + bead.original }, translation: { start: t, end: t + bead.translation } });
    o += bead.original;
    t += bead.translation;
  }
  return fc.record({
    original: fc.array(paragraph, { minLength: originalCount, maxLength: originalCount }),
    translation: fc.array(paragraph, { minLength: translationCount, maxLength: translationCount }),
    fixed: fc.constant(fixed),
  });
});

describe('alignParagraphs invariants', () => {
  it('puts every paragraph of both texts in exactly one pair, in order, and keeps the fixed pairs', () => {
    fc.assert(
      fc.property(textsWithFixedPairs, ({ original, translation, fixed }) => {
        const { pairs } = alignParagraphs({ original, translation, fixed });
        // checkAlignment throws unless the pairs run consecutively over both texts, first paragraph to last.
        checkAlignment(pairs, original.length, translation.length);
        for (const pair of fixed) expect(pairs.some((candidate) => samePair(candidate, pair))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same pairs whatever order the fixed pairs are given in', () => {
    fc.assert(
      fc.property(textsWithFixedPairs, ({ original, translation, fixed }) => {
        const forward = alignParagraphs({ original, translation, fixed }).pairs;
        const backward = alignParagraphs({ original, translation, fixed: [...fixed].reverse() }).pairs;
        expect(backward).toEqual(forward);
      }),
      { numRuns: 100 },
    );
  });

  it('pairs each paragraph of a text with its copy when a text is aligned with itself', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { maxLength: 40 }), (paragraphs) => {
        const { pairs } = alignParagraphs({ original: paragraphs, translation: paragraphs });
        expect(pairs).toEqual(paragraphs.map((_, i) => ({ original: { start: i, end: i + 1 }, translation: { start: i, end: i + 1 } })));
      }),
      { numRuns: 200 },
    );
  });
});

describe('alignParagraphs finds what a translator did to a text, for any text', () => {
  /** A transcript of alternating speakers' turns with words of random lengths (at least 20 characters a turn). */
  const transcript = fc
    .array(fc.record({ speaker: fc.constantFrom('Moderator', 'P1', 'P2', 'P3', 'P4'), words: fc.integer({ min: 4, max: 80 }) }), { minLength: 3, maxLength: 30 })
    .map((turns) =>
      turns
        .filter((turn, i) => i === 0 || turn.speaker !== turns[i - 1]?.speaker)
        .map((turn, i): AlignmentParagraph => ({ text: `${'maneno '.repeat(turn.words)}${i}.`, speaker: turn.speaker, timestamps: [] })),
    )
    .filter((turns) => turns.length >= 3);

  it('leaves a back-channel turn the translation dropped on its own, between two other speakers’ turns', () => {
    fc.assert(
      fc.property(transcript, fc.nat(), fc.constantFrom('Mhm.', 'Ndiyo.', 'Yes.'), (turns, where, said) => {
        const at = 1 + (where % (turns.length - 1));
        const before = turns[at - 1] as AlignmentParagraph;
        const after = turns[at];
        const speaker = ['P5', 'P6', 'P7'].find((candidate) => candidate !== before.speaker && candidate !== after?.speaker) as string;
        const original = [...turns.slice(0, at), { text: said, speaker, timestamps: [] }, ...turns.slice(at)];
        const { pairs } = alignParagraphs({ original, translation: turns });
        expect(pairs).toEqual(
          original.map((_, i) => ({
            original: { start: i, end: i + 1 },
            translation: i < at ? { start: i, end: i + 1 } : i === at ? { start: at, end: at } : { start: i - 1, end: i },
          })),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('pairs a turn the translator split in two (the second half without a label) with both halves', () => {
    fc.assert(
      fc.property(transcript, fc.nat(), (turns, where) => {
        const at = where % turns.length;
        const turn = turns[at] as AlignmentParagraph;
        const cut = turn.text.indexOf(' ', Math.floor(turn.text.length / 2));
        const halves: AlignmentParagraph[] = [
          { ...turn, text: turn.text.slice(0, cut) },
          { text: turn.text.slice(cut + 1), speaker: null, timestamps: [] },
        ];
        const translation = [...turns.slice(0, at), ...halves, ...turns.slice(at + 1)];
        const { pairs } = alignParagraphs({ original: turns, translation });
        expect(pairs).toContainEqual({ original: { start: at, end: at + 1 }, translation: { start: at, end: at + 2 } });
        expect(pairs).toHaveLength(turns.length);
      }),
      { numRuns: 200 },
    );
  });

  it('pairs two paragraphs of one turn that the translator merged with the merged paragraph', () => {
    fc.assert(
      fc.property(transcript, fc.nat(), fc.boolean(), (turns, where, labelled) => {
        const at = where % turns.length;
        const turn = turns[at] as AlignmentParagraph;
        const cut = turn.text.indexOf(' ', Math.floor(turn.text.length / 2));
        const halves: AlignmentParagraph[] = [
          { ...turn, text: turn.text.slice(0, cut) },
          { text: turn.text.slice(cut + 1), speaker: labelled ? turn.speaker : null, timestamps: [] },
        ];
        const original = [...turns.slice(0, at), ...halves, ...turns.slice(at + 1)];
        const { pairs } = alignParagraphs({ original, translation: turns });
        expect(pairs).toContainEqual({ original: { start: at, end: at + 2 }, translation: { start: at, end: at + 1 } });
        expect(pairs).toHaveLength(turns.length);
      }),
      { numRuns: 200 },
    );
  });
});
