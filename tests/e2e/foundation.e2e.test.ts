/**
 * The first coding loop, end to end in Chromium: create a project, import a transcript, code passages with the
 * mouse, retrieve them, and find everything again after a reload, a browser restart, and on another machine
 * (a fresh profile) through a .tessera file.
 */
import { PROJECT_FILE_FORMAT_VERSION } from '#shared/project-file/migrations';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { launchBrowser, newProfileDir } from './support/chromium.ts';
import { visible, WorkspacePage } from './page-models/workspace-page.ts';

const TRANSCRIPT = [
  'Moderator: Welcome everyone. Today we talk about the peer support programme.',
  'P1: The peer workers helped us a lot 😀 when the ward was full.',
  'P2: At first the nurses did not trust them.',
  'Moderator: What changed after the training?',
  'P3: The training gave them a shared language, שלום עליכם as we say.',
].join('\r\n');

const baseUrl = inject('baseUrl');
const profile = newProfileDir();
let context: BrowserContext;
let app: WorkspacePage;
let savedFile = '';

beforeAll(async () => {
  const launched = await launchBrowser(profile);
  context = launched.context;
  app = new WorkspacePage(launched.page);
});

afterAll(async () => {
  await context?.close();
});

describe('the first coding loop', () => {
  it('creates a project and shows it empty', async () => {
    await app.open(baseUrl);
    await app.createProject('UPSIDES key informants', 'Ada Lovelace');
    await visible(app.page.getByText('Import transcripts (.docx or .txt) to start coding.'));
    await visible(app.page.getByText('No codes yet.', { exact: false }));
  });

  it('imports a UTF-8 transcript as numbered paragraphs', async () => {
    await app.importFiles([{ name: 'BU_pre_FGD.txt', mimeType: 'text/plain', buffer: Buffer.from(TRANSCRIPT, 'utf8') }]);
    await visible(app.documentRow('BU_pre_FGD'));
    await expect.poll(() => app.page.locator('.para').count()).toBe(5);
    expect(await app.paragraph(3).locator('.para-n').innerText()).toBe('3');
    expect(await app.paragraph(3).locator('.para-text').innerText()).toBe('P2: At first the nurses did not trust them.');
    expect(await app.paragraph(3).locator('.speaker-label').innerText()).toContain('P2');
  });

  it('codes passages selected with the mouse, also across an emoji', async () => {
    await app.addCode('Trust');
    await app.addCode('Peer support');
    await app.selectText(3, 'the nurses did not trust them');
    await app.applyCodeToSelection('Trust');
    await app.selectText(2, 'helped us a lot 😀 when');
    await app.applyCodeToSelection('Peer support');
    await app.selectText(5, 'שלום עליכם');
    await app.applyCodeToSelection('Trust');
    await expect.poll(() => app.codedTexts()).toEqual(['helped us a lot 😀 when', 'the nurses did not trust them', 'שלום עליכם']);
    // The highlight is painted in the code's colour.
    const trustColor = await app.codeRow('Trust').locator('.swatch').evaluate((el) => getComputedStyle(el).backgroundColor);
    const coded = app.page.locator('.reader-body .coded', { hasText: 'the nurses did not trust them' });
    expect(await coded.evaluate((el) => getComputedStyle(el).borderBottomColor)).toBe(trustColor);
    await app.expectNoErrors();
  });

  it('lists a code’s segments with document and paragraph, and jumps to one', async () => {
    await app.codeRow('Trust').click();
    await expect.poll(() => app.segmentTexts()).toEqual(['the nurses did not trust them', 'שלום עליכם']);
    const first = app.page.locator('.segment').first();
    expect(await first.locator('.segment-document').innerText()).toBe('BU_pre_FGD');
    expect(await first.locator('.segment-paragraph').innerText()).toBe('¶ 3');
    expect(await app.page.locator('.segment').nth(1).locator('.segment-paragraph').innerText()).toBe('¶ 5');
    await app.page.locator('.segment').nth(1).click();
    await visible(app.page.locator('#para-5.flash'));
    expect(await app.page.evaluate(() => window.getSelection()?.toString())).toBe('שלום עליכם');
  });

  it('removes a coding by clicking it', async () => {
    await app.page.locator('.reader-body .coded', { hasText: 'helped us a lot' }).click();
    const here = app.page.getByRole('dialog', { name: 'Codings here' });
    await visible(here);
    await here.getByRole('button', { name: 'Remove coding Peer support' }).click();
    await expect.poll(() => app.codedTexts()).toEqual(['the nurses did not trust them', 'שלום עליכם']);
    // Put it back, so that the rest of the story has it.
    await app.selectText(2, 'helped us a lot 😀 when');
    await app.applyCodeToSelection('Peer support');
    await expect.poll(() => app.codedTexts()).toHaveLength(3);
  });

  it('finds everything as left after a reload', async () => {
    await app.page.reload();
    await visible(app.page.locator('.project-title', { hasText: 'UPSIDES key informants' }));
    await visible(app.documentRow('BU_pre_FGD'));
    await expect.poll(() => app.codedTexts()).toEqual(['helped us a lot 😀 when', 'the nurses did not trust them', 'שלום עליכם']);
    expect(await app.codeRow('Trust').locator('.code-count').innerText()).toBe('2');
    expect(await app.codeRow('Peer support').locator('.code-count').innerText()).toBe('1');
  });

  it('finds everything as left after the browser is closed and started again', async () => {
    await context.close();
    const relaunched = await launchBrowser(profile);
    context = relaunched.context;
    app = new WorkspacePage(relaunched.page);
    await app.open(baseUrl);
    await visible(app.page.locator('.project-title', { hasText: 'UPSIDES key informants' }));
    await expect.poll(() => app.codedTexts()).toHaveLength(3);
  });

  it('saves the project as one .tessera file', async () => {
    const download = await app.saveProjectFile();
    expect(download.suggestedFilename()).toBe('UPSIDES key informants.tessera');
    savedFile = join(profile, 'saved.tessera');
    await download.saveAs(savedFile);
    const entries = unzipSync(new Uint8Array(readFileSync(savedFile)));
    const manifest = JSON.parse(strFromU8(entries['tessera.json'] as Uint8Array));
    expect(manifest.format).toBe('tessera-project');
    expect(manifest.formatVersion).toBe(PROJECT_FILE_FORMAT_VERSION);
    expect(manifest.appVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(manifest.checksum.algorithm).toBe('SHA-256');
  });
});

describe('on another machine', () => {
  let other: BrowserContext | undefined;
  afterAll(async () => {
    await other?.close();
  });

  it('opens the .tessera file in a fresh profile and gets the same project back', async () => {
    const launched = await launchBrowser(newProfileDir());
    other = launched.context;
    const fresh = new WorkspacePage(launched.page);
    await fresh.open(baseUrl);
    await visible(fresh.page.getByText('No projects yet.', { exact: false }));
    await fresh.chooseFiles(() => fresh.page.getByRole('button', { name: 'Open a project file (.tessera)…' }).click(), [
      { name: 'UPSIDES key informants.tessera', mimeType: 'application/octet-stream', buffer: readFileSync(savedFile) },
    ]);
    await visible(fresh.page.locator('.project-title', { hasText: 'UPSIDES key informants' }));
    await expect.poll(() => fresh.codedTexts()).toEqual(['helped us a lot 😀 when', 'the nurses did not trust them', 'שלום עליכם']);
    await fresh.codeRow('Trust').click();
    await expect.poll(() => fresh.segmentTexts()).toEqual(['the nurses did not trust them', 'שלום עליכם']);
    expect(await fresh.page.locator('.coder-picker select option').allInnerTexts()).toEqual(['Ada Lovelace (AL)']);
  });

  it('refuses a file from a newer format version with a clear message', async () => {
    const entries = unzipSync(new Uint8Array(readFileSync(savedFile)));
    const manifest = JSON.parse(strFromU8(entries['tessera.json'] as Uint8Array));
    entries['tessera.json'] = strToU8(JSON.stringify({ ...manifest, formatVersion: manifest.formatVersion + 1 }));
    const newer = join(profile, 'newer.tessera');
    writeFileSync(newer, zipSync(entries));
    const page = other?.pages()[0];
    if (!page) throw new Error('no page');
    const fresh = new WorkspacePage(page);
    await fresh.page.getByRole('button', { name: 'Close project' }).click();
    await fresh.chooseFiles(() => fresh.page.getByRole('button', { name: 'Open a project file (.tessera)…' }).click(), [
      { name: 'newer.tessera', mimeType: 'application/octet-stream', buffer: readFileSync(newer) },
    ]);
    const error = fresh.page.locator('.notice-error');
    await visible(error);
    expect(await error.innerText()).toMatch(new RegExp(`newer\\.tessera.*format version ${PROJECT_FILE_FORMAT_VERSION + 1}.*Update Tessera`, "s"));
    // Nothing was added: the one project from before is still the only one.
    expect(await fresh.page.locator('.project-row').count()).toBe(1);
  });
});
