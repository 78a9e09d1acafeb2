/**
 * What the user reads when a call to the desktop platform fails.
 *
 * Electron rejects an `ipcRenderer.invoke` whose handler threw with a new Error whose message is
 * `Error invoking remote method 'saveFile': UserError: "a.docx" could not be saved in …` (the main-side error's name
 * and message, nothing else). Shown as it is, that is not a sentence for a researcher. Here the prefix is taken off:
 * a user-facing error from the main process (its name in USER_FACING_ERROR_NAMES) keeps its own sentence; anything
 * else (a refused IPC call, a bug) becomes a sentence saying what could not be done, with the reason.
 */
import { USER_FACING_ERROR_NAMES, UserError } from '#shared/model/user-error';
import type { TesseraApi } from '#shared/platform/preload-api';

/** What each platform call does, to finish "Tessera could not …". */
const ACTIONS: { readonly [K in keyof TesseraApi]: string } = {
  appInfo: 'read its own version',
  openFiles: 'open the files',
  saveFile: 'save the file',
  backupProject: 'write the backup of the project',
  listBackups: 'list the backups of the project',
  readBackup: 'read the backup',
};

/** Electron's wrapping of a main-process error: the channel, the error's name, its message. */
const REMOTE_ERROR = /^Error invoking remote method '([^']*)': (?:([A-Za-z_$][\w$]*): )?([\s\S]*)$/;

function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** The sentence for a failed platform call on `channel`, as a UserError the app shows as it is. */
export function platformCallError(channel: keyof TesseraApi, error: unknown): UserError {
  const message = error instanceof Error ? error.message : String(error);
  const remote = REMOTE_ERROR.exec(message);
  const name = remote ? remote[2] : error instanceof Error ? error.name : undefined;
  const text = remote ? (remote[3] ?? '') : message;
  if (name !== undefined && USER_FACING_ERROR_NAMES.has(name) && text.trim() !== '') {
    return new UserError(asSentence(text), { cause: error });
  }
  const reason = text.trim() === '' ? 'no reason was given' : text.trim().replace(/[.\s]+$/, '');
  return new UserError(`Tessera could not ${ACTIONS[channel]}: ${reason}.`, { cause: error });
}

/** The same API, with every failure turned into a sentence by `platformCallError`. */
export function withReadableErrors(api: TesseraApi): TesseraApi {
  const guard =
    <K extends keyof TesseraApi>(channel: K) =>
    async (...args: Parameters<TesseraApi[K]>): Promise<Awaited<ReturnType<TesseraApi[K]>>> => {
      try {
        const call = api[channel] as (...callArgs: Parameters<TesseraApi[K]>) => ReturnType<TesseraApi[K]>;
        return await call(...args);
      } catch (error) {
        throw platformCallError(channel, error);
      }
    };
  return {
    appInfo: guard('appInfo'),
    openFiles: guard('openFiles'),
    saveFile: guard('saveFile'),
    backupProject: guard('backupProject'),
    listBackups: guard('listBackups'),
    readBackup: guard('readBackup'),
  };
}
