/**
 * The window's side of the agreement worker: gives it the project's data when that changed, asks for a table, and
 * hears only the answers to the latest request (choosing another coder or unit while one is computed makes its
 * answers stale). Where no worker can start, the same service runs on the page, so agreement is slower, not absent.
 */
import type { AgreementOptions } from '#shared/agreement/project-agreement';
import type { Uuid } from '#shared/model/types';
import type { AgreementData, AgreementWorkerReply, AgreementWorkerRequest } from './agreement-protocol.ts';
import { createAgreementService } from './agreement-service.ts';

/** What a request hears: the table (first without intervals, then with them), or an error. */
export type AgreementListener = (reply: AgreementWorkerReply) => void;

/** The part of a Worker the client uses (so tests can hand it the service behind a message queue). */
export interface AgreementWorkerLike {
  postMessage(message: AgreementWorkerRequest): void;
  onmessage: ((event: MessageEvent<AgreementWorkerReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export class AgreementClient {
  private worker: AgreementWorkerLike | null = null;
  private onPage: ((message: AgreementWorkerRequest) => void) | null = null;
  private data: AgreementData | null = null;
  private sentData: AgreementData | null = null;
  private latest = 0;
  private listener: AgreementListener | null = null;

  constructor(private readonly createWorker: () => AgreementWorkerLike) {}

  /** The project's data; sent to the worker with the next request only when it is not the data it has. */
  setData(data: AgreementData): void {
    this.data = data;
  }

  /** Asks for agreement; earlier requests' answers are dropped from now on. */
  compute(options: AgreementOptions, ratingCoderIds: readonly Uuid[], listener: AgreementListener): void {
    const id = ++this.latest;
    this.listener = listener;
    const send = this.channel();
    if (this.data && this.data !== this.sentData) {
      send({ type: 'data', data: this.data });
      this.sentData = this.data;
    }
    send({ type: 'compute', id, options, ratingCoderIds });
  }

  /** Stops listening and ends the worker (the view closed, or the project did). */
  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.onPage = null;
    this.sentData = null;
    this.listener = null;
  }

  private deliver(reply: AgreementWorkerReply): void {
    if (reply.id === this.latest) this.listener?.(reply);
  }

  private channel(): (message: AgreementWorkerRequest) => void {
    if (this.onPage) return this.onPage;
    if (!this.worker) {
      try {
        const worker = this.createWorker();
        worker.onmessage = (event) => this.deliver(event.data);
        worker.onerror = (event) => {
          event.preventDefault();
          const message = `Agreement could not be computed: ${event.message || 'the agreement worker failed'}.`;
          this.worker?.terminate();
          this.worker = null;
          this.sentData = null;
          this.deliver({ type: 'error', id: this.latest, message });
        };
        this.worker = worker;
      } catch {
        // No worker here (an unusual embedding): compute on the page, after the current event, as a worker would.
        const service = createAgreementService((reply) => this.deliver(reply));
        this.onPage = (message) => setTimeout(() => service(message), 0);
        return this.onPage;
      }
    }
    const worker = this.worker;
    return (message) => worker.postMessage(message);
  }
}
