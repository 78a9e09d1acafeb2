/**
 * What a search worker does with the messages it gets: holds the texts of the open project in a SearchCorpus,
 * indexes their words a slice at a time, and answers searches. Kept apart from the worker's entry point so that
 * the client can be tested against it without a browser.
 */
import { SearchCorpus, SearchQueryError, type SearchRequest } from '#shared/search/text-search';
import type { SearchWorkerReply, SearchWorkerRequest } from './search-protocol.ts';

/** How long the worker builds word indexes before it looks for a search to answer. */
const INDEX_SLICE_MS = 15;

/** Sends a reply to the window, moving the buffers listed. */
export type SearchReply = (message: SearchWorkerReply, transfer: Transferable[]) => void;

/** A handler of the window's messages that answers through `reply`. */
export function createSearchService(reply: SearchReply): (message: SearchWorkerRequest) => void {
  const corpus = new SearchCorpus();
  let indexing: ReturnType<typeof setTimeout> | null = null;
  /** When the texts being indexed arrived. */
  let indexingBegan = 0;

  /** Builds the word indexes a slice at a time: a search typed meanwhile waits at most a slice, and scans what is not yet indexed. */
  const indexInSlices = (): void => {
    if (!corpus.buildWordIndexes(INDEX_SLICE_MS)) {
      indexing = setTimeout(indexInSlices, 0);
      return;
    }
    indexing = null;
    reply({ type: 'indexed', documents: corpus.documents.length, elapsedMs: performance.now() - indexingBegan }, []);
  };

  return (message) => {
    if (message.type === 'corpus') {
      // Index the texts now, while the coder is still reading or typing the first letters, not in the first searches.
      corpus.setDocuments(message.documents);
      indexingBegan = performance.now();
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
      reply({ type: 'error', id: message.id, message: text }, []);
    }
  };
}
