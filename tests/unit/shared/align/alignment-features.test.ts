/** The length model's numbers against the published ones, and what the aligner reads from a paragraph. */
import { describe, expect, it } from 'vitest';
import {
  alignmentLength,
  anchorTokens,
  isNoteParagraph,
  speakerIdentity,
  timestampSeconds,
} from '#shared/align/alignment-features';
import { BEAD_PRIOR_COSTS, lengthCost, logTwoSidedNormalTail } from '#shared/align/gale-church';

describe('the Gale & Church length model', () => {
  it('gives the penalties of Gale & Church’s program relative to 1:1 (230 for 2:1, 440 for 2:2, 450 for 1:0)', () => {
    const relative = (kind: keyof typeof BEAD_PRIOR_COSTS) => Math.round(BEAD_PRIOR_COSTS[kind] - BEAD_PRIOR_COSTS['1:1']);
    expect(relative('2:1')).toBe(230);
    expect(relative('1:2')).toBe(230);
    expect(relative('2:2')).toBe(439);
    expect(relative('1:0')).toBe(450);
    expect(relative('0:1')).toBe(450);
  });

  it('computes ln 2(1 - Φ(z)) to the normal table’s values, far into the tail', () => {
    expect(logTwoSidedNormalTail(0)).toBeCloseTo(0, 6);
    expect(logTwoSidedNormalTail(1)).toBeCloseTo(Math.log(0.3173105), 6);
    expect(logTwoSidedNormalTail(1.959964)).toBeCloseTo(Math.log(0.05), 6);
    expect(logTwoSidedNormalTail(3)).toBeCloseTo(Math.log(0.002699796), 6);
    expect(logTwoSidedNormalTail(10)).toBeCloseTo(Math.log(1.523971e-23), 5);
  });

  it('costs nothing for lengths in the expected ratio and more the further they stray', () => {
    const model = { ratio: 1.2, variance: 6.8, paragraphSpread: 0 };
    expect(lengthCost(100, 120, model)).toBeCloseTo(0, 4);
    expect(lengthCost(100, 150, model)).toBeGreaterThan(lengthCost(100, 135, model));
    expect(lengthCost(0, 0, model)).toBe(0);
    // δ = (150 - 120) / √(6.8 · 112.5) = 1.0847
    expect(lengthCost(100, 150, model)).toBeCloseTo(-100 * logTwoSidedNormalTail(30 / Math.sqrt(6.8 * 112.5)), 9);
    // A paragraph spread widens the tolerance for long paragraphs.
    expect(lengthCost(1000, 1500, { ...model, paragraphSpread: 0.04 })).toBeLessThan(lengthCost(1000, 1500, model));
  });
});

describe('what the aligner reads from a paragraph', () => {
  it('knows one speaker under labels in several languages by role and number', () => {
    expect(new Set(['P3', 'Participant 3', 'Teilnehmerin 3', 'משתתף 3', 'participant 03'].map(speakerIdentity)).size).toBe(1);
    expect(new Set(['Moderator', 'Moderatorin', 'מנחה', 'Facilitator'].map(speakerIdentity)).size).toBe(1);
    expect(speakerIdentity('P2')).not.toBe(speakerIdentity('P3'));
    expect(speakerIdentity('Sarah')).toBe(speakerIdentity('SARAH'));
    expect(speakerIdentity('Mshiriki 3')).not.toBe(speakerIdentity('P3'));
  });

  it('reads timestamps as seconds of the recording', () => {
    expect(timestampSeconds('00:21:47')).toBe(1307);
    expect(timestampSeconds('1:02:03.5')).toBe(3723.5);
    expect(timestampSeconds('21:47')).toBe(1307);
    expect(timestampSeconds('half past ten')).toBeNull();
  });

  it('finds numbers in any digits and spelling, and capitalised names, but not timestamps', () => {
    expect(anchorTokens('1.500 oder 1,500 oder ١٥٠٠ shilingi')).toEqual(['#1500']);
    expect(anchorTokens('२०१९ मध्ये')).toEqual(['#2019']);
    expect(anchorTokens('[00:21:47] Nach der Schulung kam Dr. Albrecht, 07 Mal')).toEqual(['#7', '@nach', '@schulung', '@dr', '@albrecht', '@mal']);
    expect(anchorTokens('ד״ר כהן במרץ 2022')).toEqual(['#2022']);
  });

  it('measures a paragraph without its timestamps and with white space counted once', () => {
    expect(alignmentLength('[00:21:47]   Yes,  really. ')).toBe('Yes, really.'.length);
    expect(alignmentLength('שלום 😀')).toBe(6);
  });

  it('tells a paragraph that is all a note', () => {
    expect(isNoteParagraph('[laughter]')).toBe(true);
    expect(isNoteParagraph('[00:26:31] [kicheko]')).toBe(true);
    expect(isNoteParagraph('(Translator’s note: a peer worker)')).toBe(true);
    expect(isNoteParagraph('[laughs] That was funny.')).toBe(false);
  });
});
