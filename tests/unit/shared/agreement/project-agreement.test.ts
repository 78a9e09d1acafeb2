/**
 * Agreement over a project: each unit's counts checked by hand on a small study, and against a brute-force count
 * over per-character arrays on random studies (the real code never builds those arrays).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohenKappa, krippendorffAlpha, percentAgreement } from '#shared/agreement/coefficients';
import { computeAgreement, documentFigures, type AgreementDocument, type AgreementInput, type AgreementUnit } from '#shared/agreement/project-agreement';
import type { Code, CodeOrigin, Coder, Coding, Paragraph } from '#shared/model/types';
import { stampsAt } from '#shared/model/stamps';

const STAMP = '2026-01-01T00:00:00.000Z';
const coder = (id: string, name: string): Coder => ({ id, projectId: 'p', name, initials: name.slice(0, 2), ...stampsAt(STAMP) });
const code = (id: string, name: string, parentId: string | null, origin: CodeOrigin = { kind: 'inductive' }, isCodable = true): Code => ({
  id,
  projectId: 'p',
  parentId,
  name,
  color: '#336699',
  description: '',
  inclusion: '',
  exclusion: '',
  example: '',
  order: 0,
  origin,
  isCodable,
  isHidden: false,
  ...stampsAt(STAMP),
});
let codingNumber = 0;
const coding = (documentId: string, codeId: string, coderId: string, start: number, end: number): Coding => ({
  id: `coding-${++codingNumber}`,
  projectId: 'p',
  documentId,
  codeId,
  start,
  end,
  ...stampsAt(STAMP, coderId),
});
const paragraph = (n: number, start: number, end: number, speakerId: string | null): Paragraph => ({
  n,
  start,
  end,
  utteranceStart: start,
  speakerId,
  timestamps: [],
});

// D1: 30 code points, paragraphs [0,9) [10,19) by S1 (one turn) and [20,30) by S2.
const D1: AgreementDocument = {
  id: 'd1',
  name: 'BU_pre_FGD',
  length: 30,
  paragraphs: [paragraph(1, 0, 9, 's1'), paragraph(2, 10, 19, 's1'), paragraph(3, 20, 30, 's2')],
};
const D2: AgreementDocument = { id: 'd2', name: 'BU_post_FGD', length: 12, paragraphs: [paragraph(1, 0, 12, 's1')] };
const SMALL_STUDY: AgreementInput = {
  coders: [coder('a', 'Amara'), coder('b', 'Bongani'), coder('c', 'Chen')],
  documents: [D1, D2],
  codes: [
    code('outer', 'Outer Setting', null, { kind: 'cfir', version: '2.0', elementId: '2.0.II' }, false),
    code('x', 'Critical Incidents', 'outer', { kind: 'cfir', version: '2.0', elementId: '2.0.II.A' }),
    code('y', 'Stigma', null),
  ],
  codings: [
    coding('d1', 'x', 'a', 2, 8),
    coding('d1', 'x', 'a', 12, 15),
    coding('d1', 'x', 'a', 13, 14), // inside the one before: the union counts it once
    coding('d1', 'x', 'b', 4, 10), // runs onto the line break after paragraph 1
    coding('d1', 'x', 'b', 22, 25),
    coding('d1', 'y', 'b', 0, 3),
    coding('d2', 'y', 'a', 0, 5), // only Amara coded D2
  ],
};

describe('agreement of two coders on a small study, counted by hand', () => {
  it('character: every code point is a unit', () => {
    const result = computeAgreement(SMALL_STUDY, { coderIds: ['a', 'b'], unit: 'character' });
    expect(result.documents.map((d) => d.id)).toEqual(['d1']); // D2 was coded by Amara only
    const x = result.codes.find((c) => c.codeId === 'x');
    // A = [2,8) ∪ [12,15) = 9, B = [4,10) ∪ [22,25) = 9, A ∩ B = [4,8) = 4; N = 30.
    expect(x?.counts).toEqual({ n11: 4, n10: 5, n01: 5, n00: 16 });
    expect(x?.code).toBe('Outer Setting › Critical Incidents');
    expect(x?.domainId).toBe('2.0.II');
    // One document: its figures are the pooled ones.
    expect(documentFigures(x?.byDocument[0] as never)).toEqual({ ...x, codeId: undefined, code: undefined, domainId: undefined, byDocument: undefined });
    const y = result.codes.find((c) => c.codeId === 'y');
    expect(y?.counts).toEqual({ n11: 0, n10: 0, n01: 3, n00: 27 });
    // Over all codes: the sum of the two tables.
    expect(result.overall.counts).toEqual({ n11: 4, n10: 5, n01: 8, n00: 43 });
    expect(result.overall.kappa).toBeCloseTo(cohenKappa({ n11: 4, n10: 5, n01: 8, n00: 43 }) as number, 12);
    expect(result.overall.percent).toBeCloseTo(47 / 60, 12);
    expect(result.domains).toHaveLength(1);
    expect(result.domains[0]?.domain).toBe('II Outer Setting');
    expect(result.domains[0]?.counts).toEqual({ n11: 4, n10: 5, n01: 5, n00: 16 });
  });

  it('paragraph: a unit is coded when a coding overlaps it', () => {
    const result = computeAgreement(SMALL_STUDY, { coderIds: ['a', 'b'], unit: 'paragraph' });
    // A touches ¶1, ¶2; B touches ¶1 (its [4,10) ends on the line break) and ¶3.
    expect(result.codes.find((c) => c.codeId === 'x')?.counts).toEqual({ n11: 1, n10: 1, n01: 1, n00: 0 });
    expect(result.codes.find((c) => c.codeId === 'y')?.counts).toEqual({ n11: 0, n10: 0, n01: 1, n00: 2 });
  });

  it('turn: consecutive paragraphs of one speaker are one unit', () => {
    const result = computeAgreement(SMALL_STUDY, { coderIds: ['a', 'b'], unit: 'turn' });
    // Turns: ¶1-2 (S1) and ¶3 (S2). A touches turn 1; B touches turns 1 and 2.
    expect(result.codes.find((c) => c.codeId === 'x')?.counts).toEqual({ n11: 1, n10: 0, n01: 1, n00: 0 });
  });

  it('a chosen document that one coder did not code adds no units (its values are missing)', () => {
    const result = computeAgreement(SMALL_STUDY, { coderIds: ['a', 'b'], unit: 'character', documentIds: ['d1', 'd2'] });
    expect(result.codes.find((c) => c.codeId === 'y')?.counts).toEqual({ n11: 0, n10: 0, n01: 3, n00: 27 });
    expect(result.overall.byDocument.map((d) => d.units)).toEqual([60, 0]);
  });

  it('the interval is the same for the same seed and holds the pooled figure', () => {
    const options = { coderIds: ['a', 'b'], unit: 'character' as const, bootstrap: { replicates: 400, seed: 3 } };
    const first = computeAgreement(SMALL_STUDY, options);
    const second = computeAgreement(SMALL_STUDY, options);
    expect(first.overall.kappaInterval).toEqual(second.overall.kappaInterval);
    expect(first.overall.alphaInterval).toEqual(second.overall.alphaInterval);
  });

  it('blocks that are all alike give an interval of one point', () => {
    // Four paragraphs of 10 code points (line break included), each coded alike: every replicate is the same table.
    const document: AgreementDocument = {
      id: 'd',
      name: 'D',
      length: 40,
      paragraphs: [0, 1, 2, 3].map((i) => paragraph(i + 1, i * 10, i * 10 + 9, null)),
    };
    const codings = [0, 1, 2, 3].flatMap((i) => [coding('d', 'y', 'a', i * 10, i * 10 + 6), coding('d', 'y', 'b', i * 10 + 2, i * 10 + 8)]);
    const result = computeAgreement({ ...SMALL_STUDY, documents: [document], codings }, { coderIds: ['a', 'b'], unit: 'character' });
    expect(result.overall.counts).toEqual({ n11: 16, n10: 8, n01: 8, n00: 8 });
    const kappa = result.overall.kappa as number;
    expect(result.overall.kappaInterval?.[0]).toBeCloseTo(kappa, 12);
    expect(result.overall.kappaInterval?.[1]).toBeCloseTo(kappa, 12);
  });

  it('refuses fewer than two coders and unknown ids', () => {
    expect(() => computeAgreement(SMALL_STUDY, { coderIds: ['a', 'a'], unit: 'character' })).toThrow(/two different coders/);
    expect(() => computeAgreement(SMALL_STUDY, { coderIds: ['a', 'z'], unit: 'character' })).toThrow(/No coder/);
  });
});

/** A random study: documents of random paragraphs, two codes, codings by three coders (some documents not coded by all). */
const studyArbitrary = fc
  .array(
    fc.record({
      paragraphs: fc.array(fc.record({ length: fc.integer({ min: 0, max: 8 }), speaker: fc.constantFrom('s1', 's2', null) }), { minLength: 1, maxLength: 5 }),
      codings: fc.array(
        fc.record({ code: fc.constantFrom('x', 'y'), coder: fc.constantFrom('a', 'b', 'c'), start: fc.nat(45), size: fc.integer({ min: 1, max: 12 }) }),
        { maxLength: 10 },
      ),
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map((documents) => {
    const built = documents.map((spec, d) => {
      let at = 0;
      const paragraphs = spec.paragraphs.map((p, i) => {
        const made = paragraph(i + 1, at, at + p.length, p.speaker);
        at += p.length + 1;
        return made;
      });
      const length = Math.max(0, at - 1);
      const document: AgreementDocument = { id: `d${d}`, name: `D${d}`, length, paragraphs };
      const codings = spec.codings
        .filter((c) => c.start < length)
        .map((c) => coding(document.id, c.code, c.coder, c.start, Math.min(length, c.start + c.size)));
      return { document, codings };
    });
    return {
      ...SMALL_STUDY,
      documents: built.map((b) => b.document),
      codings: built.flatMap((b) => b.codings),
    } satisfies AgreementInput;
  });

/** Per unit, per code, per coder: coded or not (null where the coder made no coding in the document), by brute force. */
function bruteForceUnits(input: AgreementInput, coderIds: readonly string[], unit: AgreementUnit, codeId: string): (0 | 1 | null)[][] {
  const rows: (0 | 1 | null)[][] = [];
  for (const document of input.documents) {
    const present = coderIds.map((id) => input.codings.some((c) => c.documentId === document.id && c.createdBy === id));
    const covered = coderIds.map((id) => {
      const chars = new Array<boolean>(document.length).fill(false);
      for (const c of input.codings) if (c.documentId === document.id && c.createdBy === id && c.codeId === codeId) for (let i = c.start; i < c.end; i++) chars[i] = true;
      return chars;
    });
    const value = (coderIndex: number, isCoded: boolean): 0 | 1 | null => (present[coderIndex] ? (isCoded ? 1 : 0) : null);
    if (unit === 'character') {
      for (let i = 0; i < document.length; i++) rows.push(coderIds.map((_, k) => value(k, covered[k]?.[i] ?? false)));
      continue;
    }
    const paragraphCoded = document.paragraphs.map((p) => coderIds.map((_, k) => covered[k]?.slice(p.start, p.end).some(Boolean) ?? false));
    if (unit === 'paragraph') {
      for (const coded of paragraphCoded) rows.push(coded.map((isCoded, k) => value(k, isCoded)));
      continue;
    }
    let turn: boolean[] | null = null;
    document.paragraphs.forEach((p, i) => {
      const startsTurn = i === 0 || p.speakerId === null || p.speakerId !== document.paragraphs[i - 1]?.speakerId;
      if (startsTurn) {
        if (turn) rows.push(turn.map((isCoded, k) => value(k, isCoded)));
        turn = [...(paragraphCoded[i] as boolean[])];
      } else {
        turn = (turn as boolean[]).map((isCoded, k) => isCoded || (paragraphCoded[i]?.[k] ?? false));
      }
    });
    if (turn) rows.push((turn as boolean[]).map((isCoded, k) => value(k, isCoded)));
  }
  return rows;
}

describe('agreement equals a brute-force count over every unit', () => {
  it.each(['character', 'paragraph', 'turn'] as const)('%s units, two and three coders', (unit) => {
    fc.assert(
      fc.property(studyArbitrary, (study) => {
        const allDocuments = study.documents.map((d) => d.id);
        for (const coderIds of [['a', 'b'], ['a', 'b', 'c']]) {
          const result = computeAgreement(study, { coderIds, unit, documentIds: allDocuments, codeIds: ['x', 'y'], bootstrap: { replicates: 0, seed: 1 } });
          for (const codeId of ['x', 'y']) {
            const rows = bruteForceUnits(study, coderIds, unit, codeId);
            const figures = result.codes.find((c) => c.codeId === codeId);
            const expectedAlpha = krippendorffAlpha(rows, 'nominal');
            const alpha = figures?.alpha ?? null;
            if ((expectedAlpha === null) !== (alpha === null)) return false;
            if (expectedAlpha !== null && Math.abs(expectedAlpha - (alpha as number)) > 1e-9) return false;
            if (coderIds.length === 2) {
              const paired = rows.filter((row) => row[0] !== null && row[1] !== null);
              const counts = {
                n11: paired.filter((r) => r[0] === 1 && r[1] === 1).length,
                n10: paired.filter((r) => r[0] === 1 && r[1] === 0).length,
                n01: paired.filter((r) => r[0] === 0 && r[1] === 1).length,
                n00: paired.filter((r) => r[0] === 0 && r[1] === 0).length,
              };
              expect(figures?.counts).toEqual(counts);
              expect(figures?.percent ?? null).toBe(percentAgreement(counts));
            }
          }
        }
        return true;
      }),
      { numRuns: 150 },
    );
  });
});
