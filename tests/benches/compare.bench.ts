/**
 * `npm run bench compare`: the compare matrices on the benchmark study (200 transcripts of 20,000 words, 150 codes,
 * 50,000 codings, from the same generator as `tessera synth`), in Node: the matrix recomputed after a grouping or
 * filter change, and the passages behind a cell. Targets from the issue: <= 50 ms each. Drawing is not measured
 * here (the view draws only the table of the rows shown).
 */
import { synthesizeStudy } from '#shared/synth/synthesize-study';
import { buildProjectIndex } from '#shared/index/project-index';
import { NO_FILTER } from '#shared/coding/segment-filter';
import { cellPassages, computeCodeMatrix } from '#shared/compare/code-matrix';
import { computeCoOccurrence } from '#shared/compare/co-occurrence';
import type { ColumnGrouping } from '#shared/compare/groupings';
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

  const groupings: readonly [string, ColumnGrouping][] = [
    ['site x phase', { kind: 'site-phase' }],
    ['speaker role', { kind: 'speaker-role' }],
    ['document kind', { kind: 'document-kind' }],
  ];
  for (const [name, grouping] of groupings) {
    rows.push({ operation: `matrix recompute: codes x ${name}`, samplesMs: await measure(() => computeCodeMatrix(index, design, { grouping, filter: NO_FILTER }), 15), targetMs: 50 });
  }
  const coder = snapshot.coders[0]?.id ?? '';
  rows.push({
    operation: 'matrix recompute: site x phase, one coder, participants',
    samplesMs: await measure(() => computeCodeMatrix(index, design, { grouping: { kind: 'site-phase' }, filter: { ...NO_FILTER, coderIds: [coder], speakerRoles: ['participant'] } }), 15),
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
  console.log(`\n${formatTimingTable('Compare matrices (Node)', rows)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
