/**
 * Each kind of Word export (results, site validation pack, coded transcript), rendered as a reader would see it:
 * LibreOffice headless to PDF, then pdftoppm to PNG (Debian's libreoffice-writer and poppler-utils, which
 * `npm run test:all` installs). The PNGs are left in test-results/rendered/ to be looked at; the test checks that
 * the pages were laid out, with the page numbers, headings, citations, Hebrew and emoji where they belong.
 * Skipped, saying so, where soffice or pdftoppm is not installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ALL_EXTRACTS, selectExtracts } from '#shared/export/extract-selection';
import { extractsDocx } from '#shared/export/extracts-docx';
import { sitePacks } from '#shared/export/site-pack-docx';
import { codedTranscriptDocx } from '#shared/export/coded-transcript-docx';
import { exportStudy } from './export-study.ts';

const has = (command: string) => spawnSync(command, ['--version'], { encoding: 'utf8' }).error === undefined;
const tools = has('soffice') && has('pdftoppm') && has('pdftotext');
if (!tools) console.warn('SKIPPED rendering the Word exports: soffice, pdftoppm or pdftotext is missing (apt-get install libreoffice-writer poppler-utils).');

const scratch = mkdtempSync(join(tmpdir(), 'tessera-render-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const shots = resolve('test-results', 'rendered');

function pdfText(pdf: string): string {
  const run = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout;
}

describe.skipIf(!tools)('the Word exports, rendered', () => {
  it('lay out as pages with their headings, quotes, citations and page numbers', { timeout: 180_000 }, async () => {
    const { snapshot, documents } = exportStudy();
    const subtitle = 'Exported from Tessera for the rendering test.';
    const results = await extractsDocx(snapshot, selectExtracts(snapshot, ALL_EXTRACTS), {
      title: 'Coded extracts: Peer support study',
      subtitle,
      context: true,
      memos: true,
      definitions: true,
      ratings: true,
    });
    const [pack] = await sitePacks(snapshot, ALL_EXTRACTS, { subtitle });
    const transcript = await codedTranscriptDocx(snapshot, documents.buPre.id, { subtitle, coderIds: [], includeHidden: false });
    if (!pack) throw new Error('a site pack');
    const files = { results, pack: pack.bytes, transcript };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(scratch, `${name}.docx`), bytes);

    // One LibreOffice run for the three, with its own profile so parallel runs do not share one.
    const convert = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${join(scratch, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', scratch, ...Object.keys(files).map((n) => join(scratch, `${n}.docx`))],
      { encoding: 'utf8', timeout: 150_000 },
    );
    expect(convert.status, convert.stderr).toBe(0);
    mkdirSync(shots, { recursive: true });
    for (const name of Object.keys(files)) {
      const png = spawnSync('pdftoppm', ['-png', '-r', '60', join(scratch, `${name}.pdf`), join(shots, name)], { encoding: 'utf8' });
      expect(png.status, png.stderr).toBe(0);
    }
    const pages = readdirSync(shots).filter((f) => f.endsWith('.png'));
    for (const name of Object.keys(files)) {
      const own = pages.filter((f) => f.startsWith(`${name}-`));
      expect(own.length, name).toBeGreaterThan(0);
      // A blank page at 60 dpi is a few kilobytes; a page of text is several times that.
      expect(statSync(join(shots, own[0] as string)).size, name).toBeGreaterThan(8_000);
    }

    const resultsText = pdfText(join(scratch, 'results.pdf'));
    expect(resultsText).toMatch(/Coded extracts: Peer support study · page 1 of [3-9]/);
    expect(resultsText).toContain('Contents');
    expect(resultsText).toContain('III.B Relational Connections');
    expect(resultsText).toContain('(BU 2, pre)');
    expect(resultsText).toMatch(/It took months to settle\.\s+\(BU 3–4, pre\)/);
    // pdftotext gives a right-to-left line in visual order, where the brackets are mirrored.
    expect(resultsText).toMatch(/[()]TA 2, pre[()]/);
    expect(resultsText).toMatch(/סומכים/);
    expect(resultsText).toContain('8 extracts from 5 documents, under 4 codes.');
    expect(resultsText).toMatch(/Rating in BU: \+2 \(Nurses and peers trusted each other early\.\)/);
    expect(resultsText).toContain('strong facilitating influence');
    const packText = pdfText(join(scratch, 'pack.pdf'));
    expect(packText).toContain('Validation pack: BU (Butabika)');
    expect(packText).toContain('Comments from the site team');
    const transcriptText = pdfText(join(scratch, 'transcript.pdf'));
    expect(transcriptText).toContain('Coded transcript: BU_pre_FGD');
    expect(transcriptText).toMatch(/2\s+P1: The nurses trusted them from the first week/);
  });
});
