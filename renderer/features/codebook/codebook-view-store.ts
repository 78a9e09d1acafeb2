/**
 * The coding tree's own UI state: which codes are collapsed (kept per project in the settings, so the tree opens as
 * it was left), whether hidden codes show, which code is being renamed, which codebook dialog is open, and the
 * filter the counts follow.
 */
import { create } from 'zustand';
import type { Code, Coding, Uuid } from '#shared/model/types';
import { ancestorsOf, childrenByParent } from '#shared/codebook/code-tree';
import type { RefiCodebook } from '#shared/refi/read-codebook';
import { projectStore } from '../../state/project-store-instance.ts';
import { notify } from '../../state/workspace-store.ts';
import { describeError } from '../../state/describe-error.ts';

/** A dialog of the codebook. */
export type CodebookDialog =
  | { readonly kind: 'details' | 'merge' | 'split' | 'delete'; readonly codeId: Uuid }
  | { readonly kind: 'crosswalk' }
  | { readonly kind: 'import'; readonly fileName: string; readonly codebook: RefiCodebook };

/**
 * A filter on codings that the tree's counts follow, next to the totals: set by the retrieval filters of the
 * coding workspace (`setCodingCountFilter`), e.g. "post phase, site BU".
 */
export interface CodingCountFilter {
  /** Shown in the tree's heading, e.g. "post · BU". */
  readonly label: string;
  readonly accepts: (coding: Coding) => boolean;
}

interface CodebookViewState {
  readonly projectId: Uuid | null;
  readonly collapsed: ReadonlySet<Uuid>;
  readonly showHidden: boolean;
  readonly renamingId: Uuid | null;
  readonly dialog: CodebookDialog | null;
  readonly countFilter: CodingCountFilter | null;
}

/** The codebook view store. */
export const useCodebookView = create<CodebookViewState>()(() => ({
  projectId: null,
  collapsed: new Set(),
  showHidden: false,
  renamingId: null,
  dialog: null,
  countFilter: null,
}));

const set = useCodebookView.setState;
const get = useCodebookView.getState;
const collapsedSetting = (projectId: Uuid): string => `codeTreeCollapsed:${projectId}`;

/** Loads a project's collapsed codes, or collapses every code below the top that has subcodes on first opening. */
export async function loadTreeState(projectId: Uuid, codes: readonly Code[]): Promise<void> {
  if (get().projectId === projectId) return;
  set({ projectId, renamingId: null, dialog: null });
  let collapsed: Set<Uuid>;
  try {
    const saved = await projectStore().getSetting(collapsedSetting(projectId));
    collapsed = saved ? new Set((JSON.parse(saved) as unknown[]).filter((id): id is string => typeof id === 'string')) : defaultCollapsed(codes);
  } catch {
    collapsed = defaultCollapsed(codes);
  }
  if (get().projectId === projectId) set({ collapsed });
}

function defaultCollapsed(codes: readonly Code[]): Set<Uuid> {
  const children = childrenByParent(codes);
  return new Set(codes.filter((c) => c.parentId !== null && (children.get(c.id)?.length ?? 0) > 0).map((c) => c.id));
}

/** Whether a failed save of the tree's shape has been reported (once, until a save works again). */
let collapsedSaveFailed = false;

function saveCollapsed(collapsed: ReadonlySet<Uuid>): void {
  const projectId = get().projectId;
  set({ collapsed });
  if (!projectId) return;
  // The tree's shape is a convenience: if it cannot be saved, the tree still works, and the user is told once.
  void projectStore()
    .setSetting(collapsedSetting(projectId), JSON.stringify([...collapsed]))
    .then(
      () => {
        collapsedSaveFailed = false;
      },
      (error: unknown) => {
        if (collapsedSaveFailed) return;
        collapsedSaveFailed = true;
        notify('error', `Which codes are open in the coding tree could not be remembered for next time. ${describeError(error)}`);
      },
    );
}

/** Opens or closes a code in the tree. */
export function toggleCollapsed(codeId: Uuid): void {
  const collapsed = new Set(get().collapsed);
  if (collapsed.has(codeId)) collapsed.delete(codeId);
  else collapsed.add(codeId);
  saveCollapsed(collapsed);
}

/** Opens every code above a code, so that it shows (after adding a subcode, say). */
export function revealCode(codes: readonly Code[], codeId: Uuid): void {
  const above = [...ancestorsOf(codes, codeId)].map((c) => c.id).filter((id) => get().collapsed.has(id));
  if (!above.length) return;
  const collapsed = new Set(get().collapsed);
  for (const id of above) collapsed.delete(id);
  saveCollapsed(collapsed);
}

/** Opens every code, or closes every code that has subcodes. */
export function setAllCollapsed(codes: readonly Code[], collapse: boolean): void {
  const children = childrenByParent(codes);
  saveCollapsed(collapse ? new Set(codes.filter((c) => (children.get(c.id)?.length ?? 0) > 0).map((c) => c.id)) : new Set());
}

/** Shows or hides the codes hidden in the project. */
export function setShowHidden(showHidden: boolean): void {
  set({ showHidden });
}

/** Starts or ends renaming a code in place. */
export function setRenaming(codeId: Uuid | null): void {
  set({ renamingId: codeId });
}

/** Opens a codebook dialog, or closes it (null). */
export function openCodebookDialog(dialog: CodebookDialog | null): void {
  set({ dialog });
}

/** Makes the tree's counts follow a filter on codings, next to the totals; null shows the totals alone. */
export function setCodingCountFilter(filter: CodingCountFilter | null): void {
  set({ countFilter: filter });
}
