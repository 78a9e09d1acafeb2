/**
 * `tessera assign-speaker`, run as users run it, on a project with a transcript imported by `tessera import` whose
 * layout gave no speakers: the fix lands in the project file the app opens, with text and numbering unchanged.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeProjectFile } from '#shared/project-file/project-file';
import type { TesseraDocument } from '#shared/model/types';
import { tessera } from './run-tessera.ts';

const scratch = mkdtempSync(join(tmpdir(), 'tessera-assign-cli-'));
const at = (name: string): string => join(scratch, name);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// A layout Tessera does not recognise: the speaker is named in a sentence, not as a label.
const UNRECOGNISED = ['The facilitator opened the session.', 'Welcome, everyone.', 'Thank you for coming.', 'A nurse answered first.', 'It has helped me a lot.'].join('\n');

async function documentOf(path: string): Promise<TesseraDocument> {
  const { snapshot } = await decodeProjectFile(new Uint8Array(readFileSync(path)));
  const document = snapshot.documents.find((candidate) => candidate.name === 'KS_pre_FGD');
  if (!document) throw new Error('no KS_pre_FGD');
  return document;
}

beforeAll(async () => {
  writeFileSync(at('KS_pre_FGD.txt'), UNRECOGNISED);
  const project = at('study.tessera');
  expect((await tessera('synth', '-o', project, '--docs', '1', '--words', '60', '--codes', '4', '--codings', '1')).code).toBe(0);
  expect((await tessera('import', project, at('KS_pre_FGD.txt'))).code).toBe(0);
}, 60_000);

describe('tessera assign-speaker', { timeout: 90_000 }, () => {
  it('adds a speaker for a range, gives another range to a new speaker with a role, and takes one paragraph back', async () => {
    const project = at('study.tessera');
    const before = await documentOf(project);
    expect(before.speakers).toEqual([]);

    const first = await tessera('assign-speaker', project, '--document', 'KS_pre_FGD', '--paragraphs', '2-3', '--speaker', 'FAC', '-o', at('one.tessera'));
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe(`Gave paragraphs 2-3 of KS_pre_FGD to FAC (moderator, new speaker). Wrote ${at('one.tessera')}.\n`);
    const second = await tessera('assign-speaker', at('one.tessera'), '--document', 'ks_pre_fgd', '--paragraphs', '5–4', '--speaker', 'Nurse A', '--role', 'participant');
    expect(second.stdout).toBe(`Gave paragraphs 4-5 of KS_pre_FGD to Nurse A (participant, new speaker). Wrote ${at('one.tessera')}.\n`);
    const third = await tessera('assign-speaker', at('one.tessera'), '--document', 'KS_pre_FGD', '--paragraphs', '3', '--remove');
    expect(third.stdout).toBe(`Took the speaker away from paragraph 3 of KS_pre_FGD. Wrote ${at('one.tessera')}.\n`);
    const again = await tessera('assign-speaker', at('one.tessera'), '--document', 'KS_pre_FGD', '--paragraphs', '1', '--speaker', 'fac');
    expect(again.stdout).toMatch(/^Gave paragraph 1 of KS_pre_FGD to FAC \(moderator\)\./);
    const clash = await tessera('assign-speaker', at('one.tessera'), '--document', 'KS_pre_FGD', '--paragraphs', '1', '--speaker', 'FAC', '--role', 'participant');
    expect([clash.code, clash.stderr]).toEqual([2, expect.stringMatching(/already has a speaker "FAC" with role moderator/)]);

    const after = await documentOf(at('one.tessera'));
    const labelOf = new Map(after.speakers.map((speaker) => [speaker.id, speaker.label]));
    expect(after.speakers.map((speaker) => [speaker.label, speaker.role])).toEqual([
      ['FAC', 'moderator'],
      ['Nurse A', 'participant'],
    ]);
    expect(after.paragraphs.map((p) => (p.speakerId ? labelOf.get(p.speakerId) : null))).toEqual(['FAC', 'FAC', null, 'Nurse A', 'Nurse A']);
    expect(after.text).toBe(before.text);
    expect(after.paragraphs.map(({ n, start, end, utteranceStart }) => [n, start, end, utteranceStart])).toEqual(
      before.paragraphs.map(({ n, start, end, utteranceStart }) => [n, start, end, utteranceStart]),
    );
    // The input file was left as it was.
    expect((await documentOf(project)).speakers).toEqual([]);
  });

  it('refuses, as usage, a range past the end, an unknown document, a bad range or role, and a missing choice', async () => {
    const project = at('study.tessera');
    const cases: [string[], RegExp][] = [
      [['--document', 'KS_pre_FGD', '--paragraphs', '4-9', '--speaker', 'R1'], /KS_pre_FGD: Give paragraph numbers from 1 to 5\./],
      [['--document', 'Nowhere', '--paragraphs', '1', '--speaker', 'R1'], /no document "Nowhere"/],
      [['--document', 'KS_pre_FGD', '--paragraphs', 'one', '--speaker', 'R1'], /--paragraphs needs a number or a range/],
      [['--document', 'KS_pre_FGD', '--paragraphs', '1'], /either --speaker LABEL or --remove/],
      [['--document', 'KS_pre_FGD', '--paragraphs', '1', '--speaker', 'R1', '--role', 'boss'], /--role is one of/],
    ];
    for (const [args, message] of cases) {
      const run = await tessera('assign-speaker', project, ...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
    }
    expect((await documentOf(project)).speakers).toEqual([]);
  });
});
