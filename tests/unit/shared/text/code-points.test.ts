import { describe, expect, it } from 'vitest';
import {
  buildCodePointMap,
  codePointLength,
  codePointToUtf16,
  sliceCodePoints,
  utf16RangeToCodePoints,
  utf16ToCodePoint,
} from '#shared/text/code-points';

// "Hi 👋🏽 שלום 😀!" : the waving hand with a skin tone is two astral code points, the grin one more.
const text = 'Hi 👋🏽 שלום 😀!';

describe('code-point map', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(text.length).toBe(16);
    expect(codePointLength(text)).toBe(13);
    expect([...text].length).toBe(13);
  });

  it('converts both ways for every code-point position', () => {
    const map = buildCodePointMap(text);
    const chars = [...text];
    let utf16 = 0;
    for (let cp = 0; cp <= chars.length; cp++) {
      expect(codePointToUtf16(map, cp)).toBe(utf16);
      expect(utf16ToCodePoint(map, utf16)).toBe(cp);
      utf16 += (chars[cp] ?? '').length;
    }
  });

  it('moves an index inside a surrogate pair back to the start of its character', () => {
    const map = buildCodePointMap(text);
    // UTF-16 index 4 is the low surrogate of 👋 (which starts at 3).
    expect(utf16ToCodePoint(map, 4)).toBe(3);
  });

  it('widens a range whose end splits an emoji to take the whole character', () => {
    const map = buildCodePointMap(text);
    expect(utf16RangeToCodePoints(map, 0, 4)).toEqual({ start: 0, end: 4 });
    // Both ends inside surrogate pairs (of 👋 and of 🏽): the range grows to take both characters whole.
    expect(utf16RangeToCodePoints(map, 6, 4)).toEqual({ start: 3, end: 5 });
  });

  it('slices by code points with an exclusive end', () => {
    expect(sliceCodePoints(text, 3, 5)).toBe('👋🏽');
    expect(sliceCodePoints(text, 6, 10)).toBe('שלום');
    expect(sliceCodePoints(text, 11, 13)).toBe('😀!');
  });

  it('clamps offsets outside the text', () => {
    const map = buildCodePointMap(text);
    expect(codePointToUtf16(map, 99)).toBe(text.length);
    expect(utf16ToCodePoint(map, -5)).toBe(0);
  });

  it('treats a lone surrogate as one code point', () => {
    const broken = 'a\ud83db';
    const map = buildCodePointMap(broken);
    expect(map.codePointLength).toBe(3);
    expect(codePointToUtf16(map, 2)).toBe(2);
  });
});
