/**
 * The CFIR 2009 to 2.0 mapping preview: every 2009 code of the project with its 2.0 target, its codings, and the
 * rows the user must decide (one-to-many, no 2.0 equivalent, or not verified against the published mapping).
 * Nothing changes until every such row is decided and the user applies the mapping, which is one step of undo.
 */
import { useMemo, useState } from 'react';
import type { CrosswalkDecision, CrosswalkPlanRow } from '#shared/codebooks/crosswalk';
import { cfir20Label, crosswalkCaveats, planCrosswalk, undecidedRows } from '#shared/codebooks/crosswalk';
import { codeLabel } from '#shared/codebooks/code-info';
import { useWorkspace } from '../../state/workspace-store.ts';
import { plural } from '../../app/format.ts';
import { mapCfir2009To20 } from './codebook-actions.ts';
import { openCodebookDialog } from './codebook-view-store.ts';
import { Modal } from './modal.tsx';

const close = () => openCodebookDialog(null);

function needsDecision(row: CrosswalkPlanRow): boolean {
  return row.carriesData && (row.reasons.length > 0 || row.candidates.length === 0);
}

/** The mapping preview dialog. */
export function CrosswalkDialog() {
  const snapshot = useWorkspace((s) => s.snapshot);
  const plan = useMemo(() => (snapshot ? planCrosswalk(snapshot) : null), [snapshot]);
  const [decisions, setDecisions] = useState<ReadonlyMap<string, CrosswalkDecision>>(new Map());
  const [removeEmpty, setRemoveEmpty] = useState(true);
  const [onlyWithData, setOnlyWithData] = useState(true);
  if (!plan) return null;
  const undecided = undecidedRows(plan, decisions);
  const decide = (from: string, decision: CrosswalkDecision | null) => {
    const next = new Map(decisions);
    if (decision) next.set(from, decision);
    else next.delete(from);
    setDecisions(next);
  };
  const toggleTarget = (row: CrosswalkPlanRow, target: string) => {
    const current = decisions.get(row.row.from);
    const targets = current?.kind === 'map' ? current.targets : [];
    const next = targets.includes(target) ? targets.filter((t) => t !== target) : [...row.candidates.filter((c) => c === target || targets.includes(c))];
    decide(row.row.from, next.length ? { kind: 'map', targets: next } : null);
  };
  const acceptSingles = () => {
    const next = new Map(decisions);
    for (const row of plan.rows) if (needsDecision(row) && row.row.to.length === 1 && !next.has(row.row.from)) next.set(row.row.from, { kind: 'map', targets: row.row.to });
    setDecisions(next);
  };
  const shown = plan.rows.filter((row) => !onlyWithData || row.carriesData);
  const caveats = crosswalkCaveats();

  return (
    <Modal
      title="Map CFIR 2009 codes to CFIR 2.0"
      onClose={close}
      wide
      className="crosswalk-modal"
      actions={
        <>
          <span className="dialog-summary">
            {undecided.length ? `${plural(undecided.length, 'row')} still to decide.` : 'Every row is decided.'}
          </span>
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={undecided.length > 0} onClick={() => void mapCfir2009To20(decisions, removeEmpty)}>
            Map to CFIR 2.0
          </button>
        </>
      }
    >
      <p className="dialog-note">
        {plan.adds20 ? 'CFIR 2.0 will be added to the project. ' : ''}
        Each 2009 code’s codings, subcodes, memos and wording move to its 2.0 construct; for a one-to-many row, the codings are
        copied to every construct you tick. Rows marked “decide” need your choice: their mapping is one-to-many, has no 2.0
        equivalent, or is not verified. <span title={caveats.important}>About the crosswalk data…</span>
      </p>
      <div className="crosswalk-tools">
        <label>
          <input type="checkbox" checked={onlyWithData} onChange={(e) => setOnlyWithData(e.target.checked)} /> only codes with codings, subcodes, memos or wording
        </label>
        <button type="button" className="small" onClick={acceptSingles}>
          Accept the single suggested construct for every undecided row
        </button>
      </div>
      <table className="crosswalk-table">
        <thead>
          <tr>
            <th>CFIR 2009 code</th>
            <th>Codings</th>
            <th>CFIR 2.0</th>
            <th>Change</th>
            <th>Verification</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => {
            const decision = decisions.get(row.row.from);
            const mustDecide = needsDecision(row);
            const chosen = decision?.kind === 'map' ? decision.targets : [];
            return (
              <tr key={row.row.from} className={`${mustDecide ? 'must-decide' : ''}${mustDecide && !decision ? ' undecided' : ''}`}>
                <td>
                  <strong>{codeLabel(row.code)}</strong>
                  {row.subcodes.length > 0 && <div className="cell-note">with {row.subcodes.map((c) => `“${c.name}”`).join(', ')}</div>}
                  {mustDecide && <div className="cell-flag">decide: {row.reasons.join(', ') || 'no target'}</div>}
                </td>
                <td className="num">{row.codings}</td>
                <td>
                  {mustDecide ? (
                    <div className="decide" role="group" aria-label={`Map ${row.row.from} to`}>
                      {row.candidates.map((target) => (
                        <label key={target}>
                          <input type="checkbox" checked={chosen.includes(target)} onChange={() => toggleTarget(row, target)} /> {cfir20Label(target)}
                        </label>
                      ))}
                      <label>
                        <input
                          type="checkbox"
                          checked={decision?.kind === 'keep'}
                          onChange={(e) => decide(row.row.from, e.target.checked ? { kind: 'keep' } : null)}
                        />{' '}
                        keep as a 2009 code
                      </label>
                    </div>
                  ) : row.row.to.length ? (
                    row.row.to.map((t) => <div key={t}>{cfir20Label(t)}</div>)
                  ) : (
                    <span className="cell-note">no 2.0 equivalent</span>
                  )}
                </td>
                <td>
                  {row.row.change.join(', ')}
                  {row.row.note && <div className="cell-note">{row.row.note}</div>}
                </td>
                <td>
                  {row.row.verification}
                  {row.row.verificationDetail && <div className="cell-note">{row.row.verificationDetail}</div>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <label className="remove-empty">
        <input type="checkbox" checked={removeEmpty} onChange={(e) => setRemoveEmpty(e.target.checked)} /> Remove the 2009 codes left with nothing on
        them (the others go under a “CFIR 2009” category)
      </label>
    </Modal>
  );
}
