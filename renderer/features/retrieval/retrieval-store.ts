/**
 * What the retrieval panel shows: the code selected in the tree plus any codes the coder added, whether codes
 * beneath them count too (a whole CFIR domain), the filters and the order. Kept while the project is open.
 */
import { create } from 'zustand';
import type { Uuid } from '#shared/model/types';
import { codingPasses, describeFilter, isEmptyFilter, NO_FILTER, type SegmentFilter } from '#shared/coding/segment-filter';
import { setCodingCountFilter } from '../codebook/codebook-view-store.ts';
import type { SegmentOrder } from '#shared/coding/retrieve-segments';
import { useWorkspace } from '../../state/workspace-store.ts';

interface RetrievalState {
  /** Codes retrieved besides the one selected in the tree. */
  readonly extraCodeIds: readonly Uuid[];
  readonly withDescendants: boolean;
  readonly filter: SegmentFilter;
  readonly order: SegmentOrder;
  /** The right pane's tab. */
  readonly tab: 'segments' | 'search';
}

/** The retrieval store. */
export const useRetrieval = create<RetrievalState>()(() => ({
  extraCodeIds: [],
  withDescendants: true,
  filter: NO_FILTER,
  order: 'document',
  tab: 'segments',
}));

/** Adds a code to those retrieved. */
export function addRetrievedCode(codeId: Uuid): void {
  useRetrieval.setState((s) => (s.extraCodeIds.includes(codeId) ? s : { extraCodeIds: [...s.extraCodeIds, codeId] }));
}

/** Removes a code from those retrieved. */
export function removeRetrievedCode(codeId: Uuid): void {
  useRetrieval.setState((s) => ({ extraCodeIds: s.extraCodeIds.filter((id) => id !== codeId) }));
}

/** Shows a tab of the right pane. */
export function showTab(tab: RetrievalState['tab']): void {
  useRetrieval.setState({ tab });
}

// A new project starts with nothing added and no filters; selecting a code in the tree shows its segments.
useWorkspace.subscribe((state, previous) => {
  if (state.snapshot?.project.id !== previous.snapshot?.project.id) {
    useRetrieval.setState({ extraCodeIds: [], filter: NO_FILTER, tab: 'segments' });
  } else if (state.selectedCodeId !== previous.selectedCodeId && state.selectedCodeId) {
    useRetrieval.setState({ tab: 'segments' });
  }
});

// The coding tree counts codings "for the current filter" too: hand it the retrieval filter whenever it changes.
useRetrieval.subscribe((state, previous) => {
  if (state.filter === previous.filter) return;
  const { snapshot } = useWorkspace.getState();
  if (!snapshot || isEmptyFilter(state.filter)) {
    setCodingCountFilter(null);
    return;
  }
  const filter = state.filter;
  setCodingCountFilter({
    label: describeFilter(filter, snapshot, snapshot.coders),
    accepts: (coding) => codingPasses(filter, coding, (id) => useWorkspace.getState().index?.documentById.get(id)),
  });
});

