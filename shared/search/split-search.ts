/**
 * A search shared out among several workers: the texts split into runs of about equal length, and the hits of the
 * runs put back together in document order, as if one search had found them.
 */
import type { SearchDocument, SearchHits, SearchRequest } from './text-search.ts';

/** Splits documents into `count` runs of about equal text length, in order. */
export function splitCorpus(documents: readonly Pick<SearchDocument, 'text'>[], count: number): { from: number; to: number }[] {
  const total = documents.reduce((sum, document) => sum + document.text.length, 0);
  // Never more runs than documents, so that no run is empty.
  count = Math.max(1, Math.min(count, documents.length));
  const parts: { from: number; to: number }[] = [];
  let from = 0;
  let length = 0;
  for (let i = 0; i < documents.length; i++) {
    length += (documents[i] as Pick<SearchDocument, 'text'>).text.length;
    if (parts.length < count - 1 && length >= (total * (parts.length + 1)) / count) {
      parts.push({ from, to: i + 1 });
      from = i + 1;
    }
  }
  if (from < documents.length || parts.length === 0) parts.push({ from, to: documents.length });
  return parts;
}

/** The hits of the parts, in document order, as if one search had found them (`offsets`: each part's first document). */
export function mergeHits(parts: readonly SearchHits[], offsets: readonly number[], request: Pick<SearchRequest, 'maxHits' | 'countLimit'>): SearchHits {
  const count = Math.min(request.maxHits, request.countLimit, parts.reduce((sum, part) => sum + part.count, 0));
  const documentIndex = new Uint32Array(count);
  const start = new Uint32Array(count);
  const end = new Uint32Array(count);
  const paragraphIndex = new Uint32Array(count);
  let at = 0;
  parts.forEach((part, i) => {
    const take = Math.min(part.count, count - at);
    for (let j = 0; j < take; j++) documentIndex[at + j] = (part.documentIndex[j] as number) + (offsets[i] ?? 0);
    start.set(part.start.subarray(0, take), at);
    end.set(part.end.subarray(0, take), at);
    paragraphIndex.set(part.paragraphIndex.subarray(0, take), at);
    at += take;
  });
  const found = parts.reduce((sum, part) => sum + part.total, 0);
  return {
    count,
    total: Math.min(found, request.countLimit),
    complete: found < request.countLimit && parts.every((part) => part.complete),
    documentIndex,
    start,
    end,
    paragraphIndex,
  };
}
