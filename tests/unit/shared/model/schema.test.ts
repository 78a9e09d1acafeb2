import { describe, expect, it } from 'vitest';
import {
  SCHEMA_LIMITS,
  checkSnapshotIntegrity,
  codeSchema,
  codingSchema,
  paragraphSchema,
  parseProjectSnapshot,
  projectSnapshotSchema,
} from '#shared/model/schema';
import type { Code, Coding, ProjectSnapshot, TesseraDocument } from '#shared/model/types';
import { synthesizeStudy } from '#shared/synth/synthesize-study';

const base: ProjectSnapshot = synthesizeStudy({ documents: 5, wordsPerDocument: 300, codes: 12, codings: 40, coders: 2, seed: 3 });
const firstCoding = base.codings[0] as Coding;
const firstCode = base.codes.find((code) => code.isCodable) as Code;
const firstDocument = base.documents[0] as TesseraDocument;

function withDocument(change: Partial<TesseraDocument>): ProjectSnapshot {
  return { ...base, documents: [{ ...firstDocument, ...change }, ...base.documents.slice(1)] };
}

function problemsOf(snapshot: ProjectSnapshot): string[] {
  return checkSnapshotIntegrity(snapshot).map((problem) => `${problem.path}: ${problem.message}`);
}

describe('schemas', () => {
  it('accept a real snapshot and give back equal data', () => {
    const parsed = projectSnapshotSchema.safeParse(base);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(base);
  });

  it('refuse fields a record does not have (strict shapes)', () => {
    expect(codingSchema.safeParse({ ...firstCoding, note: 'x' }).success).toBe(false);
    expect(projectSnapshotSchema.safeParse({ ...base, extra: [] }).success).toBe(false);
  });

  it('refuse ids that are not canonical lowercase UUIDs', () => {
    expect(codingSchema.safeParse({ ...firstCoding, id: firstCoding.id.toUpperCase() }).success).toBe(false);
    expect(codingSchema.safeParse({ ...firstCoding, id: `{${firstCoding.id}}` }).success).toBe(false);
    expect(codingSchema.safeParse({ ...firstCoding, codeId: 'code-1' }).success).toBe(false);
  });

  it('refuse offsets that are negative, fractional, or empty ranges', () => {
    expect(codingSchema.safeParse({ ...firstCoding, start: -1 }).success).toBe(false);
    expect(codingSchema.safeParse({ ...firstCoding, end: firstCoding.end + 0.5 }).success).toBe(false);
    expect(codingSchema.safeParse({ ...firstCoding, end: firstCoding.start }).success).toBe(false);
    expect(codingSchema.safeParse({ ...firstCoding, start: 10, end: 5 }).success).toBe(false);
    const paragraph = { n: 1, start: 0, end: 10, utteranceStart: 4, speakerId: null, timestamps: [] };
    expect(paragraphSchema.safeParse(paragraph).success).toBe(true);
    expect(paragraphSchema.safeParse({ ...paragraph, utteranceStart: 11 }).success).toBe(false);
    expect(paragraphSchema.safeParse({ ...paragraph, n: 0 }).success).toBe(false);
  });

  it('refuse colours that are not #rrggbb, over-long names and malformed times', () => {
    expect(codeSchema.safeParse({ ...firstCode, color: 'red' }).success).toBe(false);
    expect(codeSchema.safeParse({ ...firstCode, color: '#abc' }).success).toBe(false);
    expect(codeSchema.safeParse({ ...firstCode, name: 'x'.repeat(SCHEMA_LIMITS.name + 1) }).success).toBe(false);
    expect(codeSchema.safeParse({ ...firstCode, name: '' }).success).toBe(false);
    expect(codeSchema.safeParse({ ...firstCode, createdAt: '23/11/2026' }).success).toBe(false);
    expect(codeSchema.safeParse({ ...firstCode, origin: { kind: 'cfir', version: '3.0', elementId: 'x' } }).success).toBe(false);
  });

  it('report problems with a path that names the record and field', () => {
    const result = parseProjectSnapshot({ ...base, codings: [{ ...firstCoding, start: -3 }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.path).toBe('codings[0].start');
  });
});

describe('checkSnapshotIntegrity', () => {
  it('finds nothing wrong with a consistent snapshot', () => {
    expect(checkSnapshotIntegrity(base)).toEqual([]);
  });

  it('finds codings whose document, code or coder does not exist, or that run past the text', () => {
    const [c0, c1, c2, c3] = base.codings as [Coding, Coding, Coding, Coding];
    const bad: Coding[] = [
      { ...c0, documentId: firstCode.id },
      { ...c1, codeId: firstDocument.id },
      { ...c2, createdBy: firstDocument.id },
      { ...c3, documentId: firstDocument.id, start: 0, end: firstDocument.length + 1 },
    ];
    expect(problemsOf({ ...base, codings: bad })).toEqual([
      'codings[0].documentId: no document with this id',
      'codings[1].codeId: no code with this id',
      'codings[2].createdBy: no coder with this id',
      `codings[3].end: beyond the end of the document (${firstDocument.length} characters)`,
    ]);
  });

  it('finds records of another project', () => {
    const other = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
    expect(problemsOf({ ...base, codings: [{ ...firstCoding, projectId: other }] })).toEqual([
      'codings[0].projectId: belongs to another project',
    ]);
  });

  it('finds memos about things that do not exist', () => {
    const memo = base.memos[0];
    if (!memo) throw new Error('the synthetic study has memos');
    expect(problemsOf({ ...base, memos: [{ ...memo, target: { kind: 'coding', id: firstCode.id } }] })).toEqual([
      'memos[0].target: no coding with this id',
    ]);
  });

  it('finds a missing parent and a cycle in the code tree', () => {
    const [a, b] = base.codes.filter((code) => code.isCodable) as [Code, Code];
    const missingParent = base.codes.map((code) => (code.id === a.id ? { ...code, parentId: firstCoding.id } : code));
    expect(problemsOf({ ...base, codes: missingParent })).toEqual([
      `codes[${base.codes.indexOf(a)}].parentId: no code with this id`,
    ]);
    const cycle = base.codes.map((code) =>
      code.id === a.id ? { ...code, parentId: b.id } : code.id === b.id ? { ...code, parentId: a.id } : code,
    );
    expect(problemsOf({ ...base, codes: cycle })).toEqual([
      `codes[${base.codes.indexOf(a)}].parentId: the code tree has a cycle through this code`,
      `codes[${base.codes.indexOf(b)}].parentId: the code tree has a cycle through this code`,
    ]);
  });

  it('finds duplicate ids', () => {
    expect(problemsOf({ ...base, codings: [firstCoding, firstCoding] })).toEqual(['codings[1].id: the same id is used twice']);
  });

  it('finds a document whose length, numbering or paragraph layout does not match its text', () => {
    expect(problemsOf(withDocument({ length: firstDocument.length + 1 }))[0]).toMatch(/^documents\[0\]\.length: is /);
    const renumbered = firstDocument.paragraphs.map((p, i) => (i === 1 ? { ...p, n: 7 } : p));
    expect(problemsOf(withDocument({ paragraphs: renumbered }))).toEqual([
      'documents[0].paragraphs[1].n: should be 2: paragraphs are numbered 1..n in order',
    ]);
    const [first, second, ...rest] = firstDocument.paragraphs;
    if (!first || !second) throw new Error('the document has paragraphs');
    // A gap: the first paragraph ends one character early.
    expect(problemsOf(withDocument({ paragraphs: [{ ...first, end: first.end - 1 }, second, ...rest] }))).toEqual([
      'documents[0].paragraphs[0].end: a paragraph must end at a line break',
      `documents[0].paragraphs[1].start: should be ${first.end}: paragraphs follow each other, one line each`,
    ]);
    // Out of order.
    expect(problemsOf(withDocument({ paragraphs: [second, first, ...rest] })).length).toBeGreaterThan(0);
    // A paragraph missing: the text then has more lines than paragraphs.
    expect(problemsOf(withDocument({ paragraphs: [first, ...rest] }))[0]).toMatch(/paragraphs but the text has/);
  });

  it('finds paragraphs of unknown speakers and documents of unknown sites, phases or links', () => {
    const [first, ...rest] = firstDocument.paragraphs;
    if (!first) throw new Error('the document has paragraphs');
    expect(problemsOf(withDocument({ paragraphs: [{ ...first, speakerId: firstCode.id }, ...rest] }))).toEqual([
      'documents[0].paragraphs[0].speakerId: no speaker with this id in the document',
    ]);
    expect(
      problemsOf(
        withDocument({
          attributes: { ...firstDocument.attributes, siteId: firstCode.id, phaseId: firstCode.id },
          linkedDocumentId: firstDocument.id,
        }),
      ),
    ).toEqual([
      'documents[0].attributes.siteId: no site with this id',
      'documents[0].attributes.phaseId: no phase with this id',
      'documents[0].linkedDocumentId: must name another document of the project',
    ]);
  });

  it('accepts an empty document without paragraphs, and refuses text without them', () => {
    const empty = withDocument({ text: '', length: 0, paragraphs: [], speakers: [] });
    const uncoded = { ...empty, codings: [], memos: base.memos.filter((m) => m.target.kind !== 'coding') };
    expect(problemsOf(uncoded)).toEqual([]);
    expect(problemsOf(withDocument({ paragraphs: [] }))).toEqual(['documents[0].paragraphs: a document with text needs paragraphs']);
  });

  it('counts length in code points, not UTF-16 units', () => {
    const text = 'P1: 😀';
    const doc = withDocument({
      text,
      length: 5,
      speakers: [],
      paragraphs: [{ n: 1, start: 0, end: 5, utteranceStart: 4, speakerId: null, timestamps: [] }],
    });
    const onlyThisDocument = { ...doc, codings: [], memos: base.memos.filter((m) => m.target.kind !== 'coding') };
    expect(problemsOf(onlyThisDocument)).toEqual([]);
    expect(problemsOf({ ...onlyThisDocument, documents: [{ ...(onlyThisDocument.documents[0] as TesseraDocument), length: 6 }, ...onlyThisDocument.documents.slice(1)] })[0]).toMatch(/length: is 6 but the text has 5 characters/);
  });
});
