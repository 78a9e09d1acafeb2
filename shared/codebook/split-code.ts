/**
 * Splitting a code: chosen codings move to a new code, made next to the old one or inside it.
 */
import type { ProjectChange } from '../model/change.ts';
import type { Clock, IdGenerator } from '../model/ids.ts';
import type { Code, ProjectSnapshot, Uuid } from '../model/types.ts';
import { CodeRefused, createCode } from './create-code.ts';
import { childrenOf } from './code-tree.ts';
import { codeOrRefuse } from './edit-code.ts';
import { renumbered } from './move-code.ts';
import { repointCodings } from './repoint-codings.ts';

/** What the user asks of a split. */
export interface SplitRequest {
  readonly sourceId: Uuid;
  readonly codingIds: readonly Uuid[];
  readonly name: string;
  /** Put the new code inside the old one (as a subcode) rather than right after it. */
  readonly inside: boolean;
  readonly color?: string;
}

/** The change that makes the new code and moves the chosen codings to it. */
export function splitCode(
  snapshot: ProjectSnapshot,
  request: SplitRequest,
  createdBy: Uuid | null,
  newId: IdGenerator,
  now: Clock,
): { readonly change: ProjectChange; readonly code: Code; readonly moved: number } {
  const source = codeOrRefuse(snapshot, request.sourceId);
  const chosen = new Set(request.codingIds);
  const codings = snapshot.codings.filter((c) => chosen.has(c.id));
  if (codings.length === 0) throw new CodeRefused('Choose at least one coding to move to the new code.');
  if (codings.length !== chosen.size || codings.some((c) => c.codeId !== source.id)) {
    throw new CodeRefused(`Only codings of "${source.name}" can be split off it.`);
  }
  const parentId = request.inside ? source.id : source.parentId;
  const made = createCode(
    snapshot,
    { name: request.name, parentId, ...(request.color ? { color: request.color } : {}) },
    createdBy,
    newId,
    now,
  );
  const at = made.code.createdAt;
  let code = made.code;
  const updates: Code[] = [];
  if (!request.inside) {
    // Right after the code it was split from, rather than at the end of the list.
    const siblings = childrenOf(snapshot.codes, parentId);
    const index = siblings.findIndex((c) => c.id === source.id) + 1;
    const ordered = [...siblings.slice(0, index), code, ...siblings.slice(index)];
    for (const changed of renumbered(ordered, at)) {
      if (changed.id === code.id) code = { ...code, order: changed.order };
      else updates.push(changed);
    }
  }
  const withCode: ProjectSnapshot = { ...snapshot, codes: [...snapshot.codes, code] };
  const repointed = repointCodings(withCode, [...chosen], code.id, at);
  const change: ProjectChange = { put: { codes: [code, ...updates], codings: repointed.put } };
  return { change, code, moved: repointed.put.length };
}
