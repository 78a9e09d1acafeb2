import { describe, expect, it } from 'vitest';
import { ChangeTakenBack, SaveQueue, type SaveFailure } from '../../../../renderer/state/save-queue.ts';

/** A write that ends when the test says so, recording when it started. */
function controlledWrite(log: string[], name: string) {
  let finish!: () => void;
  let fail!: (error: Error) => void;
  const ended = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return {
    write: () => {
      log.push(`start ${name}`);
      return ended.then(() => void log.push(`end ${name}`));
    },
    finish,
    fail,
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('SaveQueue', () => {
  it('writes one change at a time, in the order they were made, and counts what is not yet written', async () => {
    const log: string[] = [];
    const counts: number[] = [];
    const queue = new SaveQueue<string>((pending) => counts.push(pending), () => undefined);
    const a = controlledWrite(log, 'a');
    const b = controlledWrite(log, 'b');
    const savedA = queue.enqueue('A', a.write, 'before A');
    const savedB = queue.enqueue('B', b.write, 'before B');
    expect(queue.pending).toBe(2);
    b.finish(); // b's write may end first, but must not even start before a's has ended
    await flush();
    expect(log).toEqual(['start a']);
    a.finish();
    await savedA;
    await savedB;
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
    expect(counts).toEqual([1, 2, 1, 0]);
    expect(queue.pending).toBe(0);
  });

  it('on a failed write, hands back the state before it once, and drops the later changes unwritten', async () => {
    const log: string[] = [];
    const failures: SaveFailure<string>[] = [];
    const queue = new SaveQueue<string>(() => undefined, (failure) => failures.push(failure));
    const a = controlledWrite(log, 'a');
    const b = controlledWrite(log, 'b');
    const c = controlledWrite(log, 'c');
    const savedA = queue.enqueue('Coding', a.write, 'before A');
    const savedB = queue.enqueue('Rename code', b.write, 'before B');
    const savedC = queue.enqueue('Memo', c.write, 'before C');
    const diskFull = new Error('The disk is full.');
    a.fail(diskFull);
    await expect(savedA).rejects.toBeInstanceOf(ChangeTakenBack);
    await expect(savedA).rejects.toThrow('“Coding” could not be saved, so it was taken back.');
    await expect(savedB).rejects.toThrow('“Rename code” was taken back, because an earlier change could not be saved.');
    await expect(savedC).rejects.toBeInstanceOf(ChangeTakenBack);
    expect(log).toEqual(['start a']);
    expect(failures).toEqual([{ label: 'Coding', error: diskFull, before: 'before A', dropped: ['Rename code', 'Memo'] }]);
    expect(queue.pending).toBe(0);

    // The queue goes on with the changes made after the failure.
    const d = controlledWrite(log, 'd');
    const savedD = queue.enqueue('Coding again', d.write, 'before D');
    d.finish();
    await savedD;
    expect(log).toEqual(['start a', 'start d', 'end d']);
    expect(failures).toHaveLength(1);
  });

  it('tells when every change made so far is written', async () => {
    const log: string[] = [];
    const queue = new SaveQueue<string>(() => undefined, () => undefined);
    const a = controlledWrite(log, 'a');
    const b = controlledWrite(log, 'b');
    void queue.enqueue('A', a.write, '');
    void queue.enqueue('B', b.write, '').catch(() => undefined);
    let settled = false;
    const settling = queue.whenSettled().then(() => (settled = true));
    a.finish();
    await flush();
    expect(settled).toBe(false);
    b.fail(new Error('no'));
    await settling;
    expect(log).toEqual(['start a', 'end a', 'start b']);
    await expect(queue.whenSettled()).resolves.toBeUndefined();
  });
});
