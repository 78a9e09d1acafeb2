/**
 * Moving codings from one code to another, the step that merge, split, delete and the CFIR crosswalk share.
 *
 * Two codings are duplicates when they put the same code on the same passage of the same document by the same coder
 * (the rule `applyCode` refuses a new coding by). Re-pointing collapses duplicates into the coding that was there
 * first, and a memo written on a coding that goes is moved to the one that stays, so no comment on a quote is lost.
 */
import type { Coding, Memo, ProjectSnapshot, Uuid } from '../model/types.ts';

/** The records that moving codings writes and deletes. */
export interface RepointedCodings {
  readonly put: readonly Coding[];
  readonly deleted: readonly Uuid[];
  readonly memos: readonly Memo[];
  /** How many codings were duplicates of one already on the target and were collapsed into it. */
  readonly collapsed: number;
}

/** The key under which two codings are duplicates. */
export function duplicateKey(coding: Pick<Coding, 'documentId' | 'codeId' | 'start' | 'end' | 'createdBy'>): string {
  return `${coding.documentId}|${coding.codeId}|${coding.start}|${coding.end}|${coding.createdBy ?? ''}`;
}

/**
 * Re-points codings to `targetCodeId`, collapsing those that would duplicate a coding already on the target (or one
 * re-pointed before them). Codings that are going anyway (`leaving`) are never chosen to keep.
 */
export function repointCodings(
  snapshot: ProjectSnapshot,
  codingIds: readonly Uuid[],
  targetCodeId: Uuid,
  at: string,
  leaving: ReadonlySet<Uuid> = new Set(),
): RepointedCodings {
  const moving = new Set(codingIds);
  const keep = new Map<string, Uuid>();
  for (const coding of snapshot.codings) {
    if (coding.codeId === targetCodeId && !moving.has(coding.id) && !leaving.has(coding.id)) {
      const key = duplicateKey(coding);
      if (!keep.has(key)) keep.set(key, coding.id);
    }
  }
  const put: Coding[] = [];
  const deleted: Uuid[] = [];
  const survivorOf = new Map<Uuid, Uuid>();
  for (const coding of snapshot.codings) {
    if (!moving.has(coding.id)) continue;
    const moved: Coding = { ...coding, codeId: targetCodeId, modifiedAt: at };
    const key = duplicateKey(moved);
    const survivor = keep.get(key);
    if (survivor) {
      deleted.push(coding.id);
      survivorOf.set(coding.id, survivor);
    } else {
      keep.set(key, coding.id);
      if (coding.codeId !== targetCodeId) put.push(moved);
    }
  }
  const memos = snapshot.memos
    .filter((memo) => memo.target.kind === 'coding' && survivorOf.has(memo.target.id))
    .map((memo): Memo => ({ ...memo, target: { kind: 'coding', id: survivorOf.get((memo.target as { id: Uuid }).id) as Uuid }, modifiedAt: at }));
  return { put, deleted, memos, collapsed: deleted.length };
}
