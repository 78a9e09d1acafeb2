/**
 * Merging one code into another: the source's codings are re-pointed to the target (duplicates of the same passage
 * collapsed), its subcodes and memos move to the target, its description and criteria are added to the target's,
 * and the source goes. One change, so one undo puts back exactly what was there.
 */
import type { ProjectChange } from '../model/change.ts';
import type { Clock } from '../model/ids.ts';
import type { Code, Memo, ProjectSnapshot, Uuid } from '../model/types.ts';
import { CodeRefused } from './create-code.ts';
import { childrenOf, descendantIds, orderAfter } from './code-tree.ts';
import { codeOrRefuse, freeName } from './edit-code.ts';
import { repointCodings } from './repoint-codings.ts';

/** What a merge did, for the message after it. */
export interface MergeOutcome {
  readonly change: ProjectChange;
  readonly repointed: number;
  readonly collapsed: number;
  readonly subcodesMoved: number;
}

/** Why `sourceId` cannot be merged into `targetId`, or null when it can. */
export function mergeRefusal(snapshot: ProjectSnapshot, sourceId: Uuid, targetId: Uuid): string | null {
  const source = snapshot.codes.find((c) => c.id === sourceId);
  const target = snapshot.codes.find((c) => c.id === targetId);
  if (!source || !target) return 'That code is no longer in the project.';
  if (source.id === target.id) return 'A code cannot be merged into itself.';
  if (descendantIds(snapshot.codes, source.id).has(target.id)) {
    return `"${target.name}" is inside "${source.name}": move it out first, or merge the other way round.`;
  }
  const codings = snapshot.codings.filter((c) => c.codeId === source.id).length;
  if (!target.isCodable && codings > 0) {
    return `"${target.name}" is a category, so it cannot take the ${codings} ${codings === 1 ? 'coding' : 'codings'} of "${source.name}".`;
  }
  return null;
}

/** The target's text with the source's added below it, unless the source has none or says the same. */
export function joinText(target: string, source: string): string {
  if (!source.trim() || target.includes(source.trim())) return target;
  return target.trim() ? `${target.trim()}\n\n${source.trim()}` : source.trim();
}

/** The change that merges the code `sourceId` into the code `targetId`. */
export function mergeCode(snapshot: ProjectSnapshot, sourceId: Uuid, targetId: Uuid, now: Clock): MergeOutcome {
  const refusal = mergeRefusal(snapshot, sourceId, targetId);
  if (refusal) throw new CodeRefused(refusal);
  const source = codeOrRefuse(snapshot, sourceId);
  const target = codeOrRefuse(snapshot, targetId);
  const at = now();

  const codingIds = snapshot.codings.filter((c) => c.codeId === source.id).map((c) => c.id);
  const repointed = repointCodings(snapshot, codingIds, target.id, at);

  // Subcodes go to the end of the target's children, renamed where the target already has one of that name.
  const codes: Code[] = [
    {
      ...target,
      description: joinText(target.description, source.description),
      inclusion: joinText(target.inclusion, source.inclusion),
      exclusion: joinText(target.exclusion, source.exclusion),
      example: joinText(target.example, source.example),
      modifiedAt: at,
    },
  ];
  const targetChildren = childrenOf(snapshot.codes, target.id);
  let order = orderAfter(targetChildren);
  const arriving = childrenOf(snapshot.codes, source.id);
  const placed: Code[] = [...targetChildren];
  for (const child of arriving) {
    const name = freeName(placed, target.id, child.name);
    const moved: Code = { ...child, parentId: target.id, name, order: order++, modifiedAt: at };
    placed.push(moved);
    codes.push(moved);
  }

  const memos: Memo[] = [
    ...repointed.memos,
    ...snapshot.memos
      .filter((m) => m.target.kind === 'code' && m.target.id === source.id)
      .map((m): Memo => ({ ...m, target: { kind: 'code', id: target.id }, modifiedAt: at })),
  ];
  const change: ProjectChange = {
    put: { codes, codings: repointed.put, ...(memos.length ? { memos } : {}) },
    delete: { codes: [source.id], ...(repointed.deleted.length ? { codings: repointed.deleted } : {}) },
  };
  return {
    change,
    repointed: repointed.put.length,
    collapsed: repointed.collapsed,
    subcodesMoved: arriving.length,
  };
}
