/**
 * The search worker: runs searches (search-service.ts) off the window's thread so typing stays smooth, and so that
 * a regular expression that runs away can be stopped by ending the worker.
 */
import { createSearchService } from './search-service.ts';
import type { SearchWorkerRequest } from './search-protocol.ts';

const handle = createSearchService((message, transfer) => {
  (self as unknown as { postMessage(message: unknown, transfer: Transferable[]): void }).postMessage(message, transfer);
});

self.onmessage = (event: MessageEvent<SearchWorkerRequest>) => handle(event.data);
