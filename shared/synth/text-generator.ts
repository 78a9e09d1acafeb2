/**
 * Generates the raw paragraphs of synthetic focus-group transcripts and field notes, remembering where each sentence
 * stands so that synthetic codings can cover a sentence, a few sentences, an utterance or several paragraphs, as a
 * human coder would.
 */
import { codePointLength } from '../text/code-points.ts';
import {
  ACTIONS,
  COMMON_QUESTIONS,
  CONTEXTS,
  DELAYS,
  FEELINGS,
  FIELD_NOTE_REMARKS,
  FIELD_NOTE_SENTENCES,
  FUTURE_VERBS,
  GERUNDS,
  OPENERS,
  PAST_VERBS,
  PATTERNS,
  PERSONS,
  POST_QUESTIONS,
  PRE_QUESTIONS,
  PROBES,
  ROOMS,
  STORIES,
  SUBJECTS,
  TAILS,
  TOPICS,
  TRANSCRIBER_NOTES,
} from './word-lists.ts';

/** A seeded source of choices. */
export interface Chooser {
  /** A number in [0, 1). */
  readonly random: () => number;
  /** An integer in [min, max]. */
  readonly between: (min: number, max: number) => number;
  /** One element of a non-empty list. */
  readonly pick: <T>(list: readonly T[]) => T;
  /** True with probability `p`. */
  readonly chance: (p: number) => boolean;
}

/** Wraps a random source into the choices the generators use. */
export function chooser(random: () => number): Chooser {
  const between = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  return {
    random,
    between,
    pick: <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T,
    chance: (p: number) => random() < p,
  };
}

/** One generated paragraph: its raw text and where its sentences stand (code points from the paragraph start). */
export interface GeneratedParagraph {
  readonly text: string;
  /** The speaker label the paragraph opens with ("Moderator", "P3"), or null. */
  readonly speaker: string | null;
  /** Whether the paragraph is talk worth coding (a participant's turn or a field-note observation). */
  readonly substantive: boolean;
  /** Sentence ranges in code points relative to the paragraph start, start inclusive, end exclusive. */
  readonly sentences: readonly { readonly start: number; readonly end: number }[];
}

/** What a generated document is about. */
export interface GenerationContext {
  readonly siteName: string;
  readonly phase: 'pre' | 'post';
  readonly group: string;
  readonly targetWords: number;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function clock(seconds: number): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(Math.floor(seconds) % 60)}`;
}

function countWords(text: string): number {
  let words = 1;
  for (let i = text.indexOf(' '); i !== -1; i = text.indexOf(' ', i + 1)) words++;
  return words;
}

/** A sentence of participant talk; tense follows the phase (expectations before, experience after). */
function participantSentence(choose: Chooser, phase: 'pre' | 'post'): string {
  if (choose.chance(0.25)) {
    return choose
      .pick(PATTERNS)
      .replace('{gerund}', choose.pick(GERUNDS))
      .replace('{context}', choose.pick(CONTEXTS))
      .replace('{feeling}', choose.pick(FEELINGS))
      .replace('{topic}', choose.pick(TOPICS))
      .replace('{person}', choose.pick(PERSONS))
      .replace('{story}', choose.pick(STORIES))
      .replace('{tail}', choose.pick(TAILS));
  }
  const opener = choose.pick(OPENERS);
  const subject = choose.pick(SUBJECTS);
  const verb = choose.pick(phase === 'pre' ? FUTURE_VERBS : PAST_VERBS);
  const body = `${subject} ${verb} ${choose.pick(ACTIONS)}${choose.pick(CONTEXTS)}${choose.pick(TAILS)}.`;
  return opener ? `${opener}${body}` : capitalise(body);
}

/** Builds a paragraph from a prefix and sentences, recording each sentence's code-point range. */
function assemble(prefix: string, sentences: readonly string[], speaker: string | null, substantive: boolean): GeneratedParagraph {
  let offset = codePointLength(prefix);
  const ranges: { start: number; end: number }[] = [];
  for (const sentence of sentences) {
    const length = codePointLength(sentence);
    ranges.push({ start: offset, end: offset + length });
    offset += length + 1;
  }
  return { text: prefix + sentences.join(' '), speaker, substantive, sentences: ranges };
}

/** A focus-group transcript: a heading, then moderator questions and probes answered by participants P1..Pn. */
export function generateTranscript(choose: Chooser, context: GenerationContext): GeneratedParagraph[] {
  const paragraphs: GeneratedParagraph[] = [];
  const phaseName = context.phase === 'pre' ? 'before implementation' : 'after implementation';
  paragraphs.push(assemble('', [`Focus group discussion with ${context.group}, ${context.siteName}, ${phaseName}`], null, false));
  const participants = choose.between(5, 8);
  const questions = [...(context.phase === 'pre' ? PRE_QUESTIONS : POST_QUESTIONS), ...COMMON_QUESTIONS];
  let words = 0;
  let seconds = choose.between(20, 90);
  let turn = 0;
  while (words < context.targetWords) {
    // A question, sometimes stamped with the recording time, then a run of answers with the odd probe between.
    const question = turn === 0 ? 'Welcome, and thank you for coming. Let us start with a round of introductions.' : choose.pick(questions);
    const stamp = turn === 0 || choose.chance(0.3) ? `[${clock(seconds)}] ` : '';
    const moderator = assemble(`${stamp}Moderator: `, [question], 'Moderator', false);
    paragraphs.push(moderator);
    words += countWords(question) + 1;
    turn++;
    const answers = choose.between(2, 5);
    let previousSpeaker = 0;
    for (let a = 0; a < answers && words < context.targetWords; a++) {
      // Another participant than the one who just spoke (turns of one speaker are one paragraph).
      let number = choose.between(1, participants);
      if (number === previousSpeaker) number = (number % participants) + 1;
      previousSpeaker = number;
      const speaker = `P${number}`;
      const sentences: string[] = [];
      const count = choose.between(1, 6);
      for (let s = 0; s < count; s++) {
        let sentence = participantSentence(choose, context.phase);
        if (choose.chance(0.04)) {
          const note = choose.pick(TRANSCRIBER_NOTES).replace('{time}', clock(seconds + words * 0.4));
          sentence = `${sentence} ${note}`;
        }
        sentences.push(sentence);
        words += countWords(sentence);
      }
      paragraphs.push(assemble(`${speaker}: `, sentences, speaker, true));
      words += 1;
      if (choose.chance(0.2) && words < context.targetWords) {
        const probe = choose.pick(PROBES);
        paragraphs.push(assemble('Moderator: ', [probe], 'Moderator', false));
        words += countWords(probe) + 1;
      }
    }
    seconds = Math.max(seconds, Math.round(words * 0.4));
  }
  return paragraphs;
}

/** Field notes on a focus group: observations without speakers, some opening with a time or "Note:". */
export function generateFieldNotes(choose: Chooser, context: GenerationContext): GeneratedParagraph[] {
  const paragraphs: GeneratedParagraph[] = [];
  paragraphs.push(assemble('', [`Field notes: focus group with ${context.group}, ${context.siteName}`], null, false));
  let words = 0;
  let minutes = 9 * 60 + choose.between(0, 90);
  while (words < context.targetWords) {
    if (choose.chance(0.15)) {
      const remark = choose.pick(FIELD_NOTE_REMARKS);
      paragraphs.push(assemble('', [remark], null, true));
      words += countWords(remark);
      continue;
    }
    const sentences: string[] = [];
    const count = choose.between(2, 5);
    const unused = [...FIELD_NOTE_SENTENCES];
    for (let s = 0; s < count; s++) {
      // Each kind of observation at most once per paragraph.
      const template = unused.splice(Math.floor(choose.random() * unused.length), 1)[0] as string;
      const sentence = template
        .replace('{room}', choose.pick(ROOMS))
        .replace('{delay}', choose.pick(DELAYS))
        .replace('{topic}', choose.pick(TOPICS))
        .replace('{n}', String(choose.between(1, 8)));
      sentences.push(sentence);
      words += countWords(sentence);
    }
    // Some observations open with the time of day, as notes taken during the session do ("10:30 ...").
    minutes += choose.between(3, 12);
    const prefix = choose.chance(0.3) ? `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')} ` : '';
    paragraphs.push(assemble(prefix, sentences, null, true));
  }
  return paragraphs;
}
