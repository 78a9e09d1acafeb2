/**
 * The one API the renderer has to the platform it runs on, declared once.
 *
 * In the desktop app `electron/preload.ts` implements it over IPC (and ends with `satisfies TesseraApi`); in a plain
 * browser `renderer/platform/browser-api.ts` implements it with a file input and a download. The API is task-shaped:
 * it offers what the app needs (let the user pick files, save a file, keep a backup), never a generic channel.
 * Types only: nothing here runs.
 */

/** A file type a dialog offers, e.g. `{ name: 'Transcripts', extensions: ['txt', 'docx'] }`. */
export interface FileFilter {
  readonly name: string;
  /** Extensions without the dot, lowercase. */
  readonly extensions: readonly string[];
}

/** What the renderer asks for when the user is to pick files to open. */
export interface OpenFilesRequest {
  readonly title: string;
  readonly filters: readonly FileFilter[];
  readonly allowMultiple: boolean;
}

/** A file the user picked, read whole. */
export interface OpenedFile {
  /** The file's name without its folder, e.g. "BU_pre_FGD_EN.docx". */
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** A file the user picked that was not read, with the reason in words for the user (e.g. it is too large). */
export interface RefusedFile {
  readonly name: string;
  readonly refusal: string;
}

/** A picked file: read, or refused on its own, so that one bad file in a batch does not stop the others. */
export type PickedFile = OpenedFile | RefusedFile;

/** Whether a picked file was refused rather than read. */
export function isRefusedFile(file: PickedFile): file is RefusedFile {
  return 'refusal' in file;
}

/** The largest file Tessera reads (512 MiB): transcripts and projects are far smaller. */
export const MAX_OPENED_FILE_BYTES = 512 * 1024 * 1024;

/** Why a file is too large to open, naming it. */
export function fileTooLargeRefusal(name: string, size: number, maxBytes = MAX_OPENED_FILE_BYTES): string {
  const mib = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;
  return `"${name}" is ${mib(size)}; Tessera opens files of at most ${mib(maxBytes)}.`;
}

/** What the renderer asks for when the user is to save a file. */
export interface SaveFileRequest {
  readonly title: string;
  readonly suggestedName: string;
  readonly filters: readonly FileFilter[];
  readonly bytes: Uint8Array;
}

/**
 * The outcome of a save: where it went (written and flushed); handed to a browser as a download, which a web page
 * cannot follow to its end (so it is never called saved); or that the user cancelled.
 */
export type SaveFileResult =
  | { readonly status: 'saved'; readonly location: string }
  | { readonly status: 'downloading'; readonly fileName: string }
  | { readonly status: 'cancelled' };

/** A project snapshot for the rotating on-disk backups, as .tessera bytes. */
export interface BackupRequest {
  readonly projectId: string;
  readonly projectName: string;
  readonly bytes: Uint8Array;
}

/**
 * The outcome of a backup: where it was written; that the newest backup already holds this very project (so none
 * was written); or why no backup is kept on this platform.
 */
export type BackupResult =
  | { readonly status: 'written'; readonly location: string; readonly generationsKept: number }
  | { readonly status: 'unchanged'; readonly location: string }
  | { readonly status: 'unavailable'; readonly reason: string };

/** Which project's backups to list. */
export interface BackupListRequest {
  readonly projectId: string;
}

/** One backup generation as listed: when it was made, its size, and what its manifest says it holds. */
export interface BackupEntry {
  /** The file name in the project's backup folder, e.g. "2025-03-04T05-06-07-089Z.tessera". */
  readonly fileName: string;
  /** When the backup was made (ISO 8601, UTC). */
  readonly madeAt: string;
  readonly size: number;
  readonly projectName?: string;
  /** When the project in it was saved, as its manifest states. */
  readonly savedAt?: string;
  /** Records of each kind (documents, codes, codings, memos, ...), as its manifest states. */
  readonly counts?: Readonly<Record<string, number>>;
  /** Why the file cannot be read as a project file, when it cannot. */
  readonly problem?: string;
}

/** A project's backups: the folder they are in, and the generations, newest first. */
export type BackupListing =
  | { readonly status: 'listed'; readonly folder: string; readonly backups: readonly BackupEntry[] }
  | { readonly status: 'unavailable'; readonly reason: string };

/** One backup of a project to read. */
export interface BackupReadRequest {
  readonly projectId: string;
  readonly fileName: string;
}

/** Facts about the running app, shown in the About box and written into every .tessera file. */
export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly platform: 'electron' | 'browser';
  /** e.g. "Electron 45.4.1 on linux", or the browser's user agent. */
  readonly runtime: string;
}

/** The platform API that the renderer reaches through `renderer/platform/api.ts`. */
export interface TesseraApi {
  appInfo(): Promise<AppInfo>;
  /** Lets the user pick files; resolves to an empty list when they cancel. Each file is read or refused. */
  openFiles(request: OpenFilesRequest): Promise<readonly PickedFile[]>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /** Writes a backup generation of a project outside the browser storage, where the platform can. */
  backupProject(request: BackupRequest): Promise<BackupResult>;
  /** Lists the backups of a project, newest first, where the platform keeps them. */
  listBackups(request: BackupListRequest): Promise<BackupListing>;
  /** Reads one backup of a project, whole. */
  readBackup(request: BackupReadRequest): Promise<Uint8Array>;
}
