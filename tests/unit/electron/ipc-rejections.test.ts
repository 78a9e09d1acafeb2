/**
 * Every IPC handler, as registered by the app, refuses calls from anywhere but the app's own window and payloads
 * that are not exactly what its channel carries, before anything happens (no dialog, no file); the handler list
 * matches the channel list at compile time; and a save that fails on disk reaches the user as a sentence.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '#shared/platform/ipc-contract';
import type { IpcChannel } from '#shared/platform/ipc-contract';
import type { IpcHandlers } from '#electron/ipc';
import { describeError } from '#renderer/state/describe-error.ts';
import { platformCallError, withReadableErrors } from '#renderer/platform/platform-errors.ts';

type RawHandler = (event: unknown, ...args: unknown[]) => Promise<unknown>;
const { registered } = vi.hoisted(() => ({ registered: new Map<string, RawHandler>() }));

vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, handler: RawHandler) => registered.set(channel, handler) },
}));

const { buildIpcHandlers, registerIpcHandlers } = await import('#electron/ipc-handlers');
const { IpcRejection, parseIpcRequest, trustSender } = await import('#electron/ipc');

const WINDOW_ID = 57;
const PROJECT_ID = '0b6c9a9e-0f0e-4f34-9d4c-1f2b6a1c9a11';
let dir: string;
let saveTarget: string;
const dialogsShown: string[] = [];

/** A valid request of each channel. */
const VALID: { readonly [K in IpcChannel]: unknown } = {
  appInfo: undefined,
  openFiles: { title: 'Import', filters: [{ name: 'Text', extensions: ['txt'] }], allowMultiple: true },
  saveFile: { title: 'Save', suggestedName: 'study.tessera', filters: [], bytes: new Uint8Array([1, 2]) },
  backupProject: { projectId: PROJECT_ID, projectName: 'Study', bytes: new Uint8Array([1]) },
  listBackups: { projectId: PROJECT_ID },
  readBackup: { projectId: PROJECT_ID, fileName: '2025-03-04T05-06-07-089Z.tessera' },
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tessera-ipc-refusals-'));
  saveTarget = path.join(dir, 'saved.tessera');
  trustSender({ id: WINDOW_ID, once: () => undefined });
  registerIpcHandlers({
    appInfo: { name: 'Tessera', version: '0.1.0', platform: 'electron', runtime: 'test' },
    showOpenDialogFor: () => async () => {
      dialogsShown.push('open');
      return { canceled: true, filePaths: [] };
    },
    showSaveDialogFor: () => async () => {
      dialogsShown.push('save');
      return { canceled: false, filePath: saveTarget };
    },
    backupBaseDir: path.join(dir, 'backups'),
    backupPolicy: { recent: 2, days: 0, weeks: 0 },
  });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const event = (url: string | null, id = WINDOW_ID) => ({ senderFrame: url === null ? null : { url }, sender: { id } });

describe('every registered handler refuses foreign senders before doing anything', () => {
  const foreign: [string, ReturnType<typeof event>][] = [
    ['a web page', event('https://attacker.example/')],
    ['a sub-frame of another origin inside the app window', event('https://ads.example/frame.html')],
    ['a local web server', event('http://127.0.0.1:5173/')],
    ['a file: page', event('file:///tmp/evil.html')],
    ['another host of the app scheme', event('tessera://evil/index.html')],
    ['a frame that navigated away or died', event(null)],
    ['an app page in a window the app did not create', event('tessera://app/index.html', 999)],
  ];
  for (const channel of IPC_CHANNELS) {
    it.each(foreign)(`${channel}: refuses %s`, async (_label, from) => {
      const shownBefore = dialogsShown.length;
      await expect(registered.get(channel)?.(from, VALID[channel])).rejects.toBeInstanceOf(IpcRejection);
      expect(dialogsShown.length).toBe(shownBefore);
      expect(existsSync(saveTarget)).toBe(false);
      expect(existsSync(path.join(dir, 'backups'))).toBe(false);
    });
  }
});

describe('malformed payloads', () => {
  it('any value at all is either a valid request or refused as an IpcRejection, never another error', () => {
    fc.assert(
      fc.property(fc.constantFrom(...IPC_CHANNELS), fc.array(fc.anything(), { maxLength: 3 }), (channel, args) => {
        try {
          parseIpcRequest(channel, args);
        } catch (error) {
          expect(error).toBeInstanceOf(IpcRejection);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('a valid request with any one field replaced by a value of another type is refused', () => {
    const objectChannels = IPC_CHANNELS.filter((channel) => typeof VALID[channel] === 'object');
    fc.assert(
      fc.property(
        fc.constantFrom(...objectChannels),
        fc.nat(),
        fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.object(), fc.array(fc.integer())),
        (channel, keyIndex, replacement) => {
          const valid = VALID[channel] as Record<string, unknown>;
          const keys = Object.keys(valid);
          const key = keys[keyIndex % keys.length] as string;
          fc.pre(typeof replacement !== typeof valid[key] || Array.isArray(replacement) !== Array.isArray(valid[key]));
          expect(() => parseIpcRequest(channel, [{ ...valid, [key]: replacement }])).toThrow(IpcRejection);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('any accepted save name is a bare file name: no folder, no control character, not "." or ".."', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom('../x', 'a/b', 'a\\b', '..', '.', 'C:\\x', '/etc/passwd')), (name) => {
        const save = VALID.saveFile as Record<string, unknown>;
        try {
          const request = parseIpcRequest('saveFile', [{ ...save, suggestedName: name }]);
          expect(request.suggestedName).not.toMatch(/[\\/]/);
          expect([...request.suggestedName].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)).toBe(false);
          expect(['.', '..', '']).not.toContain(request.suggestedName);
        } catch (error) {
          expect(error).toBeInstanceOf(IpcRejection);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses prototype-polluting keys and extra arguments on every channel', async () => {
    for (const channel of IPC_CHANNELS) {
      const polluted = JSON.parse('{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {}}}') as unknown;
      await expect(registered.get(channel)?.(event('tessera://app/index.html'), polluted)).rejects.toBeInstanceOf(
        IpcRejection,
      );
      await expect(
        registered.get(channel)?.(event('tessera://app/index.html'), VALID[channel], VALID[channel]),
      ).rejects.toThrow(/expected one argument/);
    }
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(dialogsShown).toEqual([]);
  });
});

describe('the handler list', () => {
  it('is the channel list, checked by the compiler', () => {
    const handlers = buildIpcHandlers({
      appInfo: { name: 'Tessera', version: '0', platform: 'electron', runtime: 'test' },
      showOpenDialogFor: () => async () => ({ canceled: true, filePaths: [] }),
      showSaveDialogFor: () => async () => ({ canceled: true, filePath: '' }),
      backupBaseDir: dir,
      backupPolicy: { recent: 1, days: 0, weeks: 0 },
    });
    expect(Object.keys(handlers).sort()).toEqual([...IPC_CHANNELS].sort());
    expect([...registered.keys()].sort()).toEqual([...IPC_CHANNELS].sort());

    // These lines are the compile-time check: `tsc` fails if any @ts-expect-error below stops being an error.
    const { saveFile: _left, ...missingOne } = handlers;
    // @ts-expect-error a channel without a handler does not compile
    const incomplete: IpcHandlers = missingOne;
    // @ts-expect-error a handler for a channel the contract does not have does not compile
    const extra: IpcHandlers = { ...handlers, deleteEverything: async () => undefined } satisfies IpcHandlers;
    const wrongType: IpcHandlers = {
      ...handlers,
      // @ts-expect-error a handler answering with the wrong type does not compile
      appInfo: async () => 'Tessera',
    };
    expect([incomplete, extra, wrongType]).toHaveLength(3);
  });
});

describe('a failed save', () => {
  /** What Electron does to a handler's error on its way to the renderer (lib/renderer/api/ipc-renderer.ts). */
  const acrossIpc = (channel: string, error: unknown) =>
    new Error(`Error invoking remote method '${channel}': ${String(error)}`);

  it('reaches the user as a sentence naming the file, the reason and that nothing was lost', async () => {
    const unwritable = path.join(dir, 'no-such-folder', 'study.tessera');
    const failing = buildIpcHandlers({
      appInfo: { name: 'Tessera', version: '0', platform: 'electron', runtime: 'test' },
      showOpenDialogFor: () => async () => ({ canceled: true, filePaths: [] }),
      showSaveDialogFor: () => async () => ({ canceled: false, filePath: unwritable }),
      backupBaseDir: dir,
      backupPolicy: { recent: 1, days: 0, weeks: 0 },
    });
    const request = parseIpcRequest('saveFile', [VALID.saveFile]);
    const thrown = await failing.saveFile(request, { sender: {} as never }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(thrown).toBeInstanceOf(Error);
    const shown = describeError(platformCallError('saveFile', acrossIpc('saveFile', thrown)));
    expect(shown).toBe(
      `"study.tessera" could not be saved in ${path.dirname(unwritable)}: its folder does not exist. ` +
        'Nothing was written there; your work in Tessera is unchanged.',
    );
    expect(shown).not.toMatch(/Error invoking remote method|ENOENT|Something went wrong/);
  });

  it('turns a refused call or an unexpected error into a sentence too, never Electron’s wording', async () => {
    const refused = acrossIpc('saveFile', new IpcRejection('IPC "saveFile" refused: invalid request (bytes: Invalid input)'));
    expect(describeError(platformCallError('saveFile', refused))).toBe(
      'Tessera could not save the file: IPC "saveFile" refused: invalid request (bytes: Invalid input).',
    );
    const desktop = withReadableErrors({
      appInfo: async () => ({ name: 'Tessera', version: '0', platform: 'electron', runtime: 'test' }),
      openFiles: async () => [],
      saveFile: async () => {
        throw acrossIpc('saveFile', new Error('EIO: i/o error, write'));
      },
      backupProject: async () => {
        throw acrossIpc('backupProject', 'Error');
      },
      listBackups: async () => ({ status: 'listed', folder: dir, backups: [] }),
      readBackup: async () => {
        throw acrossIpc('readBackup', new Error('ENOENT: no such file or directory'));
      },
    });
    const saving = desktop.saveFile({ title: 't', suggestedName: 'a.docx', filters: [], bytes: new Uint8Array() });
    await expect(saving).rejects.toMatchObject({ name: 'UserError', message: 'Tessera could not save the file: EIO: i/o error, write.' });
    await expect(desktop.backupProject({ projectId: PROJECT_ID, projectName: 'p', bytes: new Uint8Array() })).rejects.toThrow(
      /^Tessera could not write the backup of the project: /,
    );
    await expect(desktop.openFiles({ title: 'o', filters: [], allowMultiple: false })).resolves.toEqual([]);
  });
});

describe('backup reads', () => {
  it.each(['../../etc/passwd', '2025-03-04T05-06-07-089Z.tessera/../x', 'C:\\x.tessera', 'notes.txt', ''])(
    'refuse the file name %j before touching the disk',
    (fileName) => {
      expect(() => parseIpcRequest('readBackup', [{ projectId: PROJECT_ID, fileName }])).toThrow(IpcRejection);
    },
  );
});
