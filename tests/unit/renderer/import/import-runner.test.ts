/**
 * Cancel stops an import's reading at once: the file being read has its worker terminated and resolves as cancelled
 * (not after the 20-second limit), and the files still queued are never read. Workers are stood in for by a fake
 * that never answers (a file that takes forever) or answers at once.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (event: { data?: unknown; preventDefault?: () => void; message?: string }) => void;

const workers: FakeWorker[] = [];
let answer: 'never' | 'at once' = 'never';

class FakeWorker {
  readonly posted: { id: number; fileName: string }[] = [];
  terminated = false;
  private readonly listeners = new Map<string, Set<Listener>>();
  constructor() {
    workers.push(this);
  }
  addEventListener(type: string, listener: Listener): void {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)?.add(listener);
  }
  removeEventListener(type: string, listener: Listener): void {
    this.listeners.get(type)?.delete(listener);
  }
  postMessage(request: { id: number; fileName: string }): void {
    this.posted.push({ id: request.id, fileName: request.fileName });
    if (answer === 'at once') {
      queueMicrotask(() => {
        const imported = { format: 'txt', text: `read ${request.fileName}` };
        for (const listener of this.listeners.get('message') ?? []) listener({ data: { id: request.id, ok: true, imported } });
      });
    }
  }
  terminate(): void {
    this.terminated = true;
  }
}

beforeEach(() => {
  workers.length = 0;
  answer = 'never';
  vi.stubGlobal('Worker', FakeWorker);
  vi.resetModules();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const bytes = () => new TextEncoder().encode('Moderator: Hello.');

describe('Cancel during an import', () => {
  it('ends the file being read at once and drops the queued files without reading them', async () => {
    vi.useFakeTimers();
    const { cancelFileReads, readFileOffThread } = await import('#renderer/features/import/import-runner.ts');
    const outcomes = ['a.docx', 'b.docx', 'c.txt'].map((name) => readFileOffThread(name, bytes(), null));
    await vi.advanceTimersByTimeAsync(10);
    expect(workers).toHaveLength(1);
    expect(workers[0]?.posted.map((request) => request.fileName)).toEqual(['a.docx']);

    cancelFileReads();
    // No time passes: the 20-second limit plays no part.
    const settled = await Promise.all(outcomes);
    expect(settled).toEqual([
      { ok: false, message: 'The import was cancelled.', cancelled: true },
      { ok: false, message: 'The import was cancelled.', cancelled: true },
      { ok: false, message: 'The import was cancelled.', cancelled: true },
    ]);
    expect(workers[0]?.terminated).toBe(true);
    // The queued files never reached a worker.
    expect(workers.flatMap((worker) => worker.posted.map((request) => request.fileName))).toEqual(['a.docx']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('leaves the next import working, in a fresh worker', async () => {
    const { cancelFileReads, readFileOffThread } = await import('#renderer/features/import/import-runner.ts');
    const first = readFileOffThread('slow.docx', bytes(), null);
    await new Promise((resolve) => setTimeout(resolve, 0));
    cancelFileReads();
    expect(await first).toMatchObject({ cancelled: true });
    answer = 'at once';
    await expect(readFileOffThread('next.txt', bytes(), null)).resolves.toEqual({
      ok: true,
      imported: { format: 'txt', text: 'read next.txt' },
    });
    expect(workers).toHaveLength(2);
    expect(workers[1]?.terminated).toBe(false);
  });

  it('still stops a file at the time limit when nobody cancels', async () => {
    vi.useFakeTimers();
    const { readFileOffThread } = await import('#renderer/features/import/import-runner.ts');
    const outcome = readFileOffThread('huge.docx', bytes(), null, 5_000);
    await vi.advanceTimersByTimeAsync(5_001);
    await expect(outcome).resolves.toMatchObject({ ok: false, message: expect.stringMatching(/took longer than 5 seconds/) });
    expect(workers[0]?.terminated).toBe(true);
  });
});
