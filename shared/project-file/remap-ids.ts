/**
 * Gives a whole project new ids, consistently: used when a file holds a project that already exists here and the
 * user keeps both, so the copy shares no id with the original (ids are keys in the store and GUIDs in REFI-QDA).
 */
import type { IdGenerator } from '../model/ids.ts';
import { RECORD_KINDS, RECORD_KIND_DEFINITIONS, isRecordKind, type RecordKind } from '../model/record-kinds.ts';
import type { ProjectSnapshot, Uuid } from '../model/types.ts';

/**
 * The same project with every id renewed: the project and every record of every kind (and the speakers inside
 * documents), and every reference to them, as each kind declares its references (record-kinds.ts). Everything else
 * (names, text, offsets, times, clocks) is unchanged. The snapshot must be consistent (see `checkSnapshotIntegrity`):
 * a reference to an id the project does not have throws.
 */
export function remapProjectIds(snapshot: ProjectSnapshot, newId: IdGenerator): ProjectSnapshot {
  // One table per kind of record, so that ids are renewed even where two kinds happen to share one.
  const tables = new Map<RecordKind, Map<Uuid, Uuid>>(RECORD_KINDS.map((kind) => [kind, new Map()]));
  for (const kind of RECORD_KINDS) {
    for (const record of snapshot[kind]) tables.get(kind)?.set(record.id, newId());
  }
  // A tombstone keeps the id of the record it records as deleted, which the copy renews like the record's own.
  for (const tombstone of snapshot.tombstones) {
    if (isRecordKind(tombstone.kind)) tables.get(tombstone.kind)?.set(tombstone.id, newId());
  }
  const renew = (kind: RecordKind, id: Uuid): Uuid => {
    const fresh = tables.get(kind)?.get(id);
    if (fresh === undefined) {
      throw new Error(`remapProjectIds: the project refers to an unknown ${RECORD_KIND_DEFINITIONS[kind].label} ${id}.`);
    }
    return fresh;
  };
  const projectId = newId();
  const remapped: Record<string, unknown> = {};
  for (const kind of RECORD_KINDS) {
    const definition = RECORD_KIND_DEFINITIONS[kind] as {
      renewIds: (record: unknown, renew: (kind: RecordKind, id: Uuid) => Uuid, newId: IdGenerator) => object;
    };
    remapped[kind] = snapshot[kind].map((record) => ({ ...definition.renewIds(record, renew, newId), projectId }));
  }
  return { project: { ...snapshot.project, id: projectId }, ...(remapped as unknown as Omit<ProjectSnapshot, 'project'>) };
}
