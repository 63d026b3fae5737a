import { defineConfig } from 'vitest/config';

// Unit, property and integration tests. Browser end-to-end tests live in
// test/e2e and run under Playwright, not here.
export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    setupFiles: ['test/setup/fast-check.ts'],
    // Workers start from a bundle of this checkout built once per run (test/setup/worker-bundle.ts).
    globalSetup: ['test/setup/worker-bundle.ts'],
  },
});
