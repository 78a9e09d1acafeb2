/**
 * Carries a coding from one text of an aligned pair to the other. Words do not align across languages, so a coding
 * carries over as paragraph-level marks: the coded passage touches some paragraphs of its text, and the mark lands on
 * exactly the paragraphs that the alignment pairs with them, no more (a paragraph of the other text that has no
 * counterpart, such as a back-channel "Mhm." the translator left out, is not marked) and no fewer.
 */
import type { CodePointRange } from '../text/code-points.ts';
import { type AlignedPair, type ParagraphRun, isEmptyRun } from './aligned-pairs.ts';

/** A paragraph's place in its text, in code points (start inclusive, end exclusive), as stored paragraphs have it. */
export interface ParagraphExtent {
  readonly start: number;
  readonly end: number;
}

/** Which text a coding is on. */
export type AlignedSide = 'original' | 'translation';

/**
 * The runs of paragraphs (indices from 0) of a text that a passage touches: those whose text overlaps it. A passage
 * of no length touches the paragraph it stands in.
 */
export function paragraphsTouched(range: CodePointRange, paragraphs: readonly ParagraphExtent[]): ParagraphRun | null {
  // Paragraphs are in text order and do not overlap, so their ends rise: the first that can touch is found by
  // halving, and the walk stops at the first that starts after the passage (a long transcript has thousands).
  let low = 0;
  let high = paragraphs.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((paragraphs[middle] as ParagraphExtent).end <= range.start) low = middle + 1;
    else high = middle;
  }
  let first = -1;
  let last = -1;
  for (let index = low; index < paragraphs.length; index++) {
    const paragraph = paragraphs[index] as ParagraphExtent;
    if (range.start === range.end ? paragraph.start > range.start : paragraph.start >= range.end) break;
    const touches =
      range.start === range.end
        ? paragraph.start <= range.start && range.start < paragraph.end
        : paragraph.start < range.end && range.start < paragraph.end;
    if (!touches) continue;
    if (first < 0) first = index;
    last = index;
  }
  return first < 0 ? null : { start: first, end: last + 1 };
}

/**
 * The paragraphs of the other text that a passage on `from`'s text carries to: the other side of every pair whose
 * `from` side holds a paragraph the passage touches, as runs of paragraph indices from 0, in order, adjacent runs
 * joined. Empty when the passage touches only paragraphs the other text has no counterpart for.
 */
export function carryPassage(
  range: CodePointRange,
  from: AlignedSide,
  fromParagraphs: readonly ParagraphExtent[],
  pairs: readonly AlignedPair[],
): ParagraphRun[] {
  const touched = paragraphsTouched(range, fromParagraphs);
  if (touched === null) return [];
  const to: AlignedSide = from === 'translation' ? 'original' : 'translation';
  const runs: ParagraphRun[] = [];
  // Pairs keep the text's order, so their runs' ends rise: start at the first pair that can hold a touched paragraph.
  let low = 0;
  let high = pairs.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((pairs[middle] as AlignedPair)[from].end <= touched.start) low = middle + 1;
    else high = middle;
  }
  for (let index = low; index < pairs.length; index++) {
    const pair = pairs[index] as AlignedPair;
    const source = pair[from];
    const target = pair[to];
    if (source.start >= touched.end) break;
    if (isEmptyRun(source) || isEmptyRun(target)) continue;
    if (source.end <= touched.start) continue;
    const previous = runs[runs.length - 1];
    if (previous && previous.end === target.start) runs[runs.length - 1] = { start: previous.start, end: target.end };
    else runs.push(target);
  }
  return runs;
}

/** A coding's mark on the other text: the coding, and the code-point extent of each run of paragraphs it lands on. */
export interface CarriedMark<C> {
  readonly coding: C;
  readonly paragraphs: readonly ParagraphRun[];
  /** For each run, from the start of its first paragraph to the end of its last. */
  readonly extents: readonly CodePointRange[];
}

/**
 * The paragraph-level marks that codings on one text of an aligned pair make on the other text. Codings that land
 * on nothing (they touch only paragraphs without a counterpart) make no mark.
 */
export function carriedMarks<C extends CodePointRange>(
  codings: readonly C[],
  from: AlignedSide,
  fromParagraphs: readonly ParagraphExtent[],
  toParagraphs: readonly ParagraphExtent[],
  pairs: readonly AlignedPair[],
): CarriedMark<C>[] {
  const marks: CarriedMark<C>[] = [];
  for (const coding of codings) {
    const runs = carryPassage(coding, from, fromParagraphs, pairs);
    if (runs.length === 0) continue;
    const extents = runs.map((run) => ({
      start: (toParagraphs[run.start] as ParagraphExtent).start,
      end: (toParagraphs[run.end - 1] as ParagraphExtent).end,
    }));
    marks.push({ coding, paragraphs: runs, extents });
  }
  return marks;
}
