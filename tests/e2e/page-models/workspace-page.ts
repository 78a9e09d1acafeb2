/**
 * A page model of Tessera for the end-to-end tests: the actions a researcher takes, done the way they do them
 * (clicks, typing, dragging the mouse over text), and the things they read off the screen.
 */
import type { Download, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** A file to hand to the file picker. */
export interface FixtureFile {
  readonly name: string;
  readonly mimeType: string;
  readonly buffer: Buffer;
}

/** Waits until a locator is visible, with a readable failure. */
export async function visible(locator: Locator, timeout = 10_000): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout });
}

/** The app in one page. */
export class WorkspacePage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(baseUrl);
    await visible(this.page.locator('.start, .workspace'));
  }

  /** Creates a project with an empty codebook (the form offers CFIR 2.0 first; see codebook-page.ts for CFIR). */
  async createProject(name: string, coderName: string): Promise<void> {
    await this.page.getByLabel('Project name').fill(name);
    await this.page.getByLabel('Your name (as coder)').fill(coderName);
    await this.page.getByRole('radio', { name: 'None', exact: true }).check();
    await this.page.getByRole('button', { name: 'Create project' }).click();
    await visible(this.page.locator('.project-title', { hasText: name }));
  }

  /** Picks files in the file chooser that a click opens. */
  async chooseFiles(click: () => Promise<void>, files: readonly FixtureFile[]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await click();
    await (await chooser).setFiles(files.map((f) => ({ name: f.name, mimeType: f.mimeType, buffer: f.buffer })));
  }

  async importFiles(files: readonly FixtureFile[]): Promise<void> {
    await this.chooseFiles(() => this.page.getByRole('button', { name: 'Import…' }).click(), files);
    // The import preview lists the files as read; importing every good one is one click (enabled once all are read).
    const preview = this.page.getByRole('dialog', { name: /^Import \d+ files?$/ });
    await preview.getByRole('button', { name: /^Import \d+ documents?$/ }).click();
    await preview.waitFor({ state: 'detached' });
  }

  documentRow(name: string): Locator {
    return this.page.locator('.document-row', { hasText: name });
  }

  paragraph(n: number): Locator {
    return this.page.locator(`#para-${n}`);
  }

  async addCode(name: string): Promise<void> {
    await this.page.getByLabel('New code name').fill(name);
    await this.page.getByRole('button', { name: 'Add', exact: true }).click();
    await visible(this.codeRow(name));
  }

  codeRow(name: string): Locator {
    return this.page.locator('.code-row', { has: this.page.locator('.code-name', { hasText: name }) });
  }

  /** Drags the mouse across `needle` inside paragraph `n`, as a person selects a passage. */
  async selectText(n: number, needle: string): Promise<void> {
    const points = await this.page.evaluate(
      ({ n, needle }) => {
        const container = document.querySelector(`#para-${n} .para-text`);
        if (!container) throw new Error(`no paragraph ${n}`);
        const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
        const nodes: Text[] = [];
        let all = '';
        while (walker.nextNode()) {
          nodes.push(walker.currentNode as Text);
          all += (walker.currentNode as Text).data;
        }
        const at = all.indexOf(needle);
        if (at < 0) throw new Error(`"${needle}" is not in paragraph ${n}`);
        const locate = (index: number, preferNext: boolean) => {
          let offset = index;
          for (const node of nodes) {
            if (offset < node.data.length || (!preferNext && offset === node.data.length)) return { node, offset };
            offset -= node.data.length;
          }
          const last = nodes[nodes.length - 1] as Text;
          return { node: last, offset: last.data.length };
        };
        const a = locate(at, true);
        const b = locate(at + needle.length, false);
        const first = document.createRange();
        first.setStart(a.node, a.offset);
        first.setEnd(a.node, Math.min(a.offset + 1, a.node.data.length));
        const last = document.createRange();
        last.setStart(b.node, Math.max(0, b.offset - 1));
        last.setEnd(b.node, b.offset);
        const r1 = first.getClientRects()[0] as DOMRect;
        const rects = last.getClientRects();
        const r2 = rects[rects.length - 1] as DOMRect;
        // A right-to-left character (Hebrew, Arabic) begins at its right edge and ends at its left edge.
        const isRtl = (ch: string) => /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/.test(ch);
        const startsRtl = isRtl(needle.charAt(0));
        const endsRtl = isRtl(needle.charAt(needle.length - 1));
        return {
          x1: startsRtl ? r1.right - 1 : r1.left + 1,
          y1: r1.top + r1.height / 2,
          x2: endsRtl ? r2.left + 1 : r2.right - 1,
          y2: r2.top + r2.height / 2,
        };
      },
      { n, needle },
    );
    await this.page.mouse.move(points.x1, points.y1);
    await this.page.mouse.down();
    await this.page.mouse.move(points.x2, points.y2, { steps: 8 });
    await this.page.mouse.up();
  }

  /** Codes the current selection with an existing code, picked from the popover. */
  async applyCodeToSelection(codeName: string): Promise<void> {
    const popover = this.page.getByRole('dialog', { name: 'Code the selection' });
    await visible(popover);
    await popover.getByRole('button', { name: codeName, exact: true }).click();
    await popover.waitFor({ state: 'detached' });
  }

  /** The texts of the coded segments listed for the selected code. */
  async segmentTexts(): Promise<string[]> {
    return this.page.locator('.segment .segment-text').allInnerTexts();
  }

  /** Types into the quick-code box that a selection opened, and presses Enter. */
  async quickCode(typed: string): Promise<void> {
    const box = this.page.getByRole('dialog', { name: 'Code the selection' });
    await visible(box);
    await box.getByLabel('Find or create a code').fill(typed);
    await box.getByLabel('Find or create a code').press('Enter');
    await box.waitFor({ state: 'detached' });
  }

  /** The coded runs of paragraph n, as text, in order. */
  async codedTextsIn(n: number): Promise<string[]> {
    return this.paragraph(n).locator('.coded').allInnerTexts();
  }

  async saveProjectFile(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Save as file…' }).click();
    return download;
  }

  /** The reader's coded runs, as text. */
  async codedTexts(): Promise<string[]> {
    return this.page.locator('.reader-body .coded').allInnerTexts();
  }

  /**
   * The disk fills up: from now on every IndexedDB write in the page fails as Chromium fails it then (a
   * QuotaExceededError from `put`), until `letStorageWrite` is called.
   */
  async failStorageWrites(): Promise<void> {
    await this.page.evaluate(() => {
      const page = window as unknown as { writesBeforeFailing?: typeof IDBObjectStore.prototype.put };
      page.writesBeforeFailing ??= IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
  }

  /** Ends `failStorageWrites`. */
  async letStorageWrite(): Promise<void> {
    await this.page.evaluate(() => {
      const page = window as unknown as { writesBeforeFailing?: typeof IDBObjectStore.prototype.put };
      if (page.writesBeforeFailing) IDBObjectStore.prototype.put = page.writesBeforeFailing;
    });
  }

  async expectNoErrors(): Promise<void> {
    expect(await this.page.locator('.notice-error').allInnerTexts()).toEqual([]);
  }
}
