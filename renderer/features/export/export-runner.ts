/**
 * Runs an export in a module Web Worker, with progress and Cancel: cancelling terminates the worker, so the export
 * stops at once and no file is written (the file is saved only after the worker hands over the finished bytes).
 * Where no worker can start, the export runs on the page instead, and Cancel still stops it from being saved.
 */
import type { ProjectSnapshot } from '#shared/model/types';
import { runExportJob, type ExportJob, type ExportProgress, type ExportResponse, type ExportResult } from './export-jobs.ts';

/** The export was cancelled. */
export class ExportCancelled extends Error {
  constructor() {
    super('The export was cancelled.');
    this.name = 'ExportCancelled';
  }
}

/** A running export: its outcome, and how to stop it. */
export interface RunningExport {
  readonly result: Promise<ExportResult>;
  readonly cancel: () => void;
}

let counter = 0;

/** Starts an export; `onProgress` hears how far it has got. */
export function startExport(snapshot: ProjectSnapshot, job: ExportJob, subtitle: string, onProgress: (progress: ExportProgress) => void): RunningExport {
  let cancelled = false;
  let worker: Worker | null = null;
  let rejectRun: (error: Error) => void = () => undefined;
  const result = new Promise<ExportResult>((resolve, reject) => {
    rejectRun = reject;
    const onPage = () =>
      runExportJob({ snapshot, job, subtitle }, (progress) => !cancelled && onProgress(progress)).then(
        (done) => (cancelled ? reject(new ExportCancelled()) : resolve(done)),
        (error: unknown) => reject(cancelled ? new ExportCancelled() : error),
      );
    try {
      worker = new Worker(new URL('./export-worker.ts', import.meta.url), { type: 'module', name: 'tessera-export' });
    } catch {
      void onPage();
      return;
    }
    const id = ++counter;
    let answered = false;
    worker.addEventListener('message', (event: MessageEvent<ExportResponse>) => {
      answered = true;
      const message = event.data;
      if (message.id !== id || cancelled) return;
      if (message.type === 'progress') onProgress(message.progress);
      else {
        worker?.terminate();
        if (message.type === 'done') resolve(message.result);
        else reject(new Error(message.message));
      }
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      worker?.terminate();
      // A worker that never answered could not start here: export on the page rather than not at all.
      if (!answered && !cancelled) void onPage();
      else if (!cancelled) reject(new Error(`The export stopped unexpectedly (${event.message || 'worker error'}).`));
    });
    worker.postMessage({ id, snapshot, job, subtitle });
  });
  return {
    result,
    cancel: () => {
      if (cancelled) return;
      cancelled = true;
      worker?.terminate();
      rejectRun(new ExportCancelled());
    },
  };
}
