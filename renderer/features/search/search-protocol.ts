/**
 * The messages between the window and the search worker.
 */
import type { SearchDocument, SearchHits, SearchRequest } from '#shared/search/text-search';

/** What the window sends: the project's texts (on opening and after imports), or a search. */
export type SearchWorkerRequest =
  | { readonly type: 'corpus'; readonly documents: readonly SearchDocument[] }
  | { readonly type: 'search'; readonly id: number; readonly request: SearchRequest };

/** What the worker answers to a search, and what it says when it has indexed every text it holds. */
export type SearchWorkerReply =
  | { readonly type: 'hits'; readonly id: number; readonly hits: SearchHits; readonly elapsedMs: number }
  | { readonly type: 'error'; readonly id: number; readonly message: string }
  | { readonly type: 'indexed'; readonly documents: number; readonly elapsedMs: number };
