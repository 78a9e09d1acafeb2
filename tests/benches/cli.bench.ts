/**
 * Command-line start-up (`npm run bench -- cli`): `tessera --version` and `tessera info` as users run them
 * (`node cli/tessera.mjs ...`, a new process each time), from the built command (out/cli, rebuilt here first) and
 * from the TypeScript sources through tsx, with bare `node` beside them for what Node's own start costs on this
 * machine. Target from the issue: `tessera --version` in at most 200 ms.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli } from '../../scripts/build-cli.mjs';
import { formatTimingTable, measure } from './support/timing-table.ts';

const RUNS = 15;
const node = process.execPath;
const fromSource = { ...process.env, TESSERA_CLI_FROM_SOURCE: '1' };
const fromBundle = { ...process.env, TESSERA_CLI_FROM_SOURCE: '' };
const scratch = mkdtempSync(join(tmpdir(), 'tessera-cli-bench-'));
const project = join(scratch, 'study.tessera');

const runs = (args: readonly string[], env: NodeJS.ProcessEnv) => () =>
  execFileSync(node, ['cli/tessera.mjs', ...args], { env, stdio: ['ignore', 'ignore', 'inherit'] });

try {
  await buildCli();
  runs(['synth', '-o', project, '--docs', '12', '--words', '3000', '--codes', '40', '--codings', '600', '--seed', '1'], fromBundle)();
  const rows = [
    { operation: 'node -e "" (Node itself starting, for comparison)', samplesMs: await measure(() => execFileSync(node, ['-e', '']), RUNS), targetMs: null },
    { operation: 'tessera --version, built command', samplesMs: await measure(runs(['--version'], fromBundle), RUNS), targetMs: 200 },
    { operation: 'tessera --version, from the sources (tsx)', samplesMs: await measure(runs(['--version'], fromSource), RUNS), targetMs: null },
    { operation: 'tessera info (12 documents, 600 codings), built command', samplesMs: await measure(runs(['info', project], fromBundle), RUNS), targetMs: null },
    { operation: 'tessera info, from the sources (tsx)', samplesMs: await measure(runs(['info', project], fromSource), RUNS), targetMs: null },
  ];
  console.log(formatTimingTable('Command-line start-up (a new process per run)', rows));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
