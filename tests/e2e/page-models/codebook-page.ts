/**
 * The codebook as a researcher uses it, for the end-to-end tests: the coding tree (rows, counts, their actions and
 * dialogs), the codebook menu, and memos (the list and the editor beside the transcript).
 */
import type { Locator } from 'playwright-core';
import { visible, WorkspacePage } from './workspace-page.ts';

/** The workspace page with the codebook's and the memos' parts. */
export class CodebookPage extends WorkspacePage {
  reader(): Locator {
    return this.page.locator('.reader-body');
  }

  /** The panel of the coding selected in the reader. */
  inspector(): Locator {
    return this.page.getByRole('region', { name: 'Selected coding' });
  }

  /** Creates a project starting with a CFIR version (or none). */
  async createProjectWith(name: string, coderName: string, codebook: 'CFIR 2.0' | 'CFIR 2009' | 'None'): Promise<void> {
    await this.page.getByLabel('Project name').fill(name);
    await this.page.getByLabel('Your name (as coder)').fill(coderName);
    await this.page.getByRole('radio', { name: codebook, exact: true }).check();
    await this.page.getByRole('button', { name: 'Create project' }).click();
    await visible(this.page.locator('.project-title', { hasText: name }));
  }

  tree(): Locator {
    return this.page.getByRole('tree', { name: 'Coding tree' });
  }

  /** A tree item by its label ("III.D Culture" for a CFIR code, the name for an inductive one). */
  treeItem(label: string): Locator {
    return this.tree().getByRole('treeitem', { name: label, exact: true });
  }

  /** The row of a tree item. */
  row(label: string): Locator {
    return this.treeItem(label).locator('.code-row');
  }

  /** The labels of the tree's items, in order, with their level: "2 III.D Culture". */
  async treeLabels(): Promise<string[]> {
    return this.tree()
      .getByRole('treeitem')
      .evaluateAll((items) => items.map((item) => `${item.getAttribute('aria-level')} ${item.getAttribute('aria-label')}`));
  }

  /** The codings count shown next to a code. */
  async count(label: string): Promise<string> {
    return this.row(label).locator('.code-count').innerText();
  }

  async expand(label: string): Promise<void> {
    if ((await this.treeItem(label).getAttribute('aria-expanded')) === 'false') {
      await this.row(label).locator('.twisty').click();
    }
  }

  /** Adds a code inside another one, with the "new code" field. */
  async addCodeInside(parentLabel: string, name: string): Promise<void> {
    await this.row(parentLabel).click();
    await this.page.getByLabel('New code name').fill(name);
    await this.page.locator('.inside-toggle input').check();
    await this.page.getByRole('button', { name: 'Add', exact: true }).click();
    await visible(this.treeItem(name));
  }

  /** Opens a code's actions (its context menu) and picks one. */
  async codeAction(label: string, action: string | RegExp): Promise<void> {
    await this.row(label).click({ button: 'right' });
    const menu = this.page.getByRole('menu', { name: /^Actions for / });
    await visible(menu);
    await menu.getByRole('menuitem', { name: action }).click();
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  /** Merges a code into another one through the merge dialog. */
  async mergeInto(label: string, targetLabel: string): Promise<string> {
    await this.codeAction(label, 'Merge into…');
    const dialog = this.dialog(/^Merge /);
    await visible(dialog);
    await dialog.getByRole('list', { name: 'Codes to merge into' }).getByRole('button', { name: targetLabel, exact: true }).click();
    const summary = await dialog.locator('.dialog-summary').innerText();
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    return summary;
  }

  async codebookMenu(item: string | RegExp): Promise<void> {
    await this.page.getByRole('button', { name: 'Codebook ▾' }).click();
    await this.page.getByRole('menu', { name: 'Codebook' }).getByRole('menuitem', { name: item }).click();
  }

  async undo(): Promise<void> {
    await this.page.getByRole('button', { name: 'Undo', exact: true }).click();
  }

  memoEditor(): Locator {
    return this.page.getByRole('region', { name: 'Memo', exact: true });
  }

  /** Starts a new memo from the memo list's menu ("On the project", "On the selected coding (...)", ...). */
  async newMemo(on: string | RegExp): Promise<void> {
    await this.page.getByRole('button', { name: 'New memo…' }).click();
    await this.page.getByRole('menu', { name: 'New memo on' }).getByRole('menuitem', { name: on }).click();
    await visible(this.memoEditor());
  }

  /** Types a memo's title and text, then closes the editor (which saves). */
  async writeMemo(title: string, text: string): Promise<void> {
    const editor = this.memoEditor();
    await editor.getByLabel('Memo title').fill(title);
    await editor.getByLabel('Memo text').fill(text);
    await editor.getByRole('button', { name: 'Close' }).click();
    await editor.waitFor({ state: 'detached' });
  }

  /** The memos listed: title and what each is on. */
  async memoRows(): Promise<string[]> {
    return this.page.getByRole('list', { name: 'Memos' }).locator('.memo-row').evaluateAll((rows) =>
      rows.map((row) => `${row.querySelector('.memo-row-title')?.textContent ?? ''} | ${row.querySelector('.memo-row-target')?.textContent ?? ''}`),
    );
  }
}
