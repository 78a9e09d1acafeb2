/**
 * A crash in the middle of work: the browser process is killed (SIGKILL, no unload, no flush) while a batch of
 * codings is being made, then started again on the same profile. Every coding reported saved before the kill is
 * there; at most the coding in flight is lost; the project opens without an error.
 *
 * Chromium is started here as a plain process (with a DevTools port, on a persistent profile folder) and driven over
 * CDP, so that the test holds its process id and can kill it the way a crash or a power cut ends it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { chromiumPath, newProfileDir } from './support/chromium.ts';
import { visible, WorkspacePage } from './page-models/workspace-page.ts';

const baseUrl = inject('baseUrl');
const profileDir = newProfileDir();
const running: ChildProcess[] = [];

/** Starts Chromium on the profile folder and connects to it; resolves once its DevTools endpoint answers. */
async function startChromium(): Promise<{ process: ChildProcess; browser: Browser; page: Page }> {
  const child = spawn(
    chromiumPath(),
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=en-GB',
      '--window-size=1440,900',
      `--user-data-dir=${profileDir}`,
      '--remote-debugging-port=0',
      'about:blank',
    ],
    // Its own process group, so that the test ends Chromium with all its helper processes, as a crash does; left
    // behind, they kept a core busy while the next test file ran.
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  running.push(child);
  const endpoint = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${seen.slice(-500)}`)), 30_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}) before it listened: ${seen.slice(-500)}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0];
  if (!context) throw new Error('Chromium has no default context');
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize({ width: 1440, height: 900 });
  return { process: child, browser, page };
}

/** Ends Chromium and every process it started (its process group). */
function killChromium(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

afterAll(() => {
  for (const child of running) killChromium(child, 'SIGKILL');
});

/** The number of the paragraph whose text holds `needle`. */
async function paragraphWith(page: Page, needle: string): Promise<number> {
  const id = await page.locator('[id^="para-"]', { hasText: needle }).first().getAttribute('id');
  return Number(id?.replace('para-', ''));
}

const PASSAGES = ['Welcome everyone', 'the training helped me', 'the supervision', 'we met at 10:30'];
const IN_FLIGHT = 'it was raining';

describe('killing the browser in the middle of a batch of codings', () => {
  it('keeps every coding saved before the kill, and loses at most the one in flight', async () => {
    const first = await startChromium();
    const app = new WorkspacePage(first.page);
    await app.open(baseUrl);
    await app.createProject('Crash study', 'Ada Lovelace');
    await app.importFiles([{ name: 'fgd-utf8.txt', mimeType: 'text/plain', buffer: readFileSync('tests/fixtures/text/fgd-utf8.txt') }]);
    await visible(app.page.locator('[id^="para-"]'));

    for (const passage of PASSAGES) {
      await app.selectText(await paragraphWith(app.page, passage), passage);
      await app.quickCode('Training');
    }
    await visible(app.page.getByText('All changes saved'));
    expect(await app.codedTexts()).toEqual(PASSAGES.map((p) => expect.stringContaining(p.slice(0, 6))));

    // The next coding is started, and the browser dies at once: no unload handler runs, nothing is flushed.
    await app.selectText(await paragraphWith(app.page, IN_FLIGHT), IN_FLIGHT);
    const box = app.page.getByRole('dialog', { name: 'Code the selection' });
    await box.getByLabel('Find or create a code').fill('Training');
    await box.getByLabel('Find or create a code').press('Enter');
    killChromium(first.process, 'SIGKILL');
    await new Promise((resolve) => first.process.once('exit', resolve));
    await first.browser.close().catch(() => undefined);

    const second = await startChromium();
    const reopened = new WorkspacePage(second.page);
    await reopened.open(baseUrl);
    await visible(reopened.page.locator('.project-title', { hasText: 'Crash study' }));
    await visible(reopened.page.locator('.reader-body .coded'));
    const coded = (await reopened.codedTexts()).join('\n');
    for (const passage of PASSAGES) expect(coded).toContain(passage);
    const count = (await reopened.codedTexts()).length;
    expect(count === PASSAGES.length || count === PASSAGES.length + 1).toBe(true);
    if (count === PASSAGES.length + 1) expect(coded).toContain(IN_FLIGHT);
    await reopened.expectNoErrors();
    const ended = new Promise((resolve) => second.process.once('exit', resolve));
    killChromium(second.process, 'SIGTERM');
    await ended;
  });
});
