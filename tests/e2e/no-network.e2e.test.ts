/**
 * The app makes no network request, ever: its pages are driven through a researcher's session (create a CFIR
 * project, declare a site, import a Word transcript and field notes, code passages, write a memo, open the code and
 * study dialogs, export the codebook to Word, save the project file, reload) while every request of the browser
 * context is logged, from the page and its workers alike (context-level `request` events and a context-level route
 * that lets only the app's own origin through). Any request to another origin (a web font, a source map, an update
 * check, an analytics beacon, a CDN script) fails the test with its URL.
 *
 * The desktop app's session cancels such requests too (electron/security.ts, unit-tested); this test checks that the
 * app does not make them in the first place. Spellcheck dictionaries are fetched by the browser process, not the
 * page, so they are covered by the window and session settings (spellcheck off), which tests/unit/electron asserts.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Request } from 'playwright-core';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchBrowser, newProfileDir } from './support/chromium.ts';
import { visible } from './page-models/workspace-page.ts';
import { CodebookPage } from './page-models/codebook-page.ts';
import { ImportPage } from './page-models/import-page.ts';
import { boldLabelTranscript } from '../fixtures/docx/docx-fixtures.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const baseUrl = inject('baseUrl');
const appOrigin = new URL(baseUrl).origin;

/** URL schemes that never leave the machine: what the page builds in memory. */
const IN_MEMORY_SCHEMES = new Set(['data:', 'blob:']);

/** Whether a request stays inside the app: its own origin, or an in-memory URL. */
function staysInApp(url: string): boolean {
  const parsed = new URL(url);
  return IN_MEMORY_SCHEMES.has(parsed.protocol) || parsed.origin === appOrigin;
}

let context: BrowserContext;
let app: CodebookPage;
let importer: ImportPage;
/** Every request the context saw, in order. */
const requests: string[] = [];
/** Requests that would have left the app, with what asked for them. */
const leaving: string[] = [];

function record(request: Request): void {
  requests.push(request.url());
  if (!staysInApp(request.url())) {
    const frame = (() => {
      try {
        return request.frame().url();
      } catch {
        return 'a worker';
      }
    })();
    leaving.push(`${request.method()} ${request.url()} (${request.resourceType()}, from ${frame})`);
  }
}

beforeAll(async () => {
  const launched = await launchBrowser(newProfileDir());
  context = launched.context;
  context.on('request', record);
  // Nothing outside the app's origin reaches the network even if asked for: it is aborted (and was logged above).
  await context.route('**/*', (route) =>
    staysInApp(route.request().url()) ? route.continue() : route.abort('blockedbyclient'),
  );
  app = new CodebookPage(launched.page);
  importer = new ImportPage(launched.page);
});

afterAll(async () => {
  await context?.close();
});

describe('no request leaves the app', () => {
  it('while a researcher creates a project, declares a site and imports a transcript and field notes', async () => {
    await app.open(baseUrl);
    await app.createProjectWith('Offline study', 'Ada Lovelace', 'CFIR 2.0');
    const study = await importer.openStudy();
    await importer.addSite('BU', 'Butabika, Uganda');
    await study.getByRole('button', { name: 'Done' }).click();
    await app.importFiles([
      { name: 'BU_pre_FGD_EN.docx', mimeType: DOCX, buffer: Buffer.from(await boldLabelTranscript()) },
      { name: 'BU_pre_FN.txt', mimeType: 'text/plain', buffer: Buffer.from('The room was hot.\nP3 left early.', 'utf8') },
    ]);
    await visible(app.documentRow('BU_pre_FGD_EN'));
    expect(requests.length).toBeGreaterThan(0);
    expect(leaving).toEqual([]);
  });

  it('while they code passages, write a memo and open the code and study dialogs', async () => {
    await app.documentRow('BU_pre_FGD_EN').click();
    await visible(app.paragraph(3));
    await app.addCodeInside('III.D Culture', 'Hierarchy');
    const passage = (await app.paragraph(3).locator('.para-text').innerText()).split(/\s+/).slice(0, 3).join(' ');
    await app.selectText(3, passage);
    await app.quickCode('Hierarchy');
    await expect.poll(() => app.count('Hierarchy')).toBe('1');
    await app.newMemo(/^On the project/);
    await app.writeMemo('Offline', 'Nothing here leaves this laptop.');
    await app.codeAction('Hierarchy', 'Details and definition…');
    const details = app.dialog('Code: Hierarchy');
    await visible(details);
    await app.page.keyboard.press('Escape');
    await details.waitFor({ state: 'detached' });
    const study = await importer.openStudy();
    await study.getByRole('button', { name: 'Done' }).click();
    expect(leaving).toEqual([]);
  });

  it('while they export the codebook to Word, save the project file and reload', async () => {
    const docx = app.page.waitForEvent('download');
    await app.codebookMenu('Export to Word (.docx)…');
    await docx;
    await app.saveProjectFile();
    await app.page.reload();
    await visible(app.page.locator('.project-title', { hasText: 'Offline study' }));
    expect(leaving).toEqual([]);
  });

  it('served a build that names no other origin for fonts, styles, scripts or source maps', () => {
    // What a page would fetch by itself: stylesheets' url() and @import, <link>/<script> in index.html, and
    // sourceMappingURL comments (DevTools fetches those). Text inside the code (XML namespaces) is not fetched.
    const buildDir = resolve(process.env.TESSERA_WEB_OUT ?? 'dist-web');
    const files = readdirSync(buildDir, { recursive: true, encoding: 'utf8' }).filter((name) => /\.(css|html|js)$/.test(name));
    expect(files.some((name) => name.endsWith('.js'))).toBe(true);
    const remote: string[] = [];
    for (const name of files) {
      const text = readFileSync(join(buildDir, name), 'utf8');
      const patterns = [
        /sourceMappingURL=\s*(\S+)/g,
        ...(name.endsWith('.css') ? [/url\(\s*['"]?([^'")\s]+)/g, /@import\s+(?:url\()?\s*['"]?([^'")\s;]+)/g] : []),
        ...(name.endsWith('.html') ? [/\s(?:src|href)\s*=\s*["']([^"']+)/g] : []),
      ];
      for (const pattern of patterns) {
        for (const match of text.matchAll(pattern)) {
          const target = match[1] ?? '';
          if (/^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(target) && !target.startsWith(appOrigin)) remote.push(`${name}: ${target}`);
        }
      }
    }
    expect(remote).toEqual([]);
  });

  it('would be caught: a request to another origin is logged and never reaches the network', async () => {
    // A page outside the app (no CSP) asks for a web font; the same recorder must see it and the route abort it.
    const probe = await context.newPage();
    try {
      const before = leaving.length;
      const outcome = await probe.evaluate(() =>
        fetch('https://fonts.googleapis.com/css2?family=Inter').then(
          () => 'reached',
          () => 'failed',
        ),
      );
      expect(outcome).toBe('failed');
      expect(leaving.slice(before)).toEqual([expect.stringMatching(/^GET https:\/\/fonts\.googleapis\.com\/css2\?family=Inter /)]);
      leaving.length = before;
    } finally {
      await probe.close();
    }
  });
});
