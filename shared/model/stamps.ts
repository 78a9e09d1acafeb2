/**
 * Stamps and tombstones: what every committed change carries, added in one place.
 *
 * The pure functions of `shared/` compute what a user action changes; `stampChange` then marks every record it
 * writes with who changed it, when, and the model's clock (see clock.ts), and turns every deletion into a tombstone
 * record, so that a merge or a replication can tell "deleted" from "never had". A record put back (the undo of a
 * delete, a merge that restores it) loses its tombstone in the same change. The app (renderer/state) and the command
 * line both commit through `commitChange`, so a change is stamped the same way wherever it is made.
 */
import { applyChange, type ProjectChange, type RecordLookup } from './change.ts';
import { HybridLogicalClock, hlcFromIsoTime, randomClockNode } from './clock.ts';
import { RECORD_KINDS, type RecordKind, type RecordOf } from './record-kinds.ts';
import type { HlcTimestamp, IsoDateTime, ProjectSnapshot, Stamps, Tombstone, Uuid } from './types.ts';

/** Who makes a change, when (wall clock, shown to people) and its clock reading (what merges compare). */
export interface ChangeStamp {
  readonly by: Uuid | null;
  readonly at: IsoDateTime;
  readonly clock: HlcTimestamp;
}

/** The stamps of a record made now by `by`. */
export function newStamps(stamp: ChangeStamp): Stamps {
  return { createdAt: stamp.at, createdBy: stamp.by, modifiedAt: stamp.at, modifiedBy: stamp.by, clock: stamp.clock };
}

/**
 * The stamps of a record made at `at` by `by`, before its change is committed: the clock stands for the wall time
 * until `stampChange` sets the committing machine's reading. What the pure functions give the records they make.
 */
export function stampsAt(at: IsoDateTime, by: Uuid | null = null): Stamps {
  return { createdAt: at, createdBy: by, modifiedAt: at, modifiedBy: by, clock: hlcFromIsoTime(at) };
}

/** Finds a record of the snapshot before the change, by kind and id. */
export type FindRecord = <K extends RecordKind>(kind: K, id: Uuid) => RecordOf<K> | undefined;

/** A FindRecord over a snapshot: the lookup's functions where given, else one map per kind, built when first asked. */
export function recordFinder(snapshot: ProjectSnapshot, lookup: RecordLookup = {}): FindRecord {
  const maps = new Map<RecordKind, Map<Uuid, unknown>>();
  return <K extends RecordKind>(kind: K, id: Uuid): RecordOf<K> | undefined => {
    const find = lookup[kind] as ((id: Uuid) => RecordOf<K> | undefined) | undefined;
    if (find) return find(id);
    let map = maps.get(kind);
    if (!map) {
      map = new Map((snapshot[kind] as readonly { readonly id: Uuid }[]).map((record) => [record.id, record]));
      maps.set(kind, map);
    }
    return map.get(id) as RecordOf<K> | undefined;
  };
}

/**
 * The change as committed: every record it puts is stamped as modified by `stamp` (a new record keeps the creation
 * stamps it was made with, and gets `stamp.by` as its maker when it names none); every record it deletes that
 * exists leaves a tombstone; every record it puts back loses its tombstone. Applying the result and then its inverse
 * (`invertChange`) returns the snapshot to where it was, tombstones included.
 */
export function stampChange(change: ProjectChange, find: FindRecord, stamp: ChangeStamp): ProjectChange {
  const put: Record<string, readonly unknown[]> = {};
  const del: Record<string, readonly Uuid[]> = {};
  const tombstones = new Map<Uuid, Tombstone>();
  const tombstonesGone = new Set<Uuid>();

  for (const kind of RECORD_KINDS) {
    if (kind === 'tombstones') continue;
    const puts = (change.put?.[kind] ?? []) as readonly RecordOf<typeof kind>[];
    if (puts.length) {
      put[kind] = puts.map((record) => {
        if (find('tombstones', record.id)) tombstonesGone.add(record.id);
        const existing = find(kind, record.id);
        return {
          ...record,
          ...(existing ? {} : { createdBy: record.createdBy ?? stamp.by }),
          modifiedAt: stamp.at,
          modifiedBy: stamp.by,
          clock: stamp.clock,
        };
      });
    }
    const deletes = change.delete?.[kind] ?? [];
    if (deletes.length) {
      del[kind] = deletes;
      const putIds = new Set(puts.map((record) => record.id));
      for (const id of deletes) {
        const existing = find(kind, id);
        if (!existing || putIds.has(id)) continue;
        tombstones.set(id, {
          id,
          projectId: existing.projectId,
          kind,
          ...newStamps(stamp),
        });
      }
    }
  }
  // Tombstones the change itself names (a merge carrying another coder's deletions) are kept as they are.
  const ownPuts = change.put?.tombstones ?? [];
  for (const tombstone of ownPuts) tombstones.set(tombstone.id, tombstone);
  for (const id of tombstones.keys()) tombstonesGone.delete(id);
  const ownDeletes = change.delete?.tombstones ?? [];
  for (const id of ownDeletes) tombstonesGone.add(id);
  if (tombstones.size) put.tombstones = [...tombstones.values()];
  if (tombstonesGone.size) del.tombstones = [...tombstonesGone];

  const project = change.project
    ? { ...change.project, modifiedAt: stamp.at, modifiedBy: stamp.by, clock: stamp.clock }
    : undefined;
  return {
    ...(project ? { project } : {}),
    ...(Object.keys(put).length ? { put: put as ProjectChange['put'] } : {}),
    ...(Object.keys(del).length ? { delete: del as ProjectChange['delete'] } : {}),
  };
}

/** The latest clock reading among a snapshot's records: where a machine's clock starts when it opens the project. */
export function latestClock(snapshot: ProjectSnapshot): HlcTimestamp {
  let latest = snapshot.project.clock;
  for (const kind of RECORD_KINDS) {
    for (const record of snapshot[kind] as readonly Stamps[]) if (record.clock > latest) latest = record.clock;
  }
  return latest;
}

/**
 * A stamp for one change made by a program that holds no clock of its own between runs (the command line): a fresh
 * clock on a random node, moved past every reading the project holds, so the change sorts after all of them.
 */
export function oneOffStamp(snapshot: ProjectSnapshot, by: Uuid | null, at: IsoDateTime): ChangeStamp {
  const clock = new HybridLogicalClock(randomClockNode(), () => Date.parse(at));
  clock.receive(latestClock(snapshot));
  return { by, at, clock: clock.now() };
}

/**
 * Commits a change to a snapshot as the app does: stamps it and applies it. Returns the stamped change (what the
 * store writes and undo inverts) and the snapshot after it. The command line commits through this too.
 */
export function commitChange(
  snapshot: ProjectSnapshot,
  change: ProjectChange,
  stamp: ChangeStamp,
  lookup: RecordLookup = {},
): { readonly change: ProjectChange; readonly snapshot: ProjectSnapshot } {
  const stamped = stampChange(change, recordFinder(snapshot, lookup), stamp);
  return { change: stamped, snapshot: applyChange(snapshot, stamped, lookup) };
}
