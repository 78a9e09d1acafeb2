#!/usr/bin/env node
// The `tessera` command (package.json "bin"). It runs the bundle `npm ci` built (out/cli/, scripts/build-cli.mjs),
// which starts at once, while that bundle is up to date with the sources; otherwise (no bundle, or a source edited
// since) it compiles the TypeScript as it loads, with tsx. Both run the same code: cli/main.ts.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { freshCliBundle } from './cli-bundle.mjs';

const projectRoot = path.resolve(import.meta.dirname, '..');
const bundle = process.env.TESSERA_CLI_FROM_SOURCE === '1' ? null : freshCliBundle(projectRoot);
let cli;
if (bundle) {
  cli = await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('./main.ts');
}
// exitCode rather than exit(): output still being written to a pipe is not cut off.
process.exitCode = await cli.runCli(process.argv.slice(2), cli.nodeCliIo);
