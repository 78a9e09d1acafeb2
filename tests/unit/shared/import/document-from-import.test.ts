import { describe, expect, it } from 'vitest';
import { documentFromImport } from '#shared/import/document-from-import';
import { importPlainText } from '#shared/import/plain-text';
import { importTranscriptFile } from '#shared/import/import-file';
import { boldLabelTranscript } from '../../../fixtures/docx/docx-fixtures.ts';
import { seededRandom, seededUuidGenerator, steppingClock } from '#shared/model/ids';
import { checkSnapshotIntegrity, documentSchema } from '#shared/model/schema';
import type { Project } from '#shared/model/types';
import { stampsAt } from '#shared/model/stamps';
import { emptySnapshot } from '#shared/model/change';

const PROJECT_ID = '3cb15df7-b247-4ad9-a082-19a28716831a';

function importSample() {
  const imported = importPlainText(
    'BU_pre_FGD.txt',
    new TextEncoder().encode('[00:00:05] Moderator: Welcome 😀\nP1: Hello\nMODERATOR: Next\n[laughter]'),
  );
  const document = documentFromImport(imported, {
    projectId: PROJECT_ID,
    name: 'BU_pre_FGD',
    kind: 'transcript',
    attributes: { siteId: null, phaseId: null, language: 'Luganda', date: '2024-03-12', extra: {} },
    sourceFileName: 'BU_pre_FGD.txt',
    newId: seededUuidGenerator(seededRandom(1)),
    now: steppingClock('2026-01-01T09:00:00.000Z'),
  });
  return { imported, document };
}

describe('documentFromImport', () => {
  it('gives speakers ids and makes paragraphs refer to them', () => {
    const { document } = importSample();
    expect(document.speakers.map((s) => [s.label, s.role])).toEqual([
      ['Moderator', 'moderator'],
      ['P1', 'participant'],
    ]);
    const [moderator, p1] = document.speakers;
    expect(document.paragraphs.map((p) => p.speakerId)).toEqual([moderator?.id, p1?.id, moderator?.id, null]);
    expect(new Set([document.id, moderator?.id, p1?.id]).size).toBe(3);
  });

  it('keeps text, offsets, timestamps and source, and measures the length in code points', () => {
    const { imported, document } = importSample();
    expect(document.text).toBe(imported.text);
    expect(document.length).toBe([...imported.text].length);
    expect(document.length).toBe(imported.text.length - 1);
    expect(document.paragraphs.map((p) => [p.n, p.start, p.end, p.utteranceStart, p.timestamps])).toEqual(
      imported.paragraphs.map((p) => [p.n, p.start, p.end, p.utteranceStart, p.timestamps]),
    );
    expect(document.source).toEqual({
      fileName: 'BU_pre_FGD.txt',
      format: 'txt',
      encoding: 'utf-8',
      importedAt: '2026-01-01T09:00:00.000Z',
    });
    expect(document.createdAt).toBe(document.source.importedAt);
    expect(document.linkedDocumentId).toBeNull();
  });

  it('makes a document that passes the schema and the integrity check', () => {
    const { document } = importSample();
    expect(documentSchema.safeParse(document).success).toBe(true);
    const project: Project = { id: PROJECT_ID, name: 'Study', description: '', codebooks: [], ...stampsAt('2026-01-01T08:00:00.000Z') };
    expect(checkSnapshotIntegrity({ ...emptySnapshot(project), documents: [document] })).toEqual([]);
  });

  it('keeps a heading\'s level on its paragraph; body paragraphs and records without one are body text', async () => {
    const imported = await importTranscriptFile('BU_pre_FGD_EN.docx', await boldLabelTranscript());
    const document = documentFromImport(imported, {
      projectId: PROJECT_ID,
      name: 'BU_pre_FGD_EN',
      kind: 'transcript',
      attributes: { siteId: null, phaseId: null, language: 'English', date: '', extra: {} },
      sourceFileName: 'BU_pre_FGD_EN.docx',
      newId: seededUuidGenerator(seededRandom(2)),
      now: steppingClock('2026-01-01T09:00:00.000Z'),
    });
    expect(document.paragraphs.filter((p) => p.headingLevel !== undefined).map((p) => [p.n, p.headingLevel])).toEqual([
      [1, 1],
      [2, 2],
      [9, 2],
    ]);
    expect(documentSchema.safeParse(document).success).toBe(true);
    // A paragraph stored before headings were kept has no level, and still reads.
    const { document: plainDocument } = importSample();
    expect(plainDocument.paragraphs.some((p) => 'headingLevel' in p)).toBe(false);
    expect(documentSchema.safeParse(plainDocument).success).toBe(true);
    const bad = { ...document, paragraphs: document.paragraphs.map((p) => (p.n === 1 ? { ...p, headingLevel: 7 } : p)) };
    expect(documentSchema.safeParse(bad).success).toBe(false);
  });
});
