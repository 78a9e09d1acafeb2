/**
 * Reads caption files as recording tools export a meeting's transcript: WebVTT (.vtt, Microsoft Teams and Zoom) and
 * SubRip (.srt). A caption file is cut into cues of a few seconds each; a transcript is cut into turns, so
 * consecutive cues of one speaker become one paragraph, which gets the speaker and the start time of its first cue.
 *
 * The speaker of a cue is its voice tag (`<v Jane Doe>Hello</v>`, WebVTT) or a "Name:" prefix in the cue text (Zoom,
 * and SubRip files, which have no voice tags); a cue with neither is a paragraph of its own with no speaker (there is
 * nothing to tell whose turn it continues). The cue text's line breaks are where the captions wrapped on screen, not
 * the speaker's, so they become spaces; markup (<i>, <c.yellow>, inline times) is dropped and character references
 * (&amp;, &nbsp; ...) are decoded. Cue numbers, timing lines, NOTE, STYLE and REGION blocks are not text.
 */
import { matchSpeakerLabel } from './speaker-label.ts';
import type { RawParagraph } from './transcript-structure.ts';

/** The caption format of a text, when it is one. */
export type CaptionFormat = 'vtt' | 'srt';

/** A cue: its start time as written (without a fraction of a second), its speaker if known, its text. */
interface Cue {
  readonly start: string;
  readonly speaker: string | null;
  readonly text: string;
}

const TIMING = /^\s*((?:\d{1,3}:)?\d{1,2}:\d{2}[.,]\d{1,3})\s*-->\s*((?:\d{1,3}:)?\d{1,2}:\d{2}[.,]\d{1,3})/;

/**
 * Whether a text is a caption file: WebVTT starts with "WEBVTT"; SubRip with a cue number and a timing line
 * ("1" then "00:00:01,000 --> 00:00:04,000").
 */
export function captionFormatOf(text: string): CaptionFormat | null {
  const start = text.replace(/^\uFEFF/, '');
  if (/^WEBVTT(?:[ \t].*)?(?:\r?\n|$)/.test(start)) return 'vtt';
  const lines = start.replace(/^\s+/, '').split(/\r\n|\r|\n/, 2);
  if (/^\d+\s*$/.test(lines[0] ?? '') && TIMING.test(lines[1] ?? '')) return 'srt';
  return null;
}

/** The raw paragraphs of a caption file: one per turn (consecutive cues of one speaker), with speaker and time. */
export function captionParagraphs(text: string, format: CaptionFormat): RawParagraph[] {
  const cues = readCues(text, format);
  const out: RawParagraph[] = [];
  let turn: { speaker: string | null; start: string; texts: string[] } | null = null;
  const flush = (): void => {
    if (!turn) return;
    const body = turn.texts.join(' ');
    if (turn.speaker === null) {
      out.push({ text: body, layoutTimestamp: turn.start });
    } else {
      const prefix = `${turn.speaker}: `;
      out.push({ text: prefix + body, layoutLabel: { label: turn.speaker, utteranceStart: prefix.length }, layoutTimestamp: turn.start });
    }
    turn = null;
  };
  for (const cue of cues) {
    if (turn && cue.speaker !== null && cue.speaker === turn.speaker) {
      turn.texts.push(cue.text);
      continue;
    }
    flush();
    turn = { speaker: cue.speaker, start: cue.start, texts: [cue.text] };
  }
  flush();
  return out;
}

function readCues(text: string, format: CaptionFormat): Cue[] {
  const blocks = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .reduce<string[][]>(
      (acc, line) => {
        if (line.trim() === '') acc.push([]);
        else (acc[acc.length - 1] as string[]).push(line);
        return acc;
      },
      [[]],
    )
    .filter((block) => block.length > 0);
  const cues: Cue[] = [];
  for (const block of blocks) {
    const timingAt = block.findIndex((line) => TIMING.test(line));
    // The WebVTT header, NOTE, STYLE and REGION blocks have no timing line.
    if (timingAt < 0 || timingAt > 1) continue;
    const start = (TIMING.exec(block[timingAt] as string)?.[1] ?? '').replace(/[.,]\d+$/, '');
    const payload = block.slice(timingAt + 1).join('\n');
    const cue = format === 'vtt' ? vttCue(payload) : { speaker: null, text: plainCueText(payload) };
    const withPrefix = cue.speaker === null ? speakerPrefix(cue.text) : cue;
    if (withPrefix.text.length === 0 && withPrefix.speaker === null) continue;
    cues.push({ start, ...withPrefix });
  }
  return cues;
}

/** A WebVTT cue's speaker (its first voice tag) and its text without markup. */
function vttCue(payload: string): { readonly speaker: string | null; readonly text: string } {
  const voice = /<v(?:\.[\w.-]+)*[ \t]+([^>]+)>/.exec(payload);
  return { speaker: voice ? decodeReferences((voice[1] ?? '').trim()) || null : null, text: plainCueText(payload) };
}

/** Cue text as a reader sees it: tags dropped, references decoded, screen line breaks as spaces. */
function plainCueText(payload: string): string {
  return decodeReferences(payload.replace(/<[^>]*>/g, ''))
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join(' ');
}

/** A "Name: " prefix that names the speaker of a cue without a voice tag (Zoom writes its cues so). */
function speakerPrefix(text: string): { readonly speaker: string | null; readonly text: string } {
  const match = matchSpeakerLabel(text);
  // Only a colon names a speaker here: "Sometimes – it works" is a caption, not Sometimes speaking.
  if (!match || !text.slice(0, match.utteranceStart).includes(':')) return { speaker: null, text };
  return { speaker: match.label, text: text.slice(match.utteranceStart).trim() };
}

const NAMED_REFERENCES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f',
};

function decodeReferences(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return safeCodePoint(parseInt(name.slice(2), 16)) ?? whole;
    if (name.startsWith('#')) return safeCodePoint(parseInt(name.slice(1), 10)) ?? whole;
    return NAMED_REFERENCES[name.toLowerCase()] ?? whole;
  });
}

function safeCodePoint(value: number): string | null {
  return Number.isInteger(value) && value > 0 && value <= 0x10ffff && !(value >= 0xd800 && value <= 0xdfff) ? String.fromCodePoint(value) : null;
}
