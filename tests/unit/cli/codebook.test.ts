/**
 * `tessera codebook` run as users run it (node cli/tessera.mjs in a child process): built-in codebooks and a
 * project's codebook, in each format, written with the same code as the app.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tessera } from './run-tessera.ts';
import mammoth from 'mammoth';
import type { CodebookJson, CodebookJsonCode } from '#shared/codebook/codebook-json';
import { readQdc } from '#shared/refi/read-codebook';


const scratch = mkdtempSync(join(tmpdir(), 'tessera-codebook-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const out = (name: string): string => join(scratch, name);
const flatten = (codes: readonly CodebookJsonCode[]): CodebookJsonCode[] => codes.flatMap((c) => [c, ...flatten(c.children)]);

describe('tessera codebook with a built-in codebook', () => {
  it('writes CFIR 2.0 as JSON with the published counts, numbering and definitions, the same on every run', async () => {
    const run = await tessera('codebook', '--cfir', '2.0', '--format', 'json', '-o', out('cfir20.json'));
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(`Wrote ${out('cfir20.json')}: 72 codes as json.\n`);
    const book = JSON.parse(readFileSync(out('cfir20.json'), 'utf8')) as CodebookJson;
    expect(book.codes.map((c) => c.name)).toEqual(['Innovation', 'Outer Setting', 'Inner Setting', 'Individuals', 'Implementation Process']);
    const all = flatten(book.codes);
    expect(all.filter((c) => !c.isCodable)).toHaveLength(5);
    expect(all.filter((c) => c.isCodable)).toHaveLength(48 + 19);
    expect(all.find((c) => c.numbering === 'II.G.2')).toMatchObject({ name: 'Market Pressure', origin: { elementId: '2.0.II.G.2' } });
    await tessera('codebook', '--cfir', '2.0', '--format', 'json', '-o', out('cfir20-again.json'));
    expect(readFileSync(out('cfir20-again.json'), 'utf8')).toBe(readFileSync(out('cfir20.json'), 'utf8'));
  });

  it('writes CFIR 2009 as a .qdc that reads back and validates against Codebook.xsd', async () => {
    const run = await tessera('codebook', '--cfir', '2009', '--format', 'qdc', '-o', out('cfir2009.qdc'));
    expect(run.code).toBe(0);
    const book = readQdc(new Uint8Array(readFileSync(out('cfir2009.qdc'))));
    const count = (codes: readonly { children: readonly unknown[] }[]): number =>
      codes.reduce((n, c) => n + 1 + count(c.children as { children: readonly unknown[] }[]), 0);
    expect(count(book.codes)).toBe(5 + 26 + 13);
    expect(book.warnings).toEqual([]);
    const schema = join(import.meta.dirname, '..', 'shared', 'refi', 'fixtures', 'Codebook.xsd');
    const lint = spawnSync('xmllint', ['--noout', '--schema', schema, out('cfir2009.qdc')], { encoding: 'utf8' });
    if (lint.error) console.warn('SKIPPED the schema check: xmllint is not installed (apt-get install libxml2-utils).');
    else expect(lint.stderr).toMatch(/validates/);
  });

  it('writes a framework as a Word document', async () => {
    const run = await tessera('codebook', '--framework', 'ibrahim-2019', '--format', 'docx', '-o', out('ib19.docx'));
    expect(run.code).toBe(0);
    const text = (await mammoth.extractRawText({ buffer: readFileSync(out('ib19.docx')) })).value;
    expect(text).toMatch(/IB19\.14\s*Emotional intensity in the work/);
    expect(text).toMatch(/Facilitators|Suggested CFIR 2\.0/);
  });
});

describe('tessera codebook with a project', () => {
  it('writes a project’s codebook with its counts, through the same export as the app', async () => {
    const project = out('study.tessera');
    expect((await tessera('synth', '-o', project, '--docs', '3', '--words', '300', '--codes', '12', '--codings', '40', '--seed', '5')).code).toBe(0);
    const run = await tessera('codebook', project, '--format', 'json', '-o', out('study.json'));
    expect(run.code).toBe(0);
    const book = JSON.parse(readFileSync(out('study.json'), 'utf8')) as CodebookJson;
    const all = flatten(book.codes);
    expect(all).toHaveLength(12);
    expect(all.reduce((n, c) => n + c.codings.codings, 0)).toBe(40);
    expect((await tessera('codebook', project, '--format', 'qdc', '-o', out('study.qdc'))).code).toBe(0);
    expect((await tessera('codebook', project, '--format', 'docx', '-o', out('study.docx'))).code).toBe(0);
  });

  it('refuses to overwrite without --force, and explains a bad command line with exit 2', async () => {
    const again = await tessera('codebook', '--cfir', '2.0', '--format', 'json', '-o', out('cfir20.json'));
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists \(use --force/);
    expect((await tessera('codebook', '--cfir', '2.0', '--format', 'json', '-o', out('cfir20.json'), '--force')).code).toBe(0);
    const runs = await Promise.all([
      tessera('codebook', '--format', 'json', '-o', out('x.json')),
      tessera('codebook', '--cfir', '3.0', '--format', 'json', '-o', out('x.json')),
      tessera('codebook', '--cfir', '2.0', '--format', 'pdf', '-o', out('x.pdf')),
      tessera('codebook', out('study.tessera'), '--cfir', '2.0', '--format', 'json', '-o', out('x.json')),
      tessera('codebook', 'a.tessera', 'b.tessera', '--format', 'json', '-o', out('x.json')),
    ]);
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/Usage: tessera codebook \[PROJECT\.tessera\]/);
    }
    expect(runs[1]?.stderr).toMatch(/--cfir is 2\.0 or 2009, not "3\.0"/);
    expect(runs[2]?.stderr).toMatch(/--format is one of json, qdc, docx/);
    expect(runs[3]?.stderr).toMatch(/Give one of/);
  });
});
