/**
 * REFI-QDA projects: the real exports of NVivo, MAXQDA and ATLAS.ti (and the hand-written example) import with their
 * counts and with codings on the right words; odd files import leniently with a report; exports validate against the
 * official Project.xsd (xmllint) and round trips keep the project.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { seededRandom, seededUuidGenerator, steppingClock } from '#shared/model/ids';
import { stampsAt } from '#shared/model/stamps';
import type { Coding, ProjectSnapshot, TesseraDocument } from '#shared/model/types';
import { sliceCodePoints } from '#shared/text/code-points';
import { synthesizeStudy } from '#shared/synth/synthesize-study';
import { formatImportReport, readRefiProject, RefiProjectError, type RefiProjectImport } from '#shared/refi/read-project';
import { danglingReferences, hostileArchives } from './hostile-archives.ts';
import { positionConverter, type PositionCounting } from '#shared/refi/text-positions';
import { recogniseTranscript } from '#shared/import/transcript-structure';
import { writeQdpx } from '#shared/refi/write-project';
import { readCodebookFile } from '#shared/refi/read-codebook';
import { refiImportAsSession } from '#shared/refi/merge-input';
import { applyMergePlan, planMerge } from '#shared/merge/merge-plan';
import { oneOffStamp } from '#shared/model/stamps';
import { checkSnapshotIntegrity } from '#shared/model/schema';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(import.meta.dirname, 'fixtures', name)));
const scratch = mkdtempSync(join(tmpdir(), 'tessera-qdpx-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function ids(seed = 3): { newId: () => string; now: () => string } {
  return { newId: seededUuidGenerator(seededRandom(seed)), now: steppingClock('2026-12-01T10:00:00.000Z') };
}
function read(bytes: Uint8Array, fileName = 'test.qdpx'): RefiProjectImport {
  return readRefiProject(bytes, { fileName, ...ids() });
}
function codedText(snapshot: ProjectSnapshot, coding: Coding): string {
  const document = snapshot.documents.find((d) => d.id === coding.documentId) as TesseraDocument;
  return sliceCodePoints(document.text, coding.start, coding.end);
}
const PROJECT = '<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0"';
/** A .qdpx of a project.qde and its source files. */
function qdpx(qde: string, files: Record<string, string | Uint8Array> = {}): Uint8Array {
  const entries: Record<string, Uint8Array> = { 'project.qde': strToU8(qde) };
  for (const [name, content] of Object.entries(files)) entries[name] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(entries);
}
const G = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function xmllint(qde: string, name: string): { ok: boolean; output: string } {
  const file = join(scratch, name);
  writeFileSync(file, qde);
  const result = spawnSync('xmllint', ['--noout', '--schema', join(import.meta.dirname, 'fixtures', 'Project.xsd'), file], { encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}
const xmllintAvailable = spawnSync('xmllint', ['--version']).status === 0;

// The NVivo sample is two transcripts of 600 kB each; read cold, on a shared 2-core machine, that takes seconds.
describe('the real exports of other tools', { timeout: 60_000 }, () => {
  it('NVivo for Windows 12.6: 2 transcripts, 152 codes, 303 codings on the right words (UTF-16 positions, BOM, CRLF, emoji)', () => {
    const { snapshot, report } = read(fixture('nvivo-win-12.6_oltas0517.qdpx'), 'nvivo.qdpx');
    expect(report.counts).toMatchObject({ documents: 2, codes: 152, codings: 303, coders: 2 });
    expect(snapshot.codes.filter((c) => !c.isCodable)).toHaveLength(1);
    expect(report.positions).toEqual([expect.stringContaining('UTF-16 units'), expect.stringContaining('UTF-16 units')]);
    const byId = new Map(snapshot.codings.map((c) => [c.id, c]));
    const coding = byId.get('da50c6de-cd58-40da-a7e3-be4b82d7f00c') as Coding;
    expect(codedText(snapshot, coding)).toBe(codedText(snapshot, coding).trim());
    expect(coding).toMatchObject({ createdBy: '29518289-d0e3-447b-b7dd-ae1d8cd880a0', createdAt: '2025-06-18T02:06:50.000Z', codeId: 'e8811e5d-feb6-458a-b0dd-ae1dbfef84b8' });
    const texts = snapshot.codings.map((c) => codedText(snapshot, c));
    expect(texts[0]).toMatch(/^Senkit nem lehet kötelezni oltásra, ilyet csak ostoba/);
    expect(texts[1]).toBe('tudatos hal äl reklám, hatalmas árulás');
    // The sanity test of NOTES.md §3: passages start and end on words. Read as code points, only 49 of 303 do.
    const onWords = texts.filter((t) => /^\S/u.test(t) && /\S$/u.test(t)).length;
    expect(onWords).toBeGreaterThanOrEqual(299);
    // The last coding of the longer text lies after hundreds of emoji: still on its words.
    const last = snapshot.codings.reduce((a, b) => (b.start > a.start ? b : a));
    expect(codedText(snapshot, last)).toMatch(/^\S[\s\S]*\S$/u);
    for (const document of snapshot.documents) {
      expect(document.text.includes('\r')).toBe(false);
      expect(document.text.charCodeAt(0)).not.toBe(0xfeff);
      expect(document.paragraphs.length).toBeGreaterThan(100);
    }
  });

  it('a codebook-only import of a .qdpx says what it leaves out and points to the project import', () => {
    expect(readCodebookFile(fixture('nvivo-win-12.6_oltas0517.qdpx')).warnings).toContain(
      'This project also holds 2 sources, 303 codings and 0 notes, which importing only its codebook leaves out. To bring them, use "Import REFI-QDA project (.qdpx)" on the start screen (a new project).',
    );
    expect(readCodebookFile(fixture('atlasti-win-23.2.3_target.qdpx')).warnings).toEqual([]);
  });

  it('MAXQDA 24.7: 10 transcripts, 307 coloured codes, document groups from its sets', () => {
    const { snapshot, report } = read(fixture('maxqda-24.7_icls-just10.qdpx'));
    expect(report.counts).toMatchObject({ documents: 10, codes: 307, codings: 0, coders: 1, documentGroups: 2 });
    expect(snapshot.codes[0]?.color).toBe('#ef8256');
    expect(snapshot.codes.every((c) => c.isCodable)).toBe(true);
    expect(snapshot.documentGroups.map((g) => [g.name, g.documentIds.length])).toEqual([['ICLS 2024', 5], ['ICLS 2025', 5]]);
    expect(snapshot.documents.map((d) => d.id)).toContain('c5e4c960-5296-4fde-8c63-deaba4e17f92');
    expect(snapshot.coders[0]?.name).toBe('johnb');
  });

  it('NVivo for Mac 15.0: 262 codes; its two sources with an empty plain text are reported, not imported empty', () => {
    const { report } = read(fixture('nvivo-mac-15.0_codebook-only.qdpx'));
    expect(report.counts).toMatchObject({ documents: 0, codes: 262 });
    expect(report.notCarried.filter((line) => /empty plain text/.test(line))).toHaveLength(2);
  });

  it('ATLAS.ti 23.2.3: its users and nested codes', () => {
    const { snapshot, report } = read(fixture('atlasti-win-23.2.3_target.qdpx'));
    expect(report.counts).toMatchObject({ codes: 3, coders: 2, documents: 0 });
    expect(snapshot.coders.map((c) => c.name)).toEqual(['Enric Llagostera', 'ATLAS.ti']);
    expect(snapshot.codes.filter((c) => c.parentId === 'a182cd3a-d83c-4d8c-bc80-26d9103ec6d6')).toHaveLength(2);
  });

  it('the hand-written example: codings on "love tea" and "Coffee is too bitter", its memo, case, variable and set', () => {
    const { snapshot, report } = read(fixture('minimal.qdpx'));
    expect(snapshot.codings.map((c) => codedText(snapshot, c))).toEqual(['love tea', 'Coffee is too bitter']);
    expect(snapshot.codings[0]?.createdBy).toBe('3cb15df7-b247-4ad9-a082-19a28716831a');
    expect(snapshot.memos).toEqual([
      expect.objectContaining({ title: 'Memo on tea', text: 'Strong preference stated up front.', target: { kind: 'coding', id: 'bda7e745-f8e9-424d-a1b6-3ccfe2562f7e' } }),
    ]);
    expect(snapshot.cases).toEqual([expect.objectContaining({ name: 'Participant 1', outcomes: { Age: '42' }, scope: { kind: 'documents', documentIds: ['a57ec099-e8f7-4666-b96e-5189086f3c83'] } })]);
    expect(snapshot.documentGroups[0]).toMatchObject({ name: 'Interviews', documentIds: ['a57ec099-e8f7-4666-b96e-5189086f3c83'] });
    expect(snapshot.codes.find((c) => c.name === 'Drinks')).toMatchObject({ isCodable: false, color: '#336699', description: 'Folder-like parent (not codable)' });
    expect(snapshot.project.description).toBe('Hand-written minimal REFI-QDA example (Project schema 1.0).');
    expect(report.notCarried).toEqual([expect.stringMatching(/1 link between codes/)]);
    expect(formatImportReport(report)).toContain('1 document, 3 codes, 2 codings, 1 memo, 1 coder, 1 case, 1 document group');
  });
});

describe('odd files import leniently, and the report says what was done', () => {
  const text = '\ufeffModerator: How was it?\r\n\r\nP1: Good 😀 and calm.  \r\nP2: Tiring.\r\n';
  const source = (counting: 'nvivo' | 'atlas' | 'other', selections: string, extra = ''): Uint8Array => {
    const origin = counting === 'nvivo' ? 'NVivo for Windows 12.6' : counting === 'atlas' ? 'ATLAS.ti 23' : 'SomeTool 1';
    return qdpx(
      `${PROJECT} name="p" origin="${origin}"><Users><User guid="${G(9)}" name="Ana"/></Users><CodeBook><Codes><Code guid="${G(1)}" name="Calm" isCodable="true"/></Codes></CodeBook>` +
        `<Sources><TextSource guid="${G(2)}" name="fg" plainTextPath="internal://${G(2)}.txt">${selections}</TextSource>${extra}</Sources></Project>`,
      { [`Sources/${G(2)}.txt`]: text },
    );
  };
  const coding = (n: number, start: number, end: number): string =>
    `<PlainTextSelection guid="${G(100 + n)}" startPosition="${start}" endPosition="${end}"><Coding guid="${G(200 + n)}" creatingUser="${G(9)}"><CodeRef targetGUID="${G(1)}"/></Coding></PlainTextSelection>`;

  it('reads NVivo positions as UTF-16 units, ATLAS.ti CRLF as one, and others as code points', () => {
    // Without the BOM, "calm" is at UTF-16 units 42..46, code points 41..45, and 39..43 with each CRLF counted once.
    const nvivo = read(source('nvivo', coding(1, 42, 46)));
    expect(nvivo.snapshot.codings.map((c) => codedText(nvivo.snapshot, c))).toEqual(['calm']);
    const codePoints = read(source('other', coding(1, 41, 45)));
    expect(codePoints.snapshot.codings.map((c) => codedText(codePoints.snapshot, c))).toEqual(['calm']);
    const atlas = read(source('atlas', coding(1, 39, 43)));
    expect(atlas.snapshot.codings.map((c) => codedText(atlas.snapshot, c))).toEqual(['calm']);
    expect(codePoints.report.positions).toEqual([expect.stringMatching(/code points.*CRLF/)]);
  });

  it('clamps a selection past the end of the text, and reports it', () => {
    const { snapshot, report } = read(source('other', coding(1, 54, 500)));
    expect(codedText(snapshot, snapshot.codings[0] as Coding)).toBe('Tiring.');
    expect(report.deviations).toEqual([expect.stringMatching(/past the end of its text/)]);
  });

  it('drops and lists references to GUIDs the file does not hold', () => {
    const dangling =
      `<PlainTextSelection guid="${G(150)}" startPosition="0" endPosition="9"><Coding guid="${G(250)}"><CodeRef targetGUID="${G(88)}"/></Coding><NoteRef targetGUID="${G(99)}"/></PlainTextSelection>` +
      `<PlainTextSelection guid="${G(151)}" startPosition="0" endPosition="9" creatingUser="${G(77)}"><Coding guid="${G(251)}"><CodeRef targetGUID="${G(1)}"/></Coding></PlainTextSelection>`;
    const { snapshot, report } = read(source('other', coding(1, 41, 45) + dangling));
    expect(snapshot.codings.map((c) => [codedText(snapshot, c), c.createdBy])).toEqual([['calm', G(9)], ['Moderator', null]]);
    const line = report.deviations.find((d) => d.startsWith('References to')) as string;
    expect(line).toContain(`code ${G(88)}`);
    expect(line).toContain(`user ${G(77)}`);
    expect(line).toContain(`note ${G(99)}`);
  });

  it("attaches NVivo's annotation (a Link from a Note to a selection) and MAXQDA's comment (a selection with only a Description)", () => {
    const note = `<PlainTextSelection guid="${G(160)}" startPosition="26" endPosition="37"/>`;
    const comment = `<PlainTextSelection guid="${G(161)}" startPosition="55" endPosition="62"><Description>Said with a sigh.</Description></PlainTextSelection>`;
    const bytes = qdpx(
      `${PROJECT} name="p" origin="NVivo 14"><Users><User guid="${G(9)}" name="Ana"/></Users><CodeBook><Codes><Code guid="${G(1)}" name="Calm" isCodable="true"/></Codes></CodeBook>` +
        `<Sources><TextSource guid="${G(2)}" name="fg" plainTextPath="${G(2)}.txt">${coding(1, 42, 46)}${note}${comment}</TextSource></Sources>` +
        `<Notes><Note guid="${G(300)}" name="Annotation" plainTextPath="internal://${G(300)}.txt"/><Note guid="${G(301)}" name="On calm"><PlainTextContent>Why calm?</PlainTextContent></Note></Notes>` +
        `<Links><Link guid="${G(400)}" originGUID="${G(300)}" targetGUID="${G(160)}"/><Link guid="${G(401)}" originGUID="${G(301)}" targetGUID="${G(101)}"/></Links></Project>`,
      { [`sources/${G(2)}.txt`]: text, [`sources/${G(300)}.txt`]: '\ufeffThe first answer.' },
    );
    const { snapshot, report } = read(bytes);
    const byTitle = new Map(snapshot.memos.map((m) => [m.title, m]));
    expect(byTitle.get('Annotation')).toMatchObject({ target: { kind: 'document', id: G(2) }, text: 'On paragraph 2 “P1: Good 😀”:\n\nThe first answer.' });
    expect(byTitle.get('On calm')).toMatchObject({ target: { kind: 'coding', id: G(201) }, text: 'Why calm?' });
    expect(byTitle.get('Comment on a passage')).toMatchObject({ target: { kind: 'document', id: G(2) }, text: 'On paragraph 3 “Tiring.”:\n\nSaid with a sigh.' });
    expect(report.deviations).toEqual([expect.stringMatching(/without "internal:\/\/"/)]);
  });

  it('reports what it cannot carry: PDF, picture and audio sources, files outside the archive, graphs', () => {
    const extra = `<PDFSource guid="${G(10)}" name="Protocol" path="internal://${G(10)}.pdf"/><PictureSource guid="${G(11)}" name="Map"/><AudioSource guid="${G(12)}" name="Rec"/><TextSource guid="${G(13)}" name="far" plainTextPath="absolute:///C:/x.txt"/>`;
    const { report } = read(source('other', '', extra));
    for (const what of [/1 PDF source \("Protocol"\)/, /1 picture source \("Map"\)/, /1 audio source \("Rec"\)/, /"far" is a file outside the archive \(absolute:/]) {
      expect(report.notCarried.join('\n')).toMatch(what);
    }
    expect(report.counts.documents).toBe(1);
  });

  it('gives a second record with the same GUID a new id, and says so', () => {
    const { snapshot, report } = read(source('other', coding(1, 41, 45) + coding(1, 26, 28)));
    expect(new Set(snapshot.codings.map((c) => c.id)).size).toBe(2);
    expect(report.deviations).toEqual([`A coding repeats the GUID ${G(201)}; the second was given a new one.`]);
  });

  it('converts any position to the same characters, whatever the counting, line ends and BOM (property)', () => {
    const pieces = fc.constantFrom('a', 'b', ' ', 'é', '😀', '\r\n', '\n', 'P1: ', '  ', '\u2028', 'x');
    fc.assert(
      fc.property(fc.array(pieces, { minLength: 1, maxLength: 40 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const delivered = parts.join('');
        const stored = recogniseTranscript([delivered]).text;
        for (const counting of ['code-points', 'utf16', 'crlf-as-one'] as readonly PositionCounting[]) {
          const converter = positionConverter(delivered, stored, counting);
          // Tool positions of each code point of the delivered text, counted as that tool counts.
          const units: { start: number; text: string }[] = [];
          let position = 0;
          for (let i = 0; i < delivered.length; ) {
            const char = String.fromCodePoint(delivered.codePointAt(i) as number);
            const crlf = delivered.startsWith('\r\n', i);
            units.push({ start: position, text: crlf ? '\r\n' : char });
            position += counting === 'utf16' ? char.length : 1;
            i += crlf && counting === 'crlf-as-one' ? 2 : char.length;
            if (crlf && counting !== 'crlf-as-one') units[units.length - 1] = { start: position - 1, text: '\r' };
          }
          if (units.length === 0) continue;
          const from = a % units.length;
          const to = from + (b % (units.length - from));
          const expected = units.slice(from, to + 1).map((u) => u.text).join('');
          // A passage that holds no line break and ends in no white space is the same characters in the stored text.
          if (/[\r\n]/.test(expected) || /\s$/u.test(expected) || /^\s/u.test(expected)) continue;
          const end = to + 1 < units.length ? (units[to + 1] as { start: number }).start : converter.length;
          const start = converter.toStored((units[from] as { start: number }).start);
          expect(sliceCodePoints(stored, start, converter.toStored(end))).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('exporting .qdpx', { timeout: 120_000 }, () => {
  const study = synthesizeStudy({ documents: 3, wordsPerDocument: 300, codes: 12, codings: 40, coders: 2, seed: 11 });
  const stamps = stampsAt('2026-11-30T12:00:00.000Z', (study.coders[0] as ProjectSnapshot['coders'][number]).id);
  const withCaseAndGroup: ProjectSnapshot = {
    ...study,
    cases: [
      {
        id: G(500),
        projectId: study.project.id,
        name: 'Early adopters',
        scope: { kind: 'documents', documentIds: [(study.documents[0] as TesseraDocument).id] },
        outcomes: { implementation: 'high' },
        description: 'The sites that started first.',
        order: 1,
        ...stamps,
      },
    ],
    documentGroups: [
      { id: G(501), projectId: study.project.id, name: 'Validated', description: 'Checked by the site team', documentIds: study.documents.slice(0, 2).map((d) => d.id), ...stamps },
    ],
  };

  it.skipIf(!xmllintAvailable)('writes a project.qde that validates against Project.xsd (xmllint)', () => {
    const result = writeQdpx(withCaseAndGroup, { origin: 'Tessera test', ...ids() });
    const check = xmllint(result.qde, 'synth.qde');
    expect(check.output).toContain('validates');
    expect(check.ok).toBe(true);
    const files = unzipSync(result.bytes);
    expect(Object.keys(files).sort()).toEqual(['project.qde', ...study.documents.map((d) => `sources/${d.id.toUpperCase()}.txt`)].sort());
    const first = files[`sources/${(study.documents[0] as TesseraDocument).id.toUpperCase()}.txt`] as Uint8Array;
    expect(first[0]).not.toBe(0xef);
    expect(new TextDecoder().decode(first)).toBe((study.documents[0] as TesseraDocument).text);
  });

  it('round trip Tessera -> .qdpx -> Tessera keeps the project, field by field', () => {
    const exported = writeQdpx(withCaseAndGroup, { origin: 'Tessera test', ...ids() });
    const back = read(exported.bytes).snapshot;
    expect(projection(back)).toEqual(projection(withCaseAndGroup));
    expect(exported.notCarried.join('\n')).toMatch(/speaker structure/);
  });

  it.skipIf(!xmllintAvailable)('each real sample -> Tessera -> .qdpx validates and keeps every coding on the same words', () => {
    for (const name of ['nvivo-win-12.6_oltas0517.qdpx', 'maxqda-24.7_icls-just10.qdpx', 'nvivo-mac-15.0_codebook-only.qdpx', 'atlasti-win-23.2.3_target.qdpx', 'minimal.qdpx']) {
      const first = read(fixture(name), name).snapshot;
      const exported = writeQdpx(first, { origin: 'Tessera test', ...ids() });
      const check = xmllint(exported.qde, `${name}.qde`);
      expect(check.ok, `${name}: ${check.output}`).toBe(true);
      const second = read(exported.bytes, name).snapshot;
      const words = (s: ProjectSnapshot): Record<string, string> => Object.fromEntries(s.codings.map((c) => [c.id, codedText(s, c)]));
      expect(words(second)).toEqual(words(first));
      expect(second.codes.length).toBe(first.codes.length);
      expect(second.memos.map((m) => [m.id, m.target, m.text])).toEqual(first.memos.map((m) => [m.id, m.target, m.text]));
    }
  });
});

/** What REFI-QDA carries of a project, with ids, in a comparable form (sibling and list order kept). */
function projection(s: ProjectSnapshot): unknown {
  const site = new Map(s.sites.map((x) => [x.id, x.code]));
  const phase = new Map(s.phases.map((x) => [x.id, x.name]));
  const byOrder = <T extends { order: number }>(list: readonly T[]): T[] => [...list].sort((a, b) => a.order - b.order);
  const stamps = (r: { createdAt: string; createdBy: string | null; modifiedAt: string; modifiedBy: string | null }): unknown => [r.createdAt, r.createdBy, r.modifiedAt, r.modifiedBy];
  return {
    project: [s.project.name, s.project.description, stamps(s.project)],
    coders: s.coders.map((c) => [c.id, c.name, c.initials]),
    sites: byOrder(s.sites.filter((x) => s.documents.some((d) => d.attributes.siteId === x.id))).map((x) => [x.code, x.name]),
    phases: byOrder(s.phases.filter((x) => s.documents.some((d) => d.attributes.phaseId === x.id))).map((x) => x.name),
    codes: [...s.codes]
      .sort((a, b) => (a.parentId ?? '').localeCompare(b.parentId ?? '') || a.order - b.order)
      .map((c) => [c.id, c.parentId, c.name, c.color, c.description, c.inclusion, c.exclusion, c.example, c.origin, c.isCodable]),
    documents: s.documents.map((d) => ({
      id: d.id,
      name: d.name,
      kind: d.kind,
      text: d.text,
      length: d.length,
      stamps: stamps(d),
      site: d.attributes.siteId ? site.get(d.attributes.siteId) : null,
      phase: d.attributes.phaseId ? phase.get(d.attributes.phaseId) : null,
      language: d.attributes.language,
      date: d.attributes.date,
      extra: d.attributes.extra,
      paragraphs: d.paragraphs.map((p) => [p.n, p.start, p.end, p.utteranceStart, p.speakerId ? d.speakers.find((x) => x.id === p.speakerId)?.label : null, p.timestamps]),
      speakers: d.speakers.map((x) => [x.label, x.role]),
    })),
    codings: [...s.codings].sort((a, b) => a.id.localeCompare(b.id)).map((c) => [c.id, c.documentId, c.codeId, c.start, c.end, c.createdBy, c.createdAt]),
    memos: [...s.memos].sort((a, b) => a.id.localeCompare(b.id)).map((m) => [m.id, m.target, m.title, m.text, stamps(m)]),
    cases: s.cases.map((c) => [c.id, c.name, c.scope, c.outcomes, c.description]),
    groups: s.documentGroups.map((g) => [g.id, g.name, g.description, g.documentIds]),
  };
}

describe('hostile and broken archives', { timeout: 60_000 }, () => {
  const valid = fixture('minimal.qdpx');
  for (const hostile of hostileArchives()) {
    it(`refuses ${hostile.name} with a clear message, and imports a valid archive right after`, () => {
      const started = performance.now();
      let error: unknown;
      try {
        read(hostile.bytes, `${hostile.name}.qdpx`);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(RefiProjectError);
      expect((error as Error).message).toMatch(hostile.message);
      // The attack is refused as it is seen, not after working through it.
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(read(valid).snapshot.codings).toHaveLength(2);
    });
  }

  it('imports an archive with dangling references, dropping and listing each', () => {
    const { snapshot, report } = read(danglingReferences());
    expect(snapshot.codings.map((c) => codedText(snapshot, c))).toEqual(['there']);
    expect(snapshot.documentGroups[0]?.documentIds).toEqual([]);
    const listed = report.deviations.find((d) => d.startsWith('References to')) as string;
    for (const what of ['code deadbeef-0000-4000-8000-000000000005', 'user deadbeef-0000-4000-8000-000000000002', 'note deadbeef-0000-4000-8000-000000000008', 'source deadbeef-0000-4000-8000-000000000011', 'text file internal://nowhere.txt']) {
      expect(listed).toContain(what);
    }
  });
});

describe('importing into the open project, through the merge', { timeout: 60_000 }, () => {
  it('a Tessera project exported to .qdpx and read back merges into itself as a no-op; a new sample merges in whole', () => {
    const study = synthesizeStudy({ documents: 2, wordsPerDocument: 200, codes: 8, codings: 20, coders: 2, seed: 9 });
    const back = read(writeQdpx(study, { origin: 'Tessera test', ...ids() }).bytes).snapshot;
    const plan = planMerge(study, [refiImportAsSession(study, back)], ['open', 'file.qdpx']);
    const merged = applyMergePlan(study, plan, {}, { stamp: oneOffStamp(study, null, '2027-01-01T00:00:00.000Z') }).snapshot;
    expect(merged.codings.map((c) => c.id).sort()).toEqual(study.codings.map((c) => c.id).sort());
    expect(merged.documents).toHaveLength(2);
    expect(checkSnapshotIntegrity(merged)).toEqual([]);

    const minimal = read(fixture('minimal.qdpx')).snapshot;
    const into = applyMergePlan(study, planMerge(study, [refiImportAsSession(study, minimal)]), {}, { stamp: oneOffStamp(study, null, '2027-01-01T00:00:00.000Z') }).snapshot;
    expect(into.documents).toHaveLength(3);
    expect(into.codings).toHaveLength(study.codings.length + 2);
    expect(checkSnapshotIntegrity(into)).toEqual([]);
  });
});
