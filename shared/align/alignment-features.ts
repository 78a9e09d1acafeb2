/**
 * What the aligner looks at in each paragraph besides its length: who speaks (turn order), when (timestamps), and the
 * numbers and names it mentions, which a translation keeps as they are.
 */
import { guessSpeakerRole, speakerKey } from '../import/speaker-label.ts';
import { codePointLength } from '../text/code-points.ts';
import { foldCase } from '../text/case-fold.ts';

/** A paragraph as the aligner sees it: plain data, from an importer or a stored document. */
export interface AlignmentParagraph {
  /** The paragraph's words, after its speaker label (a leading timestamp may stand in it). */
  readonly text: string;
  /** The speaker's label as written ("P3", "Moderatorin", "מנחה"), or null. */
  readonly speaker: string | null;
  /** Timestamps as written ("00:21:47"). */
  readonly timestamps: readonly string[];
}

// A timestamp as transcripts write it, with its brackets: left out of a paragraph's length, since one text may carry
// timestamps that the other has not.
const TIMESTAMP_IN_TEXT = /[[(]?\b\d{1,2}:[0-5]\d(?::[0-5]\d)?(?:[.,]\d{1,3})?\b[\])]?/g;
const WHITE_SPACE_RUN = /\s+/gu;

/** The length the length model compares: code points of the words, white space runs counted once, timestamps left out. */
export function alignmentLength(text: string): number {
  return codePointLength(text.replace(TIMESTAMP_IN_TEXT, ' ').replace(WHITE_SPACE_RUN, ' ').trim());
}

/**
 * Who a speaker is, in terms that hold across languages: the role a label names and its number ("P3",
 * "Participant 3", "Teilnehmerin 3" and "משתתף 3" are all participant 3; "Moderator" and "Moderatorin" moderator),
 * or the name itself ("Sarah"). Labels in languages the importer does not know ("Mshiriki 3") get their own
 * identity here; the aligner learns which translation label they correspond to (see `align-paragraphs.ts`).
 */
export function speakerIdentity(label: string): string {
  if (label === NOTE_VOICE) return 'note:';
  const role = guessSpeakerRole(label);
  if (role === 'unknown') return `name:${speakerKey(label)}`;
  const number = /(\d{1,3})\s*[a-z]?\s*(?:\([^)]*\))?\s*$/iu.exec(label)?.[1];
  return `${role}:${number === undefined ? '' : String(Number(number))}`;
}

/**
 * The voice of a paragraph without a speaker that is all a note in square brackets or parentheses ("[laughter]",
 * "[Translator's note: ...]"): the transcriber's or translator's, which does not run on into a participant's turn.
 */
export const NOTE_VOICE = '[note]';

// One or more bracketed groups and nothing else: "[laughter]", "[00:26:31] [laughter]".
const WHOLE_NOTE = /^\s*(?:(?:\[[^\]]*\]|\([^)]*\))\s*)+$/u;

/** Whether a paragraph's text is all a note in square brackets or parentheses (with its timestamp, if any). */
export function isNoteParagraph(text: string): boolean {
  return WHOLE_NOTE.test(text);
}

/**
 * A timestamp in seconds from the start of the recording. "hh:mm:ss" and "h:mm:ss" are hours, minutes, seconds;
 * "mm:ss" is minutes and seconds, since a recording's offsets are what transcribers stamp. Null when unreadable.
 */
export function timestampSeconds(timestamp: string): number | null {
  const match = /^(\d{1,2}):(\d\d)(?::(\d\d))?(?:[.,](\d{1,3}))?$/.exec(timestamp.trim());
  if (!match) return null;
  const [, a, b, c, fraction] = match;
  const whole = c === undefined ? Number(a) * 60 + Number(b) : Number(a) * 3600 + Number(b) * 60 + Number(c);
  return whole + (fraction === undefined ? 0 : Number(`0.${fraction}`));
}

// The zero of each run of decimal digits that transcripts in the study's languages use: ASCII, Arabic-Indic,
// Extended Arabic-Indic (Persian, Urdu), Devanagari (Marathi, Hindi), Bengali, Gurmukhi, Gujarati, Tamil, Telugu,
// Kannada, Malayalam, Thai, Myanmar, full-width.
const DIGIT_ZEROS = [0x30, 0x660, 0x6f0, 0x966, 0x9e6, 0xa66, 0xae6, 0xbe6, 0xc66, 0xce6, 0xd66, 0xe50, 0x1040, 0xff10];

/** The value of a decimal digit character of any of the scripts above, or null. */
function digitValue(character: string): number | null {
  const code = character.codePointAt(0) as number;
  for (const zero of DIGIT_ZEROS) {
    if (code >= zero && code <= zero + 9) return code - zero;
  }
  return null;
}

const NUMBER = /\p{Nd}+(?:[.,\u066b\u066c]\p{Nd}+)*/gu;
const CAPITALISED_WORD = /(?<![\p{L}\p{M}\p{N}])[\p{Lu}\p{Lt}][\p{L}\p{M}'’-]*[\p{L}\p{M}]/gu;

/**
 * The words of a paragraph that a translation keeps unchanged: numbers (in any script's digits, without thousands
 * separators or leading zeros, so "1.500", "1,500" and "١٥٠٠" are one number) and capitalised words (names, places,
 * acronyms such as "VHT"), case-folded. Timestamps are not numbers here. Which of them count as anchors is decided
 * over the whole text (`align-paragraphs.ts` keeps the rare ones found on both sides).
 */
export function anchorTokens(text: string): string[] {
  const bare = text.replace(TIMESTAMP_IN_TEXT, ' ');
  const tokens = new Set<string>();
  for (const match of bare.matchAll(NUMBER)) {
    let digits = '';
    for (const character of match[0]) {
      const value = digitValue(character);
      if (value !== null) digits += String(value);
    }
    const number = digits.replace(/^0+(?=\d)/, '');
    if (number.length > 0) tokens.add(`#${number}`);
  }
  for (const match of bare.matchAll(CAPITALISED_WORD)) {
    tokens.add(`@${foldCase(match[0])}`);
  }
  return [...tokens];
}
