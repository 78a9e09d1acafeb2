/**
 * What coders coded, as sorted unions of intervals per (document, code, coder), and the units of agreement over
 * them: each code point of a document (character), each paragraph, or each speaker turn.
 *
 * A study of 200 transcripts of 20,000 words holds tens of millions of characters, so character units are never
 * materialised: the counts come from the lengths of interval unions and their intersections, which costs as much as
 * the codings do, not as the text does.
 *
 * Not yet one way to do it: shared/compare/intervals.ts keeps unions of {start, end} objects (unionOfIntervals,
 * overlapLength, totalLength) for the same job. These flat lists allocate far less, which agreement's 30,000 unions
 * per table need; compare was being reworked at the time, so the two should be folded into this one afterwards.
 */
import type { Coding, Paragraph, Uuid } from '../model/types.ts';

/** The coder a coding belongs to: read in this one place, so the model's naming of it is known here only. */
export function codingCoder(coding: Coding): Uuid | null {
  return coding.createdBy;
}

/** Sorted, disjoint, non-adjacent intervals [start, end) as a flat list: start0, end0, start1, end1, ... */
export type IntervalUnion = readonly number[];

/**
 * The union of intervals given as a flat list (start, end pairs in any order), clipped to [0, length).
 *
 * Agreement takes tens of thousands of these per table, most of one or a few intervals, so it sorts the pairs in
 * a flat copy (insertion sort while they are few, often already in order) rather than allocating a tuple per pair.
 */
export function intervalUnion(flat: readonly number[], length: number): IntervalUnion {
  const pairs: number[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const start = Math.max(0, flat[i] as number);
    const end = Math.min(length, flat[i + 1] as number);
    if (end > start) pairs.push(start, end);
  }
  return unionOfPairs(pairs);
}

/**
 * The union of one coder's intervals from a list of (coder position, start, end) triples of several coders, clipped
 * to [0, length): agreement groups codings this way so that a (document, code) costs one list, not one per coder.
 */
export function coderIntervalUnion(triples: readonly number[], position: number, length: number): IntervalUnion {
  const pairs: number[] = [];
  for (let i = 0; i + 2 < triples.length; i += 3) {
    if (triples[i] !== position) continue;
    const start = Math.max(0, triples[i + 1] as number);
    const end = Math.min(length, triples[i + 2] as number);
    if (end > start) pairs.push(start, end);
  }
  return unionOfPairs(pairs);
}

/** Sorts non-empty [start, end) pairs (in place while few) and merges overlapping and touching ones. */
function unionOfPairs(given: number[]): IntervalUnion {
  let pairs = given;
  if (pairs.length <= 2) return pairs;
  if (pairs.length <= 64) {
    for (let i = 2; i < pairs.length; i += 2) {
      const start = pairs[i] as number;
      const end = pairs[i + 1] as number;
      let at = i;
      while (at > 0 && ((pairs[at - 2] as number) > start || ((pairs[at - 2] as number) === start && (pairs[at - 1] as number) > end))) {
        pairs[at] = pairs[at - 2] as number;
        pairs[at + 1] = pairs[at - 1] as number;
        at -= 2;
      }
      pairs[at] = start;
      pairs[at + 1] = end;
    }
  } else {
    const source = pairs;
    const order = Array.from({ length: source.length / 2 }, (_, i) => 2 * i);
    order.sort((x, y) => (source[x] as number) - (source[y] as number) || (source[x + 1] as number) - (source[y + 1] as number));
    pairs = order.flatMap((at) => [source[at] as number, source[at + 1] as number]);
  }
  const out: number[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const start = pairs[i] as number;
    const end = pairs[i + 1] as number;
    const last = out.length - 1;
    if (last > 0 && start <= (out[last] as number)) {
      if (end > (out[last] as number)) out[last] = end;
    } else {
      out.push(start, end);
    }
  }
  return out;
}

/** The total length of an interval union. */
export function unionLength(union: IntervalUnion): number {
  let total = 0;
  for (let i = 0; i < union.length; i += 2) total += (union[i + 1] as number) - (union[i] as number);
  return total;
}

/** The length of the intersection of two interval unions (one merge pass). */
export function intersectionLength(a: IntervalUnion, b: IntervalUnion): number {
  let i = 0;
  let j = 0;
  let total = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i] as number, b[j] as number);
    const aEnd = a[i + 1] as number;
    const bEnd = b[j + 1] as number;
    const end = Math.min(aEnd, bEnd);
    if (end > start) total += end - start;
    if (aEnd < bEnd) i += 2;
    else j += 2;
  }
  return total;
}

/** The parts of union `a` not in union `b`, as an interval union. */
export function intervalDifference(a: IntervalUnion, b: IntervalUnion): IntervalUnion {
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < a.length; i += 2) {
    let start = a[i] as number;
    const end = a[i + 1] as number;
    while (j < b.length && (b[j + 1] as number) <= start) j += 2;
    let k = j;
    while (k < b.length && (b[k] as number) < end) {
      if ((b[k] as number) > start) out.push(start, b[k] as number);
      start = Math.max(start, b[k + 1] as number);
      k += 2;
    }
    if (start < end) out.push(start, end);
  }
  return out;
}

/**
 * The character span each paragraph stands for when characters are resampled by paragraph: from its start to the
 * next paragraph's start (the line break after a paragraph is its own, as `paragraphAt` counts it); the first also
 * takes any text before it and the last runs to the end of the text. Together they cover [0, length) once.
 */
export function paragraphCharacterBounds(paragraphs: readonly Paragraph[], length: number): Float64Array {
  const bounds = new Float64Array(paragraphs.length + 1);
  for (let i = 1; i < paragraphs.length; i++) bounds[i] = (paragraphs[i] as Paragraph).start;
  bounds[paragraphs.length] = length;
  return bounds;
}

/** Index of the span of `bounds` (as paragraphCharacterBounds makes) that holds `offset`. */
function spanAt(bounds: Float64Array, offset: number): number {
  let low = 0;
  let high = bounds.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if ((bounds[mid] as number) <= offset) low = mid;
    else high = mid - 1;
  }
  return Math.min(low, bounds.length - 2);
}

/**
 * Adds, for each paragraph span of `bounds`, the length of the union inside it (times `weight`) to
 * `into[offset + span·stride]`: the accumulator of many documents' spans can be one flat array.
 */
export function addLengthsBySpan(
  union: IntervalUnion,
  bounds: Float64Array,
  into: Float64Array,
  place: { readonly offset?: number; readonly stride?: number; readonly weight?: number } = {},
): void {
  const offset = place.offset ?? 0;
  const stride = place.stride ?? 1;
  const weight = place.weight ?? 1;
  for (let i = 0; i < union.length; i += 2) {
    const start = union[i] as number;
    const end = union[i + 1] as number;
    let span = spanAt(bounds, start);
    let from = start;
    while (from < end && span < bounds.length - 1) {
      const to = Math.min(end, bounds[span + 1] as number);
      const at = offset + span * stride;
      into[at] = (into[at] as number) + weight * (to - from);
      from = to;
      span++;
    }
  }
}

/**
 * The paragraphs (by index) that an interval union overlaps: paragraph [start, end) is overlapped when some
 * interval [s, e) has s < end and e > start. Sorted, each once.
 */
export function overlappedParagraphs(union: IntervalUnion, paragraphs: readonly Paragraph[]): number[] {
  const out: number[] = [];
  let p = 0;
  for (let i = 0; i < union.length; i += 2) {
    const start = union[i] as number;
    const end = union[i + 1] as number;
    while (p < paragraphs.length && (paragraphs[p] as Paragraph).end <= start) p++;
    let q = p;
    while (q < paragraphs.length && (paragraphs[q] as Paragraph).start < end) {
      const paragraph = paragraphs[q] as Paragraph;
      if (paragraph.end > start && paragraph.end > paragraph.start && out[out.length - 1] !== q) out.push(q);
      q++;
    }
  }
  return out;
}

/**
 * Speaker turns: runs of consecutive paragraphs with the same speaker; a paragraph with no speaker is a turn of its
 * own. `turnOf[i]` is the turn of paragraph i; turns are numbered from 0 in document order.
 */
export function speakerTurns(paragraphs: readonly Paragraph[]): { readonly turnOf: Int32Array; readonly count: number } {
  const turnOf = new Int32Array(paragraphs.length);
  let count = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const speaker = (paragraphs[i] as Paragraph).speakerId;
    const previous = i > 0 ? (paragraphs[i - 1] as Paragraph).speakerId : null;
    if (i === 0 || speaker === null || speaker !== previous) count++;
    turnOf[i] = count - 1;
  }
  return { turnOf, count };
}
