import { describe, expect, it } from 'vitest';
import { HeadingLevel, Paragraph } from 'docx';
import { importTranscriptFile } from '#shared/import/import-file';
import type { ImportedText } from '#shared/import/imported-text';
import { matchTurnHeader } from '#shared/import/speaker-label';
import { recogniseTranscript } from '#shared/import/transcript-structure';
import { sliceCodePoints } from '#shared/text/code-points';
import { docxBytes, plain } from '../../../fixtures/docx/docx-fixtures.ts';

/** Each paragraph as [n, speaker, text, timestamps]. */
function turns(imported: Pick<ImportedText, 'text' | 'paragraphs'>): [number, string | null, string, readonly string[]][] {
  return imported.paragraphs.map((p) => [p.n, p.speakerLabel, sliceCodePoints(imported.text, p.start, p.end), p.timestamps]);
}

describe('matchTurnHeader', () => {
  const headers: [string, string, string][] = [
    ['Speaker 2  0:15', 'Speaker 2', '0:15'],
    ['Jane Doe 00:01:23', 'Jane Doe', '00:01:23'],
    ['Interviewer [00:02]', 'Interviewer', '00:02'],
    ['Moderator (00:02:10)', 'Moderator', '00:02:10'],
    ['00:00:05 Speaker 1', 'Speaker 1', '00:00:05'],
    ['Jane\u00a0Doe\u00a0\u00a012:03', 'Jane\u00a0Doe', '12:03'],
  ];
  for (const [line, label, timestamp] of headers) {
    it(`reads "${line}"`, () => expect(matchTurnHeader(line)).toMatchObject({ label, timestamp }));
  }
  for (const line of ['We met at 10:30', 'Moderator: we start at 10:30', 'The ratio was 3:1', 'Duration 45:00', 'Speaker 2 0:15 and then more']) {
    it(`finds no header in "${line}"`, () => expect(matchTurnHeader(line)).toBeNull());
  }
});

const OTTER = [
  'Speaker 1  0:00',
  'Thanks for joining. Can everyone hear me?',
  '',
  'Jane Doe  0:09',
  'Yes, loud and clear.',
  'I had a question first.',
  '',
  'Speaker 1  0:15',
  'Go ahead.',
  '',
  'Jane Doe  1:02:07',
  'Thanks.',
  '',
].join('\n');

describe('a recording transcript as a text file (Otter, Zoom)', () => {
  it('gives each turn the speaker and time of its header, and keeps the turn paragraphs together', async () => {
    const imported = await importTranscriptFile('otter.txt', new TextEncoder().encode(OTTER));
    expect(turns(imported)).toEqual([
      [1, 'Speaker 1', 'Speaker 1  0:00', ['0:00']],
      [2, 'Speaker 1', 'Thanks for joining. Can everyone hear me?', []],
      [3, 'Jane Doe', 'Jane Doe  0:09', ['0:09']],
      [4, 'Jane Doe', 'Yes, loud and clear.', []],
      [5, 'Jane Doe', 'I had a question first.', []],
      [6, 'Speaker 1', 'Speaker 1  0:15', ['0:15']],
      [7, 'Speaker 1', 'Go ahead.', []],
      [8, 'Jane Doe', 'Jane Doe  1:02:07', ['1:02:07']],
      [9, 'Jane Doe', 'Thanks.', []],
    ]);
    expect(imported.speakers).toEqual([
      { label: 'Speaker 1', role: 'unknown' },
      { label: 'Jane Doe', role: 'unknown' },
    ]);
    // The header is all label: the utterance starts after it.
    expect(imported.paragraphs[0]?.utteranceStart).toBe(imported.paragraphs[0]?.end);
  });

  it('takes a header of a speaker heard once when the document is in that layout, and time-first headers', () => {
    const result = recogniseTranscript(['00:00:01 Speaker 1', 'Hello.', '00:00:04 Speaker 2', 'Hi.', '00:00:09 Speaker 1', 'Welcome.', '00:00:12 Speaker 3', 'Late, sorry.']);
    expect(result.paragraphs.map((p) => [p.speakerLabel, p.timestamps])).toEqual([
      ['Speaker 1', ['00:00:01']],
      ['Speaker 1', []],
      ['Speaker 2', ['00:00:04']],
      ['Speaker 2', []],
      ['Speaker 1', ['00:00:09']],
      ['Speaker 1', []],
      ['Speaker 3', ['00:00:12']],
      ['Speaker 3', []],
    ]);
  });

  it('does not take a lone name-and-time line of field notes for a speaker', () => {
    const result = recogniseTranscript(['Arrival 09:30', 'The room was full.', 'Lunch 12:00', 'We ate together.']);
    expect(result.speakers).toEqual([]);
  });
});

describe('a recording transcript as a Word document (Teams, Word Transcribe)', () => {
  it('recognises name-and-time headers in Word paragraphs, and a role header heard once', async () => {
    const bytes = await docxBytes([
      new Paragraph({ text: 'Focus group BU post', heading: HeadingLevel.TITLE }),
      plain('Interviewer [00:02]'),
      plain('Welcome back, everyone.'),
      plain('Jane Doe   00:01:23'),
      plain('It changed how we work.'),
      plain('Okello Peter   00:02:40'),
      plain('For us too.'),
      plain('Jane Doe   00:03:05'),
      plain('Yes.'),
      plain('Okello Peter   00:03:30'),
      plain('Agreed.'),
    ]);
    const imported = await importTranscriptFile('teams.docx', bytes);
    expect(turns(imported)).toEqual([
      [1, null, 'Focus group BU post', []],
      [2, 'Interviewer', 'Interviewer [00:02]', ['00:02']],
      [3, 'Interviewer', 'Welcome back, everyone.', []],
      [4, 'Jane Doe', 'Jane Doe   00:01:23', ['00:01:23']],
      [5, 'Jane Doe', 'It changed how we work.', []],
      [6, 'Okello Peter', 'Okello Peter   00:02:40', ['00:02:40']],
      [7, 'Okello Peter', 'For us too.', []],
      [8, 'Jane Doe', 'Jane Doe   00:03:05', ['00:03:05']],
      [9, 'Jane Doe', 'Yes.', []],
      [10, 'Okello Peter', 'Okello Peter   00:03:30', ['00:03:30']],
      [11, 'Okello Peter', 'Agreed.', []],
    ]);
    expect(imported.speakers.map((s) => [s.label, s.role])).toEqual([
      ['Interviewer', 'moderator'],
      ['Jane Doe', 'unknown'],
      ['Okello Peter', 'unknown'],
    ]);
  });
});
