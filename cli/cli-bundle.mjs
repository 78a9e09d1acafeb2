// Whether the built command (out/cli/tessera.mjs, see scripts/build-cli.mjs) may run: it exists and none of the
// source files it was built from changed since. Plain JavaScript with only Node built-ins, since it runs before
// anything could compile TypeScript; a few hundred stat calls cost a few milliseconds.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The bundle's entry file when it is there and up to date with its sources, else null (with the reason in
 * `onStale`, for tests and debugging).
 */
export function freshCliBundle(projectRoot, bundleDir = path.join(projectRoot, 'out', 'cli'), onStale = () => {}) {
  const entry = path.join(bundleDir, 'tessera.mjs');
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(bundleDir, 'inputs.json'), 'utf8'));
    statSync(entry);
  } catch {
    onStale('no built command');
    return null;
  }
  if (typeof manifest?.builtAt !== 'number' || !Array.isArray(manifest.inputs) || manifest.inputs.length === 0) {
    onStale('the list of its sources is unreadable');
    return null;
  }
  for (const input of manifest.inputs) {
    let modified;
    try {
      modified = statSync(path.join(projectRoot, input)).mtimeMs;
    } catch {
      onStale(`${input} is gone`);
      return null;
    }
    if (modified > manifest.builtAt) {
      onStale(`${input} changed after the build`);
      return null;
    }
  }
  return entry;
}
