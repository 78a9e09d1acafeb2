/**
 * Colours for people who cannot see them or tell them apart: a code's colour choices and its stripes in the margin
 * are named in words (never "#4e79a7"), and the constructs of one CFIR domain do not share a colour with the
 * construct next to them.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
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
  await app.createProjectWith('Colour study', 'Ada Lovelace', 'CFIR 2.0');
  await app.importFiles([{ name: 'BU_pre_FGD.txt', mimeType: 'text/plain', buffer: Buffer.from('P1: The doctors decide everything here.\nP2: We agree.', 'utf8') }]);
  await visible(app.paragraph(2));
});

afterAll(async () => {
  await context?.close();
});

describe('colours in words', () => {
  it('names the colour choices of a code in words', async () => {
    await app.codeAction('III.D Culture', 'Colour…');
    const choices = app.page.getByRole('radiogroup', { name: 'Colour' });
    await visible(choices);
    const names = await choices.getByRole('radio').evaluateAll((radios) => radios.map((r) => r.getAttribute('aria-label') ?? ''));
    expect(names.length).toBeGreaterThan(8);
    for (const name of names) expect(name).toMatch(/^[a-z ]+$/);
    expect(names).toContain('red');
    expect(new Set(names).size).toBe(names.length);
    await app.page.keyboard.press('Escape');
  });

  it('names a stripe’s colour with its code', async () => {
    await app.selectText(1, 'The doctors decide everything here');
    await app.quickCode('III.D');
    const title = await app.paragraph(1).locator('.stripe').first().getAttribute('title');
    expect(title).toMatch(/^III\.D Culture, [a-z ]+$/);
    expect(title).not.toMatch(/#[0-9a-f]{6}/i);
  });

  it('gives neighbouring constructs of a domain different colours', async () => {
    await app.expand('III Inner Setting');
    // The tree is flat (items with their level); the domain's codes follow it until the next domain.
    const colours = await app.tree().getByRole('treeitem').evaluateAll((items) => {
      const at = items.findIndex((item) => item.getAttribute('aria-label') === 'III Inner Setting');
      const inDomain = [];
      for (const item of items.slice(at + 1)) {
        if (item.getAttribute('aria-level') === '1') break;
        inDomain.push(getComputedStyle(item.querySelector('.swatch') as Element).backgroundColor);
      }
      return inDomain;
    });
    expect(colours.length).toBeGreaterThan(5);
    for (let i = 1; i < colours.length; i++) expect(colours[i], `construct ${i} and ${i + 1}`).not.toBe(colours[i - 1]);
  });
});
