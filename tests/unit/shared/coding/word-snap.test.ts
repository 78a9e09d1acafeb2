import { describe, expect, it } from 'vitest';
import { nextWordEdge, paragraphsAround, sentenceAround, snapSelection } from '#shared/coding/word-snap';
import { buildCodePointMap, sliceCodePoints } from '#shared/text/code-points';
import type { Paragraph } from '#shared/model/types';

/** Snaps the code points of [needleStart, needleEnd) and returns the text it lands on. */
function snapped(text: string, from: number, to: number, snapWords = true): string | null {
  const map = buildCodePointMap(text);
  const range = snapSelection(text, map, { start: from, end: to }, { snapWords });
  return range ? sliceCodePoints(text, range.start, range.end, map) : null;
}

/** Code-point offset of a substring. */
function cp(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`${needle} not in ${text}`);
  return [...text.slice(0, at)].length;
}

describe('snapping a selection to words', () => {
  const text = 'P1: The nurses did not trust them at first.';

  it('takes in the whole word at each edge and drops space around', () => {
    // "urses did no" -> "nurses did not"
    expect(snapped(text, cp(text, 'urses'), cp(text, 'ot trust') + 1)).toBe('nurses did not');
    // " trust them " -> "trust them"
    expect(snapped(text, cp(text, ' trust'), cp(text, ' at'))).toBe('trust them');
    // An exact selection stays as it is; punctuation selected stays selected.
    expect(snapped(text, cp(text, 'at first.'), text.length)).toBe('at first.');
  });

  it('leaves the edges alone when word snapping is off, but still keeps characters whole', () => {
    expect(snapped(text, cp(text, 'urses'), cp(text, 'urses') + 3, false)).toBe('urs');
    const emoji = 'ok 👍🏽 yes';
    // Code points: o k ␠ 👍 🏽 ␠ y e s; a selection ending between 👍 and its skin tone takes the whole cluster.
    expect(snapped(emoji, 3, 4, false)).toBe('👍🏽');
    expect(snapped(emoji, 4, 5, false)).toBe('👍🏽');
    expect(snapped(emoji, 2, 4, true)).toBe('👍🏽');
  });

  it('counts in code points across astral characters and snaps right-to-left words', () => {
    const hebrew = 'P3: 😀 שלום עליכם as we say';
    // From inside "שלום" to inside "עליכם".
    const from = cp(hebrew, 'לום');
    const to = cp(hebrew, 'כם');
    expect(snapped(hebrew, from, to)).toBe('שלום עליכם');
  });

  it('gives nothing for a selection of space only', () => {
    expect(snapped('a    b', 1, 4)).toBeNull();
  });
});

describe('moving an edge by a word', () => {
  const text = 'one two, three';
  const map = buildCodePointMap(text);
  it('moves an end edge to the end of the next or previous word', () => {
    expect(nextWordEdge(text, map, 3, 'forward')).toBe(7); // after "two"
    expect(nextWordEdge(text, map, 7, 'forward')).toBe(14); // after "three"
    expect(nextWordEdge(text, map, 14, 'forward')).toBe(14); // nothing further
    expect(nextWordEdge(text, map, 14, 'backward')).toBe(7); // back to after "two"
    expect(nextWordEdge(text, map, 7, 'backward')).toBe(3); // back to after "one"
  });
  it('moves a start edge to the start of the next or previous word', () => {
    expect(nextWordEdge(text, map, 0, 'forward', 'start')).toBe(4); // "two"
    expect(nextWordEdge(text, map, 4, 'forward', 'start')).toBe(9); // "three"
    expect(nextWordEdge(text, map, 9, 'backward', 'start')).toBe(4);
    expect(nextWordEdge(text, map, 4, 'backward', 'start')).toBe(0);
  });
});

describe('widening a passage', () => {
  const text = 'Moderator: Hello.\nP1: First one. Second one has a hit! Third.';
  const map = buildCodePointMap(text);
  const paragraphs: Paragraph[] = [
    { n: 1, start: 0, end: 17, utteranceStart: 11, speakerId: null, timestamps: [] },
    { n: 2, start: 18, end: text.length, utteranceStart: 22, speakerId: null, timestamps: [] },
  ];
  it('to the sentence that holds it, without the space after', () => {
    const hit = { start: cp(text, 'hit'), end: cp(text, 'hit') + 3 };
    const sentence = sentenceAround(text, map, paragraphs[1] as Paragraph, hit);
    expect(sentence && sliceCodePoints(text, sentence.start, sentence.end)).toBe('Second one has a hit!');
  });
  it('to the paragraph utterance, without its speaker label', () => {
    const range = paragraphsAround(paragraphs, { start: cp(text, 'Second'), end: cp(text, 'Second') + 2 });
    expect(range && sliceCodePoints(text, range.start, range.end)).toBe('First one. Second one has a hit! Third.');
  });
});
