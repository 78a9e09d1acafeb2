/**
 * Importing a study through the UI in Chromium: declare sites, pick a batch of Word and text files (transcripts and
 * field notes from several sites, a Hebrew transcript, a Windows-1252 text file, a PDF renamed .docx), check the
 * preview, change an encoding, set site and phase, import everything in one step (one undo), and find the documents
 * grouped by site with their speakers; edit a document's speakers; code a Hebrew passage; reload and find it all.
 * Screenshots of the preview, the list and the Hebrew passage go to tests/e2e/output/.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, newProfileDir } from './support/chromium.ts';
import { visible, WorkspacePage, type FixtureFile } from './page-models/workspace-page.ts';
import { ImportPage } from './page-models/import-page.ts';
import {
  boldLabelTranscript,
  footnotesAndComments,
  hebrewTranscript,
  irregularSpeakerTableTranscript,
  longTranscript,
  speakerTableTranscript,
  timedSpeakerTableTranscript,
} from '../fixtures/docx/docx-fixtures.ts';

const OUTPUT = 'tests/e2e/output';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const baseUrl = inject('baseUrl');
let context: BrowserContext;
let app: WorkspacePage;
let importer: ImportPage;
const files: FixtureFile[] = [];

const docx = (name: string, bytes: Uint8Array): FixtureFile => ({ name, mimeType: DOCX, buffer: Buffer.from(bytes) });
const text = (name: string, bytes: Uint8Array | string): FixtureFile => ({
  name,
  mimeType: 'text/plain',
  buffer: typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes),
});

beforeAll(async () => {
  mkdirSync(OUTPUT, { recursive: true });
  // Windows-1252 field notes: curly quotes 0x93/0x94 and an en dash 0x96, as Notepad on Windows saves them.
  const cp1252 = new Uint8Array([
    ...Buffer.from('The group said ', 'latin1'), 0x93, ...Buffer.from('we were heard', 'latin1'), 0x94, 0x20, 0x96,
    ...Buffer.from(' and stayed late.\r\nTea was served at 10:30.', 'latin1'),
  ]);
  files.push(
    docx('BU_pre_FGD_EN.docx', await boldLabelTranscript()),
    text('BU_pre_FN.txt', 'The room was hot.\r\nP3 arrived late and left early.'),
    docx('BU_post_FGD_EN.docx', await speakerTableTranscript()),
    docx('KA_pre_FGD_EN.docx', await timedSpeakerTableTranscript()),
    text('KA_pre_FN.txt', cp1252),
    docx('KA_post_FGD_EN.docx', await footnotesAndComments()),
    docx('JR_pre_FGD_HE.docx', await hebrewTranscript()),
    text('JR_pre_FN_utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Moderator: הערות שדה\r\nThe group met outside.', 'utf16le')])),
    docx('scan.docx', new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n')),
  );
  for (let group = 1; group <= 6; group++) files.push(docx(`BU_post_FGD${group + 1}_EN.docx`, await longTranscript(400 + group * 150)));
  const launched = await launchBrowser(newProfileDir());
  context = launched.context;
  app = new WorkspacePage(launched.page);
  importer = new ImportPage(launched.page);
});

afterAll(async () => {
  await context?.close();
});

describe('importing a study', () => {
  it('declares the study’s sites in the study dialog', async () => {
    await app.open(baseUrl);
    await app.createProject('UPSIDES FGDs', 'Ada Lovelace');
    const study = await importer.openStudy();
    await importer.addSite('BU', 'Butabika, Uganda');
    await importer.addSite('ka', 'Kampala');
    expect(await study.getByLabel('Code of site KA').inputValue()).toBe('KA');
    // Phases: pre and post to start with.
    expect(await study.getByLabel(/^Name of phase /).evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual(['pre', 'post']);
    await app.page.screenshot({ path: join(OUTPUT, 'import-study.png') });
    await study.getByRole('button', { name: 'Done' }).click();
  });

  it('reads a batch of 15 files off the UI thread and previews each, naming the one that cannot be read', async () => {
    await importer.pickFiles(files);
    expect(await importer.waitUntilRead()).toBe('14 files read, 1 could not be.');
    expect(await importer.status('BU_pre_FGD_EN.docx')).toBe('Word document');
    expect(await importer.card('BU_pre_FGD_EN.docx').locator('.import-counts').innerText()).toBe(
      '12 paragraphs · 5 speakers: Moderator, P3, Participant 2, Sarah, P1 · 2 timestamped paragraphs',
    );
    expect(await importer.card('BU_pre_FGD_EN.docx').locator('.import-first-lines p').first().innerText()).toBe(
      '1Focus group discussion – Butabika, pre-implementation',
    );
    expect(await importer.status('JR_pre_FN_utf16.txt')).toBe('Text, UTF-16 LE, detected from its byte-order mark');
    expect(await importer.card('scan.docx').getByRole('alert').innerText()).toBe(
      '"scan.docx" is a PDF document, not a transcript. Tessera imports transcripts as Word (.docx), plain-text (.txt) or caption (.vtt, .srt) files.',
    );
    // Attributes from the file names.
    expect(await importer.preview().getByLabel('Site of BU_pre_FGD_EN.docx').inputValue()).toBe('BU');
    expect(await importer.preview().getByLabel('Kind of KA_pre_FN.txt').inputValue()).toBe('field-notes');
    expect(await importer.preview().getByLabel('Language of JR_pre_FGD_HE.docx').inputValue()).toBe('Hebrew');
    // JR is not a site yet: the preview offers to declare it.
    await visible(importer.preview().getByLabel('Name of new site JR'));
  });

  it('shows the encoding it guessed for a legacy text file and reads it again in the encoding the user picks', async () => {
    const card = importer.card('KA_pre_FN.txt');
    expect(await importer.status('KA_pre_FN.txt')).toBe('Text, Windows-1252 (Western European), guessed: the file is not UTF-8, check the text below');
    expect(await card.locator('.import-first-lines p').first().innerText()).toBe('1The group said “we were heard” – and stayed late.');
    await importer.chooseEncoding('KA_pre_FN.txt', 'UTF-8');
    await expect.poll(() => card.getByRole('alert').innerText().catch(() => '')).toMatch(/cannot be read as UTF-8/);
    await importer.chooseEncoding('KA_pre_FN.txt', 'Windows-1252 (Western European)');
    await expect.poll(() => importer.status('KA_pre_FN.txt')).toBe('Text, Windows-1252 (Western European), as you chose');
  });

  it('sets attributes for all files and per file, and names the new site', async () => {
    await importer.setPhaseForAll('post');
    await importer.setPhase('BU_pre_FGD_EN.docx', 'pre');
    await importer.setPhase('BU_pre_FN.txt', 'pre');
    await importer.setPhase('KA_pre_FGD_EN.docx', 'pre');
    await importer.setPhase('KA_pre_FN.txt', 'pre');
    await importer.setPhase('JR_pre_FGD_HE.docx', 'pre');
    await importer.setPhase('JR_pre_FN_utf16.txt', 'pre');
    await importer.setKind('JR_pre_FN_utf16.txt', 'Field notes');
    await importer.nameNewSite('JR', 'Jerusalem');
    // Field notes go with the one transcript of the same site and phase.
    expect(await importer.card('BU_pre_FN.txt').locator('.import-counts').innerText()).toMatch(/ · notes on BU_pre_FGD_EN$/);
    await importer.preview().getByRole('heading', { name: 'Import 15 files' }).scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: join(OUTPUT, 'import-preview.png') });
    expect(await importer.preview().locator('.import-summary').innerText()).toBe(
      '14 documents will be added; 1 file could not be read and will be left out.',
    );
  });

  it('imports every good file in one step, reports the failed one by name, and lists documents by site and phase', async () => {
    await importer.commit(14);
    const error = app.page.locator('.notice-error');
    await visible(error);
    expect(await error.innerText()).toMatch(/1 of 15 files could not be imported; nothing of it was stored\.[\s\S]*"scan.docx" is a PDF document/);
    expect(await importer.documentGroups()).toEqual([
      [
        'BU Butabika, Uganda',
        [
          ['BU_pre_FGD_EN', 'pre'],
          ['BU_pre_FN', 'pre', 'notes'],
          ['BU_post_FGD_EN', 'post'],
          ['BU_post_FGD2_EN', 'post'],
          ['BU_post_FGD3_EN', 'post'],
          ['BU_post_FGD4_EN', 'post'],
          ['BU_post_FGD5_EN', 'post'],
          ['BU_post_FGD6_EN', 'post'],
          ['BU_post_FGD7_EN', 'post'],
        ],
      ],
      [
        'KA Kampala',
        [
          ['KA_pre_FGD_EN', 'pre'],
          ['KA_pre_FN', 'pre', 'notes'],
          ['KA_post_FGD_EN', 'post'],
        ],
      ],
      [
        'JR Jerusalem',
        [
          ['JR_pre_FGD_HE', 'pre'],
          ['JR_pre_FN_utf16', 'pre', 'notes'],
        ],
      ],
    ]);
    await app.page.screenshot({ path: join(OUTPUT, 'import-documents.png') });
  });

  it('takes the whole import back with one undo, and brings it back with redo', async () => {
    await app.page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => app.page.locator('.document-item').count()).toBe(0);
    await app.page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => app.page.locator('.document-item').count()).toBe(14);
  });

  it('shows a document’s speakers, and renames one and sets its role and attributes without touching the text', async () => {
    const details = await importer.openDetails('BU_pre_FGD_EN');
    expect(await importer.speakers(details)).toEqual([
      ['Moderator', 'Moderator', '3'],
      ['P3', 'Participant', '2'],
      ['Participant 2', 'Participant', '1'],
      ['Sarah', 'Unknown', '1'],
      ['P1', 'Participant', '1'],
    ]);
    expect(await details.getByRole('combobox', { name: 'Site', exact: true }).inputValue()).not.toBe('');
    await details.getByLabel('Label of speaker Sarah').fill('P5 (Sarah)');
    await details.getByLabel('Role of speaker P5 (Sarah)').selectOption({ label: 'Participant' });
    await details.getByRole('button', { name: 'Add attribute to speaker P5 (Sarah)' }).click();
    await details.getByLabel('Attribute name 1 of speaker P5 (Sarah)').fill('profession');
    await details.getByLabel('Attribute value 1 of speaker P5 (Sarah)').fill('nurse');
    await app.page.screenshot({ path: join(OUTPUT, 'import-details.png') });
    await details.getByRole('button', { name: 'Save' }).click();
    await details.waitFor({ state: 'detached' });
    await app.documentRow('BU_pre_FGD_EN').click();
    // The text keeps the label as the transcriber wrote it.
    expect(await app.paragraph(6).locator('.para-text').innerText()).toBe('Sarah: I’d say the ward was full [laughs]');
  });

  it('shows a Hebrew transcript right to left, and codes a Hebrew phrase selected with the mouse', async () => {
    await app.documentRow('JR_pre_FGD_HE').click();
    await expect.poll(() => app.paragraph(1).locator('.para-text').innerText()).toBe('מנחה: ברוכים הבאים לקבוצת המיקוד.');
    const direction = (n: number) => app.paragraph(n).locator('.para-text').evaluate((el) => getComputedStyle(el).direction);
    expect(await direction(1)).toBe('rtl');
    expect(await direction(3)).toBe('ltr');
    await app.addCode('Peer support');
    await app.selectText(2, 'תמיכת עמיתים');
    await app.applyCodeToSelection('Peer support');
    await app.selectText(3, 'שלום עליכם');
    await app.applyCodeToSelection('Peer support');
    await expect.poll(() => app.codedTexts()).toEqual(['תמיכת עמיתים', 'שלום עליכם']);
    await app.page.screenshot({ path: join(OUTPUT, 'import-rtl.png') });
  });

  it('finds documents, attributes, speakers and codings as left after a reload', async () => {
    await app.page.reload();
    await visible(app.page.locator('.project-title', { hasText: 'UPSIDES FGDs' }));
    await expect.poll(() => app.page.locator('.document-item').count()).toBe(14);
    expect((await importer.documentGroups()).map(([head]) => head)).toEqual(['BU Butabika, Uganda', 'KA Kampala', 'JR Jerusalem']);
    const details = await importer.openDetails('BU_pre_FGD_EN');
    expect((await importer.speakers(details))[3]).toEqual(['P5 (Sarah)', 'Participant', '1']);
    expect(await details.getByLabel('Attribute value 1 of speaker P5 (Sarah)').inputValue()).toBe('nurse');
    await details.getByRole('button', { name: 'Cancel' }).click();
    const notes = await importer.openDetails('BU_pre_FN');
    expect(await notes.getByRole('combobox', { name: 'Field notes on' }).locator('option:checked').innerText()).toBe('BU_pre_FGD_EN');
    await notes.getByRole('button', { name: 'Cancel' }).click();
    await app.documentRow('JR_pre_FGD_HE').click();
    await expect.poll(() => app.codedTexts()).toEqual(['תמיכת עמיתים', 'שלום עליכם']);
  });

  it('asks before removing a site that documents use, saying how many would lose it', async () => {
    const study = await importer.openStudy();
    expect(await study.getByRole('listitem').filter({ has: app.page.getByLabel('Code of site KA') }).locator('.study-use').innerText()).toBe('3 documents');
    await study.getByRole('button', { name: 'Remove site KA' }).click();
    expect(await study.getByRole('alert').innerText()).toMatch(/^3 documents are from KA and would lose their site\./);
    await study.getByRole('button', { name: 'Keep it' }).click();
    await study.getByRole('button', { name: 'Done' }).click();
    expect((await importer.documentGroups()).map(([head]) => head)).toContain('KA Kampala');
  });

  it('still imports where the import worker cannot start (its script fails to load), reading on the page', async () => {
    let blocked = 0;
    await app.page.route('**/import-worker-*.js', (route) => {
      blocked++;
      return route.abort();
    });
    await app.page.reload();
    await visible(app.page.locator('.project-title', { hasText: 'UPSIDES FGDs' }));
    await importer.pickFiles([docx('KA_post_FGD2_EN.docx', await irregularSpeakerTableTranscript()), text('KA_post_FN.txt', 'Short session.')]);
    expect(await importer.waitUntilRead()).toBe('2 files read.');
    await importer.commit(2);
    await expect.poll(() => app.page.locator('.document-item').count()).toBe(16);
    expect(blocked).toBeGreaterThan(0);
    await app.page.unroute('**/import-worker-*.js');
  });
});
