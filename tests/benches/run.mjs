// `npm run bench`: runs every benchmark file in tests/benches (*.bench.ts), one after another, each printing its
// own table of timings. Benchmarks measure; they never fail on a slow machine (that is what makes them not tests).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.some((wanted) => name.includes(wanted)))
  .sort();
if (files.length === 0) {
  console.log('No benchmarks found.');
  process.exit(0);
}
let failed = 0;
for (const file of files) {
  console.log(`\n== ${file} ==`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(here, file)], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed++;
    console.log(`${file} could not run (exit ${result.status}).`);
  }
}
process.exit(failed ? 1 : 0);
