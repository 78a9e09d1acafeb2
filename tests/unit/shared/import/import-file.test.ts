/**
 * The shared entry point of import: the format from the bytes, not the name; text files in every encoding; and every
 * kind of bad input refused quickly with a message that names the file and the reason.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { importTranscriptFile } from '#shared/import/import-file';
import { ImportError } from '#shared/import/import-error';
import {
  boldLabelTranscript,
  encryptedDocxHead,
  handMadeDocx,
  TINY_PNG,
  xmlBombDocx,
  zipOf,
} from '../../../fixtures/docx/docx-fixtures.ts';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(`tests/fixtures/text/${name}`));

async function refusal(fileName: string, bytes: Uint8Array): Promise<ImportError> {
  const started = performance.now();
  try {
    await importTranscriptFile(fileName, bytes);
  } catch (error) {
    if (error instanceof ImportError) {
      // Every refusal comes within seconds (the acceptance rule), whatever the file.
      expect(performance.now() - started).toBeLessThan(5000);
      expect(error.fileName).toBe(fileName);
      expect(error.message).toContain(`"${fileName}"`);
      return error;
    }
    throw error;
  }
  throw new Error(`${fileName} was not refused`);
}

/** Sets the uncompressed size that the central directory declares for `name` (a zip whose sizes lie). */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const patched = zip.slice();
  const view = new DataView(patched.buffer);
  const nameBytes = strToU8(name);
  for (let at = 0; at + 46 < patched.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const length = view.getUint16(at + 28, true);
    const candidate = patched.subarray(at + 46, at + 46 + length);
    if (length === nameBytes.length && candidate.every((byte, i) => byte === nameBytes[i])) {
      view.setUint32(at + 24, size, true);
      return patched;
    }
  }
  throw new Error(`no entry ${name}`);
}

describe('importTranscriptFile reads the format from the bytes', () => {
  it('reads a Word document named .txt as Word, and says so', async () => {
    const imported = await importTranscriptFile('transcript.txt', await boldLabelTranscript());
    expect(imported.format).toBe('docx');
    expect(imported.speakers.length).toBeGreaterThan(0);
    expect(imported.warnings[0]).toBe('The file is a Word document although its name ends in ".txt"; it was read as Word.');
  });

  it('reads plain text named .docx as text, and says so', async () => {
    const imported = await importTranscriptFile('notes.docx', strToU8('Moderator: Welcome.\r\nP1: Thanks.'));
    expect(imported).toMatchObject({ format: 'txt', encoding: 'utf-8', text: 'Moderator: Welcome.\nP1: Thanks.' });
    expect(imported.warnings[0]).toMatch(/plain text although its name ends in ".docx"/);
  });

  it('reads text files in UTF-8 with and without BOM, UTF-16 LE and BE, and Windows-1252, saying how it chose', async () => {
    const expected = await importTranscriptFile('fgd-utf8.txt', fixture('fgd-utf8.txt'));
    expect(expected.encodingDetectedBy).toBe('valid-utf-8');
    for (const [file, encoding, detectedBy] of [
      ['fgd-utf8-bom-crlf.txt', 'utf-8', 'byte-order-mark'],
      ['fgd-utf16le.txt', 'utf-16le', 'byte-order-mark'],
      ['fgd-utf16be.txt', 'utf-16be', 'byte-order-mark'],
    ] as const) {
      const imported = await importTranscriptFile(file, fixture(file));
      expect([imported.encoding, imported.encodingDetectedBy, imported.text]).toEqual([encoding, detectedBy, expected.text]);
    }
    const legacy = await importTranscriptFile('fgd-windows-1252.txt', fixture('fgd-windows-1252.txt'));
    expect([legacy.encoding, legacy.encodingDetectedBy]).toEqual(['windows-1252', 'fallback']);
    expect(legacy.warnings.join(' ')).toMatch(/detected as Windows-1252/);
    const chosen = await importTranscriptFile('fgd-windows-1252.txt', fixture('fgd-windows-1252.txt'), { encoding: 'windows-1252' });
    expect(chosen.encodingDetectedBy).toBe('requested');
  });

  it('turns CR and CRLF into LF', async () => {
    const imported = await importTranscriptFile('x.txt', strToU8('P1: one\r\nP2: two\rP3: three'));
    expect(imported.text).toBe('P1: one\nP2: two\nP3: three');
  });
});

describe('importTranscriptFile refuses bad input by name and reason, storing nothing', () => {
  it('a 0-byte file', async () => {
    expect((await refusal('empty.docx', new Uint8Array(0))).message).toBe('"empty.docx" is empty (0 bytes): there is no text to import.');
  });

  it('a truncated .docx', async () => {
    const whole = await boldLabelTranscript();
    const error = await refusal('cut.docx', whole.subarray(0, Math.floor(whole.length / 2)));
    expect(error.message).toMatch(/^"cut.docx" is damaged or incomplete \(was it cut short/);
  });

  it('a password-protected .docx', async () => {
    expect((await refusal('secret.docx', encryptedDocxHead())).message).toMatch(/^"secret.docx" is password-protected\. .*remove the password/);
  });

  it('an old .doc file', async () => {
    const doc = new Uint8Array(512);
    doc.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await refusal('old.docx', doc)).message).toMatch(/is an old-style Word \(\.doc\) file\. .*save it as \.docx/);
  });

  it('a PDF renamed to .docx', async () => {
    expect((await refusal('scan.docx', fixture('pdf-renamed.txt'))).message).toMatch(/^"scan.docx" is a PDF document, not a transcript\./);
  });

  it('an image', async () => {
    expect((await refusal('photo.docx', TINY_PNG)).message).toMatch(/^"photo.docx" is a PNG image, not a transcript\./);
  });

  it('an RTF document', async () => {
    expect((await refusal('notes.txt', strToU8('{\\rtf1\\ansi Hello}'))).message).toMatch(/Rich Text Format.*save it as \.docx/);
  });

  it('a file of hundreds of MB, before reading it', async () => {
    const error = await refusal('huge.docx', new Uint8Array(300 * 1024 * 1024));
    expect(error.message).toBe('"huge.docx" is 300 MB, far larger than any transcript; Tessera imports files of up to 100 MB.');
  });

  it('a small .docx that unpacks to far more XML than any transcript (zip bomb), before mammoth sees it', async () => {
    const bomb = xmlBombDocx(30);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const error = await refusal('bomb.docx', bomb);
    expect(error.message).toMatch(/^"bomb.docx" holds far more text markup than any transcript \(word\/document.xml: 30\.0 MB unpacked/);
  });

  it('a .docx whose markup is far denser than any transcript, within the byte budget', async () => {
    const bomb = xmlBombDocx(5);
    const error = await refusal('dense.docx', bomb);
    expect(error.message).toMatch(/^"dense.docx" has 91,981 paragraphs and 551,891 markup elements, far more than any transcript/);
  });

  it('a .docx whose styles, under any name, unpack to far more XML or markup than any transcript', async () => {
    const documentXml =
      '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Hello</w:t></w:r></w:p></w:body></w:document>';
    const withStyles = (name: string, styles: Uint8Array, quote: string): Uint8Array =>
      zipOf({
        '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        '_rels/.rels': `<Relationships><Relationship Id=${quote}r1${quote} Type=${quote}http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument${quote} Target=${quote}word/main.xml${quote}/></Relationships>`,
        'word/main.xml': documentXml,
        'word/_rels/main.xml.rels': `<Relationships><Relationship Id='r2' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles' Target='${name.slice('word/'.length)}'/></Relationships>`,
        [name]: styles,
      });
    const style = '<w:style w:type="paragraph"><w:name w:val="x"/></w:style>';
    const huge = strToU8(`<w:styles>${style.repeat(Math.ceil((30 * 1024 * 1024) / style.length))}</w:styles>`);
    // Single quotes in the package's relationships, a styles part not named .xml: both are what mammoth follows.
    expect((await refusal('styles.docx', withStyles('word/styles.bin', huge, "'"))).message).toMatch(/holds far more text markup than any transcript \(word\/styles\.bin: 30\.0 MB/);
    const dense = strToU8(`<w:styles>${'<w:b/>'.repeat(650_000)}</w:styles>`);
    expect((await refusal('dense-styles.docx', withStyles('word/look.xml', dense, '"'))).message).toMatch(
      /has more than 600,000 markup elements in its text, styles, notes and comments \(word\/look\.xml\)/,
    );
  });

  it('a .docx whose declared sizes lie', async () => {
    const lying = declareSize(xmlBombDocx(1), 'word/document.xml', 1000);
    expect((await refusal('lying.docx', lying)).message).toMatch(/is damaged or incomplete: .*larger than it says/);
  });

  it('a .docx whose XML declares a DTD (entity expansion)', async () => {
    const xml =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>';
    expect((await refusal('dtd.docx', handMadeDocx(xml))).message).toMatch(/contains a document type declaration \(word\/document.xml\)/);
  });

  it('other zip archives: OpenDocument, a Tessera project, a plain zip', async () => {
    expect((await refusal('a.docx', zipOf({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<x/>' }))).message).toMatch(
      /is an OpenDocument file \(\.odt\).*save it as \.docx/,
    );
    expect((await refusal('b.docx', zipOf({ 'tessera.json': '{}', 'project.json': '{}' }))).message).toMatch(/is a Tessera project file/);
    expect((await refusal('c.docx', zipOf({ 'readme.md': 'hi' }))).message).toBe('"c.docx" is a zip archive, not a Word document.');
  });

  it('a Word document with no text', async () => {
    const xml = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>';
    expect((await refusal('blank.docx', handMadeDocx(xml))).message).toBe('"blank.docx" contains no text.');
  });
});
