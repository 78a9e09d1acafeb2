/**
 * The memos' UI state: the memo open beside the transcript (or a new one not yet written), and the memo list's
 * search and filter.
 */
import { create } from 'zustand';
import type { MemoTarget, Uuid } from '#shared/model/types';
import type { MemoTargetKind } from '#shared/memos/memos';
import { useWorkspace } from '../../state/workspace-store.ts';

/** The memo open in the editor: an existing memo, or a new one on a target that is stored once something is typed. */
export interface OpenMemo {
  readonly memoId: Uuid | null;
  readonly target: MemoTarget;
  /** Changes whenever another memo is opened, so the editor starts afresh even for the same target. */
  readonly session: number;
}

interface MemoViewState {
  readonly open: OpenMemo | null;
  readonly query: string;
  readonly kinds: readonly MemoTargetKind[];
}

/** The memo view store. */
export const useMemoView = create<MemoViewState>()(() => ({ open: null, query: '', kinds: [] }));

let session = 0;

/** Opens a memo, or a new memo on a target (memoId null), in the editor beside the transcript. */
export function showMemo(memoId: Uuid | null, target: MemoTarget): void {
  useMemoView.setState({ open: { memoId, target, session: ++session } });
}

/** Closes the memo editor. */
export function hideMemo(): void {
  useMemoView.setState({ open: null });
}

/** Sets the words the memo list searches for. */
export function setMemoQuery(query: string): void {
  useMemoView.setState({ query });
}

/** Shows or stops showing memos on one kind of target in the list (none chosen shows all). */
export function toggleMemoKind(kind: MemoTargetKind): void {
  const kinds = useMemoView.getState().kinds;
  useMemoView.setState({ kinds: kinds.includes(kind) ? kinds.filter((k) => k !== kind) : [...kinds, kind] });
}

// Another project (or none) starts with no memo open and the list unfiltered: a memo belongs to its project. What was
// typed in the open memo is written before the project is left (workspace-store's whenSaved).
useWorkspace.subscribe((state, previous) => {
  if ((state.snapshot?.project.id ?? null) !== (previous.snapshot?.project.id ?? null)) useMemoView.setState({ open: null, query: '', kinds: [] });
});
