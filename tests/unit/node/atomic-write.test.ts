import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEMPORARY_FILE_SUFFIX, writeFileAtomic } from '#node/atomic-write';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tessera-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes a new file and leaves no temporary file behind', async () => {
    const target = path.join(dir, 'codebook.docx');
    await writeFileAtomic(target, new Uint8Array([80, 75, 3, 4]));
    expect(new Uint8Array(await readFile(target))).toEqual(new Uint8Array([80, 75, 3, 4]));
    expect(await readdir(dir)).toEqual(['codebook.docx']);
  });

  it('replaces an existing file whole', async () => {
    const target = path.join(dir, 'project.tessera');
    await writeFile(target, 'old contents that are longer than the new ones');
    await writeFileAtomic(target, new TextEncoder().encode('new'));
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['project.tessera']);
  });

  it('handles a target name as long as a file name can be', async () => {
    const target = path.join(dir, `${'n'.repeat(246)}.tessera`);
    await writeFileAtomic(target, new Uint8Array([1]));
    expect((await stat(target)).size).toBe(1);
  });

  it('creates private files when asked', async () => {
    if (process.platform === 'win32') return;
    const target = path.join(dir, 'backup.tessera');
    await writeFileAtomic(target, new Uint8Array([1]), { mode: 0o600 });
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it('leaves the old file and no temporary file when the write cannot complete', async () => {
    const target = path.join(dir, 'project.tessera');
    await writeFile(target, 'precious');
    // Renaming a file over a non-empty folder fails after the temporary file was fully written.
    const folderTarget = path.join(dir, 'a-folder');
    await mkdir(folderTarget);
    await writeFile(path.join(folderTarget, 'inside'), 'x');
    await expect(writeFileAtomic(folderTarget, new Uint8Array([1, 2]))).rejects.toThrow();
    expect(await readFile(target, 'utf8')).toBe('precious');
    const names = await readdir(dir);
    expect(names.filter((name) => name.endsWith(TEMPORARY_FILE_SUFFIX))).toEqual([]);
  });

  it('fails when the folder does not exist, creating nothing', async () => {
    await expect(writeFileAtomic(path.join(dir, 'missing', 'x.docx'), new Uint8Array([1]))).rejects.toThrow(/ENOENT/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('with replace: false, writes a new file but refuses an existing one, leaving it untouched and no temporary file', async () => {
    const target = path.join(dir, 'study.tessera');
    await writeFileAtomic(target, new TextEncoder().encode('first'), { replace: false });
    expect(await readFile(target, 'utf8')).toBe('first');
    await expect(writeFileAtomic(target, new TextEncoder().encode('second'), { replace: false })).rejects.toMatchObject({
      code: 'EEXIST',
    });
    expect(await readFile(target, 'utf8')).toBe('first');
    expect(await readdir(dir)).toEqual(['study.tessera']);
  });
});

describe('the command line writes files with the same atomic write', () => {
  it('writes, refuses to overwrite without --force in words, and replaces with it', async () => {
    const { nodeCliIo, CliFileError } = await import('../../../cli/cli-io.ts');
    const target = path.join(dir, 'out.qdc');
    await nodeCliIo.writeFile(target, new TextEncoder().encode('one'), { overwrite: false });
    const refusal = nodeCliIo.writeFile(target, new TextEncoder().encode('two'), { overwrite: false });
    await expect(refusal).rejects.toBeInstanceOf(CliFileError);
    await expect(refusal).rejects.toThrow(/already exists \(use --force to replace it\)/);
    expect(await readFile(target, 'utf8')).toBe('one');
    await nodeCliIo.writeFile(target, new TextEncoder().encode('two'), { overwrite: true });
    expect(await readFile(target, 'utf8')).toBe('two');
    expect(await readdir(dir)).toEqual(['out.qdc']);
  });

  it('has no write of its own: cli-io.ts uses node/atomic-write.ts', async () => {
    const source = await readFile(path.join(import.meta.dirname, '../../../cli/cli-io.ts'), 'utf8');
    expect(source).toMatch(/from '#node\/atomic-write'/);
    expect(source).not.toMatch(/\.rename\(|\.sync\(/);
  });
});
