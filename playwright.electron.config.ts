import { defineConfig } from '@playwright/test';

// The desktop smoke test: launches the built Electron app where its binary exists.
export default defineConfig({
  testDir: 'test/electron',
  outputDir: 'test-results/electron',
  timeout: 120_000,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: 'test-results/electron-report.json' }]],
});
