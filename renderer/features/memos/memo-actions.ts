/**
 * Writing memos through `changeProject`, so that every memo change can be undone. Typing is saved on a short pause
 * and when the editor loses focus or closes; all saves of one editing session are one step of undo.
 */
import type { MemoTarget, Uuid } from '#shared/model/types';
import { randomUuid, systemClock } from '#shared/model/ids';
import { createMemo, deleteMemos, memosFor, updateMemo } from '#shared/memos/memos';
import { attempt, changeProject, useWorkspace } from '../../state/workspace-store.ts';
import { hideMemo, showMemo, useMemoView } from './memo-store.ts';

/**
 * Opens the memo on a target beside the transcript: the most recent one when there is any, else a new one. This is
 * the "memo" action on a coding, a code or a document.
 */
export function openMemoFor(target: MemoTarget): void {
  const snapshot = useWorkspace.getState().snapshot;
  if (!snapshot) return;
  const existing = memosFor(snapshot, target);
  const latest = [...existing].sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt))[0];
  showMemo(latest?.id ?? null, target);
}

/** Opens a new, empty memo on a target. */
export function newMemoOn(target: MemoTarget): void {
  showMemo(null, target);
}

/** Opens an existing memo. */
export function openMemo(memoId: Uuid): void {
  const memo = useWorkspace.getState().snapshot?.memos.find((m) => m.id === memoId);
  if (memo) showMemo(memo.id, memo.target);
}

/** What the editor saves. */
export interface MemoDraft {
  readonly title: string;
  readonly text: string;
}

/**
 * Saves one editing session of a memo, in order: the first save of a new memo creates it, later saves update it,
 * and all of them are one undo step. `memoId()` tells which memo the session writes to (null until created).
 */
export interface MemoSession {
  readonly save: (draft: MemoDraft) => Promise<boolean>;
  readonly memoId: () => Uuid | null;
}

/** Starts an editing session on a memo (or a new memo on `target`). */
export function memoSession(memoId: Uuid | null, target: MemoTarget): MemoSession {
  let id = memoId;
  let chain: Promise<boolean> = Promise.resolve(true);
  const coalesceKey = `memo:${randomUuid()}`;
  const save = (draft: MemoDraft): Promise<boolean> => {
    chain = chain.then(() =>
      attempt(null, async () => {
        const current = id;
        if (current === null) {
          if (!draft.title.trim() && !draft.text.trim()) return;
          const author = useWorkspace.getState().currentCoderId;
          const made = await changeProject(
            'New memo',
            (snapshot) => {
              const created = createMemo(snapshot, { target, title: draft.title, text: draft.text }, author, randomUuid, systemClock);
              return { change: created.change, result: created.memo };
            },
            { coalesceKey },
          );
          if (made) {
            id = made.id;
            // The editor now shows a stored memo.
            const open = useMemoView.getState().open;
            if (open && open.memoId === null && open.target === target) useMemoView.setState({ open: { ...open, memoId: made.id } });
          }
          return;
        }
        await changeProject(
          'Edit memo',
          (snapshot) => {
            // A memo that an undo took away is not written again.
            if (!snapshot.memos.some((m) => m.id === current)) return { change: {}, result: undefined };
            return { change: updateMemo(snapshot, current, draft, systemClock), result: undefined };
          },
          { coalesceKey },
        );
      }),
    );
    return chain;
  };
  return { save, memoId: () => id };
}

/** Deletes a memo (one undo step) and closes it if it is open. */
export function deleteMemo(memoId: Uuid): Promise<boolean> {
  return attempt(null, async () => {
    await changeProject('Delete memo', (snapshot) => ({ change: deleteMemos(snapshot, [memoId]), result: undefined }));
    if (useMemoView.getState().open?.memoId === memoId) hideMemo();
  });
}
