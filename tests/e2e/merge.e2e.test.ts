/**
 * Two coders, two laptops (issue 14), end to end in Chromium: each coder is a separate browser profile with its own
 * coder identity. Ada imports the transcript, codes and saves the project file; Ben opens it on his laptop, codes,
 * deletes and renames something and exports his session; Ada has meanwhile coded, deleted and renamed too. Ben's
 * session is merged into Ada's project through the review (counts, a question about Ada's coding Ben deleted, one
 * click to a passage), then found again after a reload, undone and redone once. The new dialogs are axe-core clean.
 * A project file of a project already here is offered "Merge into it", and blind double-coding hides the other
 * coder's codings until turned off, across a reload.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeProjectFile } from '#shared/project-file/project-file';
import { launchBrowser, newProfileDir } from './support/chromium.ts';
import { visible, WorkspacePage } from './page-models/workspace-page.ts';

const TRANSCRIPT = [
  'Moderator: Welcome everyone. Today we talk about the peer support programme.',
  'P1: The peer workers helped us a lot when the ward was full.',
  'P2: At first the nurses did not trust them.',
  'Moderator: What changed after the training?',
  'P3: The training gave them a shared language with the nurses.',
].join('\n');

const baseUrl = inject('baseUrl');
const shots = join(process.cwd(), 'test-results', 'screenshots');
const files = newProfileDir();
let adaContext: BrowserContext;
let benContext: BrowserContext;
let ada: WorkspacePage;
let ben: WorkspacePage;
let projectFile = '';
let sessionFile = '';

async function seriousViolations(page: Page, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
}

/** Answers the first-start question: who codes on this computer. */
async function sayWhoCodes(app: WorkspacePage, name: string, initials: string): Promise<void> {
  const card = app.page.getByRole('region', { name: 'Who codes on this computer?' });
  await visible(card);
  await card.getByLabel('Full name').fill(name);
  await card.getByLabel('Initials').fill(initials);
  await card.getByLabel('Initials').press('Enter');
  await card.waitFor({ state: 'detached' });
}

async function renameCode(app: WorkspacePage, from: string, to: string): Promise<void> {
  await app.codeRow(from).click();
  await app.page.keyboard.press('F2');
  const field = app.page.getByLabel(`Rename ${from}`);
  await field.fill(to);
  await field.press('Enter');
  await visible(app.codeRow(to));
}

async function removeCoding(app: WorkspacePage, text: string, codeName: string): Promise<void> {
  await app.page.locator('.reader-body .coded', { hasText: text }).first().click();
  const here = app.page.getByRole('dialog', { name: 'Codings here' });
  await visible(here);
  await here.getByRole('button', { name: `Remove coding ${codeName}` }).click();
  await here.waitFor({ state: 'detached' });
}

/** Picks an item of the project bar's Coders menu. */
async function codersMenu(app: WorkspacePage, item: string): Promise<void> {
  await app.page.getByRole('button', { name: /^Coders ▾$/ }).click();
  await app.page.getByRole('menu', { name: 'Coders' }).getByRole('menuitem', { name: item }).click();
}

async function codeNames(app: WorkspacePage): Promise<string[]> {
  return app.page.locator('.code-row .code-name').allInnerTexts();
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  const a = await launchBrowser(newProfileDir());
  adaContext = a.context;
  ada = new WorkspacePage(a.page);
  const b = await launchBrowser(newProfileDir());
  benContext = b.context;
  ben = new WorkspacePage(b.page);
});

afterAll(async () => {
  await adaContext?.close();
  await benContext?.close();
});

describe('two coders on two laptops', () => {
  it('Ada says who she is at first start, imports the transcript, codes and saves the project file', async () => {
    await ada.open(baseUrl);
    expect(await seriousViolations(ada.page, '.coder-identity-card')).toEqual([]);
    await sayWhoCodes(ada, 'Ada Lovelace', 'AL');
    await ada.createProject('Two coders', '');
    // The coder who is coding is visible in the main window.
    expect(await ada.page.locator('.coder-picker select option:checked').innerText()).toBe('Ada Lovelace (AL)');
    await ada.importFiles([{ name: 'BU_pre_FGD.txt', mimeType: 'text/plain', buffer: Buffer.from(TRANSCRIPT, 'utf8') }]);
    await visible(ada.documentRow('BU_pre_FGD'));
    await ada.addCode('Trust');
    await ada.addCode('Peer support');
    await ada.selectText(3, 'the nurses did not trust them');
    await ada.applyCodeToSelection('Trust');
    await ada.selectText(2, 'helped us a lot');
    await ada.applyCodeToSelection('Peer support');
    await expect.poll(() => ada.codedTexts()).toEqual(['helped us a lot', 'the nurses did not trust them']);
    const download = await ada.saveProjectFile();
    projectFile = join(files, 'two-coders.tessera');
    await download.saveAs(projectFile);
    const saved = (await decodeProjectFile(new Uint8Array(readFileSync(projectFile)))).snapshot;
    const adaId = saved.coders.find((c) => c.name === 'Ada Lovelace')?.id;
    expect(saved.codings.map((c) => c.createdBy)).toEqual([adaId, adaId]);
    await ada.expectNoErrors();
  });

  it('Ben opens the file on his laptop, codes, deletes and renames, and exports his session', async () => {
    await ben.open(baseUrl);
    await sayWhoCodes(ben, 'Ben Okello', 'BO');
    await ben.chooseFiles(() => ben.page.getByRole('button', { name: 'Open a project file (.tessera)…' }).click(), [
      { name: 'two-coders.tessera', mimeType: 'application/octet-stream', buffer: readFileSync(projectFile) },
    ]);
    await visible(ben.page.locator('.project-title', { hasText: 'Two coders' }));
    // Ben joins the project's coders and codes as himself.
    await expect.poll(() => ben.page.locator('.coder-picker select option').allInnerTexts()).toEqual(['Ada Lovelace (AL)', 'Ben Okello (BO)']);
    expect(await ben.page.locator('.coder-picker select option:checked').innerText()).toBe('Ben Okello (BO)');
    await ben.selectText(5, 'a shared language');
    await ben.applyCodeToSelection('Trust');
    await ben.selectText(4, 'What changed after the training');
    await ben.applyCodeToSelection('Peer support');
    // He deletes his own second coding and Ada's "Trust" coding, and renames a code.
    await removeCoding(ben, 'What changed after the training', 'Peer support');
    await removeCoding(ben, 'the nurses did not trust them', 'Trust');
    await renameCode(ben, 'Peer support', 'Peer workers');
    await expect.poll(() => ben.codedTexts()).toEqual(['helped us a lot', 'a shared language']);

    await codersMenu(ben, 'Export my session…');
    const dialog = ben.page.getByRole('dialog', { name: 'Export my session' });
    await visible(dialog);
    expect(await seriousViolations(ben.page, '.modal')).toEqual([]);
    const download = ben.page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Save session…' }).click();
    sessionFile = join(files, 'ben-session.tessera');
    await (await download).saveAs(sessionFile);
    const session = (await decodeProjectFile(new Uint8Array(readFileSync(sessionFile)))).snapshot;
    const benId = session.coders.find((c) => c.name === 'Ben Okello')?.id;
    expect(session.codings.filter((c) => c.createdBy === benId)).toHaveLength(1);
    expect(session.tombstones.filter((t) => t.kind === 'codings')).toHaveLength(2);
    expect(session.codes.find((c) => c.name === 'Peer workers')?.modifiedBy).toBe(benId);
    await ben.expectNoErrors();
  });

  it('meanwhile Ada codes, deletes and renames on hers', async () => {
    await ada.selectText(5, 'The training gave them');
    await ada.applyCodeToSelection('Peer support');
    await ada.selectText(1, 'Welcome everyone');
    await ada.applyCodeToSelection('Trust');
    await removeCoding(ada, 'Welcome everyone', 'Trust');
    await renameCode(ada, 'Trust', 'Trust in peers');
    await expect.poll(() => ada.codedTexts()).toEqual(['helped us a lot', 'the nurses did not trust them', 'The training gave them']);
  });

  it('Ada reviews Ben’s session before anything is written, and merges it', async () => {
    await ada.chooseFiles(() => codersMenu(ada, 'Merge sessions or copies…'), [
      { name: 'ben-session.tessera', mimeType: 'application/octet-stream', buffer: readFileSync(sessionFile) },
    ]);
    const review = ada.page.getByRole('dialog', { name: 'Merge 1 file into “Two coders”' });
    await visible(review);
    const count = (label: string) => review.locator('.merge-counts div', { has: ada.page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd').innerText();
    expect(await count('Added')).toBe('2'); // Ben's coding and his coder record
    expect(await count('Deleted')).toBe('1'); // Ada's coding Ben deleted
    expect(await count('In conflict')).toBe('1');
    // Ben renamed "Peer support" to "Peer workers": both versions are listed, the latest kept.
    await visible(review.locator('.merge-list li', { hasText: '“Peer support” under the top' }).locator('.merge-kept', { hasText: '“Peer workers”' }));
    const merge = review.getByRole('button', { name: 'Merge', exact: true });
    expect(await merge.isDisabled()).toBe(true);
    expect(await seriousViolations(ada.page, '.merge-modal')).toEqual([]);
    await ada.page.screenshot({ path: join(shots, 'merge-review.png') });

    // One click from an item to its passage, and back to the review.
    await review.getByRole('button', { name: /^Show coding of "Trust in peers" on "BU_pre_FGD" \[\d+, \d+\)$/ }).first().click();
    await visible(ada.page.getByRole('region', { name: 'Merge review set aside' }));
    await visible(ada.page.locator('.para.flash'));
    expect(await ada.page.evaluate(() => window.getSelection()?.toString())).toBe('the nurses did not trust them');
    await ada.page.getByRole('button', { name: 'Back to the review' }).click();
    await visible(review);
    // Nothing was written yet.
    expect(await ada.codedTexts()).toEqual(['helped us a lot', 'the nurses did not trust them', 'The training gave them']);

    await review.getByRole('radiogroup').first().getByLabel('Delete').check();
    expect(await merge.isDisabled()).toBe(false);
    const copy = ada.page.waitForEvent('download');
    await merge.click();
    expect((await copy).suggestedFilename()).toBe('Two coders (before merge).tessera');
    const done = ada.page.getByRole('dialog', { name: 'Merged' });
    await visible(done);
    expect(await done.locator('.merge-report').innerText()).toContain('decided "agree"');
    expect(await seriousViolations(ada.page, '.merge-modal')).toEqual([]);
    await ada.page.screenshot({ path: join(shots, 'merge-done.png') });
    const report = ada.page.waitForEvent('download');
    await done.getByRole('button', { name: 'Save the report…' }).click();
    expect((await report).suggestedFilename()).toBe('Two coders merge report.md');
    await done.locator('.modal-actions').getByRole('button', { name: 'Close' }).click();
    await expectMerged();
    await ada.expectNoErrors();
  });

  it('undoes the merge in one step, and redoes it', async () => {
    await ada.page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => ada.codedTexts()).toEqual(['helped us a lot', 'the nurses did not trust them', 'The training gave them']);
    expect(await codeNames(ada)).toEqual(expect.arrayContaining(['Peer support', 'Trust in peers']));
    await ada.page.getByRole('button', { name: 'Redo', exact: true }).click();
    await expectMerged();
    await ada.expectNoErrors();
  });

  it('finds everything merged after a reload', async () => {
    await ada.page.reload();
    await visible(ada.page.locator('.project-title', { hasText: 'Two coders' }));
    await expectMerged();
    await expect.poll(() => ada.page.locator('.coder-picker select option').allInnerTexts()).toEqual(['Ada Lovelace (AL)', 'Ben Okello (BO)']);
  });

  it('hides the other coder’s codings while blind double-coding, across a reload, and shows them again', async () => {
    await codersMenu(ada, 'Hide others’ codings');
    await visible(ada.page.locator('.blind-badge'));
    await expect.poll(() => ada.codedTexts()).toEqual(['helped us a lot', 'The training gave them']);
    await ada.page.reload();
    await visible(ada.page.locator('.project-title', { hasText: 'Two coders' }));
    await expect.poll(() => ada.codedTexts()).toEqual(['helped us a lot', 'The training gave them']);
    await visible(ada.page.locator('.blind-badge'));
    await codersMenu(ada, 'Show others’ codings');
    await expect.poll(() => ada.codedTexts()).toEqual(['helped us a lot', 'The training gave them', 'a shared language']);
  });

  it('offers “Merge into it” when Ben opens a file of the project he already has', async () => {
    const download = await ada.saveProjectFile();
    const merged = join(files, 'two-coders-merged.tessera');
    await download.saveAs(merged);
    // The merge report is kept in the project as a project memo.
    const saved = (await decodeProjectFile(new Uint8Array(readFileSync(merged)))).snapshot;
    expect(saved.memos.filter((m) => m.target.kind === 'project' && m.title.startsWith('Merge report'))).toHaveLength(1);
    await ben.page.getByRole('button', { name: 'Close project' }).click();
    await ben.chooseFiles(() => ben.page.getByRole('button', { name: 'Open a project file (.tessera)…' }).click(), [
      { name: 'two-coders-merged.tessera', mimeType: 'application/octet-stream', buffer: readFileSync(merged) },
    ]);
    const ask = ben.page.getByRole('dialog', { name: '“Two coders” is already here' });
    await visible(ask);
    await ask.getByRole('button', { name: 'Merge into it…' }).click();
    const review = ben.page.getByRole('dialog', { name: 'Merge 1 file into “Two coders”' });
    await visible(review);
    // Ada's renaming is the newest edit of "Trust"; Ada's own deletion travels to Ben and is agreed by default.
    await visible(review.locator('.merge-kept', { hasText: '“Trust in peers”' }));
    const copy = ben.page.waitForEvent('download');
    await review.getByRole('button', { name: 'Merge', exact: true }).click();
    await copy;
    await ben.page.getByRole('dialog', { name: 'Merged' }).locator('.modal-actions').getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => ben.codedTexts()).toEqual(['helped us a lot', 'The training gave them', 'a shared language']);
    expect(await codeNames(ben)).toEqual(expect.arrayContaining(['Peer workers', 'Trust in peers']));
    await ben.expectNoErrors();
  });
});

/** Ada's project after merging Ben's session: both coders' work, both renamings, the agreed deletions. */
async function expectMerged(): Promise<void> {
  await expect.poll(() => ada.codedTexts()).toEqual(['helped us a lot', 'The training gave them', 'a shared language']);
  expect(await codeNames(ada)).toEqual(expect.arrayContaining(['Peer workers', 'Trust in peers']));
  expect(await codeNames(ada)).not.toContain('Peer support');
}
