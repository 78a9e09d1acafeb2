/**
 * Full-text search over the transcripts of a project: words, exact phrases, words by their beginning ("nurs*"), or
 * a regular expression, case-insensitive unless asked, with the same document and speaker filters as retrieval, and
 * its coder filter read as "in passages these coders coded" (`within`).
 *
 * Words mode: each bare word matches as a whole word; "quoted text" matches that phrase (any run of space between
 * its words); a trailing * matches any word that begins so. With several terms, a paragraph must hold all of them
 * and every occurrence of each is a hit there, as in a search engine; no match runs from one paragraph into the next.
 * The words are first looked up in each document's word index (word-index.ts), so that only paragraphs that hold
 * them are scanned. Regular-expression mode runs the pattern as written over whole texts (JavaScript syntax,
 * Unicode, ^ and $ at paragraph edges).
 *
 * Hits are returned in typed arrays (a common word can have hundreds of thousands), in code points as everywhere,
 * at most `maxHits` of them, with the total counted up to `countLimit`. This runs in a worker in the app (a regular
 * expression can take very long, and the worker can be stopped), and directly in tests and benchmarks.
 */
import type { DocumentKind, Paragraph, Speaker, Uuid } from '../model/types.ts';
import { buildCodePointMap, codePointToUtf16, utf16ToCodePoint, type CodePointMap } from '../text/code-points.ts';
import { foldCase } from '../text/case-fold.ts';
import { documentPasses, filtersSpeakers, speakerPasses, type SegmentFilter } from '../coding/segment-filter.ts';
import { buildWordIndex, paragraphsWithAll, WORD_CHARACTER, wordsOf, type WordIndex, type WordKey } from './word-index.ts';

/** What the search needs of a document. */
export interface SearchDocument {
  readonly id: Uuid;
  readonly text: string;
  readonly kind: DocumentKind;
  readonly attributes: { readonly siteId: Uuid | null; readonly phaseId: Uuid | null };
  readonly paragraphs: readonly Paragraph[];
  readonly speakers: readonly Speaker[];
}

/** How the query is read. */
export type SearchMode = 'words' | 'regex';

/** One search. */
export interface SearchRequest {
  readonly query: string;
  readonly mode: SearchMode;
  readonly caseSensitive: boolean;
  readonly filter: SegmentFilter;
  /** Hits returned at most (the rest are only counted). */
  readonly maxHits: number;
  /** Counting stops here: the total is then "at least". */
  readonly countLimit: number;
  /**
   * Only hits overlapping these passages count: the passages coded by the coders the filter names, by document
   * (absent or null: every hit counts). A document without passages here has no hits.
   */
  readonly within?: PassagesByDocument | null;
}

/** Passages by document id, as [start, end) code-point pairs: start of the first, its end, start of the next... */
export type PassagesByDocument = Readonly<Record<Uuid, Uint32Array>>;

/** The hits of a search: hit i is [start[i], end[i]) of documents[documentIndex[i]], in paragraph paragraphIndex[i]. */
export interface SearchHits {
  /** Hits returned (the length of the arrays that count). */
  readonly count: number;
  /** Hits found, up to the count limit. */
  readonly total: number;
  /** Whether `total` is every hit (false when counting stopped at the limit). */
  readonly complete: boolean;
  readonly documentIndex: Uint32Array;
  readonly start: Uint32Array;
  readonly end: Uint32Array;
  readonly paragraphIndex: Uint32Array;
}

/** A query that cannot be run, with the reason in words for the user. */
export class SearchQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SearchQueryError';
  }
}

/** One term of a words query. */
export type SearchTerm =
  | { readonly kind: 'word'; readonly text: string; readonly prefix: boolean }
  | { readonly kind: 'phrase'; readonly words: readonly string[] };

const NOT_AFTER_WORD = `(?<!${WORD_CHARACTER})`;
const NOT_BEFORE_WORD = `(?!${WORD_CHARACTER})`;

/** Escapes text for a regular expression with the `u` flag, which allows escaping only its syntax characters. */
function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/gu, '\\$&');
}

/** The terms of a words query: bare words (with a trailing * for a prefix) and "quoted phrases". */
export function parseWordsQuery(query: string): readonly SearchTerm[] {
  const terms: SearchTerm[] = [];
  // A quote left open while typing runs to the end, so results keep coming as the phrase is typed.
  const pattern = /"([^"]*)"?|(\S+)/gu;
  for (const match of query.matchAll(pattern)) {
    if (match[1] !== undefined) {
      const words = match[1].split(/\s+/u).filter(Boolean);
      if (words.length) terms.push({ kind: 'phrase', words });
    } else if (match[2] !== undefined) {
      const raw = match[2];
      const prefix = raw.length > 1 && raw.endsWith('*');
      const text = prefix ? raw.slice(0, -1) : raw;
      if (text && text !== '*') terms.push({ kind: 'word', text, prefix });
    }
  }
  return terms;
}

function termSource(term: SearchTerm): string {
  if (term.kind === 'phrase') return NOT_AFTER_WORD + term.words.map(escapeRegExp).join('\\s+') + NOT_BEFORE_WORD;
  return NOT_AFTER_WORD + escapeRegExp(term.text) + (term.prefix ? `${WORD_CHARACTER}*` : NOT_BEFORE_WORD);
}

/** One regular expression of a compiled query, and how its matches map to the query's terms. */
export interface CompiledPattern {
  readonly regex: RegExp;
  /** The term of a match: `firstTerm`, plus the index of its capture group when `grouped` (one group per term). */
  readonly firstTerm: number;
  readonly grouped: boolean;
}

/**
 * A query ready to run: the patterns to scan the texts with, how many terms a paragraph must hold, and (words mode)
 * the words a paragraph must hold for the patterns to match there, to look up in the word index.
 */
export interface CompiledQuery {
  readonly patterns: readonly CompiledPattern[];
  readonly termCount: number;
  readonly wordKeys: readonly WordKey[];
  /**
   * A query of whole words only ("nurses", "ward manager"), the commonest: its hits are the places of its folded
   * words in the word index, without running the patterns (`text` is each word as typed, to match case when asked).
   * Null for any other query.
   */
  readonly wholeWords: readonly { readonly text: string; readonly folded: string }[] | null;
}

const ENDS_IN_WORD_CHARACTER = new RegExp(`${WORD_CHARACTER}$`, 'u');

/**
 * The whole words a term's pattern can match only where they are, and for a prefix term ending in a letter its last
 * word by its beginning: "co-work*" needs "co" and a word beginning "work". A term of punctuation alone gives none.
 */
function wordKeysOf(term: SearchTerm): WordKey[] {
  const text = term.kind === 'phrase' ? term.words.join(' ') : term.text;
  const words = wordsOf(text).map(foldCase);
  const lastIsPrefix = term.kind === 'word' && term.prefix && ENDS_IN_WORD_CHARACTER.test(text);
  return words.map((word, i) => ({ word, prefix: lastIsPrefix && i === words.length - 1 }));
}

/** The words of a term, case-folded as the search compares them, to see whether two terms can match the same text. */
function termWords(term: SearchTerm): readonly string[] {
  return (term.kind === 'phrase' ? term.words : [term.text]).map(foldCase);
}

/** Whether two terms could match overlapping text (a word of one begins a word of the other). */
function mayOverlap(a: SearchTerm, b: SearchTerm): boolean {
  return termWords(a).some((x) => termWords(b).some((y) => x.startsWith(y) || y.startsWith(x)));
}

/** Compiles a query, or throws SearchQueryError (an empty query compiles to no patterns). */
export function compileQuery(query: string, mode: SearchMode, caseSensitive: boolean): CompiledQuery {
  const flags = `gu${caseSensitive ? '' : 'i'}${mode === 'regex' ? 'm' : ''}`;
  if (mode === 'regex') {
    if (!query) return { patterns: [], termCount: 0, wordKeys: [], wholeWords: null };
    try {
      return { patterns: [{ regex: new RegExp(query, flags), firstTerm: 0, grouped: false }], termCount: 1, wordKeys: [], wholeWords: null };
    } catch (error) {
      const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
      throw new SearchQueryError(`This regular expression is not valid: ${reason}`);
    }
  }
  const terms = parseWordsQuery(query);
  const wordKeys = terms.flatMap(wordKeysOf);
  const isWholeWord = (term: SearchTerm): term is Extract<SearchTerm, { kind: 'word' }> =>
    term.kind === 'word' && !term.prefix && wordsOf(term.text)[0] === term.text;
  const wholeWords = terms.length > 0 && terms.every(isWholeWord) ? terms.map((term) => ({ text: term.text, folded: foldCase(term.text) })) : null;
  const overlapping = terms.some((a, i) => terms.some((b, j) => i < j && mayOverlap(a, b)));
  if (terms.length > 1 && !overlapping) {
    // Terms that can never match the same text are found in one pass over the texts, one capture group each.
    const source = terms.map((term) => `(${termSource(term)})`).join('|');
    return { patterns: [{ regex: new RegExp(source, flags), firstTerm: 0, grouped: true }], termCount: terms.length, wordKeys, wholeWords };
  }
  // Terms that can match the same text are scanned for one by one, so that each finds all of its own.
  return {
    patterns: terms.map((term, i) => ({ regex: new RegExp(termSource(term), flags), firstTerm: i, grouped: false })),
    termCount: terms.length,
    wordKeys,
    wholeWords,
  };
}

/** Grows typed arrays as hits come, up to the cap. */
class HitBuffer {
  count = 0;
  documentIndex = new Uint32Array(256);
  start = new Uint32Array(256);
  end = new Uint32Array(256);
  paragraphIndex = new Uint32Array(256);

  push(documentIndex: number, start: number, end: number, paragraphIndex: number): void {
    if (this.count === this.start.length) {
      const grow = (array: Uint32Array) => {
        const next = new Uint32Array(array.length * 2);
        next.set(array);
        return next;
      };
      this.documentIndex = grow(this.documentIndex);
      this.start = grow(this.start);
      this.end = grow(this.end);
      this.paragraphIndex = grow(this.paragraphIndex);
    }
    this.documentIndex[this.count] = documentIndex;
    this.start[this.count] = start;
    this.end[this.count] = end;
    this.paragraphIndex[this.count] = paragraphIndex;
    this.count++;
  }
}

/** A document ready to search: its code-point map, where its paragraphs are, and its word index once built. */
interface CorpusEntry {
  readonly document: SearchDocument;
  readonly map: CodePointMap;
  /** UTF-16 start and end of each paragraph. */
  readonly paragraphStarts: Int32Array;
  readonly paragraphEnds: Int32Array;
  words: WordIndex | null;
}

function entryOf(document: SearchDocument): CorpusEntry {
  const map = buildCodePointMap(document.text);
  return {
    document,
    map,
    paragraphStarts: Int32Array.from(document.paragraphs, (p) => codePointToUtf16(map, p.start)),
    paragraphEnds: Int32Array.from(document.paragraphs, (p) => codePointToUtf16(map, p.end)),
    words: null,
  };
}

/** Whether two documents have the same text cut into the same paragraphs (so one's word index serves the other). */
function sameTextAndParagraphs(a: SearchDocument, b: SearchDocument): boolean {
  return (
    a.text === b.text &&
    a.paragraphs.length === b.paragraphs.length &&
    a.paragraphs.every((p, i) => p.start === b.paragraphs[i]?.start && p.end === b.paragraphs[i]?.end)
  );
}

/** Index of the paragraph holding a UTF-16 position, searching forward from `from` (hits come in order). */
function paragraphFrom(starts: Int32Array, position: number, from: number): number {
  let i = Math.max(0, from);
  while (i + 1 < starts.length && (starts[i + 1] as number) <= position) i++;
  return i;
}

/**
 * Regular-expression mode: the hits of the pattern in the whole text, as [utf16 start, utf16 end, paragraph] triples
 * in text order, only in paragraphs that pass, at most `limit`.
 */
function patternHits(entry: CorpusEntry, pattern: CompiledPattern, passes: HitFilter, limit: number): number[] {
  const text = entry.document.text;
  const out: number[] = [];
  const regex = pattern.regex;
  regex.lastIndex = 0;
  let paragraph = 0;
  let match: RegExpExecArray | null;
  while (out.length < limit * 3 && (match = regex.exec(text)) !== null) {
    const start = match.index;
    const end = start + match[0].length;
    if (end === start) {
      // An empty match finds nothing to show or code; step over it (by a whole character) and go on.
      regex.lastIndex = start + ((text.codePointAt(start) ?? 0) > 0xffff ? 2 : 1);
      continue;
    }
    paragraph = paragraphFrom(entry.paragraphStarts, start, paragraph);
    if (passes.paragraph(paragraph) && passes.hit(start, end)) out.push(start, end, paragraph);
  }
  return out;
}

/** The term a match of a compiled pattern belongs to. */
function termOf(pattern: CompiledPattern, match: RegExpExecArray): number {
  if (!pattern.grouped) return pattern.firstTerm;
  let group = 1;
  while (group < match.length && match[group] === undefined) group++;
  return pattern.firstTerm + group - 1;
}

/**
 * A query of whole words in an indexed document: the places of its folded words, in the case typed when asked, as
 * [utf16 start, utf16 end, paragraph] triples in text order, only in paragraphs that pass and hold every word, at
 * most `limit`. The same as running the words' patterns, which match whole words only.
 */
function wholeWordHits(
  entry: CorpusEntry,
  words: WordIndex,
  query: CompiledQuery & { readonly wholeWords: NonNullable<CompiledQuery['wholeWords']> },
  caseSensitive: boolean,
  passes: HitFilter,
  limit: number,
): number[] {
  const text = entry.document.text;
  // Each word's places, as typed when matching case, in paragraphs that pass: [start, paragraph] pairs.
  const placesOfWords = query.wholeWords.map((word) => {
    const kept: number[] = [];
    const places = words.placesByWord.get(word.folded);
    let paragraph = 0;
    for (const start of places?.starts ?? []) {
      if (caseSensitive && !text.startsWith(word.text, start)) continue;
      paragraph = paragraphFrom(entry.paragraphStarts, start, paragraph);
      if (passes.paragraph(paragraph)) kept.push(start, paragraph);
    }
    return kept;
  });
  if (query.wholeWords.length === 1) {
    // One word: its places are the hits, in order.
    const kept = placesOfWords[0] as number[];
    const length = (query.wholeWords[0] as { folded: string }).folded.length;
    const out: number[] = [];
    for (let i = 0; i < kept.length && out.length < limit * 3; i += 2) {
      const start = kept[i] as number;
      if (passes.hit(start, start + length)) out.push(start, start + length, kept[i + 1] as number);
    }
    return out;
  }
  // Several words: only paragraphs that hold every one of them.
  const wordsHeld = new Uint16Array(words.paragraphCount);
  const lastWord = new Int32Array(words.paragraphCount).fill(-1);
  placesOfWords.forEach((kept, w) => {
    for (let i = 1; i < kept.length; i += 2) {
      const paragraph = kept[i] as number;
      if (lastWord[paragraph] !== w) {
        lastWord[paragraph] = w;
        wordsHeld[paragraph] = (wordsHeld[paragraph] as number) + 1;
      }
    }
  });
  /** [start, end, paragraph, word] of every hit. */
  const found: number[] = [];
  placesOfWords.forEach((kept, w) => {
    const length = (query.wholeWords[w] as { folded: string }).folded.length;
    for (let i = 0; i < kept.length; i += 2) {
      const start = kept[i] as number;
      const paragraph = kept[i + 1] as number;
      if (wordsHeld[paragraph] !== query.wholeWords.length) continue;
      if (passes.hit(start, start + length)) found.push(start, start + length, paragraph, w);
    }
  });
  const count = found.length / 4;
  const order = Array.from({ length: count }, (_, i) => i);
  // Each word's places come in order; the words' places interleave in the text (by word where they start alike).
  order.sort((a, b) => (found[a * 4] as number) - (found[b * 4] as number) || (found[a * 4 + 3] as number) - (found[b * 4 + 3] as number));
  const out: number[] = [];
  for (let i = 0; i < count && i < limit; i++) {
    const j = order[i] as number;
    out.push(found[j * 4] as number, found[j * 4 + 1] as number, found[j * 4 + 2] as number);
  }
  return out;
}

/**
 * Words mode: the hits of the query, paragraph by paragraph, as [utf16 start, utf16 end, paragraph] triples in text
 * order, only in paragraphs that pass and hold every term, at most `limit`. A match never runs past its paragraph.
 * With the document's word index, only the paragraphs holding every word of the query are looked at.
 */
function wordHits(entry: CorpusEntry, query: CompiledQuery, caseSensitive: boolean, passes: HitFilter, limit: number): number[] {
  if (entry.words && query.wholeWords) return wholeWordHits(entry, entry.words, { ...query, wholeWords: query.wholeWords }, caseSensitive, passes, limit);
  const text = entry.document.text;
  const candidates = entry.words && query.wordKeys.length > 0 ? paragraphsWithAll(entry.words, query.wordKeys) : null;
  const candidateCount = candidates ? candidates.length : entry.paragraphStarts.length;
  const out: number[] = [];
  const onePattern = query.patterns.length === 1 && query.termCount === 1 ? (query.patterns[0] as CompiledPattern) : null;
  for (let i = 0; i < candidateCount && out.length < limit * 3; i++) {
    const paragraph = candidates ? (candidates[i] as number) : i;
    if (!passes.paragraph(paragraph)) continue;
    const offset = entry.paragraphStarts[paragraph] as number;
    const paragraphText = text.slice(offset, entry.paragraphEnds[paragraph]);
    if (onePattern) {
      // One term: its matches are the hits, in order.
      const regex = onePattern.regex;
      regex.lastIndex = 0;
      let match: RegExpExecArray | null;
      while (out.length < limit * 3 && (match = regex.exec(paragraphText)) !== null) {
        const start = offset + match.index;
        const end = start + match[0].length;
        if (passes.hit(start, end)) out.push(start, end, paragraph);
      }
      continue;
    }
    /** [start, end, term] in the paragraph. */
    const found: number[] = [];
    const termsFound = new Set<number>();
    for (const pattern of query.patterns) {
      const regex = pattern.regex;
      regex.lastIndex = 0;
      let match: RegExpExecArray | null;
      while ((match = regex.exec(paragraphText)) !== null) {
        const term = termOf(pattern, match);
        found.push(match.index, match.index + match[0].length, term);
        termsFound.add(term);
      }
    }
    if (termsFound.size < query.termCount) continue;
    const order = Array.from({ length: found.length / 3 }, (_, j) => j);
    // Terms scanned for one by one come back term by term: put them in text order (by term where they start alike).
    if (query.patterns.length > 1) order.sort((a, b) => (found[a * 3] as number) - (found[b * 3] as number) || (found[a * 3 + 2] as number) - (found[b * 3 + 2] as number));
    for (const j of order) {
      if (out.length >= limit * 3) break;
      const start = offset + (found[j * 3] as number);
      const end = offset + (found[j * 3 + 1] as number);
      if (passes.hit(start, end)) out.push(start, end, paragraph);
    }
  }
  return out;
}

/** What a hit must pass beyond its words: its paragraph's speaker, and its place (UTF-16 start and end). */
interface HitFilter {
  readonly paragraph: (paragraph: number) => boolean;
  readonly hit: (start: number, end: number) => boolean;
}

const ANY = (): boolean => true;

/** Whether a document's paragraphs pass the speaker filters, asked once per paragraph. */
function speakerCheck(document: SearchDocument, filter: SegmentFilter): (paragraph: number) => boolean {
  if (!filtersSpeakers(filter)) return ANY;
  const known = new Map<number, boolean>();
  return (paragraph) => {
    let passes = known.get(paragraph);
    if (passes === undefined) {
      const speakerId = document.paragraphs[paragraph]?.speakerId;
      const speaker = speakerId ? (document.speakers.find((s) => s.id === speakerId) ?? null) : null;
      known.set(paragraph, (passes = speakerPasses(filter, speaker)));
    }
    return passes;
  };
}

/** Whether a hit (UTF-16 start and end) overlaps one of a document's passages (code-point pairs). */
function overlapCheck(map: CodePointMap, passages: Uint32Array): (start: number, end: number) => boolean {
  const count = passages.length >> 1;
  const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => (passages[a * 2] as number) - (passages[b * 2] as number));
  const starts = new Int32Array(count);
  /** The furthest end among the passages up to each, in order of start. */
  const furthestEnd = new Int32Array(count);
  order.forEach((i, k) => {
    starts[k] = codePointToUtf16(map, passages[i * 2] as number);
    furthestEnd[k] = Math.max(k > 0 ? (furthestEnd[k - 1] as number) : 0, codePointToUtf16(map, passages[i * 2 + 1] as number));
  });
  return (start, end) => {
    // The passages that begin before the hit ends; one of them overlaps it if the furthest of their ends is past its start.
    let low = 0;
    let high = count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((starts[middle] as number) < end) low = middle + 1;
      else high = middle;
    }
    return low > 0 && (furthestEnd[low - 1] as number) > start;
  };
}

/**
 * The texts of a project, ready to search. A document's word index is built in `buildWordIndexes`, a slice of time
 * at a time, so that the worker holding the corpus can answer searches meanwhile: until its index is built, a
 * document is scanned. Giving the corpus new documents keeps the indexes of those whose text did not change.
 */
export class SearchCorpus {
  private entries: CorpusEntry[] = [];

  /** The documents, in the order hits refer to them. */
  get documents(): readonly SearchDocument[] {
    return this.entries.map((entry) => entry.document);
  }

  /** Replaces the documents; those with the same id, text and paragraphs as before keep their word index. */
  setDocuments(documents: readonly SearchDocument[]): void {
    const before = new Map(this.entries.map((entry) => [entry.document.id, entry]));
    this.entries = documents.map((document) => {
      const entry = before.get(document.id);
      return entry && sameTextAndParagraphs(entry.document, document) ? { ...entry, document } : entryOf(document);
    });
  }

  /**
   * Builds word indexes, at least one and then until `budgetMs` have passed (all of them by default); true when
   * every document has its index.
   */
  buildWordIndexes(budgetMs = Infinity): boolean {
    const began = performance.now();
    let built = false;
    for (const entry of this.entries) {
      if (entry.words) continue;
      if (built && performance.now() - began >= budgetMs) return false;
      entry.words = buildWordIndex(entry.document.text, entry.paragraphStarts, entry.paragraphEnds);
      built = true;
    }
    return true;
  }

  /** How many documents have their word index. */
  get indexedCount(): number {
    return this.entries.filter((entry) => entry.words !== null).length;
  }

  /** Runs a search. Throws SearchQueryError for a query that cannot be compiled. */
  search(request: SearchRequest): SearchHits {
    const query = compileQuery(request.query, request.mode, request.caseSensitive);
    const hits = new HitBuffer();
    let total = 0;
    for (let d = 0; d < this.entries.length && query.patterns.length > 0 && total < request.countLimit; d++) {
      const entry = this.entries[d] as CorpusEntry;
      if (!documentPasses(request.filter, entry.document)) continue;
      const passages = request.within ? request.within[entry.document.id] : undefined;
      if (request.within && !passages?.length) continue;
      const passes: HitFilter = { paragraph: speakerCheck(entry.document, request.filter), hit: passages ? overlapCheck(entry.map, passages) : ANY };
      const limit = request.countLimit - total;
      const found = request.mode === 'regex' ? patternHits(entry, query.patterns[0] as CompiledPattern, passes, limit) : wordHits(entry, query, request.caseSensitive, passes, limit);
      for (let i = 0; i < found.length; i += 3) {
        if (hits.count < request.maxHits) {
          hits.push(d, utf16ToCodePoint(entry.map, found[i] as number), utf16ToCodePoint(entry.map, found[i + 1] as number), found[i + 2] as number);
        }
      }
      total += found.length / 3;
    }
    return {
      count: hits.count,
      total,
      complete: total < request.countLimit,
      documentIndex: hits.documentIndex.slice(0, hits.count),
      start: hits.start.slice(0, hits.count),
      end: hits.end.slice(0, hits.count),
      paragraphIndex: hits.paragraphIndex.slice(0, hits.count),
    };
  }
}
