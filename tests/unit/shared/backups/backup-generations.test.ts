import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GENERATION_POLICY,
  generationsToKeep,
  utcDayNumber,
  utcWeekNumber,
  type BackupGeneration,
} from '#shared/backups/backup-generations';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 11, 2, 20, 0, 0); // a Wednesday

/** Backups made at the given moments, named by their position (b0 is the first written). */
function backupsAt(moments: readonly number[]): BackupGeneration[] {
  return moments.map((madeAt, index) => ({ id: `b${index}`, madeAt }));
}

describe('calendar numbers', () => {
  it('start a week on Monday, in UTC', () => {
    const sunday = Date.UTC(2026, 10, 29, 23, 59);
    const monday = Date.UTC(2026, 10, 30, 0, 0);
    expect(utcWeekNumber(monday)).toBe(utcWeekNumber(sunday) + 1);
    expect(utcWeekNumber(NOW)).toBe(utcWeekNumber(monday));
    expect(utcDayNumber(monday) - utcDayNumber(sunday)).toBe(1);
  });
});

describe('generationsToKeep, on a real month of backups', () => {
  it('keeps the last 10, the last of each of 7 days and of each of 5 weeks', () => {
    // A backup every 6 hours for 40 days: 160 backups, oldest first.
    const moments = Array.from({ length: 160 }, (_, i) => NOW - (159 - i) * 6 * HOUR);
    const backups = backupsAt(moments);
    const kept = generationsToKeep(backups, NOW);
    const keptMoments = backups.filter((b) => kept.has(b.id)).map((b) => b.madeAt);
    // The last 10 (2.5 days), then one a day back to 6 days ago, then one a week (the Sunday 18:00 or 20:00 ones).
    expect(keptMoments.slice(-10)).toEqual(moments.slice(-10));
    const days = new Set(keptMoments.map(utcDayNumber));
    for (let back = 0; back < 7; back += 1) expect(days.has(utcDayNumber(NOW) - back)).toBe(true);
    const weeks = new Set(keptMoments.map(utcWeekNumber));
    for (let back = 0; back < 5; back += 1) expect(weeks.has(utcWeekNumber(NOW) - back)).toBe(true);
    expect(kept.size).toBeLessThanOrEqual(10 + 7 + 5);
    // Nothing older than the fifth week back survives.
    const oldestWeek = utcWeekNumber(NOW) - 4;
    expect(keptMoments.every((m) => utcWeekNumber(m) >= oldestWeek)).toBe(true);
  });

  it('keeps everything while there are few backups', () => {
    const backups = backupsAt([NOW - 3 * DAY, NOW - 2 * DAY, NOW - HOUR]);
    expect(generationsToKeep(backups, NOW)).toEqual(new Set(['b0', 'b1', 'b2']));
  });

  it('keeps the older good copies when a broken state was backed up many times today', () => {
    const good = [NOW - 3 * DAY, NOW - 10 * DAY];
    const broken = Array.from({ length: 50 }, (_, i) => NOW - 5 * HOUR + i * 60_000);
    const backups = backupsAt([...good, ...broken]);
    const kept = generationsToKeep(backups, NOW);
    expect(kept.has('b0')).toBe(true);
    expect(kept.has('b1')).toBe(true);
  });

  it('refuses a policy that would keep nothing', () => {
    expect(() => generationsToKeep([], NOW, { ...DEFAULT_GENERATION_POLICY, recent: 0 })).toThrow(RangeError);
  });
});

const momentArbitrary = fc.integer({ min: NOW - 60 * DAY, max: NOW + DAY });
const backupsArbitrary = fc.array(momentArbitrary, { maxLength: 120 }).map(backupsAt);
const policyArbitrary = fc.record({
  recent: fc.integer({ min: 1, max: 12 }),
  days: fc.integer({ min: 0, max: 10 }),
  weeks: fc.integer({ min: 0, max: 8 }),
});

/** The newest backup: the latest time, and among equal times the one listed last. */
function newest(backups: readonly BackupGeneration[]): BackupGeneration | undefined {
  return backups.reduce<BackupGeneration | undefined>((best, b) => (best === undefined || b.madeAt >= best.madeAt ? b : best), undefined);
}

describe('generationsToKeep, properties', () => {
  it('never deletes the newest backup, and keeps only backups it was given', () => {
    fc.assert(
      fc.property(backupsArbitrary, policyArbitrary, (backups, policy) => {
        const kept = generationsToKeep(backups, NOW, policy);
        const latest = newest(backups);
        if (latest) expect(kept.has(latest.id)).toBe(true);
        const ids = new Set(backups.map((b) => b.id));
        for (const id of kept) expect(ids.has(id)).toBe(true);
      }),
    );
  });

  it('keeps the `recent` newest backups', () => {
    fc.assert(
      fc.property(backupsArbitrary, policyArbitrary, (backups, policy) => {
        const kept = generationsToKeep(backups, NOW, policy);
        const sorted = backups
          .map((b, order) => ({ b, order }))
          .sort((x, y) => y.b.madeAt - x.b.madeAt || y.order - x.order)
          .map(({ b }) => b);
        for (const b of sorted.slice(0, policy.recent)) expect(kept.has(b.id)).toBe(true);
      }),
    );
  });

  it('keeps the last backup of every recent day and every recent week, and is bounded', () => {
    fc.assert(
      fc.property(backupsArbitrary, policyArbitrary, (backups, policy) => {
        const kept = generationsToKeep(backups, NOW, policy);
        const lastOf = (bucket: (m: number) => number) => {
          const last = new Map<number, BackupGeneration>();
          for (const b of backups) {
            const current = last.get(bucket(b.madeAt));
            if (current === undefined || b.madeAt >= current.madeAt) last.set(bucket(b.madeAt), b);
          }
          return last;
        };
        for (const [day, b] of lastOf(utcDayNumber)) {
          if (utcDayNumber(NOW) - day >= 0 && utcDayNumber(NOW) - day < policy.days) expect(kept.has(b.id)).toBe(true);
        }
        for (const [week, b] of lastOf(utcWeekNumber)) {
          if (utcWeekNumber(NOW) - week >= 0 && utcWeekNumber(NOW) - week < policy.weeks) expect(kept.has(b.id)).toBe(true);
        }
        expect(kept.size).toBeLessThanOrEqual(policy.recent + policy.days + policy.weeks);
      }),
    );
  });

  it('is stable: applied again to what it kept, it keeps all of it', () => {
    fc.assert(
      fc.property(backupsArbitrary, policyArbitrary, (backups, policy) => {
        const kept = generationsToKeep(backups, NOW, policy);
        const again = generationsToKeep(backups.filter((b) => kept.has(b.id)), NOW, policy);
        expect(again).toEqual(kept);
      }),
    );
  });

  it('keeps the kept generations when time passes and a new backup is added', () => {
    fc.assert(
      fc.property(backupsArbitrary, policyArbitrary, fc.integer({ min: 1, max: 3 * DAY }), (backups, policy, later) => {
        const before = generationsToKeep(backups, NOW, policy);
        const after = generationsToKeep([...backups, { id: 'new', madeAt: NOW + DAY + later }], NOW + DAY + later, policy);
        expect(after.has('new')).toBe(true);
        // A day's or week's last backup stays kept while that day or week is still within the window.
        for (const b of backups) {
          if (!before.has(b.id)) continue;
          const dayStillIn = utcDayNumber(NOW + DAY + later) - utcDayNumber(b.madeAt) < policy.days;
          const laterSameDay = backups.some(
            (o) =>
              o !== b &&
              utcDayNumber(o.madeAt) === utcDayNumber(b.madeAt) &&
              (o.madeAt > b.madeAt || (o.madeAt === b.madeAt && backups.indexOf(o) > backups.indexOf(b))),
          );
          if (dayStillIn && !laterSameDay && b.madeAt <= NOW) expect(after.has(b.id)).toBe(true);
        }
      }),
    );
  });
});
