/**
 * The import flow of the app: pick files, read them off the UI thread (see `import-runner.ts`), show a preview in
 * which the user checks each file (format and encoding, paragraphs, speakers, first lines, warnings) and confirms
 * the study attributes read from its name, then store every good file in ONE change (one undo step). Files that
 * cannot be read are named with the reason, and nothing of them is stored.
 */
import { create } from 'zustand';
import { buildImportChange, type BatchItem } from '#shared/import/import-batch';
import type { ImportedText } from '#shared/import/imported-text';
import { TRANSCRIPT_EXTENSIONS } from '#shared/import/transcript-formats';
import type { TextEncodingName } from '#shared/import/text-decoding';
import { randomUuid, systemClock } from '#shared/model/ids';
import type { DocumentKind, ProjectSnapshot, Uuid } from '#shared/model/types';
import type { PickedFile } from '#shared/platform/preload-api';
import { isRefusedFile } from '#shared/platform/preload-api';
import { attributesFromFileName } from '#shared/study/file-name-attributes';
import { normaliseSiteCode } from '#shared/study/study-design';
import { attempt, changeProject, notify, selectDocument, useWorkspace } from '../../state/workspace-store.ts';
import { platformApi } from '../../platform/api.ts';
import { readFileOffThread, stopImportWorker } from './import-runner.ts';

/** The study attributes of one file, as the preview edits them. */
export interface FileAttributes {
  readonly name: string;
  readonly kind: DocumentKind;
  /** A declared site's code, a new site's code (see `newSites`), or "" for none. */
  readonly siteCode: string;
  /** A phase id, or "" for none. */
  readonly phaseId: string;
  readonly language: string;
  /** yyyy-mm-dd or "". */
  readonly date: string;
}

/** One picked file in the preview. */
export interface ImportFile {
  readonly key: number;
  readonly fileName: string;
  /** Kept for files that may be text, so they can be read again in another encoding. */
  readonly bytes: Uint8Array | null;
  readonly status: 'waiting' | 'reading' | 'ready' | 'failed';
  readonly imported: ImportedText | null;
  readonly error: string | null;
  /** The encoding the user chose, or null to detect it. */
  readonly encoding: TextEncodingName | null;
  readonly include: boolean;
  readonly attributes: FileAttributes;
}

interface ImportState {
  readonly open: boolean;
  readonly files: readonly ImportFile[];
  readonly committing: boolean;
  /** Site codes named in files that the project has not declared, with the name the user gives each. */
  readonly newSites: Readonly<Record<string, string>>;
}

const initialState: ImportState = { open: false, files: [], committing: false, newSites: {} };

/** The import preview's store. */
export const useImport = create<ImportState>()(() => initialState);

const set = useImport.setState;
const get = useImport.getState;
let keyCounter = 0;

function currentSnapshot(): ProjectSnapshot | null {
  return useWorkspace.getState().snapshot;
}

function updateFile(key: number, patch: Partial<ImportFile>): void {
  set((state) => ({ files: state.files.map((file) => (file.key === key ? { ...file, ...patch } : file)) }));
}

/** Opens the file picker (it must run inside the click handler) and previews the files picked. */
export function pickFilesToImport(): void {
  const picking = platformApi().openFiles({
    title: 'Import transcripts and field notes',
    filters: [{ name: 'Transcripts (Word, plain text)', extensions: [...TRANSCRIPT_EXTENSIONS] }],
    allowMultiple: true,
  });
  void attempt(null, async () => {
    const files = await picking;
    if (files.length) previewFiles(files);
  });
}

/**
 * Adds files to the preview (opening it) and starts reading them, one after another, off the UI thread. A file the
 * platform refused to open (too large, unreadable) shows as failed with its reason, beside the others.
 */
export function previewFiles(picked: readonly PickedFile[]): void {
  const snapshot = currentSnapshot();
  if (!snapshot) return;
  const { sites, phases } = snapshot;
  const newSites: Record<string, string> = { ...get().newSites };
  const added: ImportFile[] = picked.map((file) => {
    const fromName = attributesFromFileName(file.name, sites, phases);
    const siteCode = sites.find((site) => site.id === fromName.siteId)?.code ?? fromName.newSiteCode ?? '';
    if (fromName.newSiteCode && newSites[fromName.newSiteCode] === undefined) newSites[fromName.newSiteCode] = '';
    const refusal = isRefusedFile(file) ? file.refusal : null;
    return {
      key: ++keyCounter,
      fileName: file.name,
      bytes: isRefusedFile(file) ? null : file.bytes,
      status: refusal ? 'failed' : 'waiting',
      imported: null,
      error: refusal,
      encoding: null,
      include: refusal === null,
      attributes: {
        name: fromName.name,
        kind: fromName.kind ?? 'transcript',
        siteCode,
        phaseId: fromName.phaseId ?? '',
        language: fromName.language ?? '',
        date: fromName.date ?? '',
      },
    };
  });
  set((state) => ({ open: true, files: [...state.files, ...added], newSites }));
  for (const file of added) void readFile(file.key);
}

async function readFile(key: number): Promise<void> {
  const file = get().files.find((candidate) => candidate.key === key);
  if (!file?.bytes) return;
  updateFile(key, { status: 'reading', error: null });
  const outcome = await readFileOffThread(file.fileName, file.bytes, file.encoding);
  // The file may have been removed, or the preview closed, while it was read.
  if (!get().files.some((candidate) => candidate.key === key)) return;
  if (outcome.ok) {
    // A Word file is never read again: its bytes can go. A text file keeps them for another encoding.
    updateFile(key, {
      status: 'ready',
      imported: outcome.imported,
      error: null,
      ...(outcome.imported.format === 'docx' ? { bytes: null } : {}),
    });
  } else {
    updateFile(key, { status: 'failed', imported: null, error: outcome.message, include: false });
  }
}

/** Reads a text file again in another encoding (or detecting it, for null). */
export function chooseEncoding(key: number, encoding: TextEncodingName | null): void {
  updateFile(key, { encoding, include: true });
  void readFile(key);
}

/** Changes study attributes of one file. */
export function setFileAttributes(key: number, patch: Partial<FileAttributes>): void {
  set((state) => ({
    files: state.files.map((file) => (file.key === key ? { ...file, attributes: { ...file.attributes, ...patch } } : file)),
  }));
}

/** Gives every file the same value of an attribute ("apply to all"). */
export function setAttributeForAll<K extends keyof FileAttributes>(field: K, value: FileAttributes[K]): void {
  set((state) => ({ files: state.files.map((file) => ({ ...file, attributes: { ...file.attributes, [field]: value } })) }));
}

/** Includes a file in the import or leaves it out. */
export function setIncluded(key: number, include: boolean): void {
  updateFile(key, { include });
}

/** Takes a file off the list. */
export function removeFile(key: number): void {
  set((state) => ({ files: state.files.filter((file) => file.key !== key) }));
}

/** Names a new site (one a file name brought in). */
export function nameNewSite(code: string, name: string): void {
  set((state) => ({ newSites: { ...state.newSites, [code]: name } }));
}

/** Drops a new site: the files that named it get no site. */
export function dropNewSite(code: string): void {
  set((state) => {
    const { [code]: _dropped, ...rest } = state.newSites;
    return {
      newSites: rest,
      files: state.files.map((file) => (file.attributes.siteCode === code ? { ...file, attributes: { ...file.attributes, siteCode: '' } } : file)),
    };
  });
}

/** Closes the preview, stopping any file still being read; nothing is stored. */
export function cancelImport(): void {
  stopImportWorker();
  set(initialState);
}

/** The site codes the files use that the project does not have: these are declared with the import. */
export function pendingNewSites(files: readonly ImportFile[], snapshot: ProjectSnapshot, names: Readonly<Record<string, string>>): { code: string; name: string }[] {
  const declared = new Set(snapshot.sites.map((site) => site.code.toUpperCase()));
  const codes = new Set(
    files.filter((file) => file.include && file.status === 'ready' && file.attributes.siteCode).map((file) => normaliseSiteCode(file.attributes.siteCode)),
  );
  return [...codes].filter((code) => !declared.has(code)).map((code) => ({ code, name: names[code] ?? '' }));
}

/**
 * The transcript a field-notes file will be linked to on import (the one transcript of the same site and phase, in
 * the project or in the batch: see `buildImportChange`), by name; null when there is none or more than one.
 */
export function autoLinkTarget(file: ImportFile, files: readonly ImportFile[], snapshot: ProjectSnapshot): string | null {
  const { siteCode, phaseId } = file.attributes;
  if (file.attributes.kind !== 'field-notes' || !siteCode) return null;
  const site = snapshot.sites.find((candidate) => candidate.code.toUpperCase() === normaliseSiteCode(siteCode));
  const existing = snapshot.documents.filter(
    (document) => document.kind === 'transcript' && site !== undefined && document.attributes.siteId === site.id && (document.attributes.phaseId ?? '') === phaseId,
  );
  const batch = filesToStore(files).filter(
    (other) =>
      other.key !== file.key &&
      other.attributes.kind === 'transcript' &&
      normaliseSiteCode(other.attributes.siteCode) === normaliseSiteCode(siteCode) &&
      other.attributes.phaseId === phaseId,
  );
  const names = [...existing.map((document) => document.name), ...batch.map((other) => other.attributes.name)];
  return names.length === 1 ? (names[0] as string) : null;
}

/** The files that will be stored: read and included. */
export function filesToStore(files: readonly ImportFile[]): ImportFile[] {
  return files.filter((file) => file.include && file.status === 'ready' && file.imported !== null);
}

/** Stores every included file that was read, with its attributes, in one change; reports what failed, by name. */
export async function commitImport(): Promise<void> {
  const snapshot = currentSnapshot();
  const { files, newSites } = get();
  if (!snapshot) return;
  const ready = filesToStore(files);
  const failed = files.filter((file) => file.status === 'failed');
  if (ready.length === 0) return;
  set({ committing: true });
  let stored: readonly Uuid[] = [];
  const ok = await attempt('Importing…', async () => {
    const items: BatchItem[] = ready.map((file) => ({
      fileName: file.fileName,
      imported: file.imported as ImportedText,
      name: file.attributes.name,
      kind: file.attributes.kind,
      siteCode: file.attributes.siteCode || null,
      phaseId: file.attributes.phaseId || null,
      language: file.attributes.language,
      date: file.attributes.date,
      link: 'auto',
    }));
    const label = ready.length === 1 ? `Import ${ready[0]?.attributes.name}` : `Import ${ready.length} documents`;
    // A refusal of the study design (a site code that is not valid) is shown as it is, for the user to fix in the preview.
    const result = await changeProject(label, (current) => {
      const batch = buildImportChange(current, items, pendingNewSites(ready, current, newSites), randomUuid, systemClock);
      return { change: batch.change, result: batch.documents.map((document) => document.id) };
    });
    stored = result ?? [];
  });
  set({ committing: false });
  if (!ok) return;
  const warnings = ready.flatMap((file) => (file.imported?.warnings ?? []).map((warning) => `${file.fileName}: ${warning}`));
  notify('info', `Imported ${stored.length} ${stored.length === 1 ? 'document' : 'documents'}.`, warnings);
  if (failed.length) {
    notify(
      'error',
      `${failed.length} of ${files.length} ${files.length === 1 ? 'file' : 'files'} could not be imported; nothing of ${failed.length === 1 ? 'it' : 'them'} was stored.`,
      failed.map((file) => file.error ?? file.fileName),
    );
  }
  const first = stored[0];
  if (first) selectDocument(first);
  stopImportWorker();
  set(initialState);
}
