import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  registerAppScheme,
  serveAppProtocol,
} from '#electron/app-protocol';
import { CONTENT_SECURITY_POLICY, mimeTypeFor } from '../../../electron/static-files.mjs';

const INDEX_HTML = '<!doctype html><title>Tessera</title><div id="root"></div>';
let workDir: string;
let rendererDir: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'tessera-protocol-'));
  rendererDir = path.join(workDir, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), INDEX_HTML);
  await writeFile(path.join(rendererDir, 'assets', 'index-abc.js'), 'console.log("app")');
  await writeFile(path.join(rendererDir, 'assets', 'index-abc.css'), 'body{margin:0}');
  await writeFile(path.join(rendererDir, 'assets', 'inter.woff2'), new Uint8Array([0x77, 0x4f, 0x46, 0x32]));
  await writeFile(path.join(rendererDir, 'assets', 'data.bin'), new Uint8Array([1, 2, 3]));
  await writeFile(path.join(rendererDir, 'assets', 'a file.json'), '{"a":1}');
  // Outside the served folder, next to it: what traversal attempts aim at.
  await writeFile(path.join(workDir, 'secret.txt'), 'transcript of participant 7');
  await symlink(path.join(workDir, 'secret.txt'), path.join(rendererDir, 'assets', 'link-out.txt'));
  await symlink(workDir, path.join(rendererDir, 'parent-link'));
  handler = createAppProtocolHandler(rendererDir);
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('the tessera: scheme registration', () => {
  it('is standard, secure and fetchable, but neither CORS-enabled nor CSP-bypassing', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'tessera',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
  });

  it('registers the privileges and the handler on the protocol module', async () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES]);
    serveAppProtocol(protocol, rendererDir);
    expect(protocol.handle).toHaveBeenCalledWith('tessera', expect.any(Function));
    const registered = protocol.handle.mock.calls[0]?.[1] as (request: Request) => Promise<Response>;
    expect(await (await registered(new Request('tessera://app/index.html'))).text()).toBe(INDEX_HTML);
  });
});

describe('the tessera: protocol handler', () => {
  it('serves index.html for the root and by name, with the CSP header', async () => {
    for (const url of ['tessera://app/', 'tessera://app/index.html', 'tessera://app']) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(await response.text()).toBe(INDEX_HTML);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it.each([
    ['tessera://app/assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['tessera://app/assets/index-abc.css', 'text/css; charset=utf-8'],
    ['tessera://app/assets/inter.woff2', 'font/woff2'],
    ['tessera://app/assets/data.bin', 'application/octet-stream'],
    ['tessera://app/assets/a%20file.json', 'application/json; charset=utf-8'],
  ])('serves %s as %s', async (url, mimeType) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(mimeType);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('returns the file bytes unchanged', async () => {
    const response = await get('tessera://app/assets/data.bin');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('answers HEAD without a body', async () => {
    const response = await get('tessera://app/assets/index-abc.js', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('refuses other methods', async () => {
    expect((await get('tessera://app/index.html', 'POST')).status).toBe(405);
  });

  it.each([
    'tessera://app/..%2F..%2Fsecret.txt',
    'tessera://app/assets/..%2F..%2Fsecret.txt',
    'tessera://app/%2e%2e%2fsecret.txt',
    'tessera://app/..%5Csecret.txt',
    'tessera://app/assets%5C..%5C..%5Csecret.txt',
    'tessera://app/index.html%00.js',
    'tessera://app/%E0%A4%A',
    'tessera://app/assets/link-out.txt',
    'tessera://app/parent-link/secret.txt',
  ])('refuses the traversal attempt %s with 403 and never leaks the file', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('participant');
  });

  it('normalises plain ../ segments inside the URL (they cannot climb above the root)', async () => {
    const response = await get('tessera://app/../../secret.txt');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('participant');
  });

  it('serves nothing for another host of the scheme', async () => {
    // (A URL with credentials cannot even become a Request.)
    for (const url of ['tessera://evil/index.html', 'tessera://app.evil/index.html', 'tessera://app:8080/index.html']) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('Tessera');
    }
  });

  it('answers a missing asset with 404 and an unknown page path with the app (single-page fallback)', async () => {
    expect((await get('tessera://app/assets/missing.js')).status).toBe(404);
    const page = await get('tessera://app/project/123');
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(INDEX_HTML);
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.HTML', 'text/html; charset=utf-8'],
    ['chunk.mjs', 'text/javascript; charset=utf-8'],
    ['logo.svg', 'image/svg+xml'],
    ['photo.PNG', 'image/png'],
    ['module.wasm', 'application/wasm'],
    ['index.js.map', 'application/json; charset=utf-8'],
    ['README', 'application/octet-stream'],
    ['evil.exe', 'application/octet-stream'],
    ['proto.__proto__', 'application/octet-stream'],
  ])('%s -> %s', (name, mimeType) => {
    expect(mimeTypeFor(name)).toBe(mimeType);
  });
});
