#!/usr/bin/env node
// The `tessera` command (package.json "bin"). The command is written in TypeScript; tsx compiles it as it loads, so
// `npx tessera` works straight after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli, nodeCliIo } = await import('./main.ts');
// exitCode rather than exit(): output still being written to a pipe is not cut off.
process.exitCode = await runCli(process.argv.slice(2), nodeCliIo);
