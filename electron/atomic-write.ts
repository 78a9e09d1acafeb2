/**
 * Writing a file so that a crash or power cut leaves either the old file or the whole new one, never a torn mix:
 * write a temporary file in the same folder, flush it to disk, then rename it over the target (a rename within one
 * folder is atomic on every file system the app supports), then flush the folder so the rename itself is durable.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** The suffix of temporary files written here, so leftovers of a crash can be recognised. */
export const TEMPORARY_FILE_SUFFIX = '.tessera-tmp';

/** Options of an atomic write. */
export interface AtomicWriteOptions {
  /** File mode of a newly created file (before the umask); 0o666 as usual unless the data is private. */
  readonly mode?: number;
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

/** Writes `bytes` to `targetPath` atomically and durably (temporary file, fsync, rename, folder fsync). */
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
    await rename(temporaryPath, targetPath);
  } catch (error) {
    await rm(temporaryPath, { force: true });
    throw error;
  }
  await flushFolder(folder);
}
