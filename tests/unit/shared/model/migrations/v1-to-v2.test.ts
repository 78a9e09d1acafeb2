import { describe, expect, it } from 'vitest';
import { hlcFromIsoTime } from '#shared/model/clock';
import { checkSnapshotIntegrity } from '#shared/model/schema';
import type { ProjectSnapshot } from '#shared/model/types';
import { decodeProjectFile } from '#shared/project-file/project-file';
import { version1File, version1Study, type Version1Record } from '../../../../fixtures/project-files/version1-records.ts';

const v1 = version1Study();

/** The fields a version 2 record must carry over from its version 1 record, unchanged. */
function keptFields(record: Version1Record, dropped: readonly string[] = []): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !dropped.includes(key)));
}

describe('a project file written by Tessera 0.1 (format 1)', async () => {
  const { snapshot, manifest, warnings } = await decodeProjectFile(version1File());
  const byId = <T extends { id: string }>(list: readonly T[]) => new Map(list.map((record) => [record.id, record]));

  it('opens, with the same counts its manifest states and no warning', () => {
    expect(manifest.formatVersion).toBe(1);
    expect(warnings).toEqual([]);
    expect(manifest.counts).toEqual({ coders: 2, documents: 2, codes: v1.codes.length, codings: 5, memos: 4 });
    for (const kind of ['coders', 'documents', 'codes', 'codings', 'memos'] as const) {
      expect(snapshot[kind]).toHaveLength(manifest.counts[kind] as number);
    }
    expect(checkSnapshotIntegrity(snapshot)).toEqual([]);
  });

  it('keeps every field of every record, with coder and author as createdBy and a clock for each', () => {
    const { sites: v1Sites, phases: v1Phases, ...v1Project } = v1.project;
    expect(snapshot.project).toEqual({ ...v1Project, createdBy: null, modifiedBy: null, clock: hlcFromIsoTime(v1Project.modifiedAt as string) });
    expect(snapshot.sites.map(({ id, code, name, order, projectId }) => ({ id, code, name, order, projectId }))).toEqual(
      v1Sites.map((site, i) => ({ ...site, order: i + 1, projectId: v1.project.id })),
    );
    expect(snapshot.phases.map(({ id, name, order }) => ({ id, name, order }))).toEqual(v1Phases);

    const coders = byId(snapshot.coders);
    for (const coder of v1.coders) expect(coders.get(coder.id)).toMatchObject({ ...coder, modifiedAt: coder.createdAt });
    const documents = byId(snapshot.documents);
    for (const document of v1.documents) {
      expect(documents.get(document.id)).toMatchObject(keptFields(document));
      // Emoji and right-to-left text come through to the last code unit.
      expect(documents.get(document.id)?.text).toBe(document.text);
    }
    const codes = byId(snapshot.codes);
    for (const code of v1.codes) expect(codes.get(code.id)).toMatchObject(keptFields(code));
    const codings = byId(snapshot.codings);
    for (const coding of v1.codings) {
      const upgraded = codings.get(coding.id);
      expect(upgraded).toMatchObject(keptFields(coding, ['coderId']));
      expect(upgraded?.createdBy).toBe(coding.coderId);
      expect(upgraded).not.toHaveProperty('coderId');
      expect(upgraded?.clock).toBe(hlcFromIsoTime(coding.modifiedAt as string));
    }
    const memos = byId(snapshot.memos);
    for (const memo of v1.memos) {
      expect(memos.get(memo.id)).toMatchObject(keptFields(memo, ['authorId']));
      expect(memos.get(memo.id)?.createdBy).toBe(memo.authorId);
    }
    expect(new Set(snapshot.memos.map((memo) => memo.target.kind))).toEqual(new Set(['project', 'document', 'code', 'coding']));
  });

  it('starts the new kinds empty: no groups, cases, ratings or deletions were recorded before', () => {
    const empty: (keyof ProjectSnapshot)[] = ['documentGroups', 'cases', 'ratings', 'tombstones'];
    for (const kind of empty) expect(snapshot[kind]).toEqual([]);
  });
});
