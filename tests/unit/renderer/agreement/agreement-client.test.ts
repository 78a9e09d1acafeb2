/**
 * The agreement worker's client against the real service behind a message queue (messages copied and delivered
 * later, as between threads): the table first, then the same table with its bootstrap intervals, equal to what
 * computeAgreement gives on the page; the project's data sent once, not with every request; a request overtaken by
 * a newer one is never answered; and an impossible request answers with the reason.
 */
import { describe, expect, it } from 'vitest';
import { AgreementClient, type AgreementWorkerLike } from '#renderer/features/agreement/agreement-client.ts';
import { createAgreementService } from '#renderer/features/agreement/agreement-service.ts';
import type { AgreementData, AgreementWorkerReply, AgreementWorkerRequest } from '#renderer/features/agreement/agreement-protocol.ts';
import { computeAgreement } from '#shared/agreement/project-agreement';
import { synthesizeStudy } from '#shared/synth/synthesize-study';

class QueuedWorker implements AgreementWorkerLike {
  onmessage: ((event: MessageEvent<AgreementWorkerReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly received: AgreementWorkerRequest['type'][] = [];
  private readonly handle = createAgreementService((message) => {
    const copy = structuredClone(message);
    setTimeout(() => this.onmessage?.({ data: copy } as MessageEvent<AgreementWorkerReply>), 0);
  });
  postMessage(message: AgreementWorkerRequest): void {
    this.received.push(message.type);
    const copy = structuredClone(message);
    setTimeout(() => this.handle(copy), 0);
  }
  terminate(): void {
    this.onmessage = null;
  }
}

const study = synthesizeStudy({ documents: 3, wordsPerDocument: 500, codes: 6, codings: 60, coders: 3, seed: 11 });
const data: AgreementData = { ...study, ratings: [] };
const [a, b, c] = study.coders.map((coder) => coder.id) as [string, string, string];

function collect(client: AgreementClient, coderIds: string[]): Promise<AgreementWorkerReply[]> {
  return new Promise((resolve) => {
    const replies: AgreementWorkerReply[] = [];
    client.compute({ coderIds, unit: 'paragraph', bootstrap: { replicates: 40, seed: 3 } }, coderIds, (reply) => {
      replies.push(reply);
      if (reply.type === 'error' || reply.final) resolve(replies);
    });
  });
}

describe('the agreement client and its worker', () => {
  it('answers with the table, then the table with intervals, as computed on the page; the data goes over once', async () => {
    const worker = new QueuedWorker();
    const client = new AgreementClient(() => worker);
    client.setData(data);
    const replies = await collect(client, [a, b]);
    expect(replies.map((r) => r.type === 'result' && r.final)).toEqual([false, true]);
    const onPage = computeAgreement(study, { coderIds: [a, b], unit: 'paragraph', bootstrap: { replicates: 40, seed: 3 } });
    const last = replies[1];
    if (last?.type !== 'result') throw new Error('a result');
    expect(last.result.overall).toEqual(onPage.overall);
    expect(last.result.overall.kappaInterval).not.toBeNull();
    const first = replies[0];
    if (first?.type !== 'result') throw new Error('a result');
    expect(first.result.overall.counts).toEqual(onPage.overall.counts);
    expect(first.result.overall.kappaInterval).toBeNull();
    expect(last.pairs).toEqual([]);

    // Three coders: the pairs come along. The data is not sent again.
    const three = await collect(client, [a, b, c]);
    const answer = three[three.length - 1];
    if (answer?.type !== 'result') throw new Error('a result');
    expect(answer.pairs.map((p) => p.coderIds)).toEqual([
      [a, b],
      [a, c],
      [b, c],
    ]);
    expect(worker.received).toEqual(['data', 'compute', 'compute']);
  });

  it('drops the answers to a request a newer one overtook, and says why a request cannot be computed', async () => {
    const client = new AgreementClient(() => new QueuedWorker());
    client.setData(data);
    const stale: AgreementWorkerReply[] = [];
    client.compute({ coderIds: [a, b], unit: 'character' }, [a, b], (reply) => stale.push(reply));
    const replies = await collect(client, [a, c]);
    expect(stale).toEqual([]);
    expect(replies.every((r) => r.type === 'result' && r.result.coders.map((coder) => coder.id).join() === [a, c].join())).toBe(true);
    const refused = await collect(client, [a, 'nobody']);
    expect(refused).toEqual([{ type: 'error', id: expect.any(Number), message: 'No coder with id nobody in this project.' }]);
  });

  it('computes on the page where no worker can start', async () => {
    const client = new AgreementClient(() => {
      throw new Error('no workers here');
    });
    client.setData(data);
    const replies = await collect(client, [b, c]);
    expect(replies.map((r) => r.type)).toEqual(['result', 'result']);
  });
});
