// End-to-end tests: the web build (dist-web/, made by `vite build`) served on 127.0.0.1 and driven in Debian's
// Chromium with playwright-core. One file at a time, since each starts its own browser and the machine has 2 cores.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/e2e.json' },
  },
});
