import { describe, expect, it } from 'vitest';
import { mergeHits, splitCorpus } from '#shared/search/split-search';
import { SearchCorpus, type SearchDocument, type SearchRequest } from '#shared/search/text-search';
import { NO_FILTER } from '#shared/coding/segment-filter';
import { synthesizeStudy } from '#shared/synth/synthesize-study';

const study = synthesizeStudy({ documents: 9, wordsPerDocument: 700, codes: 12, codings: 10, coders: 1, seed: 12 });
const documents: readonly SearchDocument[] = study.documents;

function searchDocuments(part: readonly SearchDocument[], request: SearchRequest) {
  const corpus = new SearchCorpus();
  corpus.setDocuments(part);
  corpus.buildWordIndexes();
  return corpus.search(request);
}

describe('a search shared out among workers', () => {
  it('splits the documents into runs of about equal length, covering all in order', () => {
    const parts = splitCorpus(documents, 3);
    expect(parts[0]?.from).toBe(0);
    expect(parts[parts.length - 1]?.to).toBe(documents.length);
    parts.slice(1).forEach((part, i) => expect(part.from).toBe(parts[i]?.to));
    expect(parts).toHaveLength(3);
    expect(splitCorpus(documents.slice(0, 1), 4)).toEqual([{ from: 0, to: 1 }]);
  });

  it('finds, merged, exactly what one search over all documents finds', () => {
    for (const [query, maxHits, countLimit] of [
      ['nurses', 10_000, 100_000],
      ['the', 50, 100_000],
      ['the', 1000, 120],
    ] as const) {
      const request: SearchRequest = { query, mode: 'words', caseSensitive: false, filter: NO_FILTER, maxHits, countLimit };
      const whole = searchDocuments(documents, request);
      const parts = splitCorpus(documents, 3);
      const merged = mergeHits(
        parts.map((part) => searchDocuments(documents.slice(part.from, part.to), request)),
        parts.map((part) => part.from),
        request,
      );
      expect(merged.count).toBe(whole.count);
      expect(merged.documentIndex).toEqual(whole.documentIndex);
      expect(merged.start).toEqual(whole.start);
      expect(merged.paragraphIndex).toEqual(whole.paragraphIndex);
      expect(merged.complete).toBe(whole.complete);
      if (whole.complete) expect(merged.total).toBe(whole.total);
      else expect(merged.total).toBe(countLimit);
    }
  });
});
