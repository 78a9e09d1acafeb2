/**
 * Where coders agree and differ: the agreement table of two or more coders (per code, per CFIR domain, all codes)
 * with the four counts beside every two-coder figure, each pair's figures beside three or more coders' alpha,
 * agreement on CFIR ratings, and the method paragraphs, exported to CSV or Word; and the disagreements of a pair of
 * coders, largest first, each shown in its transcript, opened in the reader or settled into the consensus coder.
 */
import { cloneElement, useEffect, useId, useMemo, useState, type ReactElement } from 'react';
import {
  agreementMethod,
  agreementRows,
  AGREEMENT_COLUMNS,
  documentRows,
  pairRows,
  PAIRWISE_NOTE,
  ratingSummary,
  rowCells,
  type AgreementRow,
} from '#shared/agreement/agreement-report';
import { codingCoder } from '#shared/agreement/coded-units';
import { consensusCoder, disagreementsBetween, settlementOf, transcriptContext, type Disagreement, type Settlement } from '#shared/agreement/disagreements';
import { AGREEMENT_UNITS, type AgreementResult, type AgreementUnit, type PairAgreement } from '#shared/agreement/project-agreement';
import type { RatingAgreement } from '#shared/agreement/rating-agreement';
import { codePath } from '#shared/codebook/code-tree';
import { paragraphSpan } from '#shared/coding/paragraph-label';
import { documentLabel } from '#shared/coding/citation-labels';
import { documentSlice } from '#shared/index/text-maps';
import type { ProjectSnapshot, Uuid } from '#shared/model/types';
import { useWorkspace } from '../../state/workspace-store.ts';
import { plural } from '../../app/format.ts';
import { ModalDialog } from '../../app/modal-dialog.tsx';
import {
  agreementWorker,
  closeAgreementView,
  exportAgreementCsv,
  exportAgreementDocx,
  openPassage,
  setAgreementView,
  settle,
  toggleAgreementCoder,
  useAgreementView,
  type AgreementTab,
} from './agreement-store.ts';
import './agreement.css';

/** Column headings on screen: the exports spell them out (AGREEMENT_COLUMNS); here they must fit beside the code. */
const SCREEN_COLUMNS = ['Code', 'Units', 'n11', 'n10', 'n01', 'n00', 'Percent', 'Cohen’s κ', 'κ 95% CI', 'Krippendorff’s α', 'α 95% CI', 'Brennan & Prediger'];

const UNIT_LABELS: Readonly<Record<AgreementUnit, string>> = { character: 'Character', paragraph: 'Paragraph', turn: 'Speaker turn' };

/** The agreement view (a dialog over the workspace). */
export function AgreementDialog() {
  const view = useAgreementView();
  const snapshot = useWorkspace((s) => (view.open ? s.snapshot : null));
  if (!view.open || !snapshot) return null;
  return <AgreementView snapshot={snapshot} />;
}

function AgreementView({ snapshot }: { readonly snapshot: ProjectSnapshot }) {
  const view = useAgreementView();
  const titleId = useId();
  const tabs: readonly { id: AgreementTab; label: string }[] = [
    { id: 'table', label: 'Agreement table' },
    { id: 'disagreements', label: 'Disagreements and consensus' },
  ];
  const enough = view.coderIds.length >= 2;
  // Keyboard users start in the dialog on its first choice (the coders), the first field.
  return (
    <ModalDialog labelledBy={titleId} className="modal agreement-dialog" onClose={closeAgreementView} closeOnBackdrop>
        <div className="agreement-head">
          <h2 id={titleId}>Intercoder agreement</h2>
          <button type="button" className="quiet" aria-label="Close" onClick={closeAgreementView}>
            ×
          </button>
        </div>
        <div className="agreement-controls">
          <fieldset className="agreement-coders">
            <legend>Coders compared</legend>
            {snapshot.coders.map((coder) => (
              <label key={coder.id}>
                <input type="checkbox" checked={view.coderIds.includes(coder.id)} onChange={(e) => toggleAgreementCoder(coder.id, e.target.checked)} />
                {coder.name} ({coder.initials})
              </label>
            ))}
          </fieldset>
          <Field label="Unit">
            <select value={view.unit} onChange={(e) => setAgreementView({ unit: e.target.value as AgreementUnit })}>
              {AGREEMENT_UNITS.map((unit) => (
                <option key={unit} value={unit}>
                  {UNIT_LABELS[unit]}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div role="tablist" aria-label="Agreement views" className="agreement-tabs">
          {tabs.map((tab) => (
            <button
              key={tab.id}
              type="button"
              role="tab"
              id={`agreement-tab-${tab.id}`}
              aria-selected={view.tab === tab.id}
              aria-controls={`agreement-panel-${tab.id}`}
              tabIndex={view.tab === tab.id ? 0 : -1}
              className={view.tab === tab.id ? 'active' : ''}
              onClick={() => setAgreementView({ tab: tab.id })}
              onKeyDown={(e) => {
                if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                  const next = tabs[(tabs.findIndex((t) => t.id === tab.id) + 1) % tabs.length] as (typeof tabs)[number];
                  setAgreementView({ tab: next.id });
                  document.getElementById(`agreement-tab-${next.id}`)?.focus();
                }
              }}
            >
              {tab.label}
            </button>
          ))}
        </div>
        <div role="tabpanel" id={`agreement-panel-${view.tab}`} aria-labelledby={`agreement-tab-${view.tab}`} className="agreement-panel">
          {!enough ? (
            <p className="agreement-empty">Choose two or more coders.</p>
          ) : view.tab === 'table' ? (
            <AgreementTable snapshot={snapshot} coderIds={view.coderIds} unit={view.unit} />
          ) : (
            <DisagreementList snapshot={snapshot} />
          )}
        </div>
    </ModalDialog>
  );
}

/** A labelled control: the label names the control alone (not the options inside it). */
function Field({ label, children }: { readonly label: string; readonly children: ReactElement<{ id?: string }> }) {
  const id = useId();
  return (
    <div className="agreement-field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id })}
    </div>
  );
}

/** Where the worker's computation stands. */
type Computation =
  | { readonly status: 'computing' }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'ready'; readonly final: boolean; readonly result: AgreementResult; readonly pairs: readonly PairAgreement[]; readonly ratings: RatingAgreement };

/** Agreement of the chosen coders, computed in the agreement worker: the table first, then its intervals. */
function useAgreementComputation(snapshot: ProjectSnapshot, coderIds: readonly Uuid[], unit: AgreementUnit): Computation {
  const { coders, documents, codes, codings, ratings } = snapshot;
  // The texts stay here: agreement reads the documents' lengths and paragraphs only.
  const data = useMemo(
    () => ({ coders, codes, codings, ratings, documents: documents.map(({ id, name, length, paragraphs }) => ({ id, name, length, paragraphs })) }),
    [coders, documents, codes, codings, ratings],
  );
  const coderKey = coderIds.join(',');
  // Answers are kept with the request they answer, so a new request reads as "computing" until its answer comes.
  const request = useMemo(() => ({ data, coderIds: coderKey.split(','), unit }), [data, coderKey, unit]);
  const [answer, setAnswer] = useState<{ readonly request: object; readonly computation: Computation } | null>(null);
  useEffect(() => {
    const client = agreementWorker();
    client.setData(request.data);
    client.compute({ coderIds: request.coderIds, unit: request.unit }, request.coderIds, (reply) => {
      const computation: Computation =
        reply.type === 'error'
          ? { status: 'error', message: reply.message }
          : { status: 'ready', final: reply.final, result: reply.result, pairs: reply.pairs, ratings: reply.ratings };
      setAnswer({ request, computation });
    });
  }, [request]);
  return answer?.request === request ? answer.computation : { status: 'computing' };
}

function AgreementTable(props: { snapshot: ProjectSnapshot; coderIds: readonly Uuid[]; unit: AgreementUnit }) {
  const computation = useAgreementComputation(props.snapshot, props.coderIds, props.unit);
  if (computation.status === 'computing') return <p className="agreement-empty" role="status">Computing agreement…</p>;
  if (computation.status === 'error') return <p className="agreement-empty">{computation.message}</p>;
  const { result, final, pairs, ratings } = computation;
  const extras = { pairs, ratings };
  const two = result.coders.length === 2;
  return (
    <>
      {result.documents.length === 0 ? (
        <p className="agreement-empty">{two ? 'These two coders have' : 'These coders have'} not all coded any one document yet.</p>
      ) : (
        <>
          <p className="agreement-summary" role="status">
            {plural(result.documents.length, 'document')} coded by {two ? 'both' : `all ${result.coders.length} coders`}, {plural(result.codes.length, 'code')}; figures
            pooled over the documents.{final ? '' : ' Computing the 95% bootstrap intervals…'}
          </p>
          <FiguresTable label="Agreement table" rows={agreementRows(result)} intervalsPending={!final} />
          {result.documents.length > 1 && (
            <details className="agreement-documents">
              <summary>Per document ({result.documents.length}), all codes pooled within each</summary>
              <FiguresTable label="Agreement per document" rows={documentRows(result)} firstColumn="Document" />
            </details>
          )}
          {pairs.length > 0 && (
            <>
              <h3 className="agreement-method-heading">Pairs of coders</h3>
              <FiguresTable label="Agreement of each pair of coders" rows={pairRows(result, pairs)} firstColumn="Coders" />
              <p className="agreement-summary">{PAIRWISE_NOTE}</p>
            </>
          )}
        </>
      )}
      <h3 className="agreement-method-heading">CFIR ratings</h3>
      <p className="agreement-ratings">
        {ratings.pairableCells > 0 ? ratingSummary(ratings) : `No construct × case cell was rated on the −2..+2 scale by two or more of these coders.`}
      </p>
      <h3 className="agreement-method-heading">Method</h3>
      <p className="agreement-method">{final ? agreementMethod(result) : 'Stated when the intervals are computed.'}</p>
      <p className="agreement-method">{ratings.method}</p>
      <div className="modal-actions">
        <button type="button" disabled={!final} onClick={() => void exportAgreementCsv(result, extras)}>
          Export CSV…
        </button>
        <button type="button" disabled={!final} onClick={() => void exportAgreementDocx(result, extras)}>
          Export Word…
        </button>
      </div>
    </>
  );
}

function FiguresTable(props: { readonly label: string; readonly rows: readonly AgreementRow[]; readonly firstColumn?: string; readonly intervalsPending?: boolean }) {
  return (
    <div className="agreement-table-wrap" tabIndex={0} role="region" aria-label={props.label}>
      <table className="agreement-table">
        <thead>
          <tr>
            {AGREEMENT_COLUMNS.map((column, i) => (
              <th key={column} scope="col" className={i > 0 ? 'num' : ''} title={column}>
                {i === 0 && props.firstColumn ? props.firstColumn : (SCREEN_COLUMNS[i] ?? column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, r) => (
            <tr key={`${row.kind}-${r}`} className={`agreement-row-${row.kind}`}>
              {rowCells(row).map((text, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {text}
                  </th>
                ) : (
                  <td key={i} className="num">
                    {props.intervalsPending && row.kind === 'overall' && INTERVAL_COLUMNS.has(i) ? '…' : text}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The columns of the 95% intervals, which the bootstrap fills in after the table shows. */
const INTERVAL_COLUMNS = new Set([AGREEMENT_COLUMNS.indexOf('Kappa 95% CI'), AGREEMENT_COLUMNS.indexOf('Alpha 95% CI')]);

const SETTLEMENT_LABELS: Readonly<Record<Settlement, string>> = { open: 'Open', kept: 'In consensus', rejected: 'Rejected' };

function DisagreementList(props: { snapshot: ProjectSnapshot }) {
  const { snapshot } = props;
  const view = useAgreementView();
  const { documents, codings, codes, coders, memos } = snapshot;
  const pair = view.pair;
  const coderA = pair?.[0] ?? null;
  const coderB = pair?.[1] ?? null;
  const all = useMemo(() => (coderA && coderB ? disagreementsBetween({ documents, codings }, coderA, coderB) : []), [documents, codings, coderA, coderB]);
  const consensus = consensusCoder({ coders });
  const consensusCodings = useMemo(() => (consensus ? codings.filter((c) => codingCoder(c) === consensus.id) : []), [codings, consensus]);
  const codeIds = useMemo(() => [...new Set(all.map((d) => d.codeId))], [all]);
  const documentIds = useMemo(() => [...new Set(all.map((d) => d.documentId))], [all]);
  const shown = all
    .map((disagreement) => ({ disagreement, settlement: settlementOf({ coders, codings, memos }, disagreement, consensusCodings) }))
    .filter(
      ({ disagreement, settlement }) =>
        (view.codeId === null || disagreement.codeId === view.codeId) &&
        (view.documentId === null || disagreement.documentId === view.documentId) &&
        (view.show === 'all' || settlement === 'open'),
    );
  const nameOf = (id: Uuid) => coders.find((c) => c.id === id)?.name ?? 'a coder';
  const openCount = shown.filter((s) => s.settlement === 'open').length;
  const listed = shown.slice(0, 200);
  const selected = listed.find((s) => s.disagreement.key === view.selectedKey) ?? listed[0];
  const pairs: [Uuid, Uuid][] = [];
  view.coderIds.forEach((a, i) => view.coderIds.slice(i + 1).forEach((b) => pairs.push([a, b])));
  return (
    <>
      <div className="agreement-controls">
        <Field label="Coder pair">
          <select
            value={pair ? `${pair[0]}|${pair[1]}` : ''}
            onChange={(e) => setAgreementView({ pair: e.target.value.split('|') as [Uuid, Uuid], selectedKey: null, codeId: null, documentId: null })}
          >
            {pairs.map(([a, b]) => (
              <option key={`${a}|${b}`} value={`${a}|${b}`}>
                {nameOf(a)} and {nameOf(b)}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Code">
          <select value={view.codeId ?? ''} onChange={(e) => setAgreementView({ codeId: e.target.value || null, selectedKey: null })}>
            <option value="">All codes</option>
            {codeIds.map((id) => (
              <option key={id} value={id}>
                {codePath(codes, id)}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Document">
          <select value={view.documentId ?? ''} onChange={(e) => setAgreementView({ documentId: e.target.value || null, selectedKey: null })}>
            <option value="">All documents</option>
            {documentIds.map((id) => (
              <option key={id} value={id}>
                {documents.find((d) => d.id === id)?.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Show">
          <select value={view.show} onChange={(e) => setAgreementView({ show: e.target.value as 'open' | 'all', selectedKey: null })}>
            <option value="open">Open disagreements</option>
            <option value="all">All, settled too</option>
          </select>
        </Field>
      </div>
      <p className="agreement-summary" aria-live="polite">
        {shown.length === 0
          ? 'No disagreements to show.'
          : `${plural(shown.length, 'passage')} coded by one coder and not the other${view.show === 'all' ? `, ${openCount} open` : ''}, largest first. ` +
            `Settled passages go into the “Consensus” coder; the coders’ own codings stay as they are.`}
      </p>
      <div className="disagreement-layout">
        <ul className="disagreement-list" aria-label="Disagreements, largest first">
          {listed.map(({ disagreement, settlement }) => (
            <DisagreementItem
              key={disagreement.key}
              snapshot={snapshot}
              disagreement={disagreement}
              settlement={settlement}
              nameOf={nameOf}
              selected={selected?.disagreement.key === disagreement.key}
            />
          ))}
        </ul>
        {selected && <DisagreementContext snapshot={snapshot} disagreement={selected.disagreement} nameOf={nameOf} />}
      </div>
      {shown.length > 200 && <p className="agreement-summary">The 200 largest are listed; filter by code or document for the rest.</p>}
    </>
  );
}

function DisagreementItem(props: { snapshot: ProjectSnapshot; disagreement: Disagreement; settlement: Settlement; nameOf: (id: Uuid) => string; selected: boolean }) {
  const { snapshot, disagreement: d, settlement, nameOf, selected } = props;
  const document = snapshot.documents.find((doc) => doc.id === d.documentId);
  if (!document) return null;
  const citation = paragraphSpan(document.paragraphs, d.start, d.end, documentLabel(snapshot, snapshot.documents, document.id) || null) ?? '';
  const excerpt = documentSlice(document, d.start, d.end);
  const headingId = `disagreement-${d.key.replace(/[^a-z0-9]/gi, '')}`;
  return (
    <li className={`disagreement disagreement-${settlement}${selected ? ' selected' : ''}`} aria-labelledby={headingId}>
      <div className="disagreement-head" id={headingId}>
        <span className="disagreement-code">{codePath(snapshot.codes, d.codeId)}</span>
        <span>
          {document.name} {citation}
        </span>
        <span>
          coded by <strong>{nameOf(d.coderId)}</strong>, not by {nameOf(d.otherCoderId)}
        </span>
        <span className="disagreement-size">{plural(d.size, 'character')}</span>
        <span className="disagreement-status">{SETTLEMENT_LABELS[settlement]}</span>
      </div>
      <blockquote className="disagreement-text">{excerpt.length > 400 ? `${excerpt.slice(0, 400)}…` : excerpt}</blockquote>
      <div className="disagreement-actions">
        <button type="button" className="quiet" aria-pressed={selected} onClick={() => setAgreementView({ selectedKey: d.key })}>
          Show in transcript
        </button>
        <button type="button" className="quiet" onClick={() => openPassage(d)}>
          Open in reader
        </button>
        {settlement === 'open' && (
          <>
            <button type="button" onClick={() => void settle(d, 'accept')} title={`The consensus codes this passage as ${nameOf(d.coderId)} did`}>
              Accept
            </button>
            {d.otherCodings.length > 0 && (
              <>
                <button type="button" onClick={() => void settle(d, 'adjust-extent')} title="The consensus codes from the earliest start to the latest end of both coders’ codings">
                  Adjust: both extents
                </button>
                <button type="button" onClick={() => void settle(d, 'adjust-overlap')} title="The consensus codes only the part both coders coded">
                  Adjust: overlap only
                </button>
              </>
            )}
            <button type="button" onClick={() => void settle(d, 'reject')} title="The consensus leaves this passage uncoded; a memo on the coding records the decision">
              Reject
            </button>
          </>
        )}
      </div>
    </li>
  );
}

/**
 * The passage in its transcript, beside the list: the paragraphs it spans and one either side, with what each coder
 * coded with the code marked (one underlined, the other shaded) and the disputed stretch outlined.
 */
function DisagreementContext(props: { snapshot: ProjectSnapshot; disagreement: Disagreement; nameOf: (id: Uuid) => string }) {
  const { snapshot, disagreement: d, nameOf } = props;
  const document = snapshot.documents.find((doc) => doc.id === d.documentId);
  if (!document) return null;
  const pieces = transcriptContext(document, snapshot.codings, d);
  return (
    <section className="disagreement-context" aria-label="The passage in its transcript">
      <h3>
        {document.name}: {codePath(snapshot.codes, d.codeId)}
      </h3>
      <p className="disagreement-legend">
        <span className="coded-first">{nameOf(d.coderId)}</span> <span className="coded-second">{nameOf(d.otherCoderId)}</span>{' '}
        <span className="coded-disputed">in dispute</span>
      </p>
      {pieces.map((paragraph) => (
        <p key={paragraph.index} className="context-paragraph">
          <span className="context-number">{paragraph.n}</span>
          {paragraph.runs.map((run, i) => (
            <span
              key={i}
              className={[run.first ? 'coded-first' : '', run.second ? 'coded-second' : '', run.disputed ? 'coded-disputed' : ''].join(' ').trim() || undefined}
            >
              {run.text}
            </span>
          ))}
        </p>
      ))}
    </section>
  );
}
