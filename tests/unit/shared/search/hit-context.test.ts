import { describe, expect, it } from 'vitest';
import { hitContext, passagesForHits } from '#shared/search/hit-context';
import { sliceCodePoints } from '#shared/text/code-points';
import { projectWithTranscript } from '../fixture-project.ts';

// "Moderator: How did it go?\nP1: It went well 😀 really." - paragraph 2 is code points 26..52, utterance from 30.
const { document } = projectWithTranscript();
const text = (range: { start: number; end: number }) => sliceCodePoints(document.text, range.start, range.end);

describe('a hit in context', () => {
  it('shows a few words either side within the paragraph, marking cut text', () => {
    // "well" is code points 38..42.
    const context = hitContext(document, document.paragraphs[1], 38, 42, 2);
    expect(context).toEqual({ before: 'It went ', hit: 'well', after: ' 😀 really.' });
    expect(hitContext(document, document.paragraphs[1], 38, 42, 1)).toEqual({ before: '…went ', hit: 'well', after: ' 😀…' });
  });
});

describe('passages for code all hits', () => {
  it('codes each hit, or widens it to its sentence or utterance, once per passage', () => {
    const hits = [
      { start: 38, end: 42 }, // well
      { start: 33, end: 37 }, // went
    ];
    expect(passagesForHits(document, hits, 'hit').map(text)).toEqual(['went', 'well']);
    expect(passagesForHits(document, hits, 'sentence').map(text)).toEqual(['It went well 😀 really.']);
    expect(passagesForHits(document, hits, 'paragraph').map(text)).toEqual(['It went well 😀 really.']);
    // A hit in the speaker label has no sentence: the hit itself is coded.
    expect(passagesForHits(document, [{ start: 0, end: 9 }], 'sentence').map(text)).toEqual(['Moderator']);
  });
});
