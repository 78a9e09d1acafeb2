/**
 * Where coders agree and differ, end to end in Chromium: the agreement table of two coders with its counts and
 * method (computed in the agreement worker), agreement on their CFIR ratings, a disagreement shown in its
 * transcript and opened in the reader, settled into the consensus coder, undone and redone, and found again after a
 * reload; three coders' alpha with the pairwise table; axe-core finds no serious or critical violation in the
 * table or the disagreement view.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Locator } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { newProject } from '#shared/model/new-project';
import { seededRandom, seededUuidGenerator, steppingClock } from '#shared/model/ids';
import { applyChange } from '#shared/model/change';
import type { Case, Code, CodeOrigin, ProjectSnapshot, Rating, RatingValue, TesseraDocument, Uuid } from '#shared/model/types';
import { importPlainText } from '#shared/import/plain-text';
import { documentFromImport } from '#shared/import/document-from-import';
import { createCode } from '#shared/codebook/create-code';
import { applyCode } from '#shared/coding/apply-code';
import { encodeProjectFile } from '#shared/project-file/project-file';
import { stampsAt } from '#shared/model/stamps';
import { launchBrowser, newProfileDir } from './support/chromium.ts';
import { visible } from './page-models/workspace-page.ts';
import { CodingPage } from './page-models/workspace-coding-page.ts';

const BU_PRE = [
  'Moderator: Welcome everyone. Today we talk about the peer support programme.',
  'P1: The peer workers helped us a lot when the ward was full. Nurses were busy.',
  'P2: At first the nurses did not trust them. Later the nurses asked them for advice.',
  'Moderator: What changed after the training?',
  'P3: The training gave them a shared language and a common purpose.',
].join('\n');

/** Two coders on one transcript: they agree on one passage, differ at the edge of another, and one codes a third alone. */
async function fixtureStudy(): Promise<Buffer> {
  const newId = seededUuidGenerator(seededRandom(41));
  const now = steppingClock('2026-03-02T09:00:00.000Z');
  const base = newProject({ name: 'Agreement study', coderName: 'Ada Lovelace' }, newId, now);
  const site = { id: newId(), code: 'BU', name: 'Butabika, Uganda', order: 1, projectId: base.project.id, ...stampsAt(now()) };
  const ada = base.coders[0]?.id ?? null;
  const ben = { id: newId(), projectId: base.project.id, name: 'Ben Okello', initials: 'BO', ...stampsAt(now()) };
  const buPre: TesseraDocument = documentFromImport(importPlainText('BU_pre_FGD.txt', new TextEncoder().encode(BU_PRE)), {
    projectId: base.project.id,
    name: 'BU_pre_FGD',
    kind: 'transcript',
    attributes: { siteId: site.id, phaseId: base.phases[0]?.id ?? null, language: '', date: '', extra: {} },
    sourceFileName: 'BU_pre_FGD.txt',
    newId,
    now,
  });
  let snapshot: ProjectSnapshot = { ...base, sites: [site], coders: [...base.coders, ben], documents: [buPre] };
  const codes: Record<string, Code> = {};
  const addCode = (name: string, parent: string | null, origin: CodeOrigin, isCodable = true) => {
    const made = createCode(snapshot, { name, parentId: parent ? (codes[parent]?.id ?? null) : null, origin, isCodable }, ada, newId, now);
    snapshot = applyChange(snapshot, made.change);
    codes[name] = made.code;
  };
  addCode('Inner Setting', null, { kind: 'cfir', version: '2.0', elementId: '2.0.III' }, false);
  addCode('Culture', 'Inner Setting', { kind: 'cfir', version: '2.0', elementId: '2.0.III.D' });
  addCode('Trust', null, { kind: 'inductive' });
  const code = (name: string, needle: string, coderId: Uuid | null) => {
    const at = buPre.text.indexOf(needle);
    const start = [...buPre.text.slice(0, at)].length;
    const made = applyCode(snapshot, { documentId: buPre.id, codeId: codes[name]?.id as Uuid, start, end: start + [...needle].length, coderId }, newId, now);
    snapshot = applyChange(snapshot, made.change);
  };
  code('Trust', 'the nurses did not trust them', ada);
  code('Trust', 'the nurses did not trust them', ben.id);
  code('Culture', 'The peer workers helped us a lot when the ward was full.', ada);
  code('Culture', 'The peer workers helped us a lot', ben.id);
  code('Trust', 'Later the nurses asked them for advice.', ben.id);
  // Both rated two construct x case cells; Ben rated a third X (mixed), which counts as missing.
  const bu: Case = { id: newId(), projectId: base.project.id, name: 'BU', scope: { kind: 'site', siteId: site.id }, outcomes: {}, description: '', order: 1, ...stampsAt(now()) };
  const rate = (name: string, value: RatingValue, coderId: Uuid | null): Rating => ({
    id: newId(),
    projectId: base.project.id,
    caseId: bu.id,
    codeId: codes[name]?.id as Uuid,
    value,
    summary: '',
    rationale: '',
    evidenceCodingIds: [],
    ...stampsAt(now(), coderId),
  });
  snapshot = {
    ...snapshot,
    cases: [bu],
    ratings: [rate('Culture', '+2', ada), rate('Culture', '+1', ben.id), rate('Trust', '-1', ada), rate('Trust', '-1', ben.id), rate('Inner Setting', 'X', ben.id)],
  };
  return Buffer.from(await encodeProjectFile(snapshot, { appVersion: '0.1.0', savedAt: now() }));
}

const baseUrl = inject('baseUrl');
const shots = join(process.cwd(), 'test-results', 'screenshots');
let context: BrowserContext;
let app: CodingPage;

function dialog(): Locator {
  return app.page.getByRole('dialog', { name: 'Intercoder agreement' });
}

async function openAgreement(): Promise<void> {
  await app.page.getByRole('button', { name: 'Agreement…' }).click();
  await visible(dialog());
}

async function expectAccessible(): Promise<void> {
  const results = await new AxeBuilder({ page: app.page }).include('.agreement-dialog').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  const launched = await launchBrowser(newProfileDir());
  context = launched.context;
  app = new CodingPage(launched.page);
  await app.open(baseUrl);
  await app.openProjectFile({ name: 'Agreement study.tessera', mimeType: 'application/octet-stream', buffer: await fixtureStudy() });
  await app.openDocument('BU_pre_FGD');
});

afterAll(async () => {
  await context?.close();
});

describe('the agreement table', () => {
  it('shows two coders’ counts and figures per code, per CFIR domain and overall, with the method', async () => {
    await openAgreement();
    // Keyboard users start on the first choice: the first coder's box.
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.closest('label')?.textContent ?? '')).toBe('Ada Lovelace (AL)');
    const table = dialog().locator('.agreement-table');
    await visible(table);
    // Trust: both coded "the nurses did not trust them" (29 characters); Ben alone "Later the nurses asked them for advice." (39).
    const trust = table.locator('tbody tr', { has: app.page.locator('th', { hasText: /^Trust$/ }) });
    const cells = await trust.locator('td').allInnerTexts();
    const length = [...BU_PRE].length;
    expect(cells.slice(0, 5)).toEqual([String(length), '29', '0', '39', String(length - 68)]);
    await visible(table.locator('tr', { hasText: 'CFIR domain III Inner Setting' }));
    await visible(table.locator('tr', { hasText: 'All codes (2 pooled)' }));
    await expect.poll(() => dialog().locator('.agreement-method').first().innerText()).toMatch(/at the character level: every code point/);
    // The intervals come from the worker's bootstrap, after the table.
    const overall = table.locator('tr.agreement-row-overall td');
    await expect.poll(async () => (await overall.allInnerTexts())[7]).toMatch(/^\[-?\d\.\d{3}, -?\d\.\d{3}\]$/);
    // CFIR ratings: two cells both rated, Ben's X left out as missing.
    expect(await dialog().locator('.agreement-ratings').innerText()).toMatch(/ordinal\) on CFIR ratings: -?\d\.\d{3}, over 2 construct × case cells .*\(4 ratings\); 1 rating X or M treated as missing/);
    await expectAccessible();
    await app.page.screenshot({ path: join(shots, 'agreement-table.png') });

    // Another unit: paragraphs.
    await dialog().getByLabel('Unit', { exact: true }).selectOption('paragraph');
    await expect.poll(() => trust.locator('td').first().innerText()).toBe('5');
    await expect.poll(() => dialog().locator('.agreement-method').first().innerText()).toMatch(/paragraph level/);
    await dialog().getByLabel('Unit', { exact: true }).selectOption('character');
  });
});

describe('disagreements and consensus', () => {
  it('lists the passages coded by one coder only, largest first, and opens one in the reader', async () => {
    await dialog().getByRole('tab', { name: 'Disagreements and consensus' }).click();
    const items = dialog().locator('.disagreement');
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.locator('.disagreement-text').allInnerTexts()).toEqual(['Later the nurses asked them for advice.', 'when the ward was full.']);
    expect(await items.first().locator('.disagreement-head').innerText()).toMatch(/BU 3[\s\S]*coded by Ben Okello, not by Ada Lovelace/);
    // Filter by code.
    // Beside the list, the largest passage in its transcript: the paragraphs around it, each coder's coding marked.
    const context = dialog().getByRole('region', { name: 'The passage in its transcript' });
    await expect.poll(() => context.locator('.context-paragraph .coded-disputed').allInnerTexts()).toEqual(['Later the nurses asked them for advice.']);
    expect(await context.locator('.context-number').allInnerTexts()).toEqual(['2', '3', '4']);
    expect(await context.locator('.context-paragraph .coded-second').allInnerTexts()).toEqual(['the nurses did not trust them']);
    await dialog().getByLabel('Code', { exact: true }).selectOption({ label: 'Inner Setting › Culture' });
    await expect.poll(() => items.count()).toBe(1);
    await expect.poll(() => context.locator('.context-paragraph .coded-disputed').allInnerTexts()).toEqual([' when the ward was full.']);
    await expectAccessible();
    await app.page.screenshot({ path: join(shots, 'agreement-disagreements.png') });
    await items.first().getByRole('button', { name: 'Open in reader' }).click();
    await dialog().waitFor({ state: 'detached' });
    await visible(app.paragraph(2));
    expect(await app.paragraph(2).innerText()).toMatch(/when the ward was full/);
  });

  it('settles a disagreement into the consensus coder, undoably, keeping the originals', async () => {
    await openAgreement();
    const items = dialog().locator('.disagreement');
    await expect.poll(() => items.count()).toBe(1); // the view kept its tab and filter
    await items.first().getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => items.count()).toBe(0);
    await dialog().getByLabel('Show', { exact: true }).selectOption('all');
    await expect.poll(() => items.locator('.disagreement-status').allInnerTexts()).toEqual(['In consensus']);
    // The consensus coder exists and can be compared with each coder.
    await visible(dialog().getByRole('checkbox', { name: 'Consensus (CON)' }));

    // Undo takes it back, redo makes it again (Ctrl+Z from the project bar's buttons).
    await dialog().getByRole('button', { name: 'Close' }).click();
    await app.page.getByRole('button', { name: 'Undo' }).click();
    await openAgreement();
    await expect.poll(() => items.locator('.disagreement-status').allInnerTexts()).toEqual(['Open']);
    await dialog().getByRole('button', { name: 'Close' }).click();
    await app.page.getByRole('button', { name: 'Redo' }).click();
    await openAgreement();
    await expect.poll(() => items.locator('.disagreement-status').allInnerTexts()).toEqual(['In consensus']);

    // Reject the other (Trust) disagreement.
    await dialog().getByLabel('Code', { exact: true }).selectOption({ label: 'Trust' });
    await items.first().getByRole('button', { name: 'Reject' }).click();
    await expect.poll(() => items.locator('.disagreement-status').allInnerTexts()).toEqual(['Rejected']);
    await expect.poll(() => app.page.locator('.save-status[data-saving]').count()).toBe(0);
  });

  it('finds the consensus after a reload, and computes agreement with it', async () => {
    await app.page.reload();
    await visible(app.page.locator('.project-title', { hasText: 'Agreement study' }));
    await openAgreement();
    await dialog().getByRole('tab', { name: 'Disagreements and consensus' }).click();
    await dialog().getByLabel('Show', { exact: true }).selectOption('all');
    await dialog().getByLabel('Code', { exact: true }).selectOption('');
    const statuses = dialog().locator('.disagreement .disagreement-status');
    await expect.poll(() => statuses.allInnerTexts()).toEqual(['Rejected', 'In consensus']);
    // Three coders: alpha of all three, and each pair's figures.
    await dialog().getByRole('tab', { name: 'Agreement table' }).click();
    await dialog().getByRole('checkbox', { name: 'Consensus (CON)' }).check();
    const pairs = dialog().getByRole('region', { name: 'Agreement of each pair of coders' });
    await expect.poll(() => pairs.locator('tbody th').allInnerTexts()).toEqual(['Ada Lovelace – Ben Okello', 'Ada Lovelace – Consensus', 'Ben Okello – Consensus']);
    await expect.poll(() => dialog().locator('.agreement-method').first().innerText()).toMatch(/Ada Lovelace \(AL\), Ben Okello \(BO\) and Consensus \(CON\)/);
    await expectAccessible();
    await app.page.screenshot({ path: join(shots, 'agreement-three-coders.png') });
    // After consensus: Ada against the consensus on Culture at character level.
    await dialog().getByRole('checkbox', { name: 'Ben Okello (BO)' }).uncheck();
    const culture = dialog().locator('.agreement-table tbody tr', { has: app.page.locator('th', { hasText: 'Inner Setting › Culture' }) });
    // Ada coded the whole sentence (56 characters), as the consensus accepted: n11 = 56, n10 = n01 = 0.
    await expect.poll(async () => (await culture.locator('td').allInnerTexts()).slice(1, 4)).toEqual(['56', '0', '0']);
    await app.page.screenshot({ path: join(shots, 'agreement-after-consensus.png') });
    await app.expectNoErrors();
  });
});
