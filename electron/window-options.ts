/**
 * The options of Tessera's one window, built by a pure function so every security flag is unit-tested
 * (Electron cannot run on the test machines, and Electronegativity misses some cases, see the reference notes).
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_NAME } from '#shared/platform/app-version';

/**
 * The main window's options, with the preload bundle at `preloadPath`.
 *
 * Every security-relevant preference is spelled out even where it is Electron's default, so that a future default
 * change or an edit here is caught by the tests rather than shipped.
 */
export function buildWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: APP_NAME,
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 560,
    // Shown on 'ready-to-show', so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // Spellcheck would download Hunspell dictionaries from a Google CDN on Windows and Linux: the app is offline.
      spellcheck: false,
      // A file dropped outside a drop zone must not replace the app with that file.
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click would open links in a new window; the window-open handler denies it anyway, this stops the event.
      disableBlinkFeatures: 'Auxclick',
    },
  };
}
