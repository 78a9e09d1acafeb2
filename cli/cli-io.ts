/**
 * What the command line does to the outside world, in one small interface: print, read a file, write a file. The
 * verbs use only this, so the same code runs as `tessera` and in tests.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';

/** The outside world of a command. */
export interface CliIo {
  /** Writes to standard output. */
  readonly out: (text: string) => void;
  /** Writes to standard error. */
  readonly err: (text: string) => void;
  readonly readFile: (path: string) => Promise<Uint8Array>;
  /** Writes a whole file, so that readers see the old file or the new one, never half of it. */
  readonly writeFile: (path: string, bytes: Uint8Array, options: { readonly overwrite: boolean }) => Promise<void>;
  /** Makes a folder (and the folders above it) unless it exists. */
  readonly makeDirectory: (path: string) => Promise<void>;
}

/** An error with a message fit to print as it is (a file that cannot be read or written). */
export class CliFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliFileError';
  }
}

function describeFsError(error: unknown, path: string, doing: 'read' | 'write'): CliFileError {
  const code = (error as { code?: unknown } | null)?.code;
  const reasons: Record<string, string> = {
    ENOENT: doing === 'read' ? 'no such file' : 'its folder does not exist',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'it is a folder',
    EEXIST: 'it already exists (use --force to replace it)',
    ENOSPC: 'the disk is full',
  };
  const reason = typeof code === 'string' && reasons[code] ? reasons[code] : String((error as Error)?.message ?? error);
  return new CliFileError(`Cannot ${doing} ${path}: ${reason}.`);
}

/** The real outside world: the process's streams and the file system. */
export const nodeCliIo: CliIo = {
  out: (text) => {
    process.stdout.write(text);
  },
  err: (text) => {
    process.stderr.write(text);
  },
  readFile: async (path) => {
    try {
      const buffer = await fs.readFile(path);
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    } catch (error) {
      throw describeFsError(error, path, 'read');
    }
  },
  writeFile: async (path, bytes, { overwrite }) => {
    // Write a temporary file beside the target, flush it, then rename it into place.
    const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      if (!overwrite) {
        const exists = await fs.stat(path).then(
          () => true,
          () => false,
        );
        if (exists) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
      }
      const handle = await fs.open(temporary, 'wx');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temporary, path);
    } catch (error) {
      await fs.rm(temporary, { force: true });
      throw describeFsError(error, path, 'write');
    }
  },
  makeDirectory: async (path) => {
    try {
      await fs.mkdir(path, { recursive: true });
    } catch (error) {
      throw describeFsError(error, path, 'write');
    }
  },
};
