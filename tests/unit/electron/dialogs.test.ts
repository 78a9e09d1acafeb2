import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FileTooLargeError, MAX_OPEN_FILE_BYTES, openFiles, readFileCapped, saveFile } from '#electron/dialogs';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tessera-dialogs-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const openRequest = {
  title: 'Import transcripts',
  filters: [{ name: 'Transcripts', extensions: ['docx', 'txt'] }],
  allowMultiple: true,
};

describe('openFiles', () => {
  it('passes the title, filters and selection mode to the dialog and reads every picked file', async () => {
    await writeFile(path.join(dir, 'BU_pre_FGD_EN.txt'), 'Moderator: Welcome.');
    await writeFile(path.join(dir, 'empty.txt'), '');
    const showOpenDialog = vi.fn(async (_options: OpenDialogOptions) => ({
      canceled: false,
      filePaths: [path.join(dir, 'BU_pre_FGD_EN.txt'), path.join(dir, 'empty.txt')],
    }));
    const files = await openFiles(showOpenDialog, openRequest);
    expect(showOpenDialog).toHaveBeenCalledWith({
      title: 'Import transcripts',
      filters: [{ name: 'Transcripts', extensions: ['docx', 'txt'] }],
      properties: ['openFile', 'multiSelections'],
    });
    expect(files.map((file) => file.name)).toEqual(['BU_pre_FGD_EN.txt', 'empty.txt']);
    expect(new TextDecoder().decode(files[0]?.bytes)).toBe('Moderator: Welcome.');
    expect(files[1]?.bytes.byteLength).toBe(0);
  });

  it('offers a single selection when multiple is not allowed', async () => {
    const showOpenDialog = vi.fn(async (_options: OpenDialogOptions) => ({ canceled: true, filePaths: [] }));
    await openFiles(showOpenDialog, { ...openRequest, allowMultiple: false });
    expect(showOpenDialog.mock.calls[0]?.[0].properties).toEqual(['openFile']);
  });

  it('returns an empty list when the user cancels', async () => {
    const files = await openFiles(async () => ({ canceled: true, filePaths: [path.join(dir, 'x')] }), openRequest);
    expect(files).toEqual([]);
  });

  it('refuses the whole pick when one file is over the cap, with a message naming that file', async () => {
    await writeFile(path.join(dir, 'small.txt'), 'ok');
    const big = path.join(dir, 'huge recording.docx');
    await writeFile(big, '');
    await truncate(big, MAX_OPEN_FILE_BYTES + 1); // sparse: no real disk use
    const showOpenDialog = async () => ({ canceled: false, filePaths: [path.join(dir, 'small.txt'), big] });
    const attempt = openFiles(showOpenDialog, openRequest);
    await expect(attempt).rejects.toThrow(FileTooLargeError);
    await expect(attempt).rejects.toThrow('"huge recording.docx" is 512.0 MiB; Tessera opens files of at most 512.0 MiB.');
  });

  it('accepts a file exactly at the cap (tested with a small cap)', async () => {
    await writeFile(path.join(dir, 'exact.txt'), '12345');
    const showOpenDialog = async () => ({ canceled: false, filePaths: [path.join(dir, 'exact.txt')] });
    expect((await openFiles(showOpenDialog, openRequest, 5))[0]?.bytes.byteLength).toBe(5);
    await expect(openFiles(showOpenDialog, openRequest, 4)).rejects.toThrow('"exact.txt" is 0.0 MiB');
  });
});

describe('readFileCapped', () => {
  it('reads the whole file', async () => {
    const file = path.join(dir, 'a.txt');
    await writeFile(file, 'é'.repeat(70_000));
    expect(new TextDecoder().decode(await readFileCapped(file))).toBe('é'.repeat(70_000));
  });

  it('refuses a file over the limit without reading it', async () => {
    const file = path.join(dir, 'big.bin');
    await writeFile(file, new Uint8Array(11));
    await expect(readFileCapped(file, 10)).rejects.toThrow(FileTooLargeError);
  });
});

describe('saveFile', () => {
  const saveRequest = {
    title: 'Export codebook',
    suggestedName: 'codebook.docx',
    filters: [{ name: 'Word document', extensions: ['docx'] }],
    bytes: new Uint8Array([80, 75, 3, 4]),
  };

  it('asks where to save, with the suggested name, and writes the bytes there atomically', async () => {
    const target = path.join(dir, 'my codebook.docx');
    const showSaveDialog = vi.fn(async (_options: SaveDialogOptions) => ({ canceled: false, filePath: target }));
    await expect(saveFile(showSaveDialog, saveRequest)).resolves.toEqual({ status: 'saved', location: target });
    expect(showSaveDialog.mock.calls[0]?.[0]).toMatchObject({
      title: 'Export codebook',
      defaultPath: 'codebook.docx',
      filters: [{ name: 'Word document', extensions: ['docx'] }],
    });
    expect(new Uint8Array(await readFile(target))).toEqual(saveRequest.bytes);
    expect(await readdir(dir)).toEqual(['my codebook.docx']);
  });

  it('overwrites an existing file whole', async () => {
    const target = path.join(dir, 'codebook.docx');
    await writeFile(target, 'an older, longer export');
    await saveFile(async () => ({ canceled: false, filePath: target }), saveRequest);
    expect(new Uint8Array(await readFile(target))).toEqual(saveRequest.bytes);
  });

  it('writes nothing when the user cancels', async () => {
    const result = await saveFile(async () => ({ canceled: true, filePath: path.join(dir, 'x.docx') }), saveRequest);
    expect(result).toEqual({ status: 'cancelled' });
    expect(await readdir(dir)).toEqual([]);
  });
});
