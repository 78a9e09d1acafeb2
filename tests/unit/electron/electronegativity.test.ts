/**
 * The Electronegativity gate of the test command (scripts/electronegativity.mjs): which findings fail it, the
 * literal of the real window options it scans, and, on a deliberately insecure sample, that a real scan does fail.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildWindowOptions } from '#electron/window-options';
import {
  blockingFindings,
  describeFinding,
  scanFolder,
  windowOptionsProbe,
} from '../../../scripts/electronegativity.mjs';

const finding = (id: string, severity: string, file = 'electron/app.ts') => ({
  id,
  file,
  location: { line: 3, column: 0 },
  description: `about ${id}`,
  severity: { name: severity, value: 0 },
  confidence: { name: 'FIRM', value: 1 },
});

describe('which findings fail the check', () => {
  it('fails on medium and high severity, whatever the confidence, and lets low and informational pass', () => {
    const issues = [
      finding('A', 'HIGH'),
      finding('B', 'MEDIUM'),
      finding('C', 'LOW'),
      finding('D', 'INFORMATIONAL'),
      { ...finding('E', 'MEDIUM'), confidence: { name: 'TENTATIVE', value: 0 } },
    ];
    expect(blockingFindings(issues).map((issue) => issue.id)).toEqual(['A', 'B', 'E']);
  });

  it('describes a finding with its place, check, severity and meaning', () => {
    expect(describeFinding(finding('SANDBOX_JS_CHECK', 'MEDIUM'))).toBe(
      'electron/app.ts:3  SANDBOX_JS_CHECK  MEDIUM/FIRM  about SANDBOX_JS_CHECK',
    );
    expect(describeFinding(finding('CSP_GLOBAL_CHECK', 'MEDIUM', 'N/A'))).toMatch(/^\(whole app\)/);
  });
});

describe('the window options the scanner reads', () => {
  it('are exactly what buildWindowOptions returns, with only the reviewed preload check annotated', () => {
    const options = buildWindowOptions('preload.cjs');
    const probe = windowOptionsProbe(options);
    const literal = probe.slice(probe.indexOf('new BrowserWindow(') + 'new BrowserWindow('.length, probe.lastIndexOf(');'));
    expect(JSON.parse(literal.replace(/ \/\/ eng-disable .*$/m, ''))).toEqual(options);
    expect(probe.match(/eng-disable/g)).toHaveLength(1);
    expect(probe).toMatch(/"preload": "preload.cjs", \/\/ eng-disable PRELOAD_JS_CHECK/);
  });
});

describe('a real scan', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('fails an app that turns context isolation, the sandbox and web security off', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tessera-insecure-'));
    await writeFile(
      path.join(dir, 'main.js'),
      [
        "const { BrowserWindow } = require('electron');",
        'const window = new BrowserWindow({',
        '  webPreferences: { contextIsolation: false, sandbox: false, webSecurity: false, nodeIntegration: true },',
        '});',
        "window.loadURL('http://example.com/');",
        '',
      ].join('\n'),
    );
    const ids = blockingFindings(await scanFolder(dir, '45.4.1')).map((issue) => issue.id);
    expect(ids).toEqual(
      expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK']),
    );
  }, 90_000);
});
