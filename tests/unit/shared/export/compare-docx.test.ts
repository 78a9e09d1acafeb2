/**
 * The rating matrix and a code matrix as Word tables: read back cell by cell, then rendered as a reader sees them
 * (LibreOffice headless to PDF, pdftoppm to PNG, left in test-results/rendered/ to be looked at). The rendering is
 * skipped, saying so, where soffice or pdftoppm is not installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyChange } from '#shared/model/change';
import { seededRandom, seededUuidGenerator } from '#shared/model/ids';
import type { Code, ProjectSnapshot, RatingValue } from '#shared/model/types';
import { buildProjectIndex } from '#shared/index/project-index';
import { NO_FILTER } from '#shared/coding/segment-filter';
import { computeCodeMatrix } from '#shared/compare/code-matrix';
import { casesInOrder, defaultCasesChange, setCaseOutcomeChange } from '#shared/ratings/cases';
import { setRatingChange } from '#shared/ratings/rating-edits';
import { computeRatingMatrix } from '#shared/ratings/rating-matrix';
import { DEFAULT_DISTINGUISHING_RULE } from '#shared/ratings/distinguishing-constructs';
import { codeMatrixDocx, ratingMatrixDocx } from '#shared/export/compare-docx';
import { smallStudy } from '../compare/small-study.ts';
import { wordParagraphs, wordTables } from './word-reader.ts';

const AT = '2026-03-01T10:00:00.000Z';

/** BU (high) and KA (low) rated on Culture, Leadership and Cost. */
function ratedStudy(): ProjectSnapshot {
  const { snapshot: base, ids } = smallStudy();
  const cfir = (code: Code): Code => (code.id === ids.codes.culture || code.id === ids.codes.leadership || code.id === ids.codes.cost ? { ...code, origin: { kind: 'cfir', version: '2.0', elementId: code.name } } : code);
  let snapshot: ProjectSnapshot = { ...base, codes: base.codes.map(cfir) };
  const newId = seededUuidGenerator(seededRandom(4));
  snapshot = applyChange(snapshot, defaultCasesChange(snapshot, 'site', newId, AT, null));
  const [bu, ka] = casesInOrder(snapshot.cases);
  if (!bu || !ka) throw new Error('no cases');
  snapshot = applyChange(snapshot, setCaseOutcomeChange(snapshot, bu.id, 'implementation', 'high'));
  snapshot = applyChange(snapshot, setCaseOutcomeChange(snapshot, ka.id, 'implementation', 'low'));
  const rate = (caseId: string, codeId: string, value: RatingValue) => {
    snapshot = applyChange(snapshot, setRatingChange(snapshot, { caseId, codeId }, { value, summary: '', rationale: '', evidenceCodingIds: [] }, newId, AT, null));
  };
  rate(bu.id, ids.codes.culture, '+2');
  rate(ka.id, ids.codes.culture, '-1');
  rate(bu.id, ids.codes.leadership, 'X');
  rate(ka.id, ids.codes.cost, 'M');
  return snapshot;
}

const scratch = mkdtempSync(join(tmpdir(), 'tessera-compare-docx-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the rating matrix as a Word table', () => {
  const snapshot = ratedStudy();
  const matrix = computeRatingMatrix(snapshot, { ...DEFAULT_DISTINGUISHING_RULE, mixed: 'as-zero' });

  it('prints constructs under their domain, cases with their outcome, shaded ratings, patterns, legend and rule', async () => {
    const bytes = await ratingMatrixDocx(matrix, { title: 'Small study: CFIR construct ratings by case', subtitle: 'Exported from Tessera.' });
    const [table, legend] = wordTables(bytes);
    expect(table?.map((row) => row.map((c) => c.text))).toEqual([
      ['Construct', 'BU\nhigh', 'KA\nlow', 'Pattern'],
      ['Inner Setting'],
      ['Culture', '+2', '-1', 'Strongly distinguishing'],
      ['Leadership', 'X', '', 'Insufficient data'],
      ['Innovation'],
      ['Cost', '', 'M', 'Insufficient data'],
    ]);
    // +2 is the blue end of RdBu, -1 a light red; X grey, M white; an unrated cell has no shading.
    const fills = table?.[2]?.slice(1, 3).map((c) => c.fill) ?? [];
    expect(parseInt(fills[0]?.slice(4, 6) ?? '0', 16)).toBeGreaterThan(parseInt(fills[0]?.slice(0, 2) ?? '0', 16));
    expect(parseInt(fills[1]?.slice(0, 2) ?? '0', 16)).toBeGreaterThan(parseInt(fills[1]?.slice(4, 6) ?? '0', 16));
    expect(table?.[3]?.[1]?.fill).toBe('BDBDBD');
    expect(table?.[3]?.[2]?.fill).toBe('');
    expect(legend?.map((row) => row[0]?.text)).toEqual(['+2', '+1', '0', '-1', '-2', 'X', 'M']);
    const text = wordParagraphs(bytes).map((p) => p.text).join('\n');
    expect(text).toContain('Rule in force. Cases compared: "high" against "low" implementation.');
    expect(text).toContain('X (mixed) counts as 0');
    writeFileSync(join(scratch, 'ratings.docx'), bytes);
  });
});

describe('a code matrix as a Word table', () => {
  const { snapshot } = smallStudy();
  const matrix = computeCodeMatrix(buildProjectIndex(snapshot), snapshot, { grouping: { kind: 'site-phase' }, filter: NO_FILTER });

  it('prints the codes as the tree, each column with its N, the figures, the filter and the method', async () => {
    const bytes = await codeMatrixDocx(matrix, 'coverage', { title: 'Small study: share of text coded by site x phase', subtitle: 'Exported from Tessera.' });
    const [table] = wordTables(bytes);
    // Culture in BU pre: "training helped" (15) + "Money" (5) of 54 code points.
    expect(table?.map((row) => row.map((c) => c.text))).toEqual([
      ['Code\nN documents / words', 'BU pre\n1 / 10', 'BU post\n1 / 5', 'KA pre\n1 / 4', 'KA post\n0 / 0'],
      ['Inner Setting', '48.1', '65.4', '33.3', '–'],
      ['Culture', '37.0', '0.0', '33.3', '–'],
      ['Leadership', '22.2', '65.4', '0.0', '–'],
      ['Innovation', '16.7', '0.0', '0.0', '–'],
      ['Cost', '16.7', '0.0', '0.0', '–'],
    ]);
    const text = wordParagraphs(bytes).map((p) => p.text).join('\n');
    expect(text).toContain('Share of text coded (%) by site x phase.');
    expect(text).toContain('Filter: none');
    expect(text).toContain(matrix.method);
    writeFileSync(join(scratch, 'matrix.docx'), bytes);
  });
});

const has = (command: string) => spawnSync(command, ['--version'], { encoding: 'utf8' }).error === undefined;
const tools = has('soffice') && has('pdftoppm');
if (!tools) console.warn('SKIPPED rendering the compare Word exports: soffice or pdftoppm is missing.');

describe.skipIf(!tools)('the compare Word tables, rendered', () => {
  it('lay out as landscape pages', { timeout: 180_000 }, () => {
    const shots = resolve('test-results', 'rendered');
    mkdirSync(shots, { recursive: true });
    const names = ['ratings', 'matrix'];
    const convert = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${join(scratch, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', scratch, ...names.map((n) => join(scratch, `${n}.docx`))],
      { encoding: 'utf8', timeout: 150_000 },
    );
    expect(convert.status, convert.stderr).toBe(0);
    for (const name of names) {
      const png = spawnSync('pdftoppm', ['-png', '-r', '80', '-singlefile', join(scratch, `${name}.pdf`), join(shots, `compare-${name}`)], { encoding: 'utf8' });
      expect(png.status, png.stderr).toBe(0);
    }
  });
});
