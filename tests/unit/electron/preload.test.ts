import { describe, expect, it, vi } from 'vitest';

const { exposed, invoke } = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (channel: string, request: unknown) => ({ channel, request })),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: { invoke, send: vi.fn(), on: vi.fn(), sendSync: vi.fn() },
}));

await import('#electron/preload');

describe('the preload', () => {
  it('exposes exactly one global, window.tessera', () => {
    expect([...exposed.keys()]).toEqual(['tessera']);
  });

  it('exposes only the TesseraApi functions, never ipcRenderer or anything with an IPC event', () => {
    const api = exposed.get('tessera') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['appInfo', 'backupProject', 'listBackups', 'openFiles', 'readBackup', 'saveFile']);
    for (const value of Object.values(api)) expect(value).toBeTypeOf('function');
  });

  it('forwards each call to the channel of the same name with the request as the only argument', async () => {
    const api = exposed.get('tessera') as Record<string, (request?: unknown) => Promise<unknown>>;
    const save = { title: 't', suggestedName: 'a.docx', filters: [], bytes: new Uint8Array([1]) };
    await expect(api.saveFile?.(save)).resolves.toEqual({ channel: 'saveFile', request: save });
    await api.appInfo?.();
    await api.openFiles?.({ title: 'o', filters: [], allowMultiple: false });
    await api.backupProject?.({ projectId: 'x', projectName: 'y', bytes: new Uint8Array() });
    await api.listBackups?.({ projectId: 'x' });
    await api.readBackup?.({ projectId: 'x', fileName: 'y' });
    expect(invoke.mock.calls.map((call) => call[0])).toEqual(['saveFile', 'appInfo', 'openFiles', 'backupProject', 'listBackups', 'readBackup']);
    expect(invoke.mock.calls[1]).toEqual(['appInfo', undefined]);
  });
});
