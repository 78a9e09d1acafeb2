/**
 * The REFI-QDA import worker: reads a .qdpx or .qde off the UI thread with the command line's reader
 * (`readRefiProject`), and sends back the project and its report, or why it was refused. The page terminates it when
 * a file takes too long (refi-runner.ts), so a hostile archive cannot freeze the app.
 */
import { randomUuid, systemClock } from '#shared/model/ids';
import { readRefiProject } from '#shared/refi/read-project';
import type { RefiImportRequest, RefiImportResponse } from './refi-messages.ts';

interface WorkerScope {
  postMessage(message: RefiImportResponse): void;
  onmessage: ((event: MessageEvent<RefiImportRequest>) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, fileName, bytes } = event.data;
  try {
    const { snapshot, report } = readRefiProject(bytes, { fileName, newId: randomUuid, now: systemClock });
    scope.postMessage({ id, ok: true, snapshot, report });
  } catch (error) {
    scope.postMessage({ id, ok: false, message: `${fileName}: ${error instanceof Error ? error.message : String(error)}` });
  }
};
