import { describe, expect, it } from 'vitest';
import { guessSpeakerRole, matchSpeakerLabel, speakerKey } from '#shared/import/speaker-label';

describe('matchSpeakerLabel', () => {
  const cases: [string, string, number, boolean][] = [
    // paragraph, label, utteranceStart (UTF-16), names a role
    ['Moderator: Welcome.', 'Moderator', 11, true],
    ['MODERATOR: Welcome.', 'MODERATOR', 11, true],
    ['P3: Yes.', 'P3', 4, true],
    ['P3:   Yes.', 'P3', 6, true],
    ['Participant 2: I agree.', 'Participant 2', 15, true],
    ['Participant 2 – I agree.', 'Participant 2', 16, true],
    ['Participant 2 - I agree.', 'Participant 2', 16, true],
    ['Participant 2 — I agree.', 'Participant 2', 16, true],
    ['R1: Sometimes.', 'R1', 4, true],
    ['FGD participant 4: We met.', 'FGD participant 4', 19, true],
    ['Facilitator: Next.', 'Facilitator', 13, true],
    ['Note-taker: [laughter]', 'Note-taker', 12, true],
    ['Interviewer: Why?', 'Interviewer', 13, true],
    ['Respondent 3: Because.', 'Respondent 3', 14, true],
    ['Assistant moderator: Tea is ready.', 'Assistant moderator', 21, true],
    ['Moderator (Sarah): Welcome.', 'Moderator (Sarah)', 19, true],
    ['[00:21:47] P3: Yes.', 'P3', 15, true],
    ['00:21:47 Moderator: Next.', 'Moderator', 20, true],
    ['P3 [00:21:47]: Yes.', 'P3', 15, true],
    ['  P3: Yes.', 'P3', 6, true],
    ['Moderator:', 'Moderator', 10, true],
    ['Sarah: I agree.', 'Sarah', 7, false],
    ['Dr. Okello: The ward is full.', 'Dr. Okello', 12, false],
    ['מנחה: שלום לכולם', 'מנחה', 6, true],
    // Only a candidate: a name-like label is taken by the caller when it opens two or more paragraphs.
    ['Sometimes – it works.', 'Sometimes', 12, false],
    ['P3:hello', 'P3', 3, true],
  ];
  for (const [paragraph, label, utteranceStart, isRoleLabel] of cases) {
    it(`finds "${label}" in "${paragraph}"`, () => {
      expect(matchSpeakerLabel(paragraph)).toEqual({ label, utteranceStart, isRoleLabel });
    });
  }

  const notLabels = [
    'Note: it was raining',
    'Date: 12 March 2024',
    'Venue: community hall',
    '10:30 we started late.',
    'At 10:30 the group began.',
    'See http://example.org for the guide.',
    'http://example.org',
    'And then she said: no way.',
    'I said: come back tomorrow.',
    'We met the nurses at the ward and they said: welcome.',
    'The ratio was 3:1 in favour.',
    'Participants: 8 women',
    'the nurses told us: wait',
    'P3 said that the training helped.',
    'Well, I think: maybe.',
    'P3:10 was the score.',
    'Moderator- no space before the dash',
  ];
  for (const paragraph of notLabels) {
    it(`finds no label in "${paragraph}"`, () => {
      expect(matchSpeakerLabel(paragraph)).toBeNull();
    });
  }
});

describe('guessSpeakerRole', () => {
  const roles: [string, string][] = [
    ['Moderator', 'moderator'],
    ['MODERATOR', 'moderator'],
    ['Co-facilitator', 'moderator'],
    ['Facilitator', 'moderator'],
    ['Interviewer', 'moderator'],
    ['Moderator B', 'moderator'],
    ['Assistant', 'assistant'],
    ['Assistant moderator', 'assistant'],
    ['Note-taker', 'assistant'],
    ['Note taker', 'assistant'],
    ['Observer', 'assistant'],
    ['Interpreter', 'assistant'],
    ['P3', 'participant'],
    ['P 12', 'participant'],
    ['R1', 'participant'],
    ['Participant', 'participant'],
    ['Participant 2', 'participant'],
    ['FGD participant 4', 'participant'],
    ['Female participant 3', 'participant'],
    ['Respondent 3', 'participant'],
    ['P3 (female, 34)', 'participant'],
    ['Sarah', 'unknown'],
    ['Dr Okello', 'unknown'],
    ['Participants', 'unknown'],
    ['Peer support worker 2', 'unknown'],
  ];
  for (const [label, role] of roles) {
    it(`"${label}" is ${role}`, () => expect(guessSpeakerRole(label)).toBe(role));
  }
});

describe('speakerKey', () => {
  it('treats labels that differ in case and spacing as one speaker, others not', () => {
    expect(speakerKey('MODERATOR')).toBe(speakerKey('Moderator'));
    expect(speakerKey('Participant  2')).toBe(speakerKey('participant 2'));
    expect(speakerKey('P2')).not.toBe(speakerKey('Participant 2'));
  });
});

describe('short labels and group answers (table transcripts)', () => {
  const roles: [string, string][] = [
    ['INT', 'moderator'],
    ['FAC', 'moderator'],
    ['FAC2', 'moderator'],
    ['M', 'moderator'],
    ['F', 'moderator'],
    ['NT', 'assistant'],
    ['F2', 'participant'],
    ['M3', 'participant'],
    ['N3', 'participant'],
    ['PSW2', 'participant'],
    ['CHW1', 'participant'],
    ['R12', 'participant'],
    ['All', 'group'],
    ['ALL', 'group'],
    ['Several', 'group'],
    ['Several participants', 'group'],
    ['All (laughing)', 'group'],
    ['R2 & R4', 'group'],
    ['P1 and P3', 'group'],
    ['P1, P2', 'group'],
    ['P2/P4', 'group'],
    ['Q1', 'unknown'],
    ['Speaker 2', 'unknown'],
    ['Psw2', 'unknown'],
  ];
  for (const [label, role] of roles) {
    it(`"${label}" is ${role}`, () => expect(guessSpeakerRole(label)).toBe(role));
  }

  it('finds several speakers named together in running text, as one group label', () => {
    expect(matchSpeakerLabel('R2 & R4: Yes, both of us.')).toEqual({ label: 'R2 & R4', utteranceStart: 9, isRoleLabel: true });
    expect(matchSpeakerLabel('All: [laughter]')).toEqual({ label: 'All', utteranceStart: 5, isRoleLabel: true });
    expect(matchSpeakerLabel('Q1: What do you expect?')?.isRoleLabel).toBe(false);
  });
});
