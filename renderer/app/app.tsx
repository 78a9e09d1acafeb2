/**
 * The window: the start screen with the project list, or the open project's workspace.
 */
import { useWorkspace } from '../state/workspace-store.ts';
import { StartScreen } from '../features/projects/start-screen.tsx';
import { ProjectWorkspace } from '../features/workspace/project-workspace.tsx';
import { PendingProjectFileDialog } from '../features/projects/pending-project-file-dialog.tsx';
import { Notices } from './notices.tsx';
import { MergeReviewDialog } from '../features/merge/merge-review-dialog.tsx';
import { CoderIdentityDialog } from '../features/coders/coder-identity-form.tsx';
import { SessionExportDialog } from '../features/merge/session-export-dialog.tsx';
import { LiveAnnouncer } from './announcer.tsx';
import { useUndoShortcuts } from './use-undo-shortcuts.ts';

/** The whole app. */
export function App() {
  const phase = useWorkspace((s) => s.phase);
  const reason = useWorkspace((s) => s.unavailableReason);
  const hasProject = useWorkspace((s) => s.snapshot !== null);
  const busy = useWorkspace((s) => s.busy);
  useUndoShortcuts();

  return (
    <div className="app">
      {phase === 'starting' && <div className="splash">Opening Tessera…</div>}
      {phase === 'unavailable' && (
        <div className="splash splash-error" role="alert">
          <h1>Tessera cannot open its project store</h1>
          <p>{reason}</p>
        </div>
      )}
      {phase === 'ready' && (hasProject ? <ProjectWorkspace /> : <StartScreen />)}
      <PendingProjectFileDialog />
      {hasProject && <MergeReviewDialog />}
      {hasProject && <SessionExportDialog />}
      <CoderIdentityDialog />
      <Notices />
      <LiveAnnouncer />
      {busy && (
        <div className="busy" role="status" aria-live="polite">
          {busy}
        </div>
      )}
    </div>
  );
}
