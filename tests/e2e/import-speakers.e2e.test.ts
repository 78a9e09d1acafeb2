/**
 * The import preview's speakers: a speaker | utterance table with irregular rows and a Teams caption file are picked;
 * the preview lists each recognised speaker with its paragraphs and guessed role, says which row it could not
 * attribute, and the user changes a role before importing; the document then has the chosen role. A second import of
 * the same file is left unticked. The preview passes axe-core with no serious or critical violation, and is usable by
 * keyboard (the role menus are reached with Tab). A screenshot goes to tests/e2e/output/import-speakers.png.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, newProfileDir } from './support/chromium.ts';
import { WorkspacePage, type FixtureFile } from './page-models/workspace-page.ts';
import { ImportPage } from './page-models/import-page.ts';
import { boldLabelTranscript, irregularSpeakerTableTranscript } from '../fixtures/docx/docx-fixtures.ts';

const OUTPUT = 'tests/e2e/output';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const baseUrl = inject('baseUrl');
let context: BrowserContext;
let app: WorkspacePage;
let importer: ImportPage;
let table: FixtureFile;
let captions: FixtureFile;

const VTT = `WEBVTT

00:00:03.120 --> 00:00:05.400
<v Jane Doe>Thanks for joining,</v>

00:00:05.400 --> 00:00:08.000
<v Jane Doe>can everyone hear me?</v>

00:00:09.010 --> 00:00:11.500
<v Interviewer>Yes, go ahead.</v>
`;

beforeAll(async () => {
  mkdirSync(OUTPUT, { recursive: true });
  table = { name: 'BU_pre_FGD_EN.docx', mimeType: DOCX, buffer: Buffer.from(await irregularSpeakerTableTranscript()) };
  captions = { name: 'KA_pre_meeting.vtt', mimeType: 'text/vtt', buffer: Buffer.from(VTT, 'utf8') };
  const launched = await launchBrowser(newProfileDir());
  context = launched.context;
  app = new WorkspacePage(launched.page);
  importer = new ImportPage(launched.page);
});

afterAll(async () => {
  await context?.close();
});

/** The speakers table of a file's card as [speaker, paragraphs, chosen role]. */
async function speakerRows(fileName: string): Promise<string[][]> {
  return importer
    .card(fileName)
    .locator('.import-speakers tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => {
        const select = row.querySelector('select') as HTMLSelectElement;
        return [row.querySelector('th')?.textContent ?? '', row.querySelector('td')?.textContent ?? '', select.selectedOptions[0]?.textContent ?? ''];
      }),
    );
}

describe('the speakers of an import', () => {
  it('lists the recognised speakers with their guessed roles and the row it could not attribute, accessibly', async () => {
    await app.open(baseUrl);
    await app.createProject('Speakers', 'Ada Lovelace');
    await importer.pickFiles([table, captions]);
    await importer.waitUntilRead();
    expect(await importer.status('KA_pre_meeting.vtt')).toBe('WebVTT captions');
    expect(await speakerRows('BU_pre_FGD_EN.docx')).toEqual([
      ['INT', '2', 'Moderator (guessed)'],
      ['R1', '3', 'Participant (guessed)'],
      ['All', '1', 'Group (several at once) (guessed)'],
      ['M', '1', 'Moderator (guessed)'],
      ['R2 & R4', '1', 'Group (several at once) (guessed)'],
      ['F2', '1', 'Participant (guessed)'],
      ['PSW2', '1', 'Participant (guessed)'],
      ['P3', '1', 'Participant (guessed)'],
      ['Several', '1', 'Group (several at once) (guessed)'],
    ]);
    expect(await speakerRows('KA_pre_meeting.vtt')).toEqual([
      ['Jane Doe', '1', 'Unknown (guessed)'],
      ['Interviewer', '1', 'Moderator (guessed)'],
    ]);
    const warnings = await importer.preview().getByLabel('Warnings for BU_pre_FGD_EN.docx').innerText();
    expect(warnings).toContain('paragraph 11 ("Someone at the back, unclear")');

    const axe = await new AxeBuilder({ page: app.page }).include('[role="dialog"]').analyze();
    const serious = axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  it('lets the user change a role by keyboard, and stores the chosen role', async () => {
    const role = importer.preview().getByLabel('Role of Jane Doe in KA_pre_meeting.vtt');
    // Reach the role menu from the one before it with Tab, and choose with the keyboard.
    await importer.preview().getByLabel('Name of KA_pre_meeting.vtt').focus();
    for (let i = 0; i < 12 && !(await role.evaluate((element) => element === document.activeElement)); i++) await app.page.keyboard.press('Tab');
    expect(await role.evaluate((element) => element === document.activeElement)).toBe(true);
    await role.selectOption({ label: 'Participant' });
    expect(await speakerRows('KA_pre_meeting.vtt')).toEqual([
      ['Jane Doe', '1', 'Participant'],
      ['Interviewer', '1', 'Moderator (guessed)'],
    ]);
    await app.page.screenshot({ path: join(OUTPUT, 'import-speakers.png'), fullPage: true });
    await importer.commit(2);
    await app.expectNoErrors();
    const details = await importer.openDetails('KA_pre_meeting');
    expect((await importer.speakers(details)).map(([label, role]) => [label, role])).toEqual([
      ['Jane Doe', 'Participant'],
      ['Interviewer', 'Moderator'],
    ]);
    await details.getByRole('button', { name: 'Cancel' }).click();
    await details.waitFor({ state: 'detached' });
  });

  it('leaves a file whose text is already in the project unticked', async () => {
    await importer.pickFiles([captions]);
    await importer.waitUntilRead();
    expect(await importer.preview().getByLabel('Import KA_pre_meeting.vtt').isChecked()).toBe(false);
    expect(await importer.preview().getByLabel('Warnings for KA_pre_meeting.vtt').innerText()).toContain('Same text as “KA_pre_meeting”');
  });

  it('shows a soft line break as a line break inside its paragraph, and a selection across it codes the exact text', async () => {
    await importer.preview().getByRole('button', { name: 'Cancel' }).click();
    await app.importFiles([{ name: 'BU_post_FGD_EN.docx', mimeType: DOCX, buffer: Buffer.from(await boldLabelTranscript()) }]);
    await app.documentRow('BU_post_FGD_EN').click();
    const paragraph = app.paragraph(7).locator('.para-text');
    await paragraph.waitFor();
    expect(await paragraph.locator('br').count()).toBe(1);
    const top = (needle: string) => paragraph.locator('span[data-cp]', { hasText: needle }).evaluate((span) => span.getBoundingClientRect().top);
    // The line after the break starts a line of its own, a full line below the first.
    expect((await top('and the second')) - (await top('First line'))).toBeGreaterThan(10);
    await app.addCode('Routine');
    await app.selectText(7, 'turn\u2028and the second');
    await app.applyCodeToSelection('Routine');
    expect((await app.codedTextsIn(7)).join('')).toBe('turn\u2028and the second');
    await app.page.screenshot({ path: join(OUTPUT, 'import-soft-break.png') });
  });
});
