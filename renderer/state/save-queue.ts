/**
 * The open project's writes, one after another in the order the changes were made.
 *
 * The workspace shows a change the moment it is made and hands its write to this queue, so coding never waits on
 * the disk. The app still reports an action done only once its write has finished (the promise `enqueue` returns,
 * and the save status in the project bar). Each write carries what the workspace looked like before its change: if
 * a write fails, that state comes back, and every later change (built on the failed one, and not yet written) is
 * dropped with it, so the screen again shows exactly what is stored.
 */

/** Why a change is no longer on screen: its write failed, or an earlier write failed and took it back with it. */
export class ChangeTakenBack extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ChangeTakenBack';
  }
}

/** A failed write, as the owner of the queue hears of it (once per failure). */
export interface SaveFailure<Before> {
  /** The label of the change whose write failed. */
  readonly label: string;
  readonly error: unknown;
  /** The state before that change, to put back. */
  readonly before: Before;
  /** Labels of the later changes dropped with it, oldest first. */
  readonly dropped: readonly string[];
}

interface QueuedWrite<Before> {
  readonly label: string;
  readonly write: () => Promise<void>;
  readonly before: Before;
  /** Set when an earlier write failed: this one is never run. */
  droppedBy: unknown;
}

/** Writes in order; see the module comment. `Before` is whatever the owner needs to put the screen back. */
export class SaveQueue<Before> {
  private readonly waiting: QueuedWrite<Before>[] = [];
  private tail: Promise<unknown> = Promise.resolve();

  /**
   * @param onPendingChange called with the number of changes not yet written, whenever it changes
   * @param onFailure called once for each failed write, before the promises of the changes concerned reject
   */
  constructor(
    private readonly onPendingChange: (pending: number) => void,
    private readonly onFailure: (failure: SaveFailure<Before>) => void,
  ) {}

  /** How many changes are shown but not yet written. */
  get pending(): number {
    return this.waiting.length;
  }

  /**
   * Queues a change's write. Resolves once it is written; rejects with ChangeTakenBack when it (or an earlier one)
   * failed, after `onFailure` has put the state back.
   */
  enqueue(label: string, write: () => Promise<void>, before: Before): Promise<void> {
    const queued: QueuedWrite<Before> = { label, write, before, droppedBy: null };
    this.waiting.push(queued);
    this.onPendingChange(this.waiting.length);
    const run = async (): Promise<void> => {
      if (queued.droppedBy !== null) {
        this.settle(queued);
        throw new ChangeTakenBack(`“${label}” was taken back, because an earlier change could not be saved.`, { cause: queued.droppedBy });
      }
      try {
        await queued.write();
      } catch (error) {
        this.fail(queued, error);
        throw new ChangeTakenBack(`“${label}” could not be saved, so it was taken back.`, { cause: error });
      }
      this.settle(queued);
    };
    const done = this.tail.then(run, run);
    this.tail = done.catch(() => undefined);
    return done;
  }

  /** Resolves when every change queued so far has been written or taken back. */
  async whenSettled(): Promise<void> {
    while (this.waiting.length > 0) await this.tail;
  }

  private settle(queued: QueuedWrite<Before>): void {
    const at = this.waiting.indexOf(queued);
    if (at >= 0) this.waiting.splice(at, 1);
    this.onPendingChange(this.waiting.length);
  }

  private fail(queued: QueuedWrite<Before>, error: unknown): void {
    const at = this.waiting.indexOf(queued);
    const later = this.waiting.slice(at + 1);
    for (const dropped of later) dropped.droppedBy = error;
    this.settle(queued);
    this.onFailure({ label: queued.label, error, before: queued.before, dropped: later.map((dropped) => dropped.label) });
  }
}
