/** `tessera merge` and `tessera export-session` run as users run them, on a small synthetic study and two sessions. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyChange } from '#shared/model/change';
import { formatHlc } from '#shared/model/clock';
import { checkSnapshotIntegrity } from '#shared/model/schema';
import type { Coding, ProjectSnapshot, Tombstone } from '#shared/model/types';
import { decodeProjectFile, encodeProjectFile } from '#shared/project-file/project-file';
import { synthesizeStudy } from '#shared/synth/synthesize-study';
import { tessera } from './run-tessera.ts';

const scratch = mkdtempSync(join(tmpdir(), 'tessera-merge-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const file = (name: string): string => join(scratch, name);

const base = synthesizeStudy({ documents: 2, wordsPerDocument: 120, codes: 6, codings: 8, coders: 2, seed: 4 });
const [ada, ben] = base.coders as [ProjectSnapshot['coders'][number], ProjectSnapshot['coders'][number]];
const at = '2030-02-01T10:00:00.000Z';
const stamps = (by: string, node: string): { createdAt: string; createdBy: string; modifiedAt: string; modifiedBy: string; clock: string } => ({
  createdAt: at,
  createdBy: by,
  modifiedAt: at,
  modifiedBy: by,
  clock: formatHlc({ ms: Date.parse(at), counter: 0, node }),
});
const memoTargets = new Set(base.memos.flatMap((m) => ('id' in m.target ? [m.target.id] : [])));
const adasCoding = base.codings.find((c) => c.createdBy === ada.id && !memoTargets.has(c.id)) as Coding;
const newCoding: Coding = {
  id: 'aaaaaaaa-0000-4000-8000-000000000001',
  projectId: base.project.id,
  documentId: (base.documents[0] as ProjectSnapshot['documents'][number]).id,
  codeId: (base.codes.find((c) => c.isCodable) as ProjectSnapshot['codes'][number]).id,
  start: 0,
  end: 4,
  ...stamps(ben.id, 'b'),
};
// Ben codes a passage and deletes one of Ada's codings (a decision for the merge).
const bensDeletion: Tombstone = { id: adasCoding.id, projectId: base.project.id, kind: 'codings', ...stamps(ben.id, 'b') };
const bens = applyChange(base, { put: { codings: [newCoding], tombstones: [bensDeletion] }, delete: { codings: [adasCoding.id] } });

async function write(name: string, snapshot: ProjectSnapshot): Promise<void> {
  writeFileSync(file(name), await encodeProjectFile(snapshot, { appVersion: '0.1.0', savedAt: at }));
}
async function read(name: string): Promise<ProjectSnapshot> {
  return (await decodeProjectFile(new Uint8Array(readFileSync(file(name))))).snapshot;
}
beforeAll(async () => {
  await write('base.tessera', base);
  await write('ben.tessera', bens);
});

describe('tessera export-session and merge', { timeout: 120_000 }, () => {
  it("export-session writes the coder's work and what it refers to, a valid project of its own", async () => {
    const run = await tessera('export-session', file('ben.tessera'), '--coder', ben.initials, '--since', '2030-01-01', '-o', file('ben-session.tessera'));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 codings');
    const session = await read('ben-session.tessera');
    expect(session.codings.map((c) => c.id)).toEqual([newCoding.id]);
    expect(session.tombstones.map((t) => t.id)).toEqual([adasCoding.id]);
    expect(session.documents.map((d) => d.id)).toEqual([newCoding.documentId]);
    expect(checkSnapshotIntegrity(session)).toEqual([]);
    const unknown = await tessera('export-session', file('ben.tessera'), '--coder', 'Nobody', '-o', file('x.tessera'));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no coder "Nobody"');
  });

  it('merge refuses to write when a decision is needed, and names it', async () => {
    const run = await tessera('merge', file('base.tessera'), file('ben-session.tessera'), '-o', file('out.tessera'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`delete:${adasCoding.id}`);
    expect(run.stderr).toContain('Nothing was written');
    expect(existsSync(file('out.tessera'))).toBe(false);
  });

  it('merge --dry-run prints the report and writes nothing; --decide writes the merged project with the report as a memo', async () => {
    const dry = await tessera('merge', file('base.tessera'), file('ben-session.tessera'), '--dry-run', '--decide', 'base');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('# Merge report: ben-session.tessera into base.tessera');
    expect(dry.stdout).toContain('decided "keep"');
    expect(existsSync(file('out.tessera'))).toBe(false);

    const run = await tessera('merge', file('base.tessera'), file('ben-session.tessera'), '-o', file('out.tessera'), '--decide', 'incoming');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const merged = await read('out.tessera');
    expect(merged.codings.map((c) => c.id)).toContain(newCoding.id);
    expect(merged.codings.map((c) => c.id)).not.toContain(adasCoding.id);
    expect(merged.memos.find((m) => m.title.startsWith('Merge report'))?.text).toContain('decided "agree"');
    expect(checkSnapshotIntegrity(merged)).toEqual([]);

    // Merging the same session again changes nothing but adds no duplicate.
    const again = await tessera('merge', file('out.tessera'), file('ben-session.tessera'), '--dry-run');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('- Added: 0');
    expect(again.stdout).toContain('- Changed: 0');
  });

  it('merge refuses an unknown --decide and a file of another project', async () => {
    const bad = await tessera('merge', file('base.tessera'), file('ben.tessera'), '--dry-run', '--decide', 'mine');
    expect(bad.code).toBe(2);
    await write('other.tessera', synthesizeStudy({ documents: 1, wordsPerDocument: 50, codes: 2, codings: 0, coders: 1, seed: 77 }));
    const foreign = await tessera('merge', file('base.tessera'), file('other.tessera'), '--dry-run');
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toContain('another project');
  });
});
