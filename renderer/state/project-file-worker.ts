/**
 * The project-file worker: encodes a project as .tessera bytes off the UI thread. Encoding checks the whole project
 * (schema and integrity), writes it as JSON, hashes and compresses it; at 50,000 codings that takes about a second,
 * which on the page would freeze typing and coding every time a backup is made.
 */
import { encodeProjectFile } from '#shared/project-file/project-file';
import type { EncodeRequest, EncodeResponse } from './project-file-encoder.ts';

/** The worker's global scope, as far as this module uses it (the DOM typings describe a window, not a worker). */
interface WorkerScope {
  postMessage(message: EncodeResponse, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<EncodeRequest>) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, snapshot, options } = event.data;
  encodeProjectFile(snapshot, options).then(
    (bytes) => scope.postMessage({ id, type: 'done', bytes }, [bytes.buffer as ArrayBuffer]),
    (error: unknown) => scope.postMessage({ id, type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
};
