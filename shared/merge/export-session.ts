/**
 * A coder's session: what one coder did (since a point), small enough to e-mail, and a valid project file of its
 * own. It holds the coder's codings, memos and ratings, the codes they created and their deletions, plus every record
 * those refer to (documents, parent codes, sites, phases, cases, coders), so that it opens and merges on its own.
 */
import { RECORD_KIND_DEFINITIONS, type AnyRecord, type RecordKind } from '../model/record-kinds.ts';
import type { IsoDateTime, ProjectSnapshot, Uuid } from '../model/types.ts';

/** The kinds a coder's own work is made of (what `createdBy` names them for), beside the codes they created. */
const OWN_KINDS = ['codings', 'memos', 'ratings', 'codes', 'tombstones'] as const;

/** The session of coder `coderId`: their records changed at or after `since` (all when null), with what they refer to. */
export function exportSession(snapshot: ProjectSnapshot, coderId: Uuid, since: IsoDateTime | null): ProjectSnapshot {
  const wanted = new Map<RecordKind, Set<Uuid>>();
  const want = (kind: RecordKind, id: Uuid): boolean => {
    let ids = wanted.get(kind);
    if (!ids) wanted.set(kind, (ids = new Set()));
    if (ids.has(id)) return false;
    ids.add(id);
    return true;
  };
  const byId = new Map<string, AnyRecord>();
  for (const kind of Object.keys(RECORD_KIND_DEFINITIONS) as RecordKind[]) {
    for (const record of snapshot[kind] as readonly AnyRecord[]) byId.set(`${kind}:${record.id}`, record);
  }
  const queue: [RecordKind, AnyRecord][] = [];
  for (const kind of OWN_KINDS) {
    for (const record of snapshot[kind] as readonly AnyRecord[]) {
      const mine = kind === 'tombstones' ? record.createdBy === coderId : record.createdBy === coderId || record.modifiedBy === coderId;
      if (mine && (since === null || record.modifiedAt >= since) && want(kind, record.id)) queue.push([kind, record]);
    }
  }
  // Follow references, so that nothing in the session points at a record it does not hold.
  while (queue.length) {
    const [kind, record] = queue.pop() as [RecordKind, AnyRecord];
    const references = RECORD_KIND_DEFINITIONS[kind].references as (r: AnyRecord) => readonly { kind: RecordKind; id: Uuid }[];
    for (const reference of references(record)) {
      const target = byId.get(`${reference.kind}:${reference.id}`);
      if (target && want(reference.kind, reference.id)) queue.push([reference.kind, target]);
    }
  }
  const lists: Record<string, unknown> = { project: snapshot.project };
  for (const kind of Object.keys(RECORD_KIND_DEFINITIONS) as RecordKind[]) {
    const ids = wanted.get(kind) ?? new Set<Uuid>();
    lists[kind] = (snapshot[kind] as readonly AnyRecord[]).filter((record) => ids.has(record.id));
  }
  return lists as unknown as ProjectSnapshot;
}
