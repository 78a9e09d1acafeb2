/**
 * The counts shown next to each code in the tree and printed in the codebook export: how many codings a code has
 * and in how many documents, for the code alone and with everything under it.
 *
 * The counts are computed from whatever list of codings they are given, so the same function gives the totals (all
 * codings of the project) and the counts for the current filter (the codings a retrieval filter keeps).
 */
import type { Code, Coding, Uuid } from '../model/types.ts';
import { childrenByParent } from './code-tree.ts';

/** Codings and distinct documents. */
export interface CodingCount {
  readonly codings: number;
  readonly documents: number;
}

/** A code's counts: its own codings, and its own plus those of every code below it. */
export interface CodeTreeCount {
  readonly own: CodingCount;
  readonly withDescendants: CodingCount;
}

const ZERO: CodeTreeCount = { own: { codings: 0, documents: 0 }, withDescendants: { codings: 0, documents: 0 } };

/** The counts of every code in `codes` over the given codings (codes without codings count zero). */
export function codeTreeCounts(codes: readonly Code[], codings: readonly Coding[]): ReadonlyMap<Uuid, CodeTreeCount> {
  const ownCodings = new Map<Uuid, number>();
  const ownDocuments = new Map<Uuid, Set<Uuid>>();
  for (const coding of codings) {
    ownCodings.set(coding.codeId, (ownCodings.get(coding.codeId) ?? 0) + 1);
    let documents = ownDocuments.get(coding.codeId);
    if (!documents) ownDocuments.set(coding.codeId, (documents = new Set()));
    documents.add(coding.documentId);
  }
  return codeTreeCountsFromUsage(codes, ownCodings, ownDocuments);
}

/**
 * The same counts from each code's own usage, as the project index keeps it (codings per code, and the documents
 * each code is used in), so that the tree's totals cost a walk over the codes, not a pass over every coding.
 */
export function codeTreeCountsFromUsage(
  codes: readonly Code[],
  ownCodings: ReadonlyMap<Uuid, number>,
  ownDocuments: ReadonlyMap<Uuid, Iterable<Uuid>>,
): ReadonlyMap<Uuid, CodeTreeCount> {
  const children = childrenByParent(codes);
  const counts = new Map<Uuid, CodeTreeCount>();
  const subtreeDocuments = new Map<Uuid, ReadonlySet<Uuid>>();
  // Post-order, with an explicit stack so a deep tree cannot overflow the call stack.
  const visit = (root: Code): void => {
    const stack: { code: Code; expanded: boolean }[] = [{ code: root, expanded: false }];
    while (stack.length) {
      const top = stack[stack.length - 1] as { code: Code; expanded: boolean };
      const kids = children.get(top.code.id) ?? [];
      if (!top.expanded) {
        top.expanded = true;
        for (const kid of kids) if (!counts.has(kid.id)) stack.push({ code: kid, expanded: false });
        continue;
      }
      stack.pop();
      const own = new Set(ownDocuments.get(top.code.id) ?? []);
      const documents = new Set(own);
      let total = ownCodings.get(top.code.id) ?? 0;
      for (const kid of kids) {
        total += counts.get(kid.id)?.withDescendants.codings ?? 0;
        for (const id of subtreeDocuments.get(kid.id) ?? []) documents.add(id);
      }
      subtreeDocuments.set(top.code.id, documents);
      counts.set(top.code.id, {
        own: { codings: ownCodings.get(top.code.id) ?? 0, documents: own.size },
        withDescendants: { codings: total, documents: documents.size },
      });
    }
  };
  for (const root of children.get(null) ?? []) visit(root);
  for (const code of codes) if (!counts.has(code.id)) counts.set(code.id, ZERO);
  return counts;
}
