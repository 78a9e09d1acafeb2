/**
 * axe-core on every main screen and dialog, on a believable study (a `tessera synth` study): the start screen, the
 * workspace with a coded transcript, retrieval, search, memos, compare, and the study, import, document details,
 * code details, merge, export and agreement dialogs, the codebook menu and the quick-code box. No serious or
 * critical violation is allowed anywhere.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { launchBrowser, newProfileDir } from './support/chromium.ts';
import { visible } from './page-models/workspace-page.ts';
import { CodingPage } from './page-models/workspace-coding-page.ts';

const baseUrl = inject('baseUrl');
let context: BrowserContext;
let app: CodingPage;
let studyFile = '';

beforeAll(async () => {
  studyFile = join(mkdtempSync(join(tmpdir(), 'tessera-axe-')), 'study.tessera');
  execFileSync(process.execPath, ['cli/tessera.mjs', 'synth', '-o', studyFile, '--docs', '4', '--words', '500', '--codings', '60', '--coders', '2', '--seed', '5']);
  const launched = await launchBrowser(newProfileDir());
  context = launched.context;
  app = new CodingPage(launched.page);
});

afterAll(async () => {
  await context?.close();
});

/** The serious and critical violations axe finds on the page now, each with where. */
async function seriousViolations(): Promise<string[]> {
  const results = await new AxeBuilder({ page: app.page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

async function expectAccessible(): Promise<void> {
  const found = await seriousViolations();
  if (found.length) await app.page.screenshot({ path: 'test-results/axe-violation.png' });
  expect(found).toEqual([]);
}

/** Opens a dialog with a project-bar button, checks it, and closes it with Escape. */
async function checkDialog(button: string, title: string | RegExp): Promise<void> {
  await app.page.getByRole('button', { name: button, exact: true }).click();
  const dialog = app.page.getByRole('dialog', { name: title });
  await visible(dialog);
  await expectAccessible();
  await app.page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
}

// axe reads the whole page at each step; on the shared test machine that takes a while.
describe('axe-core on every screen', { timeout: 120_000 }, () => {
  it('the start screen', async () => {
    await app.open(baseUrl);
    await expectAccessible();
  });

  it('the workspace with a coded transcript and a code’s segments', async () => {
    await app.openProjectFile({ name: 'study.tessera', mimeType: 'application/octet-stream', buffer: readFileSync(studyFile) });
    await app.documentRow('BU_pre_FGD').first().click();
    await app.page.locator('.code-row').filter({ hasNot: app.page.locator('.category') }).first().click();
    await visible(app.page.locator('.segment'));
    await expectAccessible();
  });

  it('the selected coding and the quick-code box', async () => {
    await app.focusReader();
    await app.page.keyboard.press(']');
    await visible(app.inspector());
    await expectAccessible();
    await app.page.keyboard.press('Escape');
    await app.selectText(2, (await app.paragraph(2).locator('.para-text').innerText()).split(' ').slice(1, 4).join(' '));
    await visible(app.quickCodeBox());
    await expectAccessible();
    await app.page.keyboard.press('Escape');
  });

  it('search and memos', async () => {
    await app.rightTab('Search').click();
    await app.searchBox().fill('staff');
    await visible(app.searchSummary());
    await expectAccessible();
    await app.page.getByRole('button', { name: 'New memo…' }).click();
    await app.page.getByRole('menu', { name: 'New memo on' }).getByRole('menuitem').first().click();
    await visible(app.page.getByRole('region', { name: 'Memo', exact: true }));
    await expectAccessible();
  });

  it('the project-bar dialogs', async () => {
    await checkDialog('Study…', 'Study design');
    await checkDialog('Export…', 'Export coded extracts');
    await checkDialog('Agreement…', 'Intercoder agreement');
  });

  it('the document details and the import preview', async () => {
    await app.page.getByRole('button', { name: 'Details of BU_pre_FGD' }).first().click();
    await visible(app.page.getByRole('dialog', { name: /BU_pre_FGD/ }));
    await expectAccessible();
    await app.page.keyboard.press('Escape');
    await app.chooseFiles(() => app.page.getByRole('button', { name: 'Import…' }).click(), [
      { name: 'KS_post_FGD.txt', mimeType: 'text/plain', buffer: Buffer.from('Moderator: Welcome.\nP1: The staff changed a lot.\nP2: Yes.', 'utf8') },
    ]);
    const preview = app.page.getByRole('dialog', { name: /^Import 1 file$/ });
    await visible(preview.getByRole('button', { name: /^Import 1 document$/ }));
    await expectAccessible();
    await app.page.keyboard.press('Escape');
    await preview.waitFor({ state: 'detached' });
  });

  it('the codebook menu, a code’s details and the merge dialog', async () => {
    await app.page.getByRole('button', { name: 'Codebook ▾' }).click();
    await visible(app.page.getByRole('menu', { name: 'Codebook' }));
    await expectAccessible();
    await app.page.keyboard.press('Escape');
    const row = app.page.locator('.code-row').filter({ hasNot: app.page.locator('.category') }).first();
    for (const [action, title] of [
      ['Details and definition…', /^Code: /],
      ['Merge into…', /^Merge /],
    ] as const) {
      await row.click({ button: 'right' });
      await app.page.getByRole('menu', { name: /^Actions for / }).getByRole('menuitem', { name: action }).click();
      const dialog = app.page.getByRole('dialog', { name: title });
      await visible(dialog);
      await expectAccessible();
      await app.page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    }
  });

  it('compare', async () => {
    await app.page.getByRole('button', { name: 'Compare…' }).click();
    await visible(app.page.locator('.compare'));
    await expectAccessible();
  });
});
