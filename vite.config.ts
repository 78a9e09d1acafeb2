// The renderer as a plain web page (dist-web/): what `npm start` serves where Electron cannot run, and what the
// end-to-end tests drive in Chromium. The desktop build of the same renderer is in electron.vite.config.ts.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist-web',
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome120',
  },
});
