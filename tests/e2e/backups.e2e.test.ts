/**
 * Backups and restore, driven in the page. The desktop app's backup folder code (node/backups.ts) runs for real, in
 * this test's Node process, on a temporary folder; the page reaches it through `window.tessera`, set up here with
 * the same three calls the preload forwards over IPC (page.exposeFunction stands in for IPC, which needs Electron).
 *
 * Backups are made when a changed project is closed; restoring one first backs up the project as it is, so a
 * restore is itself undone by restoring the newest backup.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { listProjectBackups, readProjectBackup, writeProjectBackup } from '#node/backups';
import { launchBrowser, newProfileDir } from './support/chromium.ts';
import { visible, WorkspacePage } from './page-models/workspace-page.ts';

const baseUrl = inject('baseUrl');
let context: BrowserContext;
let app: WorkspacePage;
let backupDir: string;

beforeAll(async () => {
  backupDir = await mkdtemp(path.join(tmpdir(), 'tessera-e2e-backups-'));
  const launched = await launchBrowser(newProfileDir());
  context = launched.context;
  app = new WorkspacePage(launched.page);
  // Bytes cross as base64: what exposeFunction can carry.
  await app.page.exposeFunction('tesseraBackupBridge', async (call: string, request: Record<string, string>) => {
    if (call === 'backupProject') {
      const bytes = new Uint8Array(Buffer.from(request.bytes ?? '', 'base64'));
      return writeProjectBackup({ projectId: request.projectId ?? '', projectName: request.projectName ?? '', bytes }, { baseDir: backupDir });
    }
    if (call === 'listBackups') return listProjectBackups(backupDir, request.projectId ?? '');
    const bytes = await readProjectBackup(backupDir, request.projectId ?? '', request.fileName ?? '');
    return Buffer.from(bytes).toString('base64');
  });
  await app.page.addInitScript(() => {
    type Bridge = (call: string, request: Record<string, string>) => Promise<unknown>;
    const bridge = (window as unknown as { tesseraBackupBridge: Bridge }).tesseraBackupBridge;
    const toBase64 = (bytes: Uint8Array) => {
      let text = '';
      for (const byte of bytes) text += String.fromCharCode(byte);
      return btoa(text);
    };
    Object.defineProperty(window, 'tessera', {
      value: {
        appInfo: async () => ({ name: 'Tessera', version: 'e2e', platform: 'electron', runtime: 'page with the backup folder bridged' }),
        openFiles: async () => [],
        saveFile: async () => ({ status: 'cancelled' }),
        backupProject: (request: { projectId: string; projectName: string; bytes: Uint8Array }) =>
          bridge('backupProject', { ...request, bytes: toBase64(request.bytes) }),
        listBackups: (request: { projectId: string }) => bridge('listBackups', request),
        readBackup: async (request: { projectId: string; fileName: string }) =>
          Uint8Array.from(atob((await bridge('readBackup', request)) as string), (ch) => ch.charCodeAt(0)),
      },
    });
  });
});

afterAll(async () => {
  await context?.close();
  await rm(backupDir, { recursive: true, force: true });
});

async function closeAndReopen(name: string): Promise<void> {
  await app.page.getByRole('button', { name: 'Close project' }).click();
  const open = app.page.locator('.project-open', { hasText: name });
  await visible(open);
  await open.click();
  await visible(app.page.locator('.project-title', { hasText: name }));
}

async function backupCount(): Promise<number> {
  const projectId = await app.page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('tessera');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const ids = await new Promise<string[]>((resolve) => {
      const request = db.transaction('projects').objectStore('projects').getAllKeys();
      request.onsuccess = () => resolve(request.result as string[]);
    });
    db.close();
    return ids[0] ?? '';
  });
  const listing = await listProjectBackups(backupDir, projectId);
  return listing.status === 'listed' ? listing.backups.length : 0;
}

describe('backups', () => {
  it('are made when a changed project closes, listed with what they hold, and one is restored after backing up the current state', async () => {
    await app.open(baseUrl);
    await app.createProject('Backup study', 'Ada Lovelace');
    await app.addCode('Alpha');
    await closeAndReopen('Backup study');
    expect(await backupCount()).toBe(1);
    await app.addCode('Beta');
    await closeAndReopen('Backup study');
    expect(await backupCount()).toBe(2);
    // Closing an unchanged project writes no new generation.
    await closeAndReopen('Backup study');
    expect(await backupCount()).toBe(2);
    await app.addCode('Gamma');

    await app.page.getByRole('button', { name: 'Backups…' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Backups of this project' });
    await visible(dialog);
    const rows = dialog.getByRole('radio');
    await expect.poll(() => rows.count()).toBe(2);
    // The newest is chosen; the arrow key moves to the older one (a radio group), and the preview follows.
    await expect.poll(() => rows.first().isChecked()).toBe(true);
    await rows.first().focus();
    await app.page.keyboard.press('ArrowDown');
    await expect.poll(() => rows.nth(1).isChecked()).toBe(true);
    const preview = dialog.getByRole('region', { name: 'What the chosen backup holds' });
    await expect.poll(() => preview.innerText()).toMatch(/“Backup study”: 0 documents, 1 code, 0 codings, 0 memos/);
    expect(await dialog.innerText()).toContain(backupDir);

    const axe = await new AxeBuilder({ page: app.page }).include('.backups-modal').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await app.page.screenshot({ path: 'test-results/backups-dialog.png' });

    await dialog.getByRole('button', { name: 'Restore this backup…' }).click();
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await visible(app.codeRow('Alpha'));
    expect(await app.codeRow('Beta').count()).toBe(0);
    expect(await app.codeRow('Gamma').count()).toBe(0);
    // The state before the restore (with Gamma) is the newest backup now: restoring it brings Gamma back.
    expect(await backupCount()).toBe(3);
    await app.page.getByRole('button', { name: 'Backups…' }).click();
    await expect.poll(() => dialog.getByRole('radio').count()).toBe(3);
    await expect.poll(() => dialog.getByRole('radio').first().isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Restore this backup…' }).click();
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await visible(app.codeRow('Gamma'));
    await visible(app.codeRow('Beta'));
    await app.expectNoErrors();
  });
});
