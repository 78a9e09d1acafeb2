/**
 * The export dialog, end to end in Chromium: a coded study opened from a .tessera file, the dialog reached from the
 * project bar by keyboard, checked with axe-core, the choices narrowed, and the Word file, the CSV and the site packs
 * downloaded and read back; then a long export cancelled, with no file written.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import Papa from 'papaparse';
import { strFromU8, unzipSync } from 'fflate';
import { encodeProjectFile } from '#shared/project-file/project-file';
import { synthesizeStudy } from '#shared/synth/synthesize-study';
import { launchBrowser, newProfileDir } from './support/chromium.ts';
import { visible, WorkspacePage } from './page-models/workspace-page.ts';
import { exportStudy } from '../unit/shared/export/export-study.ts';
import { quoteTexts, wordParagraphs } from '../unit/shared/export/word-reader.ts';

const baseUrl = inject('baseUrl');
let context: BrowserContext;
let app: WorkspacePage;

beforeAll(async () => {
  const launched = await launchBrowser(newProfileDir());
  context = launched.context;
  app = new WorkspacePage(launched.page);
});

afterAll(async () => {
  await context?.close();
});

async function openProjectFile(name: string, bytes: Uint8Array): Promise<void> {
  await app.open(baseUrl);
  await app.chooseFiles(() => app.page.getByRole('button', { name: 'Open a project file (.tessera)…' }).click(), [
    { name: `${name}.tessera`, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) },
  ]);
  try {
    await visible(app.page.locator('.project-title', { hasText: name }), 45_000);
  } catch (error) {
    await app.page.screenshot({ path: 'test-results/export-open-failed.png' });
    throw error;
  }
}

const dialog = () => app.page.getByRole('dialog', { name: 'Export coded extracts' });

async function seriousViolations(): Promise<string[]> {
  const results = await new AxeBuilder({ page: app.page }).include('.export-modal').analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

describe('the export dialog', () => {
  const { snapshot } = exportStudy();

  it('opens from the project bar by keyboard, shows the count and how documents are cited, and passes axe', async () => {
    await openProjectFile(snapshot.project.name, await encodeProjectFile(snapshot, { appVersion: 'test', savedAt: snapshot.project.modifiedAt }));
    const button = app.page.getByRole('button', { name: 'Export…' });
    await button.focus();
    await app.page.keyboard.press('Enter');
    await visible(dialog());
    await expect.poll(() => dialog().getByRole('status').first().innerText()).toBe('8 extracts from 5 documents.');
    await dialog().getByText('How quotes are cited', { exact: true }).click();
    const cited = async () => (await dialog().locator('.citation-table tbody tr').allInnerTexts()).map((row) => row.replace(/\s+/g, ' ').trim());
    expect(await cited()).toEqual([
      'BU_post_FGD (BU 12–13, post) BU post 12',
      'BU_pre_FGD (BU 12–13, pre) BU pre 12',
      'KS_pre_FGD (KS 12–13, pre) KS 12',
      'KS_pre_notes (KS FN 12–13, pre) KS FN 12',
      'TA_pre_FGD (TA 12–13, pre) TA 12',
    ]);
    expect(await seriousViolations()).toEqual([]);
    await dialog().screenshot({ path: 'test-results/export-dialog.png' });
    // The project's style, changed here by keyboard, shows its labels at once; it is a change of the project.
    const distinguish = dialog().getByRole('combobox', { name: /tell them apart by/ });
    await distinguish.focus();
    await distinguish.selectOption('group');
    await expect.poll(cited).toContain('KS_pre_notes (KS G2 12–13, pre) KS G2 12');
    await dialog().getByRole('checkbox', { name: /Phase after the paragraph/ }).uncheck();
    await expect.poll(cited).toContain('KS_pre_notes (KS G2 12–13) KS G2 12');
    await dialog().screenshot({ path: 'test-results/export-dialog-citation-style.png' });
    // Back to the default for the exports below.
    await distinguish.selectOption('phase');
    await dialog().getByRole('checkbox', { name: /Phase after the paragraph/ }).check();
    await expect.poll(cited).toContain('KS_pre_notes (KS FN 12–13, pre) KS FN 12');
    // Escape closes it, and the focus can reach it again.
    await app.page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
  });

  it('exports the chosen extracts to Word: every extract’s text followed by its citation', async () => {
    await app.page.getByRole('button', { name: 'Export…' }).click();
    await visible(dialog());
    // Only Grace Hopper's codings, by keyboard: tab to the coder's checkbox and tick it with Space.
    const coder = dialog().getByRole('checkbox', { name: 'Grace Hopper' });
    await coder.focus();
    await app.page.keyboard.press('Space');
    await expect.poll(() => dialog().getByRole('status').first().innerText()).toBe('3 extracts from 2 documents.');
    const download = app.page.waitForEvent('download');
    await dialog().getByRole('button', { name: 'Export…' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Peer support study extracts.docx');
    const paragraphs = wordParagraphs(new Uint8Array(readFileSync((await file.path()) as string)));
    expect(quoteTexts(paragraphs).map((q) => q.quote)).toEqual([
      'P1 (participant): The nurses trusted them (BU 2, pre)',
      'P2 (participant): Some staff felt the peers took their place. (BU 3, pre)',
      'the ward manager sat in for ten minutes (KS FN 1, pre)',
    ]);
    expect(paragraphs.map((p) => p.text)).toContain('Coders: Grace Hopper');
    await dialog().waitFor({ state: 'detached' });
    await visible(app.page.getByText(/Exported 3 extracts from 2 documents/));
  });

  it('exports the same choices as CSV, and the site packs as one zip of Word files', async () => {
    await app.page.getByRole('button', { name: 'Export…' }).click();
    await dialog().getByRole('radio', { name: /Extracts as CSV/ }).check();
    let download = app.page.waitForEvent('download');
    await dialog().getByRole('button', { name: 'Export…' }).click();
    const csv = readFileSync((await (await download).path()) as string, 'utf8');
    const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(rows.slice(1).map((row) => [row[5], row[11]])).toEqual([
      ['BU 2', 'The nurses trusted them'],
      ['BU 3', 'Some staff felt the peers took their place.'],
      ['KS FN 1', 'the ward manager sat in for ten minutes'],
    ]);

    await app.page.getByRole('button', { name: 'Export…' }).click();
    await dialog().getByRole('radio', { name: /Site validation packs/ }).check();
    // All coders again.
    await dialog().getByRole('checkbox', { name: 'Grace Hopper' }).uncheck();
    download = app.page.waitForEvent('download');
    await dialog().getByRole('button', { name: 'Export…' }).click();
    const zip = await download;
    expect(zip.suggestedFilename()).toBe('Peer support study site validation packs.zip');
    const packs = unzipSync(new Uint8Array(readFileSync((await zip.path()) as string)));
    expect(Object.keys(packs).sort()).toEqual(['BU validation pack.docx', 'KS validation pack.docx', 'TA validation pack.docx']);
    const ta = unzipSync(packs['TA validation pack.docx'] as Uint8Array);
    expect(strFromU8(ta['word/document.xml'] as Uint8Array)).toContain('אנחנו סומכים על העמיתים, הם מבינים אותנו.');
    await app.expectNoErrors();
  });
});

describe('a long export', () => {
  it('shows its progress and stops on Cancel, writing no file', async () => {
    const big = synthesizeStudy({ documents: 12, wordsPerDocument: 3000, codes: 60, codings: 8000, coders: 2, seed: 3 });
    const close = app.page.getByRole('button', { name: 'Close project' });
    if (await close.count()) await close.click();
    await openProjectFile(big.project.name, await encodeProjectFile(big, { appVersion: 'test', savedAt: big.project.modifiedAt }));
    await app.page.getByRole('button', { name: 'Export…' }).click();
    await visible(dialog());
    let downloads = 0;
    app.page.on('download', () => {
      downloads += 1;
    });
    await dialog().getByRole('button', { name: 'Export…' }).click();
    await visible(dialog().getByRole('progressbar', { name: 'Export progress' }));
    expect(await seriousViolations()).toEqual([]);
    await dialog().getByRole('button', { name: 'Cancel export' }).click();
    await visible(app.page.getByText('Export cancelled; no file was written.'));
    await visible(dialog().getByRole('button', { name: 'Close' }));
    // Give a worker that was not stopped the time to finish and download: nothing comes.
    await app.page.waitForTimeout(3000);
    expect(downloads).toBe(0);
  });
});
