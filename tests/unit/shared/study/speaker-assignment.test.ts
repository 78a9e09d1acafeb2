import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyChange, invertChange } from '#shared/model/change';
import { addSpeaker, assignParagraphs, assignParagraphsTo, parseParagraphRange, speakerByLabel } from '#shared/study/speaker-assignment';
import { expectSound, must } from './expect-sound.ts';
import { projectWithTranscript } from '../fixture-project.ts';
import { synthesizeStudy } from '#shared/synth/synthesize-study';
import { buildProjectIndex } from '#shared/index/project-index';
import { retrieveSegments } from '#shared/coding/retrieve-segments';
import { NO_FILTER, withUnknownRoles } from '#shared/coding/segment-filter';
import { speakerTurns } from '#shared/agreement/coded-units';
import { paragraphAt } from '#shared/coding/paragraph-label';
import { seededRandom, seededUuidGenerator, steppingClock } from '#shared/model/ids';

describe('fixing speakers by hand', () => {
  it('adds a speaker and gives it a range of paragraphs, and undo takes both back', () => {
    const { snapshot, newId, now } = projectWithTranscript();
    const document = must(snapshot.documents[0]);
    const added = addSpeaker(snapshot, document.id, { label: ' Nurse  Jane ', role: 'participant' }, newId, now);
    expect(added.speaker).toMatchObject({ label: 'Nurse Jane', role: 'participant', attributes: {} });
    const withSpeaker = applyChange(snapshot, added.change);
    const last = document.paragraphs.length;
    const assign = assignParagraphs(withSpeaker, document.id, { from: last, to: 1 }, added.speaker.id, now);
    const assigned = applyChange(withSpeaker, assign);
    expectSound(assigned);
    expect(must(assigned.documents[0]).paragraphs.every((p) => p.speakerId === added.speaker.id)).toBe(true);
    // Text and numbering never change.
    expect(must(assigned.documents[0]).text).toBe(document.text);
    expect(must(assigned.documents[0]).paragraphs.map((p) => [p.n, p.start, p.end])).toEqual(document.paragraphs.map((p) => [p.n, p.start, p.end]));
    const undone = applyChange(assigned, invertChange(withSpeaker, assign));
    expect(undone.documents[0]?.paragraphs).toEqual(document.paragraphs);
  });

  it('takes a paragraph speaker away, and refuses a taken label, a missing speaker and numbers out of range', () => {
    const { snapshot, newId, now } = projectWithTranscript();
    const document = must(snapshot.documents[0]);
    const spoken = must(document.paragraphs.find((p) => p.speakerId !== null));
    const cleared = applyChange(snapshot, assignParagraphs(snapshot, document.id, { from: spoken.n, to: spoken.n }, null, now));
    expect(must(cleared.documents[0]).paragraphs.find((p) => p.n === spoken.n)?.speakerId).toBeNull();
    const taken = must(document.speakers[0]).label.toUpperCase();
    expect(() => addSpeaker(snapshot, document.id, { label: taken, role: 'unknown' }, newId, now)).toThrow(/already has a speaker/);
    expect(() => assignParagraphs(snapshot, document.id, { from: 0, to: 1 }, null, now)).toThrow(/from 1 to/);
    expect(() => assignParagraphs(snapshot, document.id, { from: 1, to: 1 }, 'nobody', now)).toThrow(/no longer in the document/);
    expect(assignParagraphs(cleared, document.id, { from: spoken.n, to: spoken.n }, null, now)).toEqual({});
  });

  it('changes only the paragraphs of the range, whatever the range', () => {
    const { snapshot, now } = projectWithTranscript();
    const document = must(snapshot.documents[0]);
    const count = document.paragraphs.length;
    const speakerIds = [null, ...document.speakers.map((s) => s.id)];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: count }), fc.integer({ min: 1, max: count }), fc.constantFrom(...speakerIds), (a, b, speakerId) => {
        const next = applyChange(snapshot, assignParagraphs(snapshot, document.id, { from: a, to: b }, speakerId, now));
        expectSound(next);
        const lo = Math.min(a, b);
        const hi = Math.max(a, b);
        must(next.documents[0]).paragraphs.forEach((p, i) => {
          expect(p.speakerId).toBe(p.n >= lo && p.n <= hi ? speakerId : document.paragraphs[i]?.speakerId);
        });
      }),
      { numRuns: 60 },
    );
  });
});

describe('giving paragraphs to a speaker chosen as the app and the CLI choose', () => {
  it('adds a new speaker and gives it the range in one change, which one inversion takes back whole', () => {
    const { snapshot, newId, now } = projectWithTranscript();
    const document = must(snapshot.documents[0]);
    const { change, speakerId } = assignParagraphsTo(snapshot, document.id, { from: 1, to: 2 }, { kind: 'new', label: 'R7', role: 'participant' }, newId, now);
    const next = applyChange(snapshot, change);
    expectSound(next);
    const stored = must(next.documents[0]);
    expect(stored.speakers.map((s) => s.label)).toEqual(['Moderator', 'P1', 'R7']);
    expect(stored.paragraphs.map((p) => p.speakerId)).toEqual([speakerId, speakerId]);
    expect(speakerByLabel(stored, ' r7 ')?.id).toBe(speakerId);
    expect(applyChange(next, invertChange(snapshot, change)).documents[0]).toEqual(document);
  });

  it('gives paragraphs to an existing speaker or to nobody, and refuses a new label the document has', () => {
    const { snapshot, newId, now } = projectWithTranscript();
    const document = must(snapshot.documents[0]);
    const moderator = must(document.speakers[0]);
    const toModerator = assignParagraphsTo(snapshot, document.id, { from: 2, to: 2 }, { kind: 'existing', speakerId: moderator.id }, newId, now);
    expect(must(applyChange(snapshot, toModerator.change).documents[0]).paragraphs.map((p) => p.speakerId)).toEqual([moderator.id, moderator.id]);
    const toNobody = assignParagraphsTo(snapshot, document.id, { from: 1, to: 1 }, { kind: 'none' }, newId, now);
    expect(toNobody.speakerId).toBeNull();
    expect(must(applyChange(snapshot, toNobody.change).documents[0]).paragraphs[0]?.speakerId).toBeNull();
    expect(() => assignParagraphsTo(snapshot, document.id, { from: 1, to: 1 }, { kind: 'new', label: 'moderator', role: 'moderator' }, newId, now)).toThrow(
      /already has a speaker "Moderator"/,
    );
    // A range outside the document adds nothing either.
    expect(() => assignParagraphsTo(snapshot, document.id, { from: 2, to: 3 }, { kind: 'new', label: 'R8', role: 'unknown' }, newId, now)).toThrow(/from 1 to 2/);
  });

  it('reads paragraph numbers as users write them', () => {
    expect(parseParagraphRange('12')).toEqual({ from: 12, to: 12 });
    expect(parseParagraphRange(' 12-15 ')).toEqual({ from: 12, to: 15 });
    expect(parseParagraphRange('15\u201312')).toEqual({ from: 12, to: 15 });
    expect(parseParagraphRange('3 to 4')).toEqual({ from: 3, to: 4 });
    for (const bad of ['', 'x', '1-', '-3', '1,2', '1.5', '1-2-3']) expect(parseParagraphRange(bad)).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 1e6 }), (a, b) => {
        expect(parseParagraphRange(`${a}-${b}`)).toEqual({ from: Math.min(a, b), to: Math.max(a, b) });
      }),
    );
  });
});

describe('what follows a speaker assigned by hand', () => {
  it('retrieval by speaker and role, the unknown-role count, and speaker turns follow the new assignment; citations stay', () => {
    const study = synthesizeStudy({ documents: 2, wordsPerDocument: 400, codes: 5, codings: 60, coders: 1, seed: 4 });
    const coding = must(study.codings[0]);
    const document = must(study.documents.find((d) => d.id === coding.documentId));
    const paragraph = must(paragraphAt(document.paragraphs, coding.start));
    const query = (filter = NO_FILTER) => ({ codeIds: [coding.codeId], filter, order: 'document' as const });
    const segmentOf = (snapshot: typeof study, filter = NO_FILTER) =>
      retrieveSegments(buildProjectIndex(snapshot), snapshot, query(filter)).find((segment) => segment.coding.id === coding.id);
    const before = must(segmentOf(study));
    const newId = seededUuidGenerator(seededRandom(3));
    const now = steppingClock('2027-01-01T09:00:00.000Z');

    // Given to a new participant: retrieved with that speaker under a participants filter, with the same citation.
    const given = applyChange(study, assignParagraphsTo(study, document.id, { from: paragraph.n, to: paragraph.n }, { kind: 'new', label: 'Nurse Z', role: 'participant' }, newId, now).change);
    const participants = { ...NO_FILTER, speakerRoles: ['participant' as const] };
    const asParticipant = must(segmentOf(given, participants));
    expect(asParticipant.speaker?.label).toBe('Nurse Z');
    expect(asParticipant.citation).toBe(before.citation);

    // Taken away: the participants filter leaves it out, and the count of what an unknown role leaves out includes it.
    const taken = applyChange(given, assignParagraphsTo(given, document.id, { from: paragraph.n, to: paragraph.n }, { kind: 'none' }, newId, now).change);
    expect(segmentOf(taken, participants)).toBeUndefined();
    expect(segmentOf(taken, must(withUnknownRoles(participants)))?.speaker).toBeNull();

    // Turns: a paragraph with no speaker is a turn of its own; one given to the speaker before it joins that turn.
    const stored = (snapshot: typeof study) => must(snapshot.documents.find((d) => d.id === document.id));
    const turnOf = (snapshot: typeof study, n: number) => speakerTurns(stored(snapshot).paragraphs).turnOf[n - 1];
    const n = must(stored(taken).paragraphs.find((p, i) => i > 0 && stored(taken).paragraphs[i - 1]?.speakerId)).n;
    const speakerBefore = must(stored(taken).paragraphs[n - 2]?.speakerId);
    const alone = applyChange(taken, assignParagraphsTo(taken, document.id, { from: n, to: n }, { kind: 'none' }, newId, now).change);
    expect(turnOf(alone, n)).not.toBe(turnOf(alone, n - 1));
    const joined = applyChange(alone, assignParagraphsTo(alone, document.id, { from: n, to: n }, { kind: 'existing', speakerId: speakerBefore }, newId, now).change);
    expect(turnOf(joined, n)).toBe(turnOf(joined, n - 1));
  });
});
