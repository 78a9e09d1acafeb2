/**
 * The coloured stripes in the reader's margin: one per code beside each passage coded with it, so that several
 * codes on one passage, and passages that cross, stay readable where highlights alone would blur into each other.
 *
 * Codings of the same code that overlap share one stripe (two coders coding one passage with the same code is one
 * theme there). Stripes are laid out in lanes (columns) for the whole document, so a passage that runs over
 * several paragraphs keeps its column from one to the next; two stripes that share a paragraph never share a lane,
 * since they would sit beside the same lines. A document's first layout gives lanes greedily in document order,
 * which uses as few as any layout can (it is interval colouring). After a change, stripes keep the lanes they had
 * and only new or grown ones look for a free lane, so that coding one passage never moves the stripes of others.
 */
import { paragraphIndexAt } from './paragraph-label.ts';
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


interface MutableStripe {
  codeId: Uuid;
  start: number;
  end: number;
  codingIds: Uuid[];
  lane: number;
  firstParagraph: number;
  lastParagraph: number;
}

function isSortedByStart(codings: readonly Coding[]): boolean {
  for (let i = 1; i < codings.length; i++) if ((codings[i] as Coding).start < (codings[i - 1] as Coding).start) return false;
  return true;
}

function sameStripe(a: MarginStripe, b: MarginStripe): boolean {
  return (
    a.codeId === b.codeId &&
    a.start === b.start &&
    a.end === b.end &&
    a.lane === b.lane &&
    a.firstParagraph === b.firstParagraph &&
    a.lastParagraph === b.lastParagraph &&
    a.codingIds.length === b.codingIds.length &&
    a.codingIds.every((id, i) => b.codingIds[i] === id)
  );
}

function sameStripes(a: readonly MarginStripe[], b: readonly MarginStripe[]): boolean {
  return a.length === b.length && a.every((stripe, i) => sameStripe(stripe, b[i] as MarginStripe));
}

/**
 * Lays out the stripes of a document's codings beside its paragraphs. Runs on every change to the open document,
 * so it makes one pass over the codings in position order (the project index keeps them so; others are sorted
 * first) and allocates one object per stripe. With `previous` (the layout of the same paragraphs before a change),
 * a paragraph whose stripes are unchanged keeps the very same list, so that a coding redraws only the paragraphs
 * it changes.
 */
export function layoutStripes(paragraphs: readonly Paragraph[], codings: readonly Coding[], previous: StripeLayout | null = null): StripeLayout {
  const sorted = isSortedByStart(codings) ? codings : [...codings].sort((a, b) => a.start - b.start || a.end - b.end);
  // Overlapping codings of one code become one stripe; stripes come out in the order they start.
  const open = new Map<Uuid, MutableStripe>();
  const stripes: MutableStripe[] = [];
  for (const coding of sorted) {
    if (coding.end <= coding.start) continue;
    const current = open.get(coding.codeId);
    if (current && coding.start < current.end) {
      if (coding.end > current.end) current.end = coding.end;
      current.codingIds.push(coding.id);
      continue;
    }
    const stripe: MutableStripe = { codeId: coding.codeId, start: coding.start, end: coding.end, codingIds: [coding.id], lane: 0, firstParagraph: 0, lastParagraph: 0 };
    open.set(coding.codeId, stripe);
    stripes.push(stripe);
  }
  // The lane each coding's stripe had before the change, for the stripes to keep their place.
  const laneBefore = new Map<Uuid, number>();
  if (previous) for (const stripe of previous.stripes) for (const id of stripe.codingIds) laneBefore.set(id, stripe.lane);
  // The lanes taken beside each paragraph. A stripe's span runs from the paragraph of its first character to that of
  // its last.
  const taken = new Map<number, number[]>();
  const isFree = (stripe: MutableStripe, lane: number): boolean => {
    for (let p = stripe.firstParagraph; p <= stripe.lastParagraph; p++) if (taken.get(p)?.includes(lane)) return false;
    return true;
  };
  const place = (stripe: MutableStripe, lane: number): void => {
    stripe.lane = lane;
    for (let p = stripe.firstParagraph; p <= stripe.lastParagraph; p++) {
      const lanes = taken.get(p);
      if (lanes) lanes.push(lane);
      else taken.set(p, [lane]);
    }
  };
  const unplaced: MutableStripe[] = [];
  for (const stripe of stripes) {
    stripe.firstParagraph = Math.max(0, paragraphIndexAt(paragraphs, stripe.start));
    stripe.lastParagraph = Math.max(stripe.firstParagraph, paragraphIndexAt(paragraphs, stripe.end - 1));
    const lane = stripe.codingIds.map((id) => laneBefore.get(id)).find((l) => l !== undefined);
    if (lane !== undefined && isFree(stripe, lane)) place(stripe, lane);
    else unplaced.push(stripe);
  }
  // New stripes, and those whose lane a grown neighbour took, in order of start: the lowest lane free beside them
  // (for a first layout, that is the greedy colouring).
  let laneCount = 0;
  for (const stripe of stripes) laneCount = Math.max(laneCount, stripe.lane + 1);
  for (const stripe of unplaced) {
    let lane = 0;
    while (!isFree(stripe, lane)) lane++;
    place(stripe, lane);
    laneCount = Math.max(laneCount, lane + 1);
  }
  const byParagraph = new Map<number, MarginStripe[]>();
  for (const stripe of stripes) {
    for (let p = stripe.firstParagraph; p <= stripe.lastParagraph; p++) {
      const list = byParagraph.get(p);
      if (list) list.push(stripe);
      else byParagraph.set(p, [stripe]);
    }
  }
  if (previous) {
    for (const [p, list] of byParagraph) {
      const before = previous.byParagraph.get(p);
      if (before && sameStripes(before, list)) byParagraph.set(p, before as MarginStripe[]);
    }
  }
  return { laneCount, stripes, byParagraph };
}
