import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, MAX_IPC_FILE_BYTES } from '#shared/platform/ipc-contract';

type RawHandler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

const { registered } = vi.hoisted(() => ({ registered: new Map<string, RawHandler>() }));

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: RawHandler) => {
      if (registered.has(channel)) throw new Error(`second handler for ${channel}`);
      registered.set(channel, handler);
    },
  },
}));

const { assertTrustedSender, handle, IpcRejection, parseIpcRequest, trustSender, trustedSenderIds } = await import(
  '#electron/ipc'
);

const TRUSTED_ID = 7;
const trusted = new Set([TRUSTED_ID]);
const appEvent = (url = 'tessera://app/index.html', id = TRUSTED_ID) => ({
  senderFrame: { url },
  sender: { id },
});
const PROJECT_ID = '0b6c9a9e-0f0e-4f34-9d4c-1f2b6a1c9a11';
const validSave = {
  title: 'Export codebook',
  suggestedName: 'codebook.docx',
  filters: [{ name: 'Word', extensions: ['docx'] }],
  bytes: new Uint8Array([1, 2, 3]),
};

function hugeBytes(): Uint8Array {
  // A real 1 GiB + 1 buffer is not needed to test the bound: only byteLength is read.
  const bytes = new Uint8Array(1);
  Object.defineProperty(bytes, 'byteLength', { value: MAX_IPC_FILE_BYTES + 1 });
  return bytes;
}

describe('assertTrustedSender', () => {
  it('accepts a frame of tessera://app in a trusted window', () => {
    expect(() => assertTrustedSender('appInfo', appEvent() as never, trusted)).not.toThrow();
  });

  it('refuses a call whose frame is gone (null senderFrame)', () => {
    const event = { senderFrame: null, sender: { id: TRUSTED_ID } };
    expect(() => assertTrustedSender('appInfo', event as never, trusted)).toThrow(/sending frame is gone/);
  });

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:5173/',
    'file:///home/user/tessera/index.html',
    'tessera://evil/index.html',
    'tessera://evil@app/index.html',
    'tessera://app.evil/',
    'about:blank',
    'data:text/html,x',
    '',
  ])('refuses a frame from %s', (url) => {
    expect(() => assertTrustedSender('saveFile', appEvent(url) as never, trusted)).toThrow(IpcRejection);
  });

  it('refuses an app-origin frame in a web contents the app did not create', () => {
    expect(() => assertTrustedSender('saveFile', appEvent(undefined, 99) as never, trusted)).toThrow(
      /not one of the app's windows/,
    );
  });
});

describe('trustSender', () => {
  it('trusts a web contents until it is destroyed', () => {
    const contents = Object.assign(new EventEmitter(), { id: 4242 });
    trustSender(contents);
    expect(trustedSenderIds.has(4242)).toBe(true);
    contents.emit('destroyed');
    expect(trustedSenderIds.has(4242)).toBe(false);
  });
});

describe('parseIpcRequest', () => {
  it('accepts the valid request of every channel', () => {
    expect(parseIpcRequest('appInfo', [])).toBeUndefined();
    expect(parseIpcRequest('appInfo', [undefined])).toBeUndefined();
    expect(
      parseIpcRequest('openFiles', [
        { title: 'Import', filters: [{ name: 'Transcripts', extensions: ['docx', 'txt'] }], allowMultiple: true },
      ]),
    ).toEqual({ title: 'Import', filters: [{ name: 'Transcripts', extensions: ['docx', 'txt'] }], allowMultiple: true });
    expect(parseIpcRequest('saveFile', [validSave]).bytes).toEqual(new Uint8Array([1, 2, 3]));
    expect(
      parseIpcRequest('backupProject', [{ projectId: PROJECT_ID, projectName: 'Böblingen pre', bytes: new Uint8Array(2) }])
        .projectId,
    ).toBe(PROJECT_ID);
  });

  it('covers exactly the TesseraApi members', () => {
    expect([...IPC_CHANNELS].sort()).toEqual(['appInfo', 'backupProject', 'listBackups', 'openFiles', 'readBackup', 'saveFile']);
  });

  const invalid: [string, Parameters<typeof parseIpcRequest>[0], unknown[]][] = [
    ['a payload for appInfo', 'appInfo', [{ x: 1 }]],
    ['two arguments', 'saveFile', [validSave, validSave]],
    ['no payload', 'saveFile', []],
    ['an unknown key', 'saveFile', [{ ...validSave, path: '/etc/passwd' }]],
    ['a folder in the name', 'saveFile', [{ ...validSave, suggestedName: '../../.bashrc' }]],
    ['a Windows folder in the name', 'saveFile', [{ ...validSave, suggestedName: 'C:\\Users\\x\\a.docx' }]],
    ['".." as the name', 'saveFile', [{ ...validSave, suggestedName: '..' }]],
    ['an empty name', 'saveFile', [{ ...validSave, suggestedName: '' }]],
    ['a NUL in the name', 'saveFile', [{ ...validSave, suggestedName: 'a\u0000.docx' }]],
    ['a 256-character name', 'saveFile', [{ ...validSave, suggestedName: `${'a'.repeat(251)}.docx` }]],
    ['bytes as a number array', 'saveFile', [{ ...validSave, bytes: [1, 2, 3] }]],
    ['bytes as a string', 'saveFile', [{ ...validSave, bytes: 'AQID' }]],
    ['more than 1 GiB', 'saveFile', [{ ...validSave, bytes: hugeBytes() }]],
    ['an extension with a dot', 'saveFile', [{ ...validSave, filters: [{ name: 'Word', extensions: ['.docx'] }] }]],
    ['an uppercase extension', 'saveFile', [{ ...validSave, filters: [{ name: 'Word', extensions: ['DOCX'] }] }]],
    ['a pattern extension', 'saveFile', [{ ...validSave, filters: [{ name: 'W', extensions: ['do*'] }] }]],
    [
      '17 extensions',
      'saveFile',
      [{ ...validSave, filters: [{ name: 'W', extensions: Array.from({ length: 17 }, (_, i) => `e${i}`) }] }],
    ],
    [
      '17 filters',
      'openFiles',
      [{ title: 'x', allowMultiple: false, filters: Array.from({ length: 17 }, () => ({ name: 'a', extensions: ['a'] })) }],
    ],
    ['a string for allowMultiple', 'openFiles', [{ title: 'x', filters: [], allowMultiple: 'yes' }]],
    ['an overlong title', 'openFiles', [{ title: 'x'.repeat(201), filters: [], allowMultiple: false }]],
    ['null', 'openFiles', [null]],
    ['a path as project id', 'backupProject', [{ projectId: '../../etc', projectName: 'p', bytes: new Uint8Array(1) }]],
    [
      'an uppercase project id',
      'backupProject',
      [{ projectId: PROJECT_ID.toUpperCase(), projectName: 'p', bytes: new Uint8Array(1) }],
    ],
    [
      'a backup over 1 GiB',
      'backupProject',
      [{ projectId: PROJECT_ID, projectName: 'p', bytes: hugeBytes() }],
    ],
  ];

  it.each(invalid)('refuses %s', (_label, channel, args) => {
    expect(() => parseIpcRequest(channel, args)).toThrow(IpcRejection);
  });
});

describe('handle', () => {
  beforeEach(() => registered.clear());

  it('runs the handler with the parsed request and the sender, only for a trusted app frame', async () => {
    const handler = vi.fn(async (request: { suggestedName: string }, _context: unknown) => ({
      status: 'saved' as const,
      location: `/tmp/${request.suggestedName}`,
    }));
    handle('saveFile', handler, trusted);
    const raw = registered.get('saveFile');
    expect(raw).toBeDefined();

    await expect(raw?.(appEvent(), validSave)).resolves.toEqual({ status: 'saved', location: '/tmp/codebook.docx' });
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler.mock.calls[0]?.[1]).toEqual({ sender: { id: TRUSTED_ID } });
  });

  it('never runs the handler for a bad sender or a bad payload', async () => {
    const handler = vi.fn(async () => ({ status: 'cancelled' as const }));
    handle('saveFile', handler, trusted);
    const raw = registered.get('saveFile');

    await expect(raw?.({ senderFrame: null, sender: { id: TRUSTED_ID } }, validSave)).rejects.toThrow(IpcRejection);
    await expect(raw?.(appEvent('https://evil.example/'), validSave)).rejects.toThrow(IpcRejection);
    await expect(raw?.(appEvent(undefined, 12), validSave)).rejects.toThrow(IpcRejection);
    await expect(raw?.(appEvent(), { ...validSave, suggestedName: '/etc/passwd' })).rejects.toThrow(
      /invalid request \(suggestedName/,
    );
    expect(handler).not.toHaveBeenCalled();
  });
});
