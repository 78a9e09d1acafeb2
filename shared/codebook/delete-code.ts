/**
 * Deleting a code. What happens to its codings and to its subcodes is the user's choice, and the dialog says how
 * many of each would go before anything does: codings can be deleted or moved to the parent code; subcodes can move
 * up to the parent or be deleted along with it (their codings then following the codings choice).
 */
import type { ProjectChange } from '../model/change.ts';
import type { Clock } from '../model/ids.ts';
import type { Code, Coding, Memo, ProjectSnapshot, Uuid } from '../model/types.ts';
import { CodeRefused } from './create-code.ts';
import { childrenOf, descendantIds } from './code-tree.ts';
import { codeOrRefuse, freeName } from './edit-code.ts';
import { renumbered } from './move-code.ts';
import { repointCodings } from './repoint-codings.ts';

/** What deleting a code would touch. */
export interface DeleteImpact {
  readonly code: Code;
  readonly parent: Code | null;
  /** Codings on the code itself. */
  readonly codings: number;
  /** Codes below it, at any depth, and their codings. */
  readonly subcodes: number;
  readonly subcodeCodings: number;
  /** Whether its codings can move to the parent (there is one, and it is codable). */
  readonly canMoveCodingsToParent: boolean;
  /** Memos written on the code and on its own codings. */
  readonly memos: number;
}

/** What to do with the codings and the subcodes of a deleted code. */
export interface DeleteChoice {
  readonly codings: 'delete' | 'move-to-parent';
  readonly subcodes: 'move-to-parent' | 'delete';
}

/** Counts what deleting a code would touch, for the dialog. */
export function deleteImpact(snapshot: ProjectSnapshot, codeId: Uuid): DeleteImpact {
  const code = codeOrRefuse(snapshot, codeId);
  const parent = snapshot.codes.find((c) => c.id === code.parentId) ?? null;
  const below = descendantIds(snapshot.codes, code.id);
  const own = snapshot.codings.filter((c) => c.codeId === code.id);
  const ownIds = new Set(own.map((c) => c.id));
  return {
    code,
    parent,
    codings: own.length,
    subcodes: below.size,
    subcodeCodings: snapshot.codings.filter((c) => below.has(c.codeId)).length,
    canMoveCodingsToParent: parent !== null && parent.isCodable,
    memos: snapshot.memos.filter(
      (m) => (m.target.kind === 'code' && m.target.id === code.id) || (m.target.kind === 'coding' && ownIds.has(m.target.id)),
    ).length,
  };
}

/** The change that deletes a code as chosen. */
export function deleteCode(snapshot: ProjectSnapshot, codeId: Uuid, choice: DeleteChoice, now: Clock): ProjectChange {
  const impact = deleteImpact(snapshot, codeId);
  const { code, parent } = impact;
  if (choice.codings === 'move-to-parent' && !impact.canMoveCodingsToParent) {
    throw new CodeRefused(
      parent ? `"${parent.name}" is a category and cannot take codings.` : `"${code.name}" has no parent code to take its codings.`,
    );
  }
  const at = now();
  const going = new Set<Uuid>([code.id, ...(choice.subcodes === 'delete' ? descendantIds(snapshot.codes, code.id) : [])]);
  const codingsGoing = snapshot.codings.filter((c) => going.has(c.codeId));
  const codingIds = codingsGoing.map((c) => c.id);

  const putCodes: Code[] = [];
  if (choice.subcodes === 'move-to-parent') {
    // The subcodes take the deleted code's place among its siblings, in their own order.
    const siblings = childrenOf(snapshot.codes, code.parentId);
    const index = siblings.findIndex((c) => c.id === code.id);
    const remaining = siblings.filter((c) => c.id !== code.id);
    const arriving: Code[] = [];
    for (const child of childrenOf(snapshot.codes, code.id)) {
      const name = freeName([...remaining, ...arriving], code.parentId, child.name);
      arriving.push({ ...child, parentId: code.parentId, name, modifiedAt: at });
    }
    const ordered = [...remaining.slice(0, index), ...arriving, ...remaining.slice(index)];
    const renumberedCodes = new Map(renumbered(ordered, at).map((c) => [c.id, c]));
    for (const child of arriving) putCodes.push(renumberedCodes.get(child.id) ?? child);
    for (const sibling of renumberedCodes.values()) if (!arriving.some((c) => c.id === sibling.id)) putCodes.push(sibling);
  }

  let putCodings: readonly Coding[] = [];
  let deleteCodings: Uuid[] = [];
  let movedMemos: readonly Memo[] = [];
  if (choice.codings === 'move-to-parent' && parent) {
    const repointed = repointCodings(snapshot, codingIds, parent.id, at);
    putCodings = repointed.put;
    deleteCodings = [...repointed.deleted];
    movedMemos = repointed.memos;
  } else {
    deleteCodings = codingIds;
  }
  const deletedCodings = new Set(deleteCodings);
  const movedMemoIds = new Set(movedMemos.map((m) => m.id));
  const memosGoing = snapshot.memos
    .filter(
      (m) =>
        !movedMemoIds.has(m.id) &&
        ((m.target.kind === 'code' && going.has(m.target.id)) || (m.target.kind === 'coding' && deletedCodings.has(m.target.id))),
    )
    .map((m) => m.id);
  return {
    put: { codes: putCodes, codings: putCodings, memos: movedMemos },
    delete: { codes: [...going], codings: deleteCodings, memos: memosGoing },
  };
}
