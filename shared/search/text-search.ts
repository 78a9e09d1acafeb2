/**
 * Full-text search over the transcripts of a project: words, exact phrases, words by their beginning ("nurs*"), or
 * a regular expression, case-insensitive unless asked, with the same document and speaker filters as retrieval.
 *
 * Words mode: each bare word matches as a whole word; "quoted text" matches that phrase (any run of space between
 * its words); a trailing * matches any word that begins so. With several terms, a paragraph must hold all of them
 * and every occurrence of each is a hit there, as in a search engine. Regular-expression mode runs the pattern as
 * written (JavaScript syntax, Unicode, ^ and $ at paragraph edges).
 *
 * Hits are returned in typed arrays (a common word can have hundreds of thousands), in code points as everywhere,
 * at most `maxHits` of them, with the total counted up to `countLimit`. This runs in a worker in the app (a regular
 * expression can take very long, and the worker can be stopped), and directly in tests and benchmarks.
 */
import type { DocumentKind, Paragraph, Speaker, Uuid } from '../model/types.ts';
import { buildCodePointMap, codePointToUtf16, utf16ToCodePoint, type CodePointMap } from '../text/code-points.ts';
import { documentPasses, filtersSpeakers, speakerPasses, type SegmentFilter } from '../coding/segment-filter.ts';

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
}

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

/** Letters, combining marks, digits and the underscore make words; anything else parts them. */
const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}_]';
const NOT_AFTER_WORD = `(?<!${WORD_CHAR})`;
const NOT_BEFORE_WORD = `(?!${WORD_CHAR})`;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
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
  return NOT_AFTER_WORD + escapeRegExp(term.text) + (term.prefix ? `${WORD_CHAR}*` : NOT_BEFORE_WORD);
}

/** One regular expression of a compiled query, and how its matches map to the query's terms. */
export interface CompiledPattern {
  readonly regex: RegExp;
  /** The term of a match: `firstTerm`, plus the index of its capture group when `grouped` (one group per term). */
  readonly firstTerm: number;
  readonly grouped: boolean;
}

/** A query ready to run: the patterns to scan the texts with, and how many terms a paragraph must hold. */
export interface CompiledQuery {
  readonly patterns: readonly CompiledPattern[];
  readonly termCount: number;
}

/** The words of a term, lower-cased, to see whether two terms can match the same text. */
function termWords(term: SearchTerm): readonly string[] {
  return (term.kind === 'phrase' ? term.words : [term.text]).map((word) => word.toLowerCase());
}

/** Whether two terms could match overlapping text (a word of one begins a word of the other). */
function mayOverlap(a: SearchTerm, b: SearchTerm): boolean {
  return termWords(a).some((x) => termWords(b).some((y) => x.startsWith(y) || y.startsWith(x)));
}

/** Compiles a query, or throws SearchQueryError (an empty query compiles to no patterns). */
export function compileQuery(query: string, mode: SearchMode, caseSensitive: boolean): CompiledQuery {
  const flags = `gu${caseSensitive ? '' : 'i'}${mode === 'regex' ? 'm' : ''}`;
  if (mode === 'regex') {
    if (!query) return { patterns: [], termCount: 0 };
    try {
      return { patterns: [{ regex: new RegExp(query, flags), firstTerm: 0, grouped: false }], termCount: 1 };
    } catch (error) {
      const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
      throw new SearchQueryError(`This regular expression is not valid: ${reason}`);
    }
  }
  const terms = parseWordsQuery(query);
  const overlapping = terms.some((a, i) => terms.some((b, j) => i < j && mayOverlap(a, b)));
  if (terms.length > 1 && !overlapping) {
    // Terms that can never match the same text are found in one pass over the texts, one capture group each.
    const source = terms.map((term) => `(${termSource(term)})`).join('|');
    return { patterns: [{ regex: new RegExp(source, flags), firstTerm: 0, grouped: true }], termCount: terms.length };
  }
  // Terms that can match the same text are scanned for one by one, so that each finds all of its own.
  return { patterns: terms.map((term, i) => ({ regex: new RegExp(termSource(term), flags), firstTerm: i, grouped: false })), termCount: terms.length };
}

/** What the search keeps per document between searches: its code-point map and where its paragraphs start. */
interface PreparedDocument {
  readonly map: CodePointMap;
  /** UTF-16 start of each paragraph. */
  readonly paragraphStarts: Int32Array;
}

const prepared = new WeakMap<SearchDocument, PreparedDocument>();

function prepare(document: SearchDocument): PreparedDocument {
  let ready = prepared.get(document);
  if (!ready) {
    const map = buildCodePointMap(document.text);
    const paragraphStarts = Int32Array.from(document.paragraphs, (p) => codePointToUtf16(map, p.start));
    ready = { map, paragraphStarts };
    prepared.set(document, ready);
  }
  return ready;
}

/** Index of the paragraph holding a UTF-16 position, searching forward from `from` (hits come in order). */
function paragraphFrom(starts: Int32Array, position: number, from: number): number {
  let i = Math.max(0, from);
  while (i + 1 < starts.length && (starts[i + 1] as number) <= position) i++;
  return i;
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

/**
 * The hits of one pattern in one document, in text order, as [utf16 start, utf16 end, paragraph index, term]
 * quadruples.
 */
function matchesIn(text: string, pattern: CompiledPattern, starts: Int32Array, limit: number): number[] {
  const out: number[] = [];
  const regex = pattern.regex;
  regex.lastIndex = 0;
  let paragraph = 0;
  let match: RegExpExecArray | null;
  while ((match = regex.exec(text)) !== null) {
    const start = match.index;
    const end = start + match[0].length;
    if (end === start) {
      // An empty match finds nothing to show or code; step over it (by a whole character) and go on.
      regex.lastIndex = start + ((text.codePointAt(start) ?? 0) > 0xffff ? 2 : 1);
      continue;
    }
    let term = pattern.firstTerm;
    if (pattern.grouped) {
      let group = 1;
      while (group < match.length && match[group] === undefined) group++;
      term += group - 1;
    }
    paragraph = paragraphFrom(starts, start, paragraph);
    out.push(start, end, paragraph, term);
    if (out.length / 4 >= limit) break;
  }
  return out;
}

/**
 * Which paragraphs hold a hit of every one of `termCount` terms, from [start, end, paragraph, term] quadruples: a
 * bit per term for each paragraph (common words give tens of thousands of hits, so no sets per paragraph).
 */
function paragraphsWithAll(found: readonly number[], termCount: number, paragraphCount: number): (paragraph: number) => boolean {
  if (termCount > 30) {
    const terms = new Map<number, Set<number>>();
    for (let i = 0; i < found.length; i += 4) {
      const paragraph = found[i + 2] as number;
      let set = terms.get(paragraph);
      if (!set) terms.set(paragraph, (set = new Set()));
      set.add(found[i + 3] as number);
    }
    return (paragraph) => terms.get(paragraph)?.size === termCount;
  }
  const masks = new Uint32Array(paragraphCount);
  for (let i = 0; i < found.length; i += 4) {
    const paragraph = found[i + 2] as number;
    masks[paragraph] = (masks[paragraph] ?? 0) | (1 << (found[i + 3] as number));
  }
  const all = (1 << termCount) - 1;
  return (paragraph) => masks[paragraph] === all;
}

/** Runs a search over documents. Throws SearchQueryError for a query that cannot be compiled. */
export function searchDocuments(documents: readonly SearchDocument[], request: SearchRequest): SearchHits {
  const { patterns, termCount } = compileQuery(request.query, request.mode, request.caseSensitive);
  const hits = new HitBuffer();
  let total = 0;
  let complete = true;
  const bySpeaker = filtersSpeakers(request.filter);
  for (let d = 0; d < documents.length && patterns.length > 0; d++) {
    const document = documents[d] as SearchDocument;
    if (!documentPasses(request.filter, document)) continue;
    const { map, paragraphStarts } = prepare(document);
    const remaining = request.countLimit - total;
    const perPattern = patterns.map((pattern) => matchesIn(document.text, pattern, paragraphStarts, remaining));
    const found = perPattern.length === 1 ? (perPattern[0] as number[]) : ([] as number[]).concat(...perPattern);
    // With several terms, only paragraphs that hold every one of them count.
    const allowed = termCount > 1 ? paragraphsWithAll(found, termCount, document.paragraphs.length) : null;
    const order = Array.from({ length: found.length / 4 }, (_, i) => i);
    if (perPattern.length > 1) order.sort((a, b) => (found[a * 4] as number) - (found[b * 4] as number));
    const speakerOk = new Map<number, boolean>();
    for (const i of order) {
      const paragraph = found[i * 4 + 2] as number;
      if (allowed && !allowed(paragraph)) continue;
      if (bySpeaker) {
        let ok = speakerOk.get(paragraph);
        if (ok === undefined) {
          const speakerId = document.paragraphs[paragraph]?.speakerId;
          const speaker = speakerId ? (document.speakers.find((s) => s.id === speakerId) ?? null) : null;
          speakerOk.set(paragraph, (ok = speakerPasses(request.filter, speaker)));
        }
        if (!ok) continue;
      }
      total++;
      if (hits.count < request.maxHits) {
        hits.push(d, utf16ToCodePoint(map, found[i * 4] as number), utf16ToCodePoint(map, found[i * 4 + 1] as number), paragraph);
      }
      if (total >= request.countLimit) break;
    }
    if (total >= request.countLimit) {
      complete = false;
      break;
    }
  }
  return {
    count: hits.count,
    total,
    complete,
    documentIndex: hits.documentIndex.slice(0, hits.count),
    start: hits.start.slice(0, hits.count),
    end: hits.end.slice(0, hits.count),
    paragraphIndex: hits.paragraphIndex.slice(0, hits.count),
  };
}

/** Prepares documents for searching (their code-point maps), so that the first search is as quick as the next. */
export function prepareForSearch(documents: readonly SearchDocument[]): void {
  for (const document of documents) prepare(document);
}
