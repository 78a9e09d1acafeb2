import { describe, expect, it } from 'vitest';
import { applyChange, type ProjectChange } from '#shared/model/change';
import { seededRandom, seededUuidGenerator } from '#shared/model/ids';
import type { Coding, ProjectSnapshot } from '#shared/model/types';
import { synthesizeStudy } from '#shared/synth/synthesize-study';
import {
  buildProjectIndex,
  codeUsage,
  codeWithDescendants,
  codingById,
  codingsAt,
  codingsOfCode,
  codingsOfDocument,
  codingsOverlapping,
  updateProjectIndex,
  type ProjectIndex,
} from '#shared/index/project-index';
import { shardedValues } from '#shared/index/sharded-map';
import { stampsAt } from '#shared/model/stamps';

/** The index as plain sorted data, so two indexes compare with toEqual whatever their maps' insertion order. */
function plain(index: ProjectIndex) {
  const sortedEntries = <V>(map: ReadonlyMap<string | null, V>) =>
    [...map.entries()].sort(([a], [b]) => String(a).localeCompare(String(b)));
  return {
    projectId: index.projectId,
    codingCount: index.codingCount,
    byId: [...shardedValues(index.codingById)].sort((a, b) => a.id.localeCompare(b.id)),
    byDocument: sortedEntries(index.codingsByDocument),
    byCode: sortedEntries(index.codingsByCode),
    counts: sortedEntries(index.documentCountsByCode).map(([k, v]) => [k, sortedEntries(v)]),
    documents: sortedEntries(index.documentById).map(([k, v]) => [k, v.name]),
    codes: sortedEntries(index.codeById),
    children: sortedEntries(index.childCodes).map(([k, v]) => [k, v.map((c) => c.id)]),
    coders: sortedEntries(index.coderById),
  };
}

function study(): ProjectSnapshot {
  return synthesizeStudy({ documents: 6, wordsPerDocument: 600, codes: 24, codings: 400, coders: 2, seed: 3 });
}

/** A random change of the kinds the app makes: new codings, resized or re-coded ones, deletions, codes, bulk. */
function randomChange(snapshot: ProjectSnapshot, random: () => number, newId: () => string): ProjectChange {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const codable = snapshot.codes.filter((c) => c.isCodable);
  const newCoding = (): Coding => {
    const document = pick(snapshot.documents);
    const start = Math.floor(random() * (document.length - 10));
    return {
      id: newId(),
      projectId: snapshot.project.id,
      documentId: document.id,
      codeId: pick(codable).id,
      start,
      end: start + 1 + Math.floor(random() * 9),
      ...stampsAt('2026-01-01T00:00:00.000Z', pick(snapshot.coders).id),
    };
  };
  const kind = Math.floor(random() * 7);
  const existing = snapshot.codings.length ? pick(snapshot.codings) : null;
  switch (kind) {
    case 0:
      return { put: { codings: [newCoding()] } };
    case 1:
      return existing ? { put: { codings: [{ ...existing, end: existing.end + 3 }] } } : {};
    case 2:
      return existing ? { put: { codings: [{ ...existing, codeId: pick(codable).id }] } } : {};
    case 3:
      return existing ? { delete: { codings: [existing.id] } } : {};
    case 4:
      return { put: { codings: Array.from({ length: 50 }, newCoding) }, delete: { codings: snapshot.codings.slice(0, 40).map((c) => c.id) } };
    case 5: {
      const code = pick(snapshot.codes);
      return { put: { codes: [{ ...code, id: newId(), name: `${code.name} copy`, order: 99 }] }, delete: { codes: [pick(snapshot.codes).id] } };
    }
    default: {
      // Put and delete the same coding in one change: the delete wins, as in applyChange.
      const coding = newCoding();
      return { put: { codings: [coding] }, delete: { codings: [coding.id] } };
    }
  }
}

describe('the project index', () => {
  it('indexes codings by document in position order and by code', () => {
    const snapshot = study();
    const index = buildProjectIndex(snapshot);
    expect(index.codingCount).toBe(snapshot.codings.length);
    for (const document of snapshot.documents) {
      const expected = snapshot.codings
        .filter((c) => c.documentId === document.id)
        .sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1));
      expect(codingsOfDocument(index, document.id)).toEqual(expected);
    }
    for (const code of snapshot.codes) {
      const mine = snapshot.codings.filter((c) => c.codeId === code.id);
      expect(codingsOfCode(index, code.id)).toHaveLength(mine.length);
      expect(codeUsage(index, code.id)).toEqual({ codings: mine.length, documents: new Set(mine.map((c) => c.documentId)).size });
    }
    const some = snapshot.codings[17] as Coding;
    expect(codingById(index, some.id)).toBe(some);
  });

  it('stays equal to a fresh index over a long run of random changes, and leaves the old index as it was', () => {
    let snapshot = study();
    let index = buildProjectIndex(snapshot);
    const random = seededRandom(11);
    const newId = seededUuidGenerator(seededRandom(12));
    for (let step = 0; step < 120; step++) {
      const change = randomChange(snapshot, random, newId);
      const before = plain(index);
      const previous = index;
      snapshot = applyChange(snapshot, change);
      index = updateProjectIndex(index, change);
      expect(plain(previous)).toEqual(before);
      if (step % 10 === 0 || step === 119) expect(plain(index)).toEqual(plain(buildProjectIndex(snapshot)));
    }
    expect(index.codingCount).toBe(snapshot.codings.length);
  });

  it('copies only the lists a change touches', () => {
    const snapshot = study();
    const index = buildProjectIndex(snapshot);
    const [first, second] = snapshot.documents;
    if (!first || !second) throw new Error('the study has documents');
    const coding = codingsOfDocument(index, first.id)[0] as Coding;
    const next = updateProjectIndex(index, { put: { codings: [{ ...coding, end: coding.end + 1 }] } });
    expect(codingsOfDocument(next, first.id)).not.toBe(codingsOfDocument(index, first.id));
    expect(codingsOfDocument(next, second.id)).toBe(codingsOfDocument(index, second.id));
    expect(next.codeById).toBe(index.codeById);
    expect(next.documentById).toBe(index.documentById);
  });

  it('finds codings at a place and a code with everything beneath it', () => {
    const snapshot = study();
    const index = buildProjectIndex(snapshot);
    const coding = snapshot.codings[5] as Coding;
    expect(codingsAt(index, coding.documentId, coding.start)).toContain(coding);
    expect(codingsAt(index, coding.documentId, coding.end)).not.toContain(coding);
    const overlapping = codingsOverlapping(index, coding.documentId, coding.start, coding.end);
    const expected = snapshot.codings.filter((c) => c.documentId === coding.documentId && c.start < coding.end && c.end > coding.start);
    expect(new Set(overlapping)).toEqual(new Set(expected));
    const domain = snapshot.codes.find((c) => !c.isCodable && c.parentId === null);
    if (!domain) throw new Error('the study has a CFIR domain');
    const family = codeWithDescendants(index, domain.id);
    expect(family[0]).toBe(domain);
    const ids = new Set(family.map((c) => c.id));
    // Every code whose parent is in the family is in it too, and nothing else.
    for (const code of snapshot.codes) expect(ids.has(code.id)).toBe(code.id === domain.id || (code.parentId !== null && ids.has(code.parentId)));
    expect(codeWithDescendants(index, 'no-such-code')).toEqual([]);
  });
});
