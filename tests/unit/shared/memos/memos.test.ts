import { describe, expect, it } from 'vitest';
import { applyChange, invertChange } from '#shared/model/change';
import { createCode } from '#shared/codebook/create-code';
import { applyCode } from '#shared/coding/apply-code';
import {
  MemoRefused,
  createMemo,
  deleteMemos,
  describeTarget,
  memosFor,
  scanCodings,
  searchMemos,
  updateMemo,
} from '#shared/memos/memos';
import { addSite, phasesInOrder } from '#shared/study/study-design';
import { projectWithTranscript } from '../fixture-project.ts';

function codedProject() {
  const { snapshot, document, newId, now } = projectWithTranscript();
  const code = createCode(snapshot, { name: 'Trust', parentId: null }, null, newId, now);
  const s1 = applyChange(snapshot, code.change);
  // "It went well 😀 really." starts at 30; the emoji is one code point.
  const coding = applyCode(s1, { documentId: document.id, codeId: code.code.id, start: 30, end: 52, coderId: null }, newId, now);
  return { snapshot: applyChange(s1, coding.change), document, code: code.code, coding: coding.coding, newId, now };
}

describe('memos', () => {
  it('writes memos on the project, a document, a code and a coding, each with author and times', () => {
    const { snapshot, document, code, coding, newId, now } = codedProject();
    const author = snapshot.coders[0]?.id ?? null;
    let s = snapshot;
    for (const target of [
      { kind: 'project' },
      { kind: 'document', id: document.id },
      { kind: 'code', id: code.id },
      { kind: 'coding', id: coding.id },
    ] as const) {
      const made = createMemo(s, { target, title: `  On ${target.kind} `, text: 'A thought.' }, author, newId, now);
      expect(made.memo).toMatchObject({ title: `On ${target.kind}`, createdBy: author, target });
      expect(made.memo.createdAt).toBe(made.memo.modifiedAt);
      s = applyChange(s, made.change);
    }
    expect(memosFor(s, { kind: 'coding', id: coding.id }).map((m) => m.title)).toEqual(['On coding']);
    expect(memosFor(s, { kind: 'project' })).toHaveLength(1);
    expect(memosFor(s, { kind: 'code', id: coding.id })).toHaveLength(0);
  });

  it('refuses a memo on something that is not in the project', () => {
    const { snapshot, newId, now } = codedProject();
    expect(() => createMemo(snapshot, { target: { kind: 'coding', id: newId() }, title: 'x', text: '' }, null, newId, now)).toThrow(MemoRefused);
  });

  it('edits title and text with a new modifiedAt, makes no change when nothing differs, and undoes exactly', () => {
    const { snapshot, code, newId, now } = codedProject();
    const made = createMemo(snapshot, { target: { kind: 'code', id: code.id }, title: 'T', text: 'one' }, null, newId, now);
    const s1 = applyChange(snapshot, made.change);
    expect(updateMemo(s1, made.memo.id, { title: ' T ', text: 'one' }, now)).toEqual({});
    const edit = updateMemo(s1, made.memo.id, { text: 'one two' }, now);
    const s2 = applyChange(s1, edit);
    const edited = s2.memos.find((m) => m.id === made.memo.id);
    expect(edited?.text).toBe('one two');
    expect(edited?.createdAt).toBe(made.memo.createdAt);
    expect(edited && edited.modifiedAt > made.memo.modifiedAt).toBe(true);
    expect(applyChange(s2, invertChange(s1, edit)).memos).toEqual(s1.memos);
    expect(applyChange(s2, deleteMemos(s2, [made.memo.id])).memos).toEqual([]);
  });

  it('describes a coding by citation, code and quote', () => {
    const { snapshot, coding } = codedProject();
    expect(describeTarget(snapshot, { kind: 'coding', id: coding.id }, scanCodings(snapshot))).toEqual({ kind: 'Coding', text: '¶2 · Trust · “It went well 😀 really.”' });
    expect(describeTarget(snapshot, { kind: 'code', id: coding.id }, scanCodings(snapshot)).text).toBe('(deleted code)');
  });

  it('cites a coding by its document’s unique label when a site has several documents', () => {
    const { snapshot, document, coding, newId, now } = codedProject();
    const added = addSite(snapshot, { code: 'BU', name: 'Butabika' }, newId, now);
    const s = applyChange(snapshot, added.change);
    const [pre, post] = phasesInOrder(s.phases);
    if (!pre || !post) throw new Error('a new project has phases pre and post');
    const inPre = { ...document, attributes: { ...document.attributes, siteId: added.site.id, phaseId: pre.id } };
    const inPost = { ...document, id: newId(), name: `${document.name} post`, attributes: { ...inPre.attributes, phaseId: post.id } };
    const study = { ...s, documents: [inPre, inPost] };
    const postCoding = { ...coding, id: newId(), documentId: inPost.id };
    expect(describeTarget(study, { kind: 'coding', id: coding.id }, scanCodings(study)).text).toBe('BU pre 2 · Trust · “It went well 😀 really.”');
    expect(describeTarget(study, { kind: 'coding', id: postCoding.id }, () => postCoding).text).toBe('BU post 2 · Trust · “It went well 😀 really.”');
    // With one document the site has, the site code alone is unique.
    expect(describeTarget({ ...s, documents: [inPre] }, { kind: 'coding', id: coding.id }, scanCodings(study)).text).toBe('BU 2 · Trust · “It went well 😀 really.”');
  });

  it('searches memos by words in title, text or target, filtered by target kind, newest first', () => {
    const { snapshot, document, code, coding, newId, now } = codedProject();
    let s = snapshot;
    const add = (target: Parameters<typeof createMemo>[1]['target'], title: string, text: string) => {
      s = applyChange(s, createMemo(s, { target, title, text }, null, newId, now).change);
    };
    add({ kind: 'project' }, 'Plan', 'Code the pre transcripts first.');
    add({ kind: 'document', id: document.id }, 'Noisy room', 'Hard to hear P3.');
    add({ kind: 'code', id: code.id }, 'Trust grows', 'Trust between nurses and peers.');
    add({ kind: 'coding', id: coding.id }, '', 'Irony? Check with the moderator.');
    expect(searchMemos(s, { text: '', kinds: [] }, scanCodings(s)).map((m) => m.title)).toEqual(['', 'Trust grows', 'Noisy room', 'Plan']);
    expect(searchMemos(s, { text: 'trust', kinds: [] }, scanCodings(s)).map((m) => m.title)).toEqual(['', 'Trust grows']);
    expect(searchMemos(s, { text: 'trust', kinds: ['code'] }, scanCodings(s)).map((m) => m.title)).toEqual(['Trust grows']);
    expect(searchMemos(s, { text: 'moderator irony', kinds: ['coding', 'document'] }, scanCodings(s))).toHaveLength(1);
    expect(searchMemos(s, { text: 'nothing-like-this', kinds: [] }, scanCodings(s))).toHaveLength(0);
  });
});
