/**
 * Paragraph look-up and the citation labels that quotes carry: "BU 45" is paragraph 45 of a Butabika transcript,
 * "BU 45–47" a passage over three paragraphs (an en dash, U+2013, as
 * style guides set number ranges), "¶45" a paragraph of a document without a site.
 *
 * Paragraphs are in document order, one line each, with the line break between two of them belonging to neither
 * (offsets are code points, start inclusive, end exclusive).
 */
import type { Paragraph } from '../model/types.ts';

/** Index of the last paragraph that starts at or before `offset` (binary search), or -1. */
export function paragraphIndexAt(paragraphs: readonly Paragraph[], offset: number): number {
  let low = 0;
  let high = paragraphs.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((paragraphs[mid] as Paragraph).start <= offset) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/**
 * The paragraph whose line holds the character at a code-point offset (binary search). The line break that ends a
 * paragraph counts as that paragraph's, so every character of a well-formed document has one; an offset before the
 * first paragraph or at or past the end of the text has none (null).
 */
export function paragraphAt(paragraphs: readonly Paragraph[], offset: number): Paragraph | null {
  const index = paragraphIndexAt(paragraphs, offset);
  const paragraph = paragraphs[index];
  if (!paragraph) return null;
  if (offset < paragraph.end) return paragraph;
  // The line break right after a paragraph is part of its line, when another paragraph follows.
  return offset === paragraph.end && index + 1 < paragraphs.length ? paragraph : null;
}

/**
 * The citation of one paragraph: "BU 45" after the document's label (its unique label from citation-labels.ts, never
 * a bare site code), "¶45" without one.
 */
export function citationLabel(documentLabel: string | null, paragraphNumber: number): string {
  return documentLabel ? `${documentLabel} ${paragraphNumber}` : `¶${paragraphNumber}`;
}

/**
 * The index of the paragraph that a passage starting at `offset` starts in: the one whose text holds that offset,
 * or the next one when the offset falls on the line break after a paragraph (or before the first); -1 past the last.
 */
export function firstParagraphIndexFrom(paragraphs: readonly Paragraph[], offset: number): number {
  let index = paragraphIndexAt(paragraphs, offset);
  if (index < 0 || offset >= (paragraphs[index] as Paragraph).end) index++;
  return index < paragraphs.length ? index : -1;
}

/**
 * The paragraphs a passage [start, end) runs over: the first is the one it starts in (firstParagraphIndexFrom), the
 * last the one holding its last character (end - 1), so that a passage ending on a line break does not count the
 * next paragraph, nor one starting on it the one before. Null when the passage holds no paragraph's text. Every
 * citation of a passage (retrieval, memos, Word, the coding inspector) is made from these.
 */
export function passageParagraphs(paragraphs: readonly Paragraph[], start: number, end: number): { readonly first: Paragraph; readonly last: Paragraph } | null {
  if (end <= start) return null;
  const first = paragraphs[firstParagraphIndexFrom(paragraphs, start)];
  const lastIndex = paragraphIndexAt(paragraphs, end - 1);
  const last = paragraphs[lastIndex];
  if (!first || !last || last.n < first.n) return null;
  return { first, last };
}

/** The citation of paragraphs first to last: "BU 45", or "BU 45–47" over several (en dash, U+2013). */
export function passageCitation(documentLabel: string | null, firstNumber: number, lastNumber: number): string {
  const label = citationLabel(documentLabel, firstNumber);
  return lastNumber > firstNumber ? `${label}\u2013${lastNumber}` : label;
}

/** The citation of a passage [start, end) (see passageParagraphs), or null when it holds no paragraph's text. */
export function paragraphSpan(paragraphs: readonly Paragraph[], start: number, end: number, documentLabel: string | null = null): string | null {
  const span = passageParagraphs(paragraphs, start, end);
  return span ? passageCitation(documentLabel, span.first.n, span.last.n) : null;
}
