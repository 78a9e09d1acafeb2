/**
 * Where a selection's edges should land: on word boundaries when a coder drags over text (a coding that cuts a
 * word in half is almost always a slip of the mouse), and never inside a character a reader sees as one, such as
 * an emoji with a skin-tone modifier or a letter with a combining accent, even when word snapping is off.
 *
 * Words come from `Intl.Segmenter`, so Hebrew, Arabic, Thai or Japanese text is cut where its own rules say. Only
 * the line around an edge is segmented (a paragraph is one line), which keeps this cheap on a long transcript.
 */
import type { Paragraph } from '../model/types.ts';
import type { CodePointMap, CodePointRange } from '../text/code-points.ts';
import { codePointToUtf16, utf16ToCodePoint } from '../text/code-points.ts';

/** How far from an edge the segmented window reaches, in UTF-16 units, when a line is very long. */
const WINDOW = 2000;

interface Piece {
  readonly start: number;
  readonly end: number;
  readonly isWordLike: boolean;
  readonly isSpace: boolean;
}

const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const sentenceSegmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });

/** The line of text around a UTF-16 position (bounded to WINDOW either side), as [from, to). */
function lineAround(text: string, at: number): { from: number; to: number } {
  const previousBreak = text.lastIndexOf('\n', at - 1);
  const nextBreak = text.indexOf('\n', at);
  let from = Math.max(previousBreak + 1, at - WINDOW);
  let to = nextBreak < 0 ? text.length : nextBreak;
  to = Math.min(to, at + WINDOW);
  // Never start or end the window between the two halves of a surrogate pair.
  if (from > 0 && /[\udc00-\udfff]/.test(text.charAt(from))) from--;
  if (to < text.length && /[\udc00-\udfff]/.test(text.charAt(to))) to++;
  return { from, to };
}

/** The pieces (words, spaces, punctuation, emoji) of the line around a position, in UTF-16 offsets of the text. */
function piecesAround(text: string, at: number, segmenter: Intl.Segmenter): Piece[] {
  const { from, to } = lineAround(text, at);
  const pieces: Piece[] = [];
  for (const segment of segmenter.segment(text.slice(from, to))) {
    pieces.push({
      start: from + segment.index,
      end: from + segment.index + segment.segment.length,
      isWordLike: segment.isWordLike === true,
      isSpace: /^\s+$/u.test(segment.segment),
    });
  }
  return pieces;
}

/** The piece that holds the UTF-16 unit at `at` (the one starting at or before it and ending after it). */
function pieceAt(pieces: readonly Piece[], at: number): Piece | undefined {
  return pieces.find((piece) => piece.start <= at && at < piece.end);
}

/** Moves a start edge back to the start of the grapheme cluster it falls in. */
function graphemeStart(text: string, at: number): number {
  if (at <= 0 || at >= text.length) return at;
  const piece = pieceAt(piecesAround(text, at, graphemeSegmenter), at);
  return piece && piece.start < at ? piece.start : at;
}

/** Moves an end edge forward to the end of the grapheme cluster it falls in. */
function graphemeEnd(text: string, at: number): number {
  if (at <= 0 || at >= text.length) return at;
  const piece = pieceAt(piecesAround(text, at, graphemeSegmenter), at);
  return piece && piece.start < at ? piece.end : at;
}

function isSpaceAt(text: string, at: number): boolean {
  return /\s/u.test(text.charAt(at));
}

/**
 * A selection with its edges on whole characters as readers see them, and, when `snapWords` is on, on word
 * boundaries: an edge inside a word moves out to take the whole word, and space at either edge is dropped.
 * Null when nothing but space is left.
 */
export function snapSelection(
  text: string,
  map: CodePointMap,
  range: CodePointRange,
  options: { readonly snapWords: boolean },
): CodePointRange | null {
  let start = codePointToUtf16(map, Math.min(range.start, range.end));
  let end = codePointToUtf16(map, Math.max(range.start, range.end));
  if (options.snapWords) {
    while (start < end && isSpaceAt(text, start)) start++;
    while (end > start && isSpaceAt(text, end - 1)) end--;
    if (start >= end) return null;
    const startPiece = pieceAt(piecesAround(text, start, wordSegmenter), start);
    if (startPiece && !startPiece.isSpace && startPiece.start < start) start = startPiece.start;
    const endPiece = pieceAt(piecesAround(text, end - 1, wordSegmenter), end - 1);
    if (endPiece && !endPiece.isSpace && endPiece.end > end) end = endPiece.end;
  }
  start = graphemeStart(text, start);
  end = graphemeEnd(text, end);
  if (start >= end) return null;
  return { start: utf16ToCodePoint(map, start), end: utf16ToCodePoint(map, end) };
}

/**
 * Where a coding's edge goes when moved by one word, within the edge's line: an end edge goes to the end of the
 * next word (forward) or of the previous one (backward); a start edge to the start of the next word or of the
 * previous one. Returns the offset itself when there is no word that way. Moves a coding's edges from the keyboard.
 */
export function nextWordEdge(
  text: string,
  map: CodePointMap,
  offset: number,
  direction: 'forward' | 'backward',
  edge: 'start' | 'end' = 'end',
): number {
  const at = codePointToUtf16(map, offset);
  const probe = direction === 'forward' ? at : Math.max(0, at - 1);
  const words = piecesAround(text, probe, wordSegmenter).filter((piece) => piece.isWordLike);
  const position = (piece: Piece) => (edge === 'start' ? piece.start : piece.end);
  const found =
    direction === 'forward' ? words.find((piece) => position(piece) > at) : [...words].reverse().find((piece) => position(piece) < at);
  return found ? utf16ToCodePoint(map, position(found)) : offset;
}

/**
 * The sentence or sentences of a paragraph that a passage touches, without the speaker label and without the
 * space after the last sentence. Null when the passage is not in the paragraph's utterance.
 */
export function sentenceAround(
  text: string,
  map: CodePointMap,
  paragraph: Paragraph,
  range: CodePointRange,
): CodePointRange | null {
  const from = codePointToUtf16(map, paragraph.utteranceStart);
  const to = codePointToUtf16(map, paragraph.end);
  const start = codePointToUtf16(map, Math.max(range.start, paragraph.utteranceStart));
  const end = codePointToUtf16(map, Math.min(range.end, paragraph.end));
  if (end <= start || from >= to) return null;
  let first = -1;
  let last = -1;
  for (const segment of sentenceSegmenter.segment(text.slice(from, to))) {
    const segmentStart = from + segment.index;
    const segmentEnd = segmentStart + segment.segment.length;
    if (segmentEnd > start && segmentStart < end) {
      if (first < 0) first = segmentStart;
      last = segmentEnd;
    }
  }
  if (first < 0) return null;
  while (last > first && isSpaceAt(text, last - 1)) last--;
  return { start: utf16ToCodePoint(map, first), end: utf16ToCodePoint(map, last) };
}

/** The utterances of the paragraphs a passage touches: from the first one's text (after its label) to the last's end. */
export function paragraphsAround(paragraphs: readonly Paragraph[], range: CodePointRange): CodePointRange | null {
  const touched = paragraphs.filter((p) => p.start < range.end && p.end > range.start);
  const first = touched[0];
  const last = touched[touched.length - 1];
  if (!first || !last || last.end <= first.utteranceStart) return null;
  return { start: first.utteranceStart, end: last.end };
}
