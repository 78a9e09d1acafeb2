/**
 * The window's side of the search workers: keeps the workers' copies of the texts in step with the open project,
 * runs one search at a time and answers only the latest (while typing, searches for letters already typed over are
 * dropped, not queued), and stops a search that takes too long by replacing the workers.
 *
 * The texts are shared out among a few workers (one per processor core, at most four), each searching its part at
 * the same time, since the window's own thread only waits meanwhile; their hits are put back in document order.
 */
import type { SearchDocument, SearchHits, SearchRequest } from '#shared/search/text-search';
import { mergeHits, splitCorpus } from '#shared/search/split-search';
import type { SearchWorkerReply, SearchWorkerRequest } from './search-protocol.ts';

/** A search slower than this is stopped (a regular expression that backtracks without end). */
export const SEARCH_TIME_LIMIT_MS = 4000;

/** The outcome of a search. */
export type SearchOutcome =
  | { readonly kind: 'hits'; readonly hits: SearchHits; readonly elapsedMs: number }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'superseded' };

/** How the workers' indexing of the texts went: documents indexed, and the longest time a worker took. */
export interface IndexingReport {
  readonly documents: number;
  readonly elapsedMs: number;
}

interface Pending {
  readonly id: number;
  readonly request: SearchRequest;
  readonly resolve: (outcome: SearchOutcome) => void;
}

/** One worker and the documents it holds: [from, to) of the corpus. */
interface Part {
  worker: Worker | null;
  from: number;
  to: number;
}

/** Search workers with their texts. */
export class SearchClient {
  private parts: Part[] = [];
  private corpus: readonly SearchDocument[] = [];
  private running: Pending | null = null;
  private waiting: Pending | null = null;
  private replies: (SearchWorkerReply | undefined)[] = [];
  private nextId = 1;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Each worker's report once it has indexed its texts (null until then). */
  private indexed: (IndexingReport | null)[] = [];
  private indexedWaiters: ((report: IndexingReport) => void)[] = [];

  /** `createWorker` makes one worker; `workerCount` is how many share the texts. */
  constructor(
    private readonly createWorker: () => Worker,
    private readonly workerCount = 1,
  ) {}

  /**
   * Gives the workers the project's texts (again after a change of documents). A search still running was asked of
   * the old texts: it resolves as superseded, and one waiting its turn runs on the new texts.
   */
  setCorpus(documents: readonly SearchDocument[]): void {
    this.corpus = documents;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const stale = this.running;
    this.running = null;
    stale?.resolve({ kind: 'superseded' });
    for (const part of this.parts) part.worker?.terminate();
    this.parts = splitCorpus(documents, Math.max(1, Math.min(this.workerCount, documents.length))).map((range) => ({ ...range, worker: null }));
    this.indexed = this.parts.map(() => null);
    this.parts.forEach((_, i) => this.ensureWorker(i));
    const next = this.waiting;
    this.waiting = null;
    if (next) this.start(next);
  }

  /** Resolves once every worker has built the word indexes of the texts it holds (searches are fastest from then on). */
  whenIndexed(): Promise<IndexingReport> {
    return new Promise((resolve) => {
      this.indexedWaiters.push(resolve);
      this.reportIndexed();
    });
  }

  private reportIndexed(): void {
    if (this.parts.length === 0 || this.indexed.some((report) => report === null)) return;
    const reports = this.indexed as IndexingReport[];
    const report = { documents: reports.reduce((sum, r) => sum + r.documents, 0), elapsedMs: Math.max(...reports.map((r) => r.elapsedMs)) };
    const waiters = this.indexedWaiters;
    this.indexedWaiters = [];
    for (const resolve of waiters) resolve(report);
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

  /** Ends the workers. */
  dispose(): void {
    for (const part of this.parts) part.worker?.terminate();
    this.parts = [];
    if (this.timer) clearTimeout(this.timer);
    this.running?.resolve({ kind: 'superseded' });
    this.waiting?.resolve({ kind: 'superseded' });
    this.running = this.waiting = null;
  }

  private ensureWorker(i: number): Worker {
    const part = this.parts[i] as Part;
    if (!part.worker) {
      const worker = this.createWorker();
      worker.onmessage = (event: MessageEvent<SearchWorkerReply>) => this.onReply(i, event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        this.finish({ kind: 'error', message: `The search stopped: ${event.message || 'a search worker failed'}.` }, true);
      };
      worker.postMessage({ type: 'corpus', documents: this.corpus.slice(part.from, part.to) } satisfies SearchWorkerRequest);
      part.worker = worker;
      this.indexed[i] = null;
    }
    return part.worker;
  }

  private start(pending: Pending): void {
    if (this.parts.length === 0) this.setCorpus(this.corpus);
    this.running = pending;
    this.replies = this.parts.map(() => undefined);
    this.parts.forEach((_, i) => this.ensureWorker(i).postMessage({ type: 'search', id: pending.id, request: pending.request } satisfies SearchWorkerRequest));
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

  private onReply(part: number, reply: SearchWorkerReply): void {
    if (reply.type === 'indexed') {
      this.indexed[part] = { documents: reply.documents, elapsedMs: reply.elapsedMs };
      this.reportIndexed();
      return;
    }
    if (!this.running || reply.id !== this.running.id) return;
    if (reply.type === 'error') {
      this.finish({ kind: 'error', message: reply.message }, false);
      return;
    }
    this.replies[part] = reply;
    const all = this.replies.filter((r): r is Extract<SearchWorkerReply, { type: 'hits' }> => r?.type === 'hits');
    if (all.length < this.parts.length) return;
    const hits = mergeHits(
      all.map((r) => r.hits),
      this.parts.map((p) => p.from),
      this.running.request,
    );
    this.finish({ kind: 'hits', hits, elapsedMs: Math.max(...all.map((r) => r.elapsedMs)) }, false);
  }

  /** Settles the running search and starts the waiting one; `restart` replaces stuck or failed workers first. */
  private finish(outcome: SearchOutcome, restart: boolean): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (restart) {
      for (const part of this.parts) {
        part.worker?.terminate();
        part.worker = null;
      }
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
