/**
 * The built command (scripts/build-cli.mjs, run by npm's `prepare`) prints exactly what the TypeScript sources print,
 * and cli/tessera.mjs runs it only while it is up to date with them. Its speed is measured in the bench
 * (tests/benches/cli.bench.ts), not here.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../../scripts/build-cli.mjs';
import { freshCliBundle } from '../../../cli/cli-bundle.mjs';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

const projectRoot = path.resolve(import.meta.dirname, '../../..');
let scratch: string;
let bundleDir: string;
let entry: string;
let project: string;

/** Runs the bundle in `bundleDir` the way cli/tessera.mjs runs it. */
const fromBundle = (...args: string[]) =>
  run(process.execPath, [
    '--input-type=module',
    '-e',
    `const cli = await import(${JSON.stringify(pathToFileURL(entry).href)});` +
      'process.exitCode = await cli.runCli(process.argv.slice(1), cli.nodeCliIo);',
    '--',
    ...args,
  ]);
/** Runs the TypeScript sources through tsx, whatever bundle exists. */
const fromSource = (...args: string[]) =>
  run(process.execPath, ['cli/tessera.mjs', ...args], { TESSERA_CLI_FROM_SOURCE: '1' });

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'tessera-cli-bundle-'));
  bundleDir = path.join(scratch, 'cli');
  ({ entry } = await buildCli(bundleDir));
  project = path.join(scratch, 'study.tessera');
  const synth = await fromSource('synth', '-o', project, '--docs', '2', '--words', '300', '--codes', '6', '--codings', '12', '--coders', '2', '--seed', '7');
  expect(synth.code).toBe(0);
}, 120_000);

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('the built command', () => {
  it.each([
    [['--version']],
    [['info', '<project>']],
    [['info', '<project>', '--json']],
    [['info', 'no-such-file.tessera']],
    [['frobnicate']],
  ])('prints what the sources print for %j, with the same exit code', async (args) => {
    const concrete = args.map((arg) => (arg === '<project>' ? project : arg));
    const [bundled, source] = await Promise.all([fromBundle(...concrete), fromSource(...concrete)]);
    expect(bundled).toEqual(source);
    expect(bundled.stdout + bundled.stderr).not.toBe('');
  }, 60_000);

  it('answers --version with the version in package.json', async () => {
    const { version } = JSON.parse(await readFile(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string };
    expect(await fromBundle('--version')).toEqual({ code: 0, stdout: `tessera ${version}\n`, stderr: '' });
  }, 30_000);

  it('keeps the verbs and their libraries out of what --version loads', async () => {
    const main = await readFile(entry, 'utf8');
    expect(main).not.toMatch(/mammoth|docx/i);
    expect(main).toMatch(/import\("\.\/chunks\/verbs-[^"]+\.mjs"\)/);
  });
});

describe('freshCliBundle', () => {
  it('is the bundle while no source changed since the build', () => {
    expect(freshCliBundle(projectRoot, bundleDir)).toBe(entry);
  });

  it('is null, saying why, once a source it was built from is newer, so an edit never runs stale', async () => {
    const manifest = JSON.parse(await readFile(path.join(bundleDir, 'inputs.json'), 'utf8')) as { inputs: string[] };
    expect(manifest.inputs).toContain('cli/main.ts');
    expect(manifest.inputs).toContain('shared/platform/app-version.ts');
    expect(manifest.inputs.some((input) => input.includes('node_modules'))).toBe(false);
    const source = path.join(projectRoot, 'cli', 'main.ts');
    const reasons: string[] = [];
    const future = new Date(Date.now() + 60_000);
    // A copy of the manifest's view: pretend cli/main.ts was edited after the build, then put its time back.
    const before = (await import('node:fs')).statSync(source);
    try {
      await utimes(source, future, future);
      expect(freshCliBundle(projectRoot, bundleDir, (reason) => reasons.push(reason))).toBeNull();
      expect(reasons).toEqual(['cli/main.ts changed after the build']);
    } finally {
      await utimes(source, before.atime, before.mtime);
    }
  });

  it('is null when there is no bundle', () => {
    const reasons: string[] = [];
    expect(freshCliBundle(projectRoot, path.join(scratch, 'nothing-here'), (reason) => reasons.push(reason))).toBeNull();
    expect(reasons).toEqual(['no built command']);
  });
});
