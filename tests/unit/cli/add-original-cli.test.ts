/**
 * `tessera add-original`, run as users run it: a translation imported by `tessera import`, its Hebrew original added
 * from a .txt file, aligned as `tessera align` aligns the same two files, and kept in the project file the app opens.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeProjectFile } from '#shared/project-file/project-file';
import { hebrewPeerSpecialists } from '../../fixtures/align/bilingual-transcripts.ts';
import { tessera } from './run-tessera.ts';

const scratch = mkdtempSync(join(tmpdir(), 'tessera-original-cli-'));
const at = (name: string): string => join(scratch, name);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

beforeAll(async () => {
  writeFileSync(at('TA_pre_FGD.txt'), hebrewPeerSpecialists.translation.join('\n'));
  writeFileSync(at('TA_pre_FGD_he.txt'), hebrewPeerSpecialists.original.join('\n'));
  expect((await tessera('synth', '-o', at('study.tessera'), '--docs', '1', '--words', '60', '--codes', '4', '--codings', '1')).code).toBe(0);
  expect((await tessera('import', at('study.tessera'), at('TA_pre_FGD.txt'))).code).toBe(0);
}, 60_000);

describe('tessera add-original', { timeout: 90_000 }, () => {
  it('adds the original, aligned as tessera align pairs the files, and writes it into the project file', async () => {
    const added = await tessera('add-original', at('study.tessera'), at('TA_pre_FGD_he.txt'), '--document', 'TA_pre_FGD', '--language', 'Hebrew', '-o', at('with-original.tessera'), '--json');
    expect(added.stderr).toBe('');
    const aligned = await tessera('align', at('TA_pre_FGD.txt'), at('TA_pre_FGD_he.txt'), '--json');
    expect(added.stdout).toBe(aligned.stdout);
    expect(JSON.parse(added.stdout)).toEqual({ pairs: hebrewPeerSpecialists.expected });

    const { snapshot } = await decodeProjectFile(new Uint8Array(readFileSync(at('with-original.tessera'))));
    const document = snapshot.documents.find((d) => d.name === 'TA_pre_FGD');
    expect(snapshot.originals).toHaveLength(1);
    expect(snapshot.originals[0]).toMatchObject({ documentId: document?.id, language: 'Hebrew', direction: 'rtl', text: hebrewPeerSpecialists.original.join('\n') });
    expect(snapshot.documents).toHaveLength(2);
  });

  it('says which documents there are when the name matches none, and writes nothing', async () => {
    const result = await tessera('add-original', at('study.tessera'), at('TA_pre_FGD_he.txt'), '--document', 'Nope', '--language', 'Hebrew', '-o', at('none.tessera'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no document "Nope"; its documents are .*TA_pre_FGD/);
    expect(() => readFileSync(at('none.tessera'))).toThrow();
  });

  it('corrects the alignment as the side-by-side view does, and aligning again keeps the correction', async () => {
    const project = at('with-original.tessera');
    const before = JSON.parse((await tessera('align-original', project, '--document', 'TA_pre_FGD', '--realign', '-o', at('aligned.tessera'), '--json')).stdout) as { pairs: unknown[] };
    expect(before).toEqual({ pairs: hebrewPeerSpecialists.expected });
    const joined = await tessera('align-original', at('aligned.tessera'), '--document', 'TA_pre_FGD', '--join', '1', '--json');
    const afterJoin = JSON.parse(joined.stdout) as { pairs: { translation: number[]; original: number[] }[] };
    expect(afterJoin.pairs).toHaveLength(hebrewPeerSpecialists.expected.length - 1);
    const first = afterJoin.pairs[0];
    const realigned = JSON.parse((await tessera('align-original', at('aligned.tessera'), '--document', 'TA_pre_FGD', '--realign', '--json')).stdout) as typeof afterJoin;
    expect(realigned.pairs[0]).toEqual(first);
    const refused = await tessera('align-original', at('aligned.tessera'), '--document', 'TA_pre_FGD', '--join', '99');
    expect([refused.code, refused.stderr]).toEqual([2, expect.stringMatching(/pair number from 1 to/)]);
  });
});
