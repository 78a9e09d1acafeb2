/**
 * The coding workspace, end to end in Chromium: coding a selection every way the reader offers (the quick-code box
 * by name and by CFIR number, the recent codes' number keys, a right click, dropping a code on the selection,
 * in-vivo, the keyboard alone), selecting a coding and resizing, re-coding and removing it by mouse and by keyboard,
 * retrieval with filters, full-text search and "code all hits", and a densely coded transcript with overlapping
 * codings drawn clearly.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { newProject } from '#shared/model/new-project';
import { seededRandom, seededUuidGenerator, steppingClock } from '#shared/model/ids';
import { applyChange } from '#shared/model/change';
import type { Code, CodeOrigin, ProjectSnapshot, TesseraDocument, Uuid } from '#shared/model/types';
import { importPlainText } from '#shared/import/plain-text';
import { documentFromImport } from '#shared/import/document-from-import';
import { createCode } from '#shared/codebook/create-code';
import { applyCode } from '#shared/coding/apply-code';
import { encodeProjectFile } from '#shared/project-file/project-file';
import { synthesizeStudy } from '#shared/synth/synthesize-study';
import { launchBrowser, newProfileDir } from './support/chromium.ts';
import { visible } from './page-models/workspace-page.ts';
import { CodingPage } from './page-models/workspace-coding-page.ts';
import { stampsAt } from '#shared/model/stamps';

const BU_PRE = [
  'Moderator: Welcome everyone. Today we talk about the peer support programme.',
  'P1: The peer workers helped us a lot 😀 when the ward was full. Nurses were busy.',
  'P2: At first the nurses did not trust them. Later the nurses asked them for advice.',
  'Moderator: What changed after the training?',
  'P3: The training gave them a shared language, שלום עליכם as we say.',
  'P1: Peer support made the ward calmer. The culture of the ward changed slowly.',
].join('\n');

const KZ_POST = [
  'Moderator: How is the peer support going now?',
  'P1: The nurses trust the peer workers now. The culture changed on every ward.',
  'P2: Communication with the nurses is better, and the peer workers join the ward round.',
].join('\n');

/** A small study made with the app's own functions: two sites, two coders, CFIR and inductive codes, a few codings. */
async function fixtureStudy(): Promise<Buffer> {
  const newId = seededUuidGenerator(seededRandom(31));
  const now = steppingClock('2026-03-02T09:00:00.000Z');
  const base = newProject({ name: 'Workspace study', coderName: 'Ada Lovelace' }, newId, now);
  const [pre, post] = base.phases;
  const design = { projectId: base.project.id, ...stampsAt(now()) };
  const sites = [
    { id: newId(), code: 'BU', name: 'Butabika, Uganda', order: 1, ...design },
    { id: newId(), code: 'KZ', name: 'Kazakhstan', order: 2, ...design },
  ];
  const ada = base.coders[0]?.id ?? null;
  const ben = { id: newId(), projectId: base.project.id, name: 'Ben Okello', initials: 'BO', ...stampsAt(now()) };
  const document = (name: string, text: string, siteId: Uuid | null, phaseId: Uuid | null): TesseraDocument =>
    documentFromImport(importPlainText(`${name}.txt`, new TextEncoder().encode(text)), {
      projectId: base.project.id,
      name,
      kind: 'transcript',
      attributes: { siteId, phaseId, language: '', date: '', extra: {} },
      sourceFileName: `${name}.txt`,
      newId,
      now,
    });
  const buPre = document('BU_pre_FGD', BU_PRE, sites[0]?.id ?? null, pre?.id ?? null);
  const kzPost = document('KZ_post_FGD', KZ_POST, sites[1]?.id ?? null, post?.id ?? null);
  let snapshot: ProjectSnapshot = {
    ...base,
    sites,
    coders: [...base.coders, ben],
    documents: [buPre, kzPost],
  };
  const codes: Record<string, Code> = {};
  const addCode = (name: string, parent: string | null, origin: CodeOrigin, isCodable = true) => {
    const made = createCode(snapshot, { name, parentId: parent ? (codes[parent]?.id ?? null) : null, origin, isCodable }, ada, newId, now);
    snapshot = applyChange(snapshot, made.change);
    codes[name] = made.code;
  };
  addCode('Inner Setting', null, { kind: 'cfir', version: '2.0', elementId: '2.0.III' }, false);
  addCode('Communications', 'Inner Setting', { kind: 'cfir', version: '2.0', elementId: '2.0.III.C' });
  addCode('Culture', 'Inner Setting', { kind: 'cfir', version: '2.0', elementId: '2.0.III.D' });
  addCode('Trust', null, { kind: 'inductive' });
  addCode('Peer support', null, { kind: 'inductive' });
  const code = (name: string, doc: TesseraDocument, needle: string, coderId: Uuid | null) => {
    const at = doc.text.indexOf(needle);
    const start = [...doc.text.slice(0, at)].length;
    const made = applyCode(snapshot, { documentId: doc.id, codeId: codes[name]?.id as Uuid, start, end: start + [...needle].length, coderId }, newId, now);
    snapshot = applyChange(snapshot, made.change);
  };
  code('Trust', buPre, 'the nurses did not trust them', ada);
  code('Trust', kzPost, 'The nurses trust the peer workers now.', ben.id);
  code('Culture', kzPost, 'The culture changed on every ward.', ada);
  code('Communications', kzPost, 'Communication with the nurses is better', ben.id);
  return Buffer.from(await encodeProjectFile(snapshot, { appVersion: '0.1.0', savedAt: now() }));
}

const baseUrl = inject('baseUrl');
let context: BrowserContext;
let app: CodingPage;

beforeAll(async () => {
  const launched = await launchBrowser(newProfileDir());
  context = launched.context;
  app = new CodingPage(launched.page);
  await app.open(baseUrl);
  await app.openProjectFile({ name: 'Workspace study.tessera', mimeType: 'application/octet-stream', buffer: await fixtureStudy() });
  await app.openDocument('BU_pre_FGD');
});

afterAll(async () => {
  await context?.close();
});

describe('coding a selection', () => {
  it('shows the transcript with its codings and a stripe per code in the margin', async () => {
    await expect.poll(() => app.page.locator('.para').count()).toBe(6);
    expect(await app.codedPassageIn(3)).toBe('the nurses did not trust them');
    expect(await app.paragraph(3).locator('.stripe').getAttribute('title')).toMatch(/^Trust, [a-z ]+$/);
    // RTL text reads right: the paragraph's direction follows its text.
    expect(await app.paragraph(5).locator('.para-text').getAttribute('dir')).toBe('auto');
  });

  it('codes with the quick-code box by CFIR number, snapping the selection to whole words', async () => {
    await app.selectText(2, 'eer workers helped u');
    await app.quickCode('III.D');
    await expect.poll(() => app.codedPassageIn(2)).toBe('peer workers helped us');
    expect(await app.paragraph(2).locator('.stripe').getAttribute('title')).toMatch(/^III\.D Culture, [a-z ]+$/);
    await app.expectNoErrors();
  });

  it('keeps the selection exactly as dragged while Alt is held', async () => {
    await app.selectTextExactly(6, 'ulture of the wa');
    await app.quickCode('trus');
    await expect.poll(() => app.codedPassageIn(6)).toBe('ulture of the wa');
  });

  it('codes with a recent code on its number key', async () => {
    await app.selectText(2, 'Nurses were busy');
    await visible(app.quickCodeBox());
    // 1 is the code used last (Trust), 2 the one before (Culture).
    await expect.poll(() => app.page.locator('.recent-code .recent-name').allInnerTexts()).toEqual(['Trust', 'Culture']);
    await app.page.keyboard.press('1');
    await app.quickCodeBox().waitFor({ state: 'detached' });
    await expect.poll(() => app.codedPassageIn(2)).toBe('peer workers helped us / Nurses were busy');
  });

  it('codes with a right click on the selection', async () => {
    await app.selectText(5, 'shared language');
    await visible(app.quickCodeBox());
    await app.page.keyboard.press('Escape');
    await app.quickCodeBox().waitFor({ state: 'detached' });
    await app.page.locator('#para-5 .para-text').click({ button: 'right', position: { x: 5, y: 8 } });
    await visible(app.quickCodeBox());
    await app.quickCodeBox().getByRole('button', { name: 'Peer support', exact: true }).click();
    await expect.poll(() => app.codedPassageIn(5)).toBe('shared language');
  });

  it('codes by dragging a code onto the selection', async () => {
    await app.selectText(6, 'made the ward calmer');
    await visible(app.quickCodeBox());
    await app.page.keyboard.press('Escape');
    await app.page.locator('.recent-code', { hasText: 'Culture' }).dragTo(app.paragraph(6).locator('.para-text'));
    await expect.poll(() => app.codedPassageIn(6)).toBe('made the ward calmer / ulture of the wa');
    // From the coding tree as well.
    await app.selectText(1, 'Welcome everyone');
    await visible(app.quickCodeBox());
    await app.page.keyboard.press('Escape');
    await app.codeRow('Peer support').dragTo(app.paragraph(1).locator('.para-text'));
    await expect.poll(() => app.codedPassageIn(1)).toBe('Welcome everyone');
    await app.expectNoErrors();
  });

  it('makes an in-vivo code from the selected words', async () => {
    await app.selectText(3, 'asked them for advice');
    await visible(app.quickCodeBox());
    await app.quickCodeBox().getByRole('button', { name: 'In vivo: “asked them for advice”' }).click();
    await visible(app.codeRow('asked them for advice'));
    await expect.poll(() => app.codedPassageIn(3)).toBe('the nurses did not trust them / asked them for advice');
  });

  it('codes from the keyboard alone', async () => {
    await app.focusReader();
    for (let i = 0; i < 4; i++) await app.page.keyboard.press('ArrowDown');
    // Enter selects the focused turn without its speaker label; Enter again opens the quick-code box.
    await app.page.keyboard.press('Enter');
    await app.page.keyboard.press('Enter');
    await app.quickCode('Commun');
    await expect.poll(() => app.codedPassageIn(4)).toBe('What changed after the training?');
    await app.page.keyboard.press('ArrowDown');
    for (let i = 0; i < 3; i++) await app.page.keyboard.press('Shift+ArrowRight');
    await app.page.keyboard.press('1');
    await expect.poll(() => app.codedPassageIn(5)).toBe('The training gave / shared language');
  });
});

describe('a selected coding', () => {
  it('shows its code, coder and time, and moves its edges by a word from the keyboard', async () => {
    await app.page.keyboard.press('Escape');
    // ] selects the next coding from the focused paragraph (5): "The training gave".
    await app.page.keyboard.press(']');
    await visible(app.inspector());
    expect(await app.inspector().locator('.inspector-code').innerText()).toBe('III.C Communications');
    expect(await app.inspector().locator('.inspector-meta').innerText()).toMatch(/^Ada Lovelace \(AL\) · /);
    expect(await app.inspector().locator('.inspector-citation').innerText()).toBe('BU 5');
    expect(await app.selectedCodingText()).toBe('The training gave');
    await app.page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => app.selectedCodingText()).toBe('The training gave them');
    await app.page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(() => app.selectedCodingText()).toBe('The training gave');
    await app.page.keyboard.press('Alt+Shift+ArrowRight');
    await expect.poll(() => app.selectedCodingText()).toBe('training gave');
    await app.page.keyboard.press('Alt+Shift+ArrowLeft');
    await expect.poll(() => app.selectedCodingText()).toBe('The training gave');
  });

  it('is resized by dragging its handle, snapping to the word', async () => {
    const handle = app.paragraph(5).locator('.coding-handle-end');
    await visible(handle);
    const target = await app.page.evaluate(() => {
      const text = document.querySelector('#para-5 .para-text') as HTMLElement;
      const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        const at = node.data.indexOf('shared');
        if (at >= 0) {
          const range = document.createRange();
          range.setStart(node, at + 2);
          range.setEnd(node, at + 3);
          const rect = range.getBoundingClientRect();
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
      }
      throw new Error('no "shared"');
    });
    const box = await handle.boundingBox();
    if (!box) throw new Error('the handle is not drawn');
    await app.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await app.page.mouse.down();
    await app.page.mouse.move(target.x, target.y, { steps: 6 });
    await app.page.mouse.up();
    await expect.poll(() => app.selectedCodingText()).toBe('The training gave them a shared');
  });

  it('is fitted to a new selection from the quick-code box', async () => {
    await app.selectText(5, 'gave them a shared language');
    await app.quickCodeBox().getByRole('button', { name: 'Fit the selected “Communications” coding to this selection' }).click();
    await expect.poll(() => app.selectedCodingText()).toBe('gave them a shared language');
  });

  it('is re-coded and removed by mouse and by keyboard, and undo brings it back', async () => {
    await app.inspector().getByRole('button', { name: /Change code/ }).click();
    const recode = app.page.getByRole('dialog', { name: 'Change the code of the coding' });
    await recode.getByLabel('Find a code').fill('Culture');
    await recode.getByLabel('Find a code').press('Enter');
    await expect.poll(() => app.inspector().locator('.inspector-code').innerText()).toBe('III.D Culture');
    await app.focusReader();
    await app.page.keyboard.press('r');
    await recode.getByLabel('Find a code').fill('trust');
    await recode.getByLabel('Find a code').press('Enter');
    await expect.poll(() => app.inspector().locator('.inspector-code').innerText()).toBe('Trust');
    await app.focusReader();
    await app.page.keyboard.press('Delete');
    await app.inspector().waitFor({ state: 'detached' });
    // Resized, re-coded twice and now removed, the coding that was "The training gave" leaves only "shared language".
    await expect.poll(() => app.codedPassageIn(5)).toBe('shared language');
    await app.page.keyboard.press('Control+z');
    await expect.poll(() => app.codedPassageIn(5)).toBe('gave them a shared language');
    // The same coding, removed with the mouse this time.
    await app.page.locator('#para-5 .coded', { hasText: 'gave them a' }).first().click();
    const here = app.page.getByRole('dialog', { name: 'Codings here' });
    await here.getByRole('button', { name: 'Select coding Trust' }).click();
    await app.inspector().getByRole('button', { name: /Remove/ }).click();
    await app.inspector().waitFor({ state: 'detached' });
    await expect.poll(() => app.codedPassageIn(5)).toBe('shared language');
  });
});

describe('retrieval', () => {
  it('lists a code’s segments with citation, speaker and coder, filtered and ordered', async () => {
    await app.selectCodeInTree('Trust');
    await expect.poll(() => app.segmentTexts()).toEqual([
      'Nurses were busy',
      'the nurses did not trust them',
      'ulture of the wa',
      'The nurses trust the peer workers now.',
    ]);
    expect(await app.segmentCitations()).toEqual(['BU 2', 'BU 3', 'BU 6', 'KZ 2']);
    expect(await app.page.locator('.segment').first().locator('.segment-speaker').innerText()).toBe('P1');
    await app.filter('Site', 'KZ · Kazakhstan');
    await expect.poll(() => app.segmentTexts()).toEqual(['The nurses trust the peer workers now.']);
    expect(await app.page.locator('.segment .segment-coder').innerText()).toBe('BO');
    await app.filter('Site', 'Any site');
    await app.filter('Coder', 'Ada Lovelace (AL)');
    await expect.poll(() => app.segmentTexts()).toHaveLength(3);
    await app.filter('Coder', 'Any coder');
    await app.filter('Phase', 'post');
    await expect.poll(() => app.segmentCitations()).toEqual(['KZ 2']);
    await app.filter('Phase', 'Any phase');
    await app.filter('Speaker role', 'Moderators');
    await expect.poll(() => app.segmentTexts()).toEqual([]);
    await app.filter('Speaker role', 'Any speaker');
  });

  it('retrieves a whole CFIR domain with the codes beneath it, and several codes at once', async () => {
    await app.selectCodeInTree('Inner Setting');
    await expect.poll(() => app.segmentCitations()).toEqual(['BU 2', 'BU 4', 'BU 6', 'KZ 2', 'KZ 3']);
    await app.page.getByLabel('Add a code to retrieve').fill('trust');
    await app.page.getByLabel('Add a code to retrieve').press('Enter');
    await expect.poll(() => app.segmentTexts()).toHaveLength(9);
    await app.page.locator('.right-pane').getByLabel('Order').selectOption('site-phase');
    await expect.poll(async () => (await app.segmentCitations()).slice(-3)).toEqual(['KZ 2', 'KZ 2', 'KZ 3']);
  });

  it('shows a segment’s paragraph and opens the transcript there', async () => {
    const last = app.page.locator('.segment-item').last();
    await last.getByRole('button', { name: 'Show paragraph' }).click();
    expect(await last.locator('.segment-context').innerText()).toBe(
      'P2: Communication with the nurses is better, and the peer workers join the ward round.',
    );
    expect(await last.locator('.segment-context mark').innerText()).toBe('Communication with the nurses is better');
    await last.locator('.segment').click();
    await visible(app.page.locator('.reader-title', { hasText: 'KZ_post_FGD' }));
    await visible(app.page.locator('#para-3.flash'));
    expect(await app.page.evaluate(() => window.getSelection()?.toString())).toBe('Communication with the nurses is better');
  });
});

describe('search', () => {
  it('finds words, phrases, case and regular expressions while typing, with filters, and in the passages a coder coded', async () => {
    await app.rightTab('Search').click();
    await app.searchBox().pressSequentially('nurses', { delay: 30 });
    await expect.poll(() => app.hitTexts()).toEqual(['Nurses', 'nurses', 'nurses', 'nurses', 'nurses']);
    await expect.poll(() => app.searchSummary().innerText()).toMatch(/^5 hits in 2 documents/);
    await app.searchBox().fill('"peer workers"');
    await expect.poll(() => app.hitTexts()).toEqual(['peer workers', 'peer workers', 'peer workers']);
    await app.searchBox().fill('Nurses');
    await app.page.getByLabel('Match case').check();
    await expect.poll(() => app.hitTexts()).toEqual(['Nurses']);
    await app.page.getByLabel('Match case').uncheck();
    await app.page.getByLabel('Regular expression').check();
    await app.searchBox().fill('nurs(es|ing)|ward\\b');
    await expect.poll(() => app.hitTexts()).toHaveLength(10);
    await app.searchBox().fill('(unclosed');
    await expect.poll(() => app.page.locator('.search-error').innerText()).toMatch(/not valid/);
    await app.page.getByLabel('Regular expression').uncheck();
    // Only the hits in passages Ben coded: "The nurses trust the peer workers now", "Communication with the nurses".
    await app.searchBox().fill('nurses');
    await app.filter('Coded by', 'Coded by BO · Ben Okello');
    await expect.poll(() => app.hitTexts()).toEqual(['nurses', 'nurses']);
    await expect.poll(() => app.searchSummary().innerText()).toMatch(/^2 hits in 1 document/);
    await app.page.screenshot({ path: join(import.meta.dirname, 'output', 'search-coded-by.png') });
    await app.filter('Coded by', 'Coded or not');
    await app.searchBox().fill('ward');
    await app.filter('Site', 'BU · Butabika, Uganda');
    await expect.poll(() => app.hitTexts()).toEqual(['ward', 'ward', 'ward']);
  });

  it('codes all hits, each widened to its sentence, as one step that undo takes back', async () => {
    await app.page.getByLabel('Code for the hits').fill('peer supp');
    await app.page.getByLabel('Code for the hits').press('Enter');
    await app.page.getByLabel('Widen each hit to').selectOption('sentence');
    await app.page.getByRole('button', { name: 'Code all 3 hits' }).click();
    await visible(app.page.locator('.notice', { hasText: 'Coded 3 passages with “Peer support”' }));
    await app.page.locator('.hit').first().locator('.segment').click();
    await visible(app.page.locator('.reader-title', { hasText: 'BU_pre_FGD' }));
    await expect.poll(() => app.codedTextsIn(2)).toContain(' a lot 😀 when the ward was full.');
    await app.page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => app.codedPassageIn(2)).toBe('peer workers helped us / Nurses were busy');
  });

  it('codes only the chosen hits', async () => {
    await app.page.getByLabel('Widen each hit to').selectOption('hit');
    await app.page.getByLabel('Choose hit 2').check();
    await app.page.getByRole('button', { name: 'Code 1 chosen' }).click();
    await visible(app.page.locator('.notice', { hasText: 'Coded 1 passage with “Peer support”' }));
  });

  it('finds every coding where it was after a reload', async () => {
    await app.page.reload();
    await visible(app.page.locator('.reader-title'));
    await app.openDocument('BU_pre_FGD');
    await expect.poll(() => app.codedPassageIn(3)).toBe('the nurses did not trust them / asked them for advice');
    await expect.poll(() => app.codedPassageIn(6)).toBe('made the ward calmer / ulture of the wa');
  });
});

describe('a change the store cannot save', () => {
  it('shows at once, is reported saved only once written, and is taken back with a message when the write fails', async () => {
    await expect.poll(() => app.page.locator('.save-status').innerText()).toBe('All changes saved');
    // The disk fills up: every IndexedDB write from now on fails as Chromium fails it.
    await app.failStorageWrites();
    await app.selectText(1, 'Today we talk');
    const box = app.quickCodeBox();
    await visible(box);
    await box.getByLabel('Find or create a code').fill('Trust');
    await box.getByLabel('Find or create a code').press('Enter');
    await visible(app.page.locator('.notice', { hasText: '“Coding” could not be saved, so it was taken back.' }));
    await expect.poll(() => app.page.locator('.notice', { hasText: 'The disk or the browser storage is full' }).count()).toBe(1);
    await expect.poll(() => app.codedPassageIn(1)).toBe('Welcome everyone');
    expect(await app.page.getByRole('button', { name: 'Undo' }).getAttribute('title')).not.toContain('Undo Coding');
    await expect.poll(() => app.page.locator('.save-status').innerText()).toBe('All changes saved');
    // The quick-code box stays open on the selection, to try again.
    await visible(box);

    // With space again, the same coding is saved and is there after a reload.
    await app.letStorageWrite();
    await box.getByLabel('Find or create a code').press('Enter');
    await box.waitFor({ state: 'detached' });
    await expect.poll(() => app.codedPassageIn(1)).toBe('Welcome everyone / Today we talk');
    await app.page.reload();
    await visible(app.page.locator('.reader-title'));
    await app.openDocument('BU_pre_FGD');
    await expect.poll(() => app.codedPassageIn(1)).toBe('Welcome everyone / Today we talk');
  });
});

describe('a densely coded transcript', () => {
  it('draws overlapping codings as separate stripes beside their lines, and looks clear', async () => {
    const study = synthesizeStudy({ documents: 2, wordsPerDocument: 2500, codes: 30, codings: 700, coders: 3, seed: 4 });
    const bytes = Buffer.from(await encodeProjectFile(study, { appVersion: '0.1.0', savedAt: study.project.modifiedAt }));
    await app.page.getByRole('button', { name: 'Close project' }).click();
    await app.openProjectFile({ name: 'dense.tessera', mimeType: 'application/octet-stream', buffer: bytes });
    const first = study.documents[0]?.name as string;
    await app.openDocument(first);
    await app.reader().evaluate((body) => (body.scrollTop = 600));
    await app.page.waitForTimeout(300);
    // In every paragraph, stripes in one lane never overlap, and each stripe lies within its paragraph.
    const problems = await app.page.evaluate(() => {
      const found: string[] = [];
      for (const para of document.querySelectorAll<HTMLElement>('.para')) {
        const stripes = [...para.querySelectorAll<HTMLElement>('.stripe')].filter((s) => s.style.display !== 'none');
        const height = para.getBoundingClientRect().height;
        for (const a of stripes) {
          const top = parseFloat(a.style.top);
          if (top < -1 || top + parseFloat(a.style.height) > height + 1) found.push(`${para.id}: stripe outside its paragraph`);
          for (const b of stripes) {
            if (a === b || a.style.left !== b.style.left) continue;
            const overlap = Math.min(top + parseFloat(a.style.height), parseFloat(b.style.top) + parseFloat(b.style.height)) - Math.max(top, parseFloat(b.style.top));
            if (overlap > 0) found.push(`${para.id}: two stripes in one lane`);
          }
        }
      }
      return found;
    });
    expect(problems).toEqual([]);
    expect(await app.page.locator('.stripe').count()).toBeGreaterThan(10);
    const output = join(import.meta.dirname, 'output');
    mkdirSync(output, { recursive: true });
    await app.page.screenshot({ path: join(output, 'dense-coding.png') });
  });
});
