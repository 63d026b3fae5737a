// `npm test`: every check in one command, non-zero on any failure.
// build → (vitest → Playwright e2e → Electron smoke) ∥ at lowest priority (typecheck ∥ ESLint ∥ (layering → knip →
// Electronegativity)).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electronBinary, repoRoot } from './lib.mjs';
import { readPlaywrightReport, readVitestReport } from './test-report.mjs';

const bin = (name) => path.join(repoRoot, 'node_modules', '.bin', name);
const results = [];
const counts = { passed: 0, failed: 0, skipped: 0, flaky: 0 };
const failures = [];

function count(report) {
  counts.passed += report.passed;
  counts.failed += report.failed;
  counts.skipped += report.skipped;
  counts.flaky += report.flaky;
  failures.push(...report.failures);
}

const header = (name, cmd, args) => `\n▶ ${name}: ${[path.basename(cmd), ...args].join(' ')}`;

function step(name, cmd, args, env = {}) {
  const started = Date.now();
  console.log(header(name, cmd, args));
  const r = spawnSync(cmd, args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  results.push({ name, ok, seconds: (Date.now() - started) / 1000 });
  return ok;
}

/**
 * step() without blocking: the steps running beside it (their output held in pipes) keep being read.
 * Resolves with whether it passed; its result is recorded like step()'s.
 */
function stepAsync(name, cmd, args) {
  const started = Date.now();
  console.log(header(name, cmd, args));
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: repoRoot, stdio: 'inherit', env: process.env });
    const finish = (ok) => {
      results.push({ name, ok, seconds: (Date.now() - started) / 1000 });
      resolve(ok);
    };
    child.on('error', (err) => {
      console.log(`\n${name} did not start: ${err.message}`);
      finish(false);
    });
    child.on('close', (code) => finish(code === 0));
  });
}

/**
 * A step run beside others: its output (stdout and stderr, interleaved as written) is held and
 * printed whole with its header once `print` is called, so steps running at once never mix lines.
 * Resolves with the step's own exit status and time; the caller records them in `results`.
 */
function background(name, cmd, args, { low = false } = {}) {
  const started = Date.now();
  const chunks = [];
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    if (low) lowerPriority(child.pid);
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    const finish = (ok, extra = '') => resolve({ name, ok, seconds: (Date.now() - started) / 1000, text: header(name, cmd, args), output: Buffer.concat(chunks).toString() + extra });
    child.on('error', (err) => finish(false, `\n${name} did not start: ${err.message}\n`));
    child.on('close', (code, signal) => finish(code === 0, signal ? `\n${name} ended by ${signal}\n` : ''));
  });
}

/**
 * The lowest CPU priority (nice 19) for a step that only needs the cores the tests leave idle: it
 * yields the core at once to any test process that wants it, so a timing-bound test's verdict is not
 * its neighbour's. Children started afterwards inherit it. Where the OS refuses, the step runs as is.
 */
function lowerPriority(pid) {
  if (pid === undefined) return;
  try {
    os.setPriority(pid, 19);
  } catch {
    // Not permitted here: the step still runs, at normal priority.
  }
}

/** Prints a background step's held output and records its result (in the order the steps are listed, not finished). */
function report(r) {
  console.log(r.text);
  if (r.output.length > 0) process.stdout.write(r.output.endsWith('\n') ? r.output : `${r.output}\n`);
  console.log(`  (${r.ok ? 'ok' : 'FAILED'}, ${r.seconds.toFixed(1)} s)`);
  results.push({ name: r.name, ok: r.ok, seconds: r.seconds });
  return r.ok;
}

/** Steps one after another in the background, each stopping the chain when `stops(r)`; all results returned. */
async function chain(steps, opts) {
  const done = [];
  for (const s of steps) {
    const r = await background(s.name, s.cmd, s.args, opts);
    done.push(r);
    if (!r.ok && s.stops) break;
  }
  return done;
}

fs.mkdirSync(path.join(repoRoot, 'test-results'), { recursive: true });
for (const f of ['vitest.json', 'e2e-report.json', 'electron-report.json']) fs.rmSync(path.join(repoRoot, 'test-results', f), { force: true });

// The build first: the end-to-end tests serve it, the scan reads it, and tests that start the CLI run its bundle.
const built = step('build', bin('electron-vite'), ['build']) && step('build CLI', process.execPath, [path.join(repoRoot, 'scripts', 'build-cli.mjs')]);

// The static checks read the sources and write nothing a test reads (tsc -b writes .tsbuild/, which nothing
// else reads), so they run while the tests do, at the lowest CPU priority: vitest's files two at a time keep
// both cores busy and the checks mostly wait, then its timing-bound files run one at a time and leave a core
// idle for several minutes, which the checks take (CI's 2 cores: the checks' ~190 s of their own wall time
// left the critical path). Each keeps its own exit status and time; its output is printed once all have ended.
const SCAN = 'security scan (Electronegativity, reviewed allowlist)';
const staticChecks = Promise.all([
  background('typecheck', bin('tsc'), ['-b', 'src-shared', 'src-main', 'src-renderer', 'test'], { low: true }),
  background('lint', bin('eslint'), ['.'], { low: true }),
  chain([
    { name: 'layering', cmd: bin('depcruise'), args: ['src-shared', 'src-main', 'src-renderer', '--config', 'test/architecture/dependency-cruiser.cjs'] },
    { name: 'unused files, exports and dependencies (knip)', cmd: bin('knip'), args: ['--no-progress'] },
    // Scans the bundles just built; without them there is nothing to scan, and that is a failure too (below).
    ...(built ? [{ name: SCAN, cmd: process.execPath, args: [path.join(repoRoot, 'scripts', 'electronegativity.mjs')] }] : []),
  ], { low: true }),
]);

await stepAsync('unit, property and integration tests', bin('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile=test-results/vitest.json']);
count(readVitestReport(path.join(repoRoot, 'test-results', 'vitest.json'), repoRoot));
if (built) {
  await stepAsync('end-to-end (browser app, Chromium)', bin('playwright'), ['test']);
  count(readPlaywrightReport(path.join(repoRoot, 'test-results', 'e2e-report.json')));
} else {
  results.push({ name: 'end-to-end (browser app, Chromium)', ok: false, seconds: 0 });
}
const { bin: electron, reason } = electronBinary();
if (electron === null) console.log(`\nElectron smoke test: SKIPPED — ${reason}. It runs wherever the Electron binary is installed.`);
await stepAsync('Electron smoke test', bin('playwright'), ['test', '-c', 'playwright.electron.config.ts']);
count(readPlaywrightReport(path.join(repoRoot, 'test-results', 'electron-report.json')));

const [typecheck, lint, rest] = await staticChecks;
for (const r of [typecheck, lint, ...rest]) report(r);
if (!built) results.push({ name: SCAN, ok: false, seconds: 0 });

console.log('\nSummary');
for (const r of results) console.log(`  ${r.ok ? 'ok  ' : 'FAIL'}  ${r.name} (${r.seconds.toFixed(1)} s)`);
const failedSteps = results.filter((r) => !r.ok).length;
if (failures.length > 0) {
  console.log('Failed tests');
  for (const f of failures) console.log(`  ✘ ${f}`);
}
const flaky = counts.flaky > 0 ? `, ${counts.flaky} flaky (failed, then passed on their one retry: listed above, not counted as passed)` : '';
console.log(`tests: ${counts.passed} passed, ${counts.failed + failedSteps} failed, ${counts.skipped} skipped${flaky}`);
process.exit(failedSteps === 0 ? 0 : 1);
