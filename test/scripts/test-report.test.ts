import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper shared with the npm scripts
import { readPlaywrightReport, readVitestReport } from '../../scripts/test-report.mjs';

// `npm test` names each failing test under its summary, because CI keeps only
// the tail of the output: these reports are shaped as vitest and Playwright write them.
const tmp = (name: string, value: unknown): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-report-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
};

describe('the test summary', () => {
  it('names a failing vitest test with its file and the first lines of its error, and a file that did not load', () => {
    const file = tmp('vitest.json', {
      numPassedTests: 3, numFailedTests: 1, numPendingTests: 1, numTodoTests: 0,
      testResults: [
        { name: '/repo/test/a.test.ts', status: 'failed', message: '', assertionResults: [
          { fullName: 'sim routes around a cut', status: 'failed', failureMessages: ['\u001b[31mAssertionError: expected 2 to be 3\u001b[39m\n    at x.ts:1\n    at y.ts:2\n    at z.ts:3'] },
          { fullName: 'ok', status: 'passed', failureMessages: [] },
        ] },
        { name: '/repo/test/b.test.ts', status: 'failed', message: 'SyntaxError: Unexpected token', assertionResults: [] },
      ],
    });
    const r = readVitestReport(file, '/repo');
    expect([r.passed, r.failed, r.skipped]).toEqual([3, 1, 1]);
    expect(r.failures).toEqual([
      'test/a.test.ts › sim routes around a cut: AssertionError: expected 2 to be 3 | at x.ts:1 | at y.ts:2',
      'test/b.test.ts: SyntaxError: Unexpected token',
    ]);
  });

  it('names a Playwright test that timed out, nested in describe blocks, and a flaky one (failed, then passed on retry) apart', () => {
    const file = tmp('e2e.json', {
      stats: { expected: 25, unexpected: 1, flaky: 1, skipped: 0 },
      suites: [{ specs: [], suites: [{ specs: [
        { title: 'what-if sweep', file: 'whatif.spec.ts', line: 6, tests: [{ results: [{ status: 'timedOut', duration: 60_000, errors: [{ message: 'Test timeout of 60000ms exceeded.' }] }] }] },
        { title: 'cost', file: 'cost.spec.ts', line: 5, tests: [{ results: [{ status: 'failed', duration: 1200, errors: [{ message: 'boom' }] }, { status: 'passed', duration: 900 }] }] },
      ] }] }],
    });
    const r = readPlaywrightReport(file);
    expect([r.passed, r.failed, r.flaky]).toEqual([25, 1, 1]);
    expect(r.failures).toEqual([
      'whatif.spec.ts:6 › what-if sweep [timedOut, 60.0 s]: Test timeout of 60000ms exceeded.',
      'cost.spec.ts:5 › cost [failed, 1.2 s]: boom',
    ]);
  });

  it('counts nothing from a report that was never written', () => {
    expect(readPlaywrightReport('/nonexistent/report.json')).toEqual({ passed: 0, failed: 0, skipped: 0, flaky: 0, failures: [] });
  });
});
