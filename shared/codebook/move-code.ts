/**
 * Moving a code in the tree: to another parent, to another place among its siblings, or both (what drag and drop
 * does). A code can never be moved into itself or below itself.
 */
import type { ProjectChange } from '../model/change.ts';
import type { Clock } from '../model/ids.ts';
import type { Code, ProjectSnapshot, Uuid } from '../model/types.ts';
import { CodeRefused } from './create-code.ts';
import { childrenOf, descendantIds } from './code-tree.ts';
import { codeOrRefuse } from './edit-code.ts';

/** Where a code goes: under `parentId` (null for the top), at position `index` among the codes already there. */
export interface CodePlace {
  readonly parentId: Uuid | null;
  readonly index: number;
}

/** Whether `codeId` may go under `parentId`, or why not. */
export function moveRefusal(snapshot: Pick<ProjectSnapshot, 'codes'>, codeId: Uuid, parentId: Uuid | null): string | null {
  if (parentId === null) return null;
  if (parentId === codeId) return 'A code cannot go inside itself.';
  if (!snapshot.codes.some((c) => c.id === parentId)) return 'That place is no longer in the tree.';
  if (descendantIds(snapshot.codes, codeId).has(parentId)) return 'A code cannot go inside one of its own subcodes.';
  return null;
}

/** The codes of a sibling list with `order` renumbered 0, 1, 2, ...: only those whose order changes. */
export function renumbered(siblings: readonly Code[], at: string): Code[] {
  return siblings.flatMap((code, order) => (code.order === order ? [] : [{ ...code, order, modifiedAt: at }]));
}

/** The change that moves a code (with everything below it) to a new place; empty when it is already there. */
export function moveCode(snapshot: ProjectSnapshot, codeId: Uuid, place: CodePlace, now: Clock): ProjectChange {
  const code = codeOrRefuse(snapshot, codeId);
  const refusal = moveRefusal(snapshot, codeId, place.parentId);
  if (refusal) throw new CodeRefused(refusal);
  if (place.parentId !== code.parentId) {
    const clash = snapshot.codes.find(
      (c) => c.parentId === place.parentId && c.id !== code.id && c.name.toLowerCase() === code.name.toLowerCase(),
    );
    if (clash) throw new CodeRefused(`There is already a code named "${clash.name}" there; rename one of them first.`);
  }
  const others = childrenOf(snapshot.codes, place.parentId).filter((c) => c.id !== code.id);
  const index = Math.max(0, Math.min(Math.trunc(place.index), others.length));
  const current = childrenOf(snapshot.codes, code.parentId).findIndex((c) => c.id === code.id);
  if (place.parentId === code.parentId && current === index) return {};
  const at = now();
  const moved: Code = { ...code, parentId: place.parentId, modifiedAt: at };
  const siblings = [...others.slice(0, index), moved, ...others.slice(index)];
  const updates = renumbered(siblings, at);
  if (!updates.some((c) => c.id === code.id)) updates.push(moved);
  return { put: { codes: updates } };
}
