import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_HOST, APP_ORIGIN, APP_SCHEME, isAppUrl, originOf } from '#electron/app-origin';

describe('the app origin', () => {
  it('is tessera://app and must never change (IndexedDB is keyed by origin: a new origin sees no projects)', () => {
    expect(APP_SCHEME).toBe('tessera');
    expect(APP_HOST).toBe('app');
    expect(APP_ORIGIN).toBe('tessera://app');
    expect(APP_ENTRY_URL).toBe('tessera://app/index.html');
  });

  it('builds origins from the parsed URL (Node reports "null" for custom schemes)', () => {
    expect(new URL('tessera://app/index.html').origin).toBe('null');
    expect(originOf('tessera://app/index.html')).toBe('tessera://app');
    expect(originOf('https://example.com:8443/a?b')).toBe('https://example.com:8443');
  });

  it.each([
    'tessera://app/',
    'tessera://app/index.html',
    'tessera://app/assets/index-abc.js?v=1#x',
    'tessera://app/../index.html',
  ])('accepts %s as an app URL', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    'tessera://evil/index.html',
    'tessera://app.evil/',
    'tessera://APP/',
    'tessera://evil@app/',
    'tessera://app:1234/',
    'tessera:app',
    'tessera:///app/index.html',
    'https://app/',
    'https://example.com/tessera://app/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});
