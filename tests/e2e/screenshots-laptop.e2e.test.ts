/**
 * The reader, the import preview and a dialog on a laptop screen (1366x768), written to tests/e2e/output/ for people
 * to look at: they must look calm and readable. The assertions check what a coder needs is on screen.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { launchBrowser, newProfileDir } from './support/chromium.ts';
import { visible } from './page-models/workspace-page.ts';
import { CodingPage } from './page-models/workspace-coding-page.ts';

const OUTPUT = 'tests/e2e/output';
const baseUrl = inject('baseUrl');
let context: BrowserContext;
let app: CodingPage;
let studyFile = '';

beforeAll(async () => {
  mkdirSync(OUTPUT, { recursive: true });
  studyFile = join(mkdtempSync(join(tmpdir(), 'tessera-laptop-')), 'study.tessera');
  execFileSync(process.execPath, ['cli/tessera.mjs', 'synth', '-o', studyFile, '--docs', '12', '--words', '2000', '--codings', '300', '--seed', '3']);
  const launched = await launchBrowser(newProfileDir());
  context = launched.context;
  app = new CodingPage(launched.page);
  await app.page.setViewportSize({ width: 1366, height: 768 });
});

afterAll(async () => {
  await context?.close();
});

describe('a laptop screen', () => {
  it('the reader', async () => {
    await app.open(baseUrl);
    await app.openProjectFile({ name: 'study.tessera', mimeType: 'application/octet-stream', buffer: readFileSync(studyFile) });
    await app.documentRow('BU_pre_FGD').first().click();
    await visible(app.page.locator('.reader-body .coded'));
    await app.page.locator('.notice .notice-close').first().click({ timeout: 2000 }).catch(() => undefined);
    await app.page.screenshot({ path: join(OUTPUT, 'laptop-reader.png') });
    expect(await app.page.locator('.reader-title').isVisible()).toBe(true);
  });

  it('the import preview', async () => {
    await app.chooseFiles(() => app.page.getByRole('button', { name: 'Import…' }).click(), [
      { name: 'KS_post_FGD.txt', mimeType: 'text/plain', buffer: Buffer.from('Moderator: Welcome back, everyone.\nP1: The staff changed a lot since the training.\nP2: Yes, the doctors listen more now.', 'utf8') },
    ]);
    const preview = app.page.getByRole('dialog', { name: /^Import 1 file$/ });
    await visible(preview.getByRole('button', { name: /^Import 1 document$/ }));
    await app.page.screenshot({ path: join(OUTPUT, 'laptop-import-preview.png') });
    await app.page.keyboard.press('Escape');
    await preview.waitFor({ state: 'detached' });
  });

  it('a dialog', async () => {
    await app.page.getByRole('button', { name: 'Study…' }).click();
    await visible(app.page.getByRole('dialog', { name: 'Study design' }));
    await app.page.screenshot({ path: join(OUTPUT, 'laptop-study-dialog.png') });
    await app.page.keyboard.press('Escape');
  });
});
