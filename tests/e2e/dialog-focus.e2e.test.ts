/**
 * Every modal dialog and menu, as a keyboard or screen-reader user meets it: focus moves into it when it opens,
 * Tab and Shift+Tab go round inside it, and when it closes focus is back on what opened it (not on the page body).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Locator } from 'playwright-core';
import { launchBrowser, newProfileDir } from './support/chromium.ts';
import { visible } from './page-models/workspace-page.ts';
import { CodebookPage } from './page-models/codebook-page.ts';

const TRANSCRIPT = [
  'Moderator: Welcome everyone. Today we talk about the peer support programme.',
  'P1: The peer workers helped us a lot when the ward was full.',
  'P2: At first the nurses did not trust them, the doctors decide everything here.',
].join('\n');

const baseUrl = inject('baseUrl');
let context: BrowserContext;
let app: CodebookPage;

beforeAll(async () => {
  const launched = await launchBrowser(newProfileDir());
  context = launched.context;
  app = new CodebookPage(launched.page);
  await app.open(baseUrl);
  await app.createProjectWith('Focus study', 'Ada Lovelace', 'CFIR 2.0');
  await app.importFiles([{ name: 'BU_pre_FGD.txt', mimeType: 'text/plain', buffer: Buffer.from(TRANSCRIPT, 'utf8') }]);
  await visible(app.paragraph(3));
});

afterAll(async () => {
  await context?.close();
});

/** What has the keyboard focus, described for a failure message. */
async function focused(): Promise<string> {
  return app.page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'the page body';
    return `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
  });
}

async function focusIsIn(container: Locator): Promise<boolean> {
  return container.evaluate((el) => el.contains(document.activeElement));
}

/** Focus is inside `container` now, and stays inside through a full round of Tab and of Shift+Tab. */
async function expectFocusKeptIn(container: Locator): Promise<void> {
  await expect.poll(() => focusIsIn(container), { message: `focus is on ${await focused()}` }).toBe(true);
  const stops = await container.evaluate((el) => el.querySelectorAll('button, input, select, textarea, a[href], [tabindex="0"]').length);
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < stops + 2; i += 1) {
      await app.page.keyboard.press(key);
      if (!(await focusIsIn(container))) throw new Error(`after ${i + 1} × ${key} focus left for ${await focused()}`);
    }
  }
}

/** Opens with the keyboard: focus on `opener`, then Enter. */
async function openWithKeyboard(opener: Locator): Promise<void> {
  await opener.focus();
  await app.page.keyboard.press('Enter');
}

async function expectFocusBackOn(opener: Locator): Promise<void> {
  await expect.poll(async () => opener.evaluate((el) => el === document.activeElement), { message: `focus is on ${await focused()}` }).toBe(true);
}

describe('modal dialogs keep and give back the focus', () => {
  it.each([
    ['Study…', 'Study design'],
    ['Export…', 'Export coded extracts'],
    ['Agreement…', 'Intercoder agreement'],
  ])('the %s dialog', async (button, title) => {
    const opener = app.page.getByRole('button', { name: button, exact: true });
    await openWithKeyboard(opener);
    const dialog = app.page.getByRole('dialog', { name: title });
    await visible(dialog);
    await expectFocusKeptIn(dialog);
    await app.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expectFocusBackOn(opener);
  });

  it('the import preview, opened by the Import button', async () => {
    const opener = app.page.getByRole('button', { name: 'Import…' });
    await app.chooseFiles(() => openWithKeyboard(opener), [{ name: 'KS_pre_FGD.txt', mimeType: 'text/plain', buffer: Buffer.from('P1: Another focus group.\nP2: Yes.', 'utf8') }]);
    const dialog = app.page.getByRole('dialog', { name: /^Import 1 file$/ });
    await visible(dialog);
    await expectFocusKeptIn(dialog);
    await app.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expectFocusBackOn(opener);
  });

  it('a document’s details', async () => {
    const opener = app.page.getByRole('button', { name: 'Details of BU_pre_FGD' });
    await openWithKeyboard(opener);
    const dialog = app.page.getByRole('dialog', { name: 'BU_pre_FGD' });
    await visible(dialog);
    await expectFocusKeptIn(dialog);
    await app.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expectFocusBackOn(opener);
  });

  it('a code’s details, opened from the code’s menu, give focus back to the code', async () => {
    const row = app.row('III.D Culture');
    await row.click({ button: 'right' });
    const menu = app.page.getByRole('menu', { name: /^Actions for / });
    await visible(menu);
    await expectFocusKeptIn(menu);
    await app.page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    const rowHadFocus = await row.evaluate((el) => el.contains(document.activeElement) || el.closest('[role=treeitem]')?.contains(document.activeElement) === true);
    expect(rowHadFocus, `focus is on ${await focused()}`).toBe(true);
    await row.click({ button: 'right' });
    await menu.getByRole('menuitem', { name: 'Details and definition…' }).press('Enter');
    const dialog = app.page.getByRole('dialog', { name: 'Code: Culture' });
    await visible(dialog);
    await expectFocusKeptIn(dialog);
    await app.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await app.treeItem('III.D Culture').evaluate((el) => el.contains(document.activeElement)), `focus is on ${await focused()}`).toBe(true);
  });
});

describe('menus keep and give back the focus', () => {
  it('the Codebook menu, and a dialog opened from it', async () => {
    const opener = app.page.getByRole('button', { name: 'Codebook ▾' });
    await openWithKeyboard(opener);
    const menu = app.page.getByRole('menu', { name: 'Codebook' });
    await visible(menu);
    await expectFocusKeptIn(menu);
    await app.page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    await expectFocusBackOn(opener);
  });

  it('the New memo menu', async () => {
    const opener = app.page.getByRole('button', { name: 'New memo…' });
    await openWithKeyboard(opener);
    const menu = app.page.getByRole('menu', { name: 'New memo on' });
    await visible(menu);
    await expectFocusKeptIn(menu);
    await app.page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    await expectFocusBackOn(opener);
  });
});
