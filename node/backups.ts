/**
 * Rotating on-disk backups of project snapshots (.tessera bytes), so IndexedDB is never the only copy (Chromium has
 * reset corrupted IndexedDB stores, electron#41877) and a bad state cannot overwrite every good one (QualCoder
 * #265): each backup is a new generation, and generations are kept by `generationsToKeep` (the last 10, the last of
 * each of 7 days, the last of each of 5 weeks). A backup whose project is the same as the newest one's is not written
 * again, so an idle project does not push out its older generations.
 *
 * Each generation is written to a temporary file, flushed, read back and compared (SHA-256), then renamed.
 *
 * Layout: `<baseDir>/<projectId>/<UTC timestamp>[-n].tessera`, e.g. `2025-03-04T05-06-07-089Z.tessera`. The base
 * folder is injected (the app passes `userData/backups`), so the tests run on a temporary folder. Node-only and
 * Electron-free: the main process writes and lists backups with it, and `tessera backups` lists them.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BackupEntry, BackupListing, BackupRequest, BackupResult } from '#shared/platform/preload-api';
import { isUuid } from '#shared/model/ids';
import { DEFAULT_GENERATION_POLICY, generationsToKeep, type GenerationPolicy } from '#shared/backups/backup-generations';
import { readProjectFileManifest } from '#shared/project-file/project-file';
import { TEMPORARY_FILE_SUFFIX, writeFileAtomic } from '#node/atomic-write';

/** How many recent generations of each project are kept (besides the daily and weekly ones). */
export const DEFAULT_BACKUP_GENERATIONS = DEFAULT_GENERATION_POLICY.recent;

/** The extension of backup files. */
export const BACKUP_EXTENSION = '.tessera';

/** Where and how to write backups. */
export interface BackupOptions {
  /** The folder that holds one subfolder per project. */
  readonly baseDir: string;
  /**
   * Keep only this many newest generations, with no daily or weekly ones (at least 1). Without it, the default
   * policy (or `policy`) applies.
   */
  readonly keep?: number;
  /** Which generations to keep; DEFAULT_GENERATION_POLICY unless given. */
  readonly policy?: GenerationPolicy;
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

/** The moment a backup file name states, in milliseconds since 1970. */
export function backupMoment(name: BackupName): number {
  const [date, time] = name.stamp.split('T') as [string, string];
  const [hours, minutes, seconds, millis] = time.replace('Z', '').split('-');
  return Date.parse(`${date}T${hours}:${minutes}:${seconds}.${millis}Z`);
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

/**
 * What a backup holds, for telling two backups of the same project apart: the SHA-256 of its project (stated in its
 * manifest, and equal for equal projects whatever the time of saving), or of the whole file for anything else.
 */
function contentKey(bytes: Uint8Array): string {
  try {
    return `project:${readProjectFileManifest(bytes).checksum.value}`;
  } catch {
    return `bytes:${createHash('sha256').update(bytes).digest('hex')}`;
  }
}

async function writeGeneration(projectDir: string, bytes: Uint8Array, policy: GenerationPolicy, now: Date): Promise<BackupResult> {
  // Backups hold sensitive interview data: the folders and files are private to the user.
  await mkdir(projectDir, { recursive: true, mode: 0o700 });
  const newestName = (await listBackups(projectDir)).at(-1);
  if (newestName !== undefined) {
    const newestBytes = await readFile(path.join(projectDir, newestName)).catch(() => null);
    if (newestBytes !== null && contentKey(newestBytes) === contentKey(bytes)) {
      return { status: 'unchanged', location: path.join(projectDir, newestName) };
    }
  }
  const newest = parseBackupName(newestName ?? '');
  // The new generation must sort newest, or rotation would delete it first: if the clock went back (or two backups
  // fall in one millisecond), it takes the newest one's time with the next sequence number.
  const nowStamp = backupTimestamp(now);
  const stamp = newest !== null && newest.stamp >= nowStamp ? newest.stamp : nowStamp;
  const sequence = newest !== null && newest.stamp === stamp ? newest.sequence + 1 : 0;
  const fileName = sequence > 0 ? `${stamp}-${sequence}${BACKUP_EXTENSION}` : `${stamp}${BACKUP_EXTENSION}`;
  const location = path.join(projectDir, fileName);
  await writeFileAtomic(location, bytes, { mode: 0o600, verify: true });

  // Rotation runs only after the new generation is safely on disk, and never deletes it.
  const generations = (await listBackups(projectDir)).map((name) => parseBackupName(name) as BackupName);
  const keep = generationsToKeep(
    generations.map((generation) => ({ id: generation.fileName, madeAt: backupMoment(generation) })),
    now.getTime(),
    policy,
  );
  keep.add(fileName);
  const surplus = generations.filter((generation) => !keep.has(generation.fileName));
  for (const old of surplus) await rm(path.join(projectDir, old.fileName), { force: true });

  // Temporary files left by a crash in an earlier write are garbage (their rename never happened).
  for (const entry of await readdir(projectDir)) {
    if (entry.endsWith(TEMPORARY_FILE_SUFFIX)) await rm(path.join(projectDir, entry), { force: true });
  }
  return { status: 'written', location, generationsKept: generations.length - surplus.length };
}

/**
 * Writes a new backup generation of a project (temporary file, fsync, read back and compared, rename) unless its
 * project is the same as the newest backup's, and deletes the generations the policy no longer keeps.
 */
export async function writeProjectBackup(request: BackupRequest, options: BackupOptions): Promise<BackupResult> {
  const keep = options.keep;
  if (keep !== undefined && (!Number.isInteger(keep) || keep < 1)) {
    throw new Error(`keep must be a whole number of at least 1, not ${keep}.`);
  }
  const policy = keep !== undefined ? { recent: keep, days: 0, weeks: 0 } : (options.policy ?? DEFAULT_GENERATION_POLICY);
  const projectDir = projectBackupDir(options.baseDir, request.projectId);
  const now = (options.now ?? (() => new Date()))();
  return serialised(projectDir, () => writeGeneration(projectDir, request.bytes, policy, now));
}

/** The backups of one project folder, newest first, each with what its manifest says (or why it cannot be read). */
export async function describeBackups(projectDir: string): Promise<BackupEntry[]> {
  const names = (await listBackups(projectDir)).reverse();
  return Promise.all(
    names.map(async (fileName): Promise<BackupEntry> => {
      const madeAt = new Date(backupMoment(parseBackupName(fileName) as BackupName)).toISOString();
      const location = path.join(projectDir, fileName);
      const bytes = await readFile(location);
      try {
        const manifest = readProjectFileManifest(bytes);
        return { fileName, madeAt, size: bytes.byteLength, projectName: manifest.project.name, savedAt: manifest.savedAt, counts: manifest.counts };
      } catch (error) {
        return { fileName, madeAt, size: bytes.byteLength, problem: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
}

/** The backups of a project: where they are, and each generation newest first. */
export async function listProjectBackups(baseDir: string, projectId: string): Promise<BackupListing> {
  const folder = projectBackupDir(baseDir, projectId);
  return { status: 'listed', folder, backups: await describeBackups(folder) };
}

/** The bytes of one backup of a project; the name must be a backup file name, so it can never be a path. */
export async function readProjectBackup(baseDir: string, projectId: string, fileName: string): Promise<Uint8Array> {
  if (parseBackupName(fileName) === null) throw new Error(`Not a backup file name: ${JSON.stringify(fileName.slice(0, 80))}.`);
  const location = path.join(projectBackupDir(baseDir, projectId), fileName);
  await stat(location);
  return new Uint8Array(await readFile(location));
}
