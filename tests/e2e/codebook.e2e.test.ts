/**
 * The codebook, end to end in Chromium: a project started with CFIR 2.0, an inductive code added under a
 * construct, two passages coded, two codes merged and the merge undone (everything back as it was), a memo written
 * on a coding, and all of it found again after a reload. Then the codebook's exchange: a real Taguette .qdc imported
 * (with its schema warning), and the codebook exported as .qdc and Word.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, newProfileDir } from './support/chromium.ts';
import { visible } from './page-models/workspace-page.ts';
import { CodebookPage } from './page-models/codebook-page.ts';

const TRANSCRIPT = [
  'Moderator: Welcome everyone. Today we talk about the peer support programme.',
  'P1: The peer workers helped us a lot when the ward was full.',
  'P2: At first the nurses did not trust them, the doctors decide everything here.',
  'Moderator: What changed after the training?',
  'P3: The training gave them a shared language.',
].join('\n');

const baseUrl = inject('baseUrl');
const profile = newProfileDir();
let context: BrowserContext;
let app: CodebookPage;

beforeAll(async () => {
  const launched = await launchBrowser(profile);
  context = launched.context;
  app = new CodebookPage(launched.page);
});

afterAll(async () => {
  await context?.close();
});

describe('a CFIR 2.0 project’s codebook', () => {
  it('starts with the CFIR 2.0 domains as categories, numbered, with their constructs', async () => {
    await app.open(baseUrl);
    await app.createProjectWith('PSW implementation', 'Ada Lovelace', 'CFIR 2.0');
    const labels = await app.treeLabels();
    expect(labels.filter((l) => l.startsWith('1 '))).toEqual([
      '1 I Innovation',
      '1 II Outer Setting',
      '1 III Inner Setting',
      '1 IV Individuals',
      '1 V Implementation Process',
    ]);
    expect(labels).toContain('2 III.D Culture');
    await expect.poll(() => app.row('III Inner Setting').locator('.code-name.category').count()).toBe(1);
    // The definition shows where the code is inspected.
    expect(await app.row('III.D Culture').getAttribute('title')).toMatch(/CFIR 2\.0 construct \(id 2\.0\.III\.D\)\nHow far people in the setting hold shared values/);
    await app.importFiles([{ name: 'BU_pre_FGD.txt', mimeType: 'text/plain', buffer: Buffer.from(TRANSCRIPT, 'utf8') }]);
    await visible(app.paragraph(3));
  });

  it('adds an inductive code under a construct and codes two passages', async () => {
    await app.addCodeInside('III.D Culture', 'Hierarchy');
    expect(await app.treeLabels()).toContain('3 Hierarchy');
    await app.selectText(3, 'the doctors decide everything here');
    await app.quickCode('Hierarchy');
    await app.selectText(3, 'the nurses did not trust them');
    await app.quickCode('III.D');
    await expect.poll(() => app.count('Hierarchy')).toBe('1');
    await expect.poll(() => app.count('III.D Culture')).toBe('1');
    await app.codeAction('Hierarchy', 'Details and definition…');
    const details = app.dialog('Code: Hierarchy');
    await visible(details);
    expect(await details.locator('.details-origin').innerText()).toMatch(/^Inductive · 1 coding in 1 document/);
    await details.getByRole('button', { name: 'Cancel' }).click();
    await app.expectNoErrors();
  });

  it('merges the inductive code into the construct, and one undo restores exactly what was there', async () => {
    const before = await app.treeLabels();
    const summary = await app.mergeInto('Hierarchy', 'III.D Culture');
    expect(summary).toMatch(/1 coding of “Hierarchy” go to “Culture”/);
    await expect.poll(() => app.count('III.D Culture')).toBe('2');
    expect(await app.treeLabels()).not.toContain('3 Hierarchy');
    expect(await app.codedTextsIn(3)).toEqual(['the nurses did not trust them', 'the doctors decide everything here']);

    await app.undo();
    await expect.poll(() => app.treeLabels()).toEqual(before);
    await expect.poll(() => app.count('Hierarchy')).toBe('1');
    expect(await app.count('III.D Culture')).toBe('1');
    // The coding is back on Hierarchy: its segments list it.
    await app.row('Hierarchy').click();
    await expect.poll(() => app.segmentTexts()).toEqual(['the doctors decide everything here']);
  });

  it('writes a memo on a coding, beside the transcript', async () => {
    await app.reader().locator('.coded', { hasText: 'the doctors decide everything here' }).first().click();
    await app.page.getByRole('dialog', { name: 'Codings here' }).getByRole('button', { name: 'Select coding Hierarchy' }).click();
    await visible(app.inspector());
    await app.newMemo(/^On the selected coding/);
    expect(await app.memoEditor().locator('.memo-target').innerText()).toMatch(/^Coding\s*BU 3 · Hierarchy · “the doctors decide everything here”$/i);
    // Typed in bursts, with pauses long enough for each to be saved...
    const editor = app.memoEditor();
    await editor.getByLabel('Memo title').fill('Power');
    await expect.poll(() => editor.locator('.memo-status').innerText()).toBe('Saved');
    await editor.getByLabel('Memo text').fill('Medical hierarchy blocks peer roles;');
    await expect.poll(() => editor.locator('.memo-status').innerText()).toBe('Saved');
    await app.writeMemo('Power', 'Medical hierarchy blocks peer roles; compare with the post transcript.');
    await expect.poll(() => app.memoRows()).toEqual(['Power | Coding: BU 3 · Hierarchy · “the doctors decide everything here”']);
    // ... and still one step of undo, which takes the whole memo back; redo brings it again.
    const undoButton = app.page.getByRole('button', { name: 'Undo', exact: true });
    expect(await undoButton.getAttribute('title')).toBe('Undo New memo (Ctrl+Z)');
    await app.undo();
    await expect.poll(() => app.page.locator('.memo-row').count()).toBe(0);
    expect(await undoButton.getAttribute('title')).toMatch(/^Undo Coding/);
    await app.page.getByRole('button', { name: 'Redo', exact: true }).click();
    await expect.poll(() => app.memoRows()).toEqual(['Power | Coding: BU 3 · Hierarchy · “the doctors decide everything here”']);
    await app.expectNoErrors();
  });

  it('finds everything as left after a reload', async () => {
    await app.page.reload();
    await visible(app.page.locator('.project-title', { hasText: 'PSW implementation' }));
    await visible(app.treeItem('Hierarchy'));
    expect(await app.treeLabels()).toContain('3 Hierarchy');
    expect(await app.count('Hierarchy')).toBe('1');
    expect(await app.count('III.D Culture')).toBe('1');
    await expect.poll(() => app.memoRows()).toEqual(['Power | Coding: BU 3 · Hierarchy · “the doctors decide everything here”']);
    await app.page.locator('.memo-row').click();
    await visible(app.memoEditor());
    expect(await app.memoEditor().getByLabel('Memo text').inputValue()).toBe('Medical hierarchy blocks peer roles; compare with the post transcript.');
    expect(await app.memoEditor().locator('.memo-meta').innerText()).toMatch(/Ada Lovelace \(AL\)/);
    await app.memoEditor().getByRole('button', { name: 'Close' }).click();
  });

  it('keeps a memo open with its text when it cannot be written, and writes it once there is room again', async () => {
    await app.page.locator('.memo-row').click();
    const editor = app.memoEditor();
    await visible(editor);
    await app.failStorageWrites();
    await editor.getByLabel('Memo text').fill('Written while the disk was full.');
    await editor.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => editor.locator('.memo-status').innerText()).toBe('Not saved');
    await visible(app.page.locator('.notice-error', { hasText: 'could not be saved' }));
    expect(await editor.getByLabel('Memo text').inputValue()).toBe('Written while the disk was full.');
    await app.letStorageWrite();
    await editor.getByRole('button', { name: 'Close' }).click();
    await editor.waitFor({ state: 'detached' });
    await app.page.reload();
    await app.page.locator('.memo-row').click();
    await visible(app.memoEditor());
    expect(await app.memoEditor().getByLabel('Memo text').inputValue()).toBe('Written while the disk was full.');
    await app.memoEditor().getByRole('button', { name: 'Close' }).click();
  });
});

describe('reshaping the tree', () => {
  it('moves a code into another by drag and drop, refuses a drop into its own subcode, and undo puts it back', async () => {
    await app.expand('III.E Tension for Change');
    await app.row('Hierarchy').dragTo(app.row('III.E Tension for Change'));
    const after = async (label: string) => {
      const labels = await app.treeLabels();
      return labels[labels.indexOf(label) + 1];
    };
    await expect.poll(() => after('2 III.E Tension for Change')).toBe('3 Hierarchy');
    expect(await app.count('Hierarchy')).toBe('1');
    // A construct cannot go into a code below it: nothing changes.
    const before = await app.treeLabels();
    await app.row('III.E Tension for Change').dragTo(app.row('Hierarchy'));
    expect(await app.treeLabels()).toEqual(before);
    await app.undo();
    await expect.poll(() => after('3 III.D.4 Learning-Centeredness')).toBe('3 Hierarchy');
  });

  it('is walked and renamed from the keyboard', async () => {
    await app.row('III.D.4 Learning-Centeredness').click();
    await app.page.keyboard.press('ArrowDown');
    await expect.poll(() => app.treeItem('Hierarchy').getAttribute('aria-selected')).toBe('true');
    await app.page.keyboard.press('F2');
    const field = app.page.getByLabel('Rename Hierarchy');
    await field.fill('Medical hierarchy');
    await field.press('Enter');
    await visible(app.treeItem('Medical hierarchy'));
    await app.undo();
    await visible(app.treeItem('Hierarchy'));
    await app.expectNoErrors();
  });
});

describe('the tree’s open and closed codes', () => {
  it('says once when they cannot be remembered, and the tree still opens and closes', async () => {
    await app.failStorageWrites();
    try {
      const notice = app.page.locator('.notice', { hasText: 'Which codes are open in the coding tree could not be remembered' });
      const expanded = () => app.treeItem('III.D Culture').getAttribute('aria-expanded');
      const before = await expanded();
      await app.row('III.D Culture').locator('.twisty').first().click();
      await expect.poll(expanded).not.toBe(before);
      await visible(notice);
      await app.row('III.D Culture').locator('.twisty').first().click();
      await expect.poll(expanded).toBe(before);
      await expect.poll(() => notice.count()).toBe(1);
      await notice.getByRole('button').first().click();
      await expect.poll(() => notice.count()).toBe(0);
    } finally {
      await app.letStorageWrite();
    }
  });
});

describe('codebook exchange', () => {
  it('imports Taguette’s real .qdc, saying what is not standard about it', async () => {
    const qdc = readFileSync(join(import.meta.dirname, '..', 'unit', 'shared', 'refi', 'fixtures', 'taguette-1.4.1_codebook.qdc'));
    await app.chooseFiles(() => app.codebookMenu('Import a codebook (.qdc, .qdpx)…'), [
      { name: 'codebook.qdc', mimeType: 'application/xml', buffer: qdc },
    ]);
    const preview = app.dialog('Import the codebook of codebook.qdc');
    await visible(preview);
    expect(await preview.locator('.import-warnings').innerText()).toMatch(/empty <Sets\/>/);
    await preview.getByRole('button', { name: 'Import 3 codes' }).click();
    await preview.waitFor({ state: 'detached' });
    await visible(app.treeItem('Variables'));
    expect((await app.treeLabels()).filter((l) => l.startsWith('1 ')).slice(-3)).toEqual(['1 xsd:element name', '1 CodeBook', '1 Variables']);
  });

  it('refuses a hostile .qdc with a clear message and changes nothing', async () => {
    const before = await app.treeLabels();
    const hostile = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="5AF49E20-6FF8-4711-B1B0-9833CBB50109" name="&a;" isCodable="true"/></Codes></CodeBook>';
    await app.chooseFiles(() => app.codebookMenu('Import a codebook (.qdc, .qdpx)…'), [
      { name: 'evil.qdc', mimeType: 'application/xml', buffer: Buffer.from(hostile) },
    ]);
    const error = app.page.locator('.notice-error');
    await visible(error);
    expect(await error.innerText()).toMatch(/evil\.qdc: .*DOCTYPE.*Nothing was imported/s);
    expect(await app.treeLabels()).toEqual(before);
    await error.getByRole('button').first().click();
  });

  it('exports the codebook as a REFI-QDA .qdc and as Word', async () => {
    const qdc = app.page.waitForEvent('download');
    await app.codebookMenu('Export as REFI-QDA codebook (.qdc)…');
    const qdcFile = await qdc;
    expect(qdcFile.suggestedFilename()).toBe('PSW implementation codebook.qdc');
    const text = readFileSync((await qdcFile.path()) as string, 'utf8');
    expect(text).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/);
    expect(text).toMatch(/<Code guid="[0-9a-f-]{36}" name="Hierarchy" isCodable="true"/);
    const docx = app.page.waitForEvent('download');
    await app.codebookMenu('Export to Word (.docx)…');
    const docxFile = await docx;
    expect(docxFile.suggestedFilename()).toBe('PSW implementation codebook.docx');
    expect(readFileSync((await docxFile.path()) as string).subarray(0, 2).toString()).toBe('PK');
  });
});
