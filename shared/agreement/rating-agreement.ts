/**
 * Agreement on CFIR construct ratings: when coders rated the same construct x case cells, Krippendorff's ordinal
 * alpha over the -2..+2 scale. "X" (mixed: positive and negative influence) and "M" (missing: too little data to
 * rate) are not points of that scale, so they are treated as missing values, as is a cell a coder did not rate; a
 * cell with fewer than two values on the scale drops out (it is not pairable).
 */
import type { Rating, RatingValue, Uuid } from '../model/types.ts';
import { coincidenceMatrix, alphaFromCoincidences } from './coefficients.ts';

/** A rating as the CFIR rating rules write it: -2..+2, or X (mixed), or M (missing). */
export type CfirRatingValue = -2 | -1 | 0 | 1 | 2 | 'X' | 'M';

/** One coder's rating of one cell (a construct x case). */
export interface RatingObservation {
  readonly coder: string;
  readonly cell: string;
  readonly value: CfirRatingValue;
}

export interface RatingAgreement {
  /** Ordinal alpha over the pairable cells, or null when it is not defined. */
  readonly alpha: number | null;
  /** Cells with at least two values on the scale. */
  readonly pairableCells: number;
  /** Values on the scale in those cells. */
  readonly pairableValues: number;
  /** X and M ratings left out as missing. */
  readonly excludedMixedOrMissing: number;
  readonly method: string;
}

export const RATING_AGREEMENT_METHOD =
  "Krippendorff's alpha, ordinal metric, over construct x case cells rated -2..+2 by two or more coders; " +
  'ratings X (mixed) and M (missing data) and unrated cells are treated as missing values, and cells with fewer ' +
  'than two ratings on the scale are not pairable and left out (Krippendorff 2011).';

/** Ordinal alpha of ratings given as (coder, cell, value) triples; a coder's later rating of a cell replaces an earlier one. */
export function ratingAgreement(observations: readonly RatingObservation[]): RatingAgreement {
  const cells = new Map<string, Map<string, number>>();
  let excluded = 0;
  for (const { coder, cell, value } of observations) {
    let byCoder = cells.get(cell);
    if (!byCoder) cells.set(cell, (byCoder = new Map()));
    if (value === 'X' || value === 'M') {
      excluded++;
      byCoder.delete(coder);
      continue;
    }
    byCoder.set(coder, value);
  }
  const units = [...cells.values()].map((byCoder) => [...byCoder.values()]);
  const matrix = coincidenceMatrix(units);
  const pairable = units.filter((values) => values.length >= 2);
  return {
    alpha: alphaFromCoincidences(matrix, 'ordinal'),
    pairableCells: pairable.length,
    pairableValues: pairable.reduce((sum, values) => sum + values.length, 0),
    excludedMixedOrMissing: excluded,
    method: RATING_AGREEMENT_METHOD,
  };
}

const SCALE: Readonly<Record<RatingValue, CfirRatingValue>> = { '+2': 2, '+1': 1, '0': 0, '-1': -1, '-2': -2, X: 'X', M: 'M' };

/**
 * Ordinal alpha of the project's rating records: each coder's rating of a construct (code) x case cell is the
 * rating record that coder made (createdBy); cells not rated yet (no value) are left out. `coderIds` narrows it to
 * chosen coders.
 */
export function ratingAgreementOfRecords(ratings: readonly Rating[], coderIds?: readonly Uuid[]): RatingAgreement {
  const chosen = coderIds ? new Set(coderIds) : null;
  const observations: RatingObservation[] = [];
  for (const rating of ratings) {
    if (rating.value === null || rating.createdBy === null) continue;
    if (chosen && !chosen.has(rating.createdBy)) continue;
    observations.push({ coder: rating.createdBy, cell: `${rating.codeId}|${rating.caseId}`, value: SCALE[rating.value] });
  }
  return ratingAgreement(observations);
}
