/**
 * The .tessera file: Tessera's backup and exchange format.
 *
 * A zip archive with exactly two entries: `tessera.json`, the manifest (see `manifest.ts`), and `project.json`, the
 * ProjectSnapshot as JSON. The manifest carries the SHA-256 of the exact bytes of `project.json`, so any damage to
 * the project is found before it is read; the format version lets newer versions upgrade older files
 * (`migrations.ts`) and lets older versions refuse newer files instead of misreading them.
 *
 * Opening a file never trusts it: names, declared sizes and layout are checked before anything is inflated, inflated
 * bytes are capped, and the project must pass the schema and the integrity check before it is handed on. Every
 * refusal is a ProjectFileError with a message for the user. Hashing uses WebCrypto, present in browsers, Electron
 * and Node alike.
 */
import { zipSync } from 'fflate';
import { checkSnapshotIntegrity, parseProjectSnapshot, type IntegrityProblem } from '../model/schema.ts';
import type { IsoDateTime, ProjectSnapshot } from '../model/types.ts';
import { sniffBinaryFormat } from '../import/file-sniff.ts';
import {
  PROJECT_FILE_FORMAT,
  manifestHeadSchema,
  manifestSchema,
  snapshotCounts,
  type ProjectFileManifest,
} from './manifest.ts';
import { PROJECT_FILE_FORMAT_VERSION, checkReadableVersion, upgradeProjectData } from './migrations.ts';
import { ProjectFileError } from './project-file-error.ts';
import { ZipReadError, printable, readZipDirectory, readZipEntry } from './zip-reader.ts';

/** The names of the two entries of a project file. */
export const PROJECT_FILE_ENTRIES = { manifest: 'tessera.json', project: 'project.json' } as const;

/** Any zip without a manifest (a Word document, a REFI-QDA project) is simply not a project file. */
const NOT_A_PROJECT_FILE_ZIP =
  'This is a zip archive (such as a Word document or a REFI-QDA project) but not a Tessera project file.';

/** Byte budgets, checked on declared sizes before inflating and on the bytes that come out. */
export const PROJECT_FILE_LIMITS = {
  manifestBytes: 64 * 1024,
  projectBytes: 1024 * 1024 * 1024,
} as const;

/** What a saved file records about its saving. */
export interface EncodeProjectFileOptions {
  readonly appVersion: string;
  readonly savedAt: IsoDateTime;
}

/** An opened project file: the project, the manifest, and what the user should know. */
export interface DecodedProjectFile {
  readonly snapshot: ProjectSnapshot;
  readonly manifest: ProjectFileManifest;
  readonly warnings: readonly string[];
}

/** The SHA-256 of some bytes, as 64 lowercase hex digits. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Writes a project as .tessera bytes. The snapshot is checked first (schema and integrity), because a backup that
 * cannot be opened again is worse than a save that fails; an inconsistent project throws a ProjectFileError.
 */
export async function encodeProjectFile(snapshot: ProjectSnapshot, options: EncodeProjectFileOptions): Promise<Uint8Array> {
  const parsed = parseProjectSnapshot(snapshot);
  if (!parsed.ok) {
    throw new ProjectFileError('invalid-project', `The project cannot be saved: ${describeProblems(parsed.problems)}`);
  }
  const problems = checkSnapshotIntegrity(parsed.snapshot);
  if (problems.length > 0) {
    throw new ProjectFileError('invalid-project', `The project cannot be saved: ${describeProblems(problems)}`);
  }
  // The parsed copy is written: its keys come in schema order, so equal projects give equal bytes.
  return writeProjectArchive(parsed.snapshot, PROJECT_FILE_FORMAT_VERSION, snapshotCounts(parsed.snapshot), options);
}

/**
 * Writes project data exactly as a store of an older schema holds it, as a file of that format version: the
 * snapshot taken before a store is upgraded, which this version's schema would refuse to write. Nothing is checked
 * or changed, so the file is what the older Tessera had, and opening it upgrades it like any older file.
 */
export async function encodeRawProjectFile(
  data: { readonly project: { readonly id: string; readonly name: string } } & Readonly<Record<string, unknown>>,
  formatVersion: number,
  options: EncodeProjectFileOptions,
): Promise<Uint8Array> {
  const counts = Object.fromEntries(
    Object.entries(data).flatMap(([key, value]) => (Array.isArray(value) ? [[key, value.length] as const] : [])),
  );
  return writeProjectArchive(data, formatVersion, counts, options);
}

async function writeProjectArchive(
  data: { readonly project: { readonly id: string; readonly name: string } },
  formatVersion: number,
  counts: ProjectFileManifest['counts'],
  options: EncodeProjectFileOptions,
): Promise<Uint8Array> {
  const projectBytes = new TextEncoder().encode(JSON.stringify(data));
  const manifest: ProjectFileManifest = {
    format: PROJECT_FILE_FORMAT,
    formatVersion,
    appVersion: options.appVersion,
    savedAt: options.savedAt,
    project: { id: data.project.id, name: data.project.name },
    checksum: { algorithm: 'SHA-256', value: await sha256Hex(projectBytes) },
    counts,
  };
  const manifestBytes = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
  const mtime = new Date(options.savedAt);
  return zipSync(
    {
      [PROJECT_FILE_ENTRIES.manifest]: [manifestBytes, { level: 6 }],
      [PROJECT_FILE_ENTRIES.project]: [projectBytes, { level: 6 }],
    },
    { mtime },
  );
}

/** Reads .tessera bytes, or throws a ProjectFileError that says why they cannot be opened. */
export async function decodeProjectFile(bytes: Uint8Array): Promise<DecodedProjectFile> {
  if (bytes.length === 0) {
    throw new ProjectFileError('empty', 'This file is empty (0 bytes), so it holds no project.');
  }
  let entries;
  try {
    entries = readZipDirectory(bytes, { maxEntries: 16 });
  } catch (error) {
    throw fromZipError(error, bytes);
  }

  const names = entries.map((entry) => entry.name);
  // Any zip without a manifest (a Word document, a REFI-QDA project) is simply not a project file.
  const manifestEntry = entries.find((entry) => entry.name === PROJECT_FILE_ENTRIES.manifest);
  if (!manifestEntry) {
    throw new ProjectFileError('not-a-project-file', NOT_A_PROJECT_FILE_ZIP);
  }
  // eslint-disable-next-line no-control-regex
  const pathLike = names.find((name) => /[/\\:]|^\.|\.\.|[\u0000-\u001f]/.test(name));
  if (pathLike !== undefined) {
    throw new ProjectFileError(
      'unexpected-content',
      `This file holds an entry with a path-like name ("${printable(pathLike)}"), which a Tessera project file never has; it was not opened.`,
    );
  }
  if (new Set(names).size !== names.length) {
    throw new ProjectFileError('unexpected-content', 'This file holds two entries with the same name; it was not opened.');
  }
  const unknown = names.find((name) => name !== PROJECT_FILE_ENTRIES.manifest && name !== PROJECT_FILE_ENTRIES.project);
  if (unknown !== undefined) {
    throw new ProjectFileError(
      'unexpected-content',
      `This project file holds an unexpected entry ("${printable(unknown)}"); it was not opened.`,
    );
  }
  const projectEntry = entries.find((entry) => entry.name === PROJECT_FILE_ENTRIES.project);
  if (!projectEntry) throw new ProjectFileError('damaged', 'This project file is damaged: the project itself is missing.');
  // Both budgets are checked on the declared sizes before either entry is inflated.
  checkDeclaredSize(manifestEntry.uncompressedSize, PROJECT_FILE_LIMITS.manifestBytes, 'Its manifest');
  checkDeclaredSize(projectEntry.uncompressedSize, PROJECT_FILE_LIMITS.projectBytes, 'The project');

  const manifest = readManifest(inflate(bytes, manifestEntry, PROJECT_FILE_LIMITS.manifestBytes));

  const projectBytes = inflate(bytes, projectEntry, PROJECT_FILE_LIMITS.projectBytes);
  if ((await sha256Hex(projectBytes)) !== manifest.checksum.value) {
    throw new ProjectFileError(
      'damaged',
      'This project file is damaged: the project does not match its checksum, so it was changed or corrupted after it was saved.',
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(projectBytes));
  } catch (error) {
    const reason = error instanceof RangeError ? 'it is too large to read' : 'it is not valid JSON';
    throw new ProjectFileError('damaged', `This project file is damaged: ${reason}.`);
  }
  data = upgradeProjectData(data, manifest.formatVersion, manifest.appVersion);

  const parsed = parseProjectSnapshot(data);
  if (!parsed.ok) {
    throw new ProjectFileError(
      'invalid-project',
      `This project file holds data that Tessera does not accept: ${describeProblems(parsed.problems)}`,
    );
  }
  const problems = checkSnapshotIntegrity(parsed.snapshot);
  if (problems.length > 0) {
    throw new ProjectFileError('invalid-project', `This project file is inconsistent: ${describeProblems(problems)}`);
  }

  const warnings: string[] = [];
  const counts = snapshotCounts(parsed.snapshot);
  const stated = manifest.counts;
  // A version 1 manifest counts five kinds; only the kinds it names are compared.
  const differing = Object.keys(counts).filter((key) => key in stated && counts[key] !== stated[key]);
  if (differing.length > 0) {
    warnings.push(
      `The file's manifest states other numbers of ${differing.join(', ')} than the project holds; the project itself is intact.`,
    );
  }
  if (manifest.project.id !== parsed.snapshot.project.id || manifest.project.name !== parsed.snapshot.project.name) {
    warnings.push("The file's manifest names another project than the one it holds; the project itself is intact.");
  }
  return { snapshot: parsed.snapshot, manifest, warnings };
}

/**
 * Reads only the manifest of .tessera bytes (what the file is, when it was saved, the checksum and counts of its
 * project), without inflating the project: enough to list and compare backups. Throws a ProjectFileError like
 * `decodeProjectFile`; the project itself is not checked here.
 */
export function readProjectFileManifest(bytes: Uint8Array): ProjectFileManifest {
  if (bytes.length === 0) throw new ProjectFileError('empty', 'This file is empty (0 bytes), so it holds no project.');
  let entries;
  try {
    entries = readZipDirectory(bytes, { maxEntries: 16 });
  } catch (error) {
    throw fromZipError(error, bytes);
  }
  const manifestEntry = entries.find((entry) => entry.name === PROJECT_FILE_ENTRIES.manifest);
  if (!manifestEntry) {
    throw new ProjectFileError('not-a-project-file', NOT_A_PROJECT_FILE_ZIP);
  }
  checkDeclaredSize(manifestEntry.uncompressedSize, PROJECT_FILE_LIMITS.manifestBytes, 'Its manifest');
  return readManifest(inflate(bytes, manifestEntry, PROJECT_FILE_LIMITS.manifestBytes));
}

function fromZipError(error: unknown, bytes: Uint8Array): ProjectFileError {
  if (!(error instanceof ZipReadError)) throw error;
  if (error.kind === 'not-zip') {
    const format = sniffBinaryFormat(bytes);
    const what = format ? `This is ${format.description}` : 'This file';
    return new ProjectFileError(
      'not-a-project-file',
      format ? `${what}, not a Tessera project file.` : `${what} is not a Tessera project file (it is not a zip archive).`,
    );
  }
  if (error.kind === 'too-large') return new ProjectFileError('too-large', `This project file is too large: ${error.message}`);
  if (error.kind === 'unsupported') {
    return new ProjectFileError('unexpected-content', `This file is not a project file Tessera wrote: ${error.message}`);
  }
  return new ProjectFileError('damaged', `This project file is damaged or incomplete. ${error.message}`);
}

function checkDeclaredSize(size: number, limit: number, what: string): void {
  if (size > limit) {
    throw new ProjectFileError(
      'too-large',
      `This project file is too large to open: ${what.toLowerCase()} declares ${formatBytes(size)}, more than the ` +
        `${formatBytes(limit)} Tessera accepts. It may be a deliberately oversized ("zip bomb") file.`,
    );
  }
}

function inflate(bytes: Uint8Array, entry: Parameters<typeof readZipEntry>[1], limit: number): Uint8Array {
  try {
    return readZipEntry(bytes, entry, limit);
  } catch (error) {
    throw fromZipError(error, bytes);
  }
}

function readManifest(bytes: Uint8Array): ProjectFileManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new ProjectFileError('damaged', 'This project file is damaged: its manifest is not valid JSON.');
  }
  const head = manifestHeadSchema.safeParse(raw);
  if (!head.success || head.data.format !== PROJECT_FILE_FORMAT) {
    throw new ProjectFileError('not-a-project-file', 'This is not a Tessera project file: its manifest says it is something else.');
  }
  // A newer file's manifest may have another shape: its head alone decides that it is refused.
  checkReadableVersion(head.data.formatVersion, head.data.appVersion ?? '(unknown version)');
  const manifest = manifestSchema.safeParse(raw);
  if (!manifest.success) {
    const problems = manifest.error.issues.map((issue) => ({ path: issue.path.join('.') || '(root)', message: issue.message }));
    throw new ProjectFileError('damaged', `This project file is damaged: its manifest is invalid (${describeProblems(problems)})`);
  }
  return manifest.data;
}

function describeProblems(problems: readonly IntegrityProblem[]): string {
  const shown = problems.slice(0, 3).map((problem) => `${problem.path}: ${problem.message}`);
  const more = problems.length > shown.length ? ` (and ${problems.length - shown.length} more)` : '';
  return `${shown.join('; ')}${more}.`;
}

function formatBytes(size: number): string {
  if (size >= 1024 * 1024 * 1024) return `${(size / (1024 * 1024 * 1024)).toFixed(1)} GB`;
  if (size >= 1024 * 1024) return `${(size / (1024 * 1024)).toFixed(1)} MB`;
  if (size >= 1024) return `${(size / 1024).toFixed(0)} KB`;
  return `${size} bytes`;
}
