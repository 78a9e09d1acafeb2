/**
 * `npm run bench compare`: the compare matrices on the benchmark study (200 transcripts of 20,000 words, 150 codes,
 * 50,000 codings, from the same generator as `tessera synth`), in Node: the matrix recomputed after a grouping or
 * filter change, the passages behind a cell, and the rating matrix of every CFIR 2.0 construct x 12 cases. Targets
 * from the issue: <= 50 ms for a matrix and a cell, <= 100 ms for the rating matrix. Each "after a change" row
 * changes what it says between runs (the grouping, or the coder), so no run reuses the previous run's result.
 * Drawing in the browser is not measured here: the rating matrix row times its computation and its SVG, in Node.
 */
import { synthesizeStudy } from '#shared/synth/synthesize-study';
import { buildProjectIndex } from '#shared/index/project-index';
import { NO_FILTER } from '#shared/coding/segment-filter';
import { cellPassages, computeCodeMatrix } from '#shared/compare/code-matrix';
import { computeCoOccurrence } from '#shared/compare/co-occurrence';
import type { ColumnGrouping } from '#shared/compare/groupings';
import { applyChange } from '#shared/model/change';
import { seededRandom, seededUuidGenerator } from '#shared/model/ids';
import { casesInOrder, defaultCasesChange } from '#shared/ratings/cases';
import { setRatingChange, STORED_RATING_VALUES } from '#shared/ratings/rating-edits';
import { caseOutcome, computeRatingMatrix } from '#shared/ratings/rating-matrix';
import { ratingMatrixSvg } from '#shared/ratings/rating-matrix-figure';
import { DEFAULT_DISTINGUISHING_RULE } from '#shared/ratings/distinguishing-constructs';
import { formatTimingTable, measure, type TimingRow } from './support/timing-table.ts';

async function main(): Promise<void> {
  const started = performance.now();
  const snapshot = synthesizeStudy({ documents: 200, wordsPerDocument: 20000, codes: 150, codings: 50000, coders: 3, seed: 1 });
  const index = buildProjectIndex(snapshot);
  const design = snapshot;
  console.log(`Study: ${snapshot.documents.length} documents, ${snapshot.codes.length} codes, ${snapshot.codings.length} codings (made in ${((performance.now() - started) / 1000).toFixed(1)} s).`);

  const rows: TimingRow[] = [];
  // The first matrix counts every paragraph's words once (kept per document afterwards).
  const cold = performance.now();
  computeCodeMatrix(index, design, { grouping: { kind: 'site-phase' }, filter: NO_FILTER });
  rows.push({ operation: 'first matrix (counts the words of every paragraph)', samplesMs: [performance.now() - cold], targetMs: null });

  const withCases = applyChange(snapshot, defaultCasesChange(snapshot, 'site-phase', seededUuidGenerator(seededRandom(2)), '2026-01-01T00:00:00.000Z', null));
  const caseDesign = withCases;
  // A grouping change: each run asks for the next grouping of the cycle.
  const cycle: readonly ColumnGrouping[] = [{ kind: 'site-phase' }, { kind: 'document-kind' }, { kind: 'phase' }, { kind: 'case' }, { kind: 'site' }];
  let turn = 0;
  rows.push({
    operation: 'matrix recompute after a grouping change (site x phase, kind, phase, case, site in turn)',
    samplesMs: await measure(() => computeCodeMatrix(index, caseDesign, { grouping: cycle[turn++ % cycle.length] as ColumnGrouping, filter: NO_FILTER }), 20),
    targetMs: 50,
  });
  const [first, second] = snapshot.sites;
  rows.push({
    operation: 'matrix recompute after a site filter change (site x phase; one site, the other in turn)',
    samplesMs: await measure(() => computeCodeMatrix(index, design, { grouping: { kind: 'site-phase' }, filter: { ...NO_FILTER, siteIds: [(turn++ % 2 ? first : second)?.id ?? ''] } }), 20),
    targetMs: 50,
  });
  const coders = snapshot.coders.map((c) => c.id);
  rows.push({
    operation: 'matrix recompute after a coder filter change (site x phase, participants; coders in turn)',
    samplesMs: await measure(() => computeCodeMatrix(index, design, { grouping: { kind: 'site-phase' }, filter: { ...NO_FILTER, coderIds: [coders[turn++ % coders.length] ?? ''], speakerRoles: ['participant'] } }), 15),
    targetMs: 50,
  });
  rows.push({
    operation: 'matrix recompute: codes x speaker role (computed from the codings)',
    samplesMs: await measure(() => computeCodeMatrix(index, design, { grouping: { kind: 'speaker-role' }, filter: NO_FILTER }), 15),
    targetMs: 50,
  });

  // The busiest cell: the top-level code with the most passages, in its busiest column.
  const matrix = computeCodeMatrix(index, design, { grouping: { kind: 'site-phase' }, filter: NO_FILTER });
  let best = { codeId: '', columnKey: '', passages: -1 };
  for (const row of matrix.rows.filter((r) => r.depth === 0)) {
    row.cells.forEach((cell, i) => {
      if (cell.passages > best.passages) best = { codeId: row.code.id, columnKey: matrix.columns[i]?.key ?? '', passages: cell.passages };
    });
  }
  rows.push({ operation: `cell passages: busiest domain cell (${best.passages} passages)`, samplesMs: await measure(() => cellPassages(index, design, matrix, best.codeId, best.columnKey), 15), targetMs: 50 });

  const shown = matrix.rows.slice(0, 40).map((r) => r.code.id);
  rows.push({ operation: 'co-occurrence of 40 codes (overlap)', samplesMs: await measure(() => computeCoOccurrence(index, design, { codeIds: shown, mode: 'overlap', filter: NO_FILTER }), 5), targetMs: null });

  // The rating matrix: every CFIR 2.0 construct x 12 cases (6 sites x 2 phases), every cell rated.
  let rated = withCases;
  const cases = casesInOrder(rated.cases).slice(0, 12);
  rated = { ...rated, cases: rated.cases.map((c, i) => ({ ...c, outcomes: { implementation: i % 2 ? 'low' : 'high' } })) };
  const constructs = rated.codes.filter((c) => c.origin.kind === 'cfir' && c.origin.version === '2.0' && c.isCodable);
  const newId = seededUuidGenerator(seededRandom(3));
  const ratings = [];
  for (const construct of constructs) {
    for (const [i, c] of cases.entries()) {
      const change = setRatingChange(rated, { caseId: c.id, codeId: construct.id }, { value: STORED_RATING_VALUES[(i + construct.name.length) % STORED_RATING_VALUES.length] ?? 'M', summary: '', rationale: '', evidenceCodingIds: [] }, newId, '2026-01-01T00:00:00.000Z', null);
      ratings.push(...(change.put?.ratings ?? []));
    }
  }
  rated = { ...rated, ratings };
  const drawRatings = () => {
    const matrix = computeRatingMatrix(rated, DEFAULT_DISTINGUISHING_RULE);
    return ratingMatrixSvg({
      title: 'Ratings',
      constructs: matrix.rows.map((r) => ({ name: r.code.name, label: r.distinguishing.label })),
      cases: matrix.cases.map((c) => ({ label: c.name, outcome: caseOutcome(c) })),
      ratings: matrix.rows.map((r) => r.values),
      rule: matrix.rule,
    });
  };
  rows.push({ operation: `rating matrix: ${constructs.length} CFIR 2.0 constructs x ${cases.length} cases, computed and drawn as SVG`, samplesMs: await measure(drawRatings, 20), targetMs: 100 });
  console.log(`\n${formatTimingTable('Compare matrices (Node)', rows)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
