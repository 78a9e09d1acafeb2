/**
 * Compare: the project's codes against groups of its text. A heat map of the code x groups matrix (site, phase,
 * site x phase, kind, attributes, speakers) with collapsible code rows and each column's N; any cell opens the
 * passages behind it, cited as papers cite them ("BU 45"). Also pre vs post for one code per site, code x code
 * co-occurrence, and a bar chart of passages by CFIR domain. Pictures export as SVG and PNG, tables as CSV, each
 * with the filter and the counting method written under it.
 */
import { useMemo } from 'react';
import type { ProjectIndex } from '#shared/index/project-index';
import { speakerAttributeOptions } from '#shared/coding/segment-filter';
import { segmentText, type RetrievedSegment } from '#shared/coding/retrieve-segments';
import {
  cellPassages,
  cellValue,
  computeCodeMatrix,
  formatCellValue,
  MATRIX_MEASURES,
  MEASURE_LABELS,
  type CodeMatrix,
  type MatrixMeasure,
} from '#shared/compare/code-matrix';
import { describeGrouping, type ColumnGrouping, type StudyDesign } from '#shared/compare/groupings';
import { cellFill, domainBarChartSvg, heatMapSvg, needsLightText, scaleMaximum, visibleRows } from '#shared/compare/figures';
import { codeMatrixCsv } from '#shared/compare/matrix-csv';
import { comparePrePost, PRE_POST_FIGURES } from '#shared/compare/pre-post';
import { CO_OCCURRENCE_MODES, coOccurrencePassages, computeCoOccurrence, type CoOccurrenceMode } from '#shared/compare/co-occurrence';
import { useWorkspace } from '../../state/workspace-store.ts';
import { plural } from '../../app/format.ts';
import { FilterBar } from '../retrieval/filter-bar.tsx';
import { closeCompare, openCell, setCompare, toggleRow, useCompare, type CompareTab } from './compare-store.ts';
import { exportFigure } from './figure-export.ts';
import { RatingsPanel } from './ratings-panel.tsx';
import './compare.css';

const TABS: readonly { readonly tab: CompareTab; readonly label: string }[] = [
  { tab: 'matrix', label: 'Codes x groups' },
  { tab: 'pre-post', label: 'Pre vs post' },
  { tab: 'co-occurrence', label: 'Co-occurrence' },
  { tab: 'bars', label: 'Bar chart' },
  { tab: 'ratings', label: 'Ratings' },
];

/** The grouping as a select value, and back. */
function groupingValue(grouping: ColumnGrouping): string {
  if (grouping.kind === 'document-attribute') return `document:${grouping.key}`;
  if (grouping.kind === 'speaker-attribute') return `speaker:${grouping.key}`;
  return grouping.kind;
}

function groupingFrom(value: string): ColumnGrouping {
  if (value.startsWith('document:')) return { kind: 'document-attribute', key: value.slice('document:'.length) };
  if (value.startsWith('speaker:')) return { kind: 'speaker-attribute', key: value.slice('speaker:'.length) };
  return { kind: value as Exclude<ColumnGrouping['kind'], 'document-attribute' | 'speaker-attribute'> };
}

const SIMPLE_GROUPINGS: readonly ColumnGrouping[] = [
  { kind: 'site-phase' },
  { kind: 'phase-site' },
  { kind: 'site' },
  { kind: 'phase' },
  { kind: 'document-kind' },
  { kind: 'speaker-role' },
  { kind: 'case' },
  { kind: 'all' },
];

/** The Compare view, shown in place of the coding panes. */
export function CompareView() {
  const index = useWorkspace((s) => s.index);
  const sites = useWorkspace((s) => s.snapshot?.sites);
  const phases = useWorkspace((s) => s.snapshot?.phases);
  const cases = useWorkspace((s) => s.snapshot?.cases);
  const documents = useWorkspace((s) => s.snapshot?.documents);
  const projectName = useWorkspace((s) => s.snapshot?.project.name ?? '');
  // The citation style cites the passages behind a cell; it keeps its identity until the user changes it.
  const citationStyle = useWorkspace((s) => s.snapshot?.project.citationStyle);
  const { tab, grouping, measure, filter, showNumbers } = useCompare();
  const design = useMemo<StudyDesign | null>(
    () => (sites && phases ? { sites, phases, cases: cases ?? [], project: { citationStyle } } : null),
    [sites, phases, cases, citationStyle],
  );
  const matrix = useMemo(() => (index && design ? computeCodeMatrix(index, design, { grouping, filter }) : null), [index, design, grouping, filter]);
  const documentKeys = useMemo(() => [...new Set((documents ?? []).flatMap((d) => Object.keys(d.attributes.extra)))].sort(), [documents]);
  const speakerKeys = useMemo(() => [...speakerAttributeOptions(documents ?? []).keys()], [documents]);
  if (!index || !design || !matrix) return null;

  return (
    <main className="compare" aria-labelledby="compare-title">
      <div className="compare-head">
        <h2 id="compare-title">Compare</h2>
        <div className="compare-tabs" role="group" aria-label="What to compare">
          {TABS.map((t) => (
            <button key={t.tab} type="button" aria-pressed={tab === t.tab} className={tab === t.tab ? 'selected' : 'quiet'} onClick={() => setCompare({ tab: t.tab })}>
              {t.label}
            </button>
          ))}
        </div>
        <button type="button" className="quiet compare-close" onClick={closeCompare}>
          Back to coding
        </button>
      </div>
      {/* Ratings take no grouping or filter: the cases are the columns and every passage of a case is pooled. */}
      <div className="compare-controls" style={tab === 'ratings' ? { display: 'none' } : undefined}>
        {tab !== 'bars' && tab !== 'pre-post' && tab !== 'co-occurrence' && tab !== 'ratings' && (
          <label>
            Columns
            <select value={groupingValue(grouping)} onChange={(e) => setCompare({ grouping: groupingFrom(e.target.value) })}>
              {SIMPLE_GROUPINGS.map((g) => (
                <option key={g.kind} value={g.kind}>
                  {describeGrouping(g)}
                </option>
              ))}
              {documentKeys.map((key) => (
                <option key={`d${key}`} value={`document:${key}`}>
                  {describeGrouping({ kind: 'document-attribute', key })}
                </option>
              ))}
              {speakerKeys.map((key) => (
                <option key={`s${key}`} value={`speaker:${key}`}>
                  {describeGrouping({ kind: 'speaker-attribute', key })}
                </option>
              ))}
            </select>
          </label>
        )}
        {tab === 'matrix' && (
          <>
            <label>
              Cells show
              <select value={measure} onChange={(e) => setCompare({ measure: e.target.value as MatrixMeasure })}>
                {MATRIX_MEASURES.map((m) => (
                  <option key={m} value={m}>
                    {MEASURE_LABELS[m]}
                  </option>
                ))}
              </select>
            </label>
            <label className="compare-check">
              <input type="checkbox" checked={showNumbers} onChange={(e) => setCompare({ showNumbers: e.target.checked })} />
              Numbers in cells
            </label>
          </>
        )}
        <FilterBar filter={filter} onChange={(next) => setCompare({ filter: next })} coderKeeps="codings" />
      </div>
      <div className="compare-body">
        {tab === 'matrix' && <MatrixHeatMap matrix={matrix} measure={measure} showNumbers={showNumbers} title={`${projectName}: ${MEASURE_LABELS[measure].toLowerCase()} by ${matrix.groupingLabel}`} />}
        {tab === 'pre-post' && <PrePostPanel index={index} design={design} />}
        {tab === 'co-occurrence' && <CoOccurrencePanel index={index} design={design} matrix={matrix} />}
        {tab === 'bars' && <BarChartPanel index={index} design={design} projectName={projectName} />}
        {tab === 'ratings' && <RatingsPanel index={index} design={design} projectName={projectName} />}
        <CellPassages index={index} design={design} matrix={matrix} />
      </div>
    </main>
  );
}

/** The heat map of the code matrix as an accessible table: each cell a button that opens its passages. */
function MatrixHeatMap({ matrix, measure, showNumbers, title }: { matrix: CodeMatrix; measure: MatrixMeasure; showNumbers: boolean; title: string }) {
  const collapsed = useCompare((s) => s.collapsed);
  const open = useCompare((s) => s.openCell);
  const rows = visibleRows(matrix.rows, collapsed);
  const maximum = scaleMaximum(matrix, rows, measure);
  return (
    <section className="compare-figure" aria-labelledby="heat-map-title">
      <div className="compare-figure-head">
        <h3 id="heat-map-title">{title}</h3>
        <div className="compare-exports" role="group" aria-label="Export the heat map">
          <button type="button" onClick={() => void exportFigure('svg', title, () => heatMapSvg(matrix, measure, { title, showNumbers, collapsed }))}>
            Export SVG
          </button>
          <button type="button" onClick={() => void exportFigure('png', title, () => heatMapSvg(matrix, measure, { title, showNumbers, collapsed }))}>
            Export PNG
          </button>
          <button type="button" onClick={() => void exportFigure('csv', title, () => codeMatrixCsv(matrix, measure))}>
            Export CSV
          </button>
          <button
            type="button"
            onClick={() => void exportFigure('docx', title, async () => (await import('#shared/export/compare-docx')).codeMatrixDocx(matrix, measure, { title, subtitle: 'Exported from Tessera.' }))}
          >
            Export Word
          </button>
        </div>
      </div>
      {matrix.rows.length === 0 ? (
        <p className="empty">The project has no codes yet.</p>
      ) : (
        <div className="heat-map-scroll">
          <table className="heat-map">
            <caption className="visually-hidden">
              {MEASURE_LABELS[measure]} by {matrix.groupingLabel}; select a cell to see its passages.
            </caption>
            <thead>
              <tr>
                <th scope="col" className="heat-map-corner">
                  Code
                </th>
                {matrix.columns.map((column) => (
                  <th key={column.key} scope="col">
                    <span className="heat-map-column">{column.label}</span>
                    <span className="heat-map-n" title={`${plural(column.documents, 'document')}, ${plural(column.words, 'word')}`}>
                      {column.documents} / {column.words.toLocaleString()}
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.code.id} className={row.depth === 0 ? 'heat-map-top' : undefined}>
                  <th scope="row" style={{ paddingLeft: `${0.4 + row.depth * 1.1}rem` }}>
                    {row.hasChildren ? (
                      <button
                        type="button"
                        className="heat-map-toggle"
                        aria-expanded={!collapsed.has(row.code.id)}
                        aria-label={`${collapsed.has(row.code.id) ? 'Show' : 'Hide'} the codes under ${row.code.name}`}
                        onClick={() => toggleRow(row.code.id)}
                      >
                        {collapsed.has(row.code.id) ? '▸' : '▾'}
                      </button>
                    ) : (
                      <span className="heat-map-toggle-space" aria-hidden="true" />
                    )}
                    {row.code.name}
                  </th>
                  {matrix.columns.map((column, i) => {
                    const value = cellValue(matrix, row, i, measure);
                    const fill = cellFill(value, maximum);
                    const text = formatCellValue(value, measure);
                    const selected = open?.kind === 'matrix' && open.codeId === row.code.id && open.columnKey === column.key;
                    return (
                      <td key={column.key}>
                        <button
                          type="button"
                          className={`heat-map-cell${selected ? ' selected' : ''}`}
                          style={{ background: fill, color: needsLightText(fill) ? '#ffffff' : '#111111' }}
                          aria-label={`${row.code.name}, ${column.label}: ${text} (${MEASURE_LABELS[measure].toLowerCase()})`}
                          aria-pressed={selected}
                          onClick={() => openCell(selected ? null : { kind: 'matrix', codeId: row.code.id, columnKey: column.key })}
                        >
                          {showNumbers ? text : ''}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <MethodNote filterLabel={matrix.filterLabel} method={matrix.method} />
    </section>
  );
}

function MethodNote({ filterLabel, method }: { filterLabel: string; method: string }) {
  return (
    <div className="compare-method">
      <p>
        <strong>Filter:</strong> {filterLabel || 'none (every coder, speaker and document kind)'}
      </p>
      <p>
        <strong>Method:</strong> {method}
      </p>
    </div>
  );
}

/** The passages behind the open cell, as retrieval shows them: citation, speaker, coder, code and text. */
function CellPassages({ index, design, matrix }: { index: ProjectIndex; design: StudyDesign; matrix: CodeMatrix }) {
  const open = useCompare((s) => s.openCell);
  const mode = useCompare((s) => s.coOccurrenceMode);
  const passages = useMemo(() => {
    if (!open) return [];
    if (open.kind === 'matrix') return cellPassages(index, design, matrix, open.codeId, open.columnKey);
    return coOccurrencePassages(index, design, { mode, filter: matrix.filter }, open.codeA, open.codeB);
  }, [open, index, design, matrix, mode]);
  if (!open) return null;
  const columnIndex = open.kind === 'matrix' ? matrix.columns.findIndex((c) => c.key === open.columnKey) : -1;
  const mergedPassages = open.kind === 'matrix' ? (matrix.rows.find((r) => r.code.id === open.codeId)?.cells[columnIndex]?.passages ?? null) : null;
  const heading =
    open.kind === 'matrix'
      ? `${index.codeById.get(open.codeId)?.name ?? ''} · ${matrix.columns.find((c) => c.key === open.columnKey)?.label ?? ''}`
      : `${index.codeById.get(open.codeA)?.name ?? ''} with ${index.codeById.get(open.codeB)?.name ?? ''}`;
  return (
    <aside className="compare-passages" aria-labelledby="compare-passages-title">
      <div className="compare-passages-head">
        <h3 id="compare-passages-title">{heading}</h3>
        <button type="button" className="quiet" onClick={() => openCell(null)}>
          Close
        </button>
      </div>
      <p className="compare-passages-count">
        {plural(passages.length, 'coding')}
        {mergedPassages !== null && ` in ${plural(mergedPassages, 'passage')} (overlapping codings counted once in the matrix)`}
      </p>
      <PassageList passages={passages} index={index} />
    </aside>
  );
}

function PassageList({ passages, index }: { passages: readonly RetrievedSegment[]; index: ProjectIndex }) {
  if (passages.length === 0) return <p className="empty">No passages.</p>;
  return (
    <ol className="compare-passage-list">
      {passages.slice(0, 300).map((p) => (
        <li key={p.coding.id}>
          <div className="compare-passage-meta">
            <strong className="citation">{p.citation}</strong>
            <span>{p.speaker?.label ?? 'no speaker'}</span>
            <span title="Coder">{p.coding.createdBy ? (index.coderById.get(p.coding.createdBy)?.initials ?? '?') : '–'}</span>
            <span className="compare-passage-code">{p.code.name}</span>
          </div>
          <blockquote>{segmentText(p)}</blockquote>
        </li>
      ))}
      {passages.length > 300 && <li className="empty">…and {plural(passages.length - 300, 'more passage')} (narrow the filter to see them).</li>}
    </ol>
  );
}

/** Pre vs post for one code or domain: per site, its phases side by side, with what changed. */
function PrePostPanel({ index, design }: { index: ProjectIndex; design: StudyDesign }) {
  const codeId = useCompare((s) => s.prePostCodeId);
  const filter = useCompare((s) => s.filter);
  const matrix = useMemo(() => computeCodeMatrix(index, design, { grouping: { kind: 'all' }, filter }), [index, design, filter]);
  const chosen = codeId ?? matrix.rows[0]?.code.id ?? null;
  const comparison = useMemo(() => (chosen ? comparePrePost(index, design, chosen, filter) : null), [index, design, chosen, filter]);
  return (
    <section className="compare-figure" aria-labelledby="pre-post-title">
      <div className="compare-figure-head">
        <h3 id="pre-post-title">Pre vs post</h3>
        <label>
          Code or domain
          <select value={chosen ?? ''} onChange={(e) => setCompare({ prePostCodeId: e.target.value })}>
            {matrix.rows.map((row) => (
              <option key={row.code.id} value={row.code.id}>
                {`${'\u2003'.repeat(row.depth)}${row.code.name}`}
              </option>
            ))}
          </select>
        </label>
      </div>
      {comparison?.sites.map((site) => (
        <div key={site.siteLabel} className="pre-post-site">
          <table className="pre-post-table">
            <caption>{site.siteLabel}</caption>
            <thead>
              <tr>
                <th scope="col">Figure</th>
                {site.phases.map((p) => (
                  <th key={p.phaseLabel} scope="col">
                    {p.phaseLabel}
                  </th>
                ))}
                {site.changes.map((c) => (
                  <th key={`${c.fromPhase}-${c.toPhase}`} scope="col">
                    {c.fromPhase} → {c.toPhase}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {PRE_POST_FIGURES.map((figure) => (
                <tr key={figure.key}>
                  <th scope="row">{figure.label}</th>
                  {site.phases.map((p) => (
                    <td key={p.phaseLabel}>{formatCellValue(p.figures[figure.key], figure.measure)}</td>
                  ))}
                  {site.changes.map((c) => {
                    const change = c.figures.find((f) => f.key === figure.key);
                    return (
                      <td key={`${c.fromPhase}-${c.toPhase}`}>
                        {change?.difference === null || change === undefined
                          ? '–'
                          : `${formatCellValue(change.from, figure.measure)} → ${formatCellValue(change.to, figure.measure)} (${signed(change.difference, figure.measure)})`}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <div className="pre-post-passages">
            {site.phases.map((p) => (
              <div key={p.phaseLabel}>
                <h4>
                  {site.siteLabel} {p.phaseLabel}: {plural(p.passages.length, 'coding')}
                </h4>
                <PassageList passages={p.passages} index={index} />
              </div>
            ))}
          </div>
        </div>
      ))}
      {comparison && <MethodNote filterLabel={comparison.filterLabel} method={comparison.method} />}
    </section>
  );
}

/** A difference with its sign, in the measure's format ("+4", "-1.2"). */
function signed(difference: number, measure: MatrixMeasure): string {
  const text = formatCellValue(Math.abs(difference), measure);
  return difference > 0 ? `+${text}` : difference < 0 ? `−${text}` : text;
}

/** Code x code co-occurrence of the codes the matrix shows (folded rows left out), counts and c. */
function CoOccurrencePanel({ index, design, matrix }: { index: ProjectIndex; design: StudyDesign; matrix: CodeMatrix }) {
  const mode = useCompare((s) => s.coOccurrenceMode);
  const collapsed = useCompare((s) => s.collapsed);
  const codeIds = useMemo(() => visibleRows(matrix.rows, collapsed).slice(0, 40).map((r) => r.code.id), [matrix, collapsed]);
  const result = useMemo(() => computeCoOccurrence(index, design, { codeIds, mode, filter: matrix.filter }), [index, design, codeIds, mode, matrix.filter]);
  return (
    <section className="compare-figure" aria-labelledby="co-title">
      <div className="compare-figure-head">
        <h3 id="co-title">Co-occurrence: n12 (c)</h3>
        <label>
          Together when
          <select value={mode} onChange={(e) => setCompare({ coOccurrenceMode: e.target.value as CoOccurrenceMode })}>
            {Object.entries(CO_OCCURRENCE_MODES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="heat-map-scroll">
        <table className="heat-map co-occurrence">
          <caption className="visually-hidden">Co-occurrence counts and coefficients; select a cell to see its passages.</caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              {result.codes.map((code) => (
                <th key={code.id} scope="col" className="co-column">
                  <span>{code.name}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.codes.map((a, i) => (
              <tr key={a.id}>
                <th scope="row">{a.name}</th>
                {result.codes.map((b, j) => {
                  const c = result.coefficients[i]?.[j] ?? null;
                  const n = result.counts[i]?.[j] ?? 0;
                  const fill = i === j ? '#f2f2f2' : cellFill(c, 1);
                  return (
                    <td key={b.id}>
                      <button
                        type="button"
                        className="heat-map-cell"
                        style={{ background: fill, color: needsLightText(fill) ? '#ffffff' : '#111111' }}
                        aria-label={`${a.name} with ${b.name}: ${n} together, c = ${c === null ? 'undefined' : c.toFixed(2)}`}
                        onClick={() => openCell({ kind: 'pair', codeA: a.id, codeB: b.id })}
                      >
                        {i === j ? n : `${n} (${c === null ? '–' : c.toFixed(2)})`}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <MethodNote filterLabel={result.filterLabel} method={result.method} />
    </section>
  );
}

/** Passages by CFIR domain (each top-level code) per site or per phase, as a bar chart. */
function BarChartPanel({ index, design, projectName }: { index: ProjectIndex; design: StudyDesign; projectName: string }) {
  const by = useCompare((s) => s.barsBy);
  const filter = useCompare((s) => s.filter);
  const matrix = useMemo(() => computeCodeMatrix(index, design, { grouping: { kind: by }, filter }), [index, design, by, filter]);
  const title = `${projectName}: coded passages by domain and ${by}`;
  const svg = useMemo(() => domainBarChartSvg(matrix, title), [matrix, title]);
  const description = matrix.columns
    .map((column, i) => `${column.label}: ${matrix.rows.filter((r) => r.depth === 0).map((r) => `${r.code.name} ${r.cells[i]?.passages ?? 0}`).join(', ')}`)
    .join('; ');
  return (
    <section className="compare-figure" aria-labelledby="bars-title">
      <div className="compare-figure-head">
        <h3 id="bars-title">{title}</h3>
        <label>
          Bars per
          <select value={by} onChange={(e) => setCompare({ barsBy: e.target.value as 'site' | 'phase' })}>
            <option value="site">site</option>
            <option value="phase">phase</option>
          </select>
        </label>
        <div className="compare-exports" role="group" aria-label="Export the bar chart">
          <button type="button" onClick={() => void exportFigure('svg', title, () => svg)}>
            Export SVG
          </button>
          <button type="button" onClick={() => void exportFigure('png', title, () => svg)}>
            Export PNG
          </button>
        </div>
      </div>
      {/* The SVG is made by domainBarChartSvg from escaped text only. */}
      <figure className="bar-chart" role="img" aria-label={`Bar chart. ${description}`} dangerouslySetInnerHTML={{ __html: svg }} />
    </section>
  );
}

