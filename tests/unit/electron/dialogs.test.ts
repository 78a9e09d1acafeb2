import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FileTooLargeError, MAX_OPEN_FILE_BYTES, openFiles, readFileCapped, saveFile } from '#electron/dialogs';
import { isRefusedFile } from '#shared/platform/preload-api';
import type { PickedFile } from '#shared/platform/preload-api';

/** The bytes of a picked file that must have been read. */
function bytesOf(file: PickedFile | undefined): Uint8Array {
  if (!file || isRefusedFile(file)) throw new Error(`expected a read file, got ${JSON.stringify(file)}`);
  return file.bytes;
}

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
    expect(new TextDecoder().decode(bytesOf(files[0]))).toBe('Moderator: Welcome.');
    expect(bytesOf(files[1]).byteLength).toBe(0);
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

  it('refuses a file over the cap on its own, naming it, and still reads the others', async () => {
    await writeFile(path.join(dir, 'small.txt'), 'ok');
    const big = path.join(dir, 'huge recording.docx');
    await writeFile(big, '');
    await truncate(big, MAX_OPEN_FILE_BYTES + 1); // sparse: no real disk use
    const showOpenDialog = async () => ({ canceled: false, filePaths: [path.join(dir, 'small.txt'), big] });
    const [small, huge] = await openFiles(showOpenDialog, openRequest);
    expect(new TextDecoder().decode(bytesOf(small))).toBe('ok');
    expect(huge).toEqual({
      name: 'huge recording.docx',
      refusal: '"huge recording.docx" is 512 MB; Tessera opens files of at most 512 MB.',
    });
  });

  it('refuses a file that cannot be read, in words', async () => {
    const showOpenDialog = async () => ({ canceled: false, filePaths: [path.join(dir, 'gone.txt')] });
    const [gone] = await openFiles(showOpenDialog, openRequest);
    expect(gone).toEqual({ name: 'gone.txt', refusal: '"gone.txt" could not be read (it is no longer there).' });
  });

  it('accepts a file exactly at the cap (tested with a small cap)', async () => {
    await writeFile(path.join(dir, 'exact.txt'), '12345');
    const showOpenDialog = async () => ({ canceled: false, filePaths: [path.join(dir, 'exact.txt')] });
    expect(bytesOf((await openFiles(showOpenDialog, openRequest, 5))[0]).byteLength).toBe(5);
    const [refused] = await openFiles(showOpenDialog, openRequest, 4);
    expect(refused && isRefusedFile(refused) ? refused.refusal : '').toMatch(/^"exact.txt" is 0 MB/);
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
