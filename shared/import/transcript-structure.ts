/**
 * Format-independent recognition of a transcript's structure: from a list of raw paragraphs (lines of a text file,
 * paragraphs and table rows of a Word document) to the stored text, its numbered paragraphs, speakers and
 * timestamps.
 *
 * Rules:
 * - A raw paragraph given as a string that holds line breaks becomes several paragraphs (a stored paragraph is one
 *   line); trailing white space is trimmed and empty paragraphs are dropped; the text is the paragraphs joined by
 *   "\n" and paragraphs are numbered from 1.
 * - The characters are kept as delivered: no-break spaces (U+00A0, U+2007, U+202F) stay (labels and dashes are found
 *   after them all the same), and U+2028 LINE SEPARATOR is a line break inside a paragraph (Word's soft line break),
 *   not the end of one (see `TesseraDocument.text`).
 * - A paragraph that is only a timestamp ("[00:21:47]") is joined to the paragraph after it, with one space, so the
 *   time stays with the turn it stamps.
 * - A speaker label that names a role is taken where it stands; any other candidate label is taken only when it opens
 *   at least two paragraphs (see `speaker-label.ts`). A label the layout sets apart (a bold lead, a table's speaker
 *   column: `layoutLabel`) is always taken. Headings and appended notes never have a speaker.
 * - A paragraph that is only a label ("Moderator:" on a line of its own) opens a turn: the paragraphs after it that
 *   have no label of their own are that speaker's, up to the next label or heading. A paragraph marked
 *   `continuesTurn` (more paragraphs of one table row) is the previous paragraph's speaker's. Any other paragraph
 *   without a label has no speaker: a note such as "[laughter]" after a turn is nobody's.
 * - A turn header of a recording's transcript ("Speaker 2  0:15", "Jane Doe 00:01:23", "Interviewer [00:02]": a
 *   speaker and a time on a line of their own, the utterance on the lines after it, as Otter, Teams, Zoom and Word's
 *   Transcribe write them) opens a turn as a label-only line does, and gives the turn its time. Headers are taken when
 *   the document is in that layout (at least two headers of speakers heard more than once), or when they name a role.
 */
import type { HeadingLevel } from '../model/types.ts';
import { buildCodePointMap, utf16ToCodePoint } from '../text/code-points.ts';
import type { ImportedNote, ImportedParagraph, ImportedSpeaker, RecognisedText, UnattributedParagraph } from './imported-text.ts';
import { guessSpeakerRole, matchSpeakerLabel, matchTurnHeader, speakerKey } from './speaker-label.ts';
import { findTimestamps, leadingTimestamp } from './timestamps.ts';

/**
 * Breaks that end a paragraph inside a raw paragraph: CRLF, CR, LF, and the Unicode paragraph separator. U+2028 LINE
 * SEPARATOR does not: it is how a soft line break is kept inside its paragraph.
 */
const LINE_BREAK = /\r\n|[\r\n\u2029]/;

/** How many paragraphs a label that names no role must open before it counts as a speaker. */
const MIN_OCCURRENCES_OF_NAME_LABEL = 2;

/** A footnote, endnote or comment that a paragraph refers to; it becomes a memo citing the paragraph. */
export interface RawNote {
  readonly kind: 'footnote' | 'endnote' | 'comment';
  /** As Word numbers it: "1", "ii"; comments in order of reference. */
  readonly number: string;
  readonly text: string;
  /** A comment's author as Word keeps it, or null. */
  readonly author: string | null;
}

/** A paragraph as an importer found it, with what the document's layout says about it. */
export interface RawParagraph {
  /** One line of text (line breaks in it split it, as in a plain string). */
  readonly text: string;
  /** Body text, a heading (never a speaker's turn), or a note placed after the text (a footnote). Default body. */
  readonly role?: 'body' | 'heading' | 'note';
  /** A heading's level, 1 to 6 (role "heading" only; default 1). */
  readonly headingLevel?: HeadingLevel;
  /**
   * A speaker label that the layout sets apart: the label and where the utterance begins, a UTF-16 index into
   * `text`. Taken without the occurrence rule of name labels.
   */
  readonly layoutLabel?: { readonly label: string; readonly utteranceStart: number };
  /** The paragraph goes on with the turn of the paragraph before it (another paragraph of one table row). */
  readonly continuesTurn?: boolean;
  /**
   * The layout says a speaker stands here, but this is no label Tessera recognises (a table's speaker cell such as
   * "Moderator and P2 together"): the paragraph gets no speaker, and is reported so the user can assign one.
   */
  readonly unrecognisedSpeaker?: string;
  /** The time the layout gives the paragraph outside its text (a caption's start time), as written. */
  readonly layoutTimestamp?: string;
  /** Footnotes, endnotes and comments referred to in the paragraph (their marks are not in `text`). */
  readonly notes?: readonly RawNote[];
}

interface Line {
  readonly text: string;
  readonly role: 'body' | 'heading' | 'note';
  readonly headingLevel: HeadingLevel | null;
  readonly layoutLabel: { readonly label: string; readonly utteranceStart: number } | null;
  readonly continuesTurn: boolean;
  readonly unrecognisedSpeaker: string | null;
  readonly layoutTimestamp: string | null;
  readonly notes: readonly RawNote[];
}

/** The candidate label of a line: as written, its speaker key, where the utterance starts, and how sure it is. */
interface Candidate {
  readonly label: string;
  readonly key: string;
  readonly utteranceStart: number;
  readonly certain: boolean;
  /** For a turn header ("Speaker 2  0:15"): the time it gives the turn. */
  readonly headerTime: string | null;
}

/** Recognises paragraphs, speakers and timestamps in raw paragraphs (strings are plain body paragraphs). */
export function recogniseTranscript(rawParagraphs: readonly (string | RawParagraph)[]): RecognisedText {
  const lines = foldLoneTimestamps(splitLines(rawParagraphs));

  const candidates: (Candidate | null)[] = lines.map(candidateOf);
  const occurrences = new Map<string, number>();
  for (const candidate of candidates) {
    if (candidate) occurrences.set(candidate.key, (occurrences.get(candidate.key) ?? 0) + 1);
  }
  // A recording's transcript: turn headers of speakers who speak more than once. Then every header is a turn's, even
  // one of a speaker heard only once; in other documents a lone "Break 10:30" is no speaker.
  const repeatedHeaders = candidates.filter((c) => c?.headerTime != null && (occurrences.get(c.key) ?? 0) >= 2).length;
  const isHeaderLayout = repeatedHeaders >= MIN_OCCURRENCES_OF_NAME_LABEL;

  const speakersByKey = new Map<string, ImportedSpeaker>();
  const paragraphs: ImportedParagraph[] = [];
  const unattributed: UnattributedParagraph[] = [];
  const notes: ImportedNote[] = [];
  /** The speaker whose turn unlabelled paragraphs continue (after a label-only paragraph), or null. */
  let openTurn: string | null = null;
  /** The speaker of the paragraph before, for paragraphs marked `continuesTurn`. */
  let previousSpeaker: string | null = null;
  let offset = 0;
  lines.forEach((line, i) => {
    const map = buildCodePointMap(line.text);
    const candidate = candidates[i] ?? null;
    const accepted =
      candidate !== null &&
      (candidate.certain ||
        (candidate.headerTime !== null && isHeaderLayout) ||
        (occurrences.get(candidate.key) ?? 0) >= MIN_OCCURRENCES_OF_NAME_LABEL);
    let speakerLabel: string | null = null;
    let utteranceStart = offset;
    if (accepted) {
      let speaker = speakersByKey.get(candidate.key);
      if (!speaker) {
        speaker = { label: candidate.label, role: guessSpeakerRole(candidate.label) };
        speakersByKey.set(candidate.key, speaker);
      }
      speakerLabel = speaker.label;
      utteranceStart = offset + utf16ToCodePoint(map, candidate.utteranceStart);
      openTurn = line.text.slice(candidate.utteranceStart).trim().length === 0 ? speaker.label : null;
    } else if (line.role !== 'body') {
      openTurn = null;
    } else if (line.unrecognisedSpeaker !== null) {
      openTurn = null;
      unattributed.push({ n: i + 1, label: line.unrecognisedSpeaker });
    } else if (line.continuesTurn) {
      speakerLabel = previousSpeaker;
    } else if (openTurn !== null) {
      speakerLabel = openTurn;
    }
    previousSpeaker = line.role === 'body' ? speakerLabel : null;
    for (const note of line.notes) notes.push({ ...note, n: i + 1 });
    paragraphs.push({
      n: i + 1,
      start: offset,
      end: offset + map.codePointLength,
      utteranceStart,
      speakerLabel,
      timestamps: timestampsOf(line, accepted ? candidate.headerTime : null),
      ...(line.headingLevel !== null ? { headingLevel: line.headingLevel } : {}),
    });
    offset += map.codePointLength + 1;
  });

  return { text: lines.map((line) => line.text).join('\n'), paragraphs, speakers: [...speakersByKey.values()], unattributed, notes };
}

/** One line per stored paragraph: raw paragraphs split at paragraph breaks, blank lines dropped. */
function splitLines(rawParagraphs: readonly (string | RawParagraph)[]): Line[] {
  const lines: Line[] = [];
  for (const raw of rawParagraphs) {
    const paragraph: RawParagraph = typeof raw === 'string' ? { text: raw } : raw;
    const role = paragraph.role ?? 'body';
    paragraph.text.split(LINE_BREAK).forEach((part, index) => {
      const text = part.trimEnd();
      if (text.trim().length === 0) return;
      // A layout label opens its paragraph, so it belongs to the first line; trimming may leave it at the very end.
      const label = index === 0 ? paragraph.layoutLabel : undefined;
      const layoutLabel = label ? { label: label.label, utteranceStart: Math.min(label.utteranceStart, text.length) } : null;
      lines.push({
        text,
        role,
        headingLevel: role === 'heading' ? (paragraph.headingLevel ?? 1) : null,
        layoutLabel,
        continuesTurn: paragraph.continuesTurn === true,
        unrecognisedSpeaker: index === 0 ? (paragraph.unrecognisedSpeaker ?? null) : null,
        layoutTimestamp: index === 0 ? (paragraph.layoutTimestamp ?? null) : null,
        notes: index === 0 ? (paragraph.notes ?? []) : [],
      });
    });
  }
  return lines;
}

/** A line that holds nothing but a timestamp: "[00:21:47]", "(00:21)", "00:21:47". */
function isLoneTimestamp(line: Line): boolean {
  const from = line.text.length - line.text.trimStart().length;
  const timestamp = leadingTimestamp(line.text, from);
  return timestamp !== null && line.text.slice(timestamp.end).trim().length === 0;
}

/** Joins each line that is only a timestamp to the body line after it, so the time stays with its turn. */
function foldLoneTimestamps(lines: readonly Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const next = lines[i + 1];
    if (line.role === 'body' && next && next.role === 'body' && isLoneTimestamp(line) && !isLoneTimestamp(next)) {
      const prefix = `${line.text.trim()} `;
      out.push({
        text: prefix + next.text,
        role: 'body',
        headingLevel: null,
        layoutLabel: next.layoutLabel
          ? { label: next.layoutLabel.label, utteranceStart: next.layoutLabel.utteranceStart + prefix.length }
          : null,
        continuesTurn: next.continuesTurn,
        unrecognisedSpeaker: next.unrecognisedSpeaker,
        layoutTimestamp: next.layoutTimestamp,
        notes: [...line.notes, ...next.notes],
      });
      i++;
      continue;
    }
    out.push(line);
  }
  return out;
}

function candidateOf(line: Line): Candidate | null {
  if (line.role !== 'body' || line.unrecognisedSpeaker !== null) return null;
  if (line.layoutLabel) {
    return {
      label: line.layoutLabel.label,
      key: speakerKey(line.layoutLabel.label),
      utteranceStart: line.layoutLabel.utteranceStart,
      certain: true,
      headerTime: line.layoutTimestamp,
    };
  }
  const match = matchSpeakerLabel(line.text);
  if (match) {
    return { label: match.label, key: speakerKey(match.label), utteranceStart: match.utteranceStart, certain: match.isRoleLabel, headerTime: null };
  }
  const header = matchTurnHeader(line.text);
  if (!header) return null;
  return { label: header.label, key: speakerKey(header.label), utteranceStart: line.text.length, certain: header.isRoleLabel, headerTime: header.timestamp };
}

/** The timestamps of a paragraph as written, with the time its layout gives it (a turn header's, a caption's). */
function timestampsOf(line: Line, headerTime: string | null): string[] {
  const found = findTimestamps(line.text);
  const given = headerTime ?? line.layoutTimestamp;
  return given !== null && !found.includes(given) ? [given, ...found] : found;
}

/** What the preview says about paragraphs whose speaker was not recognised, or null when there are none. */
export function describeUnattributed(unattributed: RecognisedText['unattributed']): string | null {
  if (unattributed.length === 0) return null;
  const shown = unattributed
    .slice(0, 5)
    .map((row) => `paragraph ${row.n} ("${row.label.length > 40 ? `${row.label.slice(0, 39)}…` : row.label}")`)
    .join(', ');
  const more = unattributed.length > 5 ? ` and ${unattributed.length - 5} more` : '';
  const count = unattributed.length === 1 ? '1 turn has' : `${unattributed.length} turns have`;
  return `${count} a speaker that was not recognised and no speaker was given: ${shown}${more}. Assign a speaker after import.`;
}
