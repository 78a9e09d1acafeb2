/**
 * What goes beside the agreement table: each pair of three coders (the same as computing that pair alone over the
 * same documents and codes), agreement on CFIR ratings in the CSV and Word exports with their methods (the Word
 * file rendered to PNG where LibreOffice is installed, left in test-results/rendered/ to be looked at), and a
 * disagreement in its transcript.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import Papa from 'papaparse';
import { agreementCsv, PAIRWISE_NOTE, ratingSummary } from '#shared/agreement/agreement-report';
import { disagreementsBetween, transcriptContext } from '#shared/agreement/disagreements';
import { computeAgreement, pairwiseAgreement } from '#shared/agreement/project-agreement';
import { ratingAgreementOfRecords } from '#shared/agreement/rating-agreement';
import { agreementDocx } from '#shared/export/agreement-docx';
import { synthesizeStudy } from '#shared/synth/synthesize-study';
import { importPlainText } from '#shared/import/plain-text';
import { documentFromImport } from '#shared/import/document-from-import';
import { seededRandom, seededUuidGenerator, steppingClock } from '#shared/model/ids';
import { stampsAt } from '#shared/model/stamps';
import type { Coding, Rating, RatingValue } from '#shared/model/types';

const study = synthesizeStudy({ documents: 4, wordsPerDocument: 600, codes: 8, codings: 120, coders: 3, seed: 7 });
const coderIds = study.coders.map((coder) => coder.id);

describe('three coders', () => {
  it('each pair’s figures are that pair’s own table over the same documents and codes', () => {
    const all = computeAgreement(study, { coderIds, unit: 'paragraph', bootstrap: { replicates: 0, seed: 1 } });
    const pairs = pairwiseAgreement(study, all);
    expect(pairs.map((pair) => pair.coderIds)).toEqual([
      [coderIds[0], coderIds[1]],
      [coderIds[0], coderIds[2]],
      [coderIds[1], coderIds[2]],
    ]);
    for (const pair of pairs) {
      const alone = computeAgreement(study, {
        coderIds: pair.coderIds,
        unit: 'paragraph',
        documentIds: all.documents.map((d) => d.id),
        codeIds: all.codes.map((c) => c.codeId),
        bootstrap: { replicates: 0, seed: 1 },
      });
      expect(pair.overall.counts).toEqual(alone.overall.counts);
      expect(pair.overall.kappa).toBe(alone.overall.kappa);
      const counts = pair.overall.counts;
      if (!counts) throw new Error('two coders have four counts');
      // The four counts cover every (code, paragraph) of the documents.
      const paragraphs = all.documents.reduce((sum, d) => sum + d.paragraphs.length, 0);
      expect(counts.n11 + counts.n10 + counts.n01 + counts.n00).toBe(paragraphs * all.codes.length);
    }
  });
});

const STAMP = '2026-01-01T00:00:00.000Z';
const rating = (id: string, coder: string, codeId: string, value: RatingValue): Rating => ({
  id,
  projectId: 'p',
  caseId: 'case-bu',
  codeId,
  value,
  summary: '',
  rationale: '',
  evidenceCodingIds: [],
  ...stampsAt(STAMP, coder),
});
const ratingRecords = [
  rating('r1', coderIds[0] as string, 'c1', '+2'),
  rating('r2', coderIds[1] as string, 'c1', '+1'),
  rating('r3', coderIds[0] as string, 'c2', '-1'),
  rating('r4', coderIds[1] as string, 'c2', '-1'),
  rating('r5', coderIds[2] as string, 'c2', 'M'),
  rating('r6', coderIds[0] as string, 'c3', '0'),
  rating('r7', coderIds[2] as string, 'c3', '-2'),
];

const scratch = mkdtempSync(join(tmpdir(), 'tessera-agreement-extras-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const has = (command: string) => spawnSync(command, ['--version'], { encoding: 'utf8' }).error === undefined;
const tools = has('soffice') && has('pdftoppm') && has('pdftotext');
if (!tools) console.warn('SKIPPED rendering the agreement Word export: soffice, pdftoppm or pdftotext is missing.');

describe('exports with pairs and ratings', () => {
  const result = computeAgreement(study, { coderIds, unit: 'character', bootstrap: { replicates: 50, seed: 2 } });
  const pairs = pairwiseAgreement(study, result);
  const ratings = ratingAgreementOfRecords(ratingRecords, coderIds);

  it('ratings: three cells pairable, one M left out', () => {
    expect(ratings.pairableCells).toBe(3);
    expect(ratings.pairableValues).toBe(6);
    expect(ratings.excludedMixedOrMissing).toBe(1);
    expect(ratingSummary(ratings)).toMatch(/over 3 construct × case cells .*\(6 ratings\); 1 rating X or M treated as missing/);
  });

  it('CSV: the pairs under their heading and the ratings with their method', () => {
    const rows = Papa.parse<string[]>(agreementCsv(result, { pairs, ratings })).data;
    const at = rows.findIndex((row) => row[0] === 'Pairs of coders (all codes pooled)');
    expect(at).toBeGreaterThan(0);
    const names = study.coders.map((c) => c.name);
    expect(rows[at + 1]?.[0]).toBe(`${names[0]} – ${names[1]}`);
    expect(rows[at + 1]?.[2]).toBe(String(pairs[0]?.overall.counts?.n11));
    expect(rows[at + 4]?.[0]).toBe(PAIRWISE_NOTE);
    expect(rows.some((row) => row[0] === ratingSummary(ratings))).toBe(true);
    expect(rows.some((row) => row[0] === `Method (ratings): ${ratings.method}`)).toBe(true);
  });

  it('Word: the pairs, the ratings and both methods; rendered, it lays out as pages', { timeout: 180_000 }, async () => {
    const bytes = await agreementDocx(result, { title: 'Intercoder agreement: three coders', subtitle: 'Rendering test.' }, { pairs, ratings });
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(text).toContain('Pairs of coders (all codes pooled)');
    expect(text).toContain(ratingSummary(ratings));
    expect(text).toContain(ratings.method);
    expect(text).toContain('Per document (all codes pooled within each)');
    if (!tools) return;
    const docx = join(scratch, 'agreement.docx');
    writeFileSync(docx, bytes);
    const convert = spawnSync('soffice', [`-env:UserInstallation=file://${join(scratch, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', scratch, docx], {
      encoding: 'utf8',
      timeout: 150_000,
    });
    expect(convert.status, convert.stderr).toBe(0);
    const shots = resolve('test-results', 'rendered');
    mkdirSync(shots, { recursive: true });
    const png = spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', join(scratch, 'agreement.pdf'), join(shots, 'agreement')], { encoding: 'utf8' });
    expect(png.status, png.stderr).toBe(0);
    expect(statSync(join(shots, 'agreement-1.png')).size).toBeGreaterThan(8_000);
    const pdf = spawnSync('pdftotext', ['-layout', join(scratch, 'agreement.pdf'), '-'], { encoding: 'utf8' }).stdout;
    expect(pdf).toContain('Pairs of coders');
    expect(pdf).toContain('CFIR ratings');
  });
});

describe('a disagreement in its transcript', () => {
  it('shows the paragraphs around it, cut where either coder’s coding or the disputed passage begins or ends', () => {
    const newId = seededUuidGenerator(seededRandom(5));
    const text = ['M: Welcome.', 'P1: The ward was full and nurses were busy.', 'P2: Peer workers helped.', 'M: Thank you.'].join('\n');
    const document = documentFromImport(importPlainText('t.txt', new TextEncoder().encode(text)), {
      projectId: 'p',
      name: 'BU_pre',
      kind: 'transcript',
      attributes: { siteId: null, phaseId: null, language: '', date: '', extra: {} },
      sourceFileName: 't.txt',
      newId,
      now: steppingClock(STAMP),
    });
    const at = (needle: string) => [...text.slice(0, text.indexOf(needle))].length;
    const coding = (id: string, coder: string, needle: string): Coding => ({
      id,
      projectId: 'p',
      documentId: document.id,
      codeId: 'busy',
      start: at(needle),
      end: at(needle) + needle.length,
      ...stampsAt(STAMP, coder),
    });
    const codings = [coding('1', 'a', 'The ward was full and nurses were busy.'), coding('2', 'b', 'nurses were busy.')];
    const [disagreement] = disagreementsBetween({ documents: [document], codings }, 'a', 'b');
    if (!disagreement) throw new Error('one disagreement');
    const context = transcriptContext(document, codings, disagreement);
    expect(context.map((p) => p.n)).toEqual([1, 2, 3]);
    const second = context[1]?.runs ?? [];
    expect(second.map((run) => run.text)).toEqual(['P1: ', 'The ward was full and ', 'nurses were busy.']);
    expect(second.map((run) => [run.first, run.second, run.disputed])).toEqual([
      [false, false, false],
      [true, false, true],
      [true, true, false],
    ]);
    expect(context[0]?.runs.map((run) => run.text).join('')).toBe('M: Welcome.');
  });
});
