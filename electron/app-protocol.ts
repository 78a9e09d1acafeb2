/**
 * The `tessera:` protocol: how the window gets its pages, instead of `file://` (checklist item 18).
 *
 * Only files under the built renderer folder (`out/renderer`) are served; see static-files.mjs for the path rules
 * and the Content-Security-Policy header shared with the plain web server.
 */
import type { CustomScheme, Protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_HOST, APP_SCHEME } from './app-origin.ts';
import { resolveStaticFile, staticResponseHeaders } from './static-files.mjs';

/**
 * The privileges of the `tessera:` scheme, registered before the app is ready.
 *
 * `standard` gives it real origins (so IndexedDB and relative URLs work) and `secure` makes it a secure context;
 * `supportFetchAPI` lets the page fetch its own files. `corsEnabled` stays off: with it, Electron would let other
 * origins read app files without any CORS check; same-origin module scripts do not need it. No `bypassCSP`, no
 * service workers.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

function textResponse(status: number, message: string): Response {
  return new Response(message, { status, headers: staticResponseHeaders('text/plain; charset=utf-8') });
}

/** A handler for `protocol.handle` that serves the files of `rendererDir` and nothing else. */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return textResponse(400, 'Bad request');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '') {
      return textResponse(404, 'Not found');
    }
    const resolved = await resolveStaticFile(rendererDir, url.pathname);
    switch (resolved.kind) {
      case 'forbidden':
        return textResponse(403, 'Forbidden');
      case 'not-found':
        return textResponse(404, 'Not found');
      case 'file': {
        const headers = staticResponseHeaders(resolved.mimeType);
        if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
        return new Response(await readFile(resolved.filePath), { status: 200, headers });
      }
    }
  };
}

/** Registers the `tessera:` scheme's privileges; Electron allows this only before the app is ready. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** Serves `rendererDir` on the `tessera:` scheme (after the app is ready). */
export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
}
