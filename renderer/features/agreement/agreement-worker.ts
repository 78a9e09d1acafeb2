/**
 * The agreement worker: computes agreement tables and their bootstrap intervals off the window's thread, so the
 * window stays responsive while a large study's intervals are resampled.
 */
import { createAgreementService } from './agreement-service.ts';
import type { AgreementWorkerReply, AgreementWorkerRequest } from './agreement-protocol.ts';

/** The worker's global scope, as far as this module uses it (the DOM typings describe a window, not a worker). */
interface WorkerScope {
  postMessage(message: AgreementWorkerReply): void;
  onmessage: ((event: MessageEvent<AgreementWorkerRequest>) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;
const handle = createAgreementService((message) => scope.postMessage(message));
scope.onmessage = (event) => handle(event.data);
