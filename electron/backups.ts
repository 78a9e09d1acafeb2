/**
 * Rotating on-disk backups of project snapshots (.tessera bytes), so IndexedDB is never the only copy (Chromium has
 * reset corrupted IndexedDB stores, electron#41877) and a bad state cannot overwrite the last good one (QualCoder
 * #265): each backup is a new generation, and only the oldest beyond `keep` are deleted.
 *
 * Layout: `<baseDir>/<projectId>/<UTC timestamp>[-n].tessera`, e.g. `2025-03-04T05-06-07-089Z.tessera`. The base
 * folder is injected (the app passes `userData/backups`), so the tests run on a temporary folder.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { BackupRequest, BackupResult } from '#shared/platform/preload-api';
import { isUuid } from '#shared/model/ids';
import { TEMPORARY_FILE_SUFFIX, writeFileAtomic } from '#node/atomic-write';

/** How many generations of each project are kept when the caller does not say. */
export const DEFAULT_BACKUP_GENERATIONS = 10;

/** The extension of backup files. */
export const BACKUP_EXTENSION = '.tessera';

/** Where and how to write backups. */
export interface BackupOptions {
  /** The folder that holds one subfolder per project. */
  readonly baseDir: string;
  /** How many generations to keep per project (at least 1). */
  readonly keep?: number;
  /** The current time; injected for deterministic tests. */
  readonly now?: () => Date;
}

const BACKUP_NAME_PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)(?:-(\d{1,6}))?\.tessera$/;

/** A backup file's name parts: its timestamp (sortable text) and its sequence number within that millisecond. */
interface BackupName {
  readonly fileName: string;
  readonly stamp: string;
  readonly sequence: number;
}

/** Parses a backup file name; null for anything else in the folder. */
export function parseBackupName(fileName: string): BackupName | null {
  const match = BACKUP_NAME_PATTERN.exec(fileName);
  if (match === null || match[1] === undefined) return null;
  return { fileName, stamp: match[1], sequence: match[2] === undefined ? 0 : Number(match[2]) };
}

/** The file-name timestamp for a moment: ISO 8601 in UTC with `-` for `:` and `.`, so it is valid on every OS. */
export function backupTimestamp(moment: Date): string {
  return moment.toISOString().replace(/[:.]/g, '-');
}

function compareOldestFirst(a: BackupName, b: BackupName): number {
  if (a.stamp !== b.stamp) return a.stamp < b.stamp ? -1 : 1;
  return a.sequence - b.sequence;
}

/** The backup files of a project folder, oldest first; other files there are ignored. */
export async function listBackups(projectDir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(projectDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .map(parseBackupName)
    .filter((name): name is BackupName => name !== null)
    .sort(compareOldestFirst)
    .map((name) => name.fileName);
}

/** The folder of a project's backups; refuses any id that is not a canonical UUID, so it can never be a path. */
export function projectBackupDir(baseDir: string, projectId: string): string {
  if (!isUuid(projectId)) throw new Error(`Not a project id: ${JSON.stringify(projectId.slice(0, 80))}.`);
  return path.join(baseDir, projectId);
}

// One write at a time per project folder, so two quick backups never race in naming or rotation.
const queues = new Map<string, Promise<unknown>>();

function serialised<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.then(task, task);
  const settled = next.catch(() => undefined);
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return next;
}

async function writeGeneration(projectDir: string, bytes: Uint8Array, keep: number, now: Date): Promise<BackupResult> {
  // Backups hold sensitive interview data: the folders and files are private to the user.
  await mkdir(projectDir, { recursive: true, mode: 0o700 });
  const newest = parseBackupName((await listBackups(projectDir)).at(-1) ?? '');
  // The new generation must sort newest, or rotation would delete it first: if the clock went back (or two backups
  // fall in one millisecond), it takes the newest one's time with the next sequence number.
  const nowStamp = backupTimestamp(now);
  const stamp = newest !== null && newest.stamp >= nowStamp ? newest.stamp : nowStamp;
  const sequence = newest !== null && newest.stamp === stamp ? newest.sequence + 1 : 0;
  const fileName = sequence > 0 ? `${stamp}-${sequence}${BACKUP_EXTENSION}` : `${stamp}${BACKUP_EXTENSION}`;
  const location = path.join(projectDir, fileName);
  await writeFileAtomic(location, bytes, { mode: 0o600 });

  // Rotation runs only after the new generation is safely on disk.
  const generations = await listBackups(projectDir);
  const surplus = generations.slice(0, Math.max(0, generations.length - keep)).filter((name) => name !== fileName);
  for (const old of surplus) await rm(path.join(projectDir, old), { force: true });

  // Temporary files left by a crash in an earlier write are garbage (their rename never happened).
  for (const entry of await readdir(projectDir)) {
    if (entry.endsWith(TEMPORARY_FILE_SUFFIX)) await rm(path.join(projectDir, entry), { force: true });
  }
  return { status: 'written', location, generationsKept: generations.length - surplus.length };
}

/**
 * Writes a new backup generation of a project (temporary file, fsync, rename) and deletes the oldest generations
 * beyond `keep`.
 */
export async function writeProjectBackup(request: BackupRequest, options: BackupOptions): Promise<BackupResult> {
  const keep = options.keep ?? DEFAULT_BACKUP_GENERATIONS;
  if (!Number.isInteger(keep) || keep < 1) throw new Error(`keep must be a whole number of at least 1, not ${keep}.`);
  const projectDir = projectBackupDir(options.baseDir, request.projectId);
  const now = (options.now ?? (() => new Date()))();
  return serialised(projectDir, () => writeGeneration(projectDir, request.bytes, keep, now));
}
