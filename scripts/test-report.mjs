// Reads the vitest and Playwright JSON reports `npm test` writes: counts, and
// each failing test by file and title with the first lines of its error. CI
// keeps only the tail of the output, so a red run must name what failed there.
import fs from 'node:fs';
import path from 'node:path';

const firstLines = (text) =>
  String(text ?? '')
    // Colour codes from the reporters are not part of the message.
    // eslint-disable-next-line no-control-regex
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 3)
    .join(' | ')
    .slice(0, 400);

const empty = () => ({ passed: 0, failed: 0, skipped: 0, flaky: 0, failures: [] });

/** A missing report counts nothing: the step that should have written it has failed already. */
export function readVitestReport(file, root) {
  const out = empty();
  if (!fs.existsSync(file)) return out;
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  out.passed = r.numPassedTests ?? 0;
  out.failed = r.numFailedTests ?? 0;
  out.skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  for (const f of r.testResults ?? []) {
    const rel = path.relative(root, f.name);
    const failed = (f.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const a of failed) out.failures.push(`${rel} › ${a.fullName}: ${firstLines(a.failureMessages?.[0])}`);
    // A file that failed to load has no failed assertion to name; its message says why.
    if (failed.length === 0 && f.status === 'failed') out.failures.push(`${rel}: ${firstLines(f.message)}`);
  }
  return out;
}

export function readPlaywrightReport(file) {
  const out = empty();
  if (!fs.existsSync(file)) return out;
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  const s = r.stats ?? {};
  out.passed = s.expected ?? 0;
  out.failed = s.unexpected ?? 0;
  // Failed, then passed on its retry: not counted as passed, and each failed attempt is listed below.
  out.flaky = s.flaky ?? 0;
  out.skipped = s.skipped ?? 0;
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        for (const x of t.results ?? []) {
          if (x.status === 'passed' || x.status === 'skipped') continue;
          const seconds = ((x.duration ?? 0) / 1000).toFixed(1);
          out.failures.push(`${spec.file}:${spec.line} › ${spec.title} [${x.status}, ${seconds} s]: ${firstLines(x.errors?.[0]?.message ?? x.error?.message)}`);
        }
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of r.suites ?? []) walk(suite);
  return out;
}
