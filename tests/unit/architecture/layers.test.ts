/**
 * The layers stay apart: shared/ is pure (it runs in the renderer, the main process and the command line alike),
 * and the renderer reaches Electron only through the preload API. Lint enforces the same; this test keeps it true
 * even when someone switches a lint rule off.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|mjs)$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers = [...source.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)];
  return specifiers.map((m) => m[1] ?? m[2] ?? '');
}

describe('layer boundaries', () => {
  it('shared/ imports no React, Electron, Dexie, Node built-ins or other layers', () => {
    const offending = sourceFiles('shared').flatMap((file) =>
      importsOf(file)
        .filter((spec) => /^(react|react-dom|electron|dexie)(\/|$)|^node:|^#(renderer|electron|node)\/|\/(renderer|electron|node)\//.test(spec))
        .map((spec) => `${file}: ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('the renderer never imports Electron or the main process', () => {
    const offending = sourceFiles('renderer').flatMap((file) =>
      importsOf(file)
        .filter((spec) => /^electron(\/|$)|^#electron\/|\/electron\//.test(spec))
        .map((spec) => `${file}: ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('node/ (Node-only code shared by the main process and the command line) imports no Electron, UI or app layer', () => {
    const offending = sourceFiles('node').flatMap((file) =>
      importsOf(file)
        .filter((spec) => /^(react|react-dom|electron|dexie)(\/|$)|^#(renderer|electron)\/|\/(renderer|electron|cli)\//.test(spec))
        .map((spec) => `${file}: ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('the command line never imports Electron or the renderer', () => {
    const offending = sourceFiles('cli').flatMap((file) =>
      importsOf(file)
        .filter((spec) => /^electron(\/|$)|^#(renderer|electron)\/|\/(renderer|electron)\//.test(spec))
        .map((spec) => `${file}: ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('finds imports at all (the scan itself works)', () => {
    expect(importsOf('shared/model/change.ts')).toContain('./types.ts');
  });
});
