/**
 * An alignment of an original-language transcript with its translation: a list of pairs, each a run of original
 * paragraphs beside a run of translation paragraphs. Every paragraph of both texts is in exactly one pair and the
 * pairs keep both texts' order. A pair may have nothing on one side (a back-channel "Mhm." the translator left out,
 * a note the translator added); its empty run still says where it stands.
 */

// The shapes live with the model, which stores them in a document's original (DocumentOriginal.alignment).
import type { AlignedPair, ParagraphRun } from '../model/types.ts';

export type { AlignedPair, ParagraphRun } from '../model/types.ts';

/** A broken alignment: a bug or a damaged record, not something a user did. */
export class AlignmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AlignmentError';
  }
}

/** Whether a run is empty (the pair has nothing on that side). */
export function isEmptyRun(run: ParagraphRun): boolean {
  return run.start === run.end;
}

/** Whether two pairs are the same runs. */
export function samePair(a: AlignedPair, b: AlignedPair): boolean {
  return (
    a.original.start === b.original.start &&
    a.original.end === b.original.end &&
    a.translation.start === b.translation.start &&
    a.translation.end === b.translation.end
  );
}

function describeRun(run: ParagraphRun): string {
  if (isEmptyRun(run)) return `none (before ${run.start + 1})`;
  return run.end - run.start === 1 ? String(run.end) : `${run.start + 1}-${run.end}`;
}

/** A pair as people read it: "original 3-4 / translation 3". */
export function describePair(pair: AlignedPair): string {
  return `original ${describeRun(pair.original)} / translation ${describeRun(pair.translation)}`;
}

/**
 * Checks that pairs are a whole alignment of texts of these paragraph counts: consecutive on both sides from the
 * first paragraph to the last, no pair empty on both sides. Throws an AlignmentError naming the first fault.
 */
export function checkAlignment(pairs: readonly AlignedPair[], originalCount: number, translationCount: number): void {
  let original = 0;
  let translation = 0;
  pairs.forEach((pair, index) => {
    const where = `Pair ${index + 1} (${describePair(pair)})`;
    if (pair.original.start !== original || pair.translation.start !== translation) {
      throw new AlignmentError(`${where} does not follow the pair before it (original ${original + 1}, translation ${translation + 1} expected next).`);
    }
    if (pair.original.end < pair.original.start || pair.translation.end < pair.translation.start) {
      throw new AlignmentError(`${where} ends before it starts.`);
    }
    if (isEmptyRun(pair.original) && isEmptyRun(pair.translation)) throw new AlignmentError(`${where} holds no paragraph.`);
    original = pair.original.end;
    translation = pair.translation.end;
  });
  if (original !== originalCount || translation !== translationCount) {
    throw new AlignmentError(
      `The alignment covers ${original} of ${originalCount} original paragraphs and ${translation} of ${translationCount} translation paragraphs.`,
    );
  }
}

/**
 * Checks that pairs a user fixed can all stand in one alignment of texts of these sizes: inside the texts, not
 * empty on both sides, in order and not overlapping. Returns them sorted; throws an AlignmentError otherwise.
 */
export function checkFixedPairs(fixed: readonly AlignedPair[], originalCount: number, translationCount: number): AlignedPair[] {
  const sorted = [...fixed].sort(
    (a, b) => a.original.start - b.original.start || a.translation.start - b.translation.start || a.original.end - b.original.end,
  );
  let original = 0;
  let translation = 0;
  for (const pair of sorted) {
    const where = `The fixed pair ${describePair(pair)}`;
    const inside = (run: ParagraphRun, count: number): boolean => run.start >= 0 && run.start <= run.end && run.end <= count;
    if (!inside(pair.original, originalCount) || !inside(pair.translation, translationCount)) {
      throw new AlignmentError(`${where} lies outside the texts (${originalCount} original, ${translationCount} translation paragraphs).`);
    }
    if (isEmptyRun(pair.original) && isEmptyRun(pair.translation)) throw new AlignmentError(`${where} holds no paragraph.`);
    if (pair.original.start < original || pair.translation.start < translation) {
      throw new AlignmentError(`${where} overlaps or crosses another fixed pair.`);
    }
    original = pair.original.end;
    translation = pair.translation.end;
  }
  return sorted;
}

/** A run as 1-based inclusive paragraph numbers, `[first, last]`, or `[]` for an empty run (the CLI's format). */
export function runAsParagraphNumbers(run: ParagraphRun): [] | [number, number] {
  return isEmptyRun(run) ? [] : [run.start + 1, run.end];
}
