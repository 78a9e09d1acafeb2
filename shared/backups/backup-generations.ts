/**
 * Which backup generations of a project to keep: the last few, the last one of each recent day, and the last one of
 * each recent week. A project that went wrong and was backed up many times in a row can then push out only the
 * recent generations, never the copy of yesterday or of three weeks ago (QualCoder #265: backups that all copied a
 * broken state).
 *
 * Days and weeks are calendar days and ISO weeks (Monday to Sunday) in UTC, so that the generation kept for a past day
 * stays the same however often the rule runs later. Plain data in, plain data out: the main process lists the files,
 * asks this function, and deletes the rest.
 */

/** One backup: an id (its file name) and when it was made, in milliseconds since 1970 (UTC). */
export interface BackupGeneration {
  readonly id: string;
  readonly madeAt: number;
}

/** How many generations of each kind are kept. */
export interface GenerationPolicy {
  /** The newest backups kept whatever their age (at least 1). */
  readonly recent: number;
  /** Calendar days, today included, of which the last backup of each is kept. */
  readonly days: number;
  /** ISO weeks, this week included, of which the last backup of each is kept. */
  readonly weeks: number;
}

/** The last 10, one a day for a week, one a week for about a month. */
export const DEFAULT_GENERATION_POLICY: GenerationPolicy = { recent: 10, days: 7, weeks: 5 };

const DAY_MS = 24 * 60 * 60 * 1000;

/** The number of the UTC calendar day of a moment (days since 1970-01-01). */
export function utcDayNumber(moment: number): number {
  return Math.floor(moment / DAY_MS);
}

/** The number of the ISO week (Monday first, UTC) of a moment: weeks since the Monday 1969-12-29. */
export function utcWeekNumber(moment: number): number {
  // 1970-01-01 was a Thursday: shifting by 3 days makes every week start on a Monday.
  return Math.floor((utcDayNumber(moment) + 3) / 7);
}

/** Newest first; on equal times the later in the given order counts as newer (it was listed, so written, later). */
function newestFirst(backups: readonly BackupGeneration[]): BackupGeneration[] {
  return backups
    .map((backup, order) => ({ backup, order }))
    .sort((a, b) => b.backup.madeAt - a.backup.madeAt || b.order - a.order)
    .map(({ backup }) => backup);
}

/** Whether a day or week `ago` periods back lies in a window of `size` periods ending now (future ones do not). */
function isWithin(ago: number, size: number): boolean {
  return ago >= 0 && ago < size;
}

/**
 * The ids of the generations to keep at `now` under `policy`. Everything else may be deleted. Backups dated after
 * `now` (a clock that went back) count as the newest: they are kept among the recent ones, not as a day's or week's.
 */
export function generationsToKeep(
  backups: readonly BackupGeneration[],
  now: number,
  policy: GenerationPolicy = DEFAULT_GENERATION_POLICY,
): Set<string> {
  if (!Number.isInteger(policy.recent) || policy.recent < 1) {
    throw new RangeError(`A backup policy keeps at least the newest backup (recent >= 1), not ${policy.recent}.`);
  }
  const ordered = newestFirst(backups);
  const keep = new Set(ordered.slice(0, policy.recent).map((backup) => backup.id));
  const today = utcDayNumber(now);
  const thisWeek = utcWeekNumber(now);
  const daysSeen = new Set<number>();
  const weeksSeen = new Set<number>();
  for (const backup of ordered) {
    // The first backup met in a day or week, going from newest to oldest, is that day's or week's last one.
    const day = utcDayNumber(backup.madeAt);
    if (isWithin(today - day, policy.days) && !daysSeen.has(day)) {
      daysSeen.add(day);
      keep.add(backup.id);
    }
    const week = utcWeekNumber(backup.madeAt);
    if (isWithin(thisWeek - week, policy.weeks) && !weeksSeen.has(week)) {
      weeksSeen.add(week);
      keep.add(backup.id);
    }
  }
  return keep;
}
