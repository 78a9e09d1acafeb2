import { describe, expect, it } from 'vitest';
import type { ProjectChange } from '#shared/model/change';
import { applyChange, invertChange } from '#shared/model/change';
import type { Code, Coding, ProjectSnapshot, Uuid } from '#shared/model/types';
import { projectSnapshotSchema } from '#shared/model/schema';
import { createCode, CodeRefused } from '#shared/codebook/create-code';
import { applyCode } from '#shared/coding/apply-code';
import { createMemo } from '#shared/memos/memos';
import { updateCode, freeName } from '#shared/codebook/edit-code';
import { moveCode, moveRefusal } from '#shared/codebook/move-code';
import { mergeCode, mergeRefusal } from '#shared/codebook/merge-code';
import { splitCode } from '#shared/codebook/split-code';
import { deleteCode, deleteImpact } from '#shared/codebook/delete-code';
import { codeTreeCounts } from '#shared/codebook/code-counts';
import { childrenOf, codePath, treeOrder } from '#shared/codebook/code-tree';
import { projectWithTranscript } from '../fixture-project.ts';

/** A project with a small tree and a few codings on the fixture transcript:
 *  Inner setting (category) > Culture > Trust ; Climate ; Peer work (top) */
function tree() {
  const { snapshot, document, newId, now } = projectWithTranscript();
  let s = snapshot;
  const code = (name: string, parentId: Uuid | null, isCodable = true): Code => {
    const made = createCode(s, { name, parentId, isCodable }, null, newId, now);
    s = applyChange(s, made.change);
    return made.code;
  };
  const inner = code('Inner setting', null, false);
  const culture = code('Culture', inner.id);
  const trust = code('Trust', culture.id);
  const climate = code('Climate', inner.id);
  const peer = code('Peer work', null);
  const coders = [s.coders[0]?.id ?? null, newId()];
  const coding = (codeId: Uuid, start: number, end: number, coderId: Uuid | null = coders[0] ?? null): Coding => {
    const made = applyCode(s, { documentId: document.id, codeId, start, end, coderId }, newId, now);
    s = applyChange(s, made.change);
    return made.coding;
  };
  return {
    get s() {
      return s;
    },
    set s(value: ProjectSnapshot) {
      s = value;
    },
    document,
    newId,
    now,
    codes: { inner, culture, trust, climate, peer },
    coders,
    coding,
  };
}

const byId = (list: readonly { readonly id: string }[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

/** Applies a change, checks the result is a valid snapshot, and that undoing it gives back exactly the records before. */
function applyAndCheckUndo(before: ProjectSnapshot, change: ProjectChange): ProjectSnapshot {
  const after = applyChange(before, change);
  expect(projectSnapshotSchema.safeParse(after).success).toBe(true);
  const undone = applyChange(after, invertChange(before, change));
  for (const kind of ['codes', 'codings', 'memos'] as const) expect(byId(undone[kind])).toEqual(byId(before[kind]));
  const redone = applyChange(undone, change);
  for (const kind of ['codes', 'codings', 'memos'] as const) expect(byId(redone[kind])).toEqual(byId(after[kind]));
  return after;
}

describe('the tree', () => {
  it('lists codes depth first with outline numbers, leaving out hidden codes and what is under them', () => {
    const t = tree();
    expect(treeOrder(t.s.codes).map((e) => `${e.outline} ${e.code.name}`)).toEqual([
      '1 Inner setting',
      '1.1 Culture',
      '1.1.1 Trust',
      '1.2 Climate',
      '2 Peer work',
    ]);
    const hidden = applyChange(t.s, updateCode(t.s, t.codes.culture.id, { isHidden: true }, t.now));
    expect(treeOrder(hidden.codes).map((e) => e.code.name)).toEqual(['Inner setting', 'Climate', 'Peer work']);
    expect(treeOrder(hidden.codes, { includeHidden: true })).toHaveLength(5);
    expect(treeOrder(t.s.codes, { collapsed: new Set([t.codes.inner.id]) }).map((e) => e.code.name)).toEqual(['Inner setting', 'Peer work']);
    expect(codePath(t.s.codes, t.codes.trust.id)).toBe('Inner setting › Culture › Trust');
  });
});

describe('editing a code', () => {
  it('renames, recolours and sets criteria; refuses a clashing name and making a coded code a category', () => {
    const t = tree();
    t.coding(t.codes.trust.id, 30, 34);
    const change = updateCode(t.s, t.codes.trust.id, { name: ' Mutual  trust ', color: '#AABBCC', inclusion: 'Trust between staff and PSWs.', exclusion: 'Trust in the programme.', example: '“we trust them now”' }, t.now);
    const after = applyAndCheckUndo(t.s, change);
    expect(after.codes.find((c) => c.id === t.codes.trust.id)).toMatchObject({ name: 'Mutual trust', color: '#aabbcc', inclusion: 'Trust between staff and PSWs.' });
    expect(updateCode(after, t.codes.trust.id, { name: 'Mutual trust' }, t.now)).toEqual({});
    expect(() => updateCode(t.s, t.codes.climate.id, { name: 'culture' }, t.now)).toThrow(/already a code named "Culture"/);
    expect(() => updateCode(t.s, t.codes.trust.id, { isCodable: false }, t.now)).toThrow(/has 1 coding/);
    expect(freeName(t.s.codes, t.codes.inner.id, 'Culture')).toBe('Culture (2)');
  });
});

describe('moving codes', () => {
  it('refuses to move a code into itself or below itself', () => {
    const t = tree();
    expect(() => moveCode(t.s, t.codes.inner.id, { parentId: t.codes.inner.id, index: 0 }, t.now)).toThrow(/inside itself/);
    expect(() => moveCode(t.s, t.codes.inner.id, { parentId: t.codes.trust.id, index: 0 }, t.now)).toThrow(/its own subcodes/);
    expect(() => moveCode(t.s, t.codes.culture.id, { parentId: t.codes.trust.id, index: 0 }, t.now)).toThrow(CodeRefused);
    expect(moveRefusal(t.s, t.codes.trust.id, t.codes.peer.id)).toBeNull();
  });

  it('moves a code with its subtree to a new parent at a position, and reorders among siblings', () => {
    const t = tree();
    const moved = applyAndCheckUndo(t.s, moveCode(t.s, t.codes.culture.id, { parentId: t.codes.peer.id, index: 0 }, t.now));
    expect(treeOrder(moved.codes).map((e) => `${e.outline} ${e.code.name}`)).toEqual([
      '1 Inner setting',
      '1.1 Climate',
      '2 Peer work',
      '2.1 Culture',
      '2.1.1 Trust',
    ]);
    const reordered = applyAndCheckUndo(t.s, moveCode(t.s, t.codes.peer.id, { parentId: null, index: 0 }, t.now));
    expect(childrenOf(reordered.codes, null).map((c) => c.name)).toEqual(['Peer work', 'Inner setting']);
    expect(moveCode(t.s, t.codes.climate.id, { parentId: t.codes.inner.id, index: 1 }, t.now)).toEqual({});
  });

  it('refuses a move that would put two codes of one name side by side', () => {
    const t = tree();
    t.s = applyChange(t.s, createCode(t.s, { name: 'Trust', parentId: null }, null, t.newId, t.now).change);
    expect(() => moveCode(t.s, t.codes.trust.id, { parentId: null, index: 0 }, t.now)).toThrow(/already a code named "Trust" there/);
  });
});

describe('merging codes', () => {
  it('re-points every coding, collapses duplicates of the same passage by the same coder, and moves memos', () => {
    const t = tree();
    const a1 = t.coding(t.codes.climate.id, 30, 34);
    const a2 = t.coding(t.codes.climate.id, 11, 25);
    const a3 = t.coding(t.codes.climate.id, 11, 25, t.coders[1]);
    const b1 = t.coding(t.codes.culture.id, 30, 34); // same passage, same coder as a1: a duplicate after the merge
    const onA1 = createMemo(t.s, { target: { kind: 'coding', id: a1.id }, title: 'Irony', text: 'said with a smile' }, null, t.newId, t.now);
    t.s = applyChange(t.s, onA1.change);
    const onCode = createMemo(t.s, { target: { kind: 'code', id: t.codes.climate.id }, title: 'Climate memo', text: '' }, null, t.newId, t.now);
    t.s = applyChange(t.s, onCode.change);
    t.s = applyChange(t.s, updateCode(t.s, t.codes.climate.id, { description: 'How it feels to work there.' }, t.now));

    const outcome = mergeCode(t.s, t.codes.climate.id, t.codes.culture.id, t.now);
    expect(outcome).toMatchObject({ repointed: 2, collapsed: 1, subcodesMoved: 0 });
    const after = applyAndCheckUndo(t.s, outcome.change);
    expect(after.codes.some((c) => c.id === t.codes.climate.id)).toBe(false);
    const onCulture = after.codings.filter((c) => c.codeId === t.codes.culture.id).map((c) => c.id).sort();
    expect(onCulture).toEqual([a2.id, a3.id, b1.id].sort());
    // The memo on the collapsed coding now sits on the coding that stayed; the code memo on the target code.
    expect(after.memos.find((m) => m.id === onA1.memo.id)?.target).toEqual({ kind: 'coding', id: b1.id });
    expect(after.memos.find((m) => m.id === onCode.memo.id)?.target).toEqual({ kind: 'code', id: t.codes.culture.id });
    expect(after.codes.find((c) => c.id === t.codes.culture.id)?.description).toBe('How it feels to work there.');
  });

  it('moves the subcodes of the merged code under the target, renaming a clash', () => {
    const t = tree();
    t.s = applyChange(t.s, createCode(t.s, { name: 'Trust', parentId: t.codes.peer.id }, null, t.newId, t.now).change);
    const outcome = mergeCode(t.s, t.codes.culture.id, t.codes.peer.id, t.now);
    expect(outcome.subcodesMoved).toBe(1);
    const after = applyAndCheckUndo(t.s, outcome.change);
    expect(childrenOf(after.codes, t.codes.peer.id).map((c) => c.name)).toEqual(['Trust', 'Trust (2)']);
  });

  it('refuses merging into itself, into its own subcode, and codings into a category', () => {
    const t = tree();
    t.coding(t.codes.peer.id, 30, 34);
    expect(mergeRefusal(t.s, t.codes.peer.id, t.codes.peer.id)).toMatch(/itself/);
    expect(mergeRefusal(t.s, t.codes.culture.id, t.codes.trust.id)).toMatch(/inside "Culture"/);
    expect(mergeRefusal(t.s, t.codes.peer.id, t.codes.inner.id)).toMatch(/category/);
    expect(() => mergeCode(t.s, t.codes.peer.id, t.codes.inner.id, t.now)).toThrow(CodeRefused);
    expect(mergeRefusal(t.s, t.codes.trust.id, t.codes.culture.id)).toBeNull();
  });
});

describe('splitting a code', () => {
  it('moves the chosen codings to a new code made right after the old one, or inside it', () => {
    const t = tree();
    const c1 = t.coding(t.codes.culture.id, 30, 34);
    const c2 = t.coding(t.codes.culture.id, 11, 25);
    const split = splitCode(t.s, { sourceId: t.codes.culture.id, codingIds: [c2.id], name: 'Hierarchy', inside: false }, null, t.newId, t.now);
    expect(split.moved).toBe(1);
    const after = applyAndCheckUndo(t.s, split.change);
    expect(childrenOf(after.codes, t.codes.inner.id).map((c) => c.name)).toEqual(['Culture', 'Hierarchy', 'Climate']);
    expect(after.codings.find((c) => c.id === c2.id)?.codeId).toBe(split.code.id);
    expect(after.codings.find((c) => c.id === c1.id)?.codeId).toBe(t.codes.culture.id);
    expect(split.code.origin).toEqual({ kind: 'inductive' });

    const inside = splitCode(t.s, { sourceId: t.codes.culture.id, codingIds: [c1.id, c2.id], name: 'Everyday culture', inside: true }, null, t.newId, t.now);
    const afterInside = applyAndCheckUndo(t.s, inside.change);
    expect(childrenOf(afterInside.codes, t.codes.culture.id).map((c) => c.name)).toEqual(['Trust', 'Everyday culture']);
  });

  it('refuses no codings, codings of another code, and a clashing name', () => {
    const t = tree();
    const c1 = t.coding(t.codes.culture.id, 30, 34);
    const other = t.coding(t.codes.peer.id, 30, 34);
    const split = (codingIds: Uuid[], name = 'New') =>
      splitCode(t.s, { sourceId: t.codes.culture.id, codingIds, name, inside: false }, null, t.newId, t.now);
    expect(() => split([])).toThrow(/at least one/);
    expect(() => split([c1.id, other.id])).toThrow(/Only codings of "Culture"/);
    expect(() => split([c1.id], 'climate')).toThrow(/already a code/);
  });
});

describe('deleting a code', () => {
  it('says how many codings, subcodes and memos would go', () => {
    const t = tree();
    const own = t.coding(t.codes.culture.id, 30, 34);
    t.coding(t.codes.trust.id, 11, 25);
    t.s = applyChange(t.s, createMemo(t.s, { target: { kind: 'coding', id: own.id }, title: 'm', text: '' }, null, t.newId, t.now).change);
    expect(deleteImpact(t.s, t.codes.culture.id)).toMatchObject({ codings: 1, subcodes: 1, subcodeCodings: 1, memos: 1, canMoveCodingsToParent: false });
    expect(deleteImpact(t.s, t.codes.trust.id).canMoveCodingsToParent).toBe(true);
  });

  it('deletes the code with its codings and their memos, moving subcodes up into its place', () => {
    const t = tree();
    const own = t.coding(t.codes.culture.id, 30, 34);
    const below = t.coding(t.codes.trust.id, 11, 25);
    t.s = applyChange(t.s, createMemo(t.s, { target: { kind: 'coding', id: own.id }, title: 'm', text: '' }, null, t.newId, t.now).change);
    const change = deleteCode(t.s, t.codes.culture.id, { codings: 'delete', subcodes: 'move-to-parent' }, t.now);
    const after = applyAndCheckUndo(t.s, change);
    expect(childrenOf(after.codes, t.codes.inner.id).map((c) => c.name)).toEqual(['Trust', 'Climate']);
    expect(after.codings.map((c) => c.id)).toEqual([below.id]);
    expect(after.memos).toEqual([]);
  });

  it('moves the codings to the parent (collapsing duplicates), or deletes the whole subtree', () => {
    const t = tree();
    const parentCoding = t.coding(t.codes.culture.id, 30, 34);
    t.coding(t.codes.trust.id, 30, 34); // a duplicate of parentCoding once moved up
    const other = t.coding(t.codes.trust.id, 11, 25);
    const moved = applyAndCheckUndo(t.s, deleteCode(t.s, t.codes.trust.id, { codings: 'move-to-parent', subcodes: 'delete' }, t.now));
    expect(moved.codings.map((c) => [c.id, c.codeId]).sort()).toEqual([[parentCoding.id, t.codes.culture.id], [other.id, t.codes.culture.id]].sort());

    const gone = applyAndCheckUndo(t.s, deleteCode(t.s, t.codes.inner.id, { codings: 'delete', subcodes: 'delete' }, t.now));
    expect(gone.codes.map((c) => c.name)).toEqual(['Peer work']);
    expect(gone.codings).toEqual([]);
    expect(() => deleteCode(t.s, t.codes.culture.id, { codings: 'move-to-parent', subcodes: 'delete' }, t.now)).toThrow(/category/);
  });
});

describe('counts', () => {
  it('counts codings and documents per code and with everything below, over any list of codings', () => {
    const t = tree();
    t.coding(t.codes.trust.id, 30, 34);
    t.coding(t.codes.trust.id, 11, 25);
    const culture = t.coding(t.codes.culture.id, 0, 9);
    const counts = codeTreeCounts(t.s.codes, t.s.codings);
    expect(counts.get(t.codes.trust.id)).toEqual({ own: { codings: 2, documents: 1 }, withDescendants: { codings: 2, documents: 1 } });
    expect(counts.get(t.codes.inner.id)).toEqual({ own: { codings: 0, documents: 0 }, withDescendants: { codings: 3, documents: 1 } });
    expect(counts.get(t.codes.peer.id)?.withDescendants.codings).toBe(0);
    const filtered = codeTreeCounts(t.s.codes, t.s.codings.filter((c) => c.id !== culture.id));
    expect(filtered.get(t.codes.culture.id)).toEqual({ own: { codings: 0, documents: 0 }, withDescendants: { codings: 2, documents: 1 } });
  });
});
