/** The compare matrices on a small study whose every figure is worked out by hand (see small-study.ts). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildProjectIndex } from '#shared/index/project-index';
import { NO_FILTER } from '#shared/coding/segment-filter';
import { cellPassages, cellValue, computeCodeMatrix, computeFromCodings, formatCellValue, MATRIX_MEASURES, type CodeMatrix, type MatrixMeasure } from '#shared/compare/code-matrix';
import { comparePrePost } from '#shared/compare/pre-post';
import { coOccurrencePassages, computeCoOccurrence, paragraphTurns } from '#shared/compare/co-occurrence';
import { unionOfIntervals } from '#shared/compare/intervals';
import type { ColumnGrouping } from '#shared/compare/groupings';
import type { Case, Coding, ProjectSnapshot } from '#shared/model/types';
import { stampsAt } from '#shared/model/stamps';
import { smallStudy } from './small-study.ts';

const study = smallStudy();
const { ids, codings } = study;
const index = buildProjectIndex(study.snapshot);
const design = study.snapshot;

function matrix(grouping: ColumnGrouping, filter = NO_FILTER): CodeMatrix {
  return computeCodeMatrix(index, design, { grouping, filter });
}

/** The figures of a row, one per column, for a measure. */
function row(m: CodeMatrix, codeId: string, measure: MatrixMeasure): (number | null)[] {
  const r = m.rows.find((x) => x.code.id === codeId);
  if (!r) throw new Error('no such row');
  return m.columns.map((_, i) => cellValue(m, r, i, measure));
}

describe('code x site x phase matrix', () => {
  const m = matrix({ kind: 'site-phase' });

  it('has a column per site and phase, empty ones included, each with its documents, words and code points', () => {
    expect(m.columns.map((c) => c.label)).toEqual(['BU pre', 'BU post', 'KA pre', 'KA post']);
    expect(m.columns.map((c) => [c.documents, c.words, c.codePoints])).toEqual([
      [1, 10, 54],
      [1, 5, 26],
      [1, 4, 21],
      [0, 0, 0],
    ]);
  });

  it('lists the codes as the tree, with paths', () => {
    expect(m.rows.map((r) => [r.path.join(' > '), r.depth, r.hasChildren])).toEqual([
      ['Inner Setting', 0, true],
      ['Inner Setting > Culture', 1, false],
      ['Inner Setting > Leadership', 1, false],
      ['Innovation', 0, true],
      ['Innovation > Cost', 1, false],
    ]);
  });

  it('counts a passage coded by a parent and its children once, and overlapping codings as one passage', () => {
    // BU pre: Culture, Leadership and Inner Setting itself code "training helped (a lot)": one passage; "Money" another.
    expect(row(m, ids.codes.inner, 'codings')).toEqual([2, 1, 1, 0]);
    expect(row(m, ids.codes.culture, 'codings')).toEqual([2, 0, 1, 0]);
    expect(row(m, ids.codes.leadership, 'codings')).toEqual([1, 1, 0, 0]);
    expect(row(m, ids.codes.innovation, 'codings')).toEqual([1, 0, 0, 0]);
  });

  it('counts documents and distinct speakers', () => {
    expect(row(m, ids.codes.inner, 'documents')).toEqual([1, 1, 1, 0]);
    // P1 and P2 in BU pre; P1 in BU post; the field notes have no speaker.
    expect(row(m, ids.codes.inner, 'speakers')).toEqual([2, 1, 0, 0]);
  });

  it('computes coverage over the union of the passages, and nothing for an empty group', () => {
    // "training helped a lot" (21) + "Money" (5) of 54; "Leaders backed us" (17) of 26; "session" (7) of 21.
    expect(row(m, ids.codes.inner, 'coverage')).toEqual([26 / 54, 17 / 26, 7 / 21, null]);
    expect(row(m, ids.codes.culture, 'coverage')).toEqual([20 / 54, 0, 7 / 21, null]);
  });

  it('computes passages per 1,000 words and row and column percentages', () => {
    expect(row(m, ids.codes.inner, 'per-1000-words')).toEqual([200, 200, 250, null]);
    expect(row(m, ids.codes.inner, 'row-percent')).toEqual([50, 25, 25, 0]);
    // BU pre holds three passages of any code: "training helped a lot", "Money", "was short".
    expect(m.columns.map((c) => c.passages)).toEqual([3, 1, 1, 0]);
    // Column %: of the 21 + 5 + 9 = 35 coded code points of BU pre, Inner Setting covers 26 and Cost 9.
    expect(m.columns.map((c) => c.codedCodePoints)).toEqual([35, 17, 7, 0]);
    expect(row(m, ids.codes.inner, 'column-percent')).toEqual([(100 * 26) / 35, 100, 100, null]);
    expect(row(m, ids.codes.cost, 'column-percent')).toEqual([(100 * 9) / 35, 0, 0, null]);
  });

  it('prints counts as integers and shares with their decimals', () => {
    expect(formatCellValue(2, 'codings')).toBe('2');
    expect(formatCellValue(26 / 54, 'coverage')).toBe('48.1');
    expect(formatCellValue(null, 'coverage')).toBe('–');
    expect(formatCellValue(200, 'per-1000-words')).toBe('200.00');
  });

  it('opens the passages behind a cell with their citations, speakers and coders', () => {
    const buPre = m.columns[0]?.key ?? '';
    const passages = cellPassages(index, design, m, ids.codes.inner, buPre);
    expect(new Set(passages.map((p) => p.coding.id))).toEqual(new Set([codings.c1?.id, codings.c2?.id, codings.c3?.id, codings.c7?.id]));
    const byId = new Map(passages.map((p) => [p.coding.id, p]));
    expect(byId.get(codings.c2?.id ?? '')?.citation).toBe('BU pre 2'); // BU has a pre and a post document, so its citations say which
    expect(byId.get(codings.c2?.id ?? '')?.speaker?.label).toBe('P1');
    expect(byId.get(codings.c2?.id ?? '')?.coding.createdBy).toBe(ids.coders.B);
    expect(byId.get(codings.c7?.id ?? '')?.citation).toBe('BU pre 3');
    expect(cellPassages(index, design, m, ids.codes.inner, m.columns[3]?.key ?? '')).toEqual([]);
  });

  it('states its method', () => {
    expect(m.method).toMatch(/counts once/);
    expect(m.filterLabel).toBe('');
  });
});

describe('filters', () => {
  it('keeps one coder’s codings and says so', () => {
    const m = matrix({ kind: 'site-phase' }, { ...NO_FILTER, coderIds: [ids.coders.A] });
    expect(row(m, ids.codes.inner, 'codings')).toEqual([1, 1, 0, 0]);
    expect(row(m, ids.codes.leadership, 'codings')).toEqual([0, 1, 0, 0]);
    const initials = study.snapshot.coders.find((c) => c.id === ids.coders.A)?.initials ?? '?';
    expect(m.filterLabel).toBe(initials);
    const passages = cellPassages(index, design, m, ids.codes.inner, m.columns[0]?.key ?? '');
    expect(new Set(passages.map((p) => p.coding.id))).toEqual(new Set([codings.c1?.id, codings.c3?.id]));
  });

  it('keeps one speaker role, in the codings and in the text the shares are of', () => {
    const m = matrix({ kind: 'site-phase' }, { ...NO_FILTER, speakerRoles: ['participant'] });
    expect(m.columns.map((c) => [c.documents, c.words, c.codePoints])).toEqual([
      [1, 8, 42],
      [1, 3, 18],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(row(m, ids.codes.inner, 'coverage')).toEqual([26 / 42, 17 / 18, null, null]);
    expect(row(m, ids.codes.culture, 'codings')).toEqual([2, 0, 0, 0]);
    expect(m.filterLabel).toBe('participants');
  });

  it('keeps one document kind', () => {
    const m = matrix({ kind: 'site-phase' }, { ...NO_FILTER, kinds: ['field-notes'] });
    expect(m.columns.map((c) => c.documents)).toEqual([0, 0, 1, 0]);
    expect(row(m, ids.codes.inner, 'codings')).toEqual([0, 0, 1, 0]);
    expect(m.filterLabel).toBe('field notes');
  });

  it('drops the columns of sites the filter leaves out', () => {
    const m = matrix({ kind: 'site' }, { ...NO_FILTER, siteIds: [ids.sites.KA] });
    expect(m.columns.map((c) => c.label)).toEqual(['KA']);
    expect(row(m, ids.codes.culture, 'codings')).toEqual([1]);
  });
});

describe('other groupings', () => {
  it('groups by phase, phase x site, document kind and a document attribute', () => {
    const phase = matrix({ kind: 'phase' });
    expect(phase.columns.map((c) => c.label)).toEqual(['pre', 'post']);
    expect(row(phase, ids.codes.inner, 'codings')).toEqual([3, 1]);
    expect(matrix({ kind: 'phase-site' }).columns.map((c) => c.label)).toEqual(['pre BU', 'pre KA', 'post BU', 'post KA']);
    const kind = matrix({ kind: 'document-kind' });
    expect(kind.columns.map((c) => [c.label, c.documents])).toEqual([
      ['Transcripts', 2],
      ['Field notes', 1],
    ]);
    expect(row(kind, ids.codes.culture, 'codings')).toEqual([2, 1]);
    const district = matrix({ kind: 'document-attribute', key: 'district' });
    expect(district.columns.map((c) => c.label)).toEqual(['rural', 'urban']);
    expect(row(district, ids.codes.inner, 'codings')).toEqual([1, 3]);
  });

  it('groups by speaker role: a column’s text is those speakers’ paragraphs', () => {
    const m = matrix({ kind: 'speaker-role' });
    expect(m.columns.map((c) => [c.label, c.documents, c.words, c.codePoints])).toEqual([
      ['Moderators', 2, 4, 20],
      ['Participants', 2, 11, 60],
      ['Unknown speakers', 1, 4, 21],
    ]);
    expect(row(m, ids.codes.inner, 'codings')).toEqual([0, 3, 1]);
    expect(row(m, ids.codes.inner, 'coverage')).toEqual([0, (26 + 17) / 60, 7 / 21]);
    const passages = cellPassages(index, design, m, ids.codes.inner, 'participant');
    expect(passages.map((p) => p.coding.id).sort()).toEqual([codings.c1, codings.c2, codings.c3, codings.c5, codings.c7].map((c) => c?.id).sort());
  });

  it('groups by a speaker attribute, with a column for speakers without it', () => {
    const m = matrix({ kind: 'speaker-attribute', key: 'profession' });
    expect(m.columns.map((c) => [c.label, c.documents])).toEqual([
      ['doctor', 1],
      ['nurse', 2],
      ['(none)', 3],
    ]);
    expect(row(m, ids.codes.culture, 'codings')).toEqual([1, 1, 1]);
  });
});

describe('cases as columns', () => {
  // BU (a site), KA pre (a site in one phase) and a hand-made case of the two pre documents, which shares BU pre with BU.
  const at = '2026-02-02T09:00:00.000Z';
  const cases: Case[] = [
    { id: '00000000-0000-4000-8000-00000000000c', projectId: study.snapshot.project.id, name: 'Pre set', scope: { kind: 'documents', documentIds: [ids.documents.buPre, ids.documents.kaPre] }, outcomes: {}, description: '', order: 2, ...stampsAt(at) },
    { id: '00000000-0000-4000-8000-00000000000a', projectId: study.snapshot.project.id, name: 'BU', scope: { kind: 'site', siteId: ids.sites.BU }, outcomes: {}, description: '', order: 0, ...stampsAt(at) },
    { id: '00000000-0000-4000-8000-00000000000b', projectId: study.snapshot.project.id, name: 'KA pre', scope: { kind: 'site-phase', siteId: ids.sites.KA, phaseId: ids.phases.pre }, outcomes: {}, description: '', order: 1, ...stampsAt(at) },
  ];
  const withCases = { ...design, cases };
  const m = computeCodeMatrix(index, withCases, { grouping: { kind: 'case' }, filter: NO_FILTER });

  it('has a column per case in the cases’ order, each with the text of its documents', () => {
    expect(m.groupingLabel).toBe('case');
    expect(m.columns.map((c) => [c.label, c.documents, c.words, c.codePoints])).toEqual([
      ['BU', 2, 15, 80],
      ['KA pre', 1, 4, 21],
      ['Pre set', 2, 14, 75],
    ]);
  });

  it('counts a document in every case that holds it', () => {
    expect(row(m, ids.codes.inner, 'codings')).toEqual([3, 1, 3]);
    expect(row(m, ids.codes.culture, 'codings')).toEqual([2, 1, 3]);
    expect(row(m, ids.codes.inner, 'coverage')).toEqual([(26 + 17) / 80, 7 / 21, (26 + 7) / 75]);
    const passages = cellPassages(index, withCases, m, ids.codes.inner, cases[0]?.id ?? '');
    expect(passages.map((p) => p.coding.id).sort()).toEqual([codings.c1, codings.c2, codings.c3, codings.c7, codings.c6].map((c) => c?.id).sort());
  });

  it('honours the filters: one coder', () => {
    const coderB = computeCodeMatrix(index, withCases, { grouping: { kind: 'case' }, filter: { ...NO_FILTER, coderIds: [ids.coders.B] } });
    // Coder B: c2 and c7 in BU pre, c6 in KA pre.
    expect(row(coderB, ids.codes.inner, 'codings')).toEqual([2, 1, 3]);
  });
});

describe('pre vs post', () => {
  it('puts the phases of each site side by side with the change of each figure', () => {
    const comparison = comparePrePost(index, design, ids.codes.inner, NO_FILTER);
    expect(comparison.sites.map((s) => [s.siteLabel, s.phases.map((p) => p.phaseLabel)])).toEqual([
      ['BU', ['pre', 'post']],
      ['KA', ['pre', 'post']],
    ]);
    const [bu, ka] = comparison.sites;
    expect(bu?.phases.map((p) => p.figures.passages)).toEqual([2, 1]);
    expect(bu?.phases[0]?.passages.map((p) => p.citation)).toEqual(['BU pre 2', 'BU pre 2', 'BU pre 2', 'BU pre 3']);
    const change = (key: string) => bu?.changes[0]?.figures.find((f) => f.key === key);
    expect(change('passages')).toEqual({ key: 'passages', from: 2, to: 1, difference: -1 });
    expect(change('per1000Words')).toEqual({ key: 'per1000Words', from: 200, to: 200, difference: 0 });
    expect(change('coverage')?.difference).toBeCloseTo(17 / 26 - 26 / 54, 12);
    // KA has no post documents: no share to compare.
    expect(ka?.changes[0]?.figures.find((f) => f.key === 'coverage')).toEqual({ key: 'coverage', from: 7 / 21, to: null, difference: null });
  });
});

describe('co-occurrence', () => {
  it('counts overlapping passages, with c = n12 / (n1 + n2 - n12)', () => {
    const m = computeCoOccurrence(index, design, { codeIds: [ids.codes.culture, ids.codes.leadership, ids.codes.cost], mode: 'overlap', filter: NO_FILTER });
    // Culture: 3 passages, Leadership: 2, Cost: 1; Culture and Leadership overlap once ("helped").
    expect(m.counts).toEqual([
      [3, 1, 0],
      [1, 2, 0],
      [0, 0, 1],
    ]);
    expect(m.coefficients[0]?.[1]).toBe(1 / 4);
    expect(m.coefficients[0]?.[2]).toBe(0);
    const passages = coOccurrencePassages(index, design, m, ids.codes.culture, ids.codes.leadership);
    expect(passages.map((p) => p.coding.id).sort()).toEqual([codings.c1?.id, codings.c2?.id].sort());
  });

  it('counts shared paragraphs in paragraph mode', () => {
    const m = computeCoOccurrence(index, design, { codeIds: [ids.codes.culture, ids.codes.cost], mode: 'paragraph', filter: NO_FILTER });
    // "Money" (Culture) and "was short" (Cost) do not overlap but share BU 3.
    expect(m.counts).toEqual([
      [3, 1],
      [1, 1],
    ]);
    expect(m.coefficients[0]?.[1]).toBe(1 / 3);
    const passages = coOccurrencePassages(index, design, m, ids.codes.culture, ids.codes.cost);
    expect(passages.map((p) => p.coding.id).sort()).toEqual([codings.c4?.id, codings.c7?.id].sort());
    expect(m.method).toMatch(/paragraphs/);
  });

  it('honours the filters', () => {
    const m = computeCoOccurrence(index, design, { codeIds: [ids.codes.culture, ids.codes.leadership], mode: 'overlap', filter: { ...NO_FILTER, coderIds: [ids.coders.A] } });
    expect(m.counts).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });

  it('makes a speaker turn of consecutive paragraphs of one speaker', () => {
    const p = (speakerId: string | null) => ({ n: 0, start: 0, end: 0, utteranceStart: 0, speakerId, timestamps: [] });
    expect([...paragraphTurns({ paragraphs: [p('a'), p('a'), p('b'), p(null), p(null), p('a')] })]).toEqual([0, 0, 1, 2, 3, 4]);
  });
});

// Random codings over the small study's documents, codes and coders.
const randomCodings = fc.array(
  fc.record({ document: fc.nat(2), code: fc.nat(4), coder: fc.boolean(), start: fc.nat(80), length: fc.integer({ min: 1, max: 30 }) }),
  { maxLength: 40 },
);

function studyWith(drawn: readonly { document: number; code: number; coder: boolean; start: number; length: number }[], leavesOnly: boolean): ProjectSnapshot {
  const { snapshot } = study;
  const leaves = [ids.codes.culture, ids.codes.leadership, ids.codes.cost];
  const all = [ids.codes.inner, ...leaves, ids.codes.innovation];
  const list: Coding[] = drawn.map((d, i) => {
    const document = snapshot.documents[d.document] as ProjectSnapshot['documents'][number];
    const start = Math.min(d.start, document.length - 1);
    const codeId = (leavesOnly ? leaves[d.code % leaves.length] : all[d.code]) as string;
    return {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      projectId: snapshot.project.id,
      documentId: document.id,
      codeId,
      start,
      end: Math.min(document.length, start + d.length),
      ...stampsAt('2026-02-01T09:00:00.000Z', d.coder ? ids.coders.A : ids.coders.B),
    };
  });
  return { ...snapshot, codings: list };
}

const groupings: readonly ColumnGrouping[] = [{ kind: 'site-phase' }, { kind: 'speaker-role' }, { kind: 'document-kind' }];

describe('the per-document table, summed', () => {
  it('gives every document grouping and filter the figures counted from the codings', async () => {
    const { synthesizeStudy } = await import('#shared/synth/synthesize-study');
    const { defaultCasesChange } = await import('#shared/ratings/cases');
    const { applyChange } = await import('#shared/model/change');
    const { seededRandom: random, seededUuidGenerator: ids } = await import('#shared/model/ids');
    const synth = synthesizeStudy({ documents: 8, wordsPerDocument: 400, codes: 20, codings: 300, coders: 2, seed: 3 });
    const studies = [study.snapshot, synth].map((snapshot) => {
      const withCases = applyChange(snapshot, defaultCasesChange(snapshot, 'site-phase', ids(random(1)), '2026-01-01T00:00:00.000Z', null));
      return { snapshot: withCases, index: buildProjectIndex(withCases) };
    });
    const groupings: ColumnGrouping[] = [
      { kind: 'all' },
      { kind: 'site' },
      { kind: 'phase' },
      { kind: 'site-phase' },
      { kind: 'phase-site' },
      { kind: 'document-kind' },
      { kind: 'document-attribute', key: 'district' },
      { kind: 'case' },
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...studies),
        fc.constantFrom(...groupings),
        fc.subarray(['moderator', 'participant', 'unknown'] as const),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        ({ snapshot, index: source }, grouping, speakerRoles, oneCoder, oneSite, transcripts) => {
          const filter = {
            ...NO_FILTER,
            speakerRoles,
            coderIds: oneCoder ? [snapshot.coders[0]?.id ?? ''] : [],
            siteIds: oneSite ? [snapshot.sites[0]?.id ?? ''] : [],
            kinds: transcripts ? (['transcript'] as const) : [],
          };
          const query = { grouping, filter };
          const summed = computeCodeMatrix(source, snapshot, query);
          const counted = computeFromCodings(source, snapshot, query);
          expect(summed.columns).toEqual(counted.columns);
          expect(summed.rows.map((r) => [r.code.id, r.cells, r.totalPassages])).toEqual(counted.rows.map((r) => [r.code.id, r.cells, r.totalPassages]));
          expect(summed.filterLabel).toBe(counted.filterLabel);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('matrix invariants', () => {
  it('a parent counts at most its own and its children’s passages, and covers at least what each child covers', () => {
    fc.assert(
      fc.property(randomCodings, fc.constantFrom(...groupings), fc.boolean(), (drawn, grouping, leavesOnly) => {
        const snapshot = studyWith(drawn, leavesOnly);
        const idx = buildProjectIndex(snapshot);
        const m = computeCodeMatrix(idx, snapshot, { grouping, filter: NO_FILTER });
        for (const parent of m.rows.filter((r) => r.hasChildren)) {
          const children = m.rows.filter((r) => r.parentId === parent.code.id);
          const ownOnly = computeCodeMatrix(
            { ...idx, childCodes: new Map(), codeById: new Map([[parent.code.id, { ...parent.code, parentId: null }]]) },
            snapshot,
            { grouping, filter: NO_FILTER },
          ).rows[0];
          parent.cells.forEach((cell, i) => {
            const kids = children.map((c) => c.cells[i] as (typeof c.cells)[number]);
            const own = ownOnly?.cells[i]?.passages ?? 0;
            // Union, not sum: never more than the parts; a parent's coding can join two child passages into one.
            expect(cell.passages).toBeLessThanOrEqual(own + kids.reduce((s, k) => s + k.passages, 0));
            if (kids.some((k) => k.passages > 0)) expect(cell.passages).toBeGreaterThan(0);
            expect(cell.documents).toBeGreaterThanOrEqual(Math.max(...kids.map((k) => k.documents)));
            expect(cell.speakers).toBeGreaterThanOrEqual(Math.max(...kids.map((k) => k.speakers)));
            expect(cell.coveredCodePoints).toBeGreaterThanOrEqual(Math.max(...kids.map((k) => k.coveredCodePoints)));
            expect(cell.coveredCodePoints).toBeLessThanOrEqual(kids.reduce((s, k) => s + k.coveredCodePoints, 0) + (ownOnly?.cells[i]?.coveredCodePoints ?? 0));
          });
        }
      }),
      { numRuns: 80 },
    );
  });

  it('shares stay in [0, 1], row percentages add up to 100, and a cell’s passages are those retrieval finds', () => {
    fc.assert(
      fc.property(randomCodings, fc.constantFrom(...groupings), fc.boolean(), (drawn, grouping, oneCoder) => {
        const snapshot = studyWith(drawn, false);
        const idx = buildProjectIndex(snapshot);
        const filter = oneCoder ? { ...NO_FILTER, coderIds: [ids.coders.A] } : NO_FILTER;
        const m = computeCodeMatrix(idx, snapshot, { grouping, filter });
        for (const r of m.rows) {
          for (const measure of MATRIX_MEASURES) {
            for (let i = 0; i < m.columns.length; i++) {
              const value = cellValue(m, r, i, measure);
              if (value === null) continue;
              expect(value).toBeGreaterThanOrEqual(0);
              if (measure === 'coverage') expect(value).toBeLessThanOrEqual(1);
              if (measure.endsWith('percent')) expect(value).toBeLessThanOrEqual(100 + 1e-9);
            }
          }
          if (r.totalPassages > 0) {
            const sum = m.columns.reduce((s, _, i) => s + (cellValue(m, r, i, 'row-percent') ?? 0), 0);
            expect(sum).toBeCloseTo(100, 9);
          }
          m.columns.forEach((column, i) => {
            const passages = cellPassages(idx, snapshot, m, r.code.id, column.key);
            // The passages behind a cell, merged per document, are exactly as many as the cell counts.
            const byDocument = new Map<string, { start: number; end: number }[]>();
            for (const p of passages) byDocument.set(p.document.id, [...(byDocument.get(p.document.id) ?? []), p.coding]);
            const merged = [...byDocument.values()].reduce((s, list) => s + unionOfIntervals(list).length, 0);
            expect(merged).toBe(r.cells[i]?.passages);
          });
        }
      }),
      { numRuns: 60 },
    );
  });

  it('co-occurrence coefficients are in [0, 1] and symmetric, with n12 at most n1 and n2', () => {
    fc.assert(
      fc.property(randomCodings, fc.constantFrom('overlap' as const, 'paragraph' as const, 'turn' as const), (drawn, mode) => {
        const snapshot = studyWith(drawn, false);
        const codeIds = snapshot.codes.map((c) => c.id);
        const m = computeCoOccurrence(buildProjectIndex(snapshot), snapshot, { codeIds, mode, filter: NO_FILTER });
        m.counts.forEach((line, i) =>
          line.forEach((n12, j) => {
            expect(n12).toBe(m.counts[j]?.[i]);
            expect(n12).toBeLessThanOrEqual(Math.min(m.counts[i]?.[i] ?? 0, m.counts[j]?.[j] ?? 0));
            const c = m.coefficients[i]?.[j];
            if (c !== null && c !== undefined) {
              expect(c).toBeGreaterThanOrEqual(0);
              expect(c).toBeLessThanOrEqual(1);
            }
          }),
        );
      }),
      { numRuns: 60 },
    );
  });
});

describe('the command line’s list of measures', () => {
  it('is the matrix’s', async () => {
    const { matrixVerb } = await import('../../../../cli/verbs/matrix.ts');
    expect(matrixVerb.options.count?.description).toBe(`What a cell shows: ${MATRIX_MEASURES.join(', ')}.`);
  });
});
