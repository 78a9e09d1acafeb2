/**
 * Which CFIR constructs set apart the cases that implemented well from those that did not (rating-rules.md,
 * "Comparing high- and low-implementation cases"): each construct is labelled strongly distinguishing, weakly
 * distinguishing, mixed / no pattern, or insufficient data, by a rule the project sets. No cut-off is built in:
 * the sources do not fix one, so the rule is data, and `describeDistinguishingRule` writes the rule in force in words
 * for the view and every export.
 *
 * Plain functions over plain inputs (ratings per case, the cases' outcome groups), so they serve the rating matrix
 * whatever record kinds the project model stores ratings in.
 */
import type { DistinguishingRule } from '../model/types.ts';


/** A construct's rating in a case: valence x strength from +2 to -2, X (mixed) or M (missing). */
export type RatingValue = 2 | 1 | 0 | -1 | -2 | 'X' | 'M';

/** Every rating value, in the order a legend lists them. */
export const RATING_VALUES: readonly RatingValue[] = [2, 1, 0, -1, -2, 'X', 'M'];

/** A rating value as printed: "+2", "0", "-1", "X", "M". */
export function ratingLabel(value: RatingValue): string {
  return typeof value === 'number' ? (value > 0 ? `+${value}` : String(value)) : value;
}

/** The legend printed with every rating matrix (paraphrasing rating-rules.md). */
export const RATING_LEGEND: readonly { readonly value: RatingValue; readonly meaning: string }[] = [
  { value: 2, meaning: 'strong facilitating influence: most interviewees give concrete, explicit positive examples' },
  { value: 1, meaning: 'weak facilitating influence: general statements, passing mention, or mixed but positive overall' },
  { value: 0, meaning: 'neutral: descriptive, no valence, or influences that cancel out' },
  { value: -1, meaning: 'weak hindering influence' },
  { value: -2, meaning: 'strong hindering influence: most interviewees give concrete, explicit negative examples' },
  { value: 'X', meaning: 'mixed: substantial evidence both ways that one valence would misrepresent' },
  { value: 'M', meaning: 'missing: no data or too little to judge; left out of the cross-case comparison' },
];

/** The project's rule for labelling constructs (stored on the project record; see types.ts). */
export type { DistinguishingRule };

/** A starting rule for a new project (the user changes it; nothing depends on these numbers). */
export const DEFAULT_DISTINGUISHING_RULE: DistinguishingRule = {
  highOutcome: 'high',
  lowOutcome: 'low',
  mixed: 'exclude',
  minRatedShare: 0.5,
  strongGap: 2,
  strongNeedsSeparation: true,
  weakGap: 1,
};

/** The labels, from strongest to none. */
export type DistinguishingLabel = 'strong' | 'weak' | 'mixed' | 'insufficient';

/** The labels as printed. */
export const DISTINGUISHING_LABELS: Readonly<Record<DistinguishingLabel, string>> = {
  strong: 'Strongly distinguishing',
  weak: 'Weakly distinguishing',
  mixed: 'Mixed / no pattern',
  insufficient: 'Insufficient data',
};

/** One case's rating of the construct, with the case's outcome group. */
export interface CaseRating {
  readonly outcome: string;
  readonly value: RatingValue;
}

/** A construct's label with the figures it rests on. */
export interface DistinguishingResult {
  readonly label: DistinguishingLabel;
  /** Mean rating of the rated high and low cases (null when none is rated). */
  readonly highMean: number | null;
  readonly lowMean: number | null;
  readonly highRated: number;
  readonly highCases: number;
  readonly lowRated: number;
  readonly lowCases: number;
}

function numeric(value: RatingValue, rule: DistinguishingRule): number | null {
  if (typeof value === 'number') return value;
  if (value === 'X' && rule.mixed === 'as-zero') return 0;
  return null;
}

const mean = (values: readonly number[]): number | null => (values.length ? values.reduce((s, v) => s + v, 0) / values.length : null);

/**
 * Labels one construct from its ratings across cases. Cases in neither outcome group are not compared. The high
 * cases must be rated above the low cases for a construct to distinguish them (facilitating where implementation
 * went well): valence is stored as the construct's influence, so + always means helping.
 */
export function labelConstruct(ratings: readonly CaseRating[], rule: DistinguishingRule): DistinguishingResult {
  const group = (outcome: string) => ratings.filter((r) => r.outcome === outcome);
  const high = group(rule.highOutcome);
  const low = group(rule.lowOutcome);
  const highValues = high.map((r) => numeric(r.value, rule)).filter((v): v is number => v !== null);
  const lowValues = low.map((r) => numeric(r.value, rule)).filter((v): v is number => v !== null);
  const highMean = mean(highValues);
  const lowMean = mean(lowValues);
  const base = { highMean, lowMean, highRated: highValues.length, highCases: high.length, lowRated: lowValues.length, lowCases: low.length };
  const enough = (rated: number, cases: number) => cases > 0 && rated > 0 && rated / cases >= rule.minRatedShare;
  if (!enough(highValues.length, high.length) || !enough(lowValues.length, low.length) || highMean === null || lowMean === null) {
    return { ...base, label: 'insufficient' };
  }
  const gap = highMean - lowMean;
  const separated = Math.min(...highValues) > Math.max(...lowValues);
  if (gap >= rule.strongGap && gap > 0 && (!rule.strongNeedsSeparation || separated)) return { ...base, label: 'strong' };
  if (gap >= rule.weakGap && gap > 0) return { ...base, label: 'weak' };
  return { ...base, label: 'mixed' };
}

const share = (value: number) => `${Math.round(value * 100)}%`;

/** The rule in words, written under the rating matrix and in every export. */
export function describeDistinguishingRule(rule: DistinguishingRule): string {
  const mixed = rule.mixed === 'as-zero' ? 'X (mixed) counts as 0' : 'X (mixed) is left out like M';
  return (
    `Cases compared: "${rule.highOutcome}" against "${rule.lowOutcome}" implementation. ` +
    `Strongly distinguishing: the mean rating of the ${rule.highOutcome} cases is at least ${rule.strongGap} above that of the ${rule.lowOutcome} cases` +
    `${rule.strongNeedsSeparation ? `, and every rated ${rule.highOutcome} case is rated above every rated ${rule.lowOutcome} case` : ''}. ` +
    `Weakly distinguishing: a mean gap of at least ${rule.weakGap} in the same direction. Mixed / no pattern: otherwise. ` +
    `Insufficient data: fewer than ${share(rule.minRatedShare)} of either group's cases rated. M (missing) is never rated; ${mixed}.`
  );
}

/** How a construct's rating changed at one site from one phase to the next. */
export type RatingChange = 'better' | 'worse' | 'same' | 'not comparable';

/** The change between two ratings of one construct (e.g. pre -> post): X and M are not on the scale. */
export function ratingChange(before: RatingValue, after: RatingValue): RatingChange {
  if (typeof before !== 'number' || typeof after !== 'number') return before === after ? 'same' : 'not comparable';
  return after > before ? 'better' : after < before ? 'worse' : 'same';
}
