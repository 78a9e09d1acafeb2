/**
 * The implementations of the IPC channels (one per TesseraApi member), registered through the checked `handle`.
 *
 * Platform services come in as arguments (dialogs bound to the calling window, the backup folder), so the
 * handlers run in tests with Electron mocked and real temporary files.
 */
import type { WebContents } from 'electron';
import type { AppInfo } from '#shared/platform/preload-api';
import type { GenerationPolicy } from '#shared/backups/backup-generations';
import { listProjectBackups, readProjectBackup, writeProjectBackup } from '#node/backups';
import { openFiles, saveFile } from './dialogs.ts';
import type { ShowOpenDialog, ShowSaveDialog } from './dialogs.ts';
import { handleAll } from './ipc.ts';
import type { IpcHandlers } from './ipc.ts';

/** What the handlers need from the platform. */
export interface IpcHandlerServices {
  readonly appInfo: AppInfo;
  /** The open dialog, attached to the window of the calling web contents. */
  readonly showOpenDialogFor: (sender: WebContents) => ShowOpenDialog;
  /** The save dialog, attached to the window of the calling web contents. */
  readonly showSaveDialogFor: (sender: WebContents) => ShowSaveDialog;
  /** The folder holding one backup folder per project. */
  readonly backupBaseDir: string;
  /** Which backup generations are kept; DEFAULT_GENERATION_POLICY unless given. */
  readonly backupPolicy?: GenerationPolicy;
}

/**
 * The handlers of every channel of the contract: an `IpcHandlers` object, so the compiler checks that each channel
 * has exactly one handler of the right type.
 */
export function buildIpcHandlers(services: IpcHandlerServices): IpcHandlers {
  return {
    appInfo: async () => services.appInfo,
    openFiles: (request, { sender }) => openFiles(services.showOpenDialogFor(sender), request),
    saveFile: (request, { sender }) => saveFile(services.showSaveDialogFor(sender), request),
    backupProject: (request) => writeProjectBackup(request, {
        baseDir: services.backupBaseDir,
        ...(services.backupPolicy ? { policy: services.backupPolicy } : {}),
      }),
    listBackups: (request) => listProjectBackups(services.backupBaseDir, request.projectId),
    readBackup: (request) => readProjectBackup(services.backupBaseDir, request.projectId, request.fileName),
  };
}

/** Registers every channel of the contract. */
export function registerIpcHandlers(services: IpcHandlerServices): void {
  handleAll(buildIpcHandlers(services));
}
