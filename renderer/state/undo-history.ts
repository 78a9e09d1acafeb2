/**
 * The open project's undo and redo history: plain data, no store and no browser, so that its rules are tested on
 * their own (tests/unit/renderer/state/undo-history.test.ts).
 *
 * Each step keeps the change that was made and the change that takes it back, both already stamped as they were
 * written. Undoing or redoing hands back the change to apply; the workspace stamps it anew and writes it, like any
 * other change, so that a merge sees an undo as the newest edit of its records.
 */
import type { ProjectChange } from '#shared/model/change';
import { composeChanges } from '#shared/model/change';

/** One undoable step: the change made and the change that takes it back. */
export interface HistoryEntry {
  readonly label: string;
  readonly change: ProjectChange;
  readonly inverse: ProjectChange;
  /** Changes made with the same key one after the other become this one step (e.g. typing in one memo). */
  readonly coalesceKey?: string;
  /** A change that came stamped (a merge): undone and redone exactly, never re-stamped (see changeProject). */
  readonly asStamped?: boolean;
}

/** What the history looked like at one moment: kept with a write, so that a failed write can put it back. */
export interface HistoryState {
  readonly undo: readonly HistoryEntry[];
  readonly redo: readonly HistoryEntry[];
}

export type HistoryDirection = 'undo' | 'redo';

/** Enough steps for a working session; the oldest fall off beyond it, so memory does not grow with a day's coding. */
export const HISTORY_LIMIT = 200;

export class UndoHistory {
  private undoStack: HistoryEntry[] = [];
  private redoStack: HistoryEntry[] = [];

  constructor(private readonly limit = HISTORY_LIMIT) {}

  /** The label of the step Ctrl+Z would take back, or null. */
  get undoLabel(): string | null {
    return this.undoStack[this.undoStack.length - 1]?.label ?? null;
  }

  /** The label of the step Ctrl+Shift+Z would make again, or null. */
  get redoLabel(): string | null {
    return this.redoStack[this.redoStack.length - 1]?.label ?? null;
  }

  /**
   * Records a change just made. A new change ends what could be redone. With the same `coalesceKey` as the step on
   * top, it joins that step: undoing it then takes back this change and the earlier ones together.
   */
  record(
    label: string,
    change: ProjectChange,
    inverse: ProjectChange,
    options: { readonly coalesceKey?: string | undefined; readonly asStamped?: boolean | undefined } = {},
  ): void {
    const { coalesceKey, asStamped } = options;
    const top = this.undoStack[this.undoStack.length - 1];
    if (coalesceKey && top?.coalesceKey === coalesceKey) {
      this.undoStack[this.undoStack.length - 1] = {
        label: top.label,
        change: composeChanges(top.change, change),
        inverse: composeChanges(inverse, top.inverse),
        coalesceKey,
      };
    } else {
      this.undoStack.push({ label, change, inverse, ...(coalesceKey ? { coalesceKey } : {}), ...(asStamped ? { asStamped: true } : {}) });
      if (this.undoStack.length > this.limit) this.undoStack.shift();
    }
    this.redoStack = [];
  }

  /** The step `direction` would apply and the change that applies it, without moving anything (null when none). */
  peek(direction: HistoryDirection): { readonly entry: HistoryEntry; readonly step: ProjectChange } | null {
    const from = direction === 'undo' ? this.undoStack : this.redoStack;
    const entry = from[from.length - 1];
    if (!entry) return null;
    return { entry, step: direction === 'undo' ? entry.inverse : entry.change };
  }

  /** Moves the top step from one stack to the other, once its change has been applied. */
  move(direction: HistoryDirection): void {
    const [from, to] = direction === 'undo' ? [this.undoStack, this.redoStack] : [this.redoStack, this.undoStack];
    const entry = from.pop();
    if (entry) to.push(entry);
  }

  /** The history as it is now, to put back with `restore` if a write fails. */
  state(): HistoryState {
    return { undo: [...this.undoStack], redo: [...this.redoStack] };
  }

  restore(state: HistoryState): void {
    this.undoStack = [...state.undo];
    this.redoStack = [...state.redo];
  }

  /** Forgets every step: another project is shown. */
  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
  }
}
