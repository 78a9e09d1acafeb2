/**
 * `npm run bench` (this file): the coding workspace on a study of 200 transcripts of 20,000 words, 150 codes and
 * 50,000 codings from `tessera synth`, plus one transcript of 30,000 words with 3,000 codings, in the real app in
 * Chromium: the project store on IndexedDB (Dexie), the project index, React and the search worker, not mocks.
 *
 * Builds the benchmark page (tests/benches/browser/) with Vite into a temporary folder, puts the study files next
 * to it, serves it on 127.0.0.1, runs it in Debian's Chromium through playwright-core, and prints the timings
 * (median and 95th percentile against the targets). It measures; it never fails on a slow machine. It
 * exits non-zero only when it could not run at all.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { startWebServer } from '../../scripts/serve-web.mjs';
import { launchBrowser, newProfileDir } from '../e2e/support/chromium.ts';
import { formatTimingTable, type TimingRow } from './support/timing-table.ts';

const root = resolve(import.meta.dirname, '..', '..');
const work = join(tmpdir(), 'tessera-bench');
const web = join(work, 'web');

/** Runs `tessera synth` (the real command line) and says what it wrote. */
function synth(file: string, args: readonly string[]): void {
  const result = spawnSync(process.execPath, [join(root, 'cli', 'tessera.mjs'), 'synth', '-o', file, '--force', ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`tessera synth failed: ${result.stderr || result.stdout}`);
  console.log(result.stdout.trim());
}

interface BenchReport {
  readonly views: 'all' | 'coding';
  readonly rows: readonly TimingRow[];
  readonly facts: readonly string[];
}

/** A page's report with the browser it ran in. */
type RunReport = BenchReport & { readonly browserVersion: string };

async function main(): Promise<void> {
  mkdirSync(work, { recursive: true });
  const study = join(work, 'study.tessera');
  const dense = join(work, 'dense.tessera');
  synth(study, ['--docs', '200', '--words', '20000', '--codes', '150', '--codings', '50000', '--coders', '3', '--seed', '1']);
  synth(dense, ['--docs', '1', '--words', '30000', '--codes', '150', '--codings', '3000', '--coders', '3', '--seed', '2']);

  process.env.TESSERA_BENCH_OUT = web;
  await build({ configFile: join(root, 'tests', 'benches', 'browser', 'vite.config.ts'), logLevel: 'warn' });
  copyFileSync(study, join(web, 'study.tessera'));
  copyFileSync(dense, join(web, 'dense.tessera'));

  const server = await startWebServer({ rootDir: web, port: 0 });
  const reports: RunReport[] = [];
  try {
    // Once with the whole app, once with the coding workspace's own views only (see bench-page.tsx), each in a
    // fresh browser profile.
    for (const views of ['all', 'coding'] as const) {
      console.log(`\nIn Chromium, ${views === 'all' ? 'the whole app' : 'the coding views only'}:`);
      reports.push(await runPage(`${server.url}?views=${views}`));
    }
  } finally {
    await server.close();
  }
  for (const report of reports) {
    console.log('');
    const title = report.views === 'all' ? 'the whole app' : 'the coding views only (reader, retrieval, search; other panels left out)';
    console.log(formatTimingTable(`Coding workspace, ${title} (Chromium ${report.browserVersion}, ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'})`, report.rows));
    for (const fact of report.facts) console.log(`  ${fact}`);
  }
  writeFileSync(join(work, 'workspace-bench.json'), JSON.stringify({ at: new Date().toISOString(), reports }, null, 2));
  console.log(`\n  (raw samples in ${join(work, 'workspace-bench.json')})`);
}

/** Runs the benchmark page at a URL in a fresh browser profile and returns its report. */
async function runPage(url: string): Promise<RunReport> {
  const { context, page } = await launchBrowser(newProfileDir());
  try {
    page.on('console', (message) => {
      if (message.text().startsWith('bench: ')) console.log(`  ${message.text().slice(7)}`);
      else if (message.type() === 'error') console.log(`  page error: ${message.text()}`);
    });
    page.on('pageerror', (error) => console.log(`  page error: ${error.message}`));
    page.setDefaultTimeout(20 * 60_000);
    await page.goto(url);
    await page.waitForFunction(() => window.tesseraBench !== undefined);
    const report: BenchReport = await page.evaluate(() => (window.tesseraBench as { run(): Promise<BenchReport> }).run());
    return { ...report, browserVersion: context.browser()?.version() ?? 'unknown version' };
  } finally {
    await context.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
