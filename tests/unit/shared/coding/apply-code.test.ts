import { stampsAt } from '#shared/model/stamps';
import { describe, expect, it } from 'vitest';
import { applyCode, CodingRefused, removeCodings } from '#shared/coding/apply-code';
import { createCode } from '#shared/codebook/create-code';
import { applyChange } from '#shared/model/change';
import { codedSegments, codeCounts } from '#shared/coding/retrieval';
import { highlightRuns } from '#shared/coding/highlight-runs';
import { projectWithTranscript } from '../fixture-project.ts';

function setup() {
  const { snapshot, document, newId, now } = projectWithTranscript();
  const coder = snapshot.coders[0]?.id ?? null;
  const made = createCode(snapshot, { name: 'Adaptability', parentId: null }, coder, newId, now);
  return { snapshot: applyChange(snapshot, made.change), document, code: made.code, coder, newId, now };
}

describe('applying a code', () => {
  it('codes a passage and retrieves it with its paragraph and speaker', () => {
    const { snapshot, document, code, coder, newId, now } = setup();
    // "It went well 😀" is code points 30..44 of paragraph 2.
    const { change, coding } = applyCode(snapshot, { documentId: document.id, codeId: code.id, start: 30, end: 44, coderId: coder }, newId, now);
    const after = applyChange(snapshot, change);
    expect(after.codings).toEqual([coding]);
    const [segment] = codedSegments(after, [code.id]);
    expect(segment?.text).toBe('It went well 😀');
    expect(segment?.firstParagraph).toBe(2);
    expect(segment?.citation).toBe('¶2');
    expect(segment?.speaker).toBe('P1');
    expect(codeCounts(after.codings).get(code.id)).toEqual({ codings: 1, documents: 1 });
  });

  it('cites with the site code and a paragraph span', () => {
    const { snapshot, document, code, coder, newId, now } = setup();
    const site = { id: newId(), projectId: snapshot.project.id, code: 'BU', name: 'Butabika, Uganda', order: 1, ...stampsAt(now()) };
    const withSite = {
      ...snapshot,
      sites: [site],
      documents: [{ ...document, attributes: { ...document.attributes, siteId: site.id } }],
    };
    const { change } = applyCode(withSite, { documentId: document.id, codeId: code.id, start: 11, end: 40, coderId: coder }, newId, now);
    const [segment] = codedSegments(applyChange(withSite, change), [code.id]);
    expect(segment?.citation).toBe('BU 1–2');
  });

  it('refuses empty, reversed and out-of-range passages, categories and exact duplicates', () => {
    const { snapshot, document, code, coder, newId, now } = setup();
    const request = { documentId: document.id, codeId: code.id, coderId: coder };
    expect(() => applyCode(snapshot, { ...request, start: 5, end: 5 }, newId, now)).toThrow(CodingRefused);
    expect(() => applyCode(snapshot, { ...request, start: 9, end: 5 }, newId, now)).toThrow(CodingRefused);
    expect(() => applyCode(snapshot, { ...request, start: 0, end: document.length + 1 }, newId, now)).toThrow(CodingRefused);
    const category = createCode(snapshot, { name: 'Inner setting', parentId: null, isCodable: false }, coder, newId, now);
    const withCategory = applyChange(snapshot, category.change);
    expect(() => applyCode(withCategory, { ...request, codeId: category.code.id, start: 0, end: 3 }, newId, now)).toThrow(/category/);
    const first = applyCode(snapshot, { ...request, start: 0, end: 3 }, newId, now);
    const after = applyChange(snapshot, first.change);
    expect(() => applyCode(after, { ...request, start: 0, end: 3 }, newId, now)).toThrow(/already coded/);
  });

  it('removes a coding together with the memo on it', () => {
    const { snapshot, document, code, coder, newId, now } = setup();
    const { change, coding } = applyCode(snapshot, { documentId: document.id, codeId: code.id, start: 0, end: 3, coderId: coder }, newId, now);
    const memo = { id: newId(), projectId: snapshot.project.id, target: { kind: 'coding' as const, id: coding.id }, title: 'Why', text: 'Because', ...stampsAt(now(), coder) };
    const coded = applyChange(applyChange(snapshot, change), { put: { memos: [memo] } });
    const removal = removeCodings(coded, [coding.id]);
    expect(removal).toEqual({ delete: { codings: [coding.id], memos: [memo.id] } });
    const after = applyChange(coded, removal);
    expect(after.codings).toEqual([]);
    expect(after.memos).toEqual([]);
  });
});

describe('highlight runs', () => {
  it('cuts a paragraph at every boundary of overlapping and crossing codings', () => {
    const codings = [
      { id: 'a', start: 2, end: 8 },
      { id: 'b', start: 5, end: 12 },
    ].map((c) => ({ ...c, projectId: 'p', documentId: 'd', codeId: c.id, ...stampsAt('2026-01-01T00:00:00.000Z') }));
    expect(highlightRuns({ start: 0, end: 10 }, codings)).toEqual([
      { start: 0, end: 2, codingIds: [] },
      { start: 2, end: 5, codingIds: ['a'] },
      { start: 5, end: 8, codingIds: ['a', 'b'] },
      { start: 8, end: 10, codingIds: ['b'] },
    ]);
  });

  it('gives one plain run when nothing is coded in the range', () => {
    expect(highlightRuns({ start: 3, end: 9 }, [])).toEqual([{ start: 3, end: 9, codingIds: [] }]);
  });
});
