/**
 * The coloured stripes in the reader's margin: one per code beside each passage coded with it, so that several
 * codes on one passage, and passages that cross, stay readable where highlights alone would blur into each other.
 *
 * Codings of the same code that overlap share one stripe (two coders coding one passage with the same code is one
 * theme there). Stripes are laid out in lanes (columns) for the whole document, so a passage that runs over
 * several paragraphs keeps its column from one to the next; two stripes that share a paragraph never share a lane,
 * since they would sit beside the same lines. Lanes are given greedily in document order, which uses as few as any
 * layout can (it is interval colouring).
 */
import type { Coding, Paragraph, Uuid } from '../model/types.ts';

/** One stripe: a code over [start, end) of the document, made of the codings listed, in lane `lane` (0 first). */
export interface MarginStripe {
  readonly codeId: Uuid;
  readonly start: number;
  readonly end: number;
  readonly codingIds: readonly Uuid[];
  readonly lane: number;
  /** Index in the paragraph list of the first and last paragraph the stripe runs beside. */
  readonly firstParagraph: number;
  readonly lastParagraph: number;
}

/** The stripes of a document and how many lanes they take. */
export interface StripeLayout {
  readonly laneCount: number;
  readonly stripes: readonly MarginStripe[];
  /** The stripes beside each paragraph, by paragraph index (absent: none). */
  readonly byParagraph: ReadonlyMap<number, readonly MarginStripe[]>;
}

/** Index of the paragraph holding a code-point offset (the last one starting at or before it), or -1. */
function paragraphIndexAt(paragraphs: readonly Paragraph[], offset: number): number {
  let low = 0;
  let high = paragraphs.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((paragraphs[mid] as Paragraph).start <= offset) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/** Lays out the stripes of a document's codings (any order) beside its paragraphs. */
export function layoutStripes(paragraphs: readonly Paragraph[], codings: readonly Coding[]): StripeLayout {
  // Merge overlapping codings of each code into one stripe.
  const byCode = new Map<Uuid, Coding[]>();
  for (const coding of codings) {
    if (coding.end <= coding.start) continue;
    const list = byCode.get(coding.codeId);
    if (list) list.push(coding);
    else byCode.set(coding.codeId, [coding]);
  }
  const merged: { codeId: Uuid; start: number; end: number; codingIds: Uuid[] }[] = [];
  for (const [codeId, list] of byCode) {
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    let current: { codeId: Uuid; start: number; end: number; codingIds: Uuid[] } | null = null;
    for (const coding of list) {
      if (current && coding.start < current.end) {
        current.end = Math.max(current.end, coding.end);
        current.codingIds.push(coding.id);
      } else {
        current = { codeId, start: coding.start, end: coding.end, codingIds: [coding.id] };
        merged.push(current);
      }
    }
  }
  // Paragraph span of each stripe: from the paragraph of its first character to that of its last.
  const spans = merged.map((stripe) => ({
    ...stripe,
    firstParagraph: Math.max(0, paragraphIndexAt(paragraphs, stripe.start)),
    lastParagraph: Math.max(0, paragraphIndexAt(paragraphs, stripe.end - 1)),
  }));
  // Longer stripes first among those starting in one paragraph, so they take the inner lanes; then by code for a
  // stable layout.
  spans.sort(
    (a, b) =>
      a.firstParagraph - b.firstParagraph ||
      b.lastParagraph - a.lastParagraph ||
      a.start - b.start ||
      b.end - a.end ||
      (a.codeId < b.codeId ? -1 : a.codeId > b.codeId ? 1 : 0),
  );
  const laneEnds: number[] = []; // last paragraph index taken in each lane
  const stripes: MarginStripe[] = [];
  const byParagraph = new Map<number, MarginStripe[]>();
  for (const span of spans) {
    let lane = laneEnds.findIndex((last) => last < span.firstParagraph);
    if (lane < 0) lane = laneEnds.push(span.lastParagraph) - 1;
    else laneEnds[lane] = span.lastParagraph;
    const stripe: MarginStripe = { ...span, lane };
    stripes.push(stripe);
    for (let p = span.firstParagraph; p <= span.lastParagraph; p++) {
      const list = byParagraph.get(p);
      if (list) list.push(stripe);
      else byParagraph.set(p, [stripe]);
    }
  }
  return { laneCount: laneEnds.length, stripes, byParagraph };
}
