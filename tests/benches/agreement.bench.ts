/**
 * `npm run bench -- agreement`: intercoder agreement of two coders over 150 codes on the benchmark study (200
 * transcripts of 20,000 words, 50,000 codings, from `tessera synth`), in Node with the app's own `computeAgreement`:
 * the table at character, paragraph and speaker-turn level, and the character table with its 1,000-replicate
 * bootstrap intervals. It measures; it never fails on a slow machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { computeAgreement, type AgreementUnit } from '../../shared/agreement/project-agreement.ts';
import { decodeProjectFile } from '../../shared/project-file/project-file.ts';
import { formatTimingTable, measure, type TimingRow } from './support/timing-table.ts';

const root = resolve(import.meta.dirname, '..', '..');
const work = join(tmpdir(), 'tessera-bench');

async function main(): Promise<void> {
  mkdirSync(work, { recursive: true });
  const file = join(work, 'agreement-study.tessera');
  const args = ['synth', '-o', file, '--force', '--docs', '200', '--words', '20000', '--codes', '150', '--codings', '50000', '--coders', '2', '--seed', '1'];
  const made = spawnSync(process.execPath, [join(root, 'cli', 'tessera.mjs'), ...args], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`tessera synth failed: ${made.stderr || made.stdout}`);
  console.log(made.stdout.trim());
  const { snapshot } = await decodeProjectFile(new Uint8Array(readFileSync(file)));
  const coderIds = snapshot.coders.slice(0, 2).map((coder) => coder.id);
  const characters = snapshot.documents.reduce((sum, d) => sum + d.length, 0);
  const paragraphs = snapshot.documents.reduce((sum, d) => sum + d.paragraphs.length, 0);

  const table = (unit: AgreementUnit, replicates: number) => () => computeAgreement(snapshot, { coderIds, unit, bootstrap: { replicates, seed: 1 } });
  const first = table('character', 0)();
  const rows: TimingRow[] = [
    { operation: 'agreement table, character units (2 coders, all codes)', samplesMs: await measure(table('character', 0), 15), targetMs: 100 },
    { operation: 'agreement table, paragraph units', samplesMs: await measure(table('paragraph', 0), 15), targetMs: 100 },
    { operation: 'agreement table, speaker-turn units', samplesMs: await measure(table('turn', 0), 15), targetMs: 100 },
    { operation: 'character table with 1,000-replicate bootstrap intervals', samplesMs: await measure(table('character', 1000), 5, 1), targetMs: null },
  ];
  console.log('');
  console.log(formatTimingTable(`Intercoder agreement (Node ${process.version}, ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'})`, rows));
  console.log(
    `  ${snapshot.documents.length} documents, ${characters.toLocaleString('en')} characters, ${paragraphs.toLocaleString('en')} paragraphs, ` +
      `${snapshot.codings.length.toLocaleString('en')} codings; ${first.codes.length} codes compared in ${first.documents.length} documents both coders coded.`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
