#!/usr/bin/env node
// Builds the `tessera` command once into out/cli/ (run by npm's `prepare`, so `npm ci` and `npm install` build it with
// no extra step): cli/main.ts and everything it imports, libraries included, bundled by esbuild into ES modules. The
// command then starts without compiling TypeScript on every run (tsx took about a second). The verbs and the
// libraries they use are a separate chunk, loaded after `--version` has been answered.
//
// out/cli/inputs.json lists the source files the bundle was made from; cli/tessera.mjs runs the bundle only while
// none of them is newer than it, and the TypeScript sources through tsx otherwise, so an edit is never run stale.
// A failed build warns and exits 0: the command still works, from the sources.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');

/** The folder the command is bundled into. */
export const CLI_BUNDLE_DIR = path.join(root, 'out', 'cli');

/**
 * Bundles cli/main.ts into `outDir` (tessera.mjs and its chunks) and writes inputs.json beside it.
 * Returns the bundle's entry file and the project files it was built from.
 */
export async function buildCli(outDir = CLI_BUNDLE_DIR) {
  const { build } = await import('esbuild');
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const builtAt = Date.now();
  const result = await build({
    absWorkingDir: root,
    entryPoints: { tessera: path.join(root, 'cli', 'main.ts') },
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    // Bundled CommonJS libraries (mammoth) call require() for Node built-ins; an ES module has none of its own.
    banner: {
      js: "import { createRequire as createTesseraRequire } from 'node:module'; const require = createTesseraRequire(import.meta.url);",
    },
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs)
    .filter((input) => !input.startsWith('node_modules/') && !input.includes('/node_modules/'))
    .sort();
  await writeFile(path.join(outDir, 'inputs.json'), `${JSON.stringify({ builtAt, inputs }, null, 2)}\n`);
  return { entry: path.join(outDir, 'tessera.mjs'), inputs };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const { inputs } = await buildCli();
    console.log(`Built the tessera command into ${path.relative(root, CLI_BUNDLE_DIR)}/ (${inputs.length} source files).`);
  } catch (error) {
    console.warn(`Could not build the tessera command (it will run from the TypeScript sources): ${error?.message ?? error}`);
  }
}
