import { describe, expect, it } from 'vitest';
import { paragraphCodings } from '#shared/coding/paragraph-codings';
import { buildProjectIndex, codingById, codingsOfDocument, updateProjectIndex } from '#shared/index/project-index';
import { applyChange, type ProjectChange } from '#shared/model/change';
import { seededRandom, seededUuidGenerator } from '#shared/model/ids';
import type { Coding, TesseraDocument } from '#shared/model/types';
import { synthesizeStudy } from '#shared/synth/synthesize-study';

describe('codings per paragraph', () => {
  it('puts every coding in each paragraph it touches, by position', () => {
    const study = synthesizeStudy({ documents: 1, wordsPerDocument: 1500, codes: 20, codings: 200, coders: 2, seed: 6 });
    const document = study.documents[0] as TesseraDocument;
    const codings = codingsOfDocument(buildProjectIndex(study), document.id);
    const { buckets } = paragraphCodings(document.paragraphs, codings);
    document.paragraphs.forEach((paragraph, p) => {
      // A coding touches a paragraph when it holds a character of the paragraph's line (its text or its line break).
      const next = document.paragraphs[p + 1];
      const lineEnd = next ? next.start : paragraph.end;
      const expected = codings.filter((c) => c.start < lineEnd && c.end > paragraph.start && !(c.end <= paragraph.start));
      expect(buckets[p]).toEqual(expected);
    });
  });

  it('after a change gives new lists only to the paragraphs it touches, equal to lists made afresh', () => {
    let study = synthesizeStudy({ documents: 1, wordsPerDocument: 1500, codes: 20, codings: 200, coders: 2, seed: 8 });
    const document = study.documents[0] as TesseraDocument;
    let index = buildProjectIndex(study);
    let current = paragraphCodings(document.paragraphs, codingsOfDocument(index, document.id));
    const random = seededRandom(3);
    const newId = seededUuidGenerator(seededRandom(4));
    for (let step = 0; step < 60; step++) {
      const existing = study.codings[Math.floor(random() * study.codings.length)] as Coding;
      const roll = random();
      const start = Math.floor(random() * (document.length - 300));
      const change: ProjectChange =
        roll < 0.4
          ? { put: { codings: [{ ...existing, id: newId(), start, end: start + 1 + Math.floor(random() * 250) }] } }
          : roll < 0.7
            ? { delete: { codings: [existing.id] } }
            : roll < 0.9
              ? { put: { codings: [{ ...existing, end: Math.min(document.length, existing.end + 40) }] } }
              : { put: { codings: Array.from({ length: 70 }, () => ({ ...existing, id: newId() })) } };
      // The paragraphs the change touches: those of the codings it puts, and of the old versions it replaces or deletes.
      const changed = [...(change.put?.codings ?? []), ...[...(change.put?.codings ?? []).map((c) => c.id), ...(change.delete?.codings ?? [])].map((id) => codingById(index, id)).filter((c) => c !== undefined)];
      const touched = new Set<number>();
      for (const coding of changed) {
        document.paragraphs.forEach((paragraph, p) => {
          const next = document.paragraphs[p + 1];
          if (coding.start < (next ? next.start : paragraph.end) && coding.end > paragraph.start) touched.add(p);
        });
      }
      study = applyChange(study, change);
      index = updateProjectIndex(index, change);
      const before = current;
      current = paragraphCodings(document.paragraphs, codingsOfDocument(index, document.id), before);
      const fresh = paragraphCodings(document.paragraphs, codingsOfDocument(index, document.id));
      expect(current.buckets).toEqual(fresh.buckets);
      current.buckets.forEach((bucket, p) => {
        if (!touched.has(p)) expect(bucket).toBe(before.buckets[p]);
      });
    }
  });
});
