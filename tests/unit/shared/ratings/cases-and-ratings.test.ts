/** Default cases, the documents and pooled passages of a case, rating cells as changes, and the rating matrix. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyChange } from '#shared/model/change';
import { seededRandom, seededUuidGenerator } from '#shared/model/ids';
import { buildProjectIndex } from '#shared/index/project-index';
import type { Code, ProjectSnapshot, RatingValue as StoredRatingValue } from '#shared/model/types';
import { caseDocuments, casesInOrder, constructPassages, defaultCasesChange } from '#shared/ratings/cases';
import { ratingOfCell, ratingOnScale, setRatingChange, STORED_RATING_VALUES } from '#shared/ratings/rating-edits';
import { computeRatingMatrix, ratingMatrixCsv } from '#shared/ratings/rating-matrix';
import { DEFAULT_DISTINGUISHING_RULE } from '#shared/ratings/distinguishing-constructs';
import { smallStudy } from '../compare/small-study.ts';

const AT = '2026-03-01T10:00:00.000Z';

function withCases(snapshot: ProjectSnapshot, scheme: 'site' | 'site-phase', seed = 3): ProjectSnapshot {
  return applyChange(snapshot, defaultCasesChange(snapshot, scheme, seededUuidGenerator(seededRandom(seed)), AT, null));
}

describe('default cases', () => {
  it('makes one case per site, named by site code, in site order; a second run adds nothing', () => {
    const { snapshot, ids } = smallStudy();
    const next = withCases(snapshot, 'site');
    expect(casesInOrder(next.cases).map((c) => [c.name, c.scope])).toEqual([
      ['BU', { kind: 'site', siteId: ids.sites.BU }],
      ['KA', { kind: 'site', siteId: ids.sites.KA }],
    ]);
    expect(next.cases[0]?.createdAt).toBe(AT);
    expect(defaultCasesChange(next, 'site', seededUuidGenerator(seededRandom(4)), AT, null)).toEqual({});
  });

  it('makes one case per site and phase, after the cases the project already has', () => {
    const { snapshot } = smallStudy();
    const bySite = withCases(snapshot, 'site');
    const both = withCases(bySite, 'site-phase', 5);
    expect(casesInOrder(both.cases).map((c) => `${c.name}:${c.order}`)).toEqual(['BU:0', 'KA:1', 'BU pre:2', 'BU post:3', 'KA pre:4', 'KA post:5']);
  });

  it('finds a case’s documents by site, by site and phase, or by hand-picked list', () => {
    const { snapshot, ids } = smallStudy();
    const names = (scope: Parameters<typeof caseDocuments>[0]) => caseDocuments(scope, snapshot.documents).map((d) => d.name);
    expect(names({ kind: 'site', siteId: ids.sites.BU })).toEqual(['BU_pre_FGD', 'BU_post_FGD']);
    expect(names({ kind: 'site-phase', siteId: ids.sites.BU, phaseId: ids.phases.post })).toEqual(['BU_post_FGD']);
    expect(names({ kind: 'site-phase', siteId: ids.sites.KA, phaseId: ids.phases.post })).toEqual([]);
    expect(names({ kind: 'documents', documentIds: [ids.documents.kaPre] })).toEqual(['KA_pre_notes']);
  });
});

describe('pooled passages of a construct in a case', () => {
  it('pools the code and its descendants, from every coder, in the case’s documents only', () => {
    const { snapshot, ids, codings } = smallStudy();
    const index = buildProjectIndex(snapshot);
    const bu = { kind: 'site', siteId: ids.sites.BU } as const;
    // Inner Setting in BU: c3 (itself), c1 and c7 (Culture), c2 (Leadership) in BU pre, c5 (Leadership) in BU post.
    const inner = constructPassages(index, snapshot, bu, ids.codes.inner).map((s) => s.coding.id);
    expect(new Set(inner)).toEqual(new Set([codings.c1?.id, codings.c2?.id, codings.c3?.id, codings.c7?.id, codings.c5?.id]));
    // BU pre comes before BU post; within a document by position.
    expect(inner.at(-1)).toBe(codings.c5?.id);
    const culture = constructPassages(index, snapshot, bu, ids.codes.culture);
    expect(culture.map((s) => [s.coding.id, s.citation])).toEqual([
      [codings.c1?.id, 'BU pre 2'],
      [codings.c7?.id, 'BU pre 3'],
    ]);
    const kaPost = { kind: 'site-phase', siteId: ids.sites.KA, phaseId: ids.phases.post } as const;
    expect(constructPassages(index, snapshot, kaPost, ids.codes.inner)).toEqual([]);
  });
});

describe('rating cells', () => {
  it('makes the cell’s record, then replaces it keeping its id and creation stamps', () => {
    const { snapshot: base, ids, codings } = smallStudy();
    const snapshot = withCases(base, 'site');
    const bu = casesInOrder(snapshot.cases)[0];
    if (!bu) throw new Error('no case');
    const cell = { caseId: bu.id, codeId: ids.codes.culture };
    const newId = seededUuidGenerator(seededRandom(9));
    const first = setRatingChange(snapshot, cell, { value: '+2', summary: '  Training valued. ', rationale: 'Two concrete examples.', evidenceCodingIds: [codings.c1?.id ?? '', codings.c1?.id ?? ''] }, newId, AT, ids.coders.A);
    const rated = applyChange(snapshot, first);
    const rating = ratingOfCell(rated.ratings, bu.id, ids.codes.culture);
    expect(rating).toMatchObject({ value: '+2', summary: 'Training valued.', evidenceCodingIds: [codings.c1?.id], createdBy: ids.coders.A });
    const later = '2026-03-02T10:00:00.000Z';
    const second = setRatingChange(rated, cell, { value: 'X', summary: 'Both ways.', rationale: '', evidenceCodingIds: [codings.c7?.id ?? ''] }, newId, later, ids.coders.B);
    const rerated = applyChange(rated, second);
    expect(rerated.ratings).toHaveLength(1);
    expect(rerated.ratings[0]).toMatchObject({ id: rating?.id, value: 'X', createdAt: AT, createdBy: ids.coders.A, modifiedAt: later, modifiedBy: ids.coders.B });
    expect(setRatingChange(rerated, cell, { value: 'X', summary: 'Both ways.', rationale: '', evidenceCodingIds: [codings.c7?.id ?? ''] }, newId, later, null)).toEqual({});
  });

  it('refuses evidence that is not a coding of the project, and an unknown case', () => {
    const { snapshot: base, ids } = smallStudy();
    const snapshot = withCases(base, 'site');
    const caseId = snapshot.cases[0]?.id ?? '';
    const newId = seededUuidGenerator(seededRandom(9));
    expect(() => setRatingChange(snapshot, { caseId, codeId: ids.codes.culture }, { value: '0', summary: '', rationale: '', evidenceCodingIds: ['nope'] }, newId, AT, null)).toThrow(/no longer coded/);
    expect(() => setRatingChange(snapshot, { caseId: 'nope', codeId: ids.codes.culture }, { value: '0', summary: '', rationale: '', evidenceCodingIds: [] }, newId, AT, null)).toThrow(/case/);
  });

  it('keeps one record per cell whatever sequence of ratings is written (property)', () => {
    const { snapshot: base, ids } = smallStudy();
    const snapshot = withCases(base, 'site-phase');
    const caseIds = snapshot.cases.map((c) => c.id);
    const codeIds = Object.values(ids.codes);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...caseIds), fc.constantFrom(...codeIds), fc.constantFrom<StoredRatingValue | null>(...STORED_RATING_VALUES, null)), { maxLength: 30 }),
        (writes) => {
          const newId = seededUuidGenerator(seededRandom(1));
          let current = snapshot;
          const last = new Map<string, StoredRatingValue | null>();
          for (const [caseId, codeId, value] of writes) {
            current = applyChange(current, setRatingChange(current, { caseId, codeId }, { value, summary: '', rationale: '', evidenceCodingIds: [] }, newId, AT, null));
            last.set(`${caseId} ${codeId}`, value);
          }
          expect(current.ratings).toHaveLength(last.size);
          for (const rating of current.ratings) expect(rating.value).toBe(last.get(`${rating.caseId} ${rating.codeId}`));
        },
      ),
    );
  });

  it('reads stored ratings on the scale: an unrated cell is M', () => {
    expect(STORED_RATING_VALUES.map(ratingOnScale)).toEqual([2, 1, 0, -1, -2, 'X', 'M']);
    expect(ratingOnScale(null)).toBe('M');
  });
});

describe('the rating matrix', () => {
  it('lists CFIR constructs and rated codes with their cells and distinguishing labels, and prints CSV with the rule', () => {
    const { snapshot: base, ids } = smallStudy();
    // Make Culture and Leadership CFIR constructs, as a CFIR codebook's codes are.
    const cfir = (code: Code): Code => (code.id === ids.codes.culture || code.id === ids.codes.leadership ? { ...code, origin: { kind: 'cfir', version: '2.0', elementId: code.name } } : code);
    let snapshot = withCases({ ...base, codes: base.codes.map(cfir) }, 'site');
    const [bu, ka] = casesInOrder(snapshot.cases);
    if (!bu || !ka) throw new Error('no cases');
    snapshot = { ...snapshot, cases: [{ ...bu, outcomes: { implementation: 'high' } }, { ...ka, outcomes: { implementation: 'low' } }] };
    const newId = seededUuidGenerator(seededRandom(2));
    const rate = (caseId: string, codeId: string, value: StoredRatingValue) => {
      snapshot = applyChange(snapshot, setRatingChange(snapshot, { caseId, codeId }, { value, summary: '', rationale: '', evidenceCodingIds: [] }, newId, AT, null));
    };
    rate(bu.id, ids.codes.culture, '+2');
    rate(ka.id, ids.codes.culture, '-1');
    rate(bu.id, ids.codes.leadership, '+1');
    rate(ka.id, ids.codes.leadership, '0');
    rate(bu.id, ids.codes.cost, 'M');
    const matrix = computeRatingMatrix(snapshot, DEFAULT_DISTINGUISHING_RULE);
    expect(matrix.cases.map((c) => c.name)).toEqual(['BU', 'KA']);
    // Culture: gap 3, separated -> strong; Leadership: gap 1 -> weak; Cost (inductive, but rated): all M -> insufficient.
    expect(matrix.rows.map((r) => [r.path.join(' > '), r.values, r.distinguishing.label])).toEqual([
      ['Inner Setting > Culture', [2, -1], 'strong'],
      ['Inner Setting > Leadership', [1, 0], 'weak'],
      ['Innovation > Cost', ['M', 'M'], 'insufficient'],
    ]);
    const csv = ratingMatrixCsv(matrix).split('\n');
    expect(csv.slice(0, 4)).toEqual([
      'construct,BU,KA,pattern',
      'Inner Setting > Culture,+2,-1,Strongly distinguishing',
      'Inner Setting > Leadership,+1,0,Weakly distinguishing',
      'Innovation > Cost,M,,Insufficient data',
    ]);
    expect(csv[4]).toMatch(/^"?Rule: Cases compared: ""high"" against ""low""/);
    // Under a stricter rule Leadership no longer distinguishes.
    const strict = computeRatingMatrix(snapshot, { ...DEFAULT_DISTINGUISHING_RULE, weakGap: 2, strongGap: 3 });
    expect(strict.rows.map((r) => r.distinguishing.label)).toEqual(['strong', 'mixed', 'insufficient']);
  });
});

describe('case outcomes', () => {
  it('sets, keeps and clears a case’s implementation outcome', async () => {
    const { setCaseOutcomeChange } = await import('#shared/ratings/cases');
    const { snapshot: base } = smallStudy();
    const snapshot = withCases(base, 'site');
    const id = snapshot.cases[0]?.id ?? '';
    const high = applyChange(snapshot, setCaseOutcomeChange(snapshot, id, 'implementation', ' high '));
    expect(high.cases.find((c) => c.id === id)?.outcomes).toEqual({ implementation: 'high' });
    expect(setCaseOutcomeChange(high, id, 'implementation', 'high')).toEqual({});
    const cleared = applyChange(high, setCaseOutcomeChange(high, id, 'implementation', ''));
    expect(cleared.cases.find((c) => c.id === id)?.outcomes).toEqual({});
  });
});
