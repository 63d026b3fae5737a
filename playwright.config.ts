import { defineConfig } from '@playwright/test';
import { locateChromium } from './src-main/services/pdf-chromium';

// End-to-end tests of the real UI and the real services: the browser app
// served by `npm run serve`'s host, driven in Chromium: CHROMIUM_PATH, else a
// system Chromium/Chrome, else the one npm installed (@sparticuz/chromium) —
// the same choice `nettwin report` makes, so the README's install suffices.
// Each worker starts a host of its own (test/e2e/fixtures.ts: own port, projects and data folders), so
// specs run two at a time: most of a test is the browser or the host waiting on the other, and two cores
// keep both busy (E2E_WORKERS to change the count).
export const E2E_TOKEN = 'e2e-session-token';
const browser = locateChromium();

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: Number(process.env['E2E_WORKERS'] ?? 2),
  globalSetup: './test/e2e/global-setup.ts',
  // One retry: a real browser against a real host can lose a race the app does not (the last CI
  // run lost one test to a timeout that never came back here). A test that needs it is reported
  // as flaky with its failed attempt named (scripts/test-all.mjs), never as passed.
  retries: 1,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-report.json' }]],
  use: {
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: browser.executablePath,
      env: { ...process.env, ...browser.env },
      args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
});
