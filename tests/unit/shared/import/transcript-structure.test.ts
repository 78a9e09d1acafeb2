import { describe, expect, it } from 'vitest';
import { recogniseTranscript } from '#shared/import/transcript-structure';

describe('recogniseTranscript', () => {
  it('takes a list of raw paragraphs, as a Word importer will give it', () => {
    const result = recogniseTranscript(['Moderator: Welcome.', '', 'P1: Thank you.  ', 'P2 – Hello 😀', '[laughter]']);
    expect(result.text).toBe('Moderator: Welcome.\nP1: Thank you.\nP2 – Hello 😀\n[laughter]');
    expect(result.paragraphs).toEqual([
      { n: 1, start: 0, end: 19, utteranceStart: 11, speakerLabel: 'Moderator', timestamps: [] },
      { n: 2, start: 20, end: 34, utteranceStart: 24, speakerLabel: 'P1', timestamps: [] },
      { n: 3, start: 35, end: 47, utteranceStart: 40, speakerLabel: 'P2', timestamps: [] },
      { n: 4, start: 48, end: 58, utteranceStart: 48, speakerLabel: null, timestamps: [] },
    ]);
  });

  it('splits a raw paragraph at paragraph breaks, and keeps a line separator (a soft line break) inside its paragraph', () => {
    const result = recogniseTranscript(['P1: one\r\ntwo\u2029three\u2028four']);
    expect(result.text).toBe('P1: one\ntwo\nthree\u2028four');
    expect(result.paragraphs.map((p) => p.speakerLabel)).toEqual(['P1', null, null]);
    expect(result.paragraphs[2]).toMatchObject({ start: 12, end: 22 });
  });

  it('counts code points after astral characters in a label line', () => {
    const result = recogniseTranscript(['😀😀 intro', 'Moderator: 😀 hi']);
    expect(result.paragraphs[1]).toEqual({ n: 2, start: 9, end: 24, utteranceStart: 20, speakerLabel: 'Moderator', timestamps: [] });
  });

  it('takes a name label only when it opens two or more paragraphs', () => {
    const once = recogniseTranscript(['Sarah: I agree.', 'Moderator: Thank you.']);
    expect(once.paragraphs.map((p) => p.speakerLabel)).toEqual([null, 'Moderator']);
    const twice = recogniseTranscript(['Sarah: I agree.', 'Moderator: Thank you.', 'SARAH: Me too.']);
    expect(twice.paragraphs.map((p) => p.speakerLabel)).toEqual(['Sarah', 'Moderator', 'Sarah']);
    expect(twice.speakers).toEqual([
      { label: 'Sarah', role: 'unknown' },
      { label: 'Moderator', role: 'moderator' },
    ]);
  });

  it('does not take headings or notes as speakers, however often they occur', () => {
    const result = recogniseTranscript(['Note: it was raining', 'P1: Yes.', 'Note: the recorder stopped', 'Time: 10:30']);
    expect(result.paragraphs.map((p) => p.speakerLabel)).toEqual([null, 'P1', null, null]);
    expect(result.speakers).toEqual([{ label: 'P1', role: 'participant' }]);
  });

  it('gives an empty text for no lines', () => {
    expect(recogniseTranscript([])).toEqual({ text: '', paragraphs: [], speakers: [], unattributed: [], notes: [] });
    expect(recogniseTranscript(['', '  '])).toEqual({ text: '', paragraphs: [], speakers: [], unattributed: [], notes: [] });
  });

  it('takes a label the layout sets apart even when it names nobody and occurs once', () => {
    const result = recogniseTranscript([{ text: 'Sarah: I agree.', layoutLabel: { label: 'Sarah', utteranceStart: 7 } }, 'Anna: no.']);
    expect(result.paragraphs.map((p) => [p.speakerLabel, p.utteranceStart])).toEqual([
      ['Sarah', 7],
      [null, 16],
    ]);
  });

  it('never gives a heading or a note a speaker, and a heading ends an open turn', () => {
    const result = recogniseTranscript([
      'Moderator:',
      'Welcome.',
      { text: 'Topic 2: Barriers', role: 'heading' },
      'More text.',
      { text: '[1] Translator: a note', role: 'note' },
    ]);
    expect(result.paragraphs.map((p) => p.speakerLabel)).toEqual(['Moderator', 'Moderator', null, null, null]);
  });

  it('lets a label on a line of its own open a turn that the unlabelled lines after it continue', () => {
    const result = recogniseTranscript(['Moderator:', 'Welcome everyone.', 'Shall we start?', 'P1: Yes.', '[laughter]']);
    expect(result.paragraphs.map((p) => [p.speakerLabel, p.utteranceStart - p.start])).toEqual([
      ['Moderator', 10],
      ['Moderator', 0],
      ['Moderator', 0],
      ['P1', 4],
      // After a turn with its own text, an unlabelled note is nobody's.
      [null, 0],
    ]);
  });

  it('continues the turn of the paragraph before for paragraphs marked so (more paragraphs of a table row)', () => {
    const result = recogniseTranscript([
      { text: 'P1: First.', layoutLabel: { label: 'P1', utteranceStart: 4 } },
      { text: 'Second.', continuesTurn: true },
      { text: 'Third.', continuesTurn: true },
    ]);
    expect(result.paragraphs.map((p) => p.speakerLabel)).toEqual(['P1', 'P1', 'P1']);
  });

  it('joins a line that is only a timestamp to the turn after it', () => {
    const result = recogniseTranscript(['[00:21:47]', 'P3: Yes.', '00:22:10', '(00:23)', 'P1: No.', '[00:30:00]']);
    expect(result.text).toBe('[00:21:47] P3: Yes.\n00:22:10\n(00:23) P1: No.\n[00:30:00]');
    expect(result.paragraphs.map((p) => [p.speakerLabel, p.timestamps])).toEqual([
      ['P3', ['00:21:47']],
      [null, ['00:22:10']],
      ['P1', ['00:23']],
      [null, ['00:30:00']],
    ]);
  });

  it('keeps no-break spaces as delivered, and finds labels and dashes after them', () => {
    const result = recogniseTranscript(['P3:\u00a0Yes\u202fplease.', 'Participant 2\u00a0– Hello']);
    expect(result.text).toBe('P3:\u00a0Yes\u202fplease.\nParticipant 2\u00a0– Hello');
    expect(result.paragraphs.map((p) => [p.speakerLabel, p.utteranceStart - p.start])).toEqual([
      ['P3', 4],
      ['Participant 2', 16],
    ]);
  });
});
