// The desktop build: main process, preload and renderer into out/ (`electron-vite build`). The renderer alone, as a
// plain web page, is built by vite.config.ts into dist-web/.
import { defineConfig } from 'electron-vite';
import type { UserConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';

/**
 * The build configuration of the project in `projectRoot`, writing under `outRoot` (out/ for the app; a temporary
 * folder in the build test).
 *
 * - main: electron/main.ts -> out/main/main.js, an ES module (package.json is "type": "module", Electron >= 28).
 * - preload: electron/preload.ts -> out/preload/preload.cjs, ONE CommonJS file: a sandboxed preload can be neither
 *   an ES module nor `require` anything but `electron`, so everything it uses is bundled in (externalizeDeps off).
 * - renderer: renderer/index.html -> out/renderer, served on tessera://app/ by electron/app-protocol.ts.
 */
export function createElectronViteConfig(projectRoot: string, outRoot: string): UserConfig {
  return {
    main: {
      build: {
        outDir: path.join(outRoot, 'main'),
        rolldownOptions: {
          input: { main: path.join(projectRoot, 'electron', 'main.ts') },
          output: { entryFileNames: '[name].js' },
        },
      },
    },
    preload: {
      build: {
        outDir: path.join(outRoot, 'preload'),
        externalizeDeps: false,
        rolldownOptions: {
          input: { preload: path.join(projectRoot, 'electron', 'preload.ts') },
          output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
        },
      },
    },
    renderer: {
      root: path.join(projectRoot, 'renderer'),
      plugins: [react()],
      build: {
        outDir: path.join(outRoot, 'renderer'),
        emptyOutDir: true,
        rolldownOptions: { input: path.join(projectRoot, 'renderer', 'index.html') },
      },
    },
  };
}

export default defineConfig(createElectronViteConfig(import.meta.dirname, path.join(import.meta.dirname, 'out')));
