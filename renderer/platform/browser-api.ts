/**
 * TesseraApi for a plain browser page: the same app, with a file input for opening and a download for saving.
 *
 * This is how the renderer runs where Electron cannot (and how the end-to-end tests drive it in Chromium).
 */
import type {
  AppInfo,
  BackupListing,
  BackupListRequest,
  BackupReadRequest,
  BackupRequest,
  BackupResult,
  FileFilter,
  OpenFilesRequest,
  PickedFile,
  SaveFileRequest,
  SaveFileResult,
  TesseraApi,
} from '#shared/platform/preload-api';
import { APP_NAME, APP_VERSION } from '#shared/platform/app-version';
import { fileTooLargeRefusal, MAX_OPENED_FILE_BYTES } from '#shared/platform/preload-api';

function acceptAttribute(filters: readonly FileFilter[]): string {
  return filters.flatMap((filter) => filter.extensions.map((ext) => `.${ext}`)).join(',');
}

/**
 * Opens the browser's file picker. It must be called from a user gesture (a click handler) without an await before
 * it, since browsers only show a picker for a user action.
 */
function openFiles(request: OpenFilesRequest): Promise<readonly PickedFile[]> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = request.allowMultiple;
    input.accept = acceptAttribute(request.filters);
    input.style.display = 'none';
    const finish = (): void => input.remove();
    input.addEventListener('cancel', () => {
      finish();
      resolve([]);
    });
    input.addEventListener('change', () => {
      const files = [...(input.files ?? [])];
      finish();
      // A file over the limit is refused by its size, before a byte of it is read; the others are read.
      Promise.all(
        files.map(async (file): Promise<PickedFile> =>
          file.size > MAX_OPENED_FILE_BYTES
            ? { name: file.name, refusal: fileTooLargeRefusal(file.name, file.size) }
            : { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
        ),
      ).then(resolve, reject);
    });
    document.body.append(input);
    input.click();
  });
}

async function saveFile(request: SaveFileRequest): Promise<SaveFileResult> {
  const blob = new Blob([request.bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = request.suggestedName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download reads the blob asynchronously; revoke the URL only once it surely has.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  // The page cannot know whether, or where, the browser kept the file: it reports the hand-over, not a save.
  return { status: 'downloading', fileName: request.suggestedName };
}

async function backupProject(_request: BackupRequest): Promise<BackupResult> {
  // A web page cannot write files on its own; in the browser the .tessera file the user saves is the backup.
  return { status: 'unavailable', reason: 'Automatic backups to disk are made by the desktop app only.' };
}

const NO_BACKUP_FOLDER = 'A web page cannot keep backups on disk; save the project as a .tessera file to keep a copy.';

async function listBackups(_request: BackupListRequest): Promise<BackupListing> {
  return { status: 'unavailable', reason: NO_BACKUP_FOLDER };
}

async function readBackup(_request: BackupReadRequest): Promise<Uint8Array> {
  throw new Error(NO_BACKUP_FOLDER);
}

async function appInfo(): Promise<AppInfo> {
  return { name: APP_NAME, version: APP_VERSION, platform: 'browser', runtime: navigator.userAgent };
}

/** The browser implementation of the platform API. */
export const browserApi = { appInfo, openFiles, saveFile, backupProject, listBackups, readBackup } satisfies TesseraApi;
