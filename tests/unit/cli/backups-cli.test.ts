import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeProjectBackup } from '#node/backups';
import { encodeProjectFile } from '#shared/project-file/project-file';
import { projectWithTranscript } from '../shared/fixture-project.ts';
import { tessera } from './run-tessera.ts';

let baseDir: string;
const { snapshot } = projectWithTranscript();

beforeAll(async () => {
  baseDir = await mkdtemp(path.join(tmpdir(), 'tessera-cli-backups-'));
  const moments = [Date.UTC(2026, 0, 5, 9), Date.UTC(2026, 0, 6, 9)];
  for (const [index, name] of ['Study v1', 'Study v2'].entries()) {
    const bytes = await encodeProjectFile({ ...snapshot, project: { ...snapshot.project, name } }, { appVersion: '0.1.0', savedAt: '2026-01-05T09:00:00.000Z' });
    await writeProjectBackup({ projectId: snapshot.project.id, projectName: name, bytes }, { baseDir, now: () => new Date(moments[index] ?? 0) });
  }
});

afterAll(async () => {
  await rm(baseDir, { recursive: true, force: true });
});

describe('tessera backups list', () => {
  it('lists the backups of every project under the backups folder, newest first, with what each holds', async () => {
    const run = await tessera('backups', 'list', baseDir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Made \(UTC\)\s+Project\s+Documents\s+Codes\s+Codings\s+Memos\s+Bytes\s+File$/);
    expect(lines[1]).toMatch(/^2026-01-06T09:00:00\.000Z\s+Study v2\s+1\s+0\s+0\s+0\s+\d+\s+.*2026-01-06T09-00-00-000Z\.tessera$/);
    expect(lines[2]).toMatch(/^2026-01-05T09:00:00\.000Z\s+Study v1\s+1\s+/);
    expect(lines).toHaveLength(3);
  });

  it('lists one project folder as JSON', async () => {
    const run = await tessera('backups', 'list', path.join(baseDir, snapshot.project.id), '--json');
    expect(run.code).toBe(0);
    const listed = JSON.parse(run.stdout) as { folder: string; backups: { projectName: string; counts: Record<string, number> }[] }[];
    expect(listed).toHaveLength(1);
    expect(listed[0]?.backups.map((b) => b.projectName)).toEqual(['Study v2', 'Study v1']);
    expect(listed[0]?.backups[0]?.counts.documents).toBe(1);
  });

  it('says plainly when the folder does not exist, and refuses another action', async () => {
    const missing = await tessera('backups', 'list', path.join(baseDir, 'nowhere'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/there is no such folder/);
    const unknown = await tessera('backups', 'delete', baseDir);
    expect(unknown.code).toBe(2);
  });
});
