/**
 * The backups dialog's state: open or not, the listing of the open project's backups, and which one is chosen.
 */
import { create } from 'zustand';
import type { BackupListing } from '#shared/platform/preload-api';
import { platformApi } from '../../platform/api.ts';
import { describeError } from '../../state/describe-error.ts';
import { useWorkspace } from '../../state/workspace-store.ts';

interface BackupsState {
  readonly open: boolean;
  /** null while the listing is read. */
  readonly listing: BackupListing | null;
  readonly error: string | null;
  readonly chosen: string | null;
}

/** The backups dialog's state. */
export const useBackups = create<BackupsState>()(() => ({ open: false, listing: null, error: null, chosen: null }));

/** Opens the backups dialog and lists the open project's backups. */
export async function openBackupsDialog(): Promise<void> {
  const projectId = useWorkspace.getState().snapshot?.project.id;
  if (!projectId) return;
  useBackups.setState({ open: true, listing: null, error: null, chosen: null });
  try {
    const listing = await platformApi().listBackups({ projectId });
    const newest = listing.status === 'listed' ? listing.backups.find((backup) => backup.problem === undefined) : undefined;
    useBackups.setState({ listing, chosen: newest?.fileName ?? null });
  } catch (error) {
    useBackups.setState({ error: describeError(error) });
  }
}

/** Chooses a backup to preview and restore. */
export function chooseBackup(fileName: string): void {
  useBackups.setState({ chosen: fileName });
}

/** Closes the backups dialog. */
export function closeBackupsDialog(): void {
  useBackups.setState({ open: false, listing: null, error: null, chosen: null });
}
