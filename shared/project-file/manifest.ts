/**
 * The manifest of a .tessera file (`tessera.json`): what the file is, which format version and app wrote it, when,
 * the SHA-256 of the exact bytes of `project.json`, and record counts, so a file can be identified and checked
 * without reading the project itself.
 */
import { z } from 'zod';
import { isUuid } from '../model/ids.ts';
import { recordCounts } from '../model/record-kinds.ts';
import type { ProjectSnapshot } from '../model/types.ts';

/** The value of `format` in every Tessera project file. */
export const PROJECT_FILE_FORMAT = 'tessera-project';

const count = z.int().nonnegative();

/** The fields every version of the manifest keeps, read first so a newer file is recognised as such. */
export const manifestHeadSchema = z.looseObject({
  format: z.string().max(100),
  formatVersion: z.int(),
  appVersion: z.string().max(64).optional(),
});

/** The record counts of a manifest: one per kind in version 2; version 1 counted five kinds. */
const countsSchema = z.record(z.string().max(64), count);

/** The manifest of format versions 1 and 2 (they differ only in which kinds `counts` names). */
export const manifestSchema = z.strictObject({
  format: z.literal(PROJECT_FILE_FORMAT),
  formatVersion: z.int().positive(),
  appVersion: z.string().min(1).max(64),
  savedAt: z.iso.datetime(),
  project: z.strictObject({
    id: z.string().refine(isUuid, { message: 'expected a lowercase UUID' }),
    name: z.string().max(500),
  }),
  checksum: z.strictObject({
    algorithm: z.literal('SHA-256'),
    value: z.string().regex(/^[0-9a-f]{64}$/, { message: 'expected 64 lowercase hex digits' }),
  }),
  counts: countsSchema,
});

/** The manifest of a project file. */
export type ProjectFileManifest = z.infer<typeof manifestSchema>;

/** The record counts of a snapshot, as the manifest states them: one per kind of record. */
export function snapshotCounts(snapshot: ProjectSnapshot): ProjectFileManifest['counts'] {
  return recordCounts(snapshot);
}
