/**
 * The length model of Gale & Church, "A Program for Aligning Sentences in Bilingual Corpora" (Computational
 * Linguistics 19(1), 1993), which the paragraph aligner builds on.
 *
 * A translation's length in characters is modelled as normally distributed around `c` times its source's length,
 * with a variance proportional to that length (`s²` per character). A candidate pair of paragraph groups costs
 * -100 ln P(match kind) - 100 ln P(|δ| at least this large), where δ is the standardised length difference. The
 * factor 100 is the paper's: costs are in hundredths of a nat, so the anchors (speakers, timestamps, shared numbers
 * and names) can be added to them on the same scale.
 */

/** The kinds of pair the dynamic programme considers: original paragraphs : translation paragraphs. */
export type BeadKind = '1:1' | '1:0' | '0:1' | '2:1' | '1:2' | '2:2';

/**
 * The prior probabilities Gale & Church measured on the Union Bank of Switzerland reports (their Table 5): 1:1
 * 0.89, 1:0 or 0:1 0.0099, 2:1 or 1:2 0.089, 2:2 0.011. As in their program, each direction of a kind gets the
 * kind's probability.
 */
export const BEAD_PRIORS: Readonly<Record<BeadKind, number>> = {
  '1:1': 0.89,
  '1:0': 0.0099,
  '0:1': 0.0099,
  '2:1': 0.089,
  '1:2': 0.089,
  '2:2': 0.011,
};

/** -100 ln P(kind) for each kind. */
export const BEAD_PRIOR_COSTS: Readonly<Record<BeadKind, number>> = Object.fromEntries(
  Object.entries(BEAD_PRIORS).map(([kind, probability]) => [kind, -100 * Math.log(probability)]),
) as Record<BeadKind, number>;

/** The published variance of a translation's length per character of the source (Gale & Church's s² = 6.8). */
export const PUBLISHED_VARIANCE_PER_CHARACTER = 6.8;

/** The parameters of the length model for one pair of texts. */
export interface LengthModel {
  /** Expected characters of translation per character of original. */
  readonly ratio: number;
  /** Variance of a translation's length per character (s²). */
  readonly variance: number;
  /**
   * Squared relative spread of whole paragraphs (v²), added to the variance as v² times the squared length. Gale &
   * Church's variance grows with length, as a sum of independent sentences' would; paragraphs also differ by how
   * wordy the translator was with that speaker, a spread proportional to the length itself, which the sentence-level
   * variance leaves out and which long paragraphs show. 0 is Gale & Church's model exactly.
   */
  readonly paragraphSpread: number;
}

/**
 * -100 ln P(|δ| ≥ observed) for a pair of lengths: the length term of a pair's cost. The mean of the two lengths
 * (the translation's brought to the original's scale) stands for the source length in the variance, as in Gale &
 * Church's own program, so the term is symmetric and defined when one side is short.
 */
export function lengthCost(originalLength: number, translationLength: number, model: LengthModel): number {
  if (originalLength === 0 && translationLength === 0) return 0;
  const mean = (originalLength + translationLength / model.ratio) / 2;
  const delta = (translationLength - originalLength * model.ratio) / Math.sqrt(model.variance * mean + model.paragraphSpread * mean * mean);
  return -100 * logTwoSidedNormalTail(Math.abs(delta));
}

/**
 * ln(2 (1 - Φ(z))) for z ≥ 0, that is ln erfc(z / √2), computed in log space so that long paragraphs with a large
 * δ get a large finite cost instead of ln 0. Uses the Chebyshev fit of erfc in Numerical Recipes (§6.2), whose
 * relative error is below 1.2e-7 everywhere.
 */
export function logTwoSidedNormalTail(z: number): number {
  const x = z / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const polynomial =
    -1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return Math.log(t) - x * x + polynomial;
}
