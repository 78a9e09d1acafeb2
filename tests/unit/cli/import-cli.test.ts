/**
 * `tessera inspect` on Word files and `tessera import`, run as users run them (`node cli/tessera.mjs ...` in a child
 * process), on .docx files built with the docx package and text files written here.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeProjectFile } from '#shared/project-file/project-file';
import { importTranscriptFile } from '#shared/import/import-file';
import { boldLabelTranscript, speakerTableTranscript } from '../../fixtures/docx/docx-fixtures.ts';
import { tessera } from './run-tessera.ts';

const scratch = mkdtempSync(join(tmpdir(), 'tessera-import-cli-'));
const at = (name: string): string => join(scratch, name);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

beforeAll(async () => {
  writeFileSync(at('BU_pre_FGD_EN.docx'), await boldLabelTranscript());
  writeFileSync(at('BU_pre_FGD2_EN.docx'), await speakerTableTranscript());
  writeFileSync(at('BU_pre_FN.txt'), 'The room was hot.\r\nP3 arrived late.');
  writeFileSync(at('broken.docx'), (await boldLabelTranscript()).subarray(0, 500));
  writeFileSync(at('cp1252.txt'), new Uint8Array([...new TextEncoder().encode('P1: They said '), 0x93, 0x68, 0x69, 0x94]));
});

describe('tessera inspect on a Word transcript', () => {
  it('prints exactly what the app stores: format, speakers, each paragraph with speaker, utterance and timestamps', async () => {
    const run = await tessera('inspect', at('BU_pre_FGD_EN.docx'));
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      text: string;
      format: string;
      encoding: string;
      speakers: unknown[];
      paragraphs: { n: number; speaker: string | null; text: string; timestamps: string[] }[];
    };
    const imported = await importTranscriptFile('BU_pre_FGD_EN.docx', new Uint8Array(readFileSync(at('BU_pre_FGD_EN.docx'))));
    expect(report.text).toBe(imported.text);
    expect(report.format).toBe('docx');
    expect(report.speakers).toEqual(imported.speakers);
    expect(report.paragraphs[3]).toEqual({ n: 4, start: 139, end: 188, speaker: 'P3', text: 'I think it “helps” a lot\u00a0— really.', timestamps: ['00:21:47'], heading: null });
    expect(report.paragraphs.map((p) => p.speaker)).toEqual(imported.paragraphs.map((p) => p.speakerLabel));
  });

  it('shows the same speakers, paragraphs, headings and text as the document the import stores', { timeout: 90_000 }, async () => {
    const project = at('inspect-vs-store.tessera');
    await tessera('synth', '-o', project, '--docs', '1', '--words', '60', '--codes', '4', '--codings', '1');
    for (const file of ['BU_pre_FGD_EN.docx', 'BU_pre_FGD2_EN.docx']) {
      const [inspected, imported] = await Promise.all([tessera('inspect', at(file)), tessera('import', project, at(file))]);
      expect(imported.code).toBe(0);
      const report = JSON.parse(inspected.stdout) as {
        text: string;
        speakers: { label: string; role: string }[];
        paragraphs: { n: number; start: number; end: number; speaker: string | null; text: string; heading: number | null }[];
      };
      const { snapshot } = await decodeProjectFile(new Uint8Array(readFileSync(project)));
      const stored = snapshot.documents.find((document) => document.source.fileName === file);
      if (!stored) throw new Error(`${file} was not stored`);
      expect(report.text).toBe(stored.text);
      expect(report.speakers).toEqual(stored.speakers.map(({ label, role }) => ({ label, role })));
      const labelOf = new Map(stored.speakers.map((speaker) => [speaker.id, speaker.label]));
      const points = [...stored.text];
      expect(report.paragraphs).toEqual(
        stored.paragraphs.map((p) => ({
          n: p.n,
          start: p.start,
          end: p.end,
          speaker: p.speakerId ? labelOf.get(p.speakerId) : null,
          text: points.slice(p.utteranceStart, p.end).join(''),
          timestamps: p.timestamps,
          heading: p.headingLevel ?? null,
        })),
      );
    }
  });

  it('shows the encoding detected for a text file and how it was chosen', async () => {
    const report = JSON.parse((await tessera('inspect', at('cp1252.txt'))).stdout) as { encoding: string; encodingDetectedBy: string; text: string };
    expect(report).toMatchObject({ encoding: 'windows-1252', encodingDetectedBy: 'fallback', text: 'P1: They said “hi”' });
  });
});

describe('tessera import', () => {
  it('adds documents with site and phase, declares a new site, links field notes, and names a file that failed', async () => {
    const project = at('study.tessera');
    expect((await tessera('synth', '-o', project, '--docs', '2', '--words', '60', '--codes', '4', '--codings', '2')).code).toBe(0);
    const run = await tessera('import', project, at('BU_pre_FGD_EN.docx'), at('BU_pre_FN.txt'), at('broken.docx'), '--site', 'NK', '--site-name', 'Nkokonjeru', '--phase', 'pre');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^"broken.docx" is damaged or incomplete/);
    expect(run.stdout).toBe(
      `Added 2 documents to ${project}. New site: NK.\n` +
        '  BU_pre_FGD_EN: NK, pre, transcript, 12 paragraphs, 5 speakers\n' +
        '  BU_pre_FN: NK, pre, field-notes, 2 paragraphs, 0 speakers, notes on BU_pre_FGD_EN\n' +
        '1 of 3 files could not be imported (see above); nothing of them was stored.\n',
    );
    const { snapshot } = await decodeProjectFile(new Uint8Array(readFileSync(project)));
    const site = snapshot.sites.find((candidate) => candidate.code === 'NK');
    expect(site?.name).toBe('Nkokonjeru');
    const transcript = snapshot.documents.find((document) => document.name === 'BU_pre_FGD_EN');
    expect(transcript?.attributes.siteId).toBe(site?.id);
    expect(transcript?.attributes.language).toBe('English');
    expect(transcript?.source).toMatchObject({ fileName: 'BU_pre_FGD_EN.docx', format: 'docx' });
    expect(transcript?.speakers.map((speaker) => speaker.label)).toEqual(['Moderator', 'P3', 'Participant 2', 'Sarah', 'P1']);
  });

  it('reads site and phase from file names when not given, and refuses an unknown phase as usage', async () => {
    const project = at('study2.tessera');
    await tessera('synth', '-o', project, '--docs', '1', '--words', '60', '--codes', '4', '--codings', '1');
    const run = await tessera('import', project, at('BU_pre_FGD2_EN.docx'));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ {2}BU_pre_FGD2_EN: BU, pre, transcript, 7 paragraphs, 3 speakers$/m);
    const wrong = await tessera('import', project, at('BU_pre_FGD2_EN.docx'), '--phase', 'during');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^The project has no phase "during"; its phases are pre, post\./);
  });

  it('writes nothing and exits 1 when no file could be imported; needs at least one file', async () => {
    const project = at('study3.tessera');
    await tessera('synth', '-o', project, '--docs', '1', '--words', '60', '--codes', '4', '--codings', '1');
    const before = readFileSync(project);
    const run = await tessera('import', project, at('broken.docx'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Nothing was added to .*study3\.tessera: the file could not be imported\./);
    expect(readFileSync(project).equals(before)).toBe(true);
    expect((await tessera('import', project)).code).toBe(2);
  });
});
