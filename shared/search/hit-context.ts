/**
 * What a search hit shows and what "code all hits" codes: the hit with a few words either side within its
 * paragraph, and the passage a hit widens to (the hit itself, its sentence, or its paragraph).
 */
import type { Paragraph, TesseraDocument, Uuid } from '../model/types.ts';
import type { CodePointRange } from '../text/code-points.ts';
import { codePointToUtf16 } from '../text/code-points.ts';
import { codePointMapOf } from '../index/text-maps.ts';
import { paragraphsAround, sentenceAround } from '../coding/word-snap.ts';

/** A hit in its context: the words before it, the hit, the words after (ellipses mark cut paragraph text). */
export interface HitContext {
  readonly before: string;
  readonly hit: string;
  readonly after: string;
}

/** The hit [start, end) of a document with up to `words` words either side, within its paragraph. */
export function hitContext(document: TesseraDocument, paragraph: Paragraph | undefined, start: number, end: number, words = 8): HitContext {
  const map = codePointMapOf(document);
  const text = document.text;
  const from = codePointToUtf16(map, paragraph?.utteranceStart ?? start);
  const to = codePointToUtf16(map, paragraph?.end ?? end);
  const hitStart = codePointToUtf16(map, start);
  const hitEnd = codePointToUtf16(map, end);
  const beforeWords = text.slice(Math.min(from, hitStart), hitStart).split(/(?<=\s)/u);
  const afterWords = text.slice(hitEnd, Math.max(to, hitEnd)).split(/(?=\s)/u);
  const before = beforeWords.slice(-words).join('');
  const after = afterWords.slice(0, words).join('');
  return {
    before: (beforeWords.length > words ? '…' : '') + before,
    hit: text.slice(hitStart, hitEnd),
    after: after + (afterWords.length > words ? '…' : ''),
  };
}

/** How far "code all hits" widens each hit. */
export type HitWidth = 'hit' | 'sentence' | 'paragraph';

/** A passage to code. */
export interface Passage {
  readonly documentId: Uuid;
  readonly start: number;
  readonly end: number;
}

/**
 * The passages to code for hits of one document, each widened as asked; a sentence or paragraph that holds several
 * hits is coded once. Passages come in text order.
 */
export function passagesForHits(document: TesseraDocument, hits: readonly CodePointRange[], width: HitWidth): readonly Passage[] {
  const map = codePointMapOf(document);
  const seen = new Set<string>();
  const passages: Passage[] = [];
  for (const hit of [...hits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    let range: CodePointRange | null = hit;
    if (width !== 'hit') {
      const touched = document.paragraphs.filter((p) => p.start < hit.end && p.end > hit.start);
      const first = touched[0];
      if (width === 'paragraph' || !first || touched.length > 1) range = paragraphsAround(document.paragraphs, hit);
      else range = sentenceAround(document.text, map, first, hit);
      // A hit in a speaker label has no sentence or utterance around it: code the hit itself.
      range ??= hit;
    }
    const key = `${range.start}:${range.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    passages.push({ documentId: document.id, start: range.start, end: range.end });
  }
  return passages;
}
