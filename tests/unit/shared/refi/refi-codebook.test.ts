/**
 * REFI-QDA codebooks: reading the real exports of other tools, refusing hostile or broken XML, writing a .qdc that
 * the official schema accepts (checked with xmllint), and a round trip through Tessera's own export.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { applyChange } from '#shared/model/change';
import { projectSnapshotSchema } from '#shared/model/schema';
import type { Code } from '#shared/model/types';
import { withCodebooks } from '#shared/codebooks/add-codebook';
import { addCodebook } from '#shared/codebooks/add-codebook';
import { createCode } from '#shared/codebook/create-code';
import { updateCode } from '#shared/codebook/edit-code';
import { treeOrder } from '#shared/codebook/code-tree';
import type { RefiCode } from '#shared/refi/read-codebook';
import { CodebookFileError, normaliseColor, readCodebookFile, readQdc } from '#shared/refi/read-codebook';
import { importCodebook } from '#shared/refi/import-codebook';
import { writeQdc } from '#shared/refi/write-codebook';
import { composeDescription, parseDescription } from '#shared/refi/code-description';
import { escapeAttribute, escapeText } from '#shared/refi/xml-writer';
import { readXml, XmlReadError } from '#shared/refi/xml-reader';
import { projectWithTranscript } from '../fixture-project.ts';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(import.meta.dirname, 'fixtures', name)));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const count = (codes: readonly RefiCode[]): number => codes.reduce((n, c) => n + 1 + count(c.children), 0);
const scratch = mkdtempSync(join(tmpdir(), 'tessera-qdc-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('reading the real exports of other tools', () => {
  it('reads Taguette’s schema-invalid .qdc, with a warning about its empty <Sets/>', () => {
    const book = readCodebookFile(fixture('taguette-1.4.1_codebook.qdc'));
    expect(book.origin).toBe('Taguette 1.4.1');
    expect(book.codes.map((c) => c.name)).toEqual(['xsd:element name', 'CodeBook', 'Variables']);
    expect(book.codes[0]?.guid).toBe('098ac082-a9c7-50f4-9728-48730081a95e');
    expect(book.warnings).toEqual([expect.stringMatching(/empty <Sets\/>.*not allow/)]);
  });

  it('reads the hand-written example with its category, colours and description', () => {
    const book = readQdc(fixture('minimal-codebook.qdc'));
    expect(book.codes).toHaveLength(1);
    expect(book.codes[0]).toMatchObject({ name: 'Drinks', isCodable: false, color: '#336699', description: 'Folder-like parent (not codable)' });
    expect(book.codes[0]?.children.map((c) => [c.name, c.color])).toEqual([['Likes', '#00aa00'], ['Dislikes', null]]);
    expect(book.warnings).toEqual(['1 code set was not imported: Tessera has no code sets.']);
  });

  it('reads the codebook inside the .qdpx projects of NVivo (Windows and Mac), MAXQDA and ATLAS.ti', () => {
    const nvivo = readCodebookFile(fixture('nvivo-win-12.6_oltas0517.qdpx'));
    expect(count(nvivo.codes)).toBe(152);
    expect(nvivo.codes[0]?.name).toBe('1. Oltás típusa');
    expect(nvivo.codes[1]?.description).toBe('Erősen szkeptikus (piros)\nEnyhén szkeptikus, kétkedő (sárga)\nElfogadó (zöld)');
    expect(count(readCodebookFile(fixture('nvivo-mac-15.0_codebook-only.qdpx')).codes)).toBe(262);
    const maxqda = readCodebookFile(fixture('maxqda-24.7_icls-just10.qdpx'));
    expect(count(maxqda.codes)).toBe(307);
    expect(maxqda.codes[0]?.color).toBe('#ef8256');
    const atlas = readCodebookFile(fixture('atlasti-win-23.2.3_target.qdpx'));
    expect(atlas.codes.map((c) => [c.name, c.children.length])).toEqual([['Commits', 2]]);
    expect(atlas.warnings).toEqual([]);
  });

  it('imports a real codebook into a project as one valid change, and adds nothing when imported again', () => {
    const { snapshot, newId, now } = projectWithTranscript();
    const book = readCodebookFile(fixture('nvivo-win-12.6_oltas0517.qdpx'));
    const first = importCodebook(snapshot, book, null, null, newId, now);
    expect(first.added).toBe(152);
    const after = applyChange(snapshot, first.change);
    expect(projectSnapshotSchema.safeParse(after).success).toBe(true);
    expect(after.codes.filter((c) => !c.isCodable)).toHaveLength(1);
    expect(new Set(after.codes.map((c) => c.id)).size).toBe(152);
    // Ids are new: a GUID from a file is never trusted to be free in the store.
    expect(after.codes.some((c) => c.id === book.codes[0]?.guid)).toBe(false);
    const again = importCodebook(after, book, null, null, newId, now);
    expect(again).toMatchObject({ added: 0, existing: 152 });
  });
});

describe('refusing hostile or broken XML', () => {
  const refuse = (text: string, message: RegExp) => {
    expect(() => readQdc(utf8(text))).toThrow(CodebookFileError);
    expect(() => readQdc(utf8(text))).toThrow(message);
  };

  it('refuses any DOCTYPE: billion laughs, external entities, a remote DTD', () => {
    refuse(
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="5AF49E20-6FF8-4711-B1B0-9833CBB50109" name="&lol2;" isCodable="true"/></Codes></CodeBook>',
      /DOCTYPE/,
    );
    refuse('<?xml version="1.0"?><!doctype x SYSTEM "file:///etc/passwd"><CodeBook/>', /DOCTYPE/);
    refuse('<!DOCTYPE CodeBook PUBLIC "x" "http://127.0.0.1:8765/evil.dtd"><CodeBook/>', /DOCTYPE/);
  });

  it('fails on an undefined entity, broken XML, non-UTF-8 bytes, a wrong root and an empty codebook', () => {
    refuse('<CodeBook><Codes><Code guid="x" name="&xxe;" isCodable="true"/></Codes></CodeBook>', /not well-formed.*undefined entity/);
    refuse('<CodeBook><Codes><Code name="a" isCodable="true"></Codes></CodeBook>', /not well-formed/);
    refuse('<CodeBook><Codes></Codes></CodeBook><extra/>', /not well-formed/);
    expect(() => readQdc(new Uint8Array([0x3c, 0x61, 0xff, 0xfe, 0x3e]))).toThrow(/not UTF-8/);
    refuse('<Project name="x"/>', /root element is <Project>/);
    refuse('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>', /holds no codes/);
    refuse('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/>', /no <Codes> element/);
  });

  it('refuses a .qdpx without one .qde, and one that is not a zip', () => {
    expect(() => readCodebookFile(zipSync({ 'sources/a.txt': strToU8('x') }))).toThrow(/no project.qde/);
    expect(() => readCodebookFile(zipSync({ 'a.qde': strToU8('<Project/>'), 'b.qde': strToU8('<Project/>') }))).toThrow(/more than one/);
    expect(() => readCodebookFile(new Uint8Array([0x50, 0x4b, 1, 2]))).toThrow(CodebookFileError);
  });

  it('is lenient where the meaning is clear, and says so', () => {
    const book = readQdc(
      utf8(
        '<CodeBook xmlns="urn:QDA-XML:codebook:0:4" origin="x"><Codes>' +
          '<Code guid="c001" name="A" isCodable="false" color="rgb(255, 0, 16)"/>' +
          '<Code guid="{5AF49E20-6FF8-4711-B1B0-9833CBB50109}" name=" " color="#00AA00FF"/>' +
          '</Codes></CodeBook>',
      ),
    );
    expect(book.codes.map((c) => [c.name, c.guid, c.isCodable, c.color])).toEqual([
      ['A', null, false, '#ff0010'],
      ['Unnamed code', '5af49e20-6ff8-4711-b1b0-9833cbb50109', true, '#00aa00'],
    ]);
    expect(book.warnings.join('\n')).toMatch(/codebook:0:4[\s\S]*not a GUID[\s\S]*rgb\(255, 0, 16\)[\s\S]*Unnamed code[\s\S]*codable/);
    expect(normaliseColor('#abc')).toEqual({ color: '#aabbcc', exact: true });
    expect(normaliseColor('teal')).toEqual({ color: null, exact: false });
  });

  it('reads entities, character references, CDATA and a UTF-8 BOM correctly', () => {
    const root = readXml(utf8('\ufeff<a x="1 &amp; 2 &#x1F600;"><b>&lt;T&gt; &quot;q&quot;</b><![CDATA[<raw>]]></a>'));
    expect(root.attributes.x).toBe('1 & 2 😀');
    expect(root.children[0]?.text).toBe('<T> "q"');
    expect(root.text).toBe('<raw>');
    expect(() => readXml(utf8('<a/>'), { maxBytes: 3, maxElements: 10, maxDepth: 10 })).toThrow(XmlReadError);
    expect(() => readXml(utf8('<a><a><a/></a></a>'), { maxBytes: 100, maxElements: 10, maxDepth: 2 })).toThrow(/deep/);
  });
});

function xmllintAvailable(): boolean {
  return spawnSync('xmllint', ['--version']).status === 0;
}

describe('writing a .qdc', () => {
  it('escapes text and attributes, dropping characters XML cannot hold', () => {
    expect(escapeText('a < b & c > d\u0001')).toBe('a &lt; b &amp; c &gt; d');
    expect(escapeAttribute('say "hi"\n\tnow')).toBe('say &quot;hi&quot;&#10;&#9;now');
  });

  it('writes texts and CFIR links into Description and reads them back', () => {
    const code = { description: 'Our wording.', inclusion: 'Talk of rivals.', exclusion: '', example: '“They had one.”', origin: { kind: 'cfir', version: '2.0', elementId: '2.0.II.G.2' } } as const;
    const text = composeDescription(code);
    expect(text).toBe(
      'Our wording.\n\nInclusion: Talk of rivals.\n\nExample: “They had one.”\n\nSource: CFIR 2.0 subconstruct II.G.2 (id 2.0.II.G.2).\n\nDefinition: Pressure arising from the wish to compete with, or keep up with, peer organizations.',
    );
    expect(parseDescription(text)).toEqual(code);
    expect(parseDescription('Plain words.\nExample: a quote')).toEqual({ description: 'Plain words.', inclusion: '', exclusion: '', example: 'a quote', origin: { kind: 'inductive' } });
    expect(parseDescription('Source: Nowhere 1 (id zz).\n\nDefinition: d').description).toBe('Source: Nowhere 1 (id zz).\n\nDefinition: d');
  });

  it('writes a codebook that validates against the official Codebook.xsd (xmllint)', (context) => {
    if (!xmllintAvailable()) {
      console.warn('SKIPPED: xmllint is not installed, so the .qdc was not validated against Codebook.xsd (apt-get install libxml2-utils).');
      context.skip();
    }
    const { snapshot, newId, now } = projectWithTranscript();
    let s = withCodebooks(snapshot, ['cfir-2.0', 'ibrahim-2019'], null, newId, now);
    const culture = s.codes.find((c) => c.origin.kind === 'cfir' && c.origin.elementId === '2.0.III.D') as Code;
    const made = createCode(s, { name: 'Hierarchy & “rank” <in> wards', parentId: culture.id, inclusion: 'Line 1\nLine 2', example: 'He said: "no"' }, null, newId, now);
    s = applyChange(s, made.change);
    const text = writeQdc(s, { origin: 'Tessera test', includeHidden: true });
    const file = join(scratch, 'codebook.qdc');
    writeFileSync(file, text);
    const result = spawnSync('xmllint', ['--noout', '--schema', join(import.meta.dirname, 'fixtures', 'Codebook.xsd'), file], { encoding: 'utf8' });
    expect(result.stderr).toMatch(/validates/);
    expect(result.status).toBe(0);
    // The same check refuses Taguette's file, so it is a real check.
    const taguette = spawnSync('xmllint', ['--noout', '--schema', join(import.meta.dirname, 'fixtures', 'Codebook.xsd'), join(import.meta.dirname, 'fixtures', 'taguette-1.4.1_codebook.qdc')]);
    expect(taguette.status).not.toBe(0);
  });

  it('leaves hidden codes out unless asked, and refuses a codebook with no code', () => {
    const { snapshot, newId, now } = projectWithTranscript();
    const s = withCodebooks(snapshot, ['cfir-2.0'], null, newId, now);
    const innovation = s.codes.find((c) => c.name === 'Innovation') as Code;
    const hidden = applyChange(s, updateCode(s, innovation.id, { isHidden: true }, now));
    expect(writeQdc(hidden, { origin: 'x', includeHidden: false })).not.toMatch(/Innovation Source/);
    expect(writeQdc(hidden, { origin: 'x', includeHidden: true })).toMatch(/Innovation Source/);
    expect(() => writeQdc(snapshot, { origin: 'x', includeHidden: false })).toThrow(/no code to export/);
  });

  it('round-trips a project’s tree, criteria and CFIR links through its own .qdc', () => {
    const { snapshot, newId, now } = projectWithTranscript();
    let s = withCodebooks(snapshot, ['cfir-2.0'], null, newId, now);
    const market = s.codes.find((c) => c.origin.kind === 'cfir' && c.origin.elementId === '2.0.II.G.2') as Code;
    s = applyChange(s, updateCode(s, market.id, { description: 'Competition with other NGOs.', exclusion: 'Donor pressure.' }, now));
    s = applyChange(s, createCode(s, { name: 'Rival programmes', parentId: market.id, color: '#123456' }, null, newId, now).change);
    const text = writeQdc(s, { origin: 'Tessera', includeHidden: true });

    const fresh = projectWithTranscript();
    const imported = importCodebook(fresh.snapshot, readQdc(utf8(text)), null, null, fresh.newId, fresh.now);
    const after = applyChange(fresh.snapshot, imported.change);
    const shape = (codes: readonly Code[]) =>
      treeOrder(codes).map(({ code, outline }) => [outline, code.name, code.color, code.isCodable, code.origin, code.description, code.inclusion, code.exclusion, code.example]);
    expect(shape(after.codes)).toEqual(shape(s.codes));
    // Adding CFIR 2.0 afterwards uses the imported codes rather than making them again.
    expect(addCodebook(after, 'cfir-2.0', null, fresh.newId, fresh.now).codes).toHaveLength(0);
  });
});
