/**
 * Starting Debian's Chromium for the end-to-end tests: never a downloaded browser, no network, a fresh profile
 * folder per test unless a test reuses one on purpose (to prove that data survives a browser restart).
 */
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The Chromium to drive: $CHROMIUM_PATH, else Debian's. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`No Chromium at ${path}. Install Debian's package: apt-get install -y chromium`);
  }
  return path;
}

/** Flags that keep Chromium off the network and quiet on a headless machine. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=en-GB',
];

/** A new empty profile folder. */
export function newProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'tessera-e2e-profile-'));
}

/** A browser on a profile folder, with one page open; downloads are accepted. */
export async function launchBrowser(profileDir: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: process.env.HEADED !== '1',
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    locale: 'en-GB',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}
