/**
 * The bar above an open project: its name, who is coding, and saving or closing it.
 */
import { closeProject, redo, saveProjectFile, setBlindCoding, setCurrentCoder, undo, useWorkspace } from '../../state/workspace-store.ts';
import { openCoderDialog } from '../coders/coder-identity-form.tsx';
import { pickFilesToMerge } from '../merge/merge-store.ts';
import { openSessionExport } from '../merge/session-export-dialog.tsx';
import { MenuItem, MenuSeparator, PopupMenu } from '../codebook/popup-menu.tsx';
import { useState } from 'react';
import { exportRefiProject, mergeRefiProjectFile } from '../refi/refi-actions.ts';
import { openStudyDialog } from '../study/study-store.ts';
import { openAgreementView } from '../agreement/agreement-store.ts';
import { SaveStatus } from './save-status.tsx';
import { openCompare } from '../compare/compare-store.ts';
import { openExportDialog } from '../export/export-store.ts';
import { openBackupsDialog } from '../backups/backups-store.ts';
import { BackupsDialog } from '../backups/backups-dialog.tsx';

/**
 * Working with other coders: who codes on this computer, blind double-coding, exporting one's session and merging
 * others' sessions or copies of the project.
 */
function CodersMenu({ identityKnown, blindCoding }: { identityKnown: boolean; blindCoding: boolean }) {
  const [at, setAt] = useState<{ x: number; y: number } | null>(null);
  const choose = (action: () => void) => () => {
    setAt(null);
    action();
  };
  return (
    <>
      <button
        type="button"
        className={identityKnown ? 'quiet' : 'primary'}
        aria-haspopup="menu"
        aria-expanded={at !== null}
        onClick={(e) => {
          const box = e.currentTarget.getBoundingClientRect();
          setAt({ x: box.left, y: box.bottom + 4 });
        }}
      >
        {identityKnown ? 'Coders ▾' : 'Who are you? ▾'}
      </button>
      {at && (
        <PopupMenu x={at.x} y={at.y} label="Coders" onClose={() => setAt(null)}>
          <MenuItem onSelect={choose(openCoderDialog)}>Who codes on this computer…</MenuItem>
          <MenuItem onSelect={choose(() => void setBlindCoding(!blindCoding))} title="Blind double-coding: while you code, see only your own codings">
            {blindCoding ? 'Show others’ codings' : 'Hide others’ codings'}
          </MenuItem>
          <MenuSeparator />
          <MenuItem onSelect={choose(openSessionExport)}>Export my session…</MenuItem>
          <MenuItem onSelect={choose(pickFilesToMerge)}>Merge sessions or copies…</MenuItem>
          <MenuItem onSelect={choose(mergeRefiProjectFile)} title="NVivo, MAXQDA, ATLAS.ti or QualCoder work, through the same review">
            Merge a REFI-QDA project (.qdpx)…
          </MenuItem>
        </PopupMenu>
      )}
    </>
  );
}

/** The project bar. */
export function ProjectBar() {
  // The name, not the project record: that changes at every change (its modification time).
  const projectName = useWorkspace((s) => s.snapshot?.project.name);
  const coders = useWorkspace((s) => s.snapshot?.coders);
  const currentCoderId = useWorkspace((s) => s.currentCoderId);
  const undoLabel = useWorkspace((s) => s.undoLabel);
  const redoLabel = useWorkspace((s) => s.redoLabel);
  const identity = useWorkspace((s) => s.coderIdentity);
  const blindCoding = useWorkspace((s) => s.blindCoding);
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
        {blindCoding && (
          <span className="blind-badge" title="Blind double-coding: the other coders’ codings are hidden (Coders menu)">
            Blind
          </span>
        )}
        <CodersMenu identityKnown={identity !== null} blindCoding={blindCoding} />
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
        <button type="button" className="quiet" onClick={() => void openBackupsDialog()} title="Copies Tessera keeps of this project, and restoring one">
          Backups…
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
      <BackupsDialog />
    </header>
  );
}
