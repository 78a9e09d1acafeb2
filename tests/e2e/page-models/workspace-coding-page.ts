/**
 * The coding workspace as a coder uses it, for the end-to-end tests: the reader (selecting with the mouse or the
 * keyboard, the quick-code box, the recent codes, the selected coding's inspector and handles), retrieval and
 * search in the right pane.
 */
import type { Locator } from 'playwright-core';
import { visible, WorkspacePage, type FixtureFile } from './workspace-page.ts';

/** The workspace page with the coding workspace's parts. */
export class CodingPage extends WorkspacePage {
  /** Opens a .tessera project file from the start screen. */
  async openProjectFile(file: FixtureFile): Promise<void> {
    await this.chooseFiles(() => this.page.getByRole('button', { name: 'Open a project file (.tessera)…' }).click(), [file]);
    await visible(this.page.locator('.project-title'));
  }

  async openDocument(name: string): Promise<void> {
    await this.page.locator('.document-row', { has: this.page.locator('.document-name', { hasText: new RegExp(`^${name}$`) }) }).click();
    await visible(this.page.locator('.reader-title', { hasText: name }));
  }

  /** Selects a code in the coding tree (a click on the selected one would unselect it). */
  async selectCodeInTree(name: string): Promise<void> {
    const row = this.codeRow(name);
    if (!((await row.getAttribute('class')) ?? '').split(' ').includes('selected')) await row.click();
    await visible(this.page.locator('#code-panel-heading', { hasText: name }));
  }

  reader(): Locator {
    return this.page.locator('.reader-body');
  }

  quickCodeBox(): Locator {
    return this.page.getByRole('dialog', { name: 'Code the selection' });
  }

  inspector(): Locator {
    return this.page.getByRole('region', { name: 'Selected coding' });
  }

  /** Drags across `needle` in paragraph `n` with Alt held, which keeps the selection exactly as dragged. */
  async selectTextExactly(n: number, needle: string): Promise<void> {
    await this.page.keyboard.down('Alt');
    try {
      await this.selectText(n, needle);
    } finally {
      await this.page.keyboard.up('Alt');
    }
  }

  /** The texts of whole codings in paragraph n: adjacent coded runs joined (a coding is cut into runs where others start). */
  async codedPassageIn(n: number): Promise<string> {
    return this.page.evaluate((n) => {
      const runs = [...document.querySelectorAll(`#para-${n} .para-text > span`)];
      return runs
        .map((run) => (run.classList.contains('coded') ? run.textContent : '|'))
        .join('')
        .split('|')
        .filter(Boolean)
        .join(' / ');
    }, n);
  }

  /** The text of the coding selected in the reader, from the inspector. */
  async selectedCodingText(): Promise<string> {
    return this.inspector().locator('.inspector-text').innerText();
  }

  /** Focuses the reader without clicking its text (a click would start a selection). */
  async focusReader(): Promise<void> {
    await this.reader().focus();
  }

  rightTab(name: 'Coded segments' | 'Search'): Locator {
    return this.page.getByRole('tab', { name });
  }

  searchBox(): Locator {
    return this.page.getByLabel('Search the transcripts');
  }

  /** The texts of the search hits listed (the words found). */
  async hitTexts(): Promise<string[]> {
    return this.page.locator('.hit mark').allInnerTexts();
  }

  searchSummary(): Locator {
    return this.page.locator('.search-summary');
  }

  /** Chooses a value in one of the filter menus of the right pane. */
  async filter(label: 'Site' | 'Phase' | 'Document kind' | 'Speaker role' | 'Coder' | 'Coded by' | 'Speaker attribute', option: string): Promise<void> {
    await this.page.locator('.right-pane').getByLabel(label, { exact: true }).selectOption({ label: option });
  }

  /** The citations of the coded segments listed. */
  async segmentCitations(): Promise<string[]> {
    return this.page.locator('.segment .segment-citation').allInnerTexts();
  }
}
