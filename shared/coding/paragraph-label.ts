/**
 * Paragraph look-up and the citation labels that quotes carry: "BU 45" is paragraph 45 of a Butabika transcript,
 * "BU 45-47" a passage over three paragraphs, "¶45" a paragraph of a document without a site.
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

/** The citation of one paragraph: "BU 45" with a site code, "¶45" without. */
export function citationLabel(siteCode: string | null, paragraphNumber: number): string {
  return siteCode ? `${siteCode} ${paragraphNumber}` : `¶${paragraphNumber}`;
}

/**
 * The citation of a passage [start, end): "BU 45" within one paragraph, "BU 45-47" over several. The first paragraph
 * is the one holding the first character, the last the one holding the last character (end - 1), so a passage that
 * ends on a line break does not count the next paragraph. Null when the passage holds no paragraph's text.
 */
export function paragraphSpan(
  paragraphs: readonly Paragraph[],
  start: number,
  end: number,
  siteCode: string | null = null,
): string | null {
  if (end <= start) return null;
  // First: the paragraph holding `start`, or the first one that begins inside the passage.
  let firstIndex = paragraphIndexAt(paragraphs, start);
  if (firstIndex < 0 || start >= (paragraphs[firstIndex] as Paragraph).end) firstIndex++;
  // Last: the last paragraph that begins before `end`, provided the passage reaches into its text.
  const lastIndex = paragraphIndexAt(paragraphs, end - 1);
  const first = paragraphs[firstIndex];
  const last = paragraphs[lastIndex];
  if (!first || !last || lastIndex < firstIndex) return null;
  const label = citationLabel(siteCode, first.n);
  return last.n > first.n ? `${label}-${last.n}` : label;
}
