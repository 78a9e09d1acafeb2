import { describe, expect, it } from 'vitest';
import { citationLabel, paragraphAt, paragraphSpan } from '#shared/coding/paragraph-label';
import type { Paragraph } from '#shared/model/types';

/** Lines "aaaa", "bbbbbb", "cc" joined by "\n": [0,4) [5,11) [12,14). */
const paragraphs: Paragraph[] = [
  { n: 1, start: 0, end: 4, utteranceStart: 0, speakerId: null, timestamps: [] },
  { n: 2, start: 5, end: 11, utteranceStart: 5, speakerId: null, timestamps: [] },
  { n: 3, start: 12, end: 14, utteranceStart: 12, speakerId: null, timestamps: [] },
];

describe('paragraphAt', () => {
  it('finds the paragraph holding each character, line breaks with the line they end', () => {
    const numbers = Array.from({ length: 15 }, (_, offset) => paragraphAt(paragraphs, offset)?.n ?? null);
    expect(numbers).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 3, 3, null]);
  });

  it('finds none before the text, past its end, or without paragraphs', () => {
    expect(paragraphAt(paragraphs, -1)).toBeNull();
    expect(paragraphAt(paragraphs, 99)).toBeNull();
    expect(paragraphAt([], 0)).toBeNull();
  });

  it('works by binary search on a long document', () => {
    const many: Paragraph[] = Array.from({ length: 100_000 }, (_, i) => ({
      n: i + 1,
      start: i * 10,
      end: i * 10 + 9,
      utteranceStart: i * 10,
      speakerId: null,
      timestamps: [],
    }));
    expect(paragraphAt(many, 543_210)?.n).toBe(54_322);
    expect(paragraphAt(many, 999_998)?.n).toBe(100_000);
  });
});

describe('citations', () => {
  it('labels a paragraph with its site code, or with ¶ without one', () => {
    expect(citationLabel('BU', 45)).toBe('BU 45');
    expect(citationLabel(null, 45)).toBe('¶45');
  });

  it('labels a passage by the paragraphs it covers', () => {
    expect(paragraphSpan(paragraphs, 1, 3, 'BU')).toBe('BU 1');
    expect(paragraphSpan(paragraphs, 1, 7, 'BU')).toBe('BU 1–2');
    expect(paragraphSpan(paragraphs, 0, 14, 'BU')).toBe('BU 1–3');
    expect(paragraphSpan(paragraphs, 6, 13)).toBe('¶2–3');
  });

  it('does not count a paragraph the passage only touches at a line break', () => {
    // [2, 5) ends on the line break after paragraph 1; [4, 7) starts on it.
    expect(paragraphSpan(paragraphs, 2, 5, 'BU')).toBe('BU 1');
    expect(paragraphSpan(paragraphs, 4, 7, 'BU')).toBe('BU 2');
  });

  it('gives null for an empty passage or one that holds no paragraph text', () => {
    expect(paragraphSpan(paragraphs, 3, 3, 'BU')).toBeNull();
    expect(paragraphSpan(paragraphs, 4, 5, 'BU')).toBeNull();
    expect(paragraphSpan([], 0, 4, 'BU')).toBeNull();
  });
});
