/**
 * Screenshots of the main screens on a believable study (a `tessera synth` study), for people to look at: written
 * to tests/e2e/output/. The README's picture is one of them. The assertions check that the screen shows the study.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { launchBrowser, newProfileDir } from './support/chromium.ts';
import { visible, WorkspacePage } from './page-models/workspace-page.ts';

const OUTPUT = 'tests/e2e/output';
const baseUrl = inject('baseUrl');
let context: BrowserContext;
let app: WorkspacePage;
let studyFile = '';

beforeAll(async () => {
  mkdirSync(OUTPUT, { recursive: true });
  studyFile = join(mkdtempSync(join(tmpdir(), 'tessera-shots-')), 'study.tessera');
  execFileSync(process.execPath, ['cli/tessera.mjs', 'synth', '-o', studyFile, '--docs', '12', '--words', '3000', '--codings', '700', '--seed', '3']);
  const launched = await launchBrowser(newProfileDir());
  context = launched.context;
  app = new WorkspacePage(launched.page);
});

afterAll(async () => {
  await context?.close();
});

describe('screenshots', () => {
  it('shows the start screen', async () => {
    await app.open(baseUrl);
    await app.page.screenshot({ path: join(OUTPUT, 'start.png') });
    await visible(app.page.getByRole('heading', { name: 'New project' }));
  });

  it('shows a coded transcript with its code’s segments', async () => {
    await app.chooseFiles(() => app.page.getByRole('button', { name: 'Open a project file (.tessera)…' }).click(), [
      { name: 'study.tessera', mimeType: 'application/octet-stream', buffer: readFileSync(studyFile) },
    ]);
    await visible(app.page.locator('.workspace'));
    await app.documentRow('BU_pre_FGD').first().click();
    await app.page.locator('.code-row').filter({ hasNot: app.page.locator('.category') }).first().click();
    await visible(app.page.locator('.segment'));
    await app.page.locator('.notice .notice-close').first().click({ timeout: 2000 }).catch(() => undefined);
    await app.page.screenshot({ path: join(OUTPUT, 'coding-view.png') });
    expect(await app.page.locator('.reader-body .coded').count()).toBeGreaterThan(10);
  });

  it('counts codings in the tree for the retrieval filter too', async () => {
    const siteFilter = app.page.getByLabel('Site', { exact: true });
    const options = await siteFilter.locator('option').allInnerTexts();
    const bu = options.find((text) => text.startsWith('BU'));
    if (!bu) throw new Error(`no BU site among ${options.join(', ')}`);
    await siteFilter.selectOption({ label: bu });
    await visible(app.page.locator('.count-filter', { hasText: 'Counts for: BU' }));
    await app.page.screenshot({ path: join(OUTPUT, 'filtered-counts.png') });
    await siteFilter.selectOption({ index: 0 });
    await app.page.locator('.count-filter').waitFor({ state: 'detached' });
  });
});
