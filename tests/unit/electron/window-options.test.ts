import { describe, expect, it } from 'vitest';
import { buildWindowOptions } from '#electron/window-options';

describe('buildWindowOptions', () => {
  const options = buildWindowOptions('/app/out/preload/preload.cjs');
  const prefs = options.webPreferences ?? {};

  it('isolates and sandboxes the renderer, with no Node anywhere', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security and allows no insecure content, webviews or experimental features', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
  });

  it('turns spellcheck off (it would download dictionaries) and drag-and-drop navigation off', () => {
    expect(prefs.spellcheck).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('loads the given preload bundle and shows the window only when ready', () => {
    expect(prefs.preload).toBe('/app/out/preload/preload.cjs');
    expect(options.show).toBe(false);
    expect(options.title).toBe('Tessera');
  });

  it('sets exactly these web preferences, so a new one cannot slip in unreviewed', () => {
    expect(prefs).toEqual({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('is pure: the same input gives equal, independent objects', () => {
    const again = buildWindowOptions('/app/out/preload/preload.cjs');
    expect(again).toEqual(options);
    expect(again).not.toBe(options);
    expect(again.webPreferences).not.toBe(options.webPreferences);
  });
});
