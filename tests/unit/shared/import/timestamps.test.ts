import { describe, expect, it } from 'vitest';
import { findTimestamps, leadingTimestamp } from '#shared/import/timestamps';

describe('findTimestamps', () => {
  const cases: [string, string[]][] = [
    ['[00:21:47] Moderator: Welcome.', ['00:21:47']],
    ['(00:21) P3: Yes.', ['00:21']],
    ['00:21:47 Moderator: Next question.', ['00:21:47']],
    ['P2: It was the supervision [inaudible 00:14:05] that mattered.', ['00:14:05']],
    ['P2: Yes (crosstalk 00:14:05) and no [00:15:10].', ['00:14:05', '00:15:10']],
    ['P2: Then (00:16) we stopped.', ['00:16']],
    ['[01:02:03.250] Moderator: Subtitles-style fraction.', ['01:02:03.250']],
    ['[00:01:00] P1: One [inaudible 00:01:30] two [00:02:00]', ['00:01:00', '00:01:30', '00:02:00']],
  ];
  for (const [paragraph, expected] of cases) {
    it(`lists ${JSON.stringify(expected)} in "${paragraph}"`, () => expect(findTimestamps(paragraph)).toEqual(expected));
  }

  const none = [
    'P3: we met at 10:30 every day.',
    'P3: The ratio was 3:1.',
    'P3: See http://example.org.',
    'P3: (back at 10:30 after lunch)',
    'P3: [laughter]',
    'P3: 12:345 is not a time, nor is 25:99.',
    'Moderator: Welcome.',
  ];
  for (const paragraph of none) {
    it(`lists none in "${paragraph}"`, () => expect(findTimestamps(paragraph)).toEqual([]));
  }
});

describe('leadingTimestamp', () => {
  it('finds a timestamp that opens the text and where the rest begins', () => {
    expect(leadingTimestamp('[00:21:47] Moderator: Hi')).toEqual({ timestamp: '00:21:47', end: 11 });
    expect(leadingTimestamp('00:21:47 - Moderator: Hi')).toEqual({ timestamp: '00:21:47', end: 11 });
    expect(leadingTimestamp('(00:21) P3: Yes')).toEqual({ timestamp: '00:21', end: 8 });
    expect(leadingTimestamp('  [00:01:02] x', 2)).toEqual({ timestamp: '00:01:02', end: 13 });
  });

  it('finds none when the text does not open with one', () => {
    expect(leadingTimestamp('Moderator: at [00:21:47]')).toBeNull();
    expect(leadingTimestamp('10:30am we started')).toBeNull();
  });
});
