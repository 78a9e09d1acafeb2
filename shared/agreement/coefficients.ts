/**
 * Intercoder agreement coefficients as plain functions over counts, each with the formula a reviewer can recompute.
 *
 * Two coders over binary units (a unit is coded with a code, or not) are summed up by four counts: n11 units coded
 * by both, n10 by the first only, n01 by the second only, n00 by neither. Every two-coder coefficient here is a
 * function of those four counts, so the counts printed beside a figure are all it takes to check it.
 *
 * Krippendorff's alpha is computed from a coincidence matrix (Krippendorff 2011, "Computing Krippendorff's
 * Alpha-Reliability"): any number of coders, missing values allowed, and nominal, ordinal, interval or ratio metrics.
 *
 * A coefficient that is undefined for the data (no units, or no variation at all so the chance term is 1) is null,
 * never NaN, so it survives JSON and reads as "not defined" rather than as a number.
 */

/** The four counts of two coders over binary units. */
export interface BinaryCounts {
  /** Units coded by both coders. */
  readonly n11: number;
  /** Units coded by the first coder only. */
  readonly n10: number;
  /** Units coded by the second coder only. */
  readonly n01: number;
  /** Units coded by neither. */
  readonly n00: number;
}

/** The total number of units of four counts. */
export function unitCount(counts: BinaryCounts): number {
  return counts.n11 + counts.n10 + counts.n01 + counts.n00;
}

/** Sums four-count tables (pooling units: one table over all of them, not an average of figures). */
export function addCounts(tables: readonly BinaryCounts[]): BinaryCounts {
  let n11 = 0;
  let n10 = 0;
  let n01 = 0;
  let n00 = 0;
  for (const table of tables) {
    n11 += table.n11;
    n10 += table.n10;
    n01 += table.n01;
    n00 += table.n00;
  }
  return { n11, n10, n01, n00 };
}

/** Percent agreement po = (n11 + n00) / N, as a share in [0, 1]; null with no units. */
export function percentAgreement(counts: BinaryCounts): number | null {
  const total = unitCount(counts);
  return total === 0 ? null : (counts.n11 + counts.n00) / total;
}

/**
 * Cohen's kappa: po = (n11 + n00) / N, pe = pA·pB + (1 - pA)(1 - pB) with pA = (n11 + n10) / N and
 * pB = (n11 + n01) / N each coder's share of coded units, kappa = (po - pe) / (1 - pe). Null when N = 0 or pe = 1
 * (both coders coded every unit, or none).
 */
export function cohenKappa(counts: BinaryCounts): number | null {
  const total = unitCount(counts);
  if (total === 0) return null;
  const po = (counts.n11 + counts.n00) / total;
  const pA = (counts.n11 + counts.n10) / total;
  const pB = (counts.n11 + counts.n01) / total;
  const pe = pA * pB + (1 - pA) * (1 - pB);
  if (pe >= 1) return null;
  return (po - pe) / (1 - pe);
}

/**
 * Brennan & Prediger's kappa (free-marginal): (po - 1/q) / (1 - 1/q) with q categories; q = 2 (coded or not) for
 * units of one code, as MAXQDA reports it. Null with no units.
 */
export function brennanPredigerKappa(observedAgreement: number | null, categories = 2): number | null {
  if (observedAgreement === null) return null;
  const chance = 1 / categories;
  return (observedAgreement - chance) / (1 - chance);
}

/**
 * Krippendorff's alpha (nominal) of two coders over binary units with no missing value, from the four counts.
 * The coincidence matrix is o11 = 2·n11, o00 = 2·n00, o10 = o01 = n10 + n01, with n = 2N pairable values and
 * marginals n1 = 2·n11 + n10 + n01, n0 = 2·n00 + n10 + n01, so alpha = 1 - (n - 1)(n10 + n01) / (n1·n0).
 * Null when there are no units or only one value occurs.
 */
export function binaryAlpha(counts: BinaryCounts): number | null {
  const disagreements = counts.n10 + counts.n01;
  const ones = 2 * counts.n11 + disagreements;
  const zeros = 2 * counts.n00 + disagreements;
  const pairable = ones + zeros;
  if (pairable === 0 || ones === 0 || zeros === 0) return null;
  return 1 - ((pairable - 1) * disagreements) / (ones * zeros);
}

/** The level of measurement of the values alpha compares. */
export type AlphaMetric = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/** A coincidence matrix: the distinct values in ascending order and o[c][k] over them. */
export interface CoincidenceMatrix {
  readonly values: readonly number[];
  /** o[c][k]: how often value c was paired with value k within a unit, each pair weighted 1 / (m_u - 1). */
  readonly o: readonly (readonly number[])[];
  /** Pairable values per value (the marginals n_c) and in all (n). */
  readonly marginals: readonly number[];
  readonly pairable: number;
}

/**
 * The coincidence matrix of units x coders data: `units[u]` holds the values the coders gave unit u, null (or
 * undefined) where a coder gave none. Units with fewer than two values are not pairable and drop out.
 */
export function coincidenceMatrix(units: readonly (readonly (number | null | undefined)[])[]): CoincidenceMatrix {
  const distinct = new Set<number>();
  for (const unit of units) for (const value of unit) if (value !== null && value !== undefined) distinct.add(value);
  const values = [...distinct].sort((a, b) => a - b);
  const position = new Map(values.map((value, i) => [value, i]));
  const size = values.length;
  const o = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const unit of units) {
    const present = unit.filter((value): value is number => value !== null && value !== undefined);
    const m = present.length;
    if (m < 2) continue;
    const weight = 1 / (m - 1);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        if (i === j) continue;
        const row = o[position.get(present[i] as number) as number] as number[];
        const column = position.get(present[j] as number) as number;
        row[column] = (row[column] as number) + weight;
      }
    }
  }
  const marginals = o.map((row) => row.reduce((sum, cell) => sum + cell, 0));
  return { values, o, marginals, pairable: marginals.reduce((sum, n) => sum + n, 0) };
}

/** The squared difference δ²(c, k) between the values at positions c and k of a coincidence matrix. */
function differenceFunction(matrix: CoincidenceMatrix, metric: AlphaMetric): (c: number, k: number) => number {
  const { values, marginals } = matrix;
  switch (metric) {
    case 'nominal':
      return (c, k) => (c === k ? 0 : 1);
    case 'interval':
      return (c, k) => ((values[c] as number) - (values[k] as number)) ** 2;
    case 'ratio':
      return (c, k) => {
        const sum = (values[c] as number) + (values[k] as number);
        return sum === 0 ? 0 : (((values[c] as number) - (values[k] as number)) / sum) ** 2;
      };
    case 'ordinal': {
      // δ²(c, k) = (sum of n_g for g from c to k, minus (n_c + n_k) / 2)², over the values in rank order.
      const cumulative = [0];
      for (const n of marginals) cumulative.push((cumulative[cumulative.length - 1] as number) + n);
      return (c, k) => {
        const low = Math.min(c, k);
        const high = Math.max(c, k);
        const between = (cumulative[high + 1] as number) - (cumulative[low] as number);
        return (between - ((marginals[c] as number) + (marginals[k] as number)) / 2) ** 2;
      };
    }
  }
}

/**
 * Krippendorff's alpha from a coincidence matrix: alpha = 1 - Do / De = 1 - (n - 1) · Σ o_ck δ²(c,k) / Σ n_c n_k
 * δ²(c,k). Null when fewer than two values are pairable or the expected disagreement is 0 (a single value occurs).
 */
export function alphaFromCoincidences(matrix: CoincidenceMatrix, metric: AlphaMetric): number | null {
  const n = matrix.pairable;
  if (n < 2) return null;
  const delta = differenceFunction(matrix, metric);
  let observed = 0;
  let expected = 0;
  const size = matrix.values.length;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      if (c === k) continue;
      const d = delta(c, k);
      observed += ((matrix.o[c] as number[])[k] as number) * d;
      expected += (matrix.marginals[c] as number) * (matrix.marginals[k] as number) * d;
    }
  }
  if (expected === 0) return null;
  return 1 - ((n - 1) * observed) / expected;
}

/** Krippendorff's alpha of units x coders data (null where a coder gave no value), at the given metric. */
export function krippendorffAlpha(units: readonly (readonly (number | null | undefined)[])[], metric: AlphaMetric): number | null {
  return alphaFromCoincidences(coincidenceMatrix(units), metric);
}

/**
 * Binary units of any number of coders, summed by how many coders gave a value (m) and how many of them coded the
 * unit (k): `tally[m][k]` units. What alpha, the pairwise percent and the free-marginal kappa of several coders need.
 */
export type CodedTally = readonly (readonly number[])[];

/**
 * Nominal alpha of binary units from a tally: a unit with m values of which k are 1 adds k(k-1)/(m-1) to o11,
 * (m-k)(m-k-1)/(m-1) to o00 and k(m-k)/(m-1) to each of o10 and o01. Units with m < 2 drop out.
 */
export function tallyAlpha(tally: CodedTally): number | null {
  let o11 = 0;
  let o00 = 0;
  let o10 = 0;
  for (let m = 2; m < tally.length; m++) {
    const row = tally[m] ?? [];
    for (let k = 0; k <= m; k++) {
      const units = row[k] ?? 0;
      if (units === 0) continue;
      o11 += (units * k * (k - 1)) / (m - 1);
      o00 += (units * (m - k) * (m - k - 1)) / (m - 1);
      o10 += (units * k * (m - k)) / (m - 1);
    }
  }
  const ones = o11 + o10;
  const zeros = o00 + o10;
  const n = ones + zeros;
  if (n < 2 || ones === 0 || zeros === 0) return null;
  return 1 - ((n - 1) * 2 * o10) / (2 * ones * zeros);
}

/**
 * Pairwise percent agreement of binary units from a tally: over units with m >= 2 values, the mean share of ordered
 * coder pairs that agree, (k(k-1) + (m-k)(m-k-1)) / (m(m-1)) (Fleiss's P̄). With two coders it is (n11 + n00) / N.
 */
export function tallyPercent(tally: CodedTally): number | null {
  let units = 0;
  let agreeing = 0;
  for (let m = 2; m < tally.length; m++) {
    const row = tally[m] ?? [];
    for (let k = 0; k <= m; k++) {
      const count = row[k] ?? 0;
      if (count === 0) continue;
      units += count;
      agreeing += (count * (k * (k - 1) + (m - k) * (m - k - 1))) / (m * (m - 1));
    }
  }
  return units === 0 ? null : agreeing / units;
}
