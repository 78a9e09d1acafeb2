import { describe, expect, it } from 'vitest';
import { layoutStripes } from '#shared/coding/margin-stripes';
import type { Coding, Paragraph } from '#shared/model/types';
import { stampsAt } from '#shared/model/stamps';

const paragraphs: Paragraph[] = [0, 1, 2, 3].map((i) => ({
  n: i + 1,
  start: i * 100,
  end: i * 100 + 99,
  utteranceStart: i * 100,
  speakerId: null,
  timestamps: [],
}));

function coding(id: string, codeId: string, start: number, end: number): Coding {
  return {
    id,
    projectId: 'p',
    documentId: 'd',
    codeId,
    start,
    end,
    ...stampsAt('2026-01-01T00:00:00.000Z', null),
  };
}

describe('margin stripes', () => {
  it('gives one stripe per code to overlapping codings of that code', () => {
    const layout = layoutStripes(paragraphs, [coding('a', 'X', 10, 40), coding('b', 'X', 30, 60), coding('c', 'X', 70, 80)]);
    expect(layout.stripes.map((s) => [s.codeId, s.start, s.end, s.codingIds])).toEqual([
      ['X', 10, 60, ['a', 'b']],
      ['X', 70, 80, ['c']],
    ]);
    // Both stripes are beside paragraph 1, so they may not share a lane.
    expect(new Set(layout.stripes.map((s) => s.lane)).size).toBe(2);
  });

  it('keeps a passage over several paragraphs in one lane and never puts two stripes of a paragraph in one lane', () => {
    const codings = [
      coding('long', 'A', 50, 350), // paragraphs 1-4
      coding('p2', 'B', 110, 150),
      coding('p2b', 'C', 120, 190),
      coding('p4', 'D', 310, 320),
      coding('p1', 'E', 5, 20),
    ];
    const layout = layoutStripes(paragraphs, codings);
    const long = layout.stripes.find((s) => s.codeId === 'A');
    expect(long && [long.firstParagraph, long.lastParagraph]).toEqual([0, 3]);
    for (const [, stripes] of layout.byParagraph) {
      expect(new Set(stripes.map((s) => s.lane)).size).toBe(stripes.length);
    }
    // Three stripes share paragraph 2 (A, B, C), so three lanes are needed and three are enough.
    expect(layout.laneCount).toBe(3);
    expect(layout.byParagraph.get(1)?.map((s) => s.codeId).sort()).toEqual(['A', 'B', 'C']);
    // D and E can reuse lanes that B and C held in paragraph 2.
    expect(layout.stripes.find((s) => s.codeId === 'D')?.lane).toBeLessThan(3);
  });

  it('ends a stripe in the paragraph of its last character', () => {
    // 100 is the start of paragraph 2; a coding ending there (exclusive) stays in paragraph 1.
    const layout = layoutStripes(paragraphs, [coding('a', 'A', 50, 100)]);
    expect(layout.stripes[0]?.lastParagraph).toBe(0);
  });

  it('keeps the very same list for each paragraph whose stripes a change leaves as they were', () => {
    const before = layoutStripes(paragraphs, [coding('a', 'X', 10, 40), coding('b', 'Y', 120, 150), coding('c', 'Z', 250, 260)]);
    // A coding added in paragraph 2 (index 1) beside Y; paragraphs 1 and 3 are untouched.
    const after = layoutStripes(
      paragraphs,
      [coding('a', 'X', 10, 40), coding('b', 'Y', 120, 150), coding('d', 'X', 130, 140), coding('c', 'Z', 250, 260)],
      before,
    );
    expect(after.byParagraph.get(0)).toBe(before.byParagraph.get(0));
    expect(after.byParagraph.get(2)).toBe(before.byParagraph.get(2));
    expect(after.byParagraph.get(1)).not.toBe(before.byParagraph.get(1));
    expect(after.byParagraph.get(1)?.map((stripe) => stripe.codeId)).toEqual(['Y', 'X']);
    // Y keeps its lane; the new X stripe takes the next one free beside it.
    expect(after.byParagraph.get(1)?.map((stripe) => stripe.lane)).toEqual([0, 1]);
    expect(after.laneCount).toBe(2);
  });

  it('never moves the stripes of other passages when one is coded, and reuses lanes freed when one is removed', () => {
    const codings = [coding('b', 'B', 110, 150), coding('c', 'C', 120, 190), coding('d', 'D', 310, 320), coding('e', 'E', 330, 340)];
    const before = layoutStripes(paragraphs, codings);
    const lanesBefore = new Map(before.stripes.map((stripe) => [stripe.codeId, stripe.lane]));
    // A long passage from paragraph 1 to 4 coded first in document order: a layout from nothing would give it lane
    // 0 and push B, C, D and E aside; after a change, it goes to a lane free beside all four paragraphs instead.
    const withLong = [coding('long', 'A', 50, 350), ...codings];
    const grown = layoutStripes(paragraphs, withLong, before);
    for (const stripe of grown.stripes) if (stripe.codeId !== 'A') expect(stripe.lane).toBe(lanesBefore.get(stripe.codeId));
    expect(grown.stripes.find((stripe) => stripe.codeId === 'A')?.lane).toBe(2);
    expect(grown.byParagraph.get(3)).not.toBe(before.byParagraph.get(3));
    for (const [, stripes] of grown.byParagraph) expect(new Set(stripes.map((s) => s.lane)).size).toBe(stripes.length);
    // Removing B frees lane 0 in paragraph 2 for the next coding there.
    const withoutB = withLong.filter((c) => c.id !== 'b');
    const removed = layoutStripes(paragraphs, withoutB, grown);
    const next = layoutStripes(paragraphs, [...withoutB, coding('f', 'F', 160, 170)], removed);
    expect(next.stripes.find((stripe) => stripe.codeId === 'F')?.lane).toBe(0);
  });

  it('gives a paragraph a new list when one of its stripes grows or moves lane', () => {
    const before = layoutStripes(paragraphs, [coding('a', 'X', 10, 40)]);
    const grown = layoutStripes(paragraphs, [coding('a', 'X', 10, 40), coding('e', 'X', 35, 60)], before);
    expect(grown.byParagraph.get(0)).not.toBe(before.byParagraph.get(0));
    expect(grown.byParagraph.get(0)?.[0]?.codingIds).toEqual(['a', 'e']);
  });
});
