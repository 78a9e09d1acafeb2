import { describe, expect, it } from 'vitest';
import { applyCode, codePassages, CodingRefused, editCoding } from '#shared/coding/apply-code';
import { createCode } from '#shared/codebook/create-code';
import { applyChange } from '#shared/model/change';
import { projectWithTranscript } from '../fixture-project.ts';

function setup() {
  const { snapshot, document, newId, now } = projectWithTranscript();
  const coder = snapshot.coders[0]?.id ?? null;
  const a = createCode(snapshot, { name: 'Adaptability', parentId: null }, coder, newId, now);
  const withA = applyChange(snapshot, a.change);
  const b = createCode(withA, { name: 'Trust', parentId: null }, coder, newId, now);
  const category = createCode(applyChange(withA, b.change), { name: 'Domain', parentId: null, isCodable: false }, coder, newId, now);
  const base = applyChange(applyChange(withA, b.change), category.change);
  const coded = applyCode(base, { documentId: document.id, codeId: a.code.id, start: 30, end: 44, coderId: coder }, newId, now);
  return { snapshot: applyChange(base, coded.change), document, a: a.code, b: b.code, category: category.code, coding: coded.coding, coder, newId, now };
}

describe('editing a coding', () => {
  it('resizes it, keeping its id, coder and creation time', () => {
    const { snapshot, coding, now } = setup();
    const { change, coding: edited } = editCoding(snapshot, coding, { start: 34, end: 52 }, now);
    expect(edited).toMatchObject({ id: coding.id, createdBy: coding.createdBy, createdAt: coding.createdAt, start: 34, end: 52 });
    expect(edited.modifiedAt).not.toBe(coding.modifiedAt);
    expect(applyChange(snapshot, change).codings).toEqual([edited]);
  });

  it('re-codes it, refusing a category and a result that repeats another coding', () => {
    const { snapshot, document, coding, b, category, coder, newId, now } = setup();
    expect(editCoding(snapshot, coding, { codeId: b.id }, now).coding.codeId).toBe(b.id);
    expect(() => editCoding(snapshot, coding, { codeId: category.id }, now)).toThrow(/category/);
    const other = applyCode(snapshot, { documentId: document.id, codeId: b.id, start: 30, end: 44, coderId: coder }, newId, now);
    const withOther = applyChange(snapshot, other.change);
    expect(() => editCoding(withOther, coding, { codeId: b.id }, now)).toThrow(CodingRefused);
  });

  it('refuses an empty or out-of-range passage', () => {
    const { snapshot, coding, now } = setup();
    expect(() => editCoding(snapshot, coding, { start: 44, end: 44 }, now)).toThrow(/at least one character/);
    expect(() => editCoding(snapshot, coding, { end: 999 }, now)).toThrow(CodingRefused);
  });
});

describe('coding many passages at once', () => {
  it('makes one change, skipping passages already coded and repeats within the batch', () => {
    const { snapshot, document, a, coder, newId, now } = setup();
    const passages = [
      { documentId: document.id, start: 30, end: 44 }, // already coded with Adaptability by this coder
      { documentId: document.id, start: 11, end: 25 },
      { documentId: document.id, start: 11, end: 25 }, // twice in the batch
      { documentId: document.id, start: 0, end: 9 },
    ];
    const result = codePassages(snapshot, a.id, coder, passages, newId, now);
    expect(result.alreadyCoded).toBe(2);
    expect(result.codings.map((c) => [c.start, c.end])).toEqual([
      [11, 25],
      [0, 9],
    ]);
    expect(applyChange(snapshot, result.change).codings).toHaveLength(3);
  });

  it('refuses the whole batch when one passage cannot be coded', () => {
    const { snapshot, document, a, coder, newId, now } = setup();
    expect(() =>
      codePassages(snapshot, a.id, coder, [{ documentId: document.id, start: 0, end: 5 }, { documentId: document.id, start: 5, end: 500 }], newId, now),
    ).toThrow(CodingRefused);
  });
});
