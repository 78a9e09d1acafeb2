import { createServer } from 'node:net';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasWebBuild, startWebServer } from '../../../scripts/serve-web.mjs';
import type { RunningWebServer } from '../../../scripts/serve-web.mjs';
import { CONTENT_SECURITY_POLICY } from '../../../electron/static-files.mjs';

const INDEX_HTML = '<!doctype html><title>Tessera</title>';
let workDir: string;
let webDir: string;
let server: RunningWebServer;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'tessera-web-'));
  webDir = path.join(workDir, 'dist-web');
  await mkdir(path.join(webDir, 'assets'), { recursive: true });
  await writeFile(path.join(webDir, 'index.html'), INDEX_HTML);
  await writeFile(path.join(webDir, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(path.join(webDir, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(path.join(workDir, 'secret.txt'), 'participant 7 said');
  await symlink(path.join(workDir, 'secret.txt'), path.join(webDir, 'assets', 'escape.txt'));
  server = await startWebServer({ rootDir: webDir, port: 0 });
});

afterAll(async () => {
  await server.close();
  await rm(workDir, { recursive: true, force: true });
});

/** A raw GET, so the path reaches the server exactly as written (fetch would normalise `..`). */
function rawGet(rawPath: string, method = 'GET'): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path: rawPath, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the web server', () => {
  it('listens on 127.0.0.1 at the port the system chose', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.port).toBeGreaterThan(0);
  });

  it('serves index.html with the CSP header and the HTML MIME type', async () => {
    const response = await fetch(server.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(INDEX_HTML);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves assets with their MIME types and the same CSP', async () => {
    const script = await fetch(`${server.url}assets/index-abc.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    const style = await fetch(`${server.url}assets/index-abc.css`);
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(style.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('falls back to index.html for page paths and answers 404 for missing assets', async () => {
    const page = await fetch(`${server.url}projects/42`);
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(INDEX_HTML);
    expect((await fetch(`${server.url}assets/missing.js`)).status).toBe(404);
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/..%2Fsecret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%5Csecret.txt',
    '/index.html%00',
    '/assets/escape.txt',
  ])('never serves files outside its folder: %s', async (rawPath) => {
    const response = await rawGet(rawPath);
    expect([403, 404]).toContain(response.status);
    expect(response.body).not.toContain('participant');
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses encoded traversal with 403', async () => {
    expect((await rawGet('/..%2F..%2Fsecret.txt')).status).toBe(403);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await rawGet('/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect((await rawGet('/index.html', 'POST')).status).toBe(405);
  });

  it('moves on to the next port when the first is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const takenPort = typeof address === 'object' && address !== null ? address.port : 0;
    let second: RunningWebServer | undefined;
    try {
      second = await startWebServer({ rootDir: webDir, port: takenPort, attempts: 5 });
      expect(second.port).toBeGreaterThan(takenPort);
      expect(second.port).toBeLessThan(takenPort + 5);
    } finally {
      await second?.close();
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('tells whether a folder holds a web build', () => {
    expect(hasWebBuild(webDir)).toBe(true);
    expect(hasWebBuild(workDir)).toBe(false);
  });
});
