// `npm test`: every check in one command, non-zero on any failure.
// typecheck → lint (ESLint + layering + knip) → build → Electronegativity → vitest → Playwright e2e → Electron smoke.
import { spawnSync } from 'node:child_process';
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

function step(name, cmd, args, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${name}: ${[path.basename(cmd), ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  results.push({ name, ok, seconds: (Date.now() - started) / 1000 });
  return ok;
}

fs.mkdirSync(path.join(repoRoot, 'test-results'), { recursive: true });
for (const f of ['vitest.json', 'e2e-report.json', 'electron-report.json']) fs.rmSync(path.join(repoRoot, 'test-results', f), { force: true });

step('typecheck', bin('tsc'), ['-b', 'src-shared', 'src-main', 'src-renderer', 'test']);
step('lint', bin('eslint'), ['.']);
step('layering', bin('depcruise'), ['src-shared', 'src-main', 'src-renderer', '--config', 'test/architecture/dependency-cruiser.cjs']);
step('unused files, exports and dependencies (knip)', bin('knip'), ['--no-progress']);
const built = step('build', bin('electron-vite'), ['build']) && step('build CLI', process.execPath, [path.join(repoRoot, 'scripts', 'build-cli.mjs')]);
// Scans the bundles just built; without them there is nothing to scan, and that is a failure too.
if (built) step('security scan (Electronegativity, reviewed allowlist)', process.execPath, [path.join(repoRoot, 'scripts', 'electronegativity.mjs')]);
else results.push({ name: 'security scan (Electronegativity, reviewed allowlist)', ok: false, seconds: 0 });
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
