/**
 * The preload: exposes TesseraApi to the page as `window.tessera`, and nothing else.
 *
 * Sandboxed preloads cannot be ES modules nor `require` local files, so this is built as one CommonJS bundle
 * (out/preload/preload.cjs, see electron.vite.config.ts) whose only import is `electron`. The contract is imported
 * as types only; the page gets task-shaped functions, never `ipcRenderer` or an IPC event (checklist item 20).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcChannel, IpcRequest, IpcResponse } from '#shared/platform/ipc-contract';
import type { TesseraApi } from '#shared/platform/preload-api';

/** The only way this file talks to the main process: a channel of the contract, its request type, its response. */
function invoke<K extends IpcChannel>(channel: K, request: IpcRequest<K>): Promise<IpcResponse<K>> {
  return ipcRenderer.invoke(channel, request) as Promise<IpcResponse<K>>;
}

/** What the page sees as `window.tessera`. */
export const preloadApi = {
  appInfo: () => invoke('appInfo', undefined),
  openFiles: (request) => invoke('openFiles', request),
  saveFile: (request) => invoke('saveFile', request),
  backupProject: (request) => invoke('backupProject', request),
  listBackups: (request) => invoke('listBackups', request),
  readBackup: (request) => invoke('readBackup', request),
} satisfies TesseraApi;

contextBridge.exposeInMainWorld('tessera', preloadApi);
