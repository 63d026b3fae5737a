// `npm test`: every check in one command, non-zero on any failure.
// typecheck ∥ ESLint ∥ (layering → knip → build → Electronegativity), then vitest → Playwright e2e → Electron smoke.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
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
 * A step run beside others: its output (stdout and stderr, interleaved as written) is held and
 * printed whole with its header once `print` is called, so steps running at once never mix lines.
 * Resolves with the step's own exit status and time; the caller records them in `results`.
 */
function background(name, cmd, args) {
  const started = Date.now();
  const chunks = [];
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    const finish = (ok, extra = '') => resolve({ name, ok, seconds: (Date.now() - started) / 1000, text: header(name, cmd, args), output: Buffer.concat(chunks).toString() + extra });
    child.on('error', (err) => finish(false, `\n${name} did not start: ${err.message}\n`));
    child.on('close', (code, signal) => finish(code === 0, signal ? `\n${name} ended by ${signal}\n` : ''));
  });
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
async function chain(steps) {
  const done = [];
  for (const s of steps) {
    const r = await background(s.name, s.cmd, s.args);
    done.push(r);
    if (!r.ok && s.stops) break;
  }
  return done;
}

fs.mkdirSync(path.join(repoRoot, 'test-results'), { recursive: true });
for (const f of ['vitest.json', 'e2e-report.json', 'electron-report.json']) fs.rmSync(path.join(repoRoot, 'test-results', f), { force: true });

// The static checks and the build read the sources and write nothing another of them reads (tsc -b writes
// .tsbuild/, the build out/, which ESLint ignores), so they run side by side: the type-checker and ESLint's
// type-aware rules (each one core for a minute or two) overlap instead of queueing (~230 s → ~130 s in CI's
// 2 cores). Each keeps its own exit status and time; the output is printed per step once all have ended.
const SCAN = 'security scan (Electronegativity, reviewed allowlist)';
const [typecheck, lint, rest] = await Promise.all([
  background('typecheck', bin('tsc'), ['-b', 'src-shared', 'src-main', 'src-renderer', 'test']),
  background('lint', bin('eslint'), ['.']),
  chain([
    { name: 'layering', cmd: bin('depcruise'), args: ['src-shared', 'src-main', 'src-renderer', '--config', 'test/architecture/dependency-cruiser.cjs'] },
    { name: 'unused files, exports and dependencies (knip)', cmd: bin('knip'), args: ['--no-progress'] },
    { name: 'build', cmd: bin('electron-vite'), args: ['build'], stops: true },
    { name: 'build CLI', cmd: process.execPath, args: [path.join(repoRoot, 'scripts', 'build-cli.mjs')], stops: true },
    // Scans the bundles just built; without them there is nothing to scan, and that is a failure too (below).
    { name: SCAN, cmd: process.execPath, args: [path.join(repoRoot, 'scripts', 'electronegativity.mjs')] },
  ]),
]);
for (const r of [typecheck, lint, ...rest]) report(r);
const built = rest.some((r) => r.name === 'build CLI' && r.ok);
if (!built && !rest.some((r) => r.name === SCAN)) results.push({ name: SCAN, ok: false, seconds: 0 });
step('unit, property and integration tests', bin('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile=test-results/vitest.json']);
count(readVitestReport(path.join(repoRoot, 'test-results', 'vitest.json'), repoRoot));
if (built) {
  step('end-to-end (browser app, Chromium)', bin('playwright'), ['test']);
  count(readPlaywrightReport(path.join(repoRoot, 'test-results', 'e2e-report.json')));
} else {
  results.push({ name: 'end-to-end (browser app, Chromium)', ok: false, seconds: 0 });
}
const { bin: electron, reason } = electronBinary();
if (electron === null) console.log(`\nElectron smoke test: SKIPPED — ${reason}. It runs wherever the Electron binary is installed.`);
step('Electron smoke test', bin('playwright'), ['test', '-c', 'playwright.electron.config.ts']);
count(readPlaywrightReport(path.join(repoRoot, 'test-results', 'electron-report.json')));

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
