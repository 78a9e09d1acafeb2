/**
 * Writing a file so that a crash or power cut leaves either the old file or the whole new one, never a torn mix:
 * write a temporary file in the same folder, flush it to disk, then rename it over the target (a rename within one
 * folder is atomic on every file system the app supports), then flush the folder so the rename itself is durable.
 *
 * The one atomic write of Tessera: the main process (saves, backups) and the command line (`tessera ... -o FILE`)
 * both use it. node/ holds code that needs Node's file system but neither Electron nor the command line.
 */
import { createHash, randomBytes } from 'node:crypto';
import { link, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** The suffix of temporary files written here, so leftovers of a crash can be recognised. */
export const TEMPORARY_FILE_SUFFIX = '.tessera-tmp';

/** Options of an atomic write. */
export interface AtomicWriteOptions {
  /** File mode of a newly created file (before the umask); 0o666 as usual unless the data is private. */
  readonly mode?: number;
  /**
   * Whether an existing file at the target is replaced (the default). When false, the write fails with an `EEXIST`
   * error and leaves the existing file untouched.
   */
  readonly replace?: boolean;
  /**
   * Whether the flushed temporary file is opened again and its SHA-256 compared with the bytes meant to be written
   * before it is moved into place (for backups: a copy that cannot be read back is not a backup). A mismatch fails
   * the write and leaves the target untouched.
   */
  readonly verify?: boolean;
}

/** A file read back after writing differed from what was written (a failing disk, or a full one that lied). */
export class ReadBackMismatch extends Error {
  override readonly name = 'ReadBackMismatch';
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function checkReadBack(temporaryPath: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(temporaryPath, 'r');
  let readBack: Buffer;
  try {
    readBack = await handle.readFile();
  } finally {
    await handle.close();
  }
  if (readBack.byteLength !== bytes.byteLength || sha256(readBack) !== sha256(bytes)) {
    throw new ReadBackMismatch(
      `The file written to ${path.dirname(temporaryPath)} did not read back as written (${readBack.byteLength} of ${bytes.byteLength} bytes, checksum differs).`,
    );
  }
}

/** Error codes of a file system that cannot make hard links (FAT and exFAT USB drives, some network shares). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

function codeOf(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

/**
 * Moves the finished temporary file to the target without replacing an existing one. A hard link fails atomically
 * when the target exists; where the file system has no hard links, an existence check then a rename is the best
 * there is (a file created in between would be replaced).
 */
async function moveIntoPlaceWithoutReplacing(temporaryPath: string, targetPath: string): Promise<void> {
  try {
    await link(temporaryPath, targetPath);
    await rm(temporaryPath, { force: true });
    return;
  } catch (error) {
    if (!NO_HARD_LINKS.has(codeOf(error) as string)) throw error;
  }
  const exists = await stat(targetPath).then(
    () => true,
    (error: unknown) => {
      if (codeOf(error) === 'ENOENT') return false;
      throw error;
    },
  );
  if (exists) throw Object.assign(new Error(`EEXIST: file already exists, '${targetPath}'`), { code: 'EEXIST' });
  await rename(temporaryPath, targetPath);
}

async function flushFolder(folder: string): Promise<void> {
  // Windows cannot open a folder for flushing, and NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes `bytes` to `targetPath` atomically and durably (temporary file, fsync, optionally read back and compared,
 * rename, folder fsync).
 */
export async function writeFileAtomic(
  targetPath: string,
  bytes: Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const folder = path.dirname(targetPath);
  // Not derived from the target's name: that may already be as long as a file name can be.
  const temporaryPath = path.join(folder, `.${randomBytes(8).toString('hex')}${TEMPORARY_FILE_SUFFIX}`);
  // 'wx': never follow or reuse something already at the temporary path.
  const handle = await open(temporaryPath, 'wx', options.mode ?? 0o666);
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.verify === true) await checkReadBack(temporaryPath, bytes);
    if (options.replace === false) await moveIntoPlaceWithoutReplacing(temporaryPath, targetPath);
    else await rename(temporaryPath, targetPath);
  } catch (error) {
    await rm(temporaryPath, { force: true });
    throw error;
  }
  await flushFolder(folder);
}
