import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { passageGist } from '#shared/coding/passage-gist';

describe('passageGist', () => {
  it('keeps a short passage whole, on one line', () => {
    expect(passageGist('P6: The doctors\u2028decide  everything')).toBe('P6: The doctors decide everything');
  });

  it('says the first words of a long passage, with an ellipsis', () => {
    expect(passageGist('P6: The doctors decide everything here, the nurses did not trust them.', 3)).toBe('P6: The doctors…');
  });

  it('cuts a word longer than the limit by code points, never inside a surrogate pair', () => {
    expect(passageGist('😀'.repeat(10), 6, 4)).toBe('😀😀😀😀…');
  });

  it('is a start of the passage’s words, within the limits', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 80 }), (text, maxWords, maxCodePoints) => {
        const gist = passageGist(text, maxWords, maxCodePoints);
        const words = text.split(/[\s\u2028\u2029]+/u).filter(Boolean).join(' ');
        const body = gist.endsWith('…') && gist !== words ? gist.slice(0, -1) : gist;
        expect(words.startsWith(body)).toBe(true);
        expect([...body].length).toBeLessThanOrEqual(maxCodePoints);
        expect(body.split(' ').filter(Boolean).length).toBeLessThanOrEqual(maxWords);
        expect(gist.endsWith('…') || gist === words).toBe(true);
      }),
    );
  });
});
