import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportError } from '#shared/import/import-error';
import { MAX_TEXT_FILE_BYTES, importPlainText } from '#shared/import/plain-text';
import { sliceCodePoints } from '#shared/text/code-points';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(`tests/fixtures/text/${name}`));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The paragraphs of the fixture transcript, offsets in code points counted independently (Python's len()). */
const FIXTURE_PARAGRAPHS = [
  { n: 1, start: 0, end: 52, utteranceStart: 0, speakerLabel: null, timestamps: [] },
  { n: 2, start: 53, end: 72, utteranceStart: 53, speakerLabel: null, timestamps: [] },
  { n: 3, start: 73, end: 126, utteranceStart: 95, speakerLabel: 'Moderator', timestamps: ['00:00:05'] },
  { n: 4, start: 127, end: 170, utteranceStart: 131, speakerLabel: 'P1', timestamps: [] },
  { n: 5, start: 171, end: 252, utteranceStart: 187, speakerLabel: 'Participant 2', timestamps: ['00:14:05'] },
  { n: 6, start: 253, end: 273, utteranceStart: 253, speakerLabel: null, timestamps: [] },
  { n: 7, start: 274, end: 310, utteranceStart: 278, speakerLabel: 'P3', timestamps: [] },
];
const FIXTURE_TEXT = [
  'Focus group discussion, Butabika, pre-implementation',
  'Date: 12 March 2024',
  '[00:00:05] Moderator: Welcome everyone. Let us begin.',
  'P1: I think the training helped me a lot 😀.',
  'Participant 2 – For me it was the supervision [inaudible 00:14:05] that mattered.',
  'Note: it was raining',
  'P3: שלום, we met at 10:30 every day.',
].join('\n');

describe('importPlainText on the fixture transcript in every encoding', () => {
  const variants: [string, string][] = [
    ['fgd-utf8.txt', 'utf-8'],
    ['fgd-utf8-bom-crlf.txt', 'utf-8'],
    ['fgd-utf16le.txt', 'utf-16le'],
    ['fgd-utf16be.txt', 'utf-16be'],
  ];
  for (const [file, encoding] of variants) {
    it(`${file}: same text, paragraphs, speakers and offsets`, () => {
      const imported = importPlainText(file, fixture(file));
      expect(imported.encoding).toBe(encoding);
      expect(imported.format).toBe('txt');
      expect(imported.text).toBe(FIXTURE_TEXT);
      expect(imported.paragraphs).toEqual(FIXTURE_PARAGRAPHS);
      expect(imported.speakers).toEqual([
        { label: 'Moderator', role: 'moderator' },
        { label: 'P1', role: 'participant' },
        { label: 'Participant 2', role: 'participant' },
        { label: 'P3', role: 'participant' },
      ]);
      expect(imported.warnings).toEqual([]);
    });
  }

  it('offsets are code points: the utterances after the emoji and in Hebrew slice out exactly', () => {
    const imported = importPlainText('fgd-utf8.txt', fixture('fgd-utf8.txt'));
    const utterance = (n: number): string => {
      const p = imported.paragraphs[n - 1];
      if (!p) throw new Error(`no paragraph ${n}`);
      return sliceCodePoints(imported.text, p.utteranceStart, p.end);
    };
    expect(utterance(4)).toBe('I think the training helped me a lot 😀.');
    expect(utterance(5)).toBe('For me it was the supervision [inaudible 00:14:05] that mattered.');
    expect(utterance(7)).toBe('שלום, we met at 10:30 every day.');
    // The emoji is one code point but two UTF-16 units, so the text is one longer in UTF-16.
    expect(imported.text.length).toBe(311);
    expect(imported.paragraphs.at(-1)?.end).toBe(310);
  });
});

describe('importPlainText decoding and line endings', () => {
  it('reads Windows-1252 with a warning that the encoding was detected and can be changed', () => {
    const imported = importPlainText('fgd-windows-1252.txt', fixture('fgd-windows-1252.txt'));
    expect(imported.encoding).toBe('windows-1252');
    expect(imported.text).toBe('Moderator: What did the café staff say…\nP1: They said “we don’t need you” – at first.');
    expect(imported.warnings).toHaveLength(1);
    expect(imported.warnings[0]).toMatch(/detected as Windows-1252.*choose another encoding/);
  });

  it('reads the same bytes in an encoding the user chooses, without the warning', () => {
    const imported = importPlainText('x.txt', fixture('fgd-windows-1252.txt'), { encoding: 'windows-1252' });
    expect(imported.warnings).toEqual([]);
    expect(imported.text.startsWith('Moderator: What did the café')).toBe(true);
  });

  it('turns CRLF and CR into LF, drops empty and blank lines and trims trailing white space', () => {
    const imported = importPlainText('x.txt', utf8('P1: one  \r\n\r\n   \rP2: two\t\rP3: three\n\n'));
    expect(imported.text).toBe('P1: one\nP2: two\nP3: three');
    expect(imported.paragraphs.map((p) => [p.n, p.start, p.end])).toEqual([
      [1, 0, 7],
      [2, 8, 15],
      [3, 16, 25],
    ]);
  });

  it('keeps leading white space of a line and still finds its label', () => {
    const imported = importPlainText('x.txt', utf8('  Moderator: Hi'));
    expect(imported.text).toBe('  Moderator: Hi');
    expect(imported.paragraphs[0]).toMatchObject({ start: 0, utteranceStart: 13, speakerLabel: 'Moderator' });
  });

  it('removes a few NUL characters with a warning', () => {
    const bytes = new Uint8Array([...utf8('Moderator: Welcome to the group, everyone, and thank you for coming today.'), 0]);
    const imported = importPlainText('x.txt', bytes);
    expect(imported.text).toBe('Moderator: Welcome to the group, everyone, and thank you for coming today.');
    expect(imported.warnings).toEqual(['1 NUL character was removed from the text.']);
  });

  it('warns about replacement characters that were already in the file', () => {
    const imported = importPlainText('x.txt', utf8('P1: The caf\uFFFD was closed, so we met in the ward instead.'));
    expect(imported.warnings).toHaveLength(1);
    expect(imported.warnings[0]).toMatch(/1 replacement character/);
  });

  it('names speakers as first written when the case differs later', () => {
    const imported = importPlainText('x.txt', utf8('Moderator: Hi\nMODERATOR: Again\nmoderator: Once more'));
    expect(imported.speakers).toEqual([{ label: 'Moderator', role: 'moderator' }]);
    expect(imported.paragraphs.map((p) => p.speakerLabel)).toEqual(['Moderator', 'Moderator', 'Moderator']);
  });
});

describe('importPlainText refusals', () => {
  const refusal = (fileName: string, bytes: Uint8Array, options?: Parameters<typeof importPlainText>[2]): ImportError => {
    try {
      importPlainText(fileName, bytes, options);
    } catch (error) {
      if (error instanceof ImportError) return error;
      throw error;
    }
    throw new Error(`${fileName} was not refused`);
  };

  it('refuses a 0-byte file', () => {
    const error = refusal('empty.txt', fixture('empty.txt'));
    expect(error.fileName).toBe('empty.txt');
    expect(error.message).toBe('"empty.txt" is empty (0 bytes): there is no text to import.');
  });

  it('refuses a file of blank lines', () => {
    expect(refusal('blank.txt', utf8(' \r\n\t\n')).message).toBe('"blank.txt" contains no text, only blank lines.');
  });

  it('refuses a PDF, even one renamed to .txt', () => {
    expect(refusal('pdf-renamed.txt', fixture('pdf-renamed.txt')).message).toMatch(/^"pdf-renamed.txt" is a PDF document, not plain text/);
  });

  it('refuses a Word document and says it is one', () => {
    expect(refusal('transcript.docx', fixture('transcript.docx')).message).toMatch(/^"transcript.docx" is a Word document \(.docx\), not plain text/);
    expect(refusal('archive.txt', fixture('transcript.docx')).message).toMatch(/is a Word document or another zip archive, not plain text/);
  });

  it('refuses images and legacy Office files by their magic bytes', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
    const gif = utf8('GIF89a\u0001\u0000');
    const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(refusal('a.txt', png).message).toMatch(/is a PNG image, not plain text/);
    expect(refusal('a.txt', jpeg).message).toMatch(/is a JPEG image, not plain text/);
    expect(refusal('a.txt', gif).message).toMatch(/is a GIF image, not plain text/);
    expect(refusal('old.doc', doc).message).toMatch(/is an old-style Word \(.doc\)/);
  });

  it('refuses binary data full of NUL bytes', () => {
    expect(refusal('binary-with-nuls.txt', fixture('binary-with-nuls.txt')).message).toMatch(/contains many NUL bytes, so it is a binary file/);
  });

  it('refuses UTF-16 text without a byte-order mark, and says which encoding to choose', () => {
    const bytes = new Uint8Array([...'Moderator: Welcome'].flatMap((c) => [c.charCodeAt(0), 0]));
    expect(refusal('x.txt', bytes).message).toMatch(/NUL bytes.*choose UTF-16 LE or UTF-16 BE/);
    expect(importPlainText('x.txt', bytes, { encoding: 'utf-16le' }).text).toBe('Moderator: Welcome');
  });

  it('refuses arbitrary binary bytes of no known format', () => {
    // A deterministic stream of bytes (a linear congruential generator), as any compressed or encrypted file looks.
    let state = 12345;
    const bytes = new Uint8Array(4096).map(() => {
      state = (state * 1103515245 + 12345) >>> 0;
      return state >>> 24;
    });
    expect(refusal('data.bin', bytes).message).toMatch(/is a binary file, not plain text/);
  });

  it('refuses bytes that are not valid in a chosen encoding', () => {
    expect(refusal('x.txt', fixture('fgd-windows-1252.txt'), { encoding: 'utf-8' }).message).toBe(
      '"x.txt" cannot be read as UTF-8: some of its bytes are not valid in that encoding. Choose another encoding.',
    );
  });

  it('refuses a file whose byte-order mark does not fit its bytes', () => {
    expect(refusal('x.txt', new Uint8Array([0xff, 0xfe, 0x41])).message).toMatch(/UTF-16 LE byte-order mark but its bytes are not valid/);
  });

  it('refuses text that is nothing but replacement characters', () => {
    expect(refusal('x.txt', utf8('\uFFFD\uFFFD\uFFFD \uFFFD\uFFFD')).message).toMatch(/decodes only to replacement characters/);
  });

  it('refuses a file over 50 MB before reading it', () => {
    const error = refusal('huge.txt', new Uint8Array(MAX_TEXT_FILE_BYTES + 1));
    expect(error.message).toBe('"huge.txt" is 50.0 MB; Tessera imports text files of up to 50 MB.');
  });
});
