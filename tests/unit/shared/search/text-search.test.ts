import { describe, expect, it } from 'vitest';
import { compileQuery, parseWordsQuery, SearchCorpus, SearchQueryError, type SearchDocument, type SearchHits, type SearchRequest } from '#shared/search/text-search';
import { synthesizeStudy } from '#shared/synth/synthesize-study';
import { passagesCodedBy } from '#shared/search/coded-passages';
import { buildProjectIndex } from '#shared/index/project-index';
import { NO_FILTER } from '#shared/coding/segment-filter';
import { buildCodePointMap, sliceCodePoints } from '#shared/text/code-points';
import type { Paragraph, Speaker } from '#shared/model/types';

/** A document from lines "Speaker: text", with paragraphs and speakers as the importer would make them. */
function document(id: string, lines: readonly string[], attributes = { siteId: 'site-a', phaseId: 'pre' }): SearchDocument {
  const text = lines.join('\n');
  const speakers: Speaker[] = [];
  const paragraphs: Paragraph[] = [];
  let offset = 0;
  lines.forEach((line, i) => {
    const length = [...line].length;
    const label = /^(\w+): /u.exec(line);
    let speakerId: string | null = null;
    if (label) {
      const name = label[1] as string;
      let speaker = speakers.find((s) => s.label === name);
      if (!speaker) {
        speaker = { id: `${id}-${name}`, label: name, role: name === 'Moderator' ? 'moderator' : 'participant', attributes: name === 'P2' ? { profession: 'nurse' } : {} };
        speakers.push(speaker);
      }
      speakerId = speaker.id;
    }
    paragraphs.push({ n: i + 1, start: offset, end: offset + length, utteranceStart: offset + (label ? [...label[0]].length : 0), speakerId, timestamps: [] });
    offset += length + 1;
  });
  return { id, text, kind: 'transcript', attributes, paragraphs, speakers };
}

const docs = [
  document('a', [
    'Moderator: How did the peer workers fit in?',
    'P1: The peer workers helped 😀 the nurses a lot. Nurses were busy.',
    'P2: At first the NURSES did not trust the peer support workers.',
  ]),
  document('b', ['Moderator: And after?', 'P1: Peer   support made the ward calmer; nursing changed.'], { siteId: 'site-b', phaseId: 'post' }),
];

/** Searches documents scanned and indexed, checks that both find the same, and returns what they find. */
const corpora = new WeakMap<readonly SearchDocument[], { scanned: SearchCorpus; indexed: SearchCorpus }>();
function searchBothWays(documents: readonly SearchDocument[], request: SearchRequest): SearchHits {
  let ready = corpora.get(documents);
  if (!ready) {
    ready = { scanned: new SearchCorpus(), indexed: new SearchCorpus() };
    ready.scanned.setDocuments(documents);
    ready.indexed.setDocuments(documents);
    expect(ready.indexed.buildWordIndexes()).toBe(true);
    corpora.set(documents, ready);
  }
  const { scanned, indexed } = ready;
  const hits = indexed.search(request);
  expect(hits, `"${request.query}" indexed and scanned`).toEqual(scanned.search(request));
  return hits;
}

function run(query: string, options: Partial<SearchRequest> = {}, documents = docs) {
  const hits = searchBothWays(documents, { query, mode: 'words', caseSensitive: false, filter: NO_FILTER, maxHits: 1000, countLimit: 100_000, ...options });
  const texts: string[] = [];
  for (let i = 0; i < hits.count; i++) {
    const doc = documents[hits.documentIndex[i] as number] as SearchDocument;
    texts.push(`${doc.id}${(hits.paragraphIndex[i] as number) + 1}:${sliceCodePoints(doc.text, hits.start[i] as number, hits.end[i] as number, buildCodePointMap(doc.text))}`);
  }
  return { hits, texts };
}

describe('parsing a words query', () => {
  it('reads bare words, prefixes and quoted phrases, even a phrase still being typed', () => {
    expect(parseWordsQuery('nurs* "peer support" ward')).toEqual([
      { kind: 'word', text: 'nurs', prefix: true },
      { kind: 'phrase', words: ['peer', 'support'] },
      { kind: 'word', text: 'ward', prefix: false },
    ]);
    expect(parseWordsQuery('"peer sup')).toEqual([{ kind: 'phrase', words: ['peer', 'sup'] }]);
    expect(parseWordsQuery('   ')).toEqual([]);
  });
});

describe('searching transcripts', () => {
  it('finds whole words in any case, in code points after an emoji', () => {
    expect(run('nurses').texts).toEqual(['a2:nurses', 'a2:Nurses', 'a3:NURSES']);
    expect(run('nurse').texts).toEqual([]);
  });

  it('matches case when asked', () => {
    expect(run('Nurses', { caseSensitive: true }).texts).toEqual(['a2:Nurses']);
  });

  it('finds words by their beginning and phrases across any space', () => {
    expect(run('nurs*').texts).toEqual(['a2:nurses', 'a2:Nurses', 'a3:NURSES', 'b2:nursing']);
    expect(run('"peer support"').texts).toEqual(['a3:peer support', 'b2:Peer   support']);
  });

  it('with several terms keeps only paragraphs that hold all of them', () => {
    // "peer" and "nurses" never match the same text: one pass over the texts finds both.
    expect(compileQuery('peer nurses', 'words', false).patterns).toHaveLength(1);
    expect(run('peer nurses').texts).toEqual(['a2:peer', 'a2:nurses', 'a2:Nurses', 'a3:NURSES', 'a3:peer']);
    // "peer" and "peer support" can: each is searched for on its own, so each finds all of its matches.
    expect(compileQuery('peer "peer support"', 'words', false).patterns).toHaveLength(2);
    expect(run('peer "peer support"').texts).toEqual(['a3:peer', 'a3:peer support', 'b2:Peer', 'b2:Peer   support']);
  });

  it('runs regular expressions, and says why one is not valid', () => {
    expect(run('nurs\\w+|ward', { mode: 'regex' }).texts).toEqual(['a2:nurses', 'a2:Nurses', 'a3:NURSES', 'b2:ward', 'b2:nursing']);
    expect(run('^P2', { mode: 'regex' }).texts).toEqual(['a3:P2']);
    // Empty matches are stepped over, not looped on.
    expect(run('x*', { mode: 'regex' }).hits.total).toBe(0);
    expect(() => compileQuery('(unclosed', 'regex', false)).toThrow(SearchQueryError);
  });

  it('applies the document and speaker filters', () => {
    expect(run('nurs*', { filter: { ...NO_FILTER, siteIds: ['site-b'] } }).texts).toEqual(['b2:nursing']);
    expect(run('nurs*', { filter: { ...NO_FILTER, speakerAttribute: { key: 'profession', value: 'nurse' } } }).texts).toEqual(['a3:NURSES']);
    expect(run('peer', { filter: { ...NO_FILTER, speakerRoles: ['moderator'] } }).texts).toEqual(['a1:peer']);
  });

  it('returns at most maxHits and counts up to the limit', () => {
    const capped = run('the', { maxHits: 2, countLimit: 4 });
    expect(capped.hits.count).toBe(2);
    expect(capped.hits.total).toBe(4);
    expect(capped.hits.complete).toBe(false);
    const all = run('the');
    expect(all.hits.total).toBe(6);
    expect(all.hits.complete).toBe(true);
  });
});

describe('words with punctuation, other scripts and paragraph edges', () => {
  const mixed = [
    document('m', [
      'P1: Our co-worker had COVID-19 twice; the follow-up visits stopped — for good.',
      'P2: ΟΔΟΣ and οδος are one word; ſo is so.',
      'P3: We spoke of peer',
      'P4: support in the next turn, and of İstanbul and ılık.',
    ]),
  ];

  it('finds hyphenated words and numbers, whole or by their beginning', () => {
    expect(run('co-worker', {}, mixed).texts).toEqual(['m1:co-worker']);
    expect(run('covid-19', {}, mixed).texts).toEqual(['m1:COVID-19']);
    expect(run('follow-up*', {}, mixed).texts).toEqual(['m1:follow-up']);
    expect(run('follow-*', {}, mixed).texts).toEqual(['m1:follow-up']);
    expect(run('co-work', {}, mixed).texts).toEqual([]);
  });

  it('folds case as Unicode does: final sigma, long s, dotted and dotless i', () => {
    expect(run('οδοσ', {}, mixed).texts).toEqual(['m2:ΟΔΟΣ', 'm2:οδος']);
    expect(run('so', {}, mixed).texts).toEqual(['m2:ſo', 'm2:so']);
    // Two terms that fold alike match the same words, each finding all of them.
    expect(run('so ſo', {}, mixed).texts).toEqual(['m2:ſo', 'm2:ſo', 'm2:so', 'm2:so']);
    expect(run('ılık', {}, mixed).texts).toEqual(['m4:ılık']);
    expect(run('ilik', {}, mixed).texts).toEqual([]);
    expect(run('İstanbul', {}, mixed).texts).toEqual(['m4:İstanbul']);
  });

  it('does not run a phrase from one paragraph into the next', () => {
    expect(run('"peer support"', {}, mixed).texts).toEqual([]);
    expect(run('peer support', {}, mixed).texts).toEqual([]);
  });

  it('finds punctuation alone by scanning, as the index has no words for it', () => {
    expect(run('—', {}, mixed).texts).toEqual(['m1:—']);
  });
});

describe('the word index', () => {
  const study = synthesizeStudy({ documents: 6, wordsPerDocument: 1500, codes: 12, codings: 10, coders: 1, seed: 7 });
  const documents: SearchDocument[] = study.documents.map((d, i) =>
    // Give some documents words in another script and spellings that fold unlike their lower case (each as long as
    // the word it replaces, so that the paragraphs stay where they are).
    i % 2 === 0 ? d : { ...d, text: d.text.replace(/\bnurses\b/gu, 'ΝΟΣΟΚΣ').replace(/\bstaff\b/gu, 'ſtaff').replace(/\bwe\b/gu, 'İı') },
  );

  /** Queries made from the documents' own words: whole, by their beginning, in phrases, in other cases. */
  function queriesFrom(texts: readonly string[], seed: number): string[] {
    let state = seed;
    const random = (n: number) => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state % n;
    };
    const words = texts.join(' ').split(/\s+/u).filter(Boolean);
    const pick = () => words[random(words.length)] as string;
    const recase = (word: string) => [word, word.toUpperCase(), word.toLowerCase(), word.slice(0, 1).toUpperCase() + word.slice(1)][random(4)] as string;
    const queries: string[] = [];
    for (let i = 0; i < 60; i++) {
      const word = recase(pick());
      queries.push(word, `${word.slice(0, 1 + random(4))}*`, `"${pick()} ${pick()}"`, `${pick()} ${recase(pick())}`);
      const at = random(words.length - 3);
      queries.push(`"${words.slice(at, at + 3).join(' ')}"`);
    }
    return queries;
  }

  it('finds exactly what a scan finds, for words, prefixes, phrases and several terms, in any case', () => {
    for (const query of queriesFrom(documents.map((d) => d.text), 11)) {
      for (const caseSensitive of [false, true]) {
        searchBothWays(documents, { query, mode: 'words', caseSensitive, filter: NO_FILTER, maxHits: 200, countLimit: 5000 });
      }
    }
  });

  it('finds the same under filters and limits', () => {
    const siteId = documents[0]?.attributes.siteId ?? null;
    for (const query of queriesFrom(documents.map((d) => d.text), 5).slice(0, 60)) {
      searchBothWays(documents, { query, mode: 'words', caseSensitive: false, filter: { ...NO_FILTER, siteIds: siteId ? [siteId] : [] }, maxHits: 10, countLimit: 25 });
      searchBothWays(documents, { query, mode: 'words', caseSensitive: false, filter: { ...NO_FILTER, speakerRoles: ['participant'] }, maxHits: 50, countLimit: 100_000 });
    }
  });

  it('keeps the indexes of documents whose text did not change, builds slices at a time, and scans what is not yet indexed', () => {
    const corpus = new SearchCorpus();
    corpus.setDocuments(documents);
    expect(corpus.buildWordIndexes(0)).toBe(false);
    expect(corpus.indexedCount).toBe(1);
    const request: SearchRequest = { query: 'nurs* ward', mode: 'words', caseSensitive: false, filter: NO_FILTER, maxHits: 1000, countLimit: 100_000 };
    const partly = corpus.search(request);
    expect(corpus.buildWordIndexes()).toBe(true);
    expect(corpus.search(request)).toEqual(partly);
    const edited = { ...(documents[1] as SearchDocument), text: (documents[1] as SearchDocument).text.replace(/[a-z]/u, 'x') };
    corpus.setDocuments([documents[0] as SearchDocument, edited, ...documents.slice(2).map((d) => ({ ...d, attributes: { ...d.attributes } }))]);
    expect(corpus.indexedCount).toBe(documents.length - 1);
  });
});

describe('searching in the passages a coder coded', () => {
  const study = synthesizeStudy({ documents: 4, wordsPerDocument: 1500, codes: 12, codings: 120, coders: 2, seed: 9 });
  const coder = study.coders[0]?.id as string;
  const within = passagesCodedBy(buildProjectIndex(study), [coder]);
  const mine = study.codings.filter((coding) => coding.createdBy === coder);

  it('lists each document’s passages coded by the chosen coders, and leaves out documents without any', () => {
    const listed = Object.values(within).reduce((sum, pairs) => sum + pairs.length / 2, 0);
    expect(listed).toBe(mine.length);
    expect(Object.keys(within).sort()).toEqual([...new Set(mine.map((coding) => coding.documentId))].sort());
  });

  it('keeps exactly the hits that overlap one of those passages', () => {
    for (const query of ['the', 'nurs*', '"the ward"', 'peer support']) {
      const request: SearchRequest = { query, mode: 'words', caseSensitive: false, filter: NO_FILTER, maxHits: 100_000, countLimit: 100_000 };
      const all = searchBothWays(study.documents, request);
      const kept = searchBothWays(study.documents, { ...request, within });
      const expected: string[] = [];
      for (let i = 0; i < all.count; i++) {
        const document = study.documents[all.documentIndex[i] as number] as SearchDocument;
        const [start, end] = [all.start[i] as number, all.end[i] as number];
        if (mine.some((coding) => coding.documentId === document.id && coding.start < end && coding.end > start)) expected.push(`${document.id}:${start}`);
      }
      const got = Array.from({ length: kept.count }, (_, i) => `${study.documents[kept.documentIndex[i] as number]?.id}:${kept.start[i]}`);
      expect(got, query).toEqual(expected);
      expect(kept.count).toBeLessThan(all.count);
    }
    const regex = searchBothWays(study.documents, { query: 'ward\\w*', mode: 'regex', caseSensitive: false, filter: NO_FILTER, maxHits: 10, countLimit: 100_000, within: {} });
    expect(regex.total).toBe(0);
  });
});
