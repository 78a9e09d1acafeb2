import { describe, expect, it } from 'vitest';
import {
  PROJECT_FILE_FORMATS,
  PROJECT_FILE_FORMAT_VERSION,
  checkReadableVersion,
  oldestReadableVersion,
  upgradeProjectData,
  type FormatRegistry,
} from '#shared/project-file/migrations';
import { ProjectFileError } from '#shared/project-file/project-file-error';

function reasonOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof ProjectFileError) return error.reason;
    throw error;
  }
  return 'accepted';
}

describe('the shipped format registry', () => {
  it('writes version 3 and reads versions 1 to 3 (model v2 upgrades version 1; version 3 adds originals and optional settings)', () => {
    expect(PROJECT_FILE_FORMAT_VERSION).toBe(3);
    expect(PROJECT_FILE_FORMATS.migrations.map((migration) => migration.from)).toEqual([1, 2]);
    expect(oldestReadableVersion()).toBe(1);
  });

  it('passes current data through unchanged', () => {
    const data = { project: { name: 'x' } };
    expect(upgradeProjectData(data, 3, '0.2.0')).toBe(data);
  });

  it('gives a version 2 project an empty list of originals, keeps one that has them, and refuses data with no project', () => {
    expect(upgradeProjectData({ project: { name: 'x' } }, 2, '0.2.0')).toEqual({ project: { name: 'x' }, originals: [] });
    const withOriginals = { project: { name: 'x' }, originals: [{ id: 'o' }] };
    expect(upgradeProjectData(withOriginals, 2, '0.2.0')).toBe(withOriginals);
    expect(() => upgradeProjectData({ documents: [] }, 2, '0.1.0')).toThrow(/no project record/);
  });

  it('refuses versions below the oldest and above the current one', () => {
    expect(reasonOf(() => checkReadableVersion(0, '0.0.1'))).toBe('older-format');
    expect(reasonOf(() => checkReadableVersion(-1, '0.0.1'))).toBe('older-format');
    expect(reasonOf(() => checkReadableVersion(4, '3.0.0'))).toBe('newer-format');
    expect(reasonOf(() => checkReadableVersion(3, '0.2.0'))).toBe('accepted');
    expect(reasonOf(() => checkReadableVersion(2, '0.2.0'))).toBe('accepted');
    expect(reasonOf(() => checkReadableVersion(1, '0.1.0'))).toBe('accepted');
  });
});

describe('upgrade dispatch (with a registry built for the test, as a future format change will add one)', () => {
  // Each step records itself, so the test sees which ran and in what order.
  const step = (from: number) => ({
    from,
    description: `test step ${from} -> ${from + 1}`,
    upgrade: (data: unknown) => ({ steps: [...((data as { steps: number[] }).steps ?? []), from] }),
  });
  const registry: FormatRegistry = { current: 4, migrations: [step(3), step(1), step(2)] };

  it('runs every step from the file version up to the current one, in order', () => {
    expect(upgradeProjectData({ steps: [] }, 1, '0.1.0', registry)).toEqual({ steps: [1, 2, 3] });
    expect(upgradeProjectData({ steps: [] }, 3, '0.3.0', registry)).toEqual({ steps: [3] });
    expect(upgradeProjectData({ steps: [] }, 4, '0.4.0', registry)).toEqual({ steps: [] });
  });

  it('reads back only as far as an unbroken chain of steps reaches', () => {
    const broken: FormatRegistry = { current: 4, migrations: [step(1), step(3)] };
    expect(oldestReadableVersion(broken)).toBe(3);
    expect(reasonOf(() => upgradeProjectData({ steps: [] }, 1, '0.1.0', broken))).toBe('older-format');
    expect(reasonOf(() => upgradeProjectData({ steps: [] }, 0, '0.0.1', registry))).toBe('older-format');
  });
});
