/**
 * What the command line does to the outside world, in one small interface: print, read a file, write a file. The
 * verbs use only this, so the same code runs as `tessera` and in tests.
 */
import { promises as fs } from 'node:fs';
import { writeFileAtomic } from '#node/atomic-write';
import { fileErrorReason } from '#node/file-errors';
import type { FileAction } from '#node/file-errors';

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

function describeFsError(error: unknown, path: string, doing: FileAction): CliFileError {
  const code = (error as { code?: unknown } | null)?.code;
  // The command line's own wording where it differs: a missing input is "no such file", and --force is the way out.
  if (code === 'ENOENT' && doing === 'read') return new CliFileError(`Cannot read ${path}: no such file.`);
  if (code === 'EEXIST') return new CliFileError(`Cannot write ${path}: it already exists (use --force to replace it).`);
  return new CliFileError(`Cannot ${doing} ${path}: ${fileErrorReason(error, doing)}.`);
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
    // The same atomic, flushed write as the app's saves: a temporary file beside the target, renamed into place.
    try {
      await writeFileAtomic(path, bytes, { replace: overwrite });
    } catch (error) {
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
