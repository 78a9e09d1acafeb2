/** Ordinal alpha on CFIR ratings, with X and M as missing values. */
import { describe, expect, it } from 'vitest';
import { krippendorffAlpha } from '#shared/agreement/coefficients';
import { ratingAgreement, ratingAgreementOfRecords, type RatingObservation } from '#shared/agreement/rating-agreement';
import { stampsAt } from '#shared/model/stamps';
import type { Rating, RatingValue } from '#shared/model/types';

describe('ratingAgreement', () => {
  it('is the ordinal alpha of the cells, leaving X and M out as missing', () => {
    const observations: RatingObservation[] = [
      { coder: 'A', cell: 'II.A x BU', value: 2 },
      { coder: 'B', cell: 'II.A x BU', value: 1 },
      { coder: 'A', cell: 'II.B x BU', value: -1 },
      { coder: 'B', cell: 'II.B x BU', value: -1 },
      { coder: 'A', cell: 'II.A x KA', value: 0 },
      { coder: 'B', cell: 'II.A x KA', value: 'X' },
      { coder: 'A', cell: 'II.B x KA', value: -2 },
      { coder: 'B', cell: 'II.B x KA', value: -1 },
      { coder: 'A', cell: 'II.C x KA', value: 'M' },
      { coder: 'B', cell: 'II.C x KA', value: 1 },
      { coder: 'A', cell: 'II.D x KA', value: 1 },
      { coder: 'B', cell: 'II.D x KA', value: 1 },
    ];
    const result = ratingAgreement(observations);
    expect(result.excludedMixedOrMissing).toBe(2);
    expect(result.pairableCells).toBe(4);
    expect(result.pairableValues).toBe(8);
    const expected = krippendorffAlpha(
      [
        [2, 1],
        [-1, -1],
        [0, null],
        [-2, -1],
        [null, 1],
        [1, 1],
      ],
      'ordinal',
    );
    expect(result.alpha).toBeCloseTo(expected as number, 12);
    expect(result.method).toMatch(/ordinal/);
  });

  it('matches Krippendorff (2011) ordinal alpha when his example is read as cells', () => {
    const table = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
      [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ];
    // Shifted by -3 onto a scale like the CFIR's (ordinal alpha depends on the ranks only).
    const observations: RatingObservation[] = table.flatMap((row, coder) =>
      row.flatMap((value, unit) => (value === null ? [] : [{ coder: `O${coder}`, cell: `u${unit}`, value: (value - 3) as RatingObservation['value'] }])),
    );
    expect(ratingAgreement(observations).alpha?.toFixed(3)).toBe('0.815');
  });

  it('has no alpha when no cell was rated by two coders', () => {
    expect(ratingAgreement([{ coder: 'A', cell: 'c', value: 1 }]).alpha).toBeNull();
  });
});

describe('ratingAgreementOfRecords', () => {
  const rating = (coder: string, codeId: string, caseId: string, value: RatingValue | null): Rating => ({
    id: `${coder}-${codeId}-${caseId}`,
    projectId: 'p',
    caseId,
    codeId,
    value,
    summary: '',
    rationale: '',
    evidenceCodingIds: [],
    ...stampsAt('2026-01-01T00:00:00.000Z', coder),
  });

  it('reads each coder’s rating records as cells, leaving unrated cells, X and M out', () => {
    const records = [
      rating('a', 'II.A', 'BU', '+2'),
      rating('b', 'II.A', 'BU', '+1'),
      rating('a', 'II.B', 'BU', '-1'),
      rating('b', 'II.B', 'BU', '-1'),
      rating('a', 'II.C', 'BU', 'X'),
      rating('b', 'II.C', 'BU', '0'),
      rating('a', 'II.D', 'BU', '0'),
      rating('b', 'II.D', 'BU', null),
      rating('c', 'II.A', 'BU', '-2'),
    ];
    const result = ratingAgreementOfRecords(records, ['a', 'b']);
    expect(result.pairableCells).toBe(2);
    expect(result.excludedMixedOrMissing).toBe(1);
    expect(result.alpha).toBeCloseTo(krippendorffAlpha([[2, 1], [-1, -1], [null, 0], [0, null]], 'ordinal') as number, 12);
  });
});
