import { describe, expect, it } from 'vitest';
import { SearchClient } from '#renderer/features/search/search-client.ts';
import { createSearchService } from '#renderer/features/search/search-service.ts';
import type { SearchWorkerReply, SearchWorkerRequest } from '#renderer/features/search/search-protocol.ts';
import { SearchCorpus, type SearchDocument, type SearchRequest } from '#shared/search/text-search';
import { NO_FILTER } from '#shared/coding/segment-filter';
import { synthesizeStudy } from '#shared/synth/synthesize-study';

/**
 * A stand-in for the browser's Worker running the real search service: messages are copied and delivered later,
 * as between threads.
 */
class ServiceWorker {
  onmessage: ((event: MessageEvent<SearchWorkerReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  private readonly handle = createSearchService((message) => {
    setTimeout(() => {
      if (!this.terminated) this.onmessage?.({ data: structuredClone(message) } as MessageEvent<SearchWorkerReply>);
    }, 0);
  });

  postMessage(message: SearchWorkerRequest): void {
    const copy = structuredClone(message);
    setTimeout(() => {
      if (!this.terminated) this.handle(copy);
    }, 0);
  }

  terminate(): void {
    this.terminated = true;
  }
}

const study = synthesizeStudy({ documents: 8, wordsPerDocument: 2000, codes: 12, codings: 10, coders: 1, seed: 3 });
const documents: readonly SearchDocument[] = study.documents;
const request = (query: string): SearchRequest => ({ query, mode: 'words', caseSensitive: false, filter: NO_FILTER, maxHits: 300, countLimit: 100_000 });

function clientWithWorkers(count: number): { client: SearchClient; workers: ServiceWorker[] } {
  const workers: ServiceWorker[] = [];
  const client = new SearchClient(() => {
    const worker = new ServiceWorker();
    workers.push(worker);
    return worker as unknown as Worker;
  }, count);
  client.setCorpus(documents);
  return { client, workers };
}

describe('the search client and its workers', () => {
  it('says when every worker has indexed its texts, and finds what one search over all texts finds', async () => {
    const { client, workers } = clientWithWorkers(3);
    expect(workers).toHaveLength(3);
    const report = await client.whenIndexed();
    expect(report.documents).toBe(documents.length);
    const whole = new SearchCorpus();
    whole.setDocuments(documents);
    for (const query of ['nurses', 'peer sup*', '"the ward"']) {
      const outcome = await client.search(request(query));
      if (outcome.kind !== 'hits') throw new Error(`no hits for ${query}`);
      expect(outcome.hits).toEqual(whole.search(request(query)));
    }
    client.dispose();
    expect(workers.every((worker) => worker.terminated)).toBe(true);
  });

  it('answers only the latest of searches typed over one another, and passes on a bad query', async () => {
    const { client } = clientWithWorkers(2);
    const first = client.search(request('nurses'));
    const second = client.search(request('training'));
    const third = client.search({ ...request('(unclosed'), mode: 'regex' });
    expect((await first).kind).toBe('superseded');
    expect((await second).kind).toBe('superseded');
    const last = await third;
    expect(last.kind === 'error' && last.message).toMatch(/not valid/u);
    client.dispose();
  });

  it('drops a search asked of the old texts when the texts change, and runs the one waiting on the new texts', async () => {
    const { client } = clientWithWorkers(2);
    // Alone, it is dropped at once (not stopped later as a search that took too long).
    const alone = client.search(request('nurses'));
    client.setCorpus(documents.slice(0, 3));
    expect(await alone).toEqual({ kind: 'superseded' });
    const running = client.search(request('nurses'));
    const waiting = client.search(request('ward'));
    client.setCorpus(documents.slice(0, 2));
    expect((await running).kind).toBe('superseded');
    const outcome = await waiting;
    if (outcome.kind !== 'hits') throw new Error('no hits');
    const fewer = new SearchCorpus();
    fewer.setDocuments(documents.slice(0, 2));
    expect(outcome.hits).toEqual(fewer.search(request('ward')));
    client.dispose();
  });

  it('indexes again the texts of a changed corpus before saying it is indexed', async () => {
    const { client, workers } = clientWithWorkers(2);
    await client.whenIndexed();
    client.setCorpus(documents.slice(0, 3));
    expect(workers.slice(0, 2).every((worker) => worker.terminated)).toBe(true);
    expect((await client.whenIndexed()).documents).toBe(3);
    client.dispose();
  });
});
