/**
 * Code-point maps of documents, built once per document and kept while the document is: a transcript's text never
 * changes after import, and building the map of a 30,000-word text on every retrieval row or search hit would be
 * what makes those views slow.
 */
import type { TesseraDocument } from '../model/types.ts';
import { buildCodePointMap, sliceCodePoints, type CodePointMap } from '../text/code-points.ts';

const maps = new WeakMap<TesseraDocument, CodePointMap>();

/** The code-point map of a document's text, from the cache when it was built before. */
export function codePointMapOf(document: TesseraDocument): CodePointMap {
  let map = maps.get(document);
  if (!map) {
    map = buildCodePointMap(document.text);
    maps.set(document, map);
  }
  return map;
}

/** The text of [start, end) of a document, in code points. */
export function documentSlice(document: TesseraDocument, start: number, end: number): string {
  return sliceCodePoints(document.text, start, end, codePointMapOf(document));
}
