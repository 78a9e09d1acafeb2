/**
 * A small real project for unit tests of shared/: one transcript with two paragraphs, built with the same
 * functions the app uses, deterministic ids and clock.
 */
import { newProject } from '#shared/model/new-project';
import { seededRandom, seededUuidGenerator, steppingClock } from '#shared/model/ids';
import type { Clock, IdGenerator } from '#shared/model/ids';
import type { ProjectSnapshot, TesseraDocument } from '#shared/model/types';
import { stampsAt } from '#shared/model/stamps';

/** Deterministic ids and clock for a test. */
export function testIds(seed = 7): { newId: IdGenerator; now: Clock } {
  return { newId: seededUuidGenerator(seededRandom(seed)), now: steppingClock('2026-01-01T09:00:00.000Z') };
}

/** "Moderator: How did it go?\nP1: It went well 😀 really." with paragraph ranges in code points. */
export function projectWithTranscript(): { snapshot: ProjectSnapshot; document: TesseraDocument; newId: IdGenerator; now: Clock } {
  const { newId, now } = testIds();
  const base = newProject({ name: 'Test study', coderName: 'Ada Lovelace' }, newId, now);
  const text = 'Moderator: How did it go?\nP1: It went well 😀 really.';
  const moderator = newId();
  const p1 = newId();
  const document: TesseraDocument = {
    id: newId(),
    projectId: base.project.id,
    name: 'BU_pre_FGD',
    kind: 'transcript',
    attributes: { siteId: null, phaseId: null, language: 'Luganda', date: '', extra: {} },
    paragraphs: [
      { n: 1, start: 0, end: 25, utteranceStart: 11, speakerId: moderator, timestamps: [] },
      { n: 2, start: 26, end: 52, utteranceStart: 30, speakerId: p1, timestamps: [] },
    ],
    speakers: [
      { id: moderator, label: 'Moderator', role: 'moderator', attributes: {} },
      { id: p1, label: 'P1', role: 'participant', attributes: {} },
    ],
    source: { fileName: 'BU_pre_FGD.txt', format: 'txt', encoding: 'utf-8', importedAt: now() },
    linkedDocumentId: null,
    length: [...text].length,
    ...stampsAt(now()),
    text,
  };
  return { snapshot: { ...base, documents: [document] }, document, newId, now };
}
