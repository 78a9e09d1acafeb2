/**
 * A change to a project: the one shape in which every user action reaches the store.
 *
 * The UI computes a change with the pure functions of `shared/`, the store writes it in one transaction, and the
 * in-memory project applies the same change with `applyChange`. Because a change carries whole records, undo is the
 * change that puts back the records it replaced (`invertChange`), and redo is the change itself.
 */
import { RECORD_KINDS, type RecordKind, type RecordOf } from './record-kinds.ts';
import type { Project, ProjectSnapshot, Uuid } from './types.ts';

export { RECORD_KINDS, type RecordKind } from './record-kinds.ts';

/** Records to write (insert or replace by id) and ids to delete, for one project, by kind of record. */
export interface ProjectChange {
  readonly project?: Project;
  readonly put?: { readonly [K in RecordKind]?: readonly RecordOf<K>[] };
  readonly delete?: { readonly [K in RecordKind]?: readonly Uuid[] };
}

/** Whether a change writes or deletes nothing. */
export function isEmptyChange(change: ProjectChange): boolean {
  if (change.project) return false;
  return RECORD_KINDS.every((kind) => !change.put?.[kind]?.length && !change.delete?.[kind]?.length);
}

/**
 * Finds records of the snapshot a change applies to by id, for the kinds an index holds (the workspace passes its
 * project index): with it, applying and inverting a change need not scan the lists for the records it touches.
 * Each function must answer for exactly the snapshot given with it.
 */
export type RecordLookup = { readonly [K in RecordKind]?: (id: Uuid) => RecordOf<K> | undefined };

/** Changes touching at most this many records of a kind find them by a plain scan instead of hashing every id. */
const SMALL_CHANGE = 16;

/** Positions in `list` of the records whose ids are in `ids` (few), by one scan comparing ids directly. */
function positionsOf(list: readonly { readonly id: Uuid }[], ids: readonly Uuid[]): Map<Uuid, number> {
  const found = new Map<Uuid, number>();
  const count = ids.length;
  for (let i = 0; i < list.length && found.size < count; i++) {
    const id = (list[i] as { readonly id: Uuid }).id;
    for (let j = 0; j < count; j++) {
      if (id === ids[j]) {
        found.set(id, i);
        break;
      }
    }
  }
  return found;
}

function applyToList<K extends RecordKind>(
  list: readonly RecordOf<K>[],
  puts: readonly RecordOf<K>[] | undefined,
  deletes: readonly Uuid[] | undefined,
  lookup?: (id: Uuid) => RecordOf<K> | undefined,
): readonly RecordOf<K>[] {
  if (!puts?.length && !deletes?.length) return list;
  const deleted = new Set(deletes ?? []);
  const replacements = new Map((puts ?? []).map((record) => [record.id, record]));
  if (lookup && [...deleted].every((id) => !lookup(id)) && [...replacements.keys()].every((id) => !lookup(id))) {
    // Only new records (a code applied, a passage batch coded): append them, without looking through the list.
    const added = [...replacements.values()].filter((record) => !deleted.has(record.id));
    return added.length ? list.concat(added) : list;
  }
  if (replacements.size + deleted.size <= SMALL_CHANGE) {
    // The common case (one coding made, resized or removed): find the few places by one scan and patch a copy,
    // which at 50,000 codings is several times cheaper than rebuilding the list record by record.
    const positions = positionsOf(list, [...new Set([...replacements.keys(), ...deleted])]);
    const appended: RecordOf<K>[] = [];
    const replaced: [number, RecordOf<K>][] = [];
    for (const [id, record] of replacements) {
      if (deleted.has(id)) continue;
      const at = positions.get(id);
      if (at === undefined) appended.push(record);
      else replaced.push([at, record]);
    }
    const removeAt = [...deleted].map((id) => positions.get(id)).filter((at) => at !== undefined);
    // Only new records: one allocation of the right size (growing a copied array by push copies it twice).
    if (replaced.length === 0 && removeAt.length === 0) return list.concat(appended);
    const next = list.slice();
    for (const [at, record] of replaced) next[at] = record;
    removeAt.sort((a, b) => b - a);
    for (const at of removeAt) next.splice(at, 1);
    return appended.length ? next.concat(appended) : next;
  }
  const next: RecordOf<K>[] = [];
  for (const record of list) {
    if (deleted.has(record.id)) continue;
    const replacement = replacements.get(record.id);
    if (replacement) {
      next.push(replacement);
      replacements.delete(record.id);
    } else {
      next.push(record);
    }
  }
  for (const record of replacements.values()) if (!deleted.has(record.id)) next.push(record);
  return next;
}

/**
 * The snapshot after a change: puts replace records with the same id (or are appended), then deletes remove.
 * `lookup` (optional) finds records of `snapshot` by id, which spares the scan of a list for a change that only
 * adds to it.
 */
export function applyChange(snapshot: ProjectSnapshot, change: ProjectChange, lookup: RecordLookup = {}): ProjectSnapshot {
  const next: Record<string, unknown> = { project: change.project ?? snapshot.project };
  for (const kind of RECORD_KINDS) {
    next[kind] = applyToList(
      snapshot[kind] as readonly RecordOf<typeof kind>[],
      change.put?.[kind] as readonly RecordOf<typeof kind>[] | undefined,
      change.delete?.[kind],
      lookup[kind] as ((id: Uuid) => RecordOf<typeof kind> | undefined) | undefined,
    );
  }
  return next as unknown as ProjectSnapshot;
}

/**
 * The change that undoes `change` when applied to the snapshot after it: records it replaced or deleted are put
 * back as they were, and records it created are deleted. `lookup` (optional) finds records of `before` by id
 * instead of scanning its lists.
 */
export function invertChange(before: ProjectSnapshot, change: ProjectChange, lookup: RecordLookup = {}): ProjectChange {
  const put: Record<string, unknown[]> = {};
  const del: Record<string, Uuid[]> = {};
  for (const kind of RECORD_KINDS) {
    const puts = change.put?.[kind] ?? [];
    const deletes = change.delete?.[kind] ?? [];
    if (puts.length === 0 && deletes.length === 0) continue;
    // Look up only the records the change touches (not a map of every record: 50,000 codings per click).
    const wanted = [...new Set([...puts.map((record) => record.id), ...deletes])];
    const list = before[kind] as readonly RecordOf<typeof kind>[];
    const existing = new Map<Uuid, RecordOf<typeof kind>>();
    const find = lookup[kind] as ((id: Uuid) => RecordOf<typeof kind> | undefined) | undefined;
    if (find) {
      for (const id of wanted) {
        const record = find(id);
        if (record) existing.set(id, record);
      }
    } else if (wanted.length <= SMALL_CHANGE) {
      for (const [id, at] of positionsOf(list, wanted)) existing.set(id, list[at] as RecordOf<typeof kind>);
    } else {
      const wantedSet = new Set(wanted);
      for (const record of list) if (wantedSet.has(record.id)) existing.set(record.id, record);
    }
    const restore: RecordOf<typeof kind>[] = [];
    const remove: Uuid[] = [];
    const touched = new Set<Uuid>();
    for (const record of puts) {
      touched.add(record.id);
      const old = existing.get(record.id);
      if (old) restore.push(old);
      else remove.push(record.id);
    }
    for (const id of deletes) {
      if (touched.has(id)) continue;
      const old = existing.get(id);
      if (old) restore.push(old);
    }
    if (restore.length) put[kind] = restore;
    if (remove.length) del[kind] = remove;
  }
  const inverse: ProjectChange = {
    ...(change.project ? { project: before.project } : {}),
    ...(Object.keys(put).length ? { put: put as ProjectChange['put'] } : {}),
    ...(Object.keys(del).length ? { delete: del as ProjectChange['delete'] } : {}),
  };
  return inverse;
}

/** An empty project snapshot around a project record. */
export function emptySnapshot(project: Project): ProjectSnapshot {
  const lists = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, []]));
  return { project, ...lists } as unknown as ProjectSnapshot;
}

/*
 * Two changes made one after the other, as one change: what lets an action that is computed in steps (the CFIR
 * crosswalk adds CFIR 2.0, then re-points codings construct by construct) reach the store, and the undo history, as
 * a single step, and what lets a memo typed in bursts be one undo step.
 */
type Put = NonNullable<ProjectChange['put']>;
type Delete = NonNullable<ProjectChange['delete']>;

/**
 * The change with the effect of applying `first` and then `second`: for every snapshot s,
 * applyChange(applyChange(s, first), second) equals applyChange(s, composeChanges(first, second)), and its inverse
 * on s restores s.
 */
export function composeChanges(first: ProjectChange, second: ProjectChange): ProjectChange {
  const put: Record<string, readonly { readonly id: Uuid }[]> = {};
  const del: Record<string, readonly Uuid[]> = {};
  for (const kind of RECORD_KINDS) {
    const laterPuts = (second.put?.[kind] ?? []) as readonly { readonly id: Uuid }[];
    const laterDeletes = second.delete?.[kind] ?? [];
    const overridden = new Set<Uuid>([...laterPuts.map((r) => r.id), ...laterDeletes]);
    const recreated = new Set(laterPuts.map((r) => r.id));
    const puts = [
      ...((first.put?.[kind] ?? []) as readonly { readonly id: Uuid }[]).filter((r) => !overridden.has(r.id)),
      ...laterPuts,
    ];
    const deletes = [...new Set([...(first.delete?.[kind] ?? []).filter((id) => !recreated.has(id)), ...laterDeletes])];
    if (puts.length) put[kind as RecordKind] = puts;
    if (deletes.length) del[kind as RecordKind] = deletes;
  }
  const project = second.project ?? first.project;
  return {
    ...(project ? { project } : {}),
    ...(Object.keys(put).length ? { put: put as Put } : {}),
    ...(Object.keys(del).length ? { delete: del as Delete } : {}),
  };
}
