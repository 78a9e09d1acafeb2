import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

type RawHandler = (event: unknown, ...args: unknown[]) => Promise<unknown>;
const { registered } = vi.hoisted(() => ({ registered: new Map<string, RawHandler>() }));

vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, handler: RawHandler) => registered.set(channel, handler) },
}));

const { registerIpcHandlers } = await import('#electron/ipc-handlers');
const { trustSender } = await import('#electron/ipc');

const PROJECT_ID = '0b6c9a9e-0f0e-4f34-9d4c-1f2b6a1c9a11';
const WINDOW_ID = 31;
let dir: string;
const dialogSenders: unknown[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tessera-ipc-'));
  await writeFile(path.join(dir, 'FGD 1.txt'), 'Participant 1: Hello.');
  trustSender({ id: WINDOW_ID, once: () => undefined });
  registerIpcHandlers({
    appInfo: { name: 'Tessera', version: '0.1.0', platform: 'electron', runtime: 'Electron 45.4.1 on linux' },
    showOpenDialogFor: (sender) => async () => {
      dialogSenders.push(sender);
      return { canceled: false, filePaths: [path.join(dir, 'FGD 1.txt')] };
    },
    showSaveDialogFor: (sender) => async () => {
      dialogSenders.push(sender);
      return { canceled: false, filePath: path.join(dir, 'export.docx') };
    },
    backupBaseDir: path.join(dir, 'backups'),
    backupPolicy: { recent: 3, days: 0, weeks: 0 },
  });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fromApp = { senderFrame: { url: 'tessera://app/index.html' }, sender: { id: WINDOW_ID } };
const call = (channel: string, ...args: unknown[]) => {
  const handler = registered.get(channel);
  if (handler === undefined) throw new Error(`no handler for ${channel}`);
  return handler(fromApp, ...args);
};

describe('registerIpcHandlers', () => {
  it('registers every channel of the contract', () => {
    expect([...registered.keys()].sort()).toEqual(['appInfo', 'backupProject', 'listBackups', 'openFiles', 'readBackup', 'saveFile']);
  });

  it('answers appInfo', async () => {
    await expect(call('appInfo')).resolves.toMatchObject({ name: 'Tessera', platform: 'electron' });
  });

  it('opens files through the dialog of the calling window', async () => {
    const files = (await call('openFiles', { title: 'Import', filters: [], allowMultiple: true })) as {
      name: string;
      bytes: Uint8Array;
    }[];
    expect(files.map((file) => [file.name, new TextDecoder().decode(file.bytes)])).toEqual([
      ['FGD 1.txt', 'Participant 1: Hello.'],
    ]);
    expect(dialogSenders.at(-1)).toEqual({ id: WINDOW_ID });
  });

  it('saves through the dialog and writes the file', async () => {
    const result = await call('saveFile', {
      title: 'Export',
      suggestedName: 'export.docx',
      filters: [{ name: 'Word', extensions: ['docx'] }],
      bytes: new Uint8Array([80, 75]),
    });
    expect(result).toEqual({ status: 'saved', location: path.join(dir, 'export.docx') });
    expect(new Uint8Array(await readFile(path.join(dir, 'export.docx')))).toEqual(new Uint8Array([80, 75]));
  });

  it('writes backups under the configured folder and keeps the configured number of generations', async () => {
    let result: unknown;
    for (let generation = 0; generation < 5; generation += 1) {
      result = await call('backupProject', { projectId: PROJECT_ID, projectName: 'p', bytes: new Uint8Array([generation]) });
    }
    expect(result).toMatchObject({ status: 'written', generationsKept: 3 });
    expect((result as { location: string }).location.startsWith(path.join(dir, 'backups', PROJECT_ID))).toBe(true);
  });

  it('refuses a backup with a path for a project id before touching the disk', async () => {
    await expect(
      call('backupProject', { projectId: '../../outside', projectName: 'p', bytes: new Uint8Array([1]) }),
    ).rejects.toThrow(/invalid request \(projectId/);
  });
});
