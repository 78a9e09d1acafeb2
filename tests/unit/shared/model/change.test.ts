import { describe, expect, it } from 'vitest';
import { applyChange, invertChange, isEmptyChange } from '#shared/model/change';
import { createCode } from '#shared/codebook/create-code';
import { applyCode } from '#shared/coding/apply-code';
import { projectWithTranscript } from '../fixture-project.ts';

describe('project changes', () => {
  it('puts, replaces and deletes records by id', () => {
    const { snapshot, newId, now } = projectWithTranscript();
    const a = createCode(snapshot, { name: 'A', parentId: null }, null, newId, now);
    const withA = applyChange(snapshot, a.change);
    expect(withA.codes.map((c) => c.name)).toEqual(['A']);
    const renamed = applyChange(withA, { put: { codes: [{ ...a.code, name: 'A2' }] } });
    expect(renamed.codes.map((c) => c.name)).toEqual(['A2']);
    expect(applyChange(renamed, { delete: { codes: [a.code.id] } }).codes).toEqual([]);
  });

  it('inverts a change so that applying both gives back the snapshot', () => {
    const { snapshot, document, newId, now } = projectWithTranscript();
    const a = createCode(snapshot, { name: 'A', parentId: null }, null, newId, now);
    const withA = applyChange(snapshot, a.change);
    const coded = applyCode(withA, { documentId: document.id, codeId: a.code.id, start: 0, end: 9, coderId: null }, newId, now);
    const before = applyChange(withA, coded.change);
    // One change that renames the code, deletes the coding and adds another code.
    const b = createCode(before, { name: 'B', parentId: null }, null, newId, now);
    const change = {
      put: { codes: [{ ...a.code, name: 'Renamed' }, b.code] },
      delete: { codings: [coded.coding.id] },
    };
    const after = applyChange(before, change);
    const undone = applyChange(after, invertChange(before, change));
    expect(new Set(undone.codes)).toEqual(new Set(before.codes));
    expect(undone.codings).toEqual(before.codings);
  });

  it('knows an empty change', () => {
    expect(isEmptyChange({})).toBe(true);
    expect(isEmptyChange({ put: { codes: [] }, delete: { memos: [] } })).toBe(true);
    expect(isEmptyChange({ delete: { memos: ['x'] } })).toBe(false);
  });
});
