/**
 * The search worker: holds the texts of the open project and runs searches on them (shared/search/text-search.ts),
 * off the window's thread so typing stays smooth, and so that a regular expression that runs away can be stopped
 * by ending the worker.
 */
import { SearchCorpus, SearchQueryError, type SearchRequest } from '#shared/search/text-search';
import type { SearchWorkerReply, SearchWorkerRequest } from './search-protocol.ts';

/** How long the worker builds word indexes before it looks for a search to answer. */
const INDEX_SLICE_MS = 15;

const corpus = new SearchCorpus();
let indexing: ReturnType<typeof setTimeout> | null = null;

/** Builds the word indexes a slice at a time: a search typed meanwhile waits at most a slice, and scans what is not yet indexed. */
function indexInSlices(): void {
  indexing = corpus.buildWordIndexes(INDEX_SLICE_MS) ? null : setTimeout(indexInSlices, 0);
}

const reply = (message: SearchWorkerReply, transfer: Transferable[] = []): void => {
  (self as unknown as { postMessage(message: unknown, transfer: Transferable[]): void }).postMessage(message, transfer);
};

self.onmessage = (event: MessageEvent<SearchWorkerRequest>) => {
  const message = event.data;
  if (message.type === 'corpus') {
    // Index the texts now, while the coder is still typing the first letters, rather than in the first searches.
    corpus.setDocuments(message.documents);
    indexing ??= setTimeout(indexInSlices, 0);
    return;
  }
  const started = performance.now();
  try {
    const request: SearchRequest = message.request;
    const hits = corpus.search(request);
    reply(
      { type: 'hits', id: message.id, hits, elapsedMs: performance.now() - started },
      [hits.documentIndex.buffer, hits.start.buffer, hits.end.buffer, hits.paragraphIndex.buffer],
    );
  } catch (error) {
    const text = error instanceof SearchQueryError ? error.message : `The search failed: ${error instanceof Error ? error.message : String(error)}`;
    reply({ type: 'error', id: message.id, message: text });
  }
};
