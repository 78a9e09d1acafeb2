/**
 * The backups of the open project: every generation with when it was made and what it holds, and Restore. Restoring
 * first backs up the project as it is now (see restoreBackup), so choosing the wrong backup loses nothing.
 */
import { useState } from 'react';
import type { BackupEntry } from '#shared/platform/preload-api';
import { RECORD_KIND_DEFINITIONS } from '#shared/model/record-kinds';
import { formatDateTime, plural } from '../../app/format.ts';
import { restoreBackup } from '../../state/workspace-store.ts';
import { Modal } from '../codebook/modal.tsx';
import { chooseBackup, closeBackupsDialog, useBackups } from './backups-store.ts';
import './backups.css';

/** The kinds a preview names, in this order. */
const PREVIEW_KINDS = ['documents', 'codes', 'codings', 'memos'] as const;

// Backups can be a minute apart: their times show seconds.
const BACKUP_TIME = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });

function madeText(iso: string): string {
  return BACKUP_TIME.format(new Date(iso));
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function holdsText(backup: BackupEntry): string {
  if (!backup.counts) return backup.problem ?? 'cannot be read';
  const counts = backup.counts;
  return PREVIEW_KINDS.map((kind) => plural(counts[kind] ?? 0, RECORD_KIND_DEFINITIONS[kind].label, RECORD_KIND_DEFINITIONS[kind].plural)).join(', ');
}

/** The dialog, shown while open. */
export function BackupsDialog() {
  const { open, listing, error, chosen } = useBackups();
  const [confirming, setConfirming] = useState(false);
  if (!open) return null;
  const backups = listing?.status === 'listed' ? listing.backups : [];
  const selected = backups.find((backup) => backup.fileName === chosen) ?? null;
  const close = () => {
    setConfirming(false);
    closeBackupsDialog();
  };
  const restore = async () => {
    if (!selected) return;
    if (await restoreBackup(selected.fileName)) close();
    else setConfirming(false);
  };
  return (
    <Modal
      title="Backups of this project"
      onClose={close}
      wide
      className="backups-modal"
      actions={
        confirming && selected ? (
          <>
            <span className="dialog-summary" role="status">
              The project as it is now is backed up first, then replaced by the backup of {madeText(selected.madeAt)}.
            </span>
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
            <button type="button" className="danger" onClick={() => void restore()}>
              Restore
            </button>
          </>
        ) : (
          <>
            <button type="button" onClick={close}>
              Close
            </button>
            <button type="button" className="primary" disabled={!selected || selected.problem !== undefined} onClick={() => setConfirming(true)}>
              Restore this backup…
            </button>
          </>
        )
      }
    >
      {error ? <p role="alert">{error}</p> : null}
      {listing === null && !error ? <p>Reading the backups…</p> : null}
      {listing?.status === 'unavailable' ? <p>{listing.reason}</p> : null}
      {listing?.status === 'listed' ? (
        <>
          <p className="backups-folder">
            Tessera keeps a copy of this project whenever it has changed (a minute after the last change), before a merge
            of codes, a codebook import or a restore, and when it closes: the last 10, the last of each of the past 7 days and
            of each of the past 5 weeks. They are in <code>{listing.folder}</code>.
          </p>
          {backups.length === 0 ? (
            <p>There is no backup of this project yet.</p>
          ) : (
            <fieldset className="backups-list">
              <legend>Choose a backup</legend>
              {backups.map((backup) => (
                <label key={backup.fileName} className="backup-row">
                  <input
                    type="radio"
                    name="backup"
                    value={backup.fileName}
                    checked={backup.fileName === chosen}
                    onChange={() => {
                      setConfirming(false);
                      chooseBackup(backup.fileName);
                    }}
                  />
                  <span className="backup-when">{madeText(backup.madeAt)}</span>
                  <span className="backup-holds">{holdsText(backup)}</span>
                  <span className="backup-size">{sizeText(backup.size)}</span>
                </label>
              ))}
            </fieldset>
          )}
          {selected ? (
            <section className="backup-preview" aria-label="What the chosen backup holds">
              <h3>Made {madeText(selected.madeAt)}</h3>
              {selected.problem ? (
                <p>This file cannot be restored: {selected.problem}</p>
              ) : (
                <p>
                  “{selected.projectName}”: {holdsText(selected)}. Saved by Tessera at {formatDateTime(selected.savedAt ?? selected.madeAt)};
                  file {selected.fileName}.
                </p>
              )}
            </section>
          ) : null}
        </>
      ) : null}
    </Modal>
  );
}
