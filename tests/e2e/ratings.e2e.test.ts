/**
 * Compare > Ratings end to end, on a `tessera synth` study: make one case per site, open three construct x case
 * cells by keyboard, write each rating with a summary, a rationale and two of the pooled passages as evidence, and
 * find all of it again after a reload and in the saved .tessera file. axe-core checks the matrix and the editor.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Download } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { decodeProjectFile } from '#shared/project-file/project-file';
import { buildProjectIndex } from '#shared/index/project-index';
import type { Code, ProjectSnapshot, Site } from '#shared/model/types';
import { constructPassages } from '#shared/ratings/cases';
import { wordParagraphs, wordTables } from '../unit/shared/export/word-reader.ts';
import { launchBrowser, newProfileDir } from './support/chromium.ts';
import { visible, WorkspacePage } from './page-models/workspace-page.ts';

const OUTPUT = 'tests/e2e/output';
const baseUrl = inject('baseUrl');
let context: BrowserContext;
let app: WorkspacePage;
let studyFile = '';
let snapshot: ProjectSnapshot;

/** A construct in a site with at least two pooled passages, and what is written in its cell. */
interface Planned {
  readonly code: Code;
  readonly site: Site;
  readonly passages: number;
  readonly value: '+2' | '-1' | 'X';
  readonly summary: string;
}
const planned: Planned[] = [];

beforeAll(async () => {
  mkdirSync(OUTPUT, { recursive: true });
  studyFile = join(mkdtempSync(join(tmpdir(), 'tessera-ratings-')), 'study.tessera');
  execFileSync(process.execPath, ['cli/tessera.mjs', 'synth', '-o', studyFile, '--docs', '8', '--words', '1500', '--codes', '24', '--codings', '400', '--seed', '5']);
  snapshot = (await decodeProjectFile(new Uint8Array(readFileSync(studyFile)))).snapshot;
  const index = buildProjectIndex(snapshot);
  const constructs = snapshot.codes.filter((c) => c.origin.kind === 'cfir' && c.isCodable && !c.isHidden);
  const values = ['+2', '-1', 'X'] as const;
  const sites = [...snapshot.sites].sort((a, b) => a.order - b.order);
  for (const code of constructs) {
    if (planned.length === 3) break;
    const site = sites[planned.length % sites.length] as Site;
    const passages = constructPassages(index, snapshot, { kind: 'site', siteId: site.id }, code.id).length;
    if (passages >= 2 && !planned.some((p) => p.code.name === code.name)) {
      planned.push({ code, site, passages, value: values[planned.length] ?? '+2', summary: `Summary ${planned.length + 1} of ${code.name}` });
    }
  }
  if (planned.length < 3) throw new Error('the synthetic study has too few coded constructs');
  const launched = await launchBrowser(newProfileDir());
  context = launched.context;
  app = new WorkspacePage(launched.page);
});

afterAll(async () => {
  await context?.close();
});

async function seriousViolations(): Promise<string[]> {
  const results = await new AxeBuilder({ page: app.page }).include('.compare').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
}

async function openRatings(): Promise<void> {
  await app.page.getByRole('button', { name: 'Compare…' }).click();
  await visible(app.page.getByRole('heading', { name: 'Compare', exact: true }));
  await app.page.getByRole('button', { name: 'Ratings', exact: true }).click();
  await visible(app.page.locator('#ratings-title'));
}

async function download(click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const pending: Promise<Download> = app.page.waitForEvent('download');
  await click();
  const file = await pending;
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

const cell = (p: Planned) => app.page.getByRole('button', { name: new RegExp(`^${p.code.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} in ${p.site.code}:`) });
const editor = () => app.page.locator('.rating-editor');

describe('ratings', () => {
  it('makes one case per site and shows the construct x case matrix', async () => {
    await app.open(baseUrl);
    await app.chooseFiles(() => app.page.getByRole('button', { name: 'Open a project file (.tessera)…' }).click(), [
      { name: 'study.tessera', mimeType: 'application/octet-stream', buffer: readFileSync(studyFile) },
    ]);
    await visible(app.page.locator('.workspace'));
    await openRatings();
    await app.page.getByRole('button', { name: 'Make one case per site', exact: true }).click();
    await visible(app.page.locator('.rating-matrix'));
    const headers = await app.page.locator('.rating-matrix thead .heat-map-column').allInnerTexts();
    expect(headers).toEqual([...snapshot.sites].sort((a, b) => a.order - b.order).map((s) => s.code));
    expect(await app.page.locator('.rating-notes').innerText()).toContain('Strongly distinguishing: the mean rating');
    expect(await seriousViolations()).toEqual([]);
  });

  // axe-core runs twice over every cell of the matrix: slow on a shared machine.
  it('records three ratings with evidence, by keyboard', { timeout: 180_000 }, async () => {
    for (const p of planned) {
      await cell(p).focus();
      await app.page.keyboard.press('Enter');
      await visible(editor());
      expect(await editor().locator('h4').innerText()).toBe(`${p.code.name} in ${p.site.code}`);
      // The editor opens on the rating, with the pooled passages of the construct in the case.
      await expect.poll(() => app.page.evaluate(() => document.activeElement?.closest('label')?.textContent?.startsWith('Rating') ?? false)).toBe(true);
      expect(await editor().getByRole('checkbox').count()).toBe(p.passages);
      await editor().getByLabel('Rating').selectOption(p.value);
      await editor().getByLabel('Summary').fill(p.summary);
      await editor().getByLabel('Rationale').fill(`Two passages show ${p.code.name} at ${p.site.code}.`);
      const boxes = editor().getByRole('checkbox');
      await boxes.nth(0).focus();
      await app.page.keyboard.press('Space');
      await boxes.nth(1).focus();
      await app.page.keyboard.press('Space');
      expect(await editor().locator('legend').innerText()).toContain('2 chosen as evidence');
      if (p === planned[0]) {
        expect(await seriousViolations()).toEqual([]);
        await app.page.screenshot({ path: join(OUTPUT, 'ratings-editor.png'), fullPage: true });
      }
      await editor().getByRole('button', { name: 'Save rating' }).focus();
      await app.page.keyboard.press('Enter');
      await expect.poll(() => editor().count()).toBe(0);
      await expect.poll(() => cell(p).innerText()).toBe(p.value);
      expect(await cell(p).getAttribute('aria-label')).toContain('2 passages as evidence');
    }
    await expect.poll(() => app.page.locator('.save-status[data-saving]').count()).toBe(0);
    await app.page.locator('.notice .notice-close').first().click({ timeout: 2000 }).catch(() => undefined);
    await app.page.screenshot({ path: join(OUTPUT, 'ratings-matrix.png'), fullPage: true });
    expect(await seriousViolations()).toEqual([]);
    await app.expectNoErrors();
  });

  it('exports the rating matrix as CSV, Word and a print-resolution PNG, each with the rule in force', async () => {
    const exports = app.page.getByRole('group', { name: 'Export the rating matrix' });
    const csv = await download(() => exports.getByRole('button', { name: 'Export CSV' }).click());
    const lines = csv.bytes.toString('utf8').trim().split('\n');
    const siteCodes = [...snapshot.sites].sort((a, b) => a.order - b.order).map((s) => s.code);
    expect(lines[0]).toBe(['construct', ...siteCodes, 'pattern'].join(','));
    for (const p of planned) expect(lines.some((line) => line.includes(`${p.code.name},`) && line.includes(p.value))).toBe(true);
    expect(lines.at(-1)).toContain('Rule: Cases compared');
    const word = await download(() => exports.getByRole('button', { name: 'Export Word' }).click());
    const bytes = new Uint8Array(word.bytes);
    expect(wordTables(bytes)[0]?.[0]?.map((c) => c.text.split('\n')[0])).toEqual(['Construct', ...siteCodes, 'Pattern']);
    expect(wordParagraphs(bytes).some((para) => para.text.startsWith('Rule in force. Cases compared'))).toBe(true);
    const png = await download(() => exports.getByRole('button', { name: 'Export PNG' }).click());
    expect([...png.bytes.subarray(0, 4)]).toEqual([137, 80, 78, 71]);
    writeFileSync(join(OUTPUT, 'ratings-matrix-export.png'), png.bytes);
  });

  it('changes the project’s rule for distinguishing constructs, undoably, and exports follow it', async () => {
    await app.page.getByText('Change the rule').click();
    const form = app.page.locator('.rule-editor form');
    await visible(form);
    expect(await seriousViolations()).toEqual([]);
    await form.getByLabel('Mean gap for weakly distinguishing').fill('3');
    await form.getByRole('button', { name: 'Apply rule' }).click();
    expect(await form.getByRole('alert').innerText()).toContain('cannot exceed the gap for strongly distinguishing');
    await form.getByLabel('Mean gap for strongly distinguishing').fill('3.5');
    await form.getByLabel('X (mixed) ratings').selectOption('as-zero');
    await form.getByRole('button', { name: 'Apply rule' }).click();
    await expect.poll(() => app.page.locator('.rating-notes').innerText()).toContain('at least 3.5 above');
    expect(await app.page.locator('.rating-notes').innerText()).toContain('X (mixed) counts as 0');
    const csv = await download(() => app.page.getByRole('group', { name: 'Export the rating matrix' }).getByRole('button', { name: 'Export CSV' }).click());
    expect(csv.bytes.toString('utf8')).toContain('at least 3.5 above');
    await app.page.keyboard.press('Control+z');
    await expect.poll(() => app.page.locator('.rating-notes').innerText()).toContain('at least 2 above');
    await app.page.keyboard.press('Control+Shift+z');
    await expect.poll(() => app.page.locator('.rating-notes').innerText()).toContain('at least 3.5 above');
    await expect.poll(() => app.page.locator('.save-status[data-saving]').count()).toBe(0);
  });

  it('puts a site’s ratings pre and post side by side with what changed, and exports them', async () => {
    const section = app.page.locator('.pre-post-ratings');
    await section.getByRole('button', { name: 'Make one case per site and phase' }).click();
    await visible(section.locator('table'));
    const site = [...snapshot.sites].sort((a, b) => a.order - b.order)[0] as Site;
    const phases = [...snapshot.phases].sort((a, b) => a.order - b.order);
    const headers = await section.locator('thead th').allInnerTexts();
    expect(headers).toEqual(['Construct', ...phases.map((p) => `${site.code} ${p.name}`), ...phases.slice(1).map((p, i) => `${phases[i]?.name} → ${p.name}`)]);
    const csv = await download(() => section.getByRole('button', { name: 'Export CSV' }).click());
    expect(csv.bytes.toString('utf8').split('\n')[0]).toBe(['construct', ...phases.map((p) => `${site.code} ${p.name}`), ...phases.slice(1).map((p, i) => `change ${phases[i]?.name} -> ${p.name}`)].join(','));
    expect(await seriousViolations()).toEqual([]);
    await section.screenshot({ path: join(OUTPUT, 'ratings-pre-post.png') });
  });

  it('finds the three ratings and their evidence after a reload, and in the saved file', async () => {
    await app.page.reload();
    await visible(app.page.locator('.workspace'));
    await openRatings();
    expect(await app.page.locator('.rating-notes').innerText()).toContain('at least 3.5 above');
    for (const p of planned) {
      await expect.poll(() => cell(p).innerText()).toBe(p.value);
      await cell(p).click();
      await visible(editor());
      expect(await editor().getByLabel('Rating').inputValue()).toBe(p.value);
      expect(await editor().getByLabel('Summary').inputValue()).toBe(p.summary);
      const checked = await editor().getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).checked));
      expect(checked.slice(0, 2)).toEqual([true, true]);
      expect(checked.filter(Boolean)).toHaveLength(2);
      await app.page.keyboard.press('Escape');
      await expect.poll(() => editor().count()).toBe(0);
    }
    const download = await app.saveProjectFile();
    const saved = (await decodeProjectFile(new Uint8Array(readFileSync(await download.path())))).snapshot;
    const siteCases = saved.cases.filter((c) => c.scope.kind === 'site');
    expect(siteCases.map((c) => c.name).sort()).toEqual(snapshot.sites.map((s) => s.code).sort());
    expect(saved.cases.filter((c) => c.scope.kind === 'site-phase')).toHaveLength(snapshot.sites.length * snapshot.phases.length);
    expect(saved.project.distinguishingRule).toMatchObject({ strongGap: 3.5, weakGap: 3, mixed: 'as-zero' });
    expect(saved.ratings.map((r) => [saved.codes.find((c) => c.id === r.codeId)?.name, r.value, r.summary, r.evidenceCodingIds.length]).sort()).toEqual(
      planned.map((p) => [p.code.name, p.value, p.summary, 2]).sort(),
    );
    await app.expectNoErrors();
  });
});
