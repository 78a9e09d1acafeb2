import { describe, expect, it } from 'vitest';
import { ZipReadError, crc32, readZipDirectory, readZipEntry } from '#shared/project-file/zip-reader';
import { CENTRAL, patchCentral, zip } from './zip-helpers.ts';

const limits = { maxEntries: 16 };
const archive = zip({ 'a.json': '{"a":1}', 'b.txt': 'hello hello hello hello' });

function readError(action: () => unknown): ZipReadError {
  try {
    action();
  } catch (error) {
    if (error instanceof ZipReadError) return error;
    throw error;
  }
  throw new Error('nothing was refused');
}

describe('crc32', () => {
  it('gives the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe('readZipDirectory and readZipEntry', () => {
  it('list the entries and read them back', () => {
    const entries = readZipDirectory(archive, limits);
    expect(entries.map((e) => [e.name, e.uncompressedSize])).toEqual([
      ['a.json', 7],
      ['b.txt', 23],
    ]);
    expect(new TextDecoder().decode(readZipEntry(archive, entries[1] as (typeof entries)[number], 100))).toBe('hello hello hello hello');
  });

  it('refuse more entries than allowed', () => {
    expect(readError(() => readZipDirectory(archive, { maxEntries: 1 })).kind).toBe('unsupported');
  });

  it('refuse encrypted entries, unknown compression and symbolic links', () => {
    expect(readError(() => readZipDirectory(patchCentral(archive, 'a.json', CENTRAL.flags, 1, 2), limits)).message).toMatch(/encrypted/);
    expect(readError(() => readZipDirectory(patchCentral(archive, 'a.json', CENTRAL.compression, 12, 2), limits)).message).toMatch(
      /unknown compression method \(12\)/,
    );
    const symlink = patchCentral(archive, 'a.json', CENTRAL.externalAttributes, (0o120777 << 16) >>> 0, 4);
    expect(readError(() => readZipDirectory(symlink, limits)).message).toMatch(/symbolic link/);
  });

  it('refuse entries that overlap (one compressed stream listed twice, the "better zip bomb")', () => {
    // Repeat the central directory of a one-entry archive: two entries then point at the same local header.
    const single = zip({ 'a.json': '{"a":1}' });
    const view = new DataView(single.buffer, single.byteOffset, single.byteLength);
    const end = single.length - 22;
    const directorySize = view.getUint32(end + 12, true);
    const directoryOffset = view.getUint32(end + 16, true);
    const directory = single.subarray(directoryOffset, directoryOffset + directorySize);
    const eocd = single.slice(end);
    const eocdView = new DataView(eocd.buffer);
    eocdView.setUint16(8, 2, true);
    eocdView.setUint16(10, 2, true);
    eocdView.setUint32(12, directorySize * 2, true);
    const doubled = new Uint8Array([...single.subarray(0, directoryOffset), ...directory, ...directory, ...eocd]);
    const error = readError(() => readZipDirectory(doubled, limits));
    expect(error.kind).toBe('unsupported');
    expect(error.message).toMatch(/overlap/);
  });

  it('refuse an entry whose CRC does not match', () => {
    const entries = readZipDirectory(patchCentral(archive, 'b.txt', CENTRAL.crc32, 1234, 4), limits);
    const patched = patchCentral(archive, 'b.txt', CENTRAL.crc32, 1234, 4);
    expect(readError(() => readZipEntry(patched, entries[1] as (typeof entries)[number], 100)).message).toMatch(/fails its CRC check/);
  });

  it('refuse an entry declared larger than the budget, and one shorter than it says', () => {
    const entries = readZipDirectory(archive, limits);
    expect(readError(() => readZipEntry(archive, entries[1] as (typeof entries)[number], 10)).kind).toBe('too-large');
    const longer = patchCentral(archive, 'b.txt', CENTRAL.uncompressedSize, 50, 4);
    const declared = readZipDirectory(longer, limits);
    expect(readError(() => readZipEntry(longer, declared[1] as (typeof declared)[number], 100)).message).toMatch(/shorter than it says/);
  });

  it('refuse data that is not a zip, and a zip cut short', () => {
    expect(readError(() => readZipDirectory(new TextEncoder().encode('just some text that is long enough'), limits)).kind).toBe('not-zip');
    expect(readError(() => readZipDirectory(archive.subarray(0, archive.length - 5), limits)).kind).toBe('damaged');
  });
});
