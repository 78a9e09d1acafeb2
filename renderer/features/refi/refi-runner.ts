/**
 * Reads a REFI-QDA project off the UI thread, in a module worker, with a time limit: a file that takes longer is
 * stopped by terminating the worker. Where no worker can start (its script fails to load), the file is read on the
 * page, still within the reader's size budgets.
 */
import type { ProjectSnapshot } from '#shared/model/types';
import type { RefiImportReport } from '#shared/refi/read-project';
import type { RefiImportRequest, RefiImportResponse } from './refi-messages.ts';

/** How long a project may take to read; the NVivo sample (1.4 MB, two long transcripts) takes well under a second. */
export const REFI_IMPORT_TIME_LIMIT_MS = 30_000;

/** A project read, or why not. */
export type RefiReadOutcome =
  | { readonly ok: true; readonly snapshot: ProjectSnapshot; readonly report: RefiImportReport }
  | { readonly ok: false; readonly message: string };

let counter = 0;

async function readOnPage(fileName: string, bytes: Uint8Array): Promise<RefiReadOutcome> {
  const [{ readRefiProject }, { randomUuid, systemClock }] = await Promise.all([import('#shared/refi/read-project'), import('#shared/model/ids')]);
  try {
    return { ok: true, ...readRefiProject(bytes, { fileName, newId: randomUuid, now: systemClock }) };
  } catch (error) {
    return { ok: false, message: `${fileName}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Reads one .qdpx or .qde in a fresh worker, which is ended afterwards (a project import is rare and large). */
export function readRefiProjectOffThread(fileName: string, bytes: Uint8Array, limitMs = REFI_IMPORT_TIME_LIMIT_MS): Promise<RefiReadOutcome> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./refi-worker.ts', import.meta.url), { type: 'module', name: 'tessera-refi-import' });
  } catch {
    return readOnPage(fileName, bytes);
  }
  const id = ++counter;
  return new Promise((resolve) => {
    let answered = false;
    const finish = (outcome: RefiReadOutcome | Promise<RefiReadOutcome>): void => {
      clearTimeout(timer);
      worker.terminate();
      resolve(outcome);
    };
    worker.addEventListener('message', (event: MessageEvent<RefiImportResponse>) => {
      answered = true;
      if (event.data.id !== id) return;
      finish(event.data.ok ? { ok: true, snapshot: event.data.snapshot, report: event.data.report } : { ok: false, message: event.data.message });
    });
    worker.addEventListener('error', (event: ErrorEvent) => {
      event.preventDefault();
      // A worker that could not even start: read on the page rather than not at all.
      finish(answered ? { ok: false, message: `${fileName}: the import stopped unexpectedly (${event.message || 'worker error'}).` } : readOnPage(fileName, bytes));
    });
    const timer = setTimeout(() => {
      finish({ ok: false, message: `${fileName} took longer than ${Math.round(limitMs / 1000)} seconds to read and was stopped: it is damaged or hostile. Nothing was imported.` });
    }, limitMs);
    const request: RefiImportRequest = { id, fileName, bytes: bytes.slice() };
    worker.postMessage(request, [request.bytes.buffer]);
  });
}
