import { describe, expect, it } from 'vitest';
import { isUuid, seededRandom, seededUuidGenerator } from '#shared/model/ids';
import { checkSnapshotIntegrity } from '#shared/model/schema';
import type { ProjectSnapshot, Uuid } from '#shared/model/types';
import { remapProjectIds } from '#shared/project-file/remap-ids';
import { synthesizeStudy } from '#shared/synth/synthesize-study';

const original = synthesizeStudy({ documents: 5, wordsPerDocument: 300, codes: 14, codings: 50, coders: 3, seed: 5 });
const frozenJson = JSON.stringify(original);
const copy = remapProjectIds(original, seededUuidGenerator(seededRandom(99)));

/** Every id of a snapshot, in a fixed order of records (the same order in the original and the copy). */
function idsInOrder(snapshot: ProjectSnapshot): Uuid[] {
  return [
    snapshot.project.id,
    ...snapshot.sites.map((s) => s.id),
    ...snapshot.phases.map((p) => p.id),
    ...snapshot.coders.map((c) => c.id),
    ...snapshot.documents.flatMap((d) => [d.id, ...d.speakers.map((s) => s.id)]),
    ...snapshot.codes.map((c) => c.id),
    ...snapshot.codings.map((c) => c.id),
    ...snapshot.memos.map((m) => m.id),
  ];
}

describe('remapProjectIds', () => {
  it('renews every id: the copy shares none with the original', () => {
    const before = new Set(idsInOrder(original));
    const after = idsInOrder(copy);
    expect(after.every(isUuid)).toBe(true);
    expect(new Set(after).size).toBe(after.length);
    expect(after.filter((id) => before.has(id))).toEqual([]);
    // No old id survives anywhere in the copy, references included.
    const copyJson = JSON.stringify(copy);
    expect([...before].filter((id) => copyJson.includes(id))).toEqual([]);
  });

  it('renews consistently: mapping the new ids back gives exactly the original', () => {
    const back = new Map<Uuid, Uuid>();
    const oldIds = idsInOrder(original);
    idsInOrder(copy).forEach((id, i) => back.set(id, oldIds[i] as Uuid));
    const restored = JSON.stringify(copy).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
      const old = back.get(id);
      if (!old) throw new Error(`id ${id} of the copy is not the renewal of a record id`);
      return old;
    });
    expect(restored).toBe(frozenJson);
  });

  it('gives a consistent project and leaves the original untouched', () => {
    expect(checkSnapshotIntegrity(copy)).toEqual([]);
    expect(JSON.stringify(original)).toBe(frozenJson);
    expect(copy.project.name).toBe(original.project.name);
  });

  it('refuses a project with a dangling reference rather than inventing an id for it', () => {
    const broken = { ...original, codings: [{ ...(original.codings[0] as ProjectSnapshot['codings'][number]), codeId: original.project.id }] };
    expect(() => remapProjectIds(broken, seededUuidGenerator(seededRandom(1)))).toThrow(/unknown code/);
  });
});
