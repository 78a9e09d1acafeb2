/**
 * The Compare view's state: whether it is open, which picture it shows, the grouping, measure and filter of its
 * matrices, the collapsed rows, and the cell whose passages are open. Plain UI state: the figures themselves are
 * computed from the project index by shared/compare/.
 */
import { create } from 'zustand';
import type { Uuid } from '#shared/model/types';
import { NO_FILTER, type SegmentFilter } from '#shared/coding/segment-filter';
import type { MatrixMeasure } from '#shared/compare/code-matrix';
import type { ColumnGrouping } from '#shared/compare/groupings';
import type { CoOccurrenceMode } from '#shared/compare/co-occurrence';

/** The pictures the view offers. */
export type CompareTab = 'matrix' | 'pre-post' | 'co-occurrence' | 'bars' | 'ratings';

/** A cell whose passages are shown: a code's row and a column, or two codes of the co-occurrence matrix. */
export type OpenCell = { readonly kind: 'matrix'; readonly codeId: Uuid; readonly columnKey: string } | { readonly kind: 'pair'; readonly codeA: Uuid; readonly codeB: Uuid };

interface CompareState {
  readonly open: boolean;
  readonly tab: CompareTab;
  readonly grouping: ColumnGrouping;
  readonly measure: MatrixMeasure;
  readonly filter: SegmentFilter;
  readonly showNumbers: boolean;
  readonly collapsed: ReadonlySet<Uuid>;
  readonly openCell: OpenCell | null;
  readonly prePostCodeId: Uuid | null;
  readonly coOccurrenceMode: CoOccurrenceMode;
  readonly barsBy: 'site' | 'phase';
}

/** The Compare view's state. */
export const useCompare = create<CompareState>()(() => ({
  open: false,
  tab: 'matrix',
  grouping: { kind: 'site-phase' },
  measure: 'codings',
  filter: NO_FILTER,
  showNumbers: true,
  collapsed: new Set(),
  openCell: null,
  prePostCodeId: null,
  coOccurrenceMode: 'overlap',
  barsBy: 'site',
}));

/** Opens the Compare view in place of the coding panes. */
export function openCompare(): void {
  useCompare.setState({ open: true });
}

/** Returns to coding. */
export function closeCompare(): void {
  useCompare.setState({ open: false, openCell: null });
}

/** Changes what the view shows; an open cell closes when what it was a cell of changes. */
export function setCompare(patch: Partial<Omit<CompareState, 'open' | 'collapsed' | 'openCell'>>): void {
  useCompare.setState({ ...patch, openCell: null });
}

/** Folds or unfolds a code's row. */
export function toggleRow(codeId: Uuid): void {
  const collapsed = new Set(useCompare.getState().collapsed);
  if (collapsed.has(codeId)) collapsed.delete(codeId);
  else collapsed.add(codeId);
  useCompare.setState({ collapsed });
}

/** Opens (or, given null, closes) the passages of a cell. */
export function openCell(cell: OpenCell | null): void {
  useCompare.setState({ openCell: cell });
}
