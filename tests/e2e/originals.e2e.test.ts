/**
 * The original-language transcript beside its translation: an English translation is imported, its Hebrew original
 * added from the reader ("Add original-language transcript…", a .txt read by the import worker), and the two are shown
 * side by side, one aligned pair a row, the original right to left. One pair is split from the view (undone, redone,
 * kept when the aligner runs again); a passage coded in the translation shows as a mark on exactly the aligned
 * original paragraph. After a reload all of it is found again. The dialog and the view pass axe-core; screenshots go
 * to tests/e2e/output/originals-*.png.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, newProfileDir } from './support/chromium.ts';
import { visible } from './page-models/workspace-page.ts';
import { CodingPage } from './page-models/workspace-coding-page.ts';
import { hebrewPeerSpecialists as fixture } from '../fixtures/align/bilingual-transcripts.ts';

const OUTPUT = 'tests/e2e/output';
const NAME = 'TA_pre_FGD_EN';
const baseUrl = inject('baseUrl');
let context: BrowserContext;
let app: CodingPage;

beforeAll(async () => {
  mkdirSync(OUTPUT, { recursive: true });
  const launched = await launchBrowser(newProfileDir());
  context = launched.context;
  app = new CodingPage(launched.page);
});

afterAll(async () => {
  await context?.close();
});

/** Each shown pair as `tessera align` prints it: translation and original paragraph numbers, first and last. */
async function shownPairs(): Promise<{ translation: number[]; original: number[] }[]> {
  return app.page.locator('.pair-row').evaluateAll((rows) =>
    rows
      .sort((a, b) => Number((a as HTMLElement).dataset.index) - Number((b as HTMLElement).dataset.index))
      .map((row) => {
        const numbers = (side: string) => [...row.querySelectorAll(`${side} .pair-para`)].map((p) => Number((p as HTMLElement).dataset.n));
        const ends = (list: number[]) => (list.length ? [list[0] as number, list[list.length - 1] as number] : []);
        return { translation: ends(numbers('.pair-translation')), original: ends(numbers('.pair-original')) };
      }),
  );
}

/** The original paragraphs (numbers) that carry a mark of `codeName`. */
async function originalParagraphsMarked(codeName: string): Promise<string[]> {
  return app.page
    .locator('.pair-original .pair-para')
    .filter({ has: app.page.getByRole('list', { name: 'Codes carried from the translation' }).getByText(codeName, { exact: true }) })
    .evaluateAll((list) => list.map((p) => (p as HTMLElement).dataset.n ?? ''));
}

async function expectAxeClean(selector: string): Promise<void> {
  const axe = await new AxeBuilder({ page: app.page }).include(selector).analyze();
  const serious = axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

const expected = fixture.expected.map((pair) => ({ translation: [...pair.translation], original: [...pair.original] }));
/** Pair 2 (translation 2 beside original 2-3) split after its first paragraph on each side. */
const afterSplit = [expected[0], { translation: [2, 2], original: [2, 2] }, { translation: [], original: [3, 3] }, ...expected.slice(2)];
const toggle = () => app.page.getByRole('button', { name: /^Show original/ });
const pairStatus = () => app.page.locator('.pair-tools-at').innerText();

describe('the original beside its translation', () => {
  it('adds the Hebrew original of an imported translation from the reader, in a dialog that passes axe-core', async () => {
    await app.open(baseUrl);
    await app.createProject('Tel Aviv', 'Ada Lovelace');
    await app.importFiles([{ name: `${NAME}.txt`, mimeType: 'text/plain', buffer: Buffer.from(fixture.translation.join('\n'), 'utf8') }]);
    await app.documentRow(NAME).click();
    await visible(app.paragraph(7));

    await app.page.getByRole('button', { name: 'Add original-language transcript…' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Add original-language transcript' });
    await visible(dialog);
    // Nothing is added without a language.
    await dialog.getByLabel('File (.docx or .txt)').setInputFiles({ name: 'TA_pre_FGD_HE.txt', mimeType: 'text/plain', buffer: Buffer.from(fixture.original.join('\n'), 'utf8') });
    await dialog.getByRole('button', { name: 'Add original' }).click();
    expect(await dialog.getByRole('alert').innerText()).toMatch(/which language/);
    await dialog.getByLabel('Language').fill('Hebrew');
    // The message goes once the language is given.
    expect(await dialog.getByRole('alert').count()).toBe(0);
    await expectAxeClean('[role="dialog"]');
    await app.page.screenshot({ path: join(OUTPUT, 'originals-add-dialog.png') });
    await dialog.getByRole('button', { name: 'Add original' }).click();
    await dialog.waitFor({ state: 'detached' });
    await visible(app.page.locator('.side-by-side'));
    expect(await toggle().getAttribute('aria-pressed')).toBe('true');
  });

  it('shows the pairs the aligner found, the original right to left, and passes axe-core', async () => {
    await expect.poll(shownPairs).toEqual(expected);
    const originalSide = app.page.locator('.pair-original').first();
    expect(await originalSide.getAttribute('dir')).toBe('rtl');
    expect(await originalSide.getAttribute('lang')).toBe('he');
    expect(await originalSide.locator('.pair-para-text').evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    // The back-channel turn the translator left out stands alone, beside a note that there is no translation.
    expect(await app.page.locator('.pair-row[data-index="4"] .pair-translation').innerText()).toBe('Not in the translation');
    await expectAxeClean('.side-by-side');
  });

  it('splits a pair from the keyboard, undoes and redoes it, and keeps it when aligning again', async () => {
    const body = app.page.getByRole('region', { name: /beside its Hebrew original/ });
    await body.focus();
    await app.page.keyboard.press('ArrowDown');
    expect(await pairStatus()).toBe('Pair 2 of 8: original 2-3 / translation 2');
    await app.page.getByRole('button', { name: 'Split', exact: true }).click();
    await expect.poll(shownPairs).toEqual(afterSplit);
    expect(await pairStatus()).toBe('Pair 2 of 9: original 2 / translation 2 (corrected)');

    await body.focus();
    await app.page.keyboard.press('Control+z');
    await expect.poll(shownPairs).toEqual(expected);
    await app.page.keyboard.press('Control+Shift+z');
    await expect.poll(shownPairs).toEqual(afterSplit);

    await app.page.getByRole('button', { name: 'Align again (keeps your corrections)' }).click();
    await expect.poll(() => app.page.locator('.pair-tools-note').innerText()).toBe('2 corrected pairs kept');
    await expect.poll(shownPairs).toEqual(afterSplit);

    // A boundary moved from pair 1 (reached with Home): it takes original 2 from pair 2; undo gives it back.
    await body.focus();
    await app.page.keyboard.press('Home');
    expect(await pairStatus()).toBe('Pair 1 of 9: original 1 / translation 1');
    await app.page.getByRole('button', { name: "Take the next pair's first original paragraph into this pair" }).click();
    await expect.poll(async () => (await shownPairs()).slice(0, 2)).toEqual([
      { translation: [1, 1], original: [1, 2] },
      { translation: [2, 2], original: [] },
    ]);
    await body.focus();
    await app.page.keyboard.press('Control+z');
    await expect.poll(shownPairs).toEqual(afterSplit);
  });

  it('shows a coding of the translation as a mark on exactly the aligned original paragraph', async () => {
    await toggle().click();
    await visible(app.paragraph(4));
    await app.selectText(4, 'He introduced us at the staff meeting');
    await app.quickCode('Team acceptance');
    await toggle().click();
    await visible(app.page.locator('.side-by-side'));
    // Translation 4 is paired with original 5: the mark is there and nowhere else.
    await expect.poll(() => originalParagraphsMarked('Team acceptance')).toEqual(['5']);
    await app.page.locator('.reader').screenshot({ path: join(OUTPUT, 'originals-side-by-side.png') });
    await expectAxeClean('.side-by-side');
  });

  it('finds the original, the corrected pair and the mark after a reload', async () => {
    await expect.poll(() => app.page.locator('.save-status[data-saving]').count()).toBe(0);
    await app.page.reload();
    await visible(app.page.locator('.project-title', { hasText: 'Tel Aviv' }));
    await app.documentRow(NAME).click();
    await visible(app.paragraph(7));
    await toggle().click();
    await expect.poll(shownPairs).toEqual(afterSplit);
    await expect.poll(() => originalParagraphsMarked('Team acceptance')).toEqual(['5']);
    expect(await app.page.locator('.pair-tools-note').innerText()).toBe('2 corrected pairs kept');
    await app.page.locator('.reader').screenshot({ path: join(OUTPUT, 'originals-after-reload.png') });
  });

  it('removes the original, and undo brings it back', async () => {
    await app.page.getByRole('button', { name: 'Remove original' }).click();
    await visible(app.page.getByRole('button', { name: 'Add original-language transcript…' }));
    expect(await app.page.locator('.side-by-side').count()).toBe(0);
    await app.page.locator('.reader-body').focus();
    await app.page.keyboard.press('Control+z');
    await visible(toggle());
    await app.page.locator('.reader-body').focus();
    await app.page.keyboard.press('Control+Shift+z');
    await visible(app.page.getByRole('button', { name: 'Add original-language transcript…' }));
  });
});
