/**
 * The one origin the desktop app's pages come from, and the URL checks built on it.
 *
 * NEVER CHANGE `APP_SCHEME`, `APP_HOST` or `APP_ORIGIN`. Chromium keys IndexedDB (and every other web storage) by
 * origin: pages served from a different origin see an empty database, so a renamed scheme or host would make every
 * project the user has seem lost (the data would still sit on disk under the old origin, out of the app's reach).
 * tests/unit/electron/app-origin.test.ts pins these values.
 */

/** The custom scheme the renderer is served from. Fixed forever (see the file comment). */
export const APP_SCHEME = 'tessera';

/** The host part of every app URL. Fixed forever (see the file comment). */
export const APP_HOST = 'app';

/** The origin of every app page, `tessera://app`. Fixed forever: IndexedDB is keyed by it. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The page the window opens. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The origin of a URL as `scheme://host[:port]`, or null when it has none or cannot be parsed.
 *
 * Node's `URL#origin` is "null" for schemes it does not know (`tessera:` among them), while Chromium, where the
 * scheme is registered as standard, gives `tessera://app`; so the origin is built here from the parsed parts.
 * URLs with credentials (`tessera://evil@app/`) have no origin here: nothing legitimate carries them.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host === '' || parsed.username !== '' || parsed.password !== '') return null;
  return `${parsed.protocol}//${parsed.host}`;
}

/** Whether a URL is a page or resource of the app itself (same origin as `APP_ORIGIN`, parsed, never prefix-matched). */
export function isAppUrl(url: string): boolean {
  return originOf(url) === APP_ORIGIN;
}
