/**
 * Fixing speakers by hand in the reader: a Word transcript whose layout Tessera does not recognise (the speakers are
 * not labelled) is imported with no speaker; its headings (a title, the topic guide's questions) show as headings.
 * The user picks paragraphs 3 to 5 with the keyboard (arrows, Shift+Down), presses S, adds a new speaker "FAC" in the
 * dialog and assigns; undo takes it back, redo puts it back, and after a reload the speaker and its paragraphs are
 * found in the reader and in the document's details. The dialog passes axe-core with no serious or critical
 * violation. Retrieval by speaker role follows the assignment, and says how many passages a paragraph without a
 * speaker leaves out of a role filter. Screenshots go to tests/e2e/output/speaker-assignment*.png.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { HeadingLevel, Paragraph } from 'docx';
import { launchBrowser, newProfileDir } from './support/chromium.ts';
import { visible } from './page-models/workspace-page.ts';
import { CodingPage } from './page-models/workspace-coding-page.ts';
import { ImportPage } from './page-models/import-page.ts';
import { docxBytes, plain } from '../fixtures/docx/docx-fixtures.ts';

const OUTPUT = 'tests/e2e/output';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const NAME = 'KS_pre_FGD_EN';
const baseUrl = inject('baseUrl');
let context: BrowserContext;
let app: CodingPage;
let importer: ImportPage;

beforeAll(async () => {
  mkdirSync(OUTPUT, { recursive: true });
  const launched = await launchBrowser(newProfileDir());
  context = launched.context;
  app = new CodingPage(launched.page);
  importer = new ImportPage(launched.page);
});

afterAll(async () => {
  await context?.close();
});

/** A transcript in a layout Tessera does not recognise: who speaks is said in brackets at the end, not labelled. */
async function unlabelledTranscript(): Promise<Buffer> {
  return Buffer.from(
    await docxBytes([
      new Paragraph({ text: 'Focus group discussion – Kisumu, pre-implementation', heading: HeadingLevel.TITLE }),
      new Paragraph({ text: 'Q1: What do you expect from peer support?', heading: HeadingLevel.HEADING_2 }),
      plain('Welcome, everyone, and thank you for coming. (facilitator)'),
      plain('Let us begin with introductions, going round the room. (facilitator)'),
      plain('Please say your role and how long you have worked here. (facilitator)'),
      plain('I am a nurse on the ward and I have worked here six years. (nurse)'),
      new Paragraph({ text: 'Q2: What changed after the training?', heading: HeadingLevel.HEADING_2 }),
      plain('The peer workers now join the ward round every morning. (nurse)'),
    ]),
  );
}

/** The speaker shown beside each paragraph (null: none), in paragraph order. */
async function gutterSpeakers(): Promise<(string | null)[]> {
  return app.page.locator('.reader .para').evaluateAll((rows) =>
    rows.map((row) => row.querySelector('.para-speaker')?.textContent ?? null),
  );
}

const readerMeta = () => app.page.locator('.reader-meta').innerText();
const saved = () => expect.poll(() => app.page.locator('.save-status[data-saving]').count()).toBe(0);

describe('assigning speakers by hand', () => {
  it('imports the unrecognised layout with no speaker, and shows its headings as headings', async () => {
    await app.open(baseUrl);
    await app.createProject('Kisumu', 'Ada Lovelace');
    await app.importFiles([{ name: `${NAME}.docx`, mimeType: DOCX, buffer: await unlabelledTranscript() }]);
    await app.documentRow(NAME).click();
    await visible(app.paragraph(8));
    expect(await readerMeta()).toMatch(/^8 paragraphs · 0 speakers/);
    // Headings: heading semantics under the reader's title (h2), body text has none; numbering as Word counts.
    const headings = app.page.locator('.reader [role="heading"]');
    expect(await headings.evaluateAll((list) => list.map((h) => [h.closest('.para')?.getAttribute('data-n'), h.getAttribute('aria-level'), h.textContent]))).toEqual([
      ['1', '3', 'Focus group discussion – Kisumu, pre-implementation'],
      ['2', '4', 'Q1: What do you expect from peer support?'],
      ['7', '4', 'Q2: What changed after the training?'],
    ]);
    const size = (n: number) => app.paragraph(n).locator('.para-text').evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    const weight = (n: number) => app.paragraph(n).locator('.para-text').evaluate((element) => Number(getComputedStyle(element).fontWeight));
    expect(await size(1)).toBeGreaterThan(await size(2));
    expect(await size(2)).toBeGreaterThan(await size(3));
    expect(await weight(2)).toBeGreaterThanOrEqual(600);
    expect(await weight(3)).toBeLessThan(600);
    await app.page.locator('.reader').screenshot({ path: join(OUTPUT, 'speaker-assignment-headings.png') });
    const axe = await new AxeBuilder({ page: app.page }).include('.reader').analyze();
    const serious = axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  it('gives paragraphs 3 to 5 to a new speaker by keyboard, in a dialog that passes axe-core', async () => {
    const body = app.page.locator('.reader-body');
    await body.focus();
    for (let i = 0; i < 3; i++) await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.press('Shift+ArrowDown');
    await app.page.keyboard.press('Shift+ArrowDown');
    expect(await app.page.locator('.reader .para-picked').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-n')))).toEqual(['3', '4', '5']);
    await app.page.keyboard.press('s');
    const dialog = app.page.getByRole('dialog', { name: 'Assign speaker' });
    await visible(dialog);
    expect(await dialog.getByLabel('Paragraphs').inputValue()).toBe('3-5');
    // No speaker yet: the choice starts at a new one, and has the focus.
    const speaker = dialog.getByLabel('Speaker', { exact: true });
    expect(await speaker.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await speaker.evaluate((element) => (element as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe('New speaker…');
    await app.page.keyboard.press('Tab');
    await app.page.keyboard.type('FAC');
    // The role is guessed from the label, and can be changed.
    expect(await dialog.getByLabel('Role').evaluate((element) => (element as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe('Moderator');

    const axe = await new AxeBuilder({ page: app.page }).include('[role="dialog"]').analyze();
    const serious = axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    await app.page.screenshot({ path: join(OUTPUT, 'speaker-assignment-dialog.png') });

    await app.page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(gutterSpeakers).toEqual([null, null, 'FAC', 'FAC', 'FAC', null, null, null]);
    expect(await readerMeta()).toMatch(/· 1 speaker ·/);
    // The focus is back in the text, so the keys go on working there.
    expect(await body.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await app.paragraph(4).locator('.para-n').getAttribute('aria-label')).toBe('Paragraph 4, FAC');
  });

  it('undoes and redoes it as one step, and gives one more paragraph to the same speaker from a right click', async () => {
    await app.page.keyboard.press('Control+z');
    await expect.poll(gutterSpeakers).toEqual([null, null, null, null, null, null, null, null]);
    expect(await readerMeta()).toMatch(/· 0 speakers ·/);
    await app.page.keyboard.press('Control+Shift+z');
    await expect.poll(gutterSpeakers).toEqual([null, null, 'FAC', 'FAC', 'FAC', null, null, null]);

    await app.paragraph(6).locator('.para-n').click({ button: 'right' });
    const dialog = app.page.getByRole('dialog', { name: 'Assign speaker' });
    await visible(dialog);
    expect(await dialog.getByLabel('Paragraphs').inputValue()).toBe('6');
    await dialog.getByLabel('Speaker', { exact: true }).selectOption({ label: 'New speaker…' });
    await dialog.getByLabel('Label').fill('Nurse A');
    await dialog.getByLabel('Role').selectOption({ label: 'Participant' });
    await dialog.getByRole('button', { name: 'Assign' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(gutterSpeakers).toEqual([null, null, 'FAC', 'FAC', 'FAC', 'Nurse A', null, null]);
    // A label the document has is refused in the dialog, which stays open.
    await app.paragraph(8).locator('.para-n').click({ button: 'right' });
    await visible(dialog);
    await dialog.getByLabel('Speaker', { exact: true }).selectOption({ label: 'New speaker…' });
    await dialog.getByLabel('Label').fill('fac');
    await dialog.getByRole('button', { name: 'Assign' }).click();
    await expect.poll(() => dialog.getByRole('alert').innerText()).toBe('This document already has a speaker "FAC".');
    await dialog.getByLabel('Speaker', { exact: true }).selectOption({ label: 'Nurse A (Participant)' });
    await dialog.getByRole('button', { name: 'Assign' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(gutterSpeakers).toEqual([null, null, 'FAC', 'FAC', 'FAC', 'Nurse A', null, 'Nurse A']);
    await saved();
    await app.expectNoErrors();
  });

  it('finds the speakers and their paragraphs after a reload, in the reader and the document details', async () => {
    await app.page.reload();
    await visible(app.page.locator('.project-title', { hasText: 'Kisumu' }));
    await app.documentRow(NAME).click();
    await visible(app.paragraph(8));
    await expect.poll(gutterSpeakers).toEqual([null, null, 'FAC', 'FAC', 'FAC', 'Nurse A', null, 'Nurse A']);
    expect(await app.page.locator('.reader [role="heading"]').count()).toBe(3);
    const details = await importer.openDetails(NAME);
    expect(await importer.speakers(details)).toEqual([
      ['FAC', 'Moderator', '3'],
      ['Nurse A', 'Participant', '2'],
    ]);
    await details.getByRole('button', { name: 'Cancel' }).click();
    await details.waitFor({ state: 'detached' });
    await app.page.locator('.reader').screenshot({ path: join(OUTPUT, 'speaker-assignment-after-reload.png') });
    await app.expectNoErrors();
  });

  it('retrieves by speaker role as assigned, and counts what a paragraph left without a speaker leaves out', async () => {
    await app.addCode('Roles');
    await app.selectText(6, 'six years');
    await app.applyCodeToSelection('Roles');
    await app.selectText(8, 'ward round');
    await app.applyCodeToSelection('Roles');
    await app.selectCodeInTree('Roles');
    await app.filter('Speaker role', 'Participants');
    await expect.poll(() => app.segmentTexts()).toEqual(['six years', 'ward round']);
    expect(await app.page.locator('.segment .segment-speaker').allInnerTexts()).toEqual(['Nurse A', 'Nurse A']);
    // Paragraph 8's speaker taken away (S on it, "No speaker"): the filter leaves it out, and says so.
    await app.page.locator('.reader-body').focus();
    await app.page.keyboard.press('Escape');
    for (let i = 0; i < 8; i++) await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.press('s');
    const dialog = app.page.getByRole('dialog', { name: 'Assign speaker' });
    await visible(dialog);
    expect(await dialog.getByLabel('Paragraphs').inputValue()).toBe('8');
    await dialog.getByLabel('Speaker', { exact: true }).selectOption({ label: 'No speaker' });
    // A menu takes Enter for itself: Tab on to Assign (past Cancel), then Enter.
    await app.page.keyboard.press('Tab');
    await app.page.keyboard.press('Tab');
    await app.page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => app.segmentTexts()).toEqual(['six years']);
    expect(await app.page.locator('.retrieval-summary .code-summary').innerText()).toMatch(
      /^1 coded segment in 1 document · 1 more segment left out because the speaker's role is unknown or there is no speaker/,
    );
    await saved();
    await app.expectNoErrors();
  });
});
