/**
 * The coding tree as a structure: children in order, descendants, ancestors, the depth-first order every list of
 * codes is shown in, and the outline numbers ("2.3.1") a codebook export prints.
 */
import type { Code, Uuid } from '../model/types.ts';

/** Siblings in the order they are shown: by `order`, then by name for codes that share an order. */
export function compareSiblings(a: Code, b: Code): number {
  return a.order - b.order || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}

/** The children of every code (and of the root, under null), each list in sibling order. */
export function childrenByParent(codes: readonly Code[]): ReadonlyMap<Uuid | null, readonly Code[]> {
  const known = new Set(codes.map((c) => c.id));
  const children = new Map<Uuid | null, Code[]>();
  for (const code of codes) {
    // A code whose parent is missing (a damaged import) shows at the top rather than vanishing.
    const parentId = code.parentId !== null && known.has(code.parentId) ? code.parentId : null;
    const list = children.get(parentId);
    if (list) list.push(code);
    else children.set(parentId, [code]);
  }
  for (const list of children.values()) list.sort(compareSiblings);
  return children;
}

/** The children of one code (or of the root), in sibling order. */
export function childrenOf(codes: readonly Code[], parentId: Uuid | null): readonly Code[] {
  return codes.filter((c) => c.parentId === parentId).sort(compareSiblings);
}

/** The order of a code placed after all of `siblings` (the codes under one parent): one past the highest, 0 for none. */
export function orderAfter(siblings: readonly Code[]): number {
  return siblings.reduce((max, c) => Math.max(max, c.order + 1), 0);
}

/** A code in the tree with its depth (0 at the top) and its outline number ("2.3.1"). */
export interface TreeEntry {
  readonly code: Code;
  readonly depth: number;
  readonly outline: string;
}

/**
 * The codes in depth-first tree order. Hidden codes (with everything under them) are left out unless asked for;
 * `collapsed` codes are listed but not their descendants.
 */
export function treeOrder(
  codes: readonly Code[],
  options: { readonly includeHidden?: boolean; readonly collapsed?: ReadonlySet<Uuid> } = {},
): readonly TreeEntry[] {
  const children = childrenByParent(codes);
  const entries: TreeEntry[] = [];
  const visited = new Set<Uuid>();
  const visit = (parentId: Uuid | null, depth: number, prefix: string): void => {
    let number = 0;
    for (const code of children.get(parentId) ?? []) {
      if (visited.has(code.id)) continue;
      visited.add(code.id);
      if (code.isHidden && !options.includeHidden) continue;
      number += 1;
      const outline = prefix ? `${prefix}.${number}` : String(number);
      entries.push({ code, depth, outline });
      if (!options.collapsed?.has(code.id)) visit(code.id, depth + 1, outline);
    }
  };
  visit(null, 0, '');
  return entries;
}

/** The ids of every code below `codeId` (children, their children, ...), not `codeId` itself. */
export function descendantIds(codes: readonly Code[], codeId: Uuid): ReadonlySet<Uuid> {
  const children = childrenByParent(codes);
  const found = new Set<Uuid>();
  const stack = [codeId];
  while (stack.length) {
    const id = stack.pop() as Uuid;
    for (const child of children.get(id) ?? []) {
      if (found.has(child.id) || child.id === codeId) continue;
      found.add(child.id);
      stack.push(child.id);
    }
  }
  return found;
}

/** The codes above `codeId`, nearest first (its parent, the parent's parent, ...). */
export function ancestorsOf(codes: readonly Code[], codeId: Uuid): readonly Code[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const ancestors: Code[] = [];
  const seen = new Set<Uuid>([codeId]);
  let parentId = byId.get(codeId)?.parentId ?? null;
  while (parentId !== null && !seen.has(parentId)) {
    const parent = byId.get(parentId);
    if (!parent) break;
    ancestors.push(parent);
    seen.add(parentId);
    parentId = parent.parentId;
  }
  return ancestors;
}

/** The names from the top of the tree down to the code: "Inner Setting › Culture › Trust". */
export function codePath(codes: readonly Code[], codeId: Uuid, separator = ' › '): string {
  const code = codes.find((c) => c.id === codeId);
  if (!code) return '';
  return [...ancestorsOf(codes, codeId)].reverse().map((c) => c.name).concat(code.name).join(separator);
}
