/**
 * How an alignment was made and what it holds, in words: the one description the command line prints and the app
 * shows beside an aligned original, so a reader of either can tell how the pairs were found.
 */
import type { AlignmentResult } from './align-paragraphs.ts';
import { type AlignedPair, isEmptyRun } from './aligned-pairs.ts';

/** How many pairs have paragraphs on both sides, on the original side only, and on the translation side only. */
export interface PairCounts {
  readonly both: number;
  readonly originalOnly: number;
  readonly translationOnly: number;
}

/** Counts the pairs by which sides hold paragraphs. */
export function countPairs(pairs: readonly AlignedPair[]): PairCounts {
  let both = 0;
  let originalOnly = 0;
  let translationOnly = 0;
  for (const pair of pairs) {
    if (isEmptyRun(pair.original)) translationOnly++;
    else if (isEmptyRun(pair.translation)) originalOnly++;
    else both++;
  }
  return { both, originalOnly, translationOnly };
}

/** One paragraph on how the pairs were found, with the parameters found for these two texts. */
export function describeAlignmentMethod(result: Omit<AlignmentResult, 'pairs'>): string {
  const { ratio, variance, paragraphSpread } = result.lengthModel;
  const speakers = result.speakerCorrespondence.map(([original, translation]) => `${original} = ${translation}`).join(', ');
  return (
    `Paragraphs paired by their lengths (Gale & Church 1993: ${ratio.toFixed(2)} translation characters per original ` +
    `character, variance ${variance.toFixed(1)} per character plus a paragraph spread of ${(Math.sqrt(paragraphSpread) * 100).toFixed(0)}%), ` +
    `with speakers and turn order, timestamps${result.timestampsAgree ? ' (the two texts’ times agree)' : ''}, and numbers and names ` +
    `both texts share as anchors.${speakers ? ` Speakers matched across languages: ${speakers}.` : ''}`
  );
}
