/**
 * Where coders agree and differ: the agreement table of two coders (per code, per CFIR domain, all codes) with the
 * four counts beside every figure and the method paragraph, exported to CSV or Word; and the disagreements of a
 * code, largest first, each opened in the reader or settled into the consensus coder (accept, adjust, reject).
 */
import { cloneElement, useId, useMemo, type ReactElement } from 'react';
import { agreementMethod, agreementRows, AGREEMENT_COLUMNS, documentRows, rowCells, type AgreementRow } from '#shared/agreement/agreement-report';
import { codingCoder } from '#shared/agreement/coded-units';
import { consensusCoder, disagreementsBetween, settlementOf, type Disagreement, type Settlement } from '#shared/agreement/disagreements';
import { AGREEMENT_UNITS, computeAgreement, type AgreementResult, type AgreementUnit } from '#shared/agreement/project-agreement';
import { codePath } from '#shared/codebook/code-tree';
import { paragraphSpan } from '#shared/coding/paragraph-label';
import { documentLabel } from '#shared/coding/citation-labels';
import { documentSlice } from '#shared/index/text-maps';
import type { ProjectSnapshot, Uuid } from '#shared/model/types';
import { useWorkspace } from '../../state/workspace-store.ts';
import { plural } from '../../app/format.ts';
import { ModalDialog } from '../../app/modal-dialog.tsx';
import {
  closeAgreementView,
  exportAgreementCsv,
  exportAgreementDocx,
  openPassage,
  setAgreementView,
  settle,
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
  const pairChosen = view.coderA !== null && view.coderB !== null && view.coderA !== view.coderB;
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
          <CoderSelect label="Coder A" value={view.coderA} snapshot={snapshot} onChange={(id) => setAgreementView({ coderA: id })} />
          <CoderSelect label="Coder B" value={view.coderB} snapshot={snapshot} onChange={(id) => setAgreementView({ coderB: id })} />
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
          {!pairChosen ? (
            <p className="agreement-empty">Choose two different coders.</p>
          ) : view.tab === 'table' ? (
            <AgreementTable snapshot={snapshot} coderA={view.coderA as Uuid} coderB={view.coderB as Uuid} unit={view.unit} />
          ) : (
            <DisagreementList snapshot={snapshot} coderA={view.coderA as Uuid} coderB={view.coderB as Uuid} />
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

function CoderSelect(props: { label: string; value: Uuid | null; snapshot: ProjectSnapshot; onChange: (id: Uuid) => void }) {
  return (
    <Field label={props.label}>
      <select value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value)}>
        {props.snapshot.coders.map((coder) => (
          <option key={coder.id} value={coder.id}>
            {coder.name} ({coder.initials})
          </option>
        ))}
      </select>
    </Field>
  );
}

function AgreementTable(props: { snapshot: ProjectSnapshot; coderA: Uuid; coderB: Uuid; unit: AgreementUnit }) {
  const { snapshot, coderA, coderB, unit } = props;
  const { coders, documents, codes, codings } = snapshot;
  const outcome = useMemo((): { result: AgreementResult } | { error: string } => {
    try {
      return { result: computeAgreement({ coders, documents, codes, codings }, { coderIds: [coderA, coderB], unit }) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [coders, documents, codes, codings, coderA, coderB, unit]);
  if ('error' in outcome) return <p className="agreement-empty">{outcome.error}</p>;
  const { result } = outcome;
  if (result.documents.length === 0) {
    return <p className="agreement-empty">These two coders have not both coded any document yet.</p>;
  }
  const rows = agreementRows(result);
  return (
    <>
      <p className="agreement-summary">
        {plural(result.documents.length, 'document')} coded by both, {plural(result.codes.length, 'code')}; figures pooled over the documents.
      </p>
      <FiguresTable label="Agreement table" rows={rows} />
      {result.documents.length > 1 && (
        <details className="agreement-documents">
          <summary>Per document ({result.documents.length}), all codes pooled within each</summary>
          <FiguresTable label="Agreement per document" rows={documentRows(result)} firstColumn="Document" />
        </details>
      )}
      <h3 className="agreement-method-heading">Method</h3>
      <p className="agreement-method">{agreementMethod(result)}</p>
      <div className="modal-actions">
        <button type="button" onClick={() => void exportAgreementCsv(result)}>
          Export CSV…
        </button>
        <button type="button" onClick={() => void exportAgreementDocx(result)}>
          Export Word…
        </button>
      </div>
    </>
  );
}

function FiguresTable(props: { readonly label: string; readonly rows: readonly AgreementRow[]; readonly firstColumn?: string }) {
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
                    {text}
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

const SETTLEMENT_LABELS: Readonly<Record<Settlement, string>> = { open: 'Open', kept: 'In consensus', rejected: 'Rejected' };

function DisagreementList(props: { snapshot: ProjectSnapshot; coderA: Uuid; coderB: Uuid }) {
  const { snapshot, coderA, coderB } = props;
  const view = useAgreementView();
  const { documents, codings, codes, coders, memos } = snapshot;
  const all = useMemo(() => disagreementsBetween({ documents, codings }, coderA, coderB), [documents, codings, coderA, coderB]);
  const consensus = consensusCoder({ coders });
  const consensusCodings = useMemo(() => (consensus ? codings.filter((c) => codingCoder(c) === consensus.id) : []), [codings, consensus]);
  const codeIds = useMemo(() => [...new Set(all.map((d) => d.codeId))], [all]);
  const documentIds = useMemo(() => [...new Set(all.map((d) => d.documentId))], [all]);
  const shown = all
    .map((disagreement) => ({ disagreement, settlement: settlementOf({ coders, codings, memos }, disagreement, consensusCodings) }))
    .filter(({ disagreement, settlement }) =>
      (view.codeId === null || disagreement.codeId === view.codeId) &&
      (view.documentId === null || disagreement.documentId === view.documentId) &&
      (view.show === 'all' || settlement === 'open'),
    );
  const nameOf = (id: Uuid) => coders.find((c) => c.id === id)?.name ?? 'a coder';
  const openCount = all.length ? shown.filter((s) => s.settlement === 'open').length : 0;
  return (
    <>
      <div className="agreement-controls">
        <Field label="Code">
          <select value={view.codeId ?? ''} onChange={(e) => setAgreementView({ codeId: e.target.value || null })}>
            <option value="">All codes</option>
            {codeIds.map((id) => (
              <option key={id} value={id}>
                {codePath(codes, id)}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Document">
          <select value={view.documentId ?? ''} onChange={(e) => setAgreementView({ documentId: e.target.value || null })}>
            <option value="">All documents</option>
            {documentIds.map((id) => (
              <option key={id} value={id}>
                {documents.find((d) => d.id === id)?.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Show">
          <select value={view.show} onChange={(e) => setAgreementView({ show: e.target.value as 'open' | 'all' })}>
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
      <ul className="disagreement-list">
        {shown.slice(0, 200).map(({ disagreement, settlement }) => (
          <DisagreementItem key={disagreement.key} snapshot={snapshot} disagreement={disagreement} settlement={settlement} nameOf={nameOf} />
        ))}
      </ul>
      {shown.length > 200 && <p className="agreement-summary">The 200 largest are listed; filter by code or document for the rest.</p>}
    </>
  );
}

function DisagreementItem(props: { snapshot: ProjectSnapshot; disagreement: Disagreement; settlement: Settlement; nameOf: (id: Uuid) => string }) {
  const { snapshot, disagreement: d, settlement, nameOf } = props;
  const document = snapshot.documents.find((doc) => doc.id === d.documentId);
  if (!document) return null;
  const citation = paragraphSpan(document.paragraphs, d.start, d.end, documentLabel(snapshot, snapshot.documents, document.id) || null) ?? '';
  const excerpt = documentSlice(document, d.start, d.end);
  const headingId = `disagreement-${d.key.replace(/[^a-z0-9]/gi, '')}`;
  return (
    <li className={`disagreement disagreement-${settlement}`} aria-labelledby={headingId}>
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
