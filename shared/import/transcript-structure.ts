/**
 * Format-independent recognition of a transcript's structure: from a list of raw paragraph strings (lines of a text
 * file, paragraphs of a Word document) to the stored text, its numbered paragraphs, speakers and timestamps.
 *
 * Rules: a raw paragraph that holds line breaks becomes several paragraphs (a stored paragraph is one line); trailing
 * white space is trimmed and empty paragraphs are dropped; the text is the paragraphs joined by "\n" and paragraphs
 * are numbered from 1. A speaker label that names a role is taken where it stands; any other candidate label is
 * taken only when it opens at least two paragraphs (see `speaker-label.ts`).
 */
import { buildCodePointMap, utf16ToCodePoint } from '../text/code-points.ts';
import type { ImportedParagraph, ImportedSpeaker, RecognisedText } from './imported-text.ts';
import { guessSpeakerRole, matchSpeakerLabel, speakerKey, type SpeakerLabelMatch } from './speaker-label.ts';
import { findTimestamps } from './timestamps.ts';

/** Line breaks inside a raw paragraph: CRLF, CR, LF, and the Unicode line and paragraph separators. */
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/;

/** How many paragraphs a label that names no role must open before it counts as a speaker. */
const MIN_OCCURRENCES_OF_NAME_LABEL = 2;

/** Recognises paragraphs, speakers and timestamps in raw paragraph strings. */
export function recogniseTranscript(rawParagraphs: readonly string[]): RecognisedText {
  const lines: string[] = [];
  for (const raw of rawParagraphs) {
    for (const line of raw.split(LINE_BREAK)) {
      const trimmed = line.trimEnd();
      if (trimmed.trim().length > 0) lines.push(trimmed);
    }
  }

  const candidates: (SpeakerLabelMatch | null)[] = lines.map((line) => matchSpeakerLabel(line));
  const occurrences = new Map<string, number>();
  for (const candidate of candidates) {
    if (candidate) occurrences.set(speakerKey(candidate.label), (occurrences.get(speakerKey(candidate.label)) ?? 0) + 1);
  }

  const speakersByKey = new Map<string, ImportedSpeaker>();
  const paragraphs: ImportedParagraph[] = [];
  let offset = 0;
  lines.forEach((line, i) => {
    const map = buildCodePointMap(line);
    const candidate = candidates[i] ?? null;
    const key = candidate ? speakerKey(candidate.label) : null;
    const accepted =
      candidate !== null &&
      key !== null &&
      (candidate.isRoleLabel || (occurrences.get(key) ?? 0) >= MIN_OCCURRENCES_OF_NAME_LABEL);
    let speakerLabel: string | null = null;
    let utteranceStart = offset;
    if (accepted) {
      let speaker = speakersByKey.get(key);
      if (!speaker) {
        speaker = { label: candidate.label, role: guessSpeakerRole(candidate.label) };
        speakersByKey.set(key, speaker);
      }
      speakerLabel = speaker.label;
      utteranceStart = offset + utf16ToCodePoint(map, candidate.utteranceStart);
    }
    paragraphs.push({
      n: i + 1,
      start: offset,
      end: offset + map.codePointLength,
      utteranceStart,
      speakerLabel,
      timestamps: findTimestamps(line),
    });
    offset += map.codePointLength + 1;
  });

  return { text: lines.join('\n'), paragraphs, speakers: [...speakersByKey.values()] };
}
