/**
 * Passages as intervals of code points [start, end) of one document, and the union arithmetic the matrices count
 * with: a code's subtree counts a passage once however many of its codes (or coders) coded it, so counts are taken
 * over the union of the intervals, never over their sum.
 */

/** A half-open interval of code points. */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

/**
 * The union of intervals as disjoint pieces, by start. Two intervals join when they share a code point; intervals
 * that only touch ([0, 5) and [5, 9)) stay two passages, as a coder who codes two sentences apart meant two.
 * Empty intervals are dropped.
 */
export function unionOfIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Interval[] = [];
  let current: { start: number; end: number } | null = null;
  for (const interval of sorted) {
    if (current && interval.start < current.end) {
      if (interval.end > current.end) current.end = interval.end;
      continue;
    }
    if (current) out.push(current);
    current = { start: interval.start, end: interval.end };
  }
  if (current) out.push(current);
  return out;
}

/**
 * The number of code points two sorted lists of disjoint intervals have in common. Each interval of `a` (a code's
 * few passages in a document) finds its place in `b` (the document's hundreds of paragraphs) by binary search, so
 * the cost follows the passages, not the length of the document.
 */
export function overlapLength(a: readonly Interval[], b: readonly Interval[]): number {
  let total = 0;
  let from = 0;
  for (const x of a) {
    // The first interval of b that ends after x starts.
    let low = from;
    let high = b.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((b[mid] as Interval).end <= x.start) low = mid + 1;
      else high = mid;
    }
    from = low;
    for (let j = low; j < b.length; j++) {
      const y = b[j] as Interval;
      if (y.start >= x.end) break;
      total += Math.min(x.end, y.end) - Math.max(x.start, y.start);
    }
  }
  return total;
}

/** The total length of disjoint intervals. */
export function totalLength(intervals: readonly Interval[]): number {
  let total = 0;
  for (const interval of intervals) total += interval.end - interval.start;
  return total;
}

/**
 * How many pieces of the union of two disjoint sorted lists hold some of each list: the passages where code 1 and
 * code 2 co-occur by overlapping. It is at most the length of either list, so c = n12 / (n1 + n2 - n12) stays in
 * [0, 1].
 */
export function sharedPieces(a: readonly Interval[], b: readonly Interval[]): number {
  const tagged = [...a.map((i) => ({ ...i, side: 1 })), ...b.map((i) => ({ ...i, side: 2 }))].sort((x, y) => x.start - y.start || x.end - y.end);
  let shared = 0;
  let end = -Infinity;
  let sides = 0;
  for (const interval of tagged) {
    if (interval.start >= end) {
      if (sides === 3) shared++;
      sides = 0;
      end = interval.end;
    } else if (interval.end > end) end = interval.end;
    sides |= interval.side;
  }
  if (sides === 3) shared++;
  return shared;
}
