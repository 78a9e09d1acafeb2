/**
 * Encodes a project as .tessera bytes in a module Web Worker (project-file-worker.ts), for backups: the page stays
 * responsive however large the project. Where no worker can start, it encodes on the page instead.
 */
import type { ProjectSnapshot } from '#shared/model/types';
import { encodeProjectFile, type EncodeProjectFileOptions } from '#shared/project-file/project-file';
import { UserError } from '#shared/model/user-error';

/** What the page sends the worker. */
export interface EncodeRequest {
  readonly id: number;
  readonly snapshot: ProjectSnapshot;
  readonly options: EncodeProjectFileOptions;
}

/** What the worker answers. */
export type EncodeResponse =
  | { readonly id: number; readonly type: 'done'; readonly bytes: Uint8Array }
  | { readonly id: number; readonly type: 'failed'; readonly message: string };

let counter = 0;

/** The .tessera bytes of a project, encoded off the UI thread where the platform allows. */
export function encodeProjectFileOffPage(snapshot: ProjectSnapshot, options: EncodeProjectFileOptions): Promise<Uint8Array> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./project-file-worker.ts', import.meta.url), { type: 'module', name: 'tessera-project-file' });
  } catch {
    return encodeProjectFile(snapshot, options);
  }
  const id = ++counter;
  return new Promise<Uint8Array>((resolve, reject) => {
    let answered = false;
    worker.addEventListener('message', (event: MessageEvent<EncodeResponse>) => {
      const message = event.data;
      if (message.id !== id) return;
      answered = true;
      worker.terminate();
      if (message.type === 'done') resolve(message.bytes);
      // The worker's refusal is a sentence for the user (a ProjectFileError's message).
      else reject(new UserError(message.message));
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      worker.terminate();
      // A worker that never answered could not start here: encode on the page rather than not at all.
      if (!answered) encodeProjectFile(snapshot, options).then(resolve, reject);
    });
    worker.postMessage({ id, snapshot, options } satisfies EncodeRequest);
  });
}
