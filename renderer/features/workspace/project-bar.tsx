/**
 * The bar above an open project: its name, who is coding, and saving or closing it.
 */
import { closeProject, redo, saveProjectFile, setCurrentCoder, undo, useWorkspace } from '../../state/workspace-store.ts';
import { exportRefiProject } from '../refi/refi-actions.ts';
import { openStudyDialog } from '../study/study-store.ts';
import { openAgreementView } from '../agreement/agreement-store.ts';
import { SaveStatus } from './save-status.tsx';
import { openCompare } from '../compare/compare-store.ts';
import { openExportDialog } from '../export/export-store.ts';

/** The project bar. */
export function ProjectBar() {
  // The name, not the project record: that changes at every change (its modification time).
  const projectName = useWorkspace((s) => s.snapshot?.project.name);
  const coders = useWorkspace((s) => s.snapshot?.coders);
  const currentCoderId = useWorkspace((s) => s.currentCoderId);
  const undoLabel = useWorkspace((s) => s.undoLabel);
  const redoLabel = useWorkspace((s) => s.redoLabel);
  if (projectName === undefined || !coders) return null;
  return (
    <header className="project-bar">
      <div className="brand brand-small">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">Tessera</span>
      </div>
      <h1 className="project-title">{projectName}</h1>
      <div className="project-bar-actions">
        <SaveStatus />
        <button
          type="button"
          className="quiet"
          disabled={!undoLabel}
          title={undoLabel ? `Undo ${undoLabel} (Ctrl+Z)` : 'Nothing to undo'}
          onClick={() => void undo()}
        >
          Undo
        </button>
        <button
          type="button"
          className="quiet"
          disabled={!redoLabel}
          title={redoLabel ? `Redo ${redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}
          onClick={() => void redo()}
        >
          Redo
        </button>
        <label className="coder-picker">
          Coding as
          <select value={currentCoderId ?? ''} onChange={(e) => void setCurrentCoder(e.target.value)}>
            {coders.map((coder) => (
              <option key={coder.id} value={coder.id}>
                {coder.name} ({coder.initials})
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="quiet" onClick={openStudyDialog} title="Sites and phases of the study">
          Study…
        </button>
        <button type="button" className="quiet" onClick={openAgreementView} title="Where coders agree and differ">
          Agreement…
        </button>
        <button type="button" className="quiet" onClick={openCompare} title="Compare codes across sites, phases and speakers">
          Compare…
        </button>
        <button type="button" className="quiet" onClick={openExportDialog} title="Coded extracts to Word or CSV, site validation packs, a coded transcript">
          Export…
        </button>
        <button type="button" onClick={() => void saveProjectFile()}>
          Save as file…
        </button>
        <button type="button" className="quiet" onClick={() => void exportRefiProject()} title="For NVivo, MAXQDA, ATLAS.ti or QualCoder">
          Export .qdpx…
        </button>
        <button type="button" className="quiet" onClick={() => void closeProject()}>
          Close project
        </button>
      </div>
    </header>
  );
}
