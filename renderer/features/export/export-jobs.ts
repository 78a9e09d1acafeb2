/**
 * The exports the dialog can make, as plain data, and the one function that makes them: run in the export worker,
 * or on the page where no worker can start. The same shared code as `tessera export-word`.
 */
import { UserError } from '#shared/model/user-error';
import type { ProjectSnapshot, Uuid } from '#shared/model/types';
import { zipSync } from 'fflate';
import { buildProjectIndex } from '#shared/index/project-index';
import { selectExtracts, type ExtractChoices } from '#shared/export/extract-selection';

/** What to export. */
export type ExportJob =
  | { readonly kind: 'word'; readonly choices: ExtractChoices; readonly context: boolean; readonly memos: boolean; readonly definitions: boolean; readonly ratings: boolean }
  | { readonly kind: 'csv'; readonly choices: ExtractChoices }
  | { readonly kind: 'site-packs'; readonly choices: ExtractChoices }
  | { readonly kind: 'transcript'; readonly documentId: Uuid; readonly coderIds: readonly Uuid[]; readonly includeHidden: boolean };

/** A finished export: the file's bytes, its suggested name and type, and a sentence saying what it holds. */
export interface ExportResult {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly filter: { readonly name: string; readonly extensions: readonly string[] };
  readonly summary: string;
}

/** Progress: what is being done, and how far (0 to 1), for the progress bar. */
export interface ExportProgress {
  readonly stage: string;
  readonly fraction: number;
}

/** A message from the page to the worker. */
export interface ExportRequest {
  readonly id: number;
  readonly snapshot: ProjectSnapshot;
  readonly job: ExportJob;
  /** "Exported from Tessera 0.1.0 on 2 December 2026." (the page knows the user's locale). */
  readonly subtitle: string;
}

/** A message from the worker to the page. */
export type ExportResponse =
  | { readonly id: number; readonly type: 'progress'; readonly progress: ExportProgress }
  | { readonly id: number; readonly type: 'done'; readonly result: ExportResult }
  | { readonly id: number; readonly type: 'failed'; readonly message: string };

const WORD = { name: 'Word document', extensions: ['docx'] } as const;

/** Makes the export; `progress` is told how far it has got. */
export async function runExportJob(request: Omit<ExportRequest, 'id'>, progress: (p: ExportProgress) => void): Promise<ExportResult> {
  const { snapshot, job, subtitle } = request;
  const { safeFileName } = await import('#shared/export/docx-parts');
  const base = safeFileName(snapshot.project.name, 'project');
  const plural = (n: number, word: string) => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;
  if (job.kind === 'transcript') {
    const { codedTranscriptDocx } = await import('#shared/export/coded-transcript-docx');
    const document = snapshot.documents.find((d) => d.id === job.documentId);
    progress({ stage: 'Writing the Word document…', fraction: 0.2 });
    const bytes = await codedTranscriptDocx(snapshot, job.documentId, { subtitle, coderIds: job.coderIds, includeHidden: job.includeHidden });
    return { bytes, fileName: `${safeFileName(document?.name ?? 'transcript', 'transcript')} coded.docx`, filter: WORD, summary: `${document?.name ?? 'The transcript'} with its codings as comments` };
  }
  progress({ stage: 'Choosing the extracts…', fraction: 0.05 });
  const index = buildProjectIndex(snapshot);
  if (job.kind === 'site-packs') {
    const { sitePacks } = await import('#shared/export/site-pack-docx');
    progress({ stage: 'Writing one pack per site…', fraction: 0.2 });
    const packs = await sitePacks(snapshot, job.choices, { subtitle, index });
    if (packs.length === 0) throw new UserError('No site has extracts under these choices, so there is no pack to write.');
    // One file per site, handed over in one go: a zip the user unpacks (a save dialog saves one file at a time).
    const bytes = zipSync(Object.fromEntries(packs.map((pack) => [pack.fileName, pack.bytes])), { level: 0 });
    return {
      bytes,
      fileName: `${base} site validation packs.zip`,
      filter: { name: 'Zip archive of Word documents', extensions: ['zip'] },
      summary: `${plural(packs.length, 'site pack')} (${packs.map((p) => p.site.code).join(', ')})`,
    };
  }
  const selection = selectExtracts(snapshot, job.choices, index);
  const summary = `${plural(selection.extracts.length, 'extract')} from ${plural(selection.documents, 'document')}`;
  if (job.kind === 'csv') {
    const { extractsCsvBytes } = await import('#shared/export/extracts-csv');
    return { bytes: extractsCsvBytes(selection), fileName: `${base} extracts.csv`, filter: { name: 'CSV spreadsheet', extensions: ['csv'] }, summary };
  }
  const { extractsDocx } = await import('#shared/export/extracts-docx');
  progress({ stage: 'Writing the Word document…', fraction: 0.15 });
  const bytes = await extractsDocx(snapshot, selection, {
    title: `Coded extracts: ${snapshot.project.name}`,
    subtitle,
    context: job.context,
    memos: job.memos,
    definitions: job.definitions,
    ratings: job.ratings,
    onProgress: (done, total) => progress({ stage: `Writing extract ${done.toLocaleString()} of ${total.toLocaleString()}…`, fraction: 0.15 + 0.45 * (done / Math.max(total, 1)) }),
  });
  return { bytes, fileName: `${base} extracts.docx`, filter: WORD, summary };
}
