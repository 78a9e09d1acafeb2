import { describe, expect, it } from 'vitest';
import { compileQuery, parseWordsQuery, searchDocuments, SearchQueryError, type SearchDocument, type SearchRequest } from '#shared/search/text-search';
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

function run(query: string, options: Partial<SearchRequest> = {}) {
  const hits = searchDocuments(docs, { query, mode: 'words', caseSensitive: false, filter: NO_FILTER, maxHits: 1000, countLimit: 100_000, ...options });
  const texts: string[] = [];
  for (let i = 0; i < hits.count; i++) {
    const doc = docs[hits.documentIndex[i] as number] as SearchDocument;
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
