/**
 * The `tessera` command run as users run it: `node cli/tessera.mjs ...` in a child process, checking what it prints
 * and its exit code.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tessera } from './run-tessera.ts';


const fixture = (name: string): string => `tests/fixtures/text/${name}`;
const scratch = mkdtempSync(join(tmpdir(), 'tessera-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('tessera usage', () => {
  it('--help lists the verbs and exits 0', async () => {
    const run = await tessera('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Usage: tessera <command>/);
    for (const verb of ['inspect', 'info', 'synth']) expect(run.stdout).toMatch(new RegExp(`^  ${verb} `, 'm'));
  });

  it('<verb> --help shows the verb and its options', async () => {
    const run = await tessera('synth', '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Usage: tessera synth -o FILE \[--docs N\]/);
  });

  it('no arguments, an unknown verb, an unknown option or a missing argument give usage and exit 2', async () => {
    const runs = await Promise.all([
      tessera(),
      tessera('frobnicate'),
      tessera('inspect', fixture('fgd-utf8.txt'), '--colour'),
      tessera('inspect'),
      tessera('info', 'a.tessera', 'b.tessera'),
      tessera('synth'),
      tessera('synth', '-o', join(scratch, 'x.tessera'), '--docs', 'many'),
      tessera('inspect', fixture('fgd-utf8.txt'), '--encoding', 'latin-9'),
    ]);
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/Usage: tessera/);
    }
    expect(runs[1]?.stderr).toMatch(/^Unknown command "frobnicate"/);
    expect(runs[6]?.stderr).toMatch(/^--docs needs a whole number/);
    expect(runs[7]?.stderr).toMatch(/^Unknown encoding "latin-9"/);
  });
});

describe('tessera inspect', () => {
  it('prints the text, encoding and paragraphs with speaker, utterance and timestamps as JSON', async () => {
    const run = await tessera('inspect', fixture('fgd-utf8-bom-crlf.txt'));
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as { text: string; encoding: string; paragraphs: unknown[]; warnings: string[] };
    expect(report.encoding).toBe('utf-8');
    expect(report.warnings).toEqual([]);
    expect(report.text.split('\n')).toHaveLength(7);
    expect(report.paragraphs).toEqual([
      { n: 1, start: 0, end: 52, speaker: null, text: 'Focus group discussion, Butabika, pre-implementation', timestamps: [] },
      { n: 2, start: 53, end: 72, speaker: null, text: 'Date: 12 March 2024', timestamps: [] },
      { n: 3, start: 73, end: 126, speaker: 'Moderator', text: 'Welcome everyone. Let us begin.', timestamps: ['00:00:05'] },
      { n: 4, start: 127, end: 170, speaker: 'P1', text: 'I think the training helped me a lot 😀.', timestamps: [] },
      {
        n: 5,
        start: 171,
        end: 252,
        speaker: 'Participant 2',
        text: 'For me it was the supervision [inaudible 00:14:05] that mattered.',
        timestamps: ['00:14:05'],
      },
      { n: 6, start: 253, end: 273, speaker: null, text: 'Note: it was raining', timestamps: [] },
      { n: 7, start: 274, end: 310, speaker: 'P3', text: 'שלום, we met at 10:30 every day.', timestamps: [] },
    ]);
  });

  it('reports a detected Windows-1252 file, and reads it in the encoding given with --encoding', async () => {
    const detected = JSON.parse((await tessera('inspect', fixture('fgd-windows-1252.txt'))).stdout) as {
      encoding: string;
      warnings: string[];
      paragraphs: { text: string }[];
    };
    expect(detected.encoding).toBe('windows-1252');
    expect(detected.warnings[0]).toMatch(/detected as Windows-1252/);
    expect(detected.paragraphs[1]?.text).toBe('They said “we don’t need you” – at first.');
    const chosen = await tessera('inspect', fixture('fgd-utf16le.txt'), '--encoding', 'utf-16le');
    expect(chosen.code).toBe(0);
    expect((JSON.parse(chosen.stdout) as { encoding: string }).encoding).toBe('utf-16le');
  });

  it('exits 1 with the reason on stderr for files it cannot import', async () => {
    const cases: [string[], RegExp][] = [
      [[fixture('empty.txt')], /^"empty.txt" is empty \(0 bytes\)/],
      [[fixture('pdf-renamed.txt')], /^"pdf-renamed.txt" is a PDF document, not a transcript/],
      [[fixture('binary-with-nuls.txt')], /NUL bytes, so it is a binary file/],
      [[fixture('fgd-windows-1252.txt'), '--encoding', 'utf-8'], /cannot be read as UTF-8/],
      [[join(scratch, 'missing.txt')], /^Cannot read .*missing\.txt: no such file\./],
    ];
    const runs = await Promise.all(cases.map(([args]) => tessera('inspect', ...args)));
    runs.forEach((run, i) => {
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(cases[i]?.[1] as RegExp);
    });
  });
});

describe('tessera synth and info', () => {
  const study = join(scratch, 'study.tessera');

  it('synth writes a study that info then describes, as a table and as JSON', async () => {
    const made = await tessera('synth', '-o', study, '--docs', '5', '--words', '400', '--codes', '20', '--codings', '80', '--coders', '3', '--seed', '7');
    expect(made.code).toBe(0);
    expect(made.stdout).toBe(`Wrote ${study}: 5 documents, 20 codes, 80 codings, ${made.stdout.match(/(\d+) memos/)?.[1]} memos, 3 coders (seed 7).\n`);

    const table = await tessera('info', study);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^Project\s+Peer support work study \(synthetic, seed 7\)$/m);
    expect(table.stdout).toMatch(/^Documents\s+5$/m);
    expect(table.stdout).toMatch(/^Codes\s+20$/m);
    expect(table.stdout).toMatch(/^Codings\s+80$/m);
    expect(table.stdout).toMatch(/^Coders\s+3$/m);

    const json = await tessera('info', study, '--json');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as { formatVersion: number; counts: Record<string, number>; warnings: string[] };
    expect(report.formatVersion).toBe(3);
    expect(report.counts).toMatchObject({ documents: 5, codes: 20, codings: 80, coders: 3 });
    expect(report.counts.memos).toBeGreaterThan(0);
    expect(report.warnings).toEqual([]);
  });

  it('synth refuses to replace a file without --force, and writes the same bytes for the same seed', async () => {
    const target = join(scratch, 'again.tessera');
    expect((await tessera('synth', '-o', target, '--docs', '2', '--words', '100', '--codings', '10')).code).toBe(0);
    const first = readFileSync(target);
    const refused = await tessera('synth', '-o', target, '--docs', '2', '--words', '100', '--codings', '10');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already exists \(use --force to replace it\)/);
    expect((await tessera('synth', '-o', target, '--docs', '2', '--words', '100', '--codings', '10', '--force')).code).toBe(0);
    expect(readFileSync(target).equals(first)).toBe(true);
  });

  it('info exits 1 with the reason for a file that is not a project', async () => {
    const run = await tessera('info', fixture('transcript.docx'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/not a Tessera project file/);
  });

  it('synth turns impossible sizes into a usage error', async () => {
    const run = await tessera('synth', '-o', join(scratch, 'none.tessera'), '--codes', '0');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/codings need at least one document with words and at least one code/);
  });
});
