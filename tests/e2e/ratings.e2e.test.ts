/**
 * Compare > Ratings end to end, on a `tessera synth` study: make one case per site, open three construct x case
 * cells by keyboard, write each rating with a summary, a rationale and two of the pooled passages as evidence, and
 * find all of it again after a reload and in the saved .tessera file. axe-core checks the matrix and the editor.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { decodeProjectFile } from '#shared/project-file/project-file';
import { buildProjectIndex } from '#shared/index/project-index';
import type { Code, ProjectSnapshot, Site } from '#shared/model/types';
import { constructPassages } from '#shared/ratings/cases';
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

  it('records three ratings with evidence, by keyboard', async () => {
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

  it('finds the three ratings and their evidence after a reload, and in the saved file', async () => {
    await app.page.reload();
    await visible(app.page.locator('.workspace'));
    await openRatings();
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
    expect(saved.cases.map((c) => c.name).sort()).toEqual(snapshot.sites.map((s) => s.code).sort());
    expect(saved.ratings.map((r) => [saved.codes.find((c) => c.id === r.codeId)?.name, r.value, r.summary, r.evidenceCodingIds.length]).sort()).toEqual(
      planned.map((p) => [p.code.name, p.value, p.summary, 2]).sort(),
    );
    await app.expectNoErrors();
  });
});
