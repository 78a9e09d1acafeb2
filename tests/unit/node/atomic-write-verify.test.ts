/**
 * The read-back check of writeFileAtomic: a disk that acknowledges a write but keeps other bytes (simulated by a file
 * handle that drops the last byte) must fail the write and leave the target as it was.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as FsPromises from 'node:fs/promises';

const faults = vi.hoisted(() => ({ truncateWrites: false }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  const open: typeof actual.open = async (...args) => {
    const handle = await actual.open(...args);
    if (!faults.truncateWrites) return handle;
    const writeFileOriginal = handle.writeFile.bind(handle);
    // The disk "loses" the last byte of what was written.
    handle.writeFile = ((data: Uint8Array) => writeFileOriginal(data.subarray(0, Math.max(0, data.byteLength - 1)))) as typeof handle.writeFile;
    return handle;
  };
  return { ...actual, open, default: { ...actual, open } };
});

const { ReadBackMismatch, writeFileAtomic } = await import('#node/atomic-write');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tessera-verify-'));
});
afterEach(async () => {
  faults.truncateWrites = false;
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic with verify', () => {
  it('writes when the bytes read back as written', async () => {
    const target = path.join(dir, 'backup.tessera');
    await writeFileAtomic(target, new TextEncoder().encode('whole project'), { verify: true });
    expect(await readFile(target, 'utf8')).toBe('whole project');
  });

  it('fails, keeps the old file and leaves no temporary file when the read-back differs', async () => {
    const target = path.join(dir, 'backup.tessera');
    await writeFile(target, 'the previous good copy');
    faults.truncateWrites = true;
    await expect(writeFileAtomic(target, new TextEncoder().encode('new copy'), { verify: true })).rejects.toBeInstanceOf(ReadBackMismatch);
    expect(await readFile(target, 'utf8')).toBe('the previous good copy');
    expect(await readdir(dir)).toEqual(['backup.tessera']);
  });

  it('without verify, the same fault goes unnoticed (which is why backups verify)', async () => {
    const target = path.join(dir, 'export.docx');
    faults.truncateWrites = true;
    await writeFileAtomic(target, new TextEncoder().encode('abc'));
    expect(await readFile(target, 'utf8')).toBe('ab');
  });
});
