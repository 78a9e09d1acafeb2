/**
 * Recognises the speaker label that opens a transcript paragraph ("Moderator:", "P3:", "Participant 2 –",
 * "FGD participant 4:", "[00:21:47] R1:") and guesses the speaker's role from it.
 *
 * A label is a short name (one to four words, optionally with a parenthesis such as "Moderator (Sarah)") followed by
 * a colon or a spaced dash. Labels that name a focus-group role (moderator, facilitator, note-taker, participant,
 * P3, R1 ...) are taken at once. Any other short capitalised name ("Sarah:", "Dr Okello:") is only a candidate: the
 * caller takes it when it opens at least two paragraphs of the document, which is what tells a speaker from a
 * one-off heading such as "Venue: community hall". Sentences ("And then she said: ..."), times ("10:30") and
 * addresses ("http://") are never labels.
 */
import type { SpeakerRole } from '../model/types.ts';
import { leadingTimestamp } from './timestamps.ts';

/** A label found at the start of a paragraph. Indices are UTF-16 positions in the paragraph string. */
export interface SpeakerLabelMatch {
  /** The label as written, without the colon or dash, e.g. "Participant 2". */
  readonly label: string;
  /** Where the utterance begins: after the label, its colon or dash and the spaces that follow. */
  readonly utteranceStart: number;
  /** Whether the label names a focus-group role, so one occurrence is enough to take it. */
  readonly isRoleLabel: boolean;
}

/** Spaces between the words of a label and around its colon or dash: word processors put no-break ones there too. */
const SPACE = String.raw`[ \t\u00a0\u2007\u202f]`;
const WORD = String.raw`[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.\-]*`;
const LABEL = new RegExp(
  String.raw`(\p{L}[\p{L}\p{M}\p{N}'’.\-]*(?:${SPACE}+${WORD}){0,3})` + // one to four words, the first with a letter
    String.raw`(?:${SPACE}*(\([^()\n]{1,40}\)))?` + // an optional parenthesis: "Moderator (Sarah)"
    String.raw`(?:${SPACE}*[[(]\d{1,2}:\d\d(?::\d\d)?[\])])?` + // an optional timestamp: "P3 [00:21:47]:"
    String.raw`(?:${SPACE}*:(?![\d/:])|${SPACE}+[–—-](?=\s|$))` + // a colon (not "10:30", "http://") or a spaced dash
    String.raw`${SPACE}*`,
  'uy',
);

const MAX_LABEL_LENGTH = 40;

/** Words that make a would-be label a piece of a sentence ("And she said:"), compared in lower case. */
const SENTENCE_WORDS = new Set([
  'a', 'an', 'the', 'and', 'but', 'or', 'so', 'if', 'then', 'when', 'because', 'that', 'this', 'these', 'those',
  'there', 'here', 'it', 'is', 'was', 'are', 'were', 'be', 'been', 'has', 'have', 'had', 'do', 'did', 'does', 'not',
  'we', 'you', 'he', 'she', 'they', 'me', 'my', 'our', 'your', 'his', 'her', 'their', 'us', 'them', 'said', 'says',
  'say', 'asked', 'told', 'what', 'why', 'how', 'who', 'which', 'where', 'of', 'to', 'in', 'on', 'at', 'for', 'with',
  'as', 'by', 'from', 'about', 'like', 'just', 'also', 'very', 'well', 'yes', 'no', 'ok', 'okay',
]);

/** First words of headings and notes that look like labels but are not speakers ("Note:", "Date:", "Venue:"). */
const HEADING_WORDS = new Set([
  'note', 'notes', 'nb', 'n.b.', 'ps', 'p.s.', 'date', 'time', 'day', 'venue', 'location', 'place', 'setting',
  'topic', 'theme', 'themes', 'question', 'questions', 'answer', 'comment', 'comments', 'observation', 'observations',
  'summary', 'title', 'duration', 'language', 'languages', 'attendees', 'attendance', 'present', 'absent',
  'participants', 'respondents', 'group', 'session', 'start', 'end', 'transcript', 'transcription', 'transcribed',
  'transcriber', 'recording', 'audio', 'file', 'page', 'section', 'part', 're', 'subject', 'key', 'legend', 'example',
  'source', 'remark', 'remarks', 'reminder', 'warning', 'important', 'update', 'action', 'total', 'number', 'age',
  'gender', 'sex', 'site', 'district', 'country', 'facility', 'ward', 'study', 'project', 'version', 'status',
  'agenda', 'objective', 'objectives', 'aim', 'aims', 'purpose', 'introduction', 'conclusion', 'probe', 'prompt',
]);

const TITLE_ABBREVIATION = /^(?:dr|mr|mrs|ms|mx|prof|sr|jr|st|rev)\.$/i;

/**
 * Finds the speaker label at the start of a paragraph (after leading spaces and an optional timestamp such as
 * "[00:21:47]"), or returns null. A non-role label returned here is only a candidate (see the module comment).
 */
export function matchSpeakerLabel(paragraph: string): SpeakerLabelMatch | null {
  let from = paragraph.length - paragraph.trimStart().length;
  const timestamp = leadingTimestamp(paragraph, from);
  if (timestamp) from = timestamp.end;
  LABEL.lastIndex = from;
  const match = LABEL.exec(paragraph);
  if (!match) return null;
  const words = match[1] ?? '';
  const parenthesis = match[2];
  const label = parenthesis ? `${words} ${parenthesis}` : words;
  if (words.length > MAX_LABEL_LENGTH) return null;
  const isRoleLabel = guessSpeakerRole(label) !== 'unknown';
  if (!isRoleLabel && !isPlausibleName(words)) return null;
  return { label, utteranceStart: LABEL.lastIndex, isRoleLabel };
}

/** A label that a document's layout sets apart (a bold lead, a table's speaker column), as matched on its own. */
export interface LayoutLabelMatch {
  /** The label as written, without a trailing colon or dash, e.g. "Participant 2". */
  readonly label: string;
  readonly isRoleLabel: boolean;
}

/**
 * Whether a piece of text that the layout sets apart ("Moderator:", "P3", "Participant 2 –", "P1 [00:01:02]") is
 * a speaker label on its own, by the same rules as a label in running text; null when it is anything else (a
 * sentence, a heading word, a long phrase).
 */
export function matchLayoutLabel(text: string): LayoutLabelMatch | null {
  const bare = text.trim().replace(/[ \t]*(?::|[–—-])$/u, '').trim();
  if (bare.length === 0) return null;
  const candidate = `${bare}:`;
  const match = matchSpeakerLabel(candidate);
  if (!match || match.utteranceStart !== candidate.length) return null;
  return { label: match.label, isRoleLabel: match.isRoleLabel };
}

/** Whether words that are not a role could be a speaker's name: capitalised, no sentence words, no heading. */
function isPlausibleName(words: string): boolean {
  const parts = words.split(/[ \t\u00a0\u2007\u202f]+/);
  const first = parts[0] ?? '';
  if (HEADING_WORDS.has(first.toLowerCase())) return false;
  const initial = first.charAt(0);
  // Scripts without letter case (Hebrew, Devanagari ...) pass; cased scripts must start with a capital.
  if (initial.toLowerCase() !== initial.toUpperCase() && initial !== initial.toUpperCase()) return false;
  for (const part of parts) {
    if (SENTENCE_WORDS.has(part.toLowerCase())) return false;
    if (part.includes('.') && !TITLE_ABBREVIATION.test(part) && !/^\p{Lu}\.$/u.test(part)) return false;
  }
  return true;
}

// Role words in English, and in the languages of translated transcripts that keep their labels (French, Spanish,
// Portuguese, German, Hebrew).
const MODERATOR_WORDS = new Set([
  'moderator', 'facilitator', 'interviewer', 'co-moderator', 'co-facilitator',
  'modérateur', 'modératrice', 'animateur', 'animatrice', 'moderador', 'moderadora', 'entrevistador', 'entrevistadora',
  'moderatorin', 'מנחה', 'מנחָה', 'מראיין', 'מראיינת',
]);
const ASSISTANT_WORDS = new Set(['assistant', 'note-taker', 'observer', 'interpreter', 'translator', 'observateur', 'observador', 'observadora', 'משקיף', 'משקיפה']);
const PARTICIPANT_WORDS = new Set(['participant', 'respondent', 'interviewee', 'participante', 'teilnehmer', 'teilnehmerin', 'משתתף', 'משתתפת']);

/**
 * Guesses a speaker's role from the label: moderator, facilitator and interviewer are moderators; assistant,
 * note-taker, observer and interpreter are assistants; P3, R1, participant, respondent are participants (with
 * qualifiers such as "FGD participant 4" or "Assistant moderator"); anything else is unknown.
 */
export function guessSpeakerRole(label: string): SpeakerRole {
  const normalised = label
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\bnote[ \t]*taker\b/g, 'note-taker')
    .trim()
    .split(/\s+/)
    .filter((word) => word.length > 0);
  if (normalised.length === 0 || normalised.length > 4) return 'unknown';
  const joined = normalised.join(' ');
  if (/^[pr][ ]?\d{1,3}[a-z]?$/.test(joined) || joined === 'r' || joined === 'resp') return 'participant';
  if (joined === 'i' || joined === 'int') return 'moderator';
  // Drop a trailing number or letter that tells speakers of one role apart ("Participant 2", "Moderator B").
  const last = normalised[normalised.length - 1] ?? '';
  const words = /^(?:\d{1,3}[a-z]?|[a-z])$/.test(last) && normalised.length > 1 ? normalised.slice(0, -1) : normalised;
  const head = words[words.length - 1] ?? '';
  const isRole = MODERATOR_WORDS.has(head) || ASSISTANT_WORDS.has(head) || PARTICIPANT_WORDS.has(head);
  if (!isRole) return 'unknown';
  if (words.some((word) => ASSISTANT_WORDS.has(word))) return 'assistant';
  if (MODERATOR_WORDS.has(head)) return 'moderator';
  return 'participant';
}

/** The key under which labels count as the same speaker: "MODERATOR" and "Moderator" are one person. */
export function speakerKey(label: string): string {
  return label.toLowerCase().replace(/\s+/g, ' ').trim();
}
