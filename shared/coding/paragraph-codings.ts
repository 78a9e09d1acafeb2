/**
 * Each paragraph's codings (those that touch it, by position), as the reader needs them to paint a paragraph.
 *
 * Kept from one change to the next: a change to a document's codings touches a few of them, so only the
 * paragraphs those codings touch get new lists, and every other paragraph keeps its very list, which is what lets
 * its component skip re-rendering.
 */
import { paragraphIndexAt } from './paragraph-label.ts';
import type { Coding, Paragraph } from '../model/types.ts';
import { compareByPosition } from '../index/project-index.ts';

/** The per-paragraph codings of a document, with the document's codings they were made from. */
export interface ParagraphCodings {
  /** The document's codings, by position (as the project index keeps them). */
  readonly codings: readonly Coding[];
  /** The codings touching each paragraph, by paragraph index. */
  readonly buckets: readonly (readonly Coding[])[];
}

const NONE: readonly Coding[] = [];

/** Beyond this many codings added or removed, lists are rebuilt whole. */
const INCREMENTAL_LIMIT = 64;


/** The paragraph indexes a coding touches: from that of its first character to that of its last. */
function spanOf(paragraphs: readonly Paragraph[], coding: Coding): [number, number] {
  const first = Math.max(0, paragraphIndexAt(paragraphs, coding.start));
  const last = Math.max(first, paragraphIndexAt(paragraphs, Math.max(coding.start, coding.end - 1)));
  return [first, Math.min(last, paragraphs.length - 1)];
}

function sameItems(a: readonly Coding[], b: readonly Coding[]): boolean {
  return a.length === b.length && a.every((coding, i) => coding === b[i]);
}

function rebuild(paragraphs: readonly Paragraph[], codings: readonly Coding[], previous: ParagraphCodings | null): ParagraphCodings {
  const buckets: Coding[][] = paragraphs.map(() => []);
  for (const coding of codings) {
    const [first, last] = spanOf(paragraphs, coding);
    for (let i = first; i <= last; i++) buckets[i]?.push(coding);
  }
  return {
    codings,
    buckets: buckets.map((bucket, i) => {
      const old = previous?.buckets[i];
      if (bucket.length === 0) return NONE;
      return old && sameItems(old, bucket) ? old : bucket;
    }),
  };
}

/**
 * The codings of each paragraph. With `previous` (the result for the same paragraphs before a change), only the
 * paragraphs touched by codings added or removed since get new lists.
 */
export function paragraphCodings(
  paragraphs: readonly Paragraph[],
  codings: readonly Coding[],
  previous: ParagraphCodings | null = null,
): ParagraphCodings {
  if (previous && previous.codings === codings && previous.buckets.length === paragraphs.length) return previous;
  if (!previous || previous.buckets.length !== paragraphs.length) return rebuild(paragraphs, codings, null);
  // Walk both lists (each by position) to find what was removed and what was added.
  const removed: Coding[] = [];
  const added: Coding[] = [];
  const old = previous.codings;
  let i = 0;
  let j = 0;
  while (i < old.length || j < codings.length) {
    const a = old[i];
    const b = codings[j];
    if (a === b) {
      i++;
      j++;
    } else if (b === undefined || (a !== undefined && compareByPosition(a, b) < 0)) {
      removed.push(a as Coding);
      i++;
    } else {
      added.push(b);
      j++;
    }
    if (removed.length + added.length > INCREMENTAL_LIMIT) return rebuild(paragraphs, codings, previous);
  }
  const buckets = [...previous.buckets];
  const gone = new Set(removed);
  const touched = new Set<number>();
  for (const coding of [...removed, ...added]) {
    const [first, last] = spanOf(paragraphs, coding);
    for (let p = first; p <= last; p++) touched.add(p);
  }
  for (const p of touched) {
    const kept = (buckets[p] ?? NONE).filter((coding) => !gone.has(coding));
    const paragraph = paragraphs[p] as Paragraph;
    for (const coding of added) {
      const [first, last] = spanOf(paragraphs, coding);
      if (first <= p && p <= last && paragraph) kept.push(coding);
    }
    kept.sort(compareByPosition);
    buckets[p] = kept.length ? kept : NONE;
  }
  return { codings, buckets };
}
