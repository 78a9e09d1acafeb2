import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  hardenSession,
  hardenWebContents,
  isAllowedNavigation,
  isAllowedRequestUrl,
  SPELLCHECK_DICTIONARY_URL,
} from '#electron/security';
import { CONTENT_SECURITY_POLICY } from '../../../electron/static-files.mjs';

const REFUSED_URLS = [
  'https://example.com/',
  'http://127.0.0.1:5173/',
  'http://localhost/',
  'ws://localhost:9/',
  'file:///etc/passwd',
  'file:///C:/Windows/win.ini',
  'javascript:alert(1)',
  'tessera://evil/index.html',
  'tessera://app.evil.com/',
  'tessera://evil@app/',
  'smb://server/share',
  'ms-msdt:/id',
  'chrome://settings',
  'not a url',
];

describe('the Content-Security-Policy', () => {
  it('is exactly the strict policy: nothing remote, scripts only from the app, no frames, forms or plugins', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self'; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; " +
        "form-action 'none'; frame-ancestors 'none'",
    );
  });

  it("never allows inline or evaluated scripts (only styles get 'unsafe-inline', for React's style attributes)", () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((directive) => {
        const [name = '', ...sources] = directive.trim().split(/\s+/);
        return [name, sources] as const;
      }),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
  });
});

describe('isAllowedRequestUrl (the session request blocker)', () => {
  it.each([
    'tessera://app/index.html',
    'tessera://app/assets/index-abc.js',
    'devtools://devtools/bundled/inspector.html',
    'blob:tessera://app/0b6c9a9e-0f0e-4f34-9d4c-1f2b6a1c9a11',
    'data:image/png;base64,iVBORw0KGgo=',
  ])('lets %s through', (url) => {
    expect(isAllowedRequestUrl(url)).toBe(true);
  });

  it.each(REFUSED_URLS)('cancels %s', (url) => {
    expect(isAllowedRequestUrl(url)).toBe(false);
  });
});

describe('isAllowedNavigation', () => {
  it('allows moving within the app', () => {
    expect(isAllowedNavigation('tessera://app/index.html#/project/1')).toBe(true);
  });

  it.each([...REFUSED_URLS, 'devtools://devtools/', 'data:text/html,hi', 'blob:tessera://app/x'])(
    'refuses %s',
    (url) => {
      expect(isAllowedNavigation(url)).toBe(false);
    },
  );
});

type RequestListener = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;

function fakeSession() {
  const calls = {
    permissionRequest: undefined as
      | ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void)
      | undefined,
    permissionCheck: undefined as
      | ((contents: unknown, permission: string, origin: string, details: { requestingUrl?: string; isMainFrame: boolean }) => boolean)
      | undefined,
    beforeRequest: undefined as RequestListener | undefined,
    spellcheckEnabled: undefined as boolean | undefined,
    dictionaryUrl: undefined as string | undefined,
  };
  const emitter = new EventEmitter();
  const session = Object.assign(emitter, {
    setPermissionRequestHandler: (handler: typeof calls.permissionRequest) => (calls.permissionRequest = handler),
    setPermissionCheckHandler: (handler: typeof calls.permissionCheck) => (calls.permissionCheck = handler),
    webRequest: { onBeforeRequest: (listener: RequestListener) => (calls.beforeRequest = listener) },
    setSpellCheckerEnabled: (enabled: boolean) => (calls.spellcheckEnabled = enabled),
    setSpellCheckerDictionaryDownloadURL: (url: string) => (calls.dictionaryUrl = url),
  });
  hardenSession(session as unknown as Session);
  return { calls, emitter };
}

describe('hardenSession', () => {
  const APP_PAGE = { requestingUrl: 'tessera://app/index.html', isMainFrame: true };

  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'openExternal',
    'fullscreen',
    'fileSystem',
    'unknown',
  ])('denies the %s permission request, even to the app itself', (permission) => {
    const { calls } = fakeSession();
    const callback = vi.fn();
    calls.permissionRequest?.({}, permission, callback, APP_PAGE);
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    expect(calls.permissionCheck?.(null, permission, 'tessera://app', APP_PAGE)).toBe(false);
  });

  it('grants persistent storage to the app itself only (so Chromium does not evict the projects)', () => {
    const { calls } = fakeSession();
    const decide = (requestingUrl: string) => {
      const callback = vi.fn();
      calls.permissionRequest?.({}, 'persistent-storage', callback, { requestingUrl, isMainFrame: true });
      return callback.mock.calls[0]?.[0];
    };
    expect(decide('tessera://app/index.html')).toBe(true);
    for (const url of REFUSED_URLS) expect(decide(url), url).toBe(false);
    expect(calls.permissionCheck?.(null, 'persistent-storage', 'tessera://app', APP_PAGE)).toBe(true);
    expect(calls.permissionCheck?.(null, 'persistent-storage', 'tessera://app', { isMainFrame: true })).toBe(true);
    expect(calls.permissionCheck?.(null, 'persistent-storage', 'https://evil.example', { isMainFrame: true })).toBe(
      false,
    );
    expect(
      calls.permissionCheck?.(null, 'persistent-storage', 'tessera://app', {
        requestingUrl: 'https://evil.example/',
        isMainFrame: false,
      }),
    ).toBe(false);
  });

  it('cancels every request outside the app and lets app requests through', () => {
    const { calls } = fakeSession();
    const decide = (url: string) => {
      const callback = vi.fn();
      calls.beforeRequest?.({ url }, callback);
      return callback.mock.calls[0]?.[0];
    };
    expect(decide('tessera://app/index.html')).toEqual({ cancel: false });
    for (const url of REFUSED_URLS) expect(decide(url)).toEqual({ cancel: true });
  });

  it('turns spellcheck off and points dictionary downloads at a local address nothing serves', () => {
    const { calls } = fakeSession();
    expect(calls.spellcheckEnabled).toBe(false);
    expect(calls.dictionaryUrl).toBe(SPELLCHECK_DICTIONARY_URL);
    expect(new URL(SPELLCHECK_DICTIONARY_URL).hostname).toBe('127.0.0.1');
  });

  it('refuses downloads (files are saved through the save dialog)', () => {
    const { emitter } = fakeSession();
    const event = { preventDefault: vi.fn() };
    emitter.emit('will-download', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

function fakeWebContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
  });
  hardenWebContents(contents as unknown as WebContents);
  const navigate = (eventName: string, url: string) => {
    const event = { url, preventDefault: vi.fn() };
    emitter.emit(eventName, event, url);
    return event.preventDefault.mock.calls.length > 0 ? 'prevented' : 'allowed';
  };
  return { emitter, navigate, openWindow: (url: string) => openHandler?.({ url }) };
}

describe('hardenWebContents', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: stays within the app', (eventName) => {
    const { navigate } = fakeWebContents();
    expect(navigate(eventName, 'tessera://app/index.html')).toBe('allowed');
    for (const url of REFUSED_URLS) expect(navigate(eventName, url), url).toBe('prevented');
  });

  it('prevents attaching any <webview>, even one pointing at the app', () => {
    const { emitter } = fakeWebContents();
    for (const src of ['tessera://app/index.html', 'https://example.com/']) {
      const event = { preventDefault: vi.fn() };
      emitter.emit('will-attach-webview', event, {}, { src });
      expect(event.preventDefault).toHaveBeenCalled();
    }
  });

  it('denies every new window', () => {
    const { openWindow } = fakeWebContents();
    for (const url of ['tessera://app/index.html', 'https://example.com/', 'javascript:alert(1)']) {
      expect(openWindow(url)).toEqual({ action: 'deny' });
    }
  });
});
