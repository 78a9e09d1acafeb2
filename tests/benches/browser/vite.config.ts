// The workspace benchmark's page (tests/benches/workspace.bench.ts builds it): the real app, store and index in
// Chromium, driven by bench-page.tsx. Built into a temporary folder, never into the app's own build.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { tmpdir } from 'node:os';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: process.env.TESSERA_BENCH_OUT ? resolve(process.env.TESSERA_BENCH_OUT) : resolve(tmpdir(), 'tessera-bench', 'web'),
    emptyOutDir: true,
    sourcemap: false,
    target: 'chrome120',
    chunkSizeWarningLimit: 4000,
  },
});
