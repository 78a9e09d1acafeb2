/**
 * `tessera agreement` run as users run it, on synthetic studies made by `tessera synth`: the JSON shape of the
 * issue, counts that add up and figures that recompute from them, the table with its method, and usage errors.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeProjectFile, encodeProjectFile } from '#shared/project-file/project-file';
import { stampsAt } from '#shared/model/stamps';
import type { Rating, RatingValue } from '#shared/model/types';
import { tessera } from './run-tessera.ts';

const scratch = mkdtempSync(join(tmpdir(), 'tessera-agreement-'));
const twoCoders = join(scratch, 'two.tessera');
const threeCoders = join(scratch, 'three.tessera');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
beforeAll(async () => {
  const runs = await Promise.all([
    tessera('synth', '-o', twoCoders, '--docs', '4', '--words', '800', '--codes', '12', '--codings', '150', '--coders', '2'),
    tessera('synth', '-o', threeCoders, '--docs', '3', '--words', '600', '--codes', '10', '--codings', '120', '--coders', '3', '--seed', '5'),
  ]);
  for (const run of runs) expect(run.code, run.stderr).toBe(0);
}, 60_000);

interface CodeRow {
  codeId: string;
  code: string;
  n11: number | null;
  n10: number | null;
  n01: number | null;
  n00: number | null;
  percent: number | null;
  kappa: number | null;
  alpha: number | null;
  brennanPrediger: number | null;
}

const kappaOf = (r: { n11: number; n10: number; n01: number; n00: number }): number => {
  const n = r.n11 + r.n10 + r.n01 + r.n00;
  const po = (r.n11 + r.n00) / n;
  const pA = (r.n11 + r.n10) / n;
  const pB = (r.n11 + r.n01) / n;
  const pe = pA * pB + (1 - pA) * (1 - pB);
  return (po - pe) / (1 - pe);
};

describe('tessera agreement --json', () => {
  it('prints unit, coders, documents, codes and overall as the issue names them, with figures that recompute', async () => {
    const run = await tessera('agreement', twoCoders, '--coders', 'AN,Jonas Weber', '--unit', 'character', '--json');
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as {
      unit: string;
      coders: string[];
      documents: number;
      codes: CodeRow[];
      overall: CodeRow & { kappaInterval: [number, number]; alphaInterval: [number, number]; method: string };
    };
    expect(Object.keys(report)).toEqual(['unit', 'coders', 'documents', 'codes', 'overall']);
    expect(report.unit).toBe('character');
    expect(report.coders).toEqual(['Amara Nakato', 'Jonas Weber']);
    expect(report.documents).toBe(4);
    expect(report.codes.length).toBeGreaterThan(3);
    const { snapshot } = await decodeProjectFile(new Uint8Array(readFileSync(twoCoders)));
    const totalLength = snapshot.documents.reduce((sum, d) => sum + d.length, 0);
    for (const row of report.codes) {
      expect(Object.keys(row)).toEqual(['codeId', 'code', 'n11', 'n10', 'n01', 'n00', 'percent', 'kappa', 'alpha', 'brennanPrediger']);
      const counts = { n11: row.n11 as number, n10: row.n10 as number, n01: row.n01 as number, n00: row.n00 as number };
      // Every character of every document is one unit for every code.
      expect(counts.n11 + counts.n10 + counts.n01 + counts.n00).toBe(totalLength);
      expect(row.percent).toBeCloseTo((counts.n11 + counts.n00) / totalLength, 5);
      expect(row.kappa).toBeCloseTo(kappaOf(counts), 5);
      expect(row.brennanPrediger).toBeCloseTo(2 * (row.percent as number) - 1, 5);
    }
    const sum = (key: 'n11' | 'n10' | 'n01' | 'n00'): number => report.codes.reduce((total, row) => total + (row[key] as number), 0);
    expect([report.overall.n11, report.overall.n10, report.overall.n01, report.overall.n00]).toEqual([sum('n11'), sum('n10'), sum('n01'), sum('n00')]);
    const [low, high] = report.overall.kappaInterval;
    expect(low).toBeLessThanOrEqual(report.overall.kappa as number);
    expect(high).toBeGreaterThanOrEqual(report.overall.kappa as number);
    expect(report.overall.alphaInterval[0]).toBeLessThanOrEqual(report.overall.alpha as number);
    expect(report.overall.method).toMatch(/character level/);

    // Seeded: the same project gives the same intervals.
    const again = JSON.parse((await tessera('agreement', twoCoders, '--coders', 'AN,JW', '--unit', 'character', '--json')).stdout) as typeof report;
    expect(again.overall.kappaInterval).toEqual(report.overall.kappaInterval);
  }, 30_000);

  it('paragraph and turn units count paragraphs and turns; --codes narrows the codes', async () => {
    const { snapshot } = await decodeProjectFile(new Uint8Array(readFileSync(twoCoders)));
    const paragraphs = snapshot.documents.reduce((sum, d) => sum + d.paragraphs.length, 0);
    const paragraphRun = JSON.parse((await tessera('agreement', twoCoders, '--coders', 'AN,JW', '--unit', 'paragraph', '--json', '--replicates', '0')).stdout) as { codes: CodeRow[] };
    for (const row of paragraphRun.codes) expect((row.n11 as number) + (row.n10 as number) + (row.n01 as number) + (row.n00 as number)).toBe(paragraphs);
    // A code with no codes beneath it (a code given by --codes stands for itself and the codes beneath it).
    const first = paragraphRun.codes.find((row) => !paragraphRun.codes.some((other) => other.code.startsWith(`${row.code} › `))) as CodeRow;
    const narrowed = JSON.parse((await tessera('agreement', twoCoders, '--coders', 'AN,JW', '--unit', 'turn', '--codes', first.code, '--json')).stdout) as { codes: CodeRow[] };
    expect(narrowed.codes.map((row) => row.codeId)).toEqual([first.codeId]);
    expect((narrowed.codes[0]?.n11 as number) + (narrowed.codes[0]?.n10 as number)).toBeLessThanOrEqual((first.n11 as number) + (first.n10 as number));
  }, 30_000);

  it('three coders: alpha and percent, no kappa or four counts', async () => {
    const run = await tessera('agreement', threeCoders, '--coders', 'AN,JW,Noa Levi', '--unit', 'paragraph', '--json');
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { coders: string[]; overall: CodeRow };
    expect(report.coders).toEqual(['Amara Nakato', 'Jonas Weber', 'Noa Levi']);
    expect(report.overall.kappa).toBeNull();
    expect(report.overall.n11).toBeNull();
    expect(report.overall.alpha).not.toBeNull();
    expect(report.overall.percent).toBeGreaterThan(0);
  }, 30_000);
});

describe('tessera agreement as a table, and its usage errors', () => {
  it('prints the table with a row per code, the pooled rows and the method paragraph', async () => {
    const run = await tessera('agreement', twoCoders, '--coders', 'AN,JW', '--unit', 'turn');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Code +Units +n11 +n10 +n01 +n00 +Percent agreement/);
    expect(run.stdout).toMatch(/^All codes \(\d+ pooled\)/m);
    expect(run.stdout).toMatch(/speaker turn level/);
    expect(run.stdout).toMatch(/Cohen’s kappa = \(po − pe\) \/ \(1 − pe\)/);
  }, 30_000);

  it('refuses an unknown coder, one coder, and an unknown unit, with usage and exit 2', async () => {
    const runs = await Promise.all([
      tessera('agreement', twoCoders, '--coders', 'AN,Zed', '--unit', 'character'),
      tessera('agreement', twoCoders, '--coders', 'AN,an', '--unit', 'character'),
      tessera('agreement', twoCoders, '--coders', 'AN,JW', '--unit', 'word'),
      tessera('agreement', twoCoders, '--coders', 'AN,JW'),
    ]);
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/Usage: tessera agreement/);
    }
    expect(runs[0]?.stderr).toMatch(/^No coder "Zed" in this project\. Coders: Amara Nakato \(AN\), Jonas Weber \(JW\)\./);
    expect(runs[1]?.stderr).toMatch(/at least two different coders/);
    expect(runs[2]?.stderr).toMatch(/--unit is one of character, paragraph, turn/);
  }, 30_000);
});

describe('tessera agreement with three coders, and on CFIR ratings', () => {
  it('prints each pair of three coders under the table', async () => {
    const run = await tessera('agreement', threeCoders, '--coders', 'AN,JW,NL', '--unit', 'paragraph', '--replicates', '0');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Pairs of coders:$/m);
    expect(run.stdout).toMatch(/^Amara Nakato – Jonas Weber +\d+ +\d+ +\d+ +\d+ +\d+ /m);
    expect(run.stdout).toMatch(/^Jonas Weber – Noa Levi /m);
  }, 30_000);

  it('--ratings --json: ordinal alpha over the cells both coders rated, X and M left out as missing', async () => {
    const { snapshot } = await decodeProjectFile(new Uint8Array(readFileSync(threeCoders)));
    const [amara, jonas] = snapshot.coders;
    const [first, second] = snapshot.codes.filter((code) => code.isCodable);
    if (!amara || !jonas || !first || !second) throw new Error('two coders and two codes');
    const rate = (id: string, coderId: string, codeId: string, caseId: string, value: RatingValue): Rating => ({
      id,
      projectId: snapshot.project.id,
      caseId,
      codeId,
      value,
      summary: '',
      rationale: '',
      evidenceCodingIds: [],
      ...stampsAt('2026-01-01T00:00:00.000Z', coderId),
    });
    const caseIds = ['6f1c0a52-0000-4000-8000-000000000001', '6f1c0a52-0000-4000-8000-000000000002'] as const;
    const ratings = [
      rate('6f1c0a52-0000-4000-8000-00000000000a', amara.id, first.id, caseIds[0], '+2'),
      rate('6f1c0a52-0000-4000-8000-00000000000b', jonas.id, first.id, caseIds[0], '+1'),
      rate('6f1c0a52-0000-4000-8000-00000000000c', amara.id, second.id, caseIds[0], '-2'),
      rate('6f1c0a52-0000-4000-8000-00000000000d', jonas.id, second.id, caseIds[0], '-1'),
      rate('6f1c0a52-0000-4000-8000-00000000000e', amara.id, first.id, caseIds[1], '0'),
      rate('6f1c0a52-0000-4000-8000-00000000000f', jonas.id, first.id, caseIds[1], 'X'),
    ];
    const cases = caseIds.map((id, order) => ({ id, projectId: snapshot.project.id, name: `Case ${order + 1}`, scope: { kind: 'documents' as const, documentIds: [] }, outcomes: {}, description: '', order, ...stampsAt('2026-01-01T00:00:00.000Z') }));
    const rated = join(scratch, 'rated.tessera');
    writeFileSync(rated, await encodeProjectFile({ ...snapshot, cases: [...snapshot.cases, ...cases], ratings: [...snapshot.ratings, ...ratings] }, { appVersion: '0.1.0', savedAt: '2026-01-01T00:00:00.000Z' }));
    const run = await tessera('agreement', rated, '--coders', 'AN,JW', '--ratings', '--json');
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { coders: string[]; cells: number; values: number; excludedMixedOrMissing: number; alpha: number; method: string };
    expect(report.coders).toEqual(['Amara Nakato', 'Jonas Weber']);
    expect(report).toMatchObject({ cells: 2, values: 4, excludedMixedOrMissing: 1 });
    // Two cells, (+2, +1) and (-2, -1): values -2, -1, 1, 2 each once. Ordinal alpha by hand from the coincidence
    // matrix (o = 1 per pair): n = 4, each n_c = 1; δ²(c,k) = (Σ_{g=c..k} n_g - (n_c + n_k)/2)², so adjacent ranks
    // give 1, two apart 4, three apart 9. Do = (n - 1)·Σ o_ck δ² = 3 · 2·(1 + 1) = 12, over the ordered pairs
    // (+2,+1), (+1,+2), (-2,-1), (-1,-2); De = Σ n_c n_k δ² = 2·(1 + 1 + 1 + 4 + 4 + 9) = 40; alpha = 1 - 12/40 = 0.7.
    expect(report.alpha).toBeCloseTo(0.7, 6);
    expect(report.method).toMatch(/X \(mixed\) and M \(missing data\).*treated as missing/);
  }, 60_000);
});
