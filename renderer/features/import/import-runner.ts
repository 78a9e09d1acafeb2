/**
 * Runs imports in a module Web Worker, one file at a time, each with a time limit: a file that takes longer is
 * stopped by terminating the worker (mammoth cannot be interrupted otherwise), reported by name, and a fresh worker
 * takes the next file. The import code itself is shared with the command line. Where a worker cannot start at all
 * (its script fails to load), files are read on the page instead, still within the importer's byte and markup
 * budgets, so importing never becomes impossible.
 */
import { ImportError } from '#shared/import/import-error';
import type { ImportedText } from '#shared/import/imported-text';
import type { TextEncodingName } from '#shared/import/text-decoding';
import type { ImportRequest, ImportResponse } from './import-messages.ts';

/** How long one file may take. The byte and markup budgets keep real files far below (a long transcript: 0.1 s). */
export const IMPORT_TIME_LIMIT_MS = 20_000;

/** The outcome of reading one file (`cancelled` when Cancel stopped it or it never started). */
export type ReadOutcome =
  | { readonly ok: true; readonly imported: ImportedText }
  | { readonly ok: false; readonly message: string; readonly cancelled?: true };

/** What a read stopped by Cancel resolves to. */
const CANCELLED: ReadOutcome = { ok: false, message: 'The import was cancelled.', cancelled: true };

let worker: Worker | null = null;
/** Whether the current worker has answered at all: an error before any answer means it could not start. */
let workerAnswered = false;
/** Set when no worker can start here; files are then read on the page (the byte and markup budgets still hold). */
let workerUnavailable = false;
let counter = 0;
let queue: Promise<unknown> = Promise.resolve();
/** Bumped by Cancel: reads queued before it resolve as cancelled without starting. */
let generation = 0;
/** Ends the read in the worker now, as cancelled (set while a worker read is under way). */
let endCurrentRead: (() => void) | null = null;

function startWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module', name: 'tessera-import' });
    workerAnswered = false;
  }
  return worker;
}

/** Reads a file on the page, for where no worker can start; the importer is loaded only then. */
async function readOnPage(fileName: string, bytes: Uint8Array, encoding: TextEncodingName | null): Promise<ReadOutcome> {
  const { importTranscriptFile } = await import('#shared/import/import-file');
  try {
    return { ok: true, imported: await importTranscriptFile(fileName, bytes, encoding ? { encoding } : {}) };
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, message: error.message };
    return { ok: false, message: `"${fileName}" could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Stops the worker (and whatever file it is reading); the next read starts a new one. */
export function stopImportWorker(): void {
  worker?.terminate();
  worker = null;
}

/**
 * Cancel: stops the file being read at once (its worker is terminated and its read resolves as cancelled, instead
 * of waiting for the time limit) and drops every file still queued (each resolves as cancelled without being read).
 */
export function cancelFileReads(): void {
  generation += 1;
  const end = endCurrentRead;
  endCurrentRead = null;
  stopImportWorker();
  end?.();
}

function readInWorker(fileName: string, bytes: Uint8Array, encoding: TextEncodingName | null, limitMs: number): Promise<ReadOutcome> {
  if (workerUnavailable) return readOnPage(fileName, bytes, encoding);
  return new Promise((resolve) => {
    let current: Worker;
    try {
      current = startWorker();
    } catch {
      workerUnavailable = true;
      resolve(readOnPage(fileName, bytes, encoding));
      return;
    }
    const id = ++counter;
    const finish = (outcome: ReadOutcome): void => {
      if (endCurrentRead === cancel) endCurrentRead = null;
      clearTimeout(timer);
      current.removeEventListener('message', onMessage);
      current.removeEventListener('error', onError);
      resolve(outcome);
    };
    const onMessage = (event: MessageEvent<ImportResponse>): void => {
      workerAnswered = true;
      if (event.data.id !== id) return;
      finish(event.data.ok ? { ok: true, imported: event.data.imported } : { ok: false, message: event.data.message });
    };
    const onError = (event: ErrorEvent): void => {
      event.preventDefault();
      const couldNotStart = !workerAnswered;
      stopImportWorker();
      if (couldNotStart) {
        // The worker script could not be loaded here: read on the page from now on rather than not at all.
        workerUnavailable = true;
        clearTimeout(timer);
        current.removeEventListener('message', onMessage);
        current.removeEventListener('error', onError);
        resolve(readOnPage(fileName, bytes, encoding));
        return;
      }
      finish({ ok: false, message: `"${fileName}" could not be read: the import stopped unexpectedly (${event.message || 'worker error'}).` });
    };
    const timer = setTimeout(() => {
      stopImportWorker();
      finish({
        ok: false,
        message: `"${fileName}" took longer than ${Math.round(limitMs / 1000)} seconds to read and was stopped: it is damaged, or far larger than a transcript.`,
      });
    }, limitMs);
    const cancel = (): void => finish(CANCELLED);
    endCurrentRead = cancel;
    current.addEventListener('message', onMessage);
    current.addEventListener('error', onError);
    // A copy is sent, so the caller keeps its bytes (a text file may be read again in another encoding).
    const request: ImportRequest = { id, fileName, bytes: bytes.slice(), encoding };
    current.postMessage(request, [request.bytes.buffer]);
  });
}

/** Reads one file off the UI thread with a time limit; files are read one after another, in call order. */
export function readFileOffThread(
  fileName: string,
  bytes: Uint8Array,
  encoding: TextEncodingName | null,
  limitMs = IMPORT_TIME_LIMIT_MS,
): Promise<ReadOutcome> {
  const queuedIn = generation;
  const run = (): Promise<ReadOutcome> =>
    queuedIn === generation ? readInWorker(fileName, bytes, encoding, limitMs) : Promise.resolve(CANCELLED);
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}
