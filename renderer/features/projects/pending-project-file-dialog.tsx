/**
 * Asked when a project file holds a project that is already on this computer: merge it into the one here (through
 * the merge review), replace it, keep both, or cancel.
 */
import { resolvePendingProjectFile, useWorkspace } from '../../state/workspace-store.ts';
import { ModalDialog } from '../../app/modal-dialog.tsx';
import { reviewMerge } from '../merge/merge-store.ts';

/** Opens the project here and the review of merging the file into it. */
async function mergeIntoIt(): Promise<void> {
  const pending = await resolvePendingProjectFile('merge');
  if (pending) reviewMerge([pending.snapshot], [pending.fileName]);
}

/** The dialog, shown while a project file waits for the user's choice. */
export function PendingProjectFileDialog() {
  const pending = useWorkspace((s) => s.pendingProjectFile);
  if (!pending) return null;
  return (
    <ModalDialog labelledBy="pending-file-title" className="modal" onClose={() => void resolvePendingProjectFile('cancel')}>
        <h2 id="pending-file-title">“{pending.snapshot.project.name}” is already here</h2>
        <p>
          {pending.fileName} holds a project that is already on this computer. You can merge the file into the one
          here (you see what would change before anything is written), replace the one here with the file’s version,
          or keep both and open the file’s version as a copy.
        </p>
        <div className="modal-actions">
          <button type="button" onClick={() => void resolvePendingProjectFile('cancel')}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={() => void mergeIntoIt()}>
            Merge into it…
          </button>
          <button type="button" onClick={() => void resolvePendingProjectFile('copy')}>
            Keep both
          </button>
          <button type="button" className="danger" onClick={() => void resolvePendingProjectFile('replace')}>
            Replace
          </button>
        </div>
    </ModalDialog>
  );
}
