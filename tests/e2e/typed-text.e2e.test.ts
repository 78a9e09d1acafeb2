/**
 * Nothing typed is lost: a study-design row keeps its typed text when its write fails and is taken back, and the
 * study design and code details dialogs ask before closing (Escape, a click outside, Done, Cancel) while they hold
 * text that is not saved.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newProfileDir } from './support/chromium.ts';
import { visible } from './page-models/workspace-page.ts';
import { CodebookPage } from './page-models/codebook-page.ts';

const baseUrl = inject('baseUrl');
let context: BrowserContext;
let app: CodebookPage;

beforeAll(async () => {
  const launched = await launchBrowser(newProfileDir());
  context = launched.context;
  app = new CodebookPage(launched.page);
  await app.open(baseUrl);
  await app.createProject('Typed text study', 'Ada Lovelace');
});

afterAll(async () => {
  await context?.close();
});

async function seriousViolations(selector: string): Promise<string[]> {
  const axe = await new AxeBuilder({ page: app.page }).include(selector).analyze();
  return axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

describe('the study design dialog', () => {
  it('keeps a renamed site’s typed text when the write fails, and asks before discarding typed text', async () => {
    await app.page.getByRole('button', { name: 'Study…' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Study design' });
    await visible(dialog);
    await dialog.getByLabel('New site code').fill('BU');
    await dialog.getByLabel('New site name').fill('Butabika, Uganda');
    await dialog.getByRole('button', { name: 'Add site' }).click();
    await visible(dialog.getByLabel('Name of site BU'));

    await app.failStorageWrites();
    await dialog.getByLabel('Name of site BU').fill('Butabika Hospital, Kampala');
    await dialog.getByLabel('Name of site BU').press('Enter');
    await visible(app.page.locator('.notice-error'));
    await app.letStorageWrite();
    // Taken back in the project, kept in the field, ready to be saved again.
    expect(await dialog.getByLabel('Name of site BU').inputValue()).toBe('Butabika Hospital, Kampala');

    await dialog.getByLabel('Name of site BU').press('Escape');
    await visible(dialog.getByText('Some text you typed here is not saved. Close and discard it?'));
    expect(await seriousViolations('.study-dialog')).toEqual([]);
    await dialog.getByRole('button', { name: 'Keep editing' }).click();
    expect(await dialog.getByLabel('Name of site BU').inputValue()).toBe('Butabika Hospital, Kampala');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await visible(dialog.getByRole('button', { name: 'Keep editing' }));
    await dialog.getByRole('button', { name: 'Keep editing' }).click();
    await dialog.getByLabel('Name of site BU').press('Enter');
    await expect.poll(() => dialog.getByRole('button', { name: 'Done' }).isVisible()).toBe(true);
    // Saved now: Done closes at once.
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'detached' });
  });
});

describe('the code details dialog', () => {
  it('asks before Escape or Cancel discard a typed description, and Discard closes', async () => {
    await app.addCode('Hierarchy');
    await app.codeAction('Hierarchy', 'Details and definition…');
    const details = app.dialog('Code: Hierarchy');
    await visible(details);
    await details.getByLabel('Description').fill('Who decides on the ward.');
    await details.getByLabel('Description').press('Escape');
    await visible(details.getByText('Discard what you changed in this code?'));
    expect(await seriousViolations('.codebook-modal')).toEqual([]);
    await app.page.screenshot({ path: 'test-results/code-details-discard.png' });
    await details.getByRole('button', { name: 'Keep editing' }).click();
    expect(await details.getByLabel('Description').inputValue()).toBe('Who decides on the ward.');
    await details.getByRole('button', { name: 'Cancel' }).click();
    await details.getByRole('button', { name: 'Discard' }).click();
    await details.waitFor({ state: 'detached' });
    // Discarded: the code has no description.
    await app.codeAction('Hierarchy', 'Details and definition…');
    expect(await app.dialog('Code: Hierarchy').getByLabel('Description').inputValue()).toBe('');
    await app.dialog('Code: Hierarchy').getByRole('button', { name: 'Cancel' }).click();
    await app.dialog('Code: Hierarchy').waitFor({ state: 'detached' });
  });
});

describe('the document details form', () => {
  it('keeps what was typed when its save fails and is taken back, and saves it on the next try', async () => {
    await app.importFiles([{ name: 'fgd-utf8.txt', mimeType: 'text/plain', buffer: readFileSync('tests/fixtures/text/fgd-utf8.txt') }]);
    await app.page.getByRole('button', { name: 'Details of fgd-utf8' }).click();
    const form = app.page.getByRole('dialog', { name: 'fgd-utf8' });
    await visible(form);
    await form.getByLabel('Name', { exact: true }).fill('BU pre FGD');
    await app.failStorageWrites();
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => app.page.locator('.notice-error').count()).toBeGreaterThan(1);
    await app.letStorageWrite();
    expect(await form.getByLabel('Name', { exact: true }).inputValue()).toBe('BU pre FGD');
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await form.waitFor({ state: 'detached' });
    await visible(app.documentRow('BU pre FGD'));
  });
});
