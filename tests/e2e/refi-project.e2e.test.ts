/**
 * REFI-QDA projects in the app, in Chromium: the NVivo for Windows sample imported from the start screen as a new
 * project (read in a worker), with its codings on the right words and its report; a hostile archive refused with a
 * clear message and nothing added, a valid one imported right after; the project exported to .qdpx. axe-core checks
 * the start screen and the project bar with the new buttons.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser, newProfileDir } from './support/chromium.ts';
import { visible, WorkspacePage } from './page-models/workspace-page.ts';
import { hostileArchives } from '../unit/shared/refi/hostile-archives.ts';
import { readRefiProject } from '#shared/refi/read-project';
import { randomUuid, systemClock } from '#shared/model/ids';
import { sliceCodePoints } from '#shared/text/code-points';

const baseUrl = inject('baseUrl');
const fixtures = join(import.meta.dirname, '..', 'unit', 'shared', 'refi', 'fixtures');
const shots = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');
let context: BrowserContext;
let app: WorkspacePage;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  const launched = await launchBrowser(newProfileDir());
  context = launched.context;
  app = new WorkspacePage(launched.page);
  await app.open(baseUrl);
});
afterAll(async () => {
  await context?.close();
});

/** axe-core on what this feature adds to: the start screen, or the project bar. */
async function expectAccessible(where: string): Promise<void> {
  const results = await new AxeBuilder({ page: app.page }).include(where).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const importButton = (): ReturnType<WorkspacePage['page']['getByRole']> => app.page.getByRole('button', { name: 'Import REFI-QDA project (.qdpx)…' });

describe('REFI-QDA projects in the app', () => {
  it('refuses a hostile archive with a clear message and adds nothing', async () => {
    await visible(importButton());
    await expectAccessible('main.start');
    const traversal = hostileArchives().find((h) => h.name === 'traversal') as { bytes: Uint8Array };
    await app.chooseFiles(() => importButton().click(), [{ name: 'evil.qdpx', mimeType: 'application/octet-stream', buffer: Buffer.from(traversal.bytes) }]);
    const error = app.page.locator('.notice-error');
    await visible(error);
    expect(await error.innerText()).toMatch(/evil\.qdpx.*climbs out of the archive.*Nothing was imported/s);
    expect(await app.page.locator('.project-row').count()).toBe(0);
  });

  it('imports the NVivo sample right after, as a new project with its codings on the right words and its report', async () => {
    await app.chooseFiles(() => importButton().click(), [
      { name: 'nvivo-win-12.6_oltas0517.qdpx', mimeType: 'application/octet-stream', buffer: readFileSync(join(fixtures, 'nvivo-win-12.6_oltas0517.qdpx')) },
    ]);
    await visible(app.page.locator('.project-title', { hasText: 'Untitled' }), 60_000);
    const notice = app.page.locator('.notice', { hasText: 'Imported from nvivo-win-12.6_oltas0517.qdpx' });
    await visible(notice);
    expect(await notice.innerText()).toMatch(/2 documents, 152 codes, 303 codings.*UTF-16 units/s);
    await app.page.screenshot({ path: join(shots, 'refi-import-nvivo.png') });
    // The app's segments of a code are the passages the shared reader finds (the command line's, checked on words there).
    const { snapshot } = readRefiProject(new Uint8Array(readFileSync(join(fixtures, 'nvivo-win-12.6_oltas0517.qdpx'))), { fileName: 'x', newId: randomUuid, now: systemClock });
    const piros = snapshot.codes.find((c) => c.name === 'piros') as { id: string };
    const expected = snapshot.codings
      .filter((c) => c.codeId === piros.id)
      .map((c) => sliceCodePoints(snapshot.documents.find((d) => d.id === c.documentId)?.text ?? '', c.start, c.end).replace(/\s+/g, ' ').trim());
    await app.codeRow('piros').click();
    await expect.poll(async () => (await app.segmentTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).sort()).toEqual([...expected].sort());
    await expectAccessible('.project-bar');
  });

  it('exports the project to .qdpx with a project.qde and its sources', async () => {
    const download = app.page.waitForEvent('download');
    await app.page.getByRole('button', { name: 'Export .qdpx…' }).click();
    const file = await (await download).path();
    const entries = unzipSync(new Uint8Array(readFileSync(file)));
    expect(Object.keys(entries).filter((n) => n.startsWith('sources/'))).toHaveLength(2);
    expect(new TextDecoder().decode(entries['project.qde'])).toContain('<Project xmlns="urn:QDA-XML:project:1.0"');
    await visible(app.page.locator('.notice', { hasText: 'went to your browser as the download' }).filter({ hasText: 'Text positions are in Unicode code points' }));
  });
});
