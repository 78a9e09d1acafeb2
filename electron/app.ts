/**
 * The desktop app's start-up: one instance, one hardened window, pages from the `tessera:` protocol, IPC behind
 * sender checks. electron/main.ts only calls `startApp`; tests import this module with Electron mocked and call
 * its parts.
 *
 * Deliberately absent: `autoUpdater` (the app is offline; updates are installed by hand) and `crashReporter`
 * (crash dumps could hold transcript text and would be uploaded by default).
 */
import { app, BrowserWindow, dialog, Menu, protocol, session } from 'electron';
import type { App, WebContents } from 'electron';
import path from 'node:path';
import { APP_NAME, APP_VERSION } from '#shared/platform/app-version';
import type { AppInfo } from '#shared/platform/preload-api';
import { APP_ENTRY_URL } from './app-origin.ts';
import { registerAppScheme, serveAppProtocol } from './app-protocol.ts';
import { registerIpcHandlers } from './ipc-handlers.ts';
import { trustSender } from './ipc.ts';
import { buildMenuTemplate } from './menu.ts';
import { hardenSession, hardenWebContents } from './security.ts';
import { buildWindowOptions } from './window-options.ts';

/**
 * The folder name of the app's data (IndexedDB, backups) under the OS's application-data folder. Fixed forever,
 * like the origin: Electron would otherwise derive it from package.json's name, and a rename there would leave
 * every project behind in the old folder.
 */
export const USER_DATA_FOLDER_NAME = 'Tessera';

/** Where the built files are, relative to the folder of the built main script (out/main). */
export interface AppPaths {
  /** The preload bundle, out/preload/preload.cjs. */
  readonly preload: string;
  /** The built renderer, out/renderer (served on `tessera://app/`). */
  readonly renderer: string;
}

/** The paths of the built preload and renderer, from the folder holding the built main script. */
export function resolveAppPaths(mainDir: string): AppPaths {
  return {
    preload: path.join(mainDir, '..', 'preload', 'preload.cjs'),
    renderer: path.join(mainDir, '..', 'renderer'),
  };
}

/** The facts `appInfo` reports. */
export function describeApp(): AppInfo {
  return {
    name: APP_NAME,
    version: APP_VERSION,
    platform: 'electron',
    runtime: `Electron ${process.versions.electron ?? 'unknown'} on ${process.platform}`,
  };
}

/** Pins the data folder to `USER_DATA_FOLDER_NAME` (before the single-instance lock, which lives in it). */
export function pinUserDataFolder(electronApp: Pick<App, 'getPath' | 'setPath'>): void {
  electronApp.setPath('userData', path.join(electronApp.getPath('appData'), USER_DATA_FOLDER_NAME));
}

function windowOf(sender: WebContents): BrowserWindow {
  const window = BrowserWindow.fromWebContents(sender);
  if (window === null) throw new Error('The calling page has no window.');
  return window;
}

/** Creates the one app window, trusted for IPC, showing the app once its first frame is ready. */
export function createMainWindow(paths: AppPaths): BrowserWindow {
  // Electronegativity reads a window's options only when they are written at the call; it cannot follow
  // buildWindowOptions(). scripts/electronegativity.mjs scans what that function returns, written out as a literal,
  // and tests/unit/electron/window-options.test.ts asserts every flag, hence the annotation on the next line.
  const window = new BrowserWindow(buildWindowOptions(paths.preload)); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK NODE_INTEGRATION_JS_CHECK
  trustSender(window.webContents);
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error(`Tessera could not load ${APP_ENTRY_URL}:`, error);
  });
  return window;
}

async function whenReady(paths: AppPaths): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession);
  serveAppProtocol(protocol, paths.renderer);
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(process.platform)));
  registerIpcHandlers({
    appInfo: describeApp(),
    showOpenDialogFor: (sender) => (options) => dialog.showOpenDialog(windowOf(sender), options),
    showSaveDialogFor: (sender) => (options) => dialog.showSaveDialog(windowOf(sender), options),
    backupBaseDir: path.join(app.getPath('userData'), 'backups'),
  });
  const mainWindow = createMainWindow(paths);
  app.on('second-instance', () => {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
}

/**
 * Starts the app; `mainDir` is the folder of the built main script.
 *
 * The order matters: the scheme's privileges and the data folder must be set before Electron is ready, and the
 * single-instance lock must be taken in the pinned data folder. A second instance hands over to the first (which
 * focuses its window) and quits, since two instances on one IndexedDB would fight over schema versions.
 */
export function startApp(mainDir: string): void {
  registerAppScheme(protocol);
  app.enableSandbox();
  pinUserDataFolder(app);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  // Every session, not only the default one: a partition some later code or Chromium itself creates gets the same
  // request blocker, permission handlers and spellcheck settings.
  app.on('session-created', (createdSession) => hardenSession(createdSession));
  // One window, one app: closing it quits, on macOS too (no window-less state to come back from).
  app.on('window-all-closed', () => app.quit());
  whenReady(resolveAppPaths(mainDir)).catch((error: unknown) => {
    console.error('Tessera failed to start:', error);
    app.exit(1);
  });
}
