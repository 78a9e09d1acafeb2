/**
 * The window's side of the search worker: keeps the worker's copy of the texts in step with the open project,
 * runs one search at a time and answers only the latest (while typing, searches for letters already typed over are
 * dropped, not queued), and stops a search that takes too long by replacing the worker.
 */
import type { SearchDocument, SearchHits, SearchRequest } from '#shared/search/text-search';
import type { SearchWorkerReply, SearchWorkerRequest } from './search-protocol.ts';

/** A search slower than this is stopped (a regular expression that backtracks without end). */
export const SEARCH_TIME_LIMIT_MS = 4000;

/** The outcome of a search. */
export type SearchOutcome =
  | { readonly kind: 'hits'; readonly hits: SearchHits; readonly elapsedMs: number }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'superseded' };

interface Pending {
  readonly id: number;
  readonly request: SearchRequest;
  readonly resolve: (outcome: SearchOutcome) => void;
}

/** A search worker with its texts. */
export class SearchClient {
  private worker: Worker | null = null;
  private corpus: readonly SearchDocument[] = [];
  private running: Pending | null = null;
  private waiting: Pending | null = null;
  private nextId = 1;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly createWorker: () => Worker) {}

  /** Gives the worker the project's texts (again after a change of documents). */
  setCorpus(documents: readonly SearchDocument[]): void {
    this.corpus = documents;
    this.post({ type: 'corpus', documents });
  }

  /** Runs a search; an earlier one still waiting its turn resolves as superseded. */
  search(request: SearchRequest): Promise<SearchOutcome> {
    return new Promise((resolve) => {
      const pending: Pending = { id: this.nextId++, request, resolve };
      if (this.running) {
        this.waiting?.resolve({ kind: 'superseded' });
        this.waiting = pending;
      } else this.start(pending);
    });
  }

  /** Ends the worker. */
  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    if (this.timer) clearTimeout(this.timer);
    this.running?.resolve({ kind: 'superseded' });
    this.waiting?.resolve({ kind: 'superseded' });
    this.running = this.waiting = null;
  }

  private ensureWorker(): Worker {
    if (!this.worker) {
      const worker = this.createWorker();
      worker.onmessage = (event: MessageEvent<SearchWorkerReply>) => this.onReply(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        this.finish({ kind: 'error', message: `The search stopped: ${event.message || 'the search worker failed'}.` }, true);
      };
      this.worker = worker;
      worker.postMessage({ type: 'corpus', documents: this.corpus } satisfies SearchWorkerRequest);
    }
    return this.worker;
  }

  private post(message: SearchWorkerRequest): void {
    this.ensureWorker().postMessage(message);
  }

  private start(pending: Pending): void {
    this.running = pending;
    this.post({ type: 'search', id: pending.id, request: pending.request });
    this.timer = setTimeout(() => {
      this.finish(
        {
          kind: 'error',
          message: `The search took longer than ${SEARCH_TIME_LIMIT_MS / 1000} seconds and was stopped; a regular expression like this one can take very long. Make it more specific.`,
        },
        true,
      );
    }, SEARCH_TIME_LIMIT_MS);
  }

  private onReply(reply: SearchWorkerReply): void {
    if (!this.running || reply.id !== this.running.id) return;
    this.finish(reply.type === 'hits' ? { kind: 'hits', hits: reply.hits, elapsedMs: reply.elapsedMs } : { kind: 'error', message: reply.message }, false);
  }

  /** Settles the running search and starts the waiting one; `restart` replaces a stuck or failed worker first. */
  private finish(outcome: SearchOutcome, restart: boolean): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (restart) {
      this.worker?.terminate();
      this.worker = null;
    }
    const running = this.running;
    this.running = null;
    // A search typed over while this one ran makes this one's answer stale.
    running?.resolve(this.waiting ? { kind: 'superseded' } : outcome);
    const next = this.waiting;
    this.waiting = null;
    if (next) this.start(next);
  }
}
