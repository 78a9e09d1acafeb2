/** `tessera ratings` run as users run it, on the small study with two cases rated by hand. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeProjectFile } from '#shared/project-file/project-file';
import { applyChange } from '#shared/model/change';
import { seededRandom, seededUuidGenerator } from '#shared/model/ids';
import type { Code, ProjectSnapshot, RatingValue } from '#shared/model/types';
import { casesInOrder, defaultCasesChange } from '#shared/ratings/cases';
import { setRatingChange } from '#shared/ratings/rating-edits';
import { setDistinguishingRuleChange } from '#shared/ratings/distinguishing-rule-setting';
import { DEFAULT_DISTINGUISHING_RULE } from '#shared/ratings/distinguishing-constructs';
import { smallStudy } from '../shared/compare/small-study.ts';
import { tessera } from './run-tessera.ts';
import { wordParagraphs, wordTables } from '../shared/export/word-reader.ts';

const scratch = mkdtempSync(join(tmpdir(), 'tessera-ratings-'));
const file = join(scratch, 'rated.tessera');
const ruledFile = join(scratch, 'rated-with-rule.tessera');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** BU (high) and KA (low): Culture +2 / -1 (strong), Leadership X / +1 (insufficient once X is left out). */
function ratedStudy(): ProjectSnapshot {
  const { snapshot: base, ids, codings } = smallStudy();
  const at = '2026-03-01T10:00:00.000Z';
  const newId = seededUuidGenerator(seededRandom(5));
  const cfir = (code: Code): Code => (code.id === ids.codes.culture || code.id === ids.codes.leadership ? { ...code, origin: { kind: 'cfir', version: '2.0', elementId: code.name } } : code);
  let snapshot: ProjectSnapshot = { ...base, codes: base.codes.map(cfir) };
  snapshot = applyChange(snapshot, defaultCasesChange(snapshot, 'site', newId, at, null));
  const [bu, ka] = casesInOrder(snapshot.cases);
  if (!bu || !ka) throw new Error('no cases');
  snapshot = { ...snapshot, cases: [{ ...bu, outcomes: { implementation: 'high' } }, { ...ka, outcomes: { implementation: 'low' } }] };
  const rate = (caseId: string, codeId: string, value: RatingValue, evidence: string[]) => {
    snapshot = applyChange(snapshot, setRatingChange(snapshot, { caseId, codeId }, { value, summary: 's', rationale: 'r', evidenceCodingIds: evidence }, newId, at, null));
  };
  rate(bu.id, ids.codes.culture, '+2', [codings.c1?.id ?? '']);
  rate(ka.id, ids.codes.culture, '-1', [codings.c6?.id ?? '']);
  rate(bu.id, ids.codes.leadership, 'X', []);
  rate(ka.id, ids.codes.leadership, '+1', []);
  return snapshot;
}

beforeAll(async () => {
  const options = { appVersion: '0.1.0', savedAt: '2026-03-01T10:00:00.000Z' };
  const rated = ratedStudy();
  writeFileSync(file, await encodeProjectFile(rated, options));
  // The same ratings under a project rule that counts X as 0 and asks for a gap of 3.5 for strongly distinguishing.
  const ruled = applyChange(rated, setDistinguishingRuleChange(rated.project, { ...DEFAULT_DISTINGUISHING_RULE, mixed: 'as-zero', strongGap: 3.5 }));
  writeFileSync(ruledFile, await encodeProjectFile(ruled, options));
});

describe('tessera ratings', { timeout: 90_000 }, () => {
  it('prints the matrix as CSV with the labels and the rule in force', async () => {
    const run = await tessera('ratings', file, '--csv');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual(['construct,BU,KA,pattern', 'Inner Setting > Culture,+2,-1,Strongly distinguishing', 'Inner Setting > Leadership,X,+1,Insufficient data']);
    expect(lines[3]).toContain('X (mixed) is left out like M');
  });

  it('applies the rule given: X counted as 0 makes Leadership a pattern the wrong way round', async () => {
    const run = await tessera('ratings', file, '--csv', '--mixed-as-zero');
    expect(run.stdout.split('\n')[2]).toBe('Inner Setting > Leadership,X,+1,Mixed / no pattern');
    expect(run.stdout).toContain('X (mixed) counts as 0');
  });

  it('uses the rule saved in the project, and prints it', async () => {
    const run = await tessera('ratings', ruledFile, '--csv');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').slice(1, 3)).toEqual(['Inner Setting > Culture,+2,-1,Weakly distinguishing', 'Inner Setting > Leadership,X,+1,Mixed / no pattern']);
    expect(run.stdout).toContain('is at least 3.5 above');
    expect(run.stdout).toContain('X (mixed) counts as 0');
  });

  it('writes the matrix as a Word table with the project’s rule', async () => {
    const out = join(scratch, 'ratings.docx');
    const run = await tessera('ratings', ruledFile, '--docx', out);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Wrote');
    const bytes = new Uint8Array(readFileSync(out));
    expect(wordTables(bytes)[0]?.slice(2).map((row) => row.map((c) => c.text))).toEqual([
      ['Culture', '+2', '-1', 'Weakly distinguishing'],
      ['Leadership', 'X', '+1', 'Mixed / no pattern'],
    ]);
    expect(wordParagraphs(bytes).some((p) => p.text.includes('is at least 3.5 above'))).toBe(true);
  });

  it('prints a table with the outcomes, the legend and the rule without --csv; refuses a bad gap', async () => {
    const [table, bad] = await Promise.all([tessera('ratings', file), tessera('ratings', file, '--strong-gap', 'lots')]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^Outcome\s+high\s+low$/m);
    expect(table.stdout).toMatch(/^ {2}Culture\s+\+2\s+-1\s+Strongly distinguishing$/m);
    expect(table.stdout).toContain('M: missing');
    expect(table.stdout).toMatch(/Rule: Cases compared: "high" against "low"/);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--strong-gap is a number');
  });
});
