/**
 * The word index of one document: for each word, case-folded, the paragraphs that hold it.
 *
 * A words-mode search looks its words up here to find the few paragraphs that could match, and runs its exact
 * pattern on those paragraphs only. Without the index, every keystroke scanned every transcript: about 25 MB of
 * text in a study of 200 transcripts of 20,000 words. The index only narrows the paragraphs to look at. The pattern
 * still decides what matches, so results are the same as a full scan (a unit test compares the two).
 */
import { foldCase } from '../text/case-fold.ts';

/** Letters, combining marks, digits and the underscore make words; anything else parts them. */
export const WORD_CHARACTER = '[\\p{L}\\p{M}\\p{N}_]';

const WORD = new RegExp(`${WORD_CHARACTER}+`, 'gu');

/** A word a paragraph must hold, case-folded: the whole word, or a word beginning so when `prefix`. */
export interface WordKey {
  readonly word: string;
  readonly prefix: boolean;
}

/** Where one folded word stands in a document. */
export interface WordPlaces {
  /** The paragraphs that hold it, ascending. */
  readonly paragraphs: readonly number[];
  /** The UTF-16 start of each occurrence, ascending (each as long as the folded word: folding keeps lengths). */
  readonly starts: readonly number[];
}

/** The words of a document and where they are. */
export interface WordIndex {
  readonly paragraphCount: number;
  readonly placesByWord: ReadonlyMap<string, WordPlaces>;
  /** The folded words in code-unit order, to find words by their beginning. */
  readonly sortedWords: readonly string[];
}

/** The words of a text, in order. */
export function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * Builds the word index of a text whose paragraphs are [starts[i], ends[i]) in UTF-16 units. A word is taken within
 * its paragraph, as a search sees it.
 */
export function buildWordIndex(text: string, starts: ArrayLike<number>, ends: ArrayLike<number>): WordIndex {
  const placesByWord = new Map<string, { paragraphs: number[]; starts: number[] }>();
  // The same spellings recur throughout a transcript: fold each once.
  const folded = new Map<string, string>();
  for (let p = 0; p < starts.length; p++) {
    const offset = starts[p] as number;
    const paragraph = text.slice(offset, ends[p]);
    WORD.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = WORD.exec(paragraph)) !== null) {
      const spelling = match[0];
      let word = folded.get(spelling);
      if (word === undefined) folded.set(spelling, (word = foldCase(spelling)));
      const places = placesByWord.get(word);
      if (!places) placesByWord.set(word, { paragraphs: [p], starts: [offset + match.index] });
      else {
        if (places.paragraphs[places.paragraphs.length - 1] !== p) places.paragraphs.push(p);
        places.starts.push(offset + match.index);
      }
    }
  }
  const sortedWords = [...placesByWord.keys()].sort();
  return { paragraphCount: starts.length, placesByWord, sortedWords };
}

/** The first index in sorted `words` at or after `word`. */
function lowerBound(words: readonly string[], word: string): number {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((words[middle] as string) < word) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The paragraphs holding a word, or a word beginning with it. */
function paragraphsOfKey(index: WordIndex, key: WordKey): readonly number[] {
  if (!key.prefix) return index.placesByWord.get(key.word)?.paragraphs ?? [];
  const lists: (readonly number[])[] = [];
  for (let i = lowerBound(index.sortedWords, key.word); i < index.sortedWords.length; i++) {
    const word = index.sortedWords[i] as string;
    if (!word.startsWith(key.word)) break;
    lists.push(index.placesByWord.get(word)?.paragraphs ?? []);
  }
  if (lists.length <= 1) return lists[0] ?? [];
  const holds = new Uint8Array(index.paragraphCount);
  for (const list of lists) for (const p of list) holds[p] = 1;
  const paragraphs: number[] = [];
  for (let p = 0; p < holds.length; p++) if (holds[p]) paragraphs.push(p);
  return paragraphs;
}

/** The paragraphs in both ascending lists. */
function intersect(a: readonly number[], b: readonly number[]): number[] {
  const both: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      both.push(x);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return both;
}

/** The paragraphs that hold every key, ascending. */
export function paragraphsWithAll(index: WordIndex, keys: readonly WordKey[]): readonly number[] {
  // The shortest list first, so that each intersection is as small as it can be.
  const lists = keys.map((key) => paragraphsOfKey(index, key)).sort((a, b) => a.length - b.length);
  let paragraphs = lists[0] ?? [];
  for (let i = 1; i < lists.length && paragraphs.length > 0; i++) paragraphs = intersect(paragraphs, lists[i] as readonly number[]);
  return paragraphs;
}
