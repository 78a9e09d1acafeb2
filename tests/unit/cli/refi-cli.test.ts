/**
 * `tessera refi import` and `tessera refi export` run as users run them: a real NVivo-style sample in, a .tessera
 * out with its report; hostile archives refused with one line, exit 1 and nothing written, and a valid archive
 * imported right after; a project exported to .qdpx (validated with xmllint) and .qdc.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { decodeProjectFile, encodeProjectFile } from '#shared/project-file/project-file';
import { synthesizeStudy } from '#shared/synth/synthesize-study';
import { danglingReferences, hostileArchives } from '../shared/refi/hostile-archives.ts';
import { tessera } from './run-tessera.ts';

const scratch = mkdtempSync(join(tmpdir(), 'tessera-refi-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const file = (name: string): string => join(scratch, name);
const fixtures = join(import.meta.dirname, '..', 'shared', 'refi', 'fixtures');

describe('tessera refi', { timeout: 180_000 }, () => {
  it('imports the hand-written example and prints the report', async () => {
    const run = await tessera('refi', 'import', join(fixtures, 'minimal.qdpx'), '-o', file('minimal.tessera'));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 document, 3 codes, 2 codings, 1 memo, 1 coder, 1 case, 1 document group');
    expect(run.stdout).toContain('1 link between codes');
    const { snapshot } = await decodeProjectFile(new Uint8Array(readFileSync(file('minimal.tessera'))));
    expect(snapshot.codings).toHaveLength(2);
  });

  it('refuses each hostile archive with one line, exit 1 and nothing written; a valid archive imports right after', async () => {
    const chosen = ['traversal', 'symlink', 'declared-bomb', 'overlapping', 'entity-expansion', 'external-entity'];
    for (const hostile of hostileArchives().filter((h) => chosen.includes(h.name))) {
      writeFileSync(file(`${hostile.name}.qdpx`), hostile.bytes);
      // The 5-second bound is checked on the reader itself (refi-project.test.ts); here the command starts through
      // tsx from the sources, which alone takes seconds on a loaded machine.
      const run = await tessera('refi', 'import', file(`${hostile.name}.qdpx`), '-o', file(`${hostile.name}.tessera`));
      expect(run.code, hostile.name).toBe(1);
      expect(run.stderr.trim().split('\n'), hostile.name).toHaveLength(1);
      expect(run.stderr, hostile.name).toMatch(hostile.message);
      expect(run.stderr).toContain('Nothing was written.');
      expect(existsSync(file(`${hostile.name}.tessera`))).toBe(false);
    }
    writeFileSync(file('dangling.qdpx'), danglingReferences());
    const run = await tessera('refi', 'import', file('dangling.qdpx'), '-o', file('dangling.tessera'));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/References to .* were dropped/);
    const valid = await tessera('refi', 'import', join(fixtures, 'minimal.qdpx'), '-o', file('after.tessera'));
    expect(valid.code).toBe(0);
  });

  it('exports a project to .qdpx that validates, and its codebook to .qdc', async () => {
    const study = synthesizeStudy({ documents: 2, wordsPerDocument: 200, codes: 8, codings: 20, coders: 2, seed: 5 });
    writeFileSync(file('study.tessera'), await encodeProjectFile(study, { appVersion: '0.1.0', savedAt: '2026-12-01T00:00:00.000Z' }));
    const run = await tessera('refi', 'export', file('study.tessera'), '-o', file('study.qdpx'));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/speaker structure/);
    const qde = unzipSync(new Uint8Array(readFileSync(file('study.qdpx'))))['project.qde'] as Uint8Array;
    writeFileSync(file('study.qde'), qde);
    if (spawnSync('xmllint', ['--version']).status === 0) {
      const lint = spawnSync('xmllint', ['--noout', '--schema', join(fixtures, 'Project.xsd'), file('study.qde')], { encoding: 'utf8' });
      expect(lint.stderr).toContain('validates');
    }
    const qdc = await tessera('refi', 'export', file('study.tessera'), '-o', file('study.qdc'));
    expect(qdc.code).toBe(0);
    expect(readFileSync(file('study.qdc'), 'utf8')).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"');
  });
});
