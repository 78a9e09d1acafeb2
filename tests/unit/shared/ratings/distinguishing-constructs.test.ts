/** Distinguishing-construct labels under two rule settings, worked out by hand, and the rules' invariants. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_DISTINGUISHING_RULE,
  describeDistinguishingRule,
  labelConstruct,
  ratingChange,
  ratingLabel,
  type CaseRating,
  type DistinguishingLabel,
  type DistinguishingRule,
  type RatingValue,
} from '#shared/ratings/distinguishing-constructs';

/** Three high- and three low-implementation cases' ratings of one construct. */
function cases(high: readonly RatingValue[], low: readonly RatingValue[]): CaseRating[] {
  return [...high.map((value) => ({ outcome: 'high', value })), ...low.map((value) => ({ outcome: 'low', value })), { outcome: 'unclassified', value: 2 }];
}

const constructs: Record<string, CaseRating[]> = {
  // Means 5/3 and -1: a gap of 2.67, every high case above every low one.
  A: cases([2, 2, 1], [-1, 0, -2]),
  // Means 2/3 and -1/3: a gap of 1.
  B: cases([1, 1, 0], [0, -1, 0]),
  // X left out: means 1 and 0 (gap 1); X as 0: means 2/3 and 0 (gap 2/3).
  C: cases([2, 'X', 0], [1, 'X', -1]),
  // One rated case in each group of three.
  D: cases(['M', 'M', 1], [0, 'M', 'M']),
  // No gap.
  E: cases([-1, 0, 1], [1, 0, -1]),
  // Hindering where implementation went well: not distinguishing in the rule's sense.
  F: cases([-2, -2, -1], [2, 1, 2]),
};

const lenient: DistinguishingRule = { ...DEFAULT_DISTINGUISHING_RULE, mixed: 'as-zero', minRatedShare: 0.3, strongGap: 1, strongNeedsSeparation: false, weakGap: 0.5 };

const labels = (rule: DistinguishingRule) => Object.fromEntries(Object.entries(constructs).map(([name, ratings]) => [name, labelConstruct(ratings, rule).label]));

describe('distinguishing constructs', () => {
  it('labels by the default rule (gap 2 and separation for strong, 1 for weak, half the cases rated)', () => {
    expect(labels(DEFAULT_DISTINGUISHING_RULE)).toEqual({ A: 'strong', B: 'weak', C: 'weak', D: 'insufficient', E: 'mixed', F: 'mixed' });
  });

  it('labels differently under a lenient rule (gap 1 for strong, 0.5 for weak, X as 0, 30% rated)', () => {
    expect(labels(lenient)).toEqual({ A: 'strong', B: 'strong', C: 'weak', D: 'strong', E: 'mixed', F: 'mixed' });
  });

  it('reports the figures a label rests on', () => {
    const result = labelConstruct(constructs.C ?? [], DEFAULT_DISTINGUISHING_RULE);
    expect(result).toEqual({ label: 'weak', highMean: 1, lowMean: 0, highRated: 2, highCases: 3, lowRated: 2, lowCases: 3 });
  });

  it('writes the rule in force in words', () => {
    expect(describeDistinguishingRule(DEFAULT_DISTINGUISHING_RULE)).toBe(
      'Cases compared: "high" against "low" implementation. Strongly distinguishing: the mean rating of the high cases is at least 2 above that of the low cases, ' +
        'and every rated high case is rated above every rated low case. Weakly distinguishing: a mean gap of at least 1 in the same direction. ' +
        "Mixed / no pattern: otherwise. Insufficient data: fewer than 50% of either group's cases rated. M (missing) is never rated; X (mixed) is left out like M.",
    );
    expect(describeDistinguishingRule(lenient)).toMatch(/at least 1 above.*X \(mixed\) counts as 0\.$/);
  });

  it('prints ratings and their changes from phase to phase', () => {
    expect([2, 1, 0, -1, -2, 'X', 'M'].map((v) => ratingLabel(v as RatingValue))).toEqual(['+2', '+1', '0', '-1', '-2', 'X', 'M']);
    expect(ratingChange(-1, 1)).toBe('better');
    expect(ratingChange(2, 0)).toBe('worse');
    expect(ratingChange(1, 1)).toBe('same');
    expect(ratingChange('M', 1)).toBe('not comparable');
    expect(ratingChange('X', 'X')).toBe('same');
  });
});

const value = fc.constantFrom<RatingValue>(2, 1, 0, -1, -2, 'X', 'M');
const ratingsArb = fc.record({ high: fc.array(value, { maxLength: 6 }), low: fc.array(value, { maxLength: 6 }) });
const ruleArb = fc.record({
  highOutcome: fc.constant('high'),
  lowOutcome: fc.constant('low'),
  mixed: fc.constantFrom<'exclude' | 'as-zero'>('exclude', 'as-zero'),
  minRatedShare: fc.double({ min: 0, max: 1, noNaN: true }),
  strongGap: fc.double({ min: 0, max: 4, noNaN: true }),
  strongNeedsSeparation: fc.boolean(),
  weakGap: fc.double({ min: 0, max: 4, noNaN: true }),
});
const RANK: Readonly<Record<DistinguishingLabel, number>> = { insufficient: -1, mixed: 0, weak: 1, strong: 2 };
const negate = (v: RatingValue): RatingValue => (typeof v === 'number' ? (-v as RatingValue) : v);

describe('distinguishing rule invariants', () => {
  it('a stricter rule never gives a stronger label', () => {
    fc.assert(
      fc.property(ratingsArb, ruleArb, fc.double({ min: 0, max: 2, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true }), fc.boolean(), ({ high, low }, rule, more, moreWeak, separate) => {
        const strict: DistinguishingRule = { ...rule, strongGap: rule.strongGap + more, weakGap: rule.weakGap + moreWeak, strongNeedsSeparation: rule.strongNeedsSeparation || separate };
        const ratings = cases(high, low);
        expect(RANK[labelConstruct(ratings, strict).label]).toBeLessThanOrEqual(RANK[labelConstruct(ratings, rule).label]);
      }),
    );
  });

  it('swapping the groups and mirroring the ratings keeps the label', () => {
    fc.assert(
      fc.property(ratingsArb, ruleArb, ({ high, low }, rule) => {
        expect(labelConstruct(cases(low.map(negate), high.map(negate)), rule).label).toBe(labelConstruct(cases(high, low), rule).label);
      }),
    );
  });

  it('is insufficient exactly when a group has too few rated cases', () => {
    fc.assert(
      fc.property(ratingsArb, ruleArb, ({ high, low }, rule) => {
        const result = labelConstruct(cases(high, low), rule);
        const enough = (rated: number, all: number) => all > 0 && rated > 0 && rated / all >= rule.minRatedShare;
        expect(result.label === 'insufficient').toBe(!enough(result.highRated, result.highCases) || !enough(result.lowRated, result.lowCases));
      }),
    );
  });
});

describe('rating matrix figure', () => {
  it('draws each rating on the diverging scale, X and M apart, with the labels, legend and rule', async () => {
    const { ratingMatrixSvg, ratingFill } = await import('#shared/ratings/rating-matrix-figure');
    const svg = ratingMatrixSvg({
      title: 'CFIR ratings by site',
      constructs: [
        { name: 'Tension for Change', label: 'strong' },
        { name: 'Available Resources', label: 'insufficient' },
      ],
      cases: [
        { label: 'BU', outcome: 'high' },
        { label: 'KA', outcome: 'low' },
      ],
      ratings: [
        [2, -1],
        ['X', 'M'],
      ],
      rule: DEFAULT_DISTINGUISHING_RULE,
    });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    for (const text of ['BU', 'KA', 'high', 'low', '+2', '-1', 'Strongly distinguishing', 'Insufficient data', 'Tension for Change']) expect(svg).toContain(`>${text}<`);
    expect(svg).toContain(`fill="${ratingFill(2)}"`);
    expect(svg).toContain('fill="#bdbdbd"');
    expect(svg).toContain('M: missing: no data or too little to judge');
    expect(svg).toContain('Strongly distinguishing: the mean rating of the high cases');
    // +2 and -2 are opposite hues; 0 is the scale's pale middle.
    expect(ratingFill(2)).not.toBe(ratingFill(-2));
    expect(ratingFill(0)).toMatch(/^rgb\(2[34]\d, 2[34]\d, 2[34]\d\)$/);
  });
});
