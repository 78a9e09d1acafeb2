/**
 * A browser that holds Tessera 0.1's project store (schema version 1, as that release's Dexie laid it out) opens it
 * with this build: the store is upgraded in place, a copy of the project as it was is offered as a download first,
 * and every document and coding is there after.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { launchBrowser, newProfileDir } from './support/chromium.ts';
import { visible, WorkspacePage } from './page-models/workspace-page.ts';
import { version1Study } from '../fixtures/project-files/version1-records.ts';

const baseUrl = inject('baseUrl');
let context: BrowserContext;
let app: WorkspacePage;
const study = version1Study();

beforeAll(async () => {
  const launched = await launchBrowser(newProfileDir());
  context = launched.context;
  app = new WorkspacePage(launched.page);
});

afterAll(async () => {
  await context?.close();
});

/** Writes the version 1 store in the app's origin, from a blank page of that origin, before the app ever runs. */
async function seedVersion1Store(): Promise<void> {
  const blank = new URL('seed-version-1.html', baseUrl).href;
  await app.page.route(blank, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>seed</title>' }));
  await app.page.goto(blank);
  await app.page.evaluate(async (data) => {
    const { project, coders, documents, codes, codings, memos } = data as typeof study;
    await new Promise<void>((resolve, reject) => {
      // Dexie stores schema version n as IndexedDB version 10n; these are version 1's tables and indexes.
      const request = indexedDB.open('tessera', 10);
      request.onupgradeneeded = () => {
        const db = request.result;
        const store = (name: string, key: string, indexes: (string | string[])[] = []) => {
          const made = db.createObjectStore(name, { keyPath: key });
          for (const index of indexes) made.createIndex(Array.isArray(index) ? `[${index.join('+')}]` : index, index);
        };
        store('projects', 'id');
        store('coders', 'id', ['projectId']);
        store('documents', 'id', ['projectId']);
        store('documentTexts', 'id', ['projectId']);
        store('codes', 'id', ['projectId', 'parentId']);
        store('codings', 'id', ['projectId', ['projectId', 'documentId'], ['projectId', 'codeId']]);
        store('memos', 'id', ['projectId']);
        store('settings', 'key');
        store('meta', 'key');
      };
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const db = request.result;
        const tx = db.transaction(['projects', 'coders', 'documents', 'documentTexts', 'codes', 'codings', 'memos', 'meta'], 'readwrite');
        tx.objectStore('projects').put(project);
        for (const coder of coders) tx.objectStore('coders').put(coder);
        for (const { text, ...meta } of documents) {
          tx.objectStore('documents').put(meta);
          tx.objectStore('documentTexts').put({ id: meta.id, projectId: meta.projectId, text });
        }
        for (const code of codes) tx.objectStore('codes').put(code);
        for (const coding of codings) tx.objectStore('codings').put(coding);
        for (const memo of memos) tx.objectStore('memos').put(memo);
        tx.objectStore('meta').put({ key: 'migration-completed:1', version: 1, completedAt: '2026-03-02T09:00:00.000Z', appVersion: '0.1.0' });
        tx.oncomplete = () => {
          db.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
  }, study);
}

describe('a project store written by Tessera 0.1', () => {
  it('is upgraded on first start, after a copy of each project as it was is offered as a download', async () => {
    await seedVersion1Store();
    const download = app.page.waitForEvent('download');
    await app.open(baseUrl);
    const copy = await download;
    expect(copy.suggestedFilename()).toMatch(/before upgrade.*\.tessera$/);
    const entries = unzipSync(new Uint8Array(readFileSync(await copy.path())));
    expect(JSON.parse(strFromU8(entries['tessera.json'] as Uint8Array)).formatVersion).toBe(1);
    await visible(app.page.getByText(/Tessera upgraded its project store \(version 1 to 3\)/));
    await visible(app.page.locator('.project-row', { hasText: study.project.name as string }));
    expect(await app.page.locator('.project-row').innerText()).toContain(`${study.codings.length} codings`);
  });

  it('opens the upgraded project with its text, emoji and Hebrew included, and its codings', async () => {
    await app.page.locator('.project-row', { hasText: study.project.name as string }).getByRole('button').first().click();
    await visible(app.page.locator('.project-title', { hasText: study.project.name as string }));
    await app.documentRow('TLV_post_FGD').click();
    await visible(app.paragraph(2));
    expect(await app.paragraph(2).locator('.para-text').innerText()).toContain('המפקחת מגיעה כל שבוע');
    await expect.poll(async () => (await app.codedTextsIn(2)).join('').length).toBeGreaterThan(0);
    await app.documentRow('BU_pre_FGD').click();
    await expect.poll(async () => app.paragraph(2).locator('.para-text').innerText()).toContain('😟');
  });

  it('keeps it upgraded after a reload, with nothing more to download', async () => {
    let downloads = 0;
    app.page.on('download', () => downloads++);
    await app.page.reload();
    await visible(app.page.locator('.project-title, .project-row').first());
    expect(downloads).toBe(0);
  });
});
