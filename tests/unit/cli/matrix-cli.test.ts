/** `tessera matrix` run as users run it, on the small study whose figures code-matrix.test.ts works out by hand. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeProjectFile } from '#shared/project-file/project-file';
import { applyChange } from '#shared/model/change';
import { seededRandom, seededUuidGenerator } from '#shared/model/ids';
import { defaultCasesChange } from '#shared/ratings/cases';
import { smallStudy } from '../shared/compare/small-study.ts';
import { tessera } from './run-tessera.ts';
import { wordTables } from '../shared/export/word-reader.ts';

const scratch = mkdtempSync(join(tmpdir(), 'tessera-matrix-'));
const file = join(scratch, 'small.tessera');
const withCasesFile = join(scratch, 'small-with-cases.tessera');
const study = smallStudy();
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
beforeAll(async () => {
  const options = { appVersion: '0.1.0', savedAt: '2026-02-01T10:00:00.000Z' };
  writeFileSync(file, await encodeProjectFile(study.snapshot, options));
  const cases = defaultCasesChange(study.snapshot, 'site', seededUuidGenerator(seededRandom(8)), '2026-02-01T10:00:00.000Z', null);
  writeFileSync(withCasesFile, await encodeProjectFile(applyChange(study.snapshot, cases), options));
});

// Each run starts Node with the TypeScript loader: seconds on a busy machine.
describe('tessera matrix', { timeout: 90_000 }, () => {
  it('prints codes x site,phase as CSV: code paths, column labels, whole numbers', async () => {
    const run = await tessera('matrix', file, '--rows', 'codes', '--cols', 'site,phase', '--count', 'codings', '--csv');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'code,BU pre,BU post,KA pre,KA post',
        'Inner Setting,2,1,1,0',
        'Inner Setting > Culture,2,0,1,0',
        'Inner Setting > Leadership,1,1,0,0',
        'Innovation,1,0,0,0',
        'Innovation > Cost,1,0,0,0',
        '',
      ].join('\n'),
    );
  });

  it('groups the columns by the project’s cases', async () => {
    const run = await tessera('matrix', withCasesFile, '--cols', 'case', '--count', 'codings', '--csv');
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n').slice(0, 3)).toEqual(['code,BU,KA', 'Inner Setting,3,1', 'Inner Setting > Culture,2,1']);
  });

  it('writes the matrix as a Word table', async () => {
    const out = join(scratch, 'matrix.docx');
    const run = await tessera('matrix', file, '--cols', 'site', '--count', 'codings', '--docx', out);
    expect(run.stderr).toBe('');
    const table = wordTables(new Uint8Array(readFileSync(out)))[0];
    expect(table?.slice(0, 2).map((row) => row.map((c) => c.text))).toEqual([
      ['Code\nN documents / words', 'BU\n2 / 15', 'KA\n1 / 4'],
      ['Inner Setting', '3', '1'],
    ]);
  });

  it('counts documents or speakers, and keeps one coder’s codings', async () => {
    const coder = study.snapshot.coders[1]?.initials ?? '';
    const [documents, speakers, byCoder] = await Promise.all([
      tessera('matrix', file, '--cols', 'site', '--count', 'documents', '--csv'),
      tessera('matrix', file, '--cols', 'site,phase', '--count', 'speakers', '--csv'),
      tessera('matrix', file, '--cols', 'site,phase', '--count', 'codings', '--coder', coder, '--csv'),
    ]);
    expect(documents.stdout.split('\n').slice(0, 2)).toEqual(['code,BU,KA', 'Inner Setting,2,1']);
    expect(speakers.stdout.split('\n')[1]).toBe('Inner Setting,2,1,0,0');
    // Coder B coded "helped a lot" and "Money" in BU pre and "session" in KA pre.
    expect(byCoder.stdout.split('\n').slice(1, 4)).toEqual(['Inner Setting,2,0,1,0', 'Inner Setting > Culture,1,0,1,0', 'Inner Setting > Leadership,1,0,0,0']);
  });

  it('prints coverage as a percentage, with an empty cell for a group without text', async () => {
    const run = await tessera('matrix', file, '--cols', 'site,phase', '--count', 'coverage', '--csv');
    expect(run.stdout.split('\n')[1]).toBe(`Inner Setting,${Number(((26 / 54) * 100).toFixed(4))},${Number(((17 / 26) * 100).toFixed(4))},${Number(((7 / 21) * 100).toFixed(4))},`);
  });

  it('prints a table with each column’s N, the filter and the method without --csv', async () => {
    const run = await tessera('matrix', file, '--cols', 'site,phase', '--count', 'codings', '--role', 'participant');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Coded passages by site x phase/);
    expect(run.stdout).toMatch(/N documents \/ words\s+1 \/ 8\s+1 \/ 3\s+0 \/ 0\s+0 \/ 0/);
    expect(run.stdout).toMatch(/^ {2}Culture\s+2\s+0\s+0\s+0$/m);
    expect(run.stdout).toMatch(/Filter: participants/);
    expect(run.stdout).toMatch(/Method: Passages:/);
  });

  it('refuses groupings, measures and coders it does not know, with usage', async () => {
    const runs = await Promise.all([
      tessera('matrix', file, '--cols', 'country', '--count', 'codings'),
      tessera('matrix', file, '--cols', 'site', '--count', 'words'),
      tessera('matrix', file, '--cols', 'site', '--count', 'codings', '--coder', 'ZZ'),
      tessera('matrix', file, '--cols', 'site', '--count', 'codings', '--rows', 'documents'),
    ]);
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/Usage: tessera matrix/);
    }
    expect(runs[2]?.stderr).toMatch(/^No coder "ZZ"/);
  });
});
