/**
 * Two changes made one after the other, as one change: what lets an action that is computed in steps (the CFIR
 * crosswalk adds CFIR 2.0, then re-points codings construct by construct) reach the store, and the undo history, as
 * a single step, and what lets a memo typed in bursts be one undo step.
 */
import type { ProjectChange, RecordKind } from '../model/change.ts';
import { RECORD_KINDS } from '../model/change.ts';
import type { Uuid } from '../model/types.ts';

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
