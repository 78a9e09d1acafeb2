// Unit and integration tests run in Node; the end-to-end tests (tests/e2e) drive Chromium and run outside vitest.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // The JSON report feeds the one-line summary that scripts/test-all.sh prints at the end.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/unit.json' },
  },
});
