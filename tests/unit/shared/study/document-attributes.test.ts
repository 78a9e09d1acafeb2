import { describe, expect, it } from 'vitest';
import { applyChange, invertChange } from '#shared/model/change';
import type { TesseraDocument } from '#shared/model/types';
import { editDocument, editDocumentDetails, editSpeaker, mergeSpeakers, turnsPerSpeaker } from '#shared/study/document-attributes';
import { addSite } from '#shared/study/study-design';
import { expectSound, must } from './expect-sound.ts';
import { projectWithTranscript } from '../fixture-project.ts';

function withNotes() {
  const setup = projectWithTranscript();
  const { change, site } = addSite(setup.snapshot, { code: 'BU', name: 'Butabika' }, setup.newId, setup.now);
  const notes: TesseraDocument = { ...setup.document, id: setup.newId(), name: 'BU_pre_FN', kind: 'field-notes' };
  const snapshot = { ...applyChange(setup.snapshot, change), documents: [setup.document, notes] };
  return { ...setup, snapshot, site, notes };
}

describe('editDocument', () => {
  it('sets site, phase, kind, language, date, free attributes and name, and keeps the text and paragraphs', () => {
    const { snapshot, document, site, now } = withNotes();
    const pre = must(snapshot.phases[0]);
    const change = editDocument(
      snapshot,
      document.id,
      { name: ' BU pre FGD ', siteId: site.id, phaseId: pre.id, language: 'Luganda', date: '2024-03-12', extra: { ' group ': ' nurses ', empty: ' ' } },
      now,
    );
    const next = applyChange(snapshot, change);
    const edited = must(next.documents[0]);
    expect(edited.name).toBe('BU pre FGD');
    expect(edited.attributes).toEqual({ siteId: site.id, phaseId: pre.id, language: 'Luganda', date: '2024-03-12', extra: { group: 'nurses' } });
    expect([edited.text, edited.paragraphs]).toEqual([document.text, document.paragraphs]);
    expectSound(next);
  });

  it('refuses dates that are not real, sites and phases not in the project, and an empty name', () => {
    const { snapshot, document, now } = withNotes();
    expect(() => editDocument(snapshot, document.id, { date: '2024-02-30' }, now)).toThrow('"2024-02-30" is not a date: write it as yyyy-mm-dd, e.g. 2024-03-12.');
    expect(() => editDocument(snapshot, document.id, { date: '12/03/2024' }, now)).toThrow(/is not a date/);
    expect(() => editDocument(snapshot, document.id, { siteId: 'nope' }, now)).toThrow('That site is not in the project.');
    expect(() => editDocument(snapshot, document.id, { phaseId: 'nope' }, now)).toThrow('That phase is not in the project.');
    expect(() => editDocument(snapshot, document.id, { name: '  ' }, now)).toThrow('Give the document a name.');
  });

  it('links field notes to a transcript only, and drops the link when they become a transcript', () => {
    const { snapshot, document, notes, now } = withNotes();
    const linked = applyChange(snapshot, editDocument(snapshot, notes.id, { linkedDocumentId: document.id }, now));
    expect(linked.documents[1]?.linkedDocumentId).toBe(document.id);
    expectSound(linked);
    expect(() => editDocument(snapshot, document.id, { kind: 'field-notes', linkedDocumentId: notes.id }, now)).toThrow(/is not a transcript/);
    expect(() => editDocument(snapshot, notes.id, { linkedDocumentId: notes.id }, now)).toThrow(/another document/);
    const unlinked = applyChange(linked, editDocument(linked, notes.id, { kind: 'transcript' }, now));
    expect(unlinked.documents[1]?.linkedDocumentId).toBeNull();
  });
});

describe('speakers', () => {
  it('renames a speaker and sets role and attributes, leaving the text as written', () => {
    const { snapshot, document, now } = withNotes();
    const p1 = must(document.speakers[1]);
    const next = applyChange(snapshot, editSpeaker(snapshot, document.id, p1.id, { label: 'Participant 1', role: 'participant', attributes: { profession: 'nurse', gender: 'female' } }, now));
    const edited = must(next.documents[0]);
    expect(edited.speakers[1]).toEqual({ id: p1.id, label: 'Participant 1', role: 'participant', attributes: { profession: 'nurse', gender: 'female' } });
    expect(edited.text).toBe(document.text);
    expect(() => editSpeaker(next, document.id, p1.id, { label: 'moderator' }, now)).toThrow('Another speaker of this document is called "Moderator": merge the two instead.');
    expectSound(next);
  });

  it('merges two speakers into one: paragraphs move, the other speaker goes, attributes combine', () => {
    const { snapshot, document, now } = withNotes();
    const [moderator, p1] = document.speakers as [typeof document.speakers[0], typeof document.speakers[0]];
    const tagged = applyChange(snapshot, editSpeaker(snapshot, document.id, p1.id, { attributes: { gender: 'male' } }, now));
    const next = applyChange(tagged, mergeSpeakers(tagged, document.id, p1.id, moderator.id, now));
    const merged = must(next.documents[0]);
    expect(merged.speakers).toEqual([{ ...moderator, attributes: { gender: 'male' } }]);
    expect(merged.paragraphs.map((p) => p.speakerId)).toEqual([moderator.id, moderator.id]);
    expect(turnsPerSpeaker(merged)).toEqual(new Map([[moderator.id, 2]]));
    expectSound(next);
  });

  it('saves the details panel as one change: document fields, merges, then speaker edits; undone in one step', () => {
    const { snapshot, document, site, now } = withNotes();
    const [moderator, p1] = [must(document.speakers[0]), must(document.speakers[1])];
    const change = editDocumentDetails(
      snapshot,
      document.id,
      { siteId: site.id },
      [
        { kind: 'edit', speakerId: moderator.id, edit: { label: 'Facilitator', attributes: { profession: 'psychologist' } } },
        { kind: 'edit', speakerId: p1.id, edit: { label: 'ignored: merged away' } },
        { kind: 'merge', fromId: p1.id, intoId: moderator.id },
      ],
      now,
    );
    expect(change.put?.documents).toHaveLength(1);
    const next = applyChange(snapshot, change);
    const saved = must(next.documents[0]);
    expect(saved.attributes.siteId).toBe(site.id);
    expect(saved.speakers).toEqual([{ id: moderator.id, label: 'Facilitator', role: 'moderator', attributes: { profession: 'psychologist' } }]);
    expectSound(next);
    expect(applyChange(next, invertChange(snapshot, change)).documents[0]).toEqual(document);
  });
});
