/**
 * The native open and save dialogs behind `openFiles` and `saveFile`.
 *
 * The dialog functions are injected (bound to the window by the caller), so the file handling is tested on real
 * temporary files with no Electron.
 */
import type {
  FileFilter as ElectronFileFilter,
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import { open } from 'node:fs/promises';
import path from 'node:path';
import type {
  FileFilter,
  OpenFilesRequest,
  PickedFile,
  SaveFileRequest,
  SaveFileResult,
} from '#shared/platform/preload-api';
import { fileTooLargeRefusal, MAX_OPENED_FILE_BYTES } from '#shared/platform/preload-api';
import { writeFileAtomic } from '#node/atomic-write';
import { fileErrorReason } from '#node/file-errors';
import { UserError } from '#shared/model/user-error';

/** The largest file the open dialog reads (512 MiB), the same limit as in the browser build. */
export const MAX_OPEN_FILE_BYTES = MAX_OPENED_FILE_BYTES;

/** Shows the native open dialog (bound to the app's window by the caller). */
export type ShowOpenDialog = (options: OpenDialogOptions) => Promise<OpenDialogReturnValue>;

/** Shows the native save dialog (bound to the app's window by the caller). */
export type ShowSaveDialog = (options: SaveDialogOptions) => Promise<SaveDialogReturnValue>;

function toElectronFilters(filters: readonly FileFilter[]): ElectronFileFilter[] {
  return filters.map((filter) => ({ name: filter.name, extensions: [...filter.extensions] }));
}

/** Thrown when a picked file is larger than `MAX_OPEN_FILE_BYTES`; the message names the file. */
export class FileTooLargeError extends Error {
  override readonly name = 'FileTooLargeError';
}

function tooLargeError(filePath: string, size: number, maxBytes: number): FileTooLargeError {
  return new FileTooLargeError(fileTooLargeRefusal(path.basename(filePath), size, maxBytes));
}

/**
 * Reads a whole file, refusing one larger than `maxBytes` before reading a byte of it.
 *
 * The buffer is sized from the open file's own size plus one byte, so a file that grows while being read is noticed
 * (and refused) instead of being read past the limit or silently cut.
 */
export async function readFileCapped(filePath: string, maxBytes: number = MAX_OPEN_FILE_BYTES): Promise<Uint8Array> {
  const handle = await open(filePath, 'r');
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) throw tooLargeError(filePath, size, maxBytes);
    const buffer = new Uint8Array(size + 1);
    let filled = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.byteLength - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled === buffer.byteLength) {
        throw new Error(`"${path.basename(filePath)}" changed while it was being read; please try again.`);
      }
    }
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

/**
 * Lets the user pick files and reads them whole; an empty list when they cancel.
 *
 * A file that is too large or cannot be read is refused on its own, with the reason, and the others are still read:
 * one bad file in a batch must not stop the import of the rest.
 */
export async function openFiles(
  showOpenDialog: ShowOpenDialog,
  request: OpenFilesRequest,
  maxBytes: number = MAX_OPEN_FILE_BYTES,
): Promise<PickedFile[]> {
  const result = await showOpenDialog({
    title: request.title,
    filters: toElectronFilters(request.filters),
    properties: request.allowMultiple ? ['openFile', 'multiSelections'] : ['openFile'],
  });
  if (result.canceled || result.filePaths.length === 0) return [];
  const files: PickedFile[] = [];
  for (const filePath of result.filePaths) {
    const name = path.basename(filePath);
    try {
      files.push({ name, bytes: await readFileCapped(filePath, maxBytes) });
    } catch (error) {
      const reason = error instanceof FileTooLargeError ? error.message : `"${name}" could not be read (${fileErrorReason(error, 'read')}).`;
      files.push({ name, refusal: reason });
    }
  }
  return files;
}

/** Lets the user choose where to save and writes the bytes there atomically; `cancelled` when they cancel. */
export async function saveFile(showSaveDialog: ShowSaveDialog, request: SaveFileRequest): Promise<SaveFileResult> {
  const result = await showSaveDialog({
    title: request.title,
    defaultPath: request.suggestedName,
    filters: toElectronFilters(request.filters),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (result.canceled || result.filePath === undefined || result.filePath === '') return { status: 'cancelled' };
  try {
    await writeFileAtomic(result.filePath, request.bytes);
  } catch (error) {
    // A sentence for the user, not a Node error code: it crosses IPC as "UserError: <sentence>" and the renderer
    // shows the sentence (renderer/platform/platform-errors.ts). The atomic write left any earlier file as it was.
    throw new UserError(
      `"${path.basename(result.filePath)}" could not be saved in ${path.dirname(result.filePath)}: ` +
        `${fileErrorReason(error, 'write')}. Nothing was written there; your work in Tessera is unchanged.`,
      { cause: error },
    );
  }
  return { status: 'saved', location: result.filePath };
}
