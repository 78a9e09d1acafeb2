/**
 * The reader's own state: the coding selected in the text (shown in the inspector, with resize handles), the last
 * passage the coder selected (so a code dropped or picked a moment later still lands on it), the reader's open
 * panel, and the recently used codes (keys 1 to 9), which are kept per project in the installation's settings.
 */
import { create } from 'zustand';
import type { Uuid } from '#shared/model/types';
import type { CodePointRange } from '#shared/text/code-points';
import { projectStore } from '../../state/project-store-instance.ts';
import { useWorkspace } from '../../state/workspace-store.ts';
import { announce } from '../../app/announcer.tsx';
import { passageInWords } from './passage-in-words.ts';

/** A passage of a document. */
export interface DocumentRange extends CodePointRange {
  readonly documentId: Uuid;
}

/** Where a small panel opens, in viewport pixels: below `y`, or when there is no room, above `above` (or `y`). */
export interface PopoverAnchor {
  readonly x: number;
  readonly y: number;
  /** The top of what the panel is about (a selection), so a panel that cannot open below it opens above it. */
  readonly above?: number;
}

/** The panel open over the reader, if any. */
export type ReaderPopover =
  | { readonly kind: 'apply'; readonly range: DocumentRange; readonly anchor: PopoverAnchor }
  | { readonly kind: 'inspect'; readonly codingIds: readonly Uuid[]; readonly anchor: PopoverAnchor }
  | { readonly kind: 'recode'; readonly codingId: Uuid; readonly anchor: PopoverAnchor }
  /** The "Assign speaker" dialog, for paragraphs `from` to `to` (numbers as cited) of a document. */
  | { readonly kind: 'speaker'; readonly documentId: Uuid; readonly from: number; readonly to: number };

interface ReaderState {
  readonly selectedCodingId: Uuid | null;
  readonly pendingSelection: DocumentRange | null;
  readonly popover: ReaderPopover | null;
  /** Code ids, most recently used first (at most RECENT_LIMIT). */
  readonly recentCodeIds: readonly Uuid[];
  readonly recentProjectId: Uuid | null;
}

/** How many recent codes get a number key. */
export const RECENT_LIMIT = 9;

const recentSetting = (projectId: Uuid): string => `recentCodes:${projectId}`;

/** The reader store. Use with a selector. */
export const useReader = create<ReaderState>()(() => ({
  selectedCodingId: null,
  pendingSelection: null,
  popover: null,
  recentCodeIds: [],
  recentProjectId: null,
}));

/** Selects a coding in the text (null: none). */
export function selectCoding(codingId: Uuid | null): void {
  useReader.setState({ selectedCodingId: codingId });
}

/** Remembers (or forgets, with null) the passage the coder selected last. */
export function setPendingSelection(range: DocumentRange | null): void {
  const current = useReader.getState().pendingSelection;
  if (current === range) return;
  if (current && range && current.documentId === range.documentId && current.start === range.start && current.end === range.end) return;
  useReader.setState({ pendingSelection: range });
  const snapshot = useWorkspace.getState().snapshot;
  if (range && snapshot && range.end > range.start) announce(`Selected ${passageInWords(snapshot, range)}.`);
}

/** Opens a panel over the reader, or closes it with null. */
export function openPopover(popover: ReaderPopover | null): void {
  useReader.setState({ popover });
}

/**
 * Closes a panel that is done, if it is still the one open, and says whether it was. A panel finishes when its
 * change is saved, a few milliseconds after the change shows; by then the user may have opened another panel,
 * which must stay.
 */
export function closePopoverIfOpen(popover: ReaderPopover): boolean {
  if (useReader.getState().popover !== popover) return false;
  useReader.setState({ popover: null });
  return true;
}

/** Puts a code first among the recent codes and keeps the list for the project. */
export function noteCodeUsed(codeId: Uuid): void {
  const projectId = useWorkspace.getState().snapshot?.project.id;
  if (!projectId) return;
  const recent = [codeId, ...useReader.getState().recentCodeIds.filter((id) => id !== codeId)].slice(0, RECENT_LIMIT);
  useReader.setState({ recentCodeIds: recent, recentProjectId: projectId });
  // A lost setting costs the coder only the order of these shortcuts, so it is saved without holding anything up.
  projectStore()
    .setSetting(recentSetting(projectId), JSON.stringify(recent))
    .catch((error: unknown) => console.warn('Could not save the recent codes', error));
}

/** Reads the recent codes of a project from the settings (called when a project opens). */
async function loadRecent(projectId: Uuid): Promise<void> {
  let recent: Uuid[] = [];
  try {
    const saved = await projectStore().getSetting(recentSetting(projectId));
    const parsed: unknown = saved ? JSON.parse(saved) : [];
    if (Array.isArray(parsed)) recent = parsed.filter((id): id is Uuid => typeof id === 'string').slice(0, RECENT_LIMIT);
  } catch (error) {
    console.warn('Could not read the recent codes', error);
  }
  if (useWorkspace.getState().snapshot?.project.id === projectId) useReader.setState({ recentCodeIds: recent, recentProjectId: projectId });
}

// Follow the open project: reset the reader's state when it changes, and load that project's recent codes.
useWorkspace.subscribe((state, previous) => {
  const projectId = state.snapshot?.project.id ?? null;
  if (projectId === (previous.snapshot?.project.id ?? null)) return;
  useReader.setState({ selectedCodingId: null, pendingSelection: null, popover: null, recentCodeIds: [], recentProjectId: projectId });
  if (projectId) void loadRecent(projectId);
});
