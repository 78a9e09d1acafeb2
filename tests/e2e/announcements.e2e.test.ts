/**
 * What a screen-reader user hears while coding: one polite live region, in the page from the start, says in words
 * the passage selected, the coding made or removed, an undo or redo, and a project saved to a file.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser, newProfileDir } from './support/chromium.ts';
import { visible } from './page-models/workspace-page.ts';
import { CodingPage } from './page-models/workspace-coding-page.ts';

const TRANSCRIPT = [
  'Moderator: Welcome everyone. Today we talk about the peer support programme.',
  'P1: The peer workers helped us a lot when the ward was full.',
  'P6: The doctors decide everything here and the nurses follow what they say.',
].join('\n');

const baseUrl = inject('baseUrl');
let context: BrowserContext;
let app: CodingPage;

beforeAll(async () => {
  const launched = await launchBrowser(newProfileDir());
  context = launched.context;
  app = new CodingPage(launched.page);
});

afterAll(async () => {
  await context?.close();
});

/** What the live region says now. */
function heard(): Promise<string> {
  return app.page.locator('[role=status][aria-live=polite][aria-atomic=true]').innerText();
}

describe('the live region', () => {
  it('is one polite region, in the page before anything happens', async () => {
    await app.open(baseUrl);
    expect(await app.page.locator('[aria-live=polite][aria-atomic=true]').count()).toBe(1);
    await app.createProject('Heard study', 'Ada Lovelace');
    await app.addCode('Leadership Engagement');
    await app.importFiles([{ name: 'BU_pre_FGD.txt', mimeType: 'text/plain', buffer: Buffer.from(TRANSCRIPT, 'utf8') }]);
    await visible(app.paragraph(3));
  });

  it('says the passage selected', async () => {
    await app.selectText(3, 'P6: The doctors decide everything here and the nurses');
    await expect.poll(heard).toBe('Selected “P6: The doctors decide everything here…” (BU 3).');
  });

  it('says the coding made, with the code’s name', async () => {
    await app.quickCode('Leadership');
    await expect.poll(heard).toBe('Coded “P6: The doctors decide everything here…” (BU 3) with Leadership Engagement.');
  });

  it('says an undo and a redo', async () => {
    await app.page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(heard).toBe('Undone: Coding. Saved.');
    await app.page.getByRole('button', { name: 'Redo', exact: true }).click();
    await expect.poll(heard).toBe('Redone: Coding. Saved.');
  });

  it('says a coding removed', async () => {
    await app.focusReader();
    await app.page.keyboard.press(']');
    await visible(app.inspector());
    await app.inspector().getByRole('button', { name: /^Remove/ }).click();
    await expect.poll(heard).toBe('Removed the coding of “P6: The doctors decide everything here…” (BU 3) with Leadership Engagement.');
  });

  it('says the project file went to the browser as a download', async () => {
    const download = await app.saveProjectFile();
    expect(download.suggestedFilename()).toMatch(/\.tessera$/);
    await expect.poll(heard).toMatch(/^Project went to your browser as the download “.+\.tessera”\./);
  });
});
