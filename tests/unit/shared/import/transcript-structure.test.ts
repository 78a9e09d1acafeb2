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

  it('splits a raw paragraph that holds line breaks into one paragraph per line', () => {
    const result = recogniseTranscript(['P1: one\r\ntwo\u2028three']);
    expect(result.text).toBe('P1: one\ntwo\nthree');
    expect(result.paragraphs.map((p) => p.speakerLabel)).toEqual(['P1', null, null]);
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
    expect(recogniseTranscript([])).toEqual({ text: '', paragraphs: [], speakers: [] });
    expect(recogniseTranscript(['', '  '])).toEqual({ text: '', paragraphs: [], speakers: [] });
  });
});
