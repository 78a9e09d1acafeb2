/**
 * Compare > Ratings: the CFIR construct x case rating matrix (rating-rules.md). Cases are made by default one per
 * site or per site and phase; each case's implementation outcome groups it; each cell opens an editor where the
 * rating, a summary and a rationale are written from the pooled coded passages of that construct in that case, some
 * of them ticked as evidence. Each save is one undoable change. Under the matrix: the legend and the rule in force.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { codingById, type ProjectIndex } from '#shared/index/project-index';
import type { StudyDesign } from '#shared/compare/groupings';
import type { Case, Code, RatingValue, Uuid } from '#shared/model/types';
import { randomUuid, systemClock } from '#shared/model/ids';
import { segmentText } from '#shared/coding/retrieve-segments';
import { needsLightText } from '#shared/compare/figures';
import { constructPassages, defaultCasesChange, setCaseOutcomeChange, type DefaultCaseScheme } from '#shared/ratings/cases';
import { ratingOfCell, ratingOnScale, setRatingChange, STORED_RATING_VALUES } from '#shared/ratings/rating-edits';
import { computeRatingMatrix, caseOutcome, OUTCOME_KEY, ratingMatrixCsv, type RatingMatrix } from '#shared/ratings/rating-matrix';
import { prePostRatings, prePostRatingsCsv, RATING_CHANGE_LABELS, sitesWithPhaseCases } from '#shared/ratings/pre-post-ratings';
import { DISTINGUISHING_LABELS, RATING_LEGEND, ratingLabel } from '#shared/ratings/distinguishing-constructs';
import { projectDistinguishingRule } from '#shared/ratings/distinguishing-rule-setting';
import { ratingFill, ratingMatrixSvg } from '#shared/ratings/rating-matrix-figure';
import { changeProject, useWorkspace } from '../../state/workspace-store.ts';
import { plural } from '../../app/format.ts';
import { exportFigure } from './figure-export.ts';
import { RuleEditor } from './rule-editor.tsx';

const coder = (): Uuid | null => useWorkspace.getState().currentCoderId;

const VALUE_MEANINGS: Readonly<Record<RatingValue, string>> = Object.fromEntries(
  RATING_LEGEND.map((entry) => [ratingLabel(entry.value), entry.meaning]),
) as Record<RatingValue, string>;

const cellDomId = (caseId: Uuid, codeId: Uuid) => `rating-cell-${caseId}-${codeId}`;

function makeDefaultCases(scheme: DefaultCaseScheme): Promise<unknown> {
  return changeProject(scheme === 'site' ? 'Make one case per site' : 'Make one case per site and phase', (snapshot) => ({
    change: defaultCasesChange(snapshot, scheme, randomUuid, systemClock(), coder()),
    result: undefined,
  }));
}

function setOutcome(c: Case, outcome: string): Promise<unknown> {
  return changeProject(`Set ${c.name}’s implementation outcome`, (snapshot) => ({ change: setCaseOutcomeChange(snapshot, c.id, OUTCOME_KEY, outcome), result: undefined }));
}

/** The Ratings panel of the Compare view. */
export function RatingsPanel({ index, design, projectName }: { index: ProjectIndex; design: StudyDesign; projectName: string }) {
  const codes = useWorkspace((s) => s.snapshot?.codes);
  const cases = useWorkspace((s) => s.snapshot?.cases);
  const ratings = useWorkspace((s) => s.snapshot?.ratings);
  const [open, setOpen] = useState<{ caseId: Uuid; codeId: Uuid } | null>(null);
  const project = useWorkspace((s) => s.snapshot?.project);
  const rule = useMemo(() => projectDistinguishingRule(project ?? {}), [project]);
  const matrix = useMemo(() => (codes && cases && ratings ? computeRatingMatrix({ codes, cases, ratings }, rule) : null), [codes, cases, ratings, rule]);
  if (!matrix) return null;
  const title = `${projectName}: CFIR construct ratings by case`;
  const svg = () =>
    ratingMatrixSvg({
      title,
      constructs: matrix.rows.map((r) => ({ name: r.code.name, label: r.distinguishing.label })),
      cases: matrix.cases.map((c) => ({ label: c.name, outcome: caseOutcome(c) })),
      ratings: matrix.rows.map((r) => r.values),
      rule,
    });
  const openCase = open ? matrix.cases.find((c) => c.id === open.caseId) : undefined;
  const openCode = open ? matrix.rows.find((r) => r.code.id === open.codeId)?.code : undefined;
  const close = () => {
    const target = open;
    setOpen(null);
    if (target) requestAnimationFrame(() => document.getElementById(cellDomId(target.caseId, target.codeId))?.focus());
  };

  return (
    <section className="compare-figure ratings" aria-labelledby="ratings-title">
      <div className="compare-figure-head">
        <h3 id="ratings-title">{title}</h3>
        {matrix.cases.length > 0 && (
          <div className="compare-exports" role="group" aria-label="Export the rating matrix">
            <button type="button" onClick={() => void exportFigure('svg', title, svg)}>
              Export SVG
            </button>
            <button type="button" onClick={() => void exportFigure('png', title, svg)}>
              Export PNG
            </button>
            <button type="button" onClick={() => void exportFigure('csv', title, () => ratingMatrixCsv(matrix))}>
              Export CSV
            </button>
            <button
              type="button"
              onClick={() =>
                void exportFigure('docx', title, async () =>
                  (await import('#shared/export/compare-docx')).ratingMatrixDocx(matrix, { title, subtitle: `Exported from Tessera: ${matrix.cases.length} cases, ${matrix.rows.length} constructs.` }),
                )
              }
            >
              Export Word
            </button>
          </div>
        )}
      </div>
      {matrix.cases.length === 0 ? (
        <div className="ratings-no-cases">
          <p>A rating is made per case (the setting compared, e.g. a clinic). The project has no cases yet.</p>
          <button type="button" onClick={() => void makeDefaultCases('site')} disabled={design.sites.length === 0}>
            Make one case per site
          </button>
          <button type="button" onClick={() => void makeDefaultCases('site-phase')} disabled={design.sites.length === 0 || design.phases.length === 0}>
            Make one case per site and phase
          </button>
          {design.sites.length === 0 && <p>Give documents a site first (Import).</p>}
        </div>
      ) : matrix.rows.length === 0 ? (
        <p className="empty">The project has no CFIR constructs to rate: add the CFIR codebook.</p>
      ) : (
        <div className="heat-map-scroll">
          <table className="heat-map rating-matrix">
            <caption className="visually-hidden">CFIR constructs by case; select a cell to write its rating from the pooled passages.</caption>
            <thead>
              <tr>
                <th scope="col" className="heat-map-corner">
                  Construct
                </th>
                {matrix.cases.map((c) => (
                  <th key={c.id} scope="col">
                    <span className="heat-map-column">{c.name}</span>
                    <label className="rating-outcome">
                      <span className="visually-hidden">{c.name} implementation outcome</span>
                      <select value={caseOutcome(c)} onChange={(e) => void setOutcome(c, e.target.value)}>
                        <option value="">outcome –</option>
                        <option value={rule.highOutcome}>{rule.highOutcome}</option>
                        <option value={rule.lowOutcome}>{rule.lowOutcome}</option>
                      </select>
                    </label>
                  </th>
                ))}
                <th scope="col">Pattern</th>
              </tr>
            </thead>
            <tbody>
              {matrix.rows.map((row) => (
                <tr key={row.code.id}>
                  <th scope="row" style={{ paddingLeft: `${0.4 + Math.max(0, row.depth - 1) * 1.1}rem` }} title={row.path.join(' › ')}>
                    {row.code.name}
                  </th>
                  {matrix.cases.map((c, i) => {
                    const cell = row.cells[i];
                    const value = row.values[i] ?? 'M';
                    const written = cell?.value ?? null;
                    const fill = written === null ? '#ffffff' : ratingFill(value);
                    const shown = written === null ? '·' : ratingLabel(value);
                    return (
                      <td key={c.id}>
                        <button
                          id={cellDomId(c.id, row.code.id)}
                          type="button"
                          className="heat-map-cell rating-cell"
                          aria-pressed={open?.caseId === c.id && open.codeId === row.code.id}
                          style={{ background: fill, color: written === 'M' || written === null ? '#555555' : needsLightText(fill) ? '#ffffff' : '#111111' }}
                          aria-label={`${row.code.name} in ${c.name}: ${written === null ? 'not rated' : `${shown}${cell?.evidenceCodingIds.length ? `, ${plural(cell.evidenceCodingIds.length, 'passage')} as evidence` : ''}`}`}
                          title={cell?.summary || undefined}
                          onClick={() => setOpen({ caseId: c.id, codeId: row.code.id })}
                        >
                          {shown}
                        </button>
                      </td>
                    );
                  })}
                  <td className="rating-pattern">{DISTINGUISHING_LABELS[row.distinguishing.label]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open && openCase && openCode && <RatingEditor key={`${open.caseId} ${open.codeId}`} index={index} design={design} ratedCase={openCase} code={openCode} onClose={close} />}
      {matrix.cases.length > 0 && (
        <div className="compare-method rating-notes">
          <ul className="rating-legend" aria-label="Rating legend">
            {RATING_LEGEND.map((entry) => (
              <li key={String(entry.value)}>
                <span className="rating-swatch" style={{ background: ratingFill(entry.value) }} aria-hidden="true" />
                <strong>{ratingLabel(entry.value)}</strong> {entry.meaning}
              </li>
            ))}
          </ul>
          <p>
            <strong>Distinguishing constructs.</strong> {matrix.ruleText}
          </p>
          <RuleEditor key={JSON.stringify(rule)} rule={rule} />
        </div>
      )}
      {matrix.rows.length > 0 && <PrePostRatingsTable matrix={matrix} design={design} projectName={projectName} />}
    </section>
  );
}

/** The editor of one cell: rating, summary, rationale, and the pooled passages with the evidence ticked. */
function RatingEditor({ index, design, ratedCase, code, onClose }: { index: ProjectIndex; design: StudyDesign; ratedCase: Case; code: Code; onClose: () => void }) {
  const existing = useWorkspace((s) => (s.snapshot ? ratingOfCell(s.snapshot.ratings, ratedCase.id, code.id) : undefined));
  const passages = useMemo(() => constructPassages(index, design, ratedCase.scope, code.id), [index, design, ratedCase.scope, code.id]);
  const [value, setValue] = useState<RatingValue | ''>(existing?.value ?? '');
  const [summary, setSummary] = useState(existing?.summary ?? '');
  const [rationale, setRationale] = useState(existing?.rationale ?? '');
  const [evidence, setEvidence] = useState<ReadonlySet<Uuid>>(() => new Set((existing?.evidenceCodingIds ?? []).filter((id) => codingById(index, id) !== undefined)));
  const [error, setError] = useState('');
  // Quotes are cited as papers cite them: "BU 45, pre".
  const phaseNames = useMemo(() => new Map(design.phases.map((phase) => [phase.id, phase.name])), [design.phases]);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  const headingId = 'rating-editor-title';
  const toggle = (id: Uuid) =>
    setEvidence((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const save = async () => {
    setError('');
    try {
      await changeProject(`Rate “${code.name}” in ${ratedCase.name}`, (snapshot) => ({
        change: setRatingChange(
          snapshot,
          { caseId: ratedCase.id, codeId: code.id },
          { value: value === '' ? null : value, summary, rationale, evidenceCodingIds: passages.map((p) => p.coding.id).filter((id) => evidence.has(id)) },
          randomUuid,
          systemClock(),
          coder(),
        ),
        result: undefined,
      }));
      onClose();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };
  return (
    <section
      className="rating-editor"
      aria-labelledby={headingId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <h4 id={headingId}>
        {code.name} in {ratedCase.name}
      </h4>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="rating-editor-fields">
          <label>
            Rating
            <select ref={first} value={value} onChange={(e) => setValue(e.target.value as RatingValue | '')}>
              <option value="">not rated yet</option>
              {STORED_RATING_VALUES.map((v) => (
                <option key={v} value={v}>
                  {v}: {VALUE_MEANINGS[ratingLabel(ratingOnScale(v)) as RatingValue]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Summary
            <input type="text" value={summary} onChange={(e) => setSummary(e.target.value)} />
          </label>
          <label>
            Rationale
            <textarea rows={3} value={rationale} onChange={(e) => setRationale(e.target.value)} />
          </label>
        </div>
        <fieldset className="rating-evidence">
          <legend>
            Pooled passages of {code.name} in {ratedCase.name}: {plural(passages.length, 'passage')}, {evidence.size} chosen as evidence
          </legend>
          {passages.length === 0 ? (
            <p className="empty">No passage of this construct is coded in this case.</p>
          ) : (
            <ul>
              {passages.map((p) => (
                <li key={p.coding.id}>
                  <label>
                    <input type="checkbox" checked={evidence.has(p.coding.id)} onChange={() => toggle(p.coding.id)} />
                    <span className="rating-citation">
                      {p.citation}
                      {phaseNames.get(p.document.attributes.phaseId ?? '') ? `, ${phaseNames.get(p.document.attributes.phaseId ?? '')}` : ''}
                      {p.code.id !== code.id ? ` · ${p.code.name}` : ''}
                    </span>{' '}
                    <q>{segmentText(p)}</q>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
        {error && (
          <p role="alert" className="rating-error">
            {error}
          </p>
        )}
        <div className="rating-editor-actions">
          <button type="submit">Save rating</button>
          <button type="button" className="quiet" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}

/** Pre -> post: one site's ratings in each of its phases side by side, with what changed. */
function PrePostRatingsTable({ matrix, design, projectName }: { matrix: RatingMatrix; design: StudyDesign; projectName: string }) {
  const sites = sitesWithPhaseCases(matrix, design);
  const [chosen, setChosen] = useState<Uuid | null>(null);
  const siteId = sites.some((s) => s.id === chosen) ? chosen : (sites[0]?.id ?? null);
  // Cheap (one pass over the matrix rows): computed on each draw.
  const table = siteId ? prePostRatings(matrix, design, siteId) : null;
  return (
    <section className="pre-post-ratings" aria-labelledby="pre-post-ratings-title">
      <div className="compare-figure-head">
        <h4 id="pre-post-ratings-title">Ratings pre → post{table ? ` at ${table.site.code}` : ''}</h4>
        {table && (
          <div className="compare-exports" role="group" aria-label="Export the pre → post ratings">
            <label>
              Site{' '}
              <select value={siteId ?? ''} onChange={(e) => setChosen(e.target.value)}>
                {sites.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.code}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={() => void exportFigure('csv', `${projectName}: ratings pre to post at ${table.site.code}`, () => prePostRatingsCsv(table))}>
              Export CSV
            </button>
          </div>
        )}
      </div>
      {!table ? (
        <div className="ratings-no-cases">
          <p>Comparing a site’s ratings across phases needs one case per site and phase.</p>
          <button type="button" onClick={() => void makeDefaultCases('site-phase')} disabled={design.sites.length === 0 || design.phases.length < 2}>
            Make one case per site and phase
          </button>
        </div>
      ) : (
        <>
          <table className="heat-map rating-matrix pre-post-ratings-table">
            <caption className="visually-hidden">Ratings of each construct at {table.site.code} in each phase, with what changed.</caption>
            <thead>
              <tr>
                <th scope="col" className="heat-map-corner">
                  Construct
                </th>
                {table.phases.map(({ phase, ratedCase }) => (
                  <th key={phase.id} scope="col">
                    {ratedCase.name}
                  </th>
                ))}
                {table.phases.slice(1).map(({ phase }, i) => (
                  <th key={`change-${phase.id}`} scope="col">
                    {table.phases[i]?.phase.name} → {phase.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.codeId}>
                  <th scope="row" title={row.path.join(' › ')}>
                    {row.path.at(-1)}
                  </th>
                  {row.values.map((value, i) => {
                    const fill = value === undefined ? '#ffffff' : ratingFill(value);
                    return (
                      <td key={i} className="rating-static" style={{ background: fill, color: value === undefined || value === 'M' ? '#555555' : needsLightText(fill) ? '#ffffff' : '#111111' }} title={row.summaries[i] || undefined}>
                        {value === undefined ? '·' : ratingLabel(value)}
                      </td>
                    );
                  })}
                  {row.changes.map((change, i) => (
                    <td key={`c${i}`} className={`rating-change rating-change-${change.replace(' ', '-')}`}>
                      {RATING_CHANGE_LABELS[change]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="compare-method">{table.method}</p>
        </>
      )}
    </section>
  );
}
