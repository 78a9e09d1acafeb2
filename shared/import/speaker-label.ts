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

/** Several numbered speakers named together before a colon or a spaced dash: "R2 & R4:", "P1, P3 –". */
const SEVERAL_LABELS_LEAD = new RegExp(
  String.raw`(\p{L}{1,12}${SPACE}?\d{1,3}[a-z]?(?:${SPACE}*(?:&|\+|/|,|and)${SPACE}*(?:\p{L}{1,12}${SPACE}?)?\d{1,3}[a-z]?)+)` +
    String.raw`(?:${SPACE}*:(?![\d/:])|${SPACE}+[–—-](?=\s|$))${SPACE}*`,
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
  SEVERAL_LABELS_LEAD.lastIndex = from;
  const several = SEVERAL_LABELS_LEAD.exec(paragraph);
  if (several) return { label: several[1] ?? '', utteranceStart: SEVERAL_LABELS_LEAD.lastIndex, isRoleLabel: true };
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

/** Words that name several speakers at once: a group answer ("All:", "Several participants:"). */
const GROUP_WORDS = new Set(['all', 'everyone', 'everybody', 'several', 'many', 'some', 'most', 'both', 'others', 'multiple', 'various']);
/** Words that may follow a group word: "All participants", "Several voices". */
const GROUP_NOUNS = new Set(['participants', 'respondents', 'voices', 'speakers', 'members', 'together', 'in', 'unison', 'at', 'once']);

/**
 * Abbreviations of a role, written in capitals with an optional number as table transcripts write them: INT, FAC,
 * MOD, M (moderator), F (facilitator), but M3 and F2 are numbered participants; AM, NT, OBS (assistant moderator, note-taker, observer).
 */
const MODERATOR_ABBREVIATIONS = new Set(['i', 'int', 'iv', 'fac', 'f', 'mod', 'm']);
const ASSISTANT_ABBREVIATIONS = new Set(['am', 'nt', 'obs', 'asst', 'ast']);
/** Capitals that number a question or a figure, never a speaker ("Q1:", "T2:"). */
const NOT_SPEAKER_ABBREVIATIONS = new Set(['q', 'qn', 'qu', 'qs', 'fig', 'tab', 'no', 'pg', 'ch', 'sec', 'v', 'vol']);

/** Two or more speakers named together: "R2 & R4", "P1 and P3", "P1, P2", "P2/P4". */
const SEVERAL_LABELS = /^\p{L}{1,12}[ \u00a0]?\d{1,3}[a-z]?(?:\s*(?:&|\+|\/|,|\band\b)\s*(?:\p{L}{1,12}[ \u00a0]?)?\d{1,3}[a-z]?)+$/iu;

/**
 * Guesses a speaker's role from the label: moderator, facilitator and interviewer are moderators; assistant,
 * note-taker, observer and interpreter are assistants; P3, R1, participant, respondent are participants (with
 * qualifiers such as "FGD participant 4" or "Assistant moderator"); "All", "Several", "R2 & R4" are a group answer;
 * short capitals as table transcripts write them are guessed too: INT, FAC, MOD, M and F are moderators, AM, NT and
 * OBS assistants, and capitals with a number (F2, N3, PSW2, CHW1: female 2, nurse 3, peer support worker 2) a
 * numbered participant; anything else is unknown.
 */
export function guessSpeakerRole(label: string): SpeakerRole {
  const withoutNote = label.replace(/\([^)]*\)/g, ' ').trim();
  const normalised = withoutNote
    .toLowerCase()
    .replace(/\bnote[ \t]*taker\b/g, 'note-taker')
    .split(/\s+/)
    .filter((word) => word.length > 0);
  if (SEVERAL_LABELS.test(withoutNote)) return 'group';
  if (normalised.length === 0 || normalised.length > 4) return 'unknown';
  const joined = normalised.join(' ');
  if (/^[pr][ ]?\d{1,3}[a-z]?$/.test(joined) || joined === 'r' || joined === 'resp') return 'participant';
  if (GROUP_WORDS.has(normalised[0] ?? '') && normalised.slice(1).every((word) => GROUP_NOUNS.has(word))) return 'group';
  const abbreviation = /^(\p{Lu}{1,4})[ ]?(\d{1,3}[a-z]?)?$/u.exec(withoutNote);
  if (abbreviation) {
    const letters = (abbreviation[1] ?? '').toLowerCase();
    // A lone M or F is the moderator or facilitator; numbered (M3, F2) they are the male or female participants.
    const numberedParticipant = abbreviation[2] !== undefined && (letters === 'm' || letters === 'f');
    if (MODERATOR_ABBREVIATIONS.has(letters) && !numberedParticipant) return 'moderator';
    if (ASSISTANT_ABBREVIATIONS.has(letters)) return 'assistant';
    if (abbreviation[2] !== undefined && !NOT_SPEAKER_ABBREVIATIONS.has(letters)) return 'participant';
  }
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

/** A turn header of a recording's transcript: a speaker and a time on a line of their own. */
export interface TurnHeaderMatch {
  readonly label: string;
  /** The time as written, e.g. "0:15" or "00:01:23". */
  readonly timestamp: string;
  readonly isRoleLabel: boolean;
}

const HEADER_TIME = String.raw`\d{1,2}:[0-5]\d(?::[0-5]\d)?(?:[.,]\d{1,3})?`;
const NAME_THEN_TIME = new RegExp(String.raw`^\s*(.{1,60}?)${SPACE}+(?:\[(${HEADER_TIME})\]|\((${HEADER_TIME})\)|(${HEADER_TIME}))\s*$`, 'u');
const TIME_THEN_NAME = new RegExp(String.raw`^\s*(?:\[(${HEADER_TIME})\]|\((${HEADER_TIME})\)|(${HEADER_TIME}))${SPACE}+(.{1,60}?)\s*$`, 'u');

/**
 * A line that holds only a speaker and a time, as recording tools and transcription services write the head of each
 * turn with the utterance on the lines after it: "Speaker 2  0:15" (Otter), "Jane Doe   00:01:23" (Teams, Zoom),
 * "Interviewer [00:02]", "00:00:05 Speaker 1" (Word's Transcribe). The speaker must be label-shaped by the rules of
 * `matchLayoutLabel` (a name, a role, "Speaker 1"); a name that is no role is only a candidate, as in running text.
 */
export function matchTurnHeader(line: string): TurnHeaderMatch | null {
  if (!line.includes(':')) return null;
  const nameFirst = NAME_THEN_TIME.exec(line);
  const timeFirst = nameFirst ? null : TIME_THEN_NAME.exec(line);
  const name = nameFirst ? nameFirst[1] : timeFirst?.[4];
  const timestamp = nameFirst ? (nameFirst[2] ?? nameFirst[3] ?? nameFirst[4]) : (timeFirst?.[1] ?? timeFirst?.[2] ?? timeFirst?.[3]);
  if (!name || !timestamp || /[:–—-]\s*$/u.test(name)) return null;
  const label = matchLayoutLabel(name);
  if (!label) return null;
  return { label: label.label, timestamp, isRoleLabel: label.isRoleLabel };
}
