/** A check the study and import tests share: a snapshot after a change is what the store and the project file accept. */
import { expect } from 'vitest';
import { checkSnapshotIntegrity, parseProjectSnapshot } from '#shared/model/schema';
import type { ProjectSnapshot } from '#shared/model/types';

/** Asserts that a snapshot passes the schema and has no broken links (as the store and the project file demand). */
export function expectSound(snapshot: ProjectSnapshot): void {
  expect(parseProjectSnapshot(snapshot).ok).toBe(true);
  expect(checkSnapshotIntegrity(snapshot)).toEqual([]);
}

/** The value, or a test failure when it is missing. */
export function must<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error('missing value');
  return value;
}
