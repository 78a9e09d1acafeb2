import { describe, expect, it } from 'vitest';
import {
  InvalidEncodingError,
  decodeStrict,
  decodeTextBytes,
  decodeWindows1252,
  sniffByteOrderMark,
} from '#shared/import/text-decoding';

const utf8 = (text: string): number[] => [...new TextEncoder().encode(text)];

function utf16(text: string, bigEndian: boolean): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (bigEndian) bytes.push(unit >> 8, unit & 0xff);
    else bytes.push(unit & 0xff, unit >> 8);
  }
  return bytes;
}

describe('Windows-1252', () => {
  // Written out from the code page chart (and WHATWG index-windows-1252), not derived from the table under test.
  const expected: Record<number, string> = {
    0x80: '€', 0x81: '\u0081', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡',
    0x88: 'ˆ', 0x89: '‰', 0x8a: 'Š', 0x8b: '‹', 0x8c: 'Œ', 0x8d: '\u008d', 0x8e: 'Ž', 0x8f: '\u008f',
    0x90: '\u0090', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—',
    0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9d: '\u009d', 0x9e: 'ž', 0x9f: 'Ÿ',
  };

  for (const [byte, char] of Object.entries(expected).map(([b, c]) => [Number(b), c] as const)) {
    it(`decodes byte 0x${byte.toString(16)} to U+${char.codePointAt(0)?.toString(16).padStart(4, '0')}`, () => {
      expect(decodeWindows1252(new Uint8Array([byte]))).toBe(char);
    });
  }

  it('covers all 32 bytes 0x80-0x9F in one run', () => {
    const bytes = new Uint8Array(32).map((_, i) => 0x80 + i);
    expect(decodeWindows1252(bytes)).toBe(Object.values(expected).join(''));
  });

  it('decodes ASCII and 0xA0-0xFF as ISO-8859-1', () => {
    expect(decodeWindows1252(new Uint8Array([0x41, 0x0a, 0xa0, 0xe9, 0xfc, 0xff]))).toBe('A\n\u00a0éüÿ');
  });
});

describe('byte-order marks', () => {
  it('recognises UTF-8, UTF-16 LE and UTF-16 BE marks and nothing else', () => {
    expect(sniffByteOrderMark(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ encoding: 'utf-8', length: 3 });
    expect(sniffByteOrderMark(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toEqual({ encoding: 'utf-16le', length: 2 });
    expect(sniffByteOrderMark(new Uint8Array([0xfe, 0xff, 0x00, 0x41]))).toEqual({ encoding: 'utf-16be', length: 2 });
    expect(sniffByteOrderMark(new Uint8Array([0x41, 0x42]))).toBeNull();
    expect(sniffByteOrderMark(new Uint8Array([0xef, 0xbb]))).toBeNull();
  });
});

describe('decodeTextBytes', () => {
  const sample = 'P1: “Café” 😀 שלום';

  it('reads UTF-8 with a byte-order mark and drops the mark', () => {
    const result = decodeTextBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(sample)]));
    expect(result).toEqual({ text: sample, encoding: 'utf-8', detectedBy: 'byte-order-mark' });
  });

  it('reads UTF-16 LE with its mark, surrogate pairs included', () => {
    const result = decodeTextBytes(new Uint8Array([0xff, 0xfe, ...utf16(sample, false)]));
    expect(result).toEqual({ text: sample, encoding: 'utf-16le', detectedBy: 'byte-order-mark' });
  });

  it('reads UTF-16 BE with its mark', () => {
    const result = decodeTextBytes(new Uint8Array([0xfe, 0xff, ...utf16(sample, true)]));
    expect(result).toEqual({ text: sample, encoding: 'utf-16be', detectedBy: 'byte-order-mark' });
  });

  it('reads valid UTF-8 without a mark as UTF-8', () => {
    expect(decodeTextBytes(new Uint8Array(utf8(sample)))).toEqual({ text: sample, encoding: 'utf-8', detectedBy: 'valid-utf-8' });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8', () => {
    const result = decodeTextBytes(new Uint8Array([0x93, 0x48, 0x69, 0x94, 0x20, 0x96, 0x20, 0x63, 0x61, 0x66, 0xe9]));
    expect(result).toEqual({ text: '“Hi” – café', encoding: 'windows-1252', detectedBy: 'fallback' });
  });

  it('keeps a U+FEFF that stands after the mark, as a character of the text', () => {
    const result = decodeTextBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x41]));
    expect(result.text).toBe('\ufeffA');
  });

  it('uses a requested encoding instead of detecting one', () => {
    const bytes = new Uint8Array(utf8('café'));
    expect(decodeTextBytes(bytes, 'windows-1252').text).toBe('cafÃ©');
    expect(decodeTextBytes(bytes, 'windows-1252').detectedBy).toBe('requested');
    expect(decodeTextBytes(new Uint8Array(utf16('Hi', false)), 'utf-16le').text).toBe('Hi');
    expect(decodeTextBytes(new Uint8Array(utf16('Hi', true)), 'utf-16be').text).toBe('Hi');
  });

  it('refuses bytes that are invalid in the requested or announced encoding rather than inserting U+FFFD', () => {
    expect(() => decodeStrict(new Uint8Array([0x41, 0x93]), 'utf-8')).toThrow(InvalidEncodingError);
    // A lone high surrogate (D800) in UTF-16 LE, and an odd number of bytes.
    expect(() => decodeTextBytes(new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]))).toThrow(InvalidEncodingError);
    expect(() => decodeTextBytes(new Uint8Array([0xfe, 0xff, 0x00, 0x41, 0x00]))).toThrow(InvalidEncodingError);
    expect(() => decodeTextBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xff]))).toThrow(InvalidEncodingError);
  });
});
