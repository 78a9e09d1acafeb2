/**
 * `tessera export-word` run as users run it (node cli/tessera.mjs in a child process) on a small coded study: the
 * Word export with its choices, the CSV, the site packs and one coded transcript.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { encodeProjectFile } from '#shared/project-file/project-file';
import { tessera } from './run-tessera.ts';
import { exportStudy } from '../shared/export/export-study.ts';
import { quoteTexts, wordComments, wordParagraphs } from '../shared/export/word-reader.ts';

const scratch = mkdtempSync(join(tmpdir(), 'tessera-export-word-'));
const out = (name: string): string => join(scratch, name);
const project = out('study.tessera');
const { snapshot } = exportStudy();

beforeAll(async () => {
  writeFileSync(project, await encodeProjectFile(snapshot, { appVersion: 'test', savedAt: snapshot.project.modifiedAt }));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const quotes = (file: string) => quoteTexts(wordParagraphs(new Uint8Array(readFileSync(file)))).map((q) => q.quote);

describe('tessera export-word', () => {
  it('writes every extract with its exact text and citation, and says what it wrote', async () => {
    const run = await tessera('export-word', project, '-o', out('all.docx'));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Wrote ${out('all.docx').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: 8 extracts from 5 documents under 4 codes \\(\\d+ codes without extracts left out\\)\\.\\n$`));
    expect(quotes(out('all.docx'))).toEqual([
      'P1 (participant): The nurses trusted them (BU 2, pre)',
      'P1 (participant): The nurses trusted them from the first week 😀 honestly. (BU 2, pre)',
      'P1 (participant): אנחנו סומכים על העמיתים, הם מבינים אותנו. (TA 2, pre)',
      'P2 (participant): Some staff felt the peers took their place. (BU 3, pre)',
      'P1 (participant): We argue about who decides discharge. (KS 2, pre)',
      'P2 (participant): Some staff felt the peers took their place.\nP2: It took months to settle. (BU 3–4, pre)',
      'the ward manager sat in for ten minutes (KS FN 1, pre)',
      'P3 (participant): Now the peers run the Monday group on their own. (BU 2, post)',
    ]);
  });

  it('takes repeated --site, --phase, --coder and --codes, and the grouping', async () => {
    const run = await tessera(
      'export-word', project, '-o', out('some.docx'),
      '--site', 'BU', '--site', 'KS', '--phase', 'pre', '--coder', 'Ada Lovelace', '--codes', 'Inner Setting/Culture', '--codes', 'III.C',
      '--group', 'site,code', '--memos', '--definitions',
    );
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(quotes(out('some.docx'))).toEqual([
      'P2 (participant): Some staff felt the peers took their place.\nP2: It took months to settle. (BU 3–4, pre)',
      'P1 (participant): We argue about who decides discharge. (KS 2, pre)',
    ]);
    const headings = wordParagraphs(new Uint8Array(readFileSync(out('some.docx')))).filter((p) => p.style.startsWith('Heading')).map((p) => p.text);
    expect(headings).toEqual(['BU: Butabika', 'III Inner Setting', 'III.D Culture', 'KS: Kisumu', 'III Inner Setting', 'III.C Communications']);
  });

  it('takes --case and --ratings, and cites in the project’s citation style', { timeout: 60_000 }, async () => {
    const run = await tessera('export-word', project, '-o', out('case.docx'), '--case', 'BU pre and post', '--ratings');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const paragraphs = wordParagraphs(new Uint8Array(readFileSync(out('case.docx'))));
    expect(quotes(out('case.docx')).every((q) => /\(BU \d/.test(q))).toBe(true);
    expect(paragraphs.map((p) => p.text)).toContain('Cases: BU pre and post');
    expect(paragraphs.map((p) => p.text)).toContain('Rating in BU: +2 (Nurses and peers trusted each other early.)');
    expect((await tessera('export-word', project, '-o', out('none.docx'), '--case', 'Nowhere')).code).toBe(2);

    // The same study with its citation style set to focus-group numbers and no phase after the paragraph.
    const styled = out('styled.tessera');
    const style = { distinguishBy: 'group', phaseAfterParagraph: false } as const;
    writeFileSync(styled, await encodeProjectFile({ ...snapshot, project: { ...snapshot.project, citationStyle: style } }, { appVersion: 'test', savedAt: snapshot.project.modifiedAt }));
    expect((await tessera('export-word', styled, '-o', out('styled.docx'), '--site', 'KS')).code).toBe(0);
    expect(quotes(out('styled.docx'))).toEqual(['P1 (participant): We argue about who decides discharge. (KS G1 2)', 'the ward manager sat in for ten minutes (KS G2 1)']);
  });

  it('refuses what it cannot find, with the reason and exit code 2', async () => {
    const noSite = await tessera('export-word', project, '-o', out('x.docx'), '--site', 'ZZ');
    expect(noSite.code).toBe(2);
    expect(noSite.stderr).toMatch(/--site: no "ZZ" in the project \(it has BU, KS, TA\)/);
    const badGroup = await tessera('export-word', project, '-o', out('x.docx'), '--group', 'code');
    expect(badGroup.code).toBe(2);
    expect(badGroup.stderr).toMatch(/--group is one of code,phase,site \| site,code \| phase,code/);
  });

  it('writes the same selection as a CSV that a CSV parser reads back', async () => {
    const run = await tessera('export-word', project, '--csv', '-o', out('all.csv'), '--coder', 'GH');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const text = readFileSync(out('all.csv'), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(rows.slice(1).map((row) => [row[5], row[8], row[11]])).toEqual([
      ['BU 2', 'Grace Hopper', 'The nurses trusted them'],
      ['BU 3', 'Grace Hopper', 'Some staff felt the peers took their place.'],
      ['KS FN 1', 'Grace Hopper', 'the ward manager sat in for ten minutes'],
    ]);
  });

  it('writes one validation pack per site into a folder', async () => {
    const run = await tessera('export-word', project, '--site-pack', '-o', out('packs/'));
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(readdirSync(out('packs')).sort()).toEqual(['BU validation pack.docx', 'KS validation pack.docx', 'TA validation pack.docx']);
    const ta = wordParagraphs(new Uint8Array(readFileSync(join(out('packs'), 'TA validation pack.docx')))).map((p) => p.text);
    expect(ta).toContain('P1 (participant): אנחנו סומכים על העמיתים, הם מבינים אותנו. (TA 2, pre)');
  });

  it('writes one coded transcript with its codings as comments', async () => {
    const run = await tessera('export-word', project, '--transcript', 'KS_pre_FGD', '-o', out('ks.docx'));
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(wordComments(new Uint8Array(readFileSync(out('ks.docx'))))).toEqual([{ author: 'Ada Lovelace', text: 'III.C Communications' }]);
  });

  it('lists its repeatable options in its help', async () => {
    const run = await tessera('export-word', '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('[--codes ID|PATH ...]');
    expect(run.stdout).toContain('[--site CODE ...]');
  });
});
