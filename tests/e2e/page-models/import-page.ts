/**
 * A page model of importing a study: the import preview (files as read, encoding picker, attributes per file and for
 * all), the study design dialog (sites, phases), the grouped document list and a document's details (attributes,
 * speakers). Actions are done the way a researcher does them: clicks, picks and typing.
 */
import type { Locator, Page } from 'playwright-core';
import { visible, type FixtureFile } from './workspace-page.ts';

/** The import flow, the study dialog and the document details of the open project. */
export class ImportPage {
  constructor(readonly page: Page) {}

  /** The import preview dialog. */
  preview(): Locator {
    return this.page.getByRole('dialog', { name: /^Import \d+ files?$/ });
  }

  /** Picks files with the document list's Import… button; the preview opens and reads them. */
  async pickFiles(files: readonly FixtureFile[]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import…' }).click();
    await (await chooser).setFiles(files.map((file) => ({ name: file.name, mimeType: file.mimeType, buffer: file.buffer })));
    await visible(this.preview());
  }

  /** Waits until every picked file has been read (or refused); resolves to the progress line, e.g. "14 files read, 1 could not be.". */
  async waitUntilRead(): Promise<string> {
    const done = this.preview().locator('.import-progress', { hasText: /^\d+ files? read/ });
    await done.waitFor({ timeout: 60_000 });
    return (await done.innerText()).trim();
  }

  /** The card of one file in the preview. */
  card(fileName: string): Locator {
    return this.preview().getByRole('listitem', { name: fileName, exact: true });
  }

  async status(fileName: string): Promise<string> {
    return this.card(fileName).locator('.import-status').innerText();
  }

  async chooseEncoding(fileName: string, label: string): Promise<void> {
    await this.preview().getByLabel(`Encoding of ${fileName}`).selectOption({ label });
  }

  async setSite(fileName: string, code: string): Promise<void> {
    await this.preview().getByLabel(`Site of ${fileName}`).selectOption({ label: code });
  }

  async setPhase(fileName: string, phase: string): Promise<void> {
    await this.preview().getByLabel(`Phase of ${fileName}`).selectOption({ label: phase });
  }

  async setKind(fileName: string, kind: 'Transcript' | 'Field notes'): Promise<void> {
    await this.preview().getByLabel(`Kind of ${fileName}`).selectOption({ label: kind });
  }

  async setPhaseForAll(phase: string): Promise<void> {
    await this.preview().getByLabel('Phase of all files').selectOption({ label: phase });
  }

  async nameNewSite(code: string, name: string): Promise<void> {
    await this.preview().getByLabel(`Name of new site ${code}`).fill(name);
  }

  /** Clicks the preview's Import button and waits for the dialog to close. */
  async commit(expectedDocuments: number): Promise<void> {
    const name = expectedDocuments === 1 ? 'Import 1 document' : `Import ${expectedDocuments} documents`;
    await this.preview().getByRole('button', { name, exact: true }).click();
    await this.preview().waitFor({ state: 'detached' });
  }

  /** The document list's groups as [heading, [document name, badges...][]]. */
  async documentGroups(): Promise<[string, string[][]][]> {
    return this.page.locator('.document-group').evaluateAll((groups) =>
      groups.map((group) => [
        group.querySelector('.document-group-head')?.textContent?.trim() ?? '',
        [...group.querySelectorAll('.document-item')].map((item) => [
          item.querySelector('.document-name')?.textContent ?? '',
          ...[...item.querySelectorAll('.phase-badge, .kind-badge')].map((badge) => badge.textContent ?? ''),
        ]),
      ]),
    );
  }

  /** Opens the study design dialog from the project bar. */
  async openStudy(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Study…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Study design' });
    await visible(dialog);
    return dialog;
  }

  async addSite(code: string, name: string): Promise<void> {
    const dialog = this.page.getByRole('dialog', { name: 'Study design' });
    await dialog.getByLabel('New site code').fill(code);
    await dialog.getByLabel('New site name').fill(name);
    await dialog.getByRole('button', { name: 'Add site' }).click();
    await visible(dialog.getByLabel(`Code of site ${code}`));
  }

  /** Opens the details of a document from the list. */
  async openDetails(documentName: string): Promise<Locator> {
    const item = this.page.locator('.document-item', { has: this.page.locator('.document-name', { hasText: documentName }) });
    await item.hover();
    await item.getByRole('button', { name: `Details of ${documentName}` }).click();
    const dialog = this.page.getByRole('dialog', { name: documentName });
    await visible(dialog);
    return dialog;
  }

  /** The speakers table of an open details dialog, as [label, role, paragraphs]. */
  async speakers(dialog: Locator): Promise<[string, string, string][]> {
    return dialog.locator('.speakers-table tbody tr').evaluateAll((rows) =>
      rows.map((row) => {
        const label = (row.querySelector('td:nth-child(1) input') as HTMLInputElement).value;
        const select = row.querySelector('td:nth-child(2) select') as HTMLSelectElement;
        const role = select.options[select.selectedIndex]?.text ?? '';
        const count = row.querySelector('td:nth-child(3)')?.textContent ?? '';
        return [label, role, count] as [string, string, string];
      }),
    );
  }
}
