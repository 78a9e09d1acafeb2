/**
 * Serving the built renderer from a folder, shared by the `tessera:` protocol handler (electron/app-protocol.ts) and
 * the plain web server (scripts/serve-web.mjs), so both send the same Content-Security-Policy, the same MIME types
 * and refuse the same paths.
 *
 * Plain JavaScript (typed by static-files.d.mts) because scripts/serve-web.mjs runs under plain Node, which cannot
 * load TypeScript; the main-process bundle imports it like any module. It must never import `electron`.
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * The Content-Security-Policy of every app page, sent as a response header (a `<meta>` cannot carry
 * `frame-ancestors`).
 *
 * `style-src` allows 'unsafe-inline' because React writes inline `style` attributes (positions of virtualised rows,
 * highlight colours); scripts get no such allowance, so injected markup still cannot run code. `blob:` workers and
 * images are in-memory objects the app itself creates (no network).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** MIME types by lowercase extension, for what a Vite build emits. */
export const MIME_TYPES = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
});

/** The MIME type for a file name; `application/octet-stream` (never sniffed, see the headers) when unknown. */
export function mimeTypeFor(fileName) {
  const extension = path.extname(fileName).toLowerCase();
  return Object.hasOwn(MIME_TYPES, extension) ? MIME_TYPES[extension] : 'application/octet-stream';
}

/** The headers every response from the app's folder carries, whatever its status. */
export function staticResponseHeaders(contentType) {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    // Without it a browser may sniff an octet-stream or text file into something executable.
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

function isInside(rootDir, candidate) {
  const relative = path.relative(rootDir, candidate);
  return (
    relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative)
  );
}

async function regularFileInside(realRoot, candidate) {
  let real;
  try {
    real = await realpath(candidate);
  } catch {
    return { kind: 'not-found' };
  }
  // A symbolic link inside the folder must not lead outside it.
  if (!isInside(realRoot, real)) return { kind: 'forbidden' };
  const info = await stat(real);
  if (!info.isFile()) return { kind: 'not-found' };
  return { kind: 'file', filePath: real, mimeType: mimeTypeFor(real) };
}

/**
 * Maps the path of a request URL (still percent-encoded, as `URL#pathname` gives it) to a file under `rootDir`.
 *
 * Refused (`forbidden`): undecodable escapes, NUL, backslashes, any `..` segment (also when percent-encoded, e.g.
 * `..%2F`), and anything that resolves, through symbolic links too, outside `rootDir`. A folder path gets its
 * `index.html`; a missing path without an extension gets the root `index.html` (the app's single page); a missing
 * file with an extension is `not-found`.
 */
export async function resolveStaticFile(rootDir, urlPathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return { kind: 'forbidden' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'forbidden' };
  const segments = decoded.split('/');
  if (segments.some((segment) => segment === '..')) return { kind: 'forbidden' };

  let realRoot;
  try {
    realRoot = await realpath(rootDir);
  } catch {
    return { kind: 'not-found' };
  }
  let relative = segments.filter((segment) => segment !== '' && segment !== '.').join('/');
  if (relative === '' || decoded.endsWith('/')) relative = path.posix.join(relative, 'index.html');
  const candidate = path.resolve(realRoot, relative);
  if (!isInside(realRoot, candidate)) return { kind: 'forbidden' };

  const found = await regularFileInside(realRoot, candidate);
  if (found.kind === 'not-found' && path.extname(relative) === '') {
    return regularFileInside(realRoot, path.join(realRoot, 'index.html'));
  }
  return found;
}
