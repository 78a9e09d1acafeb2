/**
 * Splitting a stretch of text into runs at coding boundaries, so the reader can paint each run with the codes that
 * cover it. Overlapping and crossing codings are the normal case in focus-group analysis, so a run can carry
 * several codings.
 */
import type { CodePointRange } from '../text/code-points.ts';
import type { Coding, Uuid } from '../model/types.ts';

/** A run of text [start, end) in code points, with the ids of the codings that cover all of it. */
export interface HighlightRun {
  readonly start: number;
  readonly end: number;
  readonly codingIds: readonly Uuid[];
}

/**
 * The runs of [range.start, range.end) cut at every boundary of the given codings that falls inside it. Codings
 * are expected to belong to one document; those outside the range are ignored. Runs keep the codings' input order.
 */
export function highlightRuns(range: CodePointRange, codings: readonly Coding[]): readonly HighlightRun[] {
  const inside = codings.filter((coding) => coding.start < range.end && coding.end > range.start);
  const cuts = new Set<number>([range.start, range.end]);
  for (const coding of inside) {
    if (coding.start > range.start) cuts.add(coding.start);
    if (coding.end < range.end) cuts.add(coding.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: HighlightRun[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    const codingIds = inside.filter((coding) => coding.start <= start && coding.end >= end).map((coding) => coding.id);
    runs.push({ start, end, codingIds });
  }
  return runs;
}
