import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  backupTimestamp,
  listBackups,
  listProjectBackups,
  parseBackupName,
  projectBackupDir,
  readProjectBackup,
  writeProjectBackup,
} from '#node/backups';
import { decodeProjectFile, encodeProjectFile } from '#shared/project-file/project-file';
import type { ProjectSnapshot } from '#shared/model/types';
import { projectWithTranscript } from '../shared/fixture-project.ts';

const PROJECT_ID = '0b6c9a9e-0f0e-4f34-9d4c-1f2b6a1c9a11';
const OTHER_PROJECT_ID = '5d0f4a43-8c1e-4b7a-9a55-0c3f0d4e2b19';

let baseDir: string;
beforeEach(async () => {
  baseDir = await mkdtemp(path.join(tmpdir(), 'tessera-backups-'));
});
afterEach(async () => {
  await rm(baseDir, { recursive: true, force: true });
});

/** A clock that advances one minute per call, from a fixed start. */
function minuteClock(start = Date.UTC(2025, 2, 4, 5, 6, 7, 89)) {
  let calls = 0;
  return () => new Date(start + 60_000 * calls++);
}

const snapshot = (generation: number) => new TextEncoder().encode(`{"generation":${generation}}`);

describe('backup names', () => {
  it('use a UTC timestamp that is valid on every OS and sorts chronologically', () => {
    expect(backupTimestamp(new Date(Date.UTC(2025, 2, 4, 5, 6, 7, 89)))).toBe('2025-03-04T05-06-07-089Z');
    expect(parseBackupName('2025-03-04T05-06-07-089Z.tessera')).toMatchObject({ sequence: 0 });
    expect(parseBackupName('2025-03-04T05-06-07-089Z-3.tessera')).toMatchObject({ sequence: 3 });
    expect(parseBackupName('notes.txt')).toBeNull();
    expect(parseBackupName('.abc.tessera-tmp')).toBeNull();
  });
});

describe('writeProjectBackup', () => {
  it('writes a generation under <base>/<projectId>/ with a timestamped name and the exact bytes', async () => {
    const result = await writeProjectBackup(
      { projectId: PROJECT_ID, projectName: 'Böblingen pre', bytes: snapshot(1) },
      { baseDir, now: minuteClock() },
    );
    const expected = path.join(baseDir, PROJECT_ID, '2025-03-04T05-06-07-089Z.tessera');
    expect(result).toEqual({ status: 'written', location: expected, generationsKept: 1 });
    expect(await readFile(expected, 'utf8')).toBe('{"generation":1}');
  });

  it('keeps the newest N generations and deletes the older ones', async () => {
    const now = minuteClock();
    let last;
    for (let generation = 1; generation <= 13; generation += 1) {
      last = await writeProjectBackup(
        { projectId: PROJECT_ID, projectName: 'p', bytes: snapshot(generation) },
        { baseDir, keep: 10, now },
      );
    }
    expect(last).toMatchObject({ status: 'written', generationsKept: 10 });
    const projectDir = path.join(baseDir, PROJECT_ID);
    const names = await listBackups(projectDir);
    expect(names).toHaveLength(10);
    const contents = await Promise.all(names.map((name) => readFile(path.join(projectDir, name), 'utf8')));
    // Oldest first: generations 4..13 survive, 1..3 were rotated out.
    expect(contents).toEqual(Array.from({ length: 10 }, (_, i) => `{"generation":${i + 4}}`));
  });

  it('keeps two backups written in the same millisecond as two generations, in order', async () => {
    const fixed = () => new Date(Date.UTC(2025, 0, 1));
    const request = (generation: number) => ({ projectId: PROJECT_ID, projectName: 'p', bytes: snapshot(generation) });
    await Promise.all([1, 2, 3].map((generation) => writeProjectBackup(request(generation), { baseDir, now: fixed })));
    const projectDir = path.join(baseDir, PROJECT_ID);
    const names = await listBackups(projectDir);
    expect(names).toEqual([
      '2025-01-01T00-00-00-000Z.tessera',
      '2025-01-01T00-00-00-000Z-1.tessera',
      '2025-01-01T00-00-00-000Z-2.tessera',
    ]);
    expect(await readFile(path.join(projectDir, names[2] ?? ''), 'utf8')).toBe('{"generation":3}');
  });

  it('never rotates out the backup just written when the clock went back', async () => {
    const times = [Date.UTC(2025, 5, 1), Date.UTC(2025, 5, 2), Date.UTC(2024, 0, 1)];
    const now = () => new Date(times.shift() ?? 0);
    for (let generation = 1; generation <= 3; generation += 1) {
      await writeProjectBackup({ projectId: PROJECT_ID, projectName: 'p', bytes: snapshot(generation) }, {
        baseDir,
        keep: 2,
        now,
      });
    }
    const projectDir = path.join(baseDir, PROJECT_ID);
    const names = await listBackups(projectDir);
    const contents = await Promise.all(names.map((name) => readFile(path.join(projectDir, name), 'utf8')));
    expect(contents).toEqual(['{"generation":2}', '{"generation":3}']);
  });

  it('keeps every backup written after the clock went back, not just the first', async () => {
    const times = [Date.UTC(2030, 0, 1), ...[1, 2, 3, 4, 5].map((day) => Date.UTC(2025, 0, day))];
    const now = () => new Date(times.shift() ?? 0);
    for (let generation = 1; generation <= 6; generation += 1) {
      const result = await writeProjectBackup({ projectId: PROJECT_ID, projectName: 'p', bytes: snapshot(generation) }, { baseDir, keep: 3, now });
      expect(result.status === 'written' && (await readFile(result.location, 'utf8'))).toBe(`{"generation":${generation}}`);
    }
    const projectDir = path.join(baseDir, PROJECT_ID);
    const names = await listBackups(projectDir);
    const contents = await Promise.all(names.map((name) => readFile(path.join(projectDir, name), 'utf8')));
    expect(contents).toEqual(['{"generation":4}', '{"generation":5}', '{"generation":6}']);
  });

  it('keeps projects apart and leaves foreign files alone, but clears temporary files of a crashed write', async () => {
    const projectDir = path.join(baseDir, PROJECT_ID);
    await mkdir(projectDir, { recursive: true });
    await writeFile(path.join(projectDir, 'README.txt'), 'mine');
    await writeFile(path.join(projectDir, '.0123456789abcdef.tessera-tmp'), 'half a write');
    const now = minuteClock();
    await writeProjectBackup({ projectId: PROJECT_ID, projectName: 'a', bytes: snapshot(1) }, { baseDir, keep: 1, now });
    await writeProjectBackup({ projectId: OTHER_PROJECT_ID, projectName: 'b', bytes: snapshot(2) }, { baseDir, keep: 1, now });
    await writeProjectBackup({ projectId: PROJECT_ID, projectName: 'a', bytes: snapshot(3) }, { baseDir, keep: 1, now });
    expect((await readdir(projectDir)).sort()).toEqual(['2025-03-04T05-08-07-089Z.tessera', 'README.txt']);
    expect(await listBackups(path.join(baseDir, OTHER_PROJECT_ID))).toEqual(['2025-03-04T05-07-07-089Z.tessera']);
  });

  it('makes the backup folder and files private to the user', async () => {
    if (process.platform === 'win32') return;
    const result = await writeProjectBackup(
      { projectId: PROJECT_ID, projectName: 'p', bytes: snapshot(1) },
      { baseDir, now: minuteClock() },
    );
    if (result.status !== 'written') throw new Error('expected a written backup');
    expect((await stat(result.location)).mode & 0o777).toBe(0o600);
    expect((await stat(path.join(baseDir, PROJECT_ID))).mode & 0o077).toBe(0);
  });

  it.each(['../../etc', '..', '', 'a/b', PROJECT_ID.toUpperCase(), `{${PROJECT_ID}}`, `${PROJECT_ID}/..`])(
    'refuses the project id %j and writes nothing',
    async (projectId) => {
      await expect(
        writeProjectBackup({ projectId, projectName: 'p', bytes: snapshot(1) }, { baseDir }),
      ).rejects.toThrow(/Not a project id/);
      expect(await readdir(baseDir)).toEqual([]);
    },
  );

  it('refuses a keep count below one', async () => {
    await expect(
      writeProjectBackup({ projectId: PROJECT_ID, projectName: 'p', bytes: snapshot(1) }, { baseDir, keep: 0 }),
    ).rejects.toThrow(/keep/);
  });

  it('places project folders directly under the base folder', () => {
    expect(projectBackupDir('/data/backups', PROJECT_ID)).toBe(path.join('/data/backups', PROJECT_ID));
  });
});

describe('backups of real project files', () => {
  const project = projectWithTranscript().snapshot;
  const encode = (snapshot: ProjectSnapshot, savedAt: string) => encodeProjectFile(snapshot, { appVersion: '0.1.0', savedAt });
  const renamed = (name: string): ProjectSnapshot => ({ ...project, project: { ...project.project, name } });

  it('writes no new generation while the project is unchanged, whenever it was saved', async () => {
    const now = minuteClock();
    const request = async (snapshot: ProjectSnapshot, savedAt: string) => ({
      projectId: project.project.id,
      projectName: snapshot.project.name,
      bytes: await encode(snapshot, savedAt),
    });
    const first = await writeProjectBackup(await request(project, '2026-01-01T10:00:00.000Z'), { baseDir, now });
    const again = await writeProjectBackup(await request(project, '2026-01-01T11:00:00.000Z'), { baseDir, now });
    expect(first.status).toBe('written');
    expect(again).toEqual({ status: 'unchanged', location: first.status === 'written' ? first.location : '' });
    const changed = await writeProjectBackup(await request(renamed('Renamed study'), '2026-01-01T12:00:00.000Z'), { baseDir, now });
    expect(changed).toMatchObject({ status: 'written', generationsKept: 2 });
  });

  it('lists generations newest first with what each holds, and reads one back whole', async () => {
    const now = minuteClock();
    for (const name of ['First', 'Second']) {
      await writeProjectBackup(
        { projectId: project.project.id, projectName: name, bytes: await encode(renamed(name), '2026-01-01T10:00:00.000Z') },
        { baseDir, now },
      );
    }
    const folder = path.join(baseDir, project.project.id);
    await writeFile(path.join(folder, '2025-03-04T05-09-07-089Z.tessera'), 'not a zip');
    const listing = await listProjectBackups(baseDir, project.project.id);
    if (listing.status !== 'listed') throw new Error('expected a listing');
    expect(listing.folder).toBe(folder);
    expect(listing.backups.map((b) => b.projectName ?? b.problem)).toEqual([
      'This file is not a Tessera project file (it is not a zip archive).',
      'Second',
      'First',
    ]);
    expect(listing.backups[1]).toMatchObject({
      fileName: '2025-03-04T05-07-07-089Z.tessera',
      madeAt: '2025-03-04T05:07:07.089Z',
      counts: expect.objectContaining({ documents: 1, codings: project.codings.length }),
    });
    const bytes = await readProjectBackup(baseDir, project.project.id, '2025-03-04T05-06-07-089Z.tessera');
    expect((await decodeProjectFile(bytes)).snapshot.project.name).toBe('First');
  });

  it.each(['../x.tessera', 'notes.txt', '2025-03-04T05-06-07-089Z.tessera/../../x'])('refuses to read %j', async (fileName) => {
    await expect(readProjectBackup(baseDir, project.project.id, fileName)).rejects.toThrow(/Not a backup file name/);
  });

  it('keeps daily and weekly generations by default, not only the last ten', async () => {
    // One backup every 6 hours for 20 days, each of a different project state.
    const start = Date.UTC(2026, 0, 1);
    let backupCount = 0;
    for (let i = 0; i < 80; i += 1) {
      const moment = new Date(start + i * 6 * 60 * 60 * 1000);
      const result = await writeProjectBackup(
        { projectId: project.project.id, projectName: 'p', bytes: snapshot(i) },
        { baseDir, now: () => moment },
      );
      if (result.status === 'written') backupCount = result.generationsKept;
    }
    const names = await listBackups(path.join(baseDir, project.project.id));
    expect(names).toHaveLength(backupCount);
    // 10 recent (2.5 days), the last of each of 7 days, the last of 3 ISO weeks: more than 10, fewer than 22.
    expect(names.length).toBeGreaterThan(10);
    expect(names.length).toBeLessThanOrEqual(22);
    expect(names[0]?.startsWith('2026-01-04')).toBe(true);
  });
});
