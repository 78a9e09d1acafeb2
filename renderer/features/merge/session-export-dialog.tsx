/**
 * Export my session: the current coder's work (since a date, or all of it) as a small .tessera file to e-mail, the
 * same file `tessera export-session` writes (shared/merge/export-session.ts). Whoever receives it merges it.
 */
import { savedFileNotice } from '../../platform/saved-file.ts';
import { useState } from 'react';
import { create } from 'zustand';
import { exportSession } from '#shared/merge/export-session';
import { systemClock } from '#shared/model/ids';
import { UserError } from '#shared/model/user-error';
import { APP_VERSION } from '#shared/platform/app-version';
import { encodeProjectFile } from '#shared/project-file/project-file';
import { platformApi } from '../../platform/api.ts';
import { attempt, notify, useWorkspace, whenSaved } from '../../state/workspace-store.ts';
import { plural } from '../../app/format.ts';
import { Modal } from '../codebook/modal.tsx';

export const useSessionExport = create<{ readonly open: boolean }>()(() => ({ open: false }));

export function openSessionExport(): void {
  useSessionExport.setState({ open: true });
}

function closeSessionExport(): void {
  useSessionExport.setState({ open: false });
}

/** Writes the current coder's session since `sinceDate` (yyyy-mm-dd, or "" for all their work). */
async function saveSession(sinceDate: string): Promise<boolean> {
  return attempt('Writing the session…', async () => {
    await whenSaved();
    const { snapshot, currentCoderId } = useWorkspace.getState();
    if (!snapshot || !currentCoderId) return;
    const coder = snapshot.coders.find((c) => c.id === currentCoderId);
    const ms = sinceDate ? Date.parse(sinceDate) : NaN;
    if (sinceDate && !Number.isFinite(ms)) throw new UserError(`“${sinceDate}” is not a date.`);
    const since = sinceDate ? new Date(ms).toISOString() : null;
    const session = exportSession(snapshot, currentCoderId, since);
    const bytes = await encodeProjectFile(session, { appVersion: APP_VERSION, savedAt: systemClock() });
    const safe = `${snapshot.project.name} session ${coder?.initials ?? ''} ${systemClock().slice(0, 10)}`.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim();
    const result = await platformApi().saveFile({
      title: 'Save my session',
      suggestedName: `${safe}.tessera`,
      filters: [{ name: 'Tessera session', extensions: ['tessera'] }],
      bytes,
    });
    if (result.status !== 'cancelled') {
      notify(
        'info',
        `${savedFileNotice(`The session of ${coder?.name ?? 'the coder'}`, result)} It holds ${plural(session.codings.length, 'coding')}, ${plural(session.memos.length, 'memo')}, ${plural(session.tombstones.length, 'deletion')}.`,
      );
    }
  });
}

/** The dialog. */
export function SessionExportDialog() {
  const open = useSessionExport((s) => s.open);
  if (!open) return null;
  return <SessionExportBody />;
}

function SessionExportBody() {
  const coder = useWorkspace((s) => s.snapshot?.coders.find((c) => c.id === s.currentCoderId));
  const [since, setSince] = useState('');
  const save = async () => {
    if (await saveSession(since)) closeSessionExport();
  };
  return (
    <Modal
      title="Export my session"
      onClose={closeSessionExport}
      actions={
        <>
          <button type="button" onClick={closeSessionExport}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={() => void save()}>
            Save session…
          </button>
        </>
      }
    >
      <p>
        The codings, memos, ratings, codes and deletions of {coder ? `${coder.name} (${coder.initials})` : 'the current coder'}, with what they refer to,
        as a small .tessera file for whoever merges the team’s work.
      </p>
      <label className="session-since">
        Since (leave empty for all of it)
        <input type="date" value={since} onChange={(e) => setSince(e.target.value)} />
      </label>
    </Modal>
  );
}
