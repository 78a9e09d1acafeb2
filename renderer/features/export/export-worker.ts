/**
 * The export worker: makes Word and CSV exports off the UI thread, so the app stays responsive during a long export
 * and Cancel can stop it at once (the page terminates the worker; nothing has been written by then).
 */
import { runExportJob, type ExportRequest, type ExportResponse } from './export-jobs.ts';

/** The worker's global scope, as far as this module uses it (the DOM typings describe a window, not a worker). */
interface WorkerScope {
  postMessage(message: ExportResponse, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ExportRequest>) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, ...request } = event.data;
  runExportJob(request, (progress) => scope.postMessage({ id, type: 'progress', progress })).then(
    (result) => scope.postMessage({ id, type: 'done', result }, [result.bytes.buffer as ArrayBuffer]),
    (error: unknown) => scope.postMessage({ id, type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
};
