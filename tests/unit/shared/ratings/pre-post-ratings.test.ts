/** Pre -> post ratings of one site: its site x phase cases side by side, with what changed. */
import { describe, expect, it } from 'vitest';
import { applyChange } from '#shared/model/change';
import { seededRandom, seededUuidGenerator } from '#shared/model/ids';
import type { Code, ProjectSnapshot, RatingValue } from '#shared/model/types';
import { casesInOrder, defaultCasesChange } from '#shared/ratings/cases';
import { setRatingChange } from '#shared/ratings/rating-edits';
import { computeRatingMatrix } from '#shared/ratings/rating-matrix';
import { DEFAULT_DISTINGUISHING_RULE } from '#shared/ratings/distinguishing-constructs';
import { prePostRatings, prePostRatingsCsv, sitesWithPhaseCases } from '#shared/ratings/pre-post-ratings';
import { smallStudy } from '../compare/small-study.ts';

const AT = '2026-03-01T10:00:00.000Z';

function rated(): { snapshot: ProjectSnapshot; ids: ReturnType<typeof smallStudy>['ids'] } {
  const { snapshot: base, ids } = smallStudy();
  const cfir = (code: Code): Code => (code.id === ids.codes.culture || code.id === ids.codes.leadership || code.id === ids.codes.cost ? { ...code, origin: { kind: 'cfir', version: '2.0', elementId: code.name } } : code);
  let snapshot: ProjectSnapshot = { ...base, codes: base.codes.map(cfir) };
  const newId = seededUuidGenerator(seededRandom(9));
  snapshot = applyChange(snapshot, defaultCasesChange(snapshot, 'site-phase', newId, AT, null));
  const byName = new Map(casesInOrder(snapshot.cases).map((c) => [c.name, c.id]));
  const rate = (caseName: string, codeId: string, value: RatingValue, summary = '') => {
    snapshot = applyChange(snapshot, setRatingChange(snapshot, { caseId: byName.get(caseName) ?? '', codeId }, { value, summary, rationale: '', evidenceCodingIds: [] }, newId, AT, null));
  };
  rate('BU pre', ids.codes.culture, '-1', 'little training');
  rate('BU post', ids.codes.culture, '+2', 'trained together');
  rate('BU pre', ids.codes.leadership, '+1');
  rate('BU post', ids.codes.leadership, '0');
  rate('BU pre', ids.codes.cost, 'X');
  rate('BU post', ids.codes.cost, '-2');
  rate('KA pre', ids.codes.culture, '+1');
  return { snapshot, ids };
}

describe('pre -> post ratings', () => {
  const { snapshot, ids } = rated();
  const matrix = computeRatingMatrix(snapshot, DEFAULT_DISTINGUISHING_RULE);

  it('offers the sites with cases in two phases or more', () => {
    expect(sitesWithPhaseCases(matrix, snapshot).map((s) => s.code)).toEqual(['BU', 'KA']);
    expect(sitesWithPhaseCases(computeRatingMatrix({ ...snapshot, cases: snapshot.cases.filter((c) => c.name !== 'KA post') }, DEFAULT_DISTINGUISHING_RULE), snapshot).map((s) => s.code)).toEqual(['BU']);
  });

  it('puts a site’s phases side by side with what changed', () => {
    const table = prePostRatings(matrix, snapshot, ids.sites.BU);
    expect(table.phases.map((p) => p.ratedCase.name)).toEqual(['BU pre', 'BU post']);
    expect(table.rows.map((r) => [r.path.at(-1), r.values, r.changes])).toEqual([
      ['Culture', [-1, 2], ['better']],
      ['Leadership', [1, 0], ['worse']],
      ['Cost', ['X', -2], ['not comparable']],
    ]);
    expect(table.rows[0]?.summaries).toEqual(['little training', 'trained together']);
    const ka = prePostRatings(matrix, snapshot, ids.sites.KA);
    // KA post is not rated yet: counted as M, so the change is not comparable.
    expect(ka.rows.map((r) => [r.values, r.changes])).toEqual([
      [[1, undefined], ['not comparable']],
      [[undefined, undefined], ['not rated']],
      [[undefined, undefined], ['not rated']],
    ]);
  });

  it('exports CSV with a change column and the method', () => {
    const csv = prePostRatingsCsv(prePostRatings(matrix, snapshot, ids.sites.BU)).split('\n');
    expect(csv.slice(0, 4)).toEqual([
      'construct,BU pre,BU post,change pre -> post',
      'Inner Setting > Culture,-1,+2,better',
      'Inner Setting > Leadership,+1,0,worse',
      'Innovation > Cost,X,-2,not comparable',
    ]);
    expect(csv[4]).toContain('Method: Each phase is the site’s case for that phase');
  });
});
