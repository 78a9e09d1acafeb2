/**
 * A small static server for the web build (dist-web/, made by `vite build`): the same app as the desktop window,
 * for machines where Electron cannot run, and for the browser end-to-end tests.
 *
 * Listens on 127.0.0.1 only, serves only files under its folder (traversal and symbolic links out of it refused),
 * with the desktop app's Content-Security-Policy header and MIME types (electron/static-files.mjs, shared with the
 * `tessera:` protocol). Never loads `electron`.
 *
 * Run alone: `node scripts/serve-web.mjs [port]` (default 5173, or the next free port).
 */
import { createReadStream, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolveStaticFile, staticResponseHeaders } from '../electron/static-files.mjs';

/** The port tried first when none is given. */
export const DEFAULT_WEB_PORT = 5173;

/** The folder `vite build` writes the web app to. */
export const WEB_BUILD_DIR = fileURLToPath(new URL('../dist-web/', import.meta.url));

/** Whether `rootDir` holds a web build (its index.html). */
export function hasWebBuild(rootDir = WEB_BUILD_DIR) {
  return existsSync(path.join(rootDir, 'index.html'));
}

function sendText(response, status, message, headOnly) {
  response.writeHead(status, staticResponseHeaders('text/plain; charset=utf-8'));
  response.end(headOnly ? undefined : message);
}

/** A request listener serving the files of `rootDir`. */
export function createStaticHandler(rootDir) {
  return (request, response) => {
    const headOnly = request.method === 'HEAD';
    if (request.method !== 'GET' && !headOnly) {
      sendText(response, 405, 'Method not allowed', headOnly);
      return;
    }
    let pathname;
    try {
      // Only the path is used; the base URL is a placeholder for parsing (the Host header is not trusted).
      pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    } catch {
      sendText(response, 400, 'Bad request', headOnly);
      return;
    }
    resolveStaticFile(rootDir, pathname).then(
      (resolved) => {
        if (resolved.kind === 'forbidden') {
          sendText(response, 403, 'Forbidden', headOnly);
          return;
        }
        if (resolved.kind === 'not-found') {
          sendText(response, 404, 'Not found', headOnly);
          return;
        }
        response.writeHead(200, staticResponseHeaders(resolved.mimeType));
        if (headOnly) {
          response.end();
          return;
        }
        const stream = createReadStream(resolved.filePath);
        stream.once('error', () => response.destroy());
        stream.pipe(response);
      },
      () => sendText(response, 500, 'Internal error', headOnly),
    );
  };
}

function listenOn(server, port, host) {
  return new Promise((resolve, reject) => {
    const onError = (error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/**
 * Starts serving `rootDir` on 127.0.0.1. Tries `port`, then the next ports while they are taken (up to
 * `attempts`); port 0 lets the system choose. Resolves to `{ url, port, close() }`.
 */
export async function startWebServer({ rootDir = WEB_BUILD_DIR, port = DEFAULT_WEB_PORT, attempts = 20 } = {}) {
  const host = '127.0.0.1';
  const server = createServer(createStaticHandler(rootDir));
  for (let attempt = 0; ; attempt += 1) {
    const candidate = port === 0 ? 0 : port + attempt;
    try {
      await listenOn(server, candidate, host);
      break;
    } catch (error) {
      if (error.code !== 'EADDRINUSE' || port === 0 || attempt + 1 >= attempts) throw error;
    }
  }
  const address = server.address();
  const boundPort = typeof address === 'object' && address !== null ? address.port : port;
  return {
    url: `http://${host}:${boundPort}/`,
    port: boundPort,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

function parsePortArgument(text) {
  if (text === undefined) return DEFAULT_WEB_PORT;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`Not a port number: ${text}`);
  }
  return port;
}

const isRunDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;

if (isRunDirectly) {
  if (!hasWebBuild()) {
    console.error('There is no web build in dist-web/: run `npm run build:web` first.');
    process.exit(1);
  }
  try {
    const { url } = await startWebServer({ port: parsePortArgument(process.argv[2]) });
    console.log(`Tessera (web) is served at ${url} from ${path.relative(process.cwd(), WEB_BUILD_DIR) || '.'}`);
  } catch (error) {
    console.error(`Could not serve the web build: ${error.message}`);
    process.exit(1);
  }
}
