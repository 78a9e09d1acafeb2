/**
 * A document's original-language transcript as the project keeps it: imported from a real .txt through the app's
 * importer, aligned with the translation, stored by a change that the integrity check accepts, corrected, aligned
 * again with the correction kept, and replaced or removed with undo bringing it back.
 */
import { describe, expect, it } from 'vitest';
import { correctAlignmentChange, originalFromImport, originalOf, realignChange, removeOriginalChange, setOriginalChange, textDirection } from '#shared/align/document-original';
import { runAsParagraphNumbers } from '#shared/align/aligned-pairs';
import { joinWithNext } from '#shared/align/correct-alignment';
import { documentFromImport } from '#shared/import/document-from-import';
import { importTranscriptFile } from '#shared/import/import-file';
import { applyChange, invertChange } from '#shared/model/change';
import { seededRandom, seededUuidGenerator } from '#shared/model/ids';
import { checkSnapshotIntegrity } from '#shared/model/schema';
import { synthesizeStudy } from '#shared/synth/synthesize-study';
import { germanPeerSupport, hebrewPeerSpecialists, type BilingualFixture } from '../../../fixtures/align/bilingual-transcripts.ts';

const newId = seededUuidGenerator(seededRandom(5));
const now = () => '2026-12-02T12:00:00.000Z';
const base = synthesizeStudy({ documents: 1, wordsPerDocument: 50, codes: 3, codings: 2, coders: 1, seed: 4 });

const bytes = (lines: readonly string[]) => new TextEncoder().encode(lines.join('\n'));

/** The fixture's translation as a document of the project and its original as the importer reads it. */
async function pairOf(fixture: BilingualFixture) {
  const translationText = await importTranscriptFile('translation.txt', bytes(fixture.translation));
  const document = documentFromImport(translationText, {
    projectId: base.project.id,
    name: fixture.name,
    kind: 'transcript',
    attributes: { siteId: null, phaseId: null, language: fixture.language, date: '', extra: {} },
    sourceFileName: 'translation.txt',
    newId,
    now,
  });
  const snapshot = applyChange(base, { put: { documents: [document] } });
  const imported = await importTranscriptFile('original.txt', bytes(fixture.original));
  return { snapshot, document, imported };
}

const asNumbers = (pairs: readonly { original: { start: number; end: number }; translation: { start: number; end: number } }[]) =>
  pairs.map((pair) => ({ translation: runAsParagraphNumbers(pair.translation), original: runAsParagraphNumbers(pair.original) }));

describe('a document’s original-language transcript', () => {
  it('is imported, aligned as the fixture expects, and stored by a change the integrity check accepts', async () => {
    const { snapshot, document, imported } = await pairOf(germanPeerSupport);
    const original = originalFromImport(document, imported, { language: 'German', sourceFileName: 'original.txt', newId, now });
    expect(original.direction).toBe('ltr');
    expect(original.paragraphs).toHaveLength(germanPeerSupport.original.length);
    expect(asNumbers(original.alignment.pairs)).toEqual(germanPeerSupport.expected);
    const after = applyChange(snapshot, setOriginalChange(snapshot, original));
    expect(checkSnapshotIntegrity(after)).toEqual([]);
    expect(originalOf(after, document.id)?.text).toBe(germanPeerSupport.original.join('\n'));
  });

  it('reads a Hebrew original right to left', async () => {
    const { document, imported } = await pairOf(hebrewPeerSpecialists);
    expect(originalFromImport(document, imported, { language: 'Hebrew', sourceFileName: 'he.txt', newId, now }).direction).toBe('rtl');
    expect(textDirection('Moderator: שלום לכולם, תודה שבאתם היום')).toBe('rtl');
    expect(textDirection('P1: Nakati and Dr. Levi, 10:30')).toBe('ltr');
  });

  it('keeps a user’s correction when aligned again', async () => {
    const { snapshot, document, imported } = await pairOf(germanPeerSupport);
    const original = originalFromImport(document, imported, { language: 'German', sourceFileName: 'original.txt', newId, now });
    let current = applyChange(snapshot, setOriginalChange(snapshot, original));
    const corrected = joinWithNext(original.alignment, 0);
    current = applyChange(current, correctAlignmentChange(original, corrected));
    const stored = originalOf(current, document.id);
    if (!stored) throw new Error('the original is stored');
    expect(stored.alignment.pairs).toHaveLength(original.alignment.pairs.length - 1);
    expect(stored.alignment.fixed).toEqual([corrected.pairs[0]]);
    current = applyChange(current, realignChange(stored, document));
    expect(originalOf(current, document.id)?.alignment.pairs[0]).toEqual(corrected.pairs[0]);
    expect(checkSnapshotIntegrity(current)).toEqual([]);
  });

  it('replaces the document’s earlier original, and undo brings the earlier one back', async () => {
    const { snapshot, document, imported } = await pairOf(germanPeerSupport);
    const first = originalFromImport(document, imported, { language: 'German', sourceFileName: 'a.txt', newId, now });
    const withFirst = applyChange(snapshot, setOriginalChange(snapshot, first));
    const second = originalFromImport(document, imported, { language: 'Deutsch', sourceFileName: 'b.txt', newId, now });
    const change = setOriginalChange(withFirst, second);
    const withSecond = applyChange(withFirst, change);
    expect(withSecond.originals.map((o) => o.language)).toEqual(['Deutsch']);
    expect(applyChange(withSecond, invertChange(withFirst, change)).originals).toEqual(withFirst.originals);
    expect(applyChange(withSecond, removeOriginalChange(second)).originals).toEqual([]);
  });

  it('is refused for a document that is not in the project, and for a file with no text', async () => {
    const { document, imported } = await pairOf(germanPeerSupport);
    const original = originalFromImport(document, imported, { language: 'German', sourceFileName: 'a.txt', newId, now });
    expect(() => setOriginalChange(base, original)).toThrow(/no longer in the project/);
    expect(() => originalFromImport(document, { ...imported, paragraphs: [] }, { language: 'German', sourceFileName: 'empty.txt', newId, now })).toThrow(/holds no text/);
  });
});
