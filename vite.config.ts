// The renderer as a plain web page (dist-web/): what `npm start` serves where Electron cannot run, and what the
// end-to-end tests drive in Chromium. The desktop build of the same renderer is in electron.vite.config.ts.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

// TESSERA_WEB_OUT lets parallel test runs build into folders of their own; the default is dist-web/.
const outDir = process.env.TESSERA_WEB_OUT ? resolve(process.env.TESSERA_WEB_OUT) : resolve(import.meta.dirname, 'dist-web');

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome120',
  },
});
