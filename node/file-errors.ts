/**
 * A file-system error in words for the user: "the disk is full" rather than "ENOSPC: no space left on device,
 * write". One vocabulary for the main process (open and save dialogs, backups) and the command line.
 */

/** What was being done to the file when it failed. */
export type FileAction = 'read' | 'write';

function codeOf(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

/** Why a read or write failed, as a phrase to end a sentence with (no capital, no full stop). */
export function fileErrorReason(error: unknown, action: FileAction): string {
  switch (codeOf(error)) {
    case 'ENOENT':
      return action === 'read' ? 'it is no longer there' : 'its folder does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'EEXIST':
      return 'it already exists';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'EROFS':
      return 'the disk is read-only';
    case 'EBUSY':
    case 'ETXTBSY':
      return 'another program is using it';
    case 'ENAMETOOLONG':
      return 'its name or folder path is too long';
    case 'EIO':
      return 'the disk reported an error';
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return message.replace(/[.\s]+$/, '');
    }
  }
}
