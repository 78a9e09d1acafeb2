/** The agreement table's exports: CSV and Word both carry the counts, the pooled rows and the method paragraph. */
import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import Papa from 'papaparse';
import { agreementCsv, agreementMethod } from '#shared/agreement/agreement-report';
import { computeAgreement, type AgreementInput } from '#shared/agreement/project-agreement';
import { agreementDocx } from '#shared/export/agreement-docx';
import type { Code, Coding } from '#shared/model/types';
import { stampsAt } from '#shared/model/stamps';

const STAMP = '2026-01-01T00:00:00.000Z';
const code: Code = {
  id: 'trust',
  projectId: 'p',
  parentId: null,
  name: 'Trust',
  color: '#336699',
  description: '',
  inclusion: '',
  exclusion: '',
  example: '',
  order: 0,
  origin: { kind: 'inductive' },
  isCodable: true,
  isHidden: false,
  ...stampsAt(STAMP),
};
const coding = (id: string, coderId: string, start: number, end: number): Coding => ({
  id,
  projectId: 'p',
  documentId: 'd',
  codeId: 'trust',
  start,
  end,
  ...stampsAt(STAMP, coderId),
});
const input: AgreementInput = {
  coders: [
    { id: 'a', projectId: 'p', name: 'Amara', initials: 'AN', ...stampsAt(STAMP) },
    { id: 'b', projectId: 'p', name: 'Ben', initials: 'BO', ...stampsAt(STAMP) },
  ],
  documents: [{ id: 'd', name: 'BU_pre_FGD', length: 50, paragraphs: [{ n: 1, start: 0, end: 24, utteranceStart: 0, speakerId: null, timestamps: [] }, { n: 2, start: 25, end: 50, utteranceStart: 25, speakerId: null, timestamps: [] }] }],
  codes: [code],
  codings: [coding('1', 'a', 0, 20), coding('2', 'b', 10, 30)],
};
const result = computeAgreement(input, { coderIds: ['a', 'b'], unit: 'character', bootstrap: { replicates: 50, seed: 1 } });

describe('agreement exports', () => {
  it('CSV: a header, the code and pooled rows with their four counts, the per-document rows and the method', () => {
    const rows = Papa.parse<string[]>(agreementCsv(result)).data;
    expect(rows[0]?.slice(0, 6)).toEqual(['Code', 'Units', 'n11', 'n10', 'n01', 'n00']);
    // A = [0,20), B = [10,30): n11 = 10, n10 = 10, n01 = 10, n00 = 20.
    expect(rows[1]?.slice(0, 6)).toEqual(['Trust', '50', '10', '10', '10', '20']);
    expect(rows[2]?.[0]).toBe('All codes (1 pooled)');
    expect(rows.some((row) => row[0] === 'BU_pre_FGD')).toBe(true);
    expect(rows[rows.length - 1]?.[0]).toBe(`Method: ${agreementMethod(result)}`);
  });

  it('Word: the table and the method paragraph', async () => {
    const bytes = await agreementDocx(result, { title: 'Intercoder agreement: test', subtitle: 'Amara and Ben.' });
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(text).toMatch(/Intercoder agreement: test/);
    expect(text).toMatch(/Trust\s+50\s+10\s+10\s+10\s+20/);
    expect(text).toMatch(/Cohen’s kappa = \(po − pe\) \/ \(1 − pe\)/);
  });
});
