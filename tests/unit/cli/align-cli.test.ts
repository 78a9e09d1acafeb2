/**
 * `tessera align` run as users run it (`node cli/tessera.mjs ...` in a child process) on Word and text files of
 * translated focus groups: the pairs it prints are those the fixtures name, in exactly the documented JSON format.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transcriptDocx } from '../../fixtures/align/bilingual-docx.ts';
import {
  type BilingualFixture,
  germanPeerSupport,
  hebrewPeerSpecialists,
  kiswahiliCommunityHealth,
} from '../../fixtures/align/bilingual-transcripts.ts';
import { tessera } from './run-tessera.ts';

const scratch = mkdtempSync(join(tmpdir(), 'tessera-align-cli-'));
const at = (name: string): string => join(scratch, name);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Windows-1252 bytes of a text that has only Latin-1 letters (the German original as an old Windows editor saves it). */
function windows1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((character) => {
    const code = character.codePointAt(0) as number;
    if (code > 0xff) throw new Error(`"${character}" is not in this fixture's Windows-1252 subset`);
    return code;
  }));
}

/** UTF-16LE bytes with a byte-order mark. */
function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes[0] = 0xff;
  bytes[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return bytes;
}

/** The documented output for a fixture's expected pairs, written out by hand from the format in the issue. */
function expectedJson(fixture: BilingualFixture): string {
  const list = (numbers: readonly number[]) => `[${numbers.join(', ')}]`;
  return `{"pairs": [${fixture.expected.map((pair) => `{"translation": ${list(pair.translation)}, "original": ${list(pair.original)}}`).join(', ')}]}\n`;
}

beforeAll(async () => {
  writeFileSync(at('MU_pre_FGD_EN.docx'), await transcriptDocx(germanPeerSupport.translation));
  writeFileSync(at('MU_pre_FGD_DE.txt'), windows1252(germanPeerSupport.original.join('\r\n')));
  writeFileSync(at('TA_post_FGD_EN.txt'), kiswahiliCommunityHealth.translation.join('\n'));
  writeFileSync(at('TA_post_FGD_SW.docx'), await transcriptDocx(kiswahiliCommunityHealth.original));
  writeFileSync(at('JR_pre_FGD_EN.txt'), utf16le(hebrewPeerSpecialists.translation.join('\n')));
  writeFileSync(at('JR_pre_FGD_HE.docx'), await transcriptDocx(hebrewPeerSpecialists.original, { rightToLeft: true }));
});

describe('tessera align', { timeout: 60_000 }, () => {
  it('pairs a Word translation with a Windows-1252 German original: merged, split, left-out and added paragraphs', async () => {
    const run = await tessera('align', at('MU_pre_FGD_EN.docx'), at('MU_pre_FGD_DE.txt'), '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(expectedJson(germanPeerSupport));
    expect(run.stdout).toContain('{"translation": [], "original": [6, 6]}');
    expect(run.stdout).toContain('{"translation": [9, 9], "original": []}');
  });

  it('pairs a text translation with a Kiswahili Word original whose speaker labels are in Kiswahili', async () => {
    const run = await tessera('align', at('TA_post_FGD_EN.txt'), at('TA_post_FGD_SW.docx'), '--json');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(expectedJson(kiswahiliCommunityHealth));
  });

  it('pairs a UTF-16 translation with a right-to-left Hebrew Word original', async () => {
    const run = await tessera('align', at('JR_pre_FGD_EN.txt'), at('JR_pre_FGD_HE.docx'), '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ pairs: hebrewPeerSpecialists.expected });
    expect(run.stdout).toBe(expectedJson(hebrewPeerSpecialists));
  });

  it('without --json prints the pairs as a table and says how they were found', async () => {
    const run = await tessera('align', at('TA_post_FGD_EN.txt'), at('TA_post_FGD_SW.docx'));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\(11 paragraphs\) and .*TA_post_FGD_SW\.docx \(11 paragraphs\): 11 pairs, 10 with both, 1 original only, 0 translation only\./);
    expect(run.stdout).toMatch(/^Paragraphs paired by their lengths \(Gale & Church 1993: /m);
    expect(run.stdout).toMatch(/Speakers matched across languages: .*Mwezeshaji = Facilitator/);
    expect(run.stdout).toMatch(/^ {10}- {9}3$/m);
    expect(run.stdout).toMatch(/^ {8}3-4 {9}4$/m);
  });

  it('names a file it cannot read or import and exits 1; a missing argument is usage (exit 2)', async () => {
    writeFileSync(at('empty.txt'), '');
    const [missing, empty, usage] = await Promise.all([
      tessera('align', at('MU_pre_FGD_EN.docx'), at('nowhere.txt'), '--json'),
      tessera('align', at('empty.txt'), at('MU_pre_FGD_DE.txt'), '--json'),
      tessera('align', at('MU_pre_FGD_EN.docx')),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/^Cannot read .*nowhere\.txt: no such file\.$/m);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/"empty\.txt" is empty/);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/tessera align takes TRANSLATION_FILE ORIGINAL_FILE/);
  });
});
