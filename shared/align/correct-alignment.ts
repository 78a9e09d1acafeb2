/**
 * A user's corrections of an alignment: join a pair with the next, split a pair in two, move the boundary between
 * two pairs by a paragraph. Each returns the whole new alignment and the pairs the user has now fixed, which the
 * aligner keeps when it runs again (`alignParagraphs({ fixed })`). A correction never leaves a paragraph out of a pair
 * or out of order; one that would is refused with a message for the user.
 *
 * Fixed pairs that a correction replaces stop being fixed; the pairs it makes are fixed. Undo is restoring the
 * alignment the correction was given, so the functions never change their input.
 */
import { UserError } from '../model/user-error.ts';
import { type AlignedPair, type ParagraphRun, isEmptyRun, samePair } from './aligned-pairs.ts';
import type { AlignedSide } from './carry-codings.ts';

/** An alignment and the pairs of it the user fixed. */
export interface CorrectedAlignment {
  readonly pairs: readonly AlignedPair[];
  readonly fixed: readonly AlignedPair[];
}

/** A correction the alignment cannot take; the message says why, for the user. */
export class AlignmentCorrectionRefused extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'AlignmentCorrectionRefused';
  }
}

function pairAt(alignment: CorrectedAlignment, index: number): AlignedPair {
  const pair = alignment.pairs[index];
  if (!pair) throw new AlignmentCorrectionRefused(`There is no pair ${index + 1}: the alignment has ${alignment.pairs.length} pairs.`);
  return pair;
}

/** Replaces pairs [from, from + count) by `replacement`, which are fixed; fixed pairs among those replaced are not. */
function replace(alignment: CorrectedAlignment, from: number, count: number, replacement: readonly AlignedPair[]): CorrectedAlignment {
  const removed = alignment.pairs.slice(from, from + count);
  const pairs = [...alignment.pairs.slice(0, from), ...replacement, ...alignment.pairs.slice(from + count)];
  const fixed = [...alignment.fixed.filter((pair) => !removed.some((old) => samePair(old, pair))), ...replacement].sort(
    (a, b) => a.original.start - b.original.start || a.translation.start - b.translation.start,
  );
  return { pairs, fixed };
}

/** Joins a pair with the pair after it: the two become one pair holding the paragraphs of both. */
export function joinWithNext(alignment: CorrectedAlignment, index: number): CorrectedAlignment {
  const first = pairAt(alignment, index);
  if (index + 1 >= alignment.pairs.length) throw new AlignmentCorrectionRefused('The last pair has no pair after it to join.');
  const second = pairAt(alignment, index + 1);
  const joined: AlignedPair = {
    original: { start: first.original.start, end: second.original.end },
    translation: { start: first.translation.start, end: second.translation.end },
  };
  return replace(alignment, index, 2, [joined]);
}

/**
 * Splits a pair in two: its first `originalCount` original paragraphs and first `translationCount` translation
 * paragraphs make the first pair, the rest the second. Each of the two must hold a paragraph.
 */
export function splitPair(alignment: CorrectedAlignment, index: number, originalCount: number, translationCount: number): CorrectedAlignment {
  const pair = pairAt(alignment, index);
  const originalLength = pair.original.end - pair.original.start;
  const translationLength = pair.translation.end - pair.translation.start;
  const within = (count: number, length: number): boolean => Number.isInteger(count) && count >= 0 && count <= length;
  if (!within(originalCount, originalLength) || !within(translationCount, translationLength)) {
    throw new AlignmentCorrectionRefused(`Pair ${index + 1} has ${originalLength} original and ${translationLength} translation paragraphs; it cannot be split there.`);
  }
  const first: AlignedPair = {
    original: { start: pair.original.start, end: pair.original.start + originalCount },
    translation: { start: pair.translation.start, end: pair.translation.start + translationCount },
  };
  const second: AlignedPair = {
    original: { start: first.original.end, end: pair.original.end },
    translation: { start: first.translation.end, end: pair.translation.end },
  };
  if ((isEmptyRun(first.original) && isEmptyRun(first.translation)) || (isEmptyRun(second.original) && isEmptyRun(second.translation))) {
    throw new AlignmentCorrectionRefused('Each of the two pairs needs at least one paragraph.');
  }
  return replace(alignment, index, 1, [first, second]);
}

/**
 * Moves the boundary between a pair and the next on one side by one paragraph: `later` gives the next pair's first
 * paragraph to this pair, `earlier` gives this pair's last paragraph to the next. Neither pair may be left empty.
 */
export function moveBoundary(alignment: CorrectedAlignment, index: number, side: AlignedSide, direction: 'earlier' | 'later'): CorrectedAlignment {
  const first = pairAt(alignment, index);
  if (index + 1 >= alignment.pairs.length) throw new AlignmentCorrectionRefused('The last pair has no boundary after it to move.');
  const second = pairAt(alignment, index + 1);
  const boundary = first[side].end + (direction === 'later' ? 1 : -1);
  if (boundary < first[side].start || boundary > second[side].end) {
    const name = side === 'original' ? 'original' : 'translation';
    throw new AlignmentCorrectionRefused(
      direction === 'later' ? `The next pair has no ${name} paragraph to give.` : `This pair has no ${name} paragraph to give.`,
    );
  }
  const with_ = (pair: AlignedPair, run: ParagraphRun): AlignedPair => ({ ...pair, [side]: run });
  const newFirst = with_(first, { start: first[side].start, end: boundary });
  const newSecond = with_(second, { start: boundary, end: second[side].end });
  if ((isEmptyRun(newFirst.original) && isEmptyRun(newFirst.translation)) || (isEmptyRun(newSecond.original) && isEmptyRun(newSecond.translation))) {
    throw new AlignmentCorrectionRefused('That would leave a pair with no paragraph; join the two pairs instead.');
  }
  return replace(alignment, index, 2, [newFirst, newSecond]);
}
