/**
 * The Compare view end to end, on a `tessera synth` study: open the matrix from the project bar, check its figures
 * against the same computation run here, change the grouping, fold a domain and drill into a cell by keyboard,
 * export the heat map (SVG, PNG at print resolution) and its CSV, and let axe-core check the view. Screenshots of
 * the heat map, the bar chart and pre vs post go to tests/e2e/output/ for people to look at.
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
import { NO_FILTER } from '#shared/coding/segment-filter';
import { computeCodeMatrix } from '#shared/compare/code-matrix';
import type { ProjectSnapshot } from '#shared/model/types';
import { wordTables } from '../unit/shared/export/word-reader.ts';
import { launchBrowser, newProfileDir } from './support/chromium.ts';
import { visible, WorkspacePage } from './page-models/workspace-page.ts';

const OUTPUT = 'tests/e2e/output';
const baseUrl = inject('baseUrl');
let context: BrowserContext;
let app: WorkspacePage;
let studyFile = '';
let snapshot: ProjectSnapshot;

beforeAll(async () => {
  mkdirSync(OUTPUT, { recursive: true });
  studyFile = join(mkdtempSync(join(tmpdir(), 'tessera-compare-')), 'study.tessera');
  execFileSync(process.execPath, ['cli/tessera.mjs', 'synth', '-o', studyFile, '--docs', '12', '--words', '2500', '--codes', '24', '--codings', '600', '--seed', '5']);
  snapshot = (await decodeProjectFile(new Uint8Array(readFileSync(studyFile)))).snapshot;
  const launched = await launchBrowser(newProfileDir());
  context = launched.context;
  app = new WorkspacePage(launched.page);
});

afterAll(async () => {
  await context?.close();
});

async function download(click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const pending: Promise<Download> = app.page.waitForEvent('download');
  await click();
  const file = await pending;
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

/** Serious and critical accessibility violations on the page as it stands. */
async function seriousViolations(): Promise<string[]> {
  const results = await new AxeBuilder({ page: app.page }).include('.compare').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
}

describe('compare view', () => {
  it('opens the code x site x phase matrix from the project bar, with the figures the domain computes', async () => {
    await app.open(baseUrl);
    await app.chooseFiles(() => app.page.getByRole('button', { name: 'Open a project file (.tessera)…' }).click(), [
      { name: 'study.tessera', mimeType: 'application/octet-stream', buffer: readFileSync(studyFile) },
    ]);
    await visible(app.page.locator('.workspace'));
    await app.page.getByRole('button', { name: 'Compare…' }).click();
    await visible(app.page.getByRole('heading', { name: 'Compare', exact: true }));
    const expected = computeCodeMatrix(buildProjectIndex(snapshot), snapshot, { grouping: { kind: 'site-phase' }, filter: NO_FILTER });
    const headers = await app.page.locator('.heat-map thead .heat-map-column').allInnerTexts();
    expect(headers).toEqual(expected.columns.map((c) => c.label));
    expect(headers[0]).toMatch(/^[A-Z]+ pre$/);
    // The first domain's row, cell by cell.
    const top = expected.rows[0];
    if (!top) throw new Error('the study has codes');
    const cells = await app.page.locator('.heat-map tbody tr').first().locator('.heat-map-cell').allInnerTexts();
    expect(cells).toEqual(top.cells.map((c) => String(c.passages)));
    await app.page.locator('.notice .notice-close').first().click({ timeout: 2000 }).catch(() => undefined);
    await app.page.screenshot({ path: join(OUTPUT, 'compare-heat-map.png') });
  });

  it('changes the grouping and the measure', async () => {
    await app.page.getByLabel('Columns').selectOption({ label: 'site' });
    const headers = await app.page.locator('.heat-map thead .heat-map-column').allInnerTexts();
    expect(headers).toEqual(snapshot.sites.map((s) => s.code));
    await app.page.getByLabel('Cells show').selectOption({ label: 'Share of text coded (%)' });
    const first = await app.page.locator('.heat-map-cell').first().innerText();
    expect(first).toMatch(/^\d+\.\d$/);
    await app.page.getByLabel('Cells show').selectOption({ label: 'Coded passages' });
    await app.page.getByLabel('Columns').selectOption({ label: 'site x phase' });
  });

  it('folds a domain and drills into a cell, by keyboard', async () => {
    const rowsBefore = await app.page.locator('.heat-map tbody tr').count();
    const toggle = app.page.locator('.heat-map-toggle').first();
    await toggle.focus();
    await app.page.keyboard.press('Enter');
    expect(await app.page.locator('.heat-map tbody tr').count()).toBeLessThan(rowsBefore);
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    await app.page.keyboard.press('Enter');
    expect(await app.page.locator('.heat-map tbody tr').count()).toBe(rowsBefore);
    // The first cell with passages: Tab to it from the toggle and open it with Enter.
    const cell = app.page.locator('.heat-map tbody tr').first().locator('.heat-map-cell').filter({ hasNotText: /^0$/ }).first();
    const label = (await cell.getAttribute('aria-label')) ?? '';
    await cell.focus();
    await app.page.keyboard.press('Enter');
    const panel = app.page.locator('.compare-passages');
    await visible(panel);
    const count = Number(/^\S+/.exec(await cell.innerText())?.[0]);
    expect(count).toBeGreaterThan(0);
    const citations = await panel.locator('.citation').allInnerTexts();
    expect(citations.length).toBeGreaterThanOrEqual(count);
    const site = /, ([A-Z]+) /.exec(label)?.[1] ?? '';
    // A site with a pre and a post document cites which: "BU pre 5".
    for (const citation of citations) expect(citation).toMatch(new RegExp(`^${site}( (pre|post))? \\d+(–\\d+)?$`));
    await app.page.screenshot({ path: join(OUTPUT, 'compare-cell-passages.png') });
  });

  it('exports the heat map as SVG and as a print-resolution PNG, and the matrix as CSV', async () => {
    const svg = await download(() => app.page.getByRole('group', { name: 'Export the heat map' }).getByRole('button', { name: 'Export SVG' }).click());
    expect(svg.name).toMatch(/\.svg$/);
    const text = svg.bytes.toString('utf8');
    expect(text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="(\d+)"/);
    expect(text).toContain('Passages: within each document');
    const png = await download(() => app.page.getByRole('group', { name: 'Export the heat map' }).getByRole('button', { name: 'Export PNG' }).click());
    expect([...png.bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const svgWidth = Number(/width="(\d+)"/.exec(text)?.[1]);
    expect(png.bytes.readUInt32BE(16)).toBe(svgWidth * 4);
    // The exported picture, for people to look at.
    writeFileSync(join(OUTPUT, 'compare-heat-map-export.png'), png.bytes);
    const csv = await download(() => app.page.getByRole('group', { name: 'Export the heat map' }).getByRole('button', { name: 'Export CSV' }).click());
    const lines = csv.bytes.toString('utf8').trim().split('\n');
    expect(lines[0]).toBe(['code', ...snapshot.sites.flatMap((s) => snapshot.phases.map((p) => `${s.code} ${p.name}`))].join(','));
    expect(lines).toHaveLength(snapshot.codes.filter((c) => !c.isHidden).length + 1);
    const word = await download(() => app.page.getByRole('group', { name: 'Export the heat map' }).getByRole('button', { name: 'Export Word' }).click());
    expect(word.name).toMatch(/\.docx$/);
    const table = wordTables(new Uint8Array(word.bytes))[0];
    expect(table?.[0]?.map((c) => c.text.split('\n')[0])).toEqual(['Code', ...snapshot.sites.flatMap((s) => snapshot.phases.map((p) => `${s.code} ${p.name}`))]);
    expect(table).toHaveLength(lines.length);
  });

  // axe-core checks every cell of four views: slow on a shared machine.
  it('passes axe-core with no serious or critical violation on the matrix, pre vs post, co-occurrence and bar chart', { timeout: 240_000 }, async () => {
    expect(await seriousViolations()).toEqual([]);
    await app.page.getByRole('button', { name: 'Pre vs post' }).click();
    await visible(app.page.locator('.pre-post-table'));
    expect(await seriousViolations()).toEqual([]);
    await app.page.screenshot({ path: join(OUTPUT, 'compare-pre-post.png') });
    await app.page.getByRole('button', { name: 'Co-occurrence' }).click();
    await visible(app.page.locator('.co-occurrence'));
    expect(await seriousViolations()).toEqual([]);
    await app.page.getByRole('button', { name: 'Bar chart' }).click();
    await visible(app.page.locator('.bar-chart svg'));
    expect(await seriousViolations()).toEqual([]);
    await app.page.screenshot({ path: join(OUTPUT, 'compare-bar-chart.png') });
    const bars = await download(() => app.page.getByRole('group', { name: 'Export the bar chart' }).getByRole('button', { name: 'Export SVG' }).click());
    expect(bars.bytes.toString('utf8')).toContain('<rect');
    await app.page.getByRole('button', { name: 'Back to coding' }).click();
    await visible(app.page.locator('.panes'));
  });
});
