/**
 * Session and web-contents hardening: offline by construction, no navigation away from the app, no new windows,
 * no permissions (Electron security checklist items 1, 5, 11-14 and the offline gaps the reference notes list).
 *
 * Every rule is a small pure predicate or a function taking the Electron object it configures, so the tests run
 * with Electron mocked.
 */
import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-origin.ts';

/**
 * URL schemes a request may use: the app's own files, DevTools, and in-memory `blob:`/`data:` URLs the page
 * creates itself (allowed by the CSP for images and workers; they never reach the network).
 */
export const ALLOWED_REQUEST_PROTOCOLS: ReadonlySet<string> = new Set(['tessera:', 'devtools:', 'blob:', 'data:']);

/**
 * An address nothing listens on (port 9, "discard", on loopback): where Chromium would fetch spellcheck dictionaries
 * from, should spellcheck ever be turned on. The request blocker cancels it anyway.
 */
export const SPELLCHECK_DICTIONARY_URL = 'http://127.0.0.1:9/';

/**
 * The one permission the app's own pages get: persistent storage. Without it Chromium treats the origin's IndexedDB
 * as best-effort, which it may evict when the disk runs low; Electron grants it by default, so a deny-all handler
 * would make the projects' only in-browser copy evictable. It reaches no device and no network.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['persistent-storage']);

/** Whether a permission is granted: only those in `GRANTED_PERMISSIONS`, and only to a page of the app itself. */
export function isPermissionGranted(permission: string, requestingUrl: string | undefined): boolean {
  return GRANTED_PERMISSIONS.has(permission) && requestingUrl !== undefined && isAppUrl(requestingUrl);
}

/** Whether the session lets a request through: only the allowed schemes, and `tessera:` only to the app's host. */
export function isAllowedRequestUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!ALLOWED_REQUEST_PROTOCOLS.has(parsed.protocol)) return false;
  return parsed.protocol === 'tessera:' ? isAppUrl(url) : true;
}

/** Whether the window may navigate (or be redirected) to a URL: only within the app's own origin. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** Sessions already hardened (a WeakSet, so a session Electron drops is not kept alive). */
const hardenedSessions = new WeakSet<Session>();

/**
 * Hardens a session: denies every permission request and check (except persistent storage for the app's own pages,
 * see `GRANTED_PERMISSIONS`), cancels every request the app did not make to itself, never downloads spellcheck
 * dictionaries, and refuses downloads (saving goes through the save dialog).
 */
export function hardenSession(session: Session): void {
  // The default session is hardened at ready and also announced by 'session-created': set it up once.
  if (hardenedSessions.has(session)) return;
  hardenedSessions.add(session);
  session.setPermissionRequestHandler((_webContents, permission, callback, details) =>
    callback(isPermissionGranted(permission, details.requestingUrl)),
  );
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin, details) =>
    isPermissionGranted(permission, details.requestingUrl ?? requestingOrigin),
  );
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequestUrl(details.url) }));
  session.setSpellCheckerEnabled(false);
  session.setSpellCheckerDictionaryDownloadURL(SPELLCHECK_DICTIONARY_URL);
  session.on('will-download', (event) => event.preventDefault());
}

/**
 * Hardens a web contents: navigation and redirects only within the app, no `<webview>` ever (the tag is also
 * disabled in the window options, so an attach attempt means something is wrong), no new windows.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
