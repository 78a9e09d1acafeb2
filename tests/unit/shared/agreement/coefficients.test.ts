/**
 * The agreement coefficients against the published worked examples in ../shared/agreement/reference-values.md
 * (Krippendorff 2011; the textbook kappa table), hand-computed cases, and their invariants as properties.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  binaryAlpha,
  brennanPredigerKappa,
  cohenKappa,
  coincidenceMatrix,
  krippendorffAlpha,
  percentAgreement,
  tallyAlpha,
  tallyPercent,
  type BinaryCounts,
} from '#shared/agreement/coefficients';

// Krippendorff (2011), 4 observers x 12 units with missing values: rows are units, columns observers A, B, C, D.
const _ = null;
const KRIPPENDORFF_UNITS: (number | null)[][] = [
  [1, 1, _, 1],
  [2, 2, 3, 2],
  [3, 3, 3, 3],
  [3, 3, 3, 3],
  [2, 2, 2, 2],
  [1, 2, 3, 4],
  [4, 4, 4, 4],
  [1, 1, 2, 1],
  [2, 2, 2, 2],
  [_, 5, 5, 5],
  [_, _, 1, 1],
  [_, 3, _, _],
];

/** Units of two coders (value 1 coded, 0 not) with the given four counts. */
function unitsOf(counts: BinaryCounts): number[][] {
  return [
    ...Array.from({ length: counts.n11 }, () => [1, 1]),
    ...Array.from({ length: counts.n10 }, () => [1, 0]),
    ...Array.from({ length: counts.n01 }, () => [0, 1]),
    ...Array.from({ length: counts.n00 }, () => [0, 0]),
  ];
}

/** A tally[m][k] of units of the given values (null for missing). */
function tallyOf(units: readonly (readonly (0 | 1 | null)[])[]): number[][] {
  const tally: number[][] = [];
  for (const unit of units) {
    const present = unit.filter((value) => value !== null);
    const m = present.length;
    const k = present.filter((value) => value === 1).length;
    while (tally.length <= m) tally.push(new Array<number>(tally.length + 1).fill(0));
    (tally[m] as number[])[k] = ((tally[m] as number[])[k] as number) + 1;
  }
  return tally;
}

describe('Krippendorff (2011): 4 observers x 12 units with missing values', () => {
  it('has 40 pairable values (unit 12 drops out)', () => {
    expect(coincidenceMatrix(KRIPPENDORFF_UNITS).pairable).toBeCloseTo(40, 10);
  });

  it.each([
    ['nominal', 0.743],
    ['ordinal', 0.815],
    ['interval', 0.849],
    ['ratio', 0.797],
  ] as const)('%s alpha = %s', (metric, published) => {
    const alpha = krippendorffAlpha(KRIPPENDORFF_UNITS, metric);
    expect(alpha).not.toBeNull();
    expect((alpha as number).toFixed(3)).toBe(published.toFixed(3));
  });

  it('gives the same alpha with the observers in another order', () => {
    const reordered = KRIPPENDORFF_UNITS.map((unit) => [unit[3], unit[1], unit[0], unit[2]] as (number | null)[]);
    for (const metric of ['nominal', 'ordinal', 'interval', 'ratio'] as const) {
      expect(krippendorffAlpha(reordered, metric)).toBeCloseTo(krippendorffAlpha(KRIPPENDORFF_UNITS, metric) as number, 12);
    }
  });
});

describe("Cohen's kappa: the textbook table (50 units: 20 both, 5 A only, 10 B only, 15 neither)", () => {
  const table: BinaryCounts = { n11: 20, n10: 5, n01: 10, n00: 15 };

  it('po = 0.70, kappa = 0.40', () => {
    expect(percentAgreement(table)).toBeCloseTo(0.7, 12);
    expect((cohenKappa(table) as number).toFixed(3)).toBe('0.400');
  });

  it("Brennan & Prediger's kappa with q = 2 is 0.40", () => {
    expect((brennanPredigerKappa(percentAgreement(table)) as number).toFixed(3)).toBe('0.400');
  });

  it('nominal alpha from the four counts equals the coincidence-matrix alpha of the same units (hand: 0.394)', () => {
    // By hand: n = 100, n1 = 2·20 + 15 = 55, n0 = 2·15 + 15 = 45, alpha = 1 - 99·15 / (55·45) = 0.4.
    expect(binaryAlpha(table)).toBeCloseTo(1 - (99 * 15) / (55 * 45), 12);
    expect(binaryAlpha(table)).toBeCloseTo(krippendorffAlpha(unitsOf(table), 'nominal') as number, 12);
  });
});

describe('hand-computed cases', () => {
  it('kappa of a skewed table: 90 units, 2 both, 3 + 5 one only, 80 neither', () => {
    // po = 82/90; pA = 5/90, pB = 7/90; pe = (35 + 85·83)/8100 = 7090/8100; kappa = (7380 - 7090) / (8100 - 7090).
    expect(cohenKappa({ n11: 2, n10: 3, n01: 5, n00: 80 })).toBeCloseTo(290 / 1010, 12);
  });

  it('undefined figures are null: no units, or both coders coding everything', () => {
    const none = { n11: 0, n10: 0, n01: 0, n00: 0 };
    expect(percentAgreement(none)).toBeNull();
    expect(cohenKappa(none)).toBeNull();
    expect(binaryAlpha(none)).toBeNull();
    expect(brennanPredigerKappa(percentAgreement(none))).toBeNull();
    expect(cohenKappa({ n11: 10, n10: 0, n01: 0, n00: 0 })).toBeNull();
    expect(binaryAlpha({ n11: 0, n10: 0, n01: 0, n00: 10 })).toBeNull();
  });

  it('three coders: the tally gives the coincidence-matrix alpha and the pairwise percent', () => {
    const units: (0 | 1 | null)[][] = [
      [1, 1, 1],
      [1, 1, 0],
      [0, 0, 0],
      [0, 0, null],
      [1, null, 1],
      [0, 1, null],
      [1, null, null],
    ];
    expect(tallyAlpha(tallyOf(units))).toBeCloseTo(krippendorffAlpha(units, 'nominal') as number, 12);
    // Pairwise agreement per unit with m >= 2: 1, 1/3, 1, 1, 1, 0 → 13/3 over 6 units.
    expect(tallyPercent(tallyOf(units))).toBeCloseTo(13 / 18, 12);
  });
});

const countsArbitrary = fc.record({
  n11: fc.nat(200),
  n10: fc.nat(200),
  n01: fc.nat(200),
  n00: fc.nat(200),
});

describe('properties', () => {
  it('percent agreement lies in [0, 1]', () => {
    fc.assert(
      fc.property(countsArbitrary, (counts) => {
        const po = percentAgreement(counts);
        return po === null || (po >= 0 && po <= 1);
      }),
    );
  });

  it('kappa, alpha and percent are symmetric in the two coders', () => {
    fc.assert(
      fc.property(countsArbitrary, (counts) => {
        const swapped = { ...counts, n10: counts.n01, n01: counts.n10 };
        const same = (a: number | null, b: number | null): boolean => (a === null ? b === null : b !== null && Math.abs(a - b) < 1e-12);
        return (
          same(cohenKappa(counts), cohenKappa(swapped)) &&
          same(binaryAlpha(counts), binaryAlpha(swapped)) &&
          same(percentAgreement(counts), percentAgreement(swapped))
        );
      }),
    );
  });

  it('identical coders have alpha = 1 at every metric (when values vary) and kappa = 1', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.option(fc.integer({ min: -2, max: 2 }), { nil: null }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 2, max: 4 }),
        (rows, coders) => {
          // Every coder gives each unit the value of its first entry (or none).
          const units = rows.map((row) => Array.from({ length: coders }, () => row[0] ?? null));
          for (const metric of ['nominal', 'ordinal', 'interval'] as const) {
            const alpha = krippendorffAlpha(units, metric);
            if (alpha !== null && Math.abs(alpha - 1) > 1e-12) return false;
          }
          return true;
        },
      ),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }), (n11, n00) => {
        return Math.abs((cohenKappa({ n11, n10: 0, n01: 0, n00 }) as number) - 1) < 1e-12 && Math.abs((binaryAlpha({ n11, n10: 0, n01: 0, n00 }) as number) - 1) < 1e-12;
      }),
    );
  });

  it('the alpha of four counts equals the coincidence-matrix alpha and the tally alpha of the same units', () => {
    fc.assert(
      fc.property(fc.record({ n11: fc.nat(12), n10: fc.nat(12), n01: fc.nat(12), n00: fc.nat(12) }), (counts) => {
        const units = unitsOf(counts) as (0 | 1)[][];
        const general = krippendorffAlpha(units, 'nominal');
        const fromCounts = binaryAlpha(counts);
        const fromTally = tallyAlpha(tallyOf(units));
        if (general === null) return fromCounts === null && fromTally === null;
        return Math.abs(general - (fromCounts as number)) < 1e-9 && Math.abs(general - (fromTally as number)) < 1e-9;
      }),
    );
  });

  it('the pairwise percent of two coders equals (n11 + n00) / N', () => {
    fc.assert(
      fc.property(countsArbitrary, (counts) => {
        const tally = [[0], [0, 0], [counts.n00, counts.n10 + counts.n01, counts.n11]];
        const a = tallyPercent(tally);
        const b = percentAgreement(counts);
        return a === null ? b === null : Math.abs(a - (b as number)) < 1e-12;
      }),
    );
  });
});
