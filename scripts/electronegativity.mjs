// `npm run security:scan` (and a step of `npm test`): Electronegativity on the
// built app, offline. Fails on any finding not in the reviewed allowlist
// (test/security/electronegativity-allowlist.json) and on any allowlist entry
// that no longer matches a finding, so the list stays reviewed.
//
// What is scanned, staged under repository-relative names:
//   out/main, out/preload, out/renderer — what ships (bundled code, built CSP)
//   src-main                            — where a finding gets fixed
//   package.json                        — Electron version, CLI switches
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { tsImport } from 'tsx/esm/api';
import { buildIfNeeded, repoRoot } from './lib.mjs';

// The pure gate logic is TypeScript (typed, unit-tested in test/main/security).
const { applyAllowlist, findingsFromCsv, parseAllowlist, unparsedFindings, UNPARSED } = await tsImport('./electronegativity-lib.ts', import.meta.url);

const require = createRequire(import.meta.url);
const ALLOWLIST = 'test/security/electronegativity-allowlist.json';
const CSV = 'test-results/electronegativity.csv';
const SCANNED = ['out/main', 'out/preload', 'out/renderer', 'src-main', 'package.json'];
// Needs GitHub's Electron release list (network); the Electron pin in package.json is reviewed instead.
const EXCLUDED = ['AvailableSecurityFixesGlobalCheck'];

function die(message) {
  console.error(`security:scan: ${message}`);
  process.exit(1);
}

/** The scan is offline by construction: any socket the tool opens is refused before DNS. */
function blockNetwork() {
  const attempts = [];
  net.Socket.prototype.connect = function connect(...args) {
    const target = typeof args[0] === 'object' && args[0] !== null ? `${args[0].host ?? args[0].path ?? '?'}` : String(args[1] ?? args[0]);
    attempts.push(target);
    process.nextTick(() => this.destroy(new Error(`network blocked by security:scan (${target})`)));
    return this;
  };
  return attempts;
}

function electronVersion() {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const v = pkg.devDependencies?.electron ?? pkg.dependencies?.electron;
  if (typeof v !== 'string' || !/^\d+\.\d+\.\d+$/.test(v)) die(`package.json must pin electron to an exact version (x.y.z), found ${JSON.stringify(v)}`);
  return v;
}

function stage() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-scan-'));
  for (const rel of SCANNED) {
    const from = path.join(repoRoot, rel);
    if (!fs.existsSync(from)) die(`${rel} is missing; run \`npx electron-vite build\` first`);
    fs.cpSync(from, path.join(dir, rel), { recursive: true, filter: (src) => !src.endsWith('.map') && !src.endsWith('.tsbuildinfo') });
  }
  return dir;
}

/**
 * The tool writes its CSV as two unawaited fs.writeFile calls (header with "w",
 * rows with "a") that can land in either order or be read half-written. Its
 * writes to our CSV are queued here, one after the other in call order, so the
 * file is whole once the queue drains.
 */
function serialiseCsvWrites(file) {
  const fsCjs = require('node:fs');
  const original = fsCjs.writeFile;
  let queue = Promise.resolve();
  let writes = 0;
  fsCjs.writeFile = function writeFile(target, data, ...rest) {
    if (path.resolve(String(target)) !== file) return original.call(this, target, data, ...rest);
    const callback = typeof rest[rest.length - 1] === 'function' ? rest.pop() : () => undefined;
    const options = rest[0];
    writes += 1;
    queue = queue.then(() => fs.promises.writeFile(file, data, options)).then(() => callback(null), (err) => callback(err));
    return undefined;
  };
  return {
    drained: async () => {
      await queue;
      fsCjs.writeFile = original;
      // Two writes (header, rows) is how 1.10.3 writes; anything else means the tool changed and this wait no longer holds.
      if (writes !== 2) die(`expected Electronegativity to write ${CSV} in 2 steps, saw ${writes}; review serialiseCsvWrites`);
    },
  };
}

function readCsv(file, expectedRows) {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (!text.startsWith('issue,')) die(`${CSV} has no header line; Electronegativity did not write its report`);
  let findings;
  try {
    findings = findingsFromCsv(text);
  } catch (err) {
    die(`${CSV}: ${err.message}`);
  }
  if (findings.length !== expectedRows) die(`${CSV} holds ${findings.length} finding(s), Electronegativity reported ${expectedRows}`);
  return findings;
}

function loadAllowlist() {
  const file = path.join(repoRoot, ALLOWLIST);
  let json;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    die(`cannot read ${ALLOWLIST}: ${err.message}`);
  }
  try {
    return parseAllowlist(json, ALLOWLIST);
  } catch (err) {
    die(err.message);
  }
}

const where = (f) => `${f.file}:${f.location.split(':')[0]}`;

async function main() {
  buildIfNeeded();
  const version = electronVersion();
  const entries = loadAllowlist();
  const input = stage();
  const csvPath = path.join(repoRoot, CSV);
  fs.mkdirSync(path.dirname(csvPath), { recursive: true });
  fs.rmSync(csvPath, { force: true });
  const attempts = blockNetwork();
  const toolVersion = require('@doyensec/electronegativity/package.json').version;
  const run = require('@doyensec/electronegativity');
  const log = console.log;
  // The tool prints this when its (blocked) translation download fails; it then uses its bundled English.
  console.log = (...a) => (String(a[0]).startsWith('Could not retrieve updated translations') ? undefined : log(...a));
  const csvWrites = serialiseCsvWrites(csvPath);
  let result;
  try {
    result = await run({
      input, output: csvPath, isSarif: false, customScan: [], excludeFromScan: EXCLUDED.map((c) => c.toLowerCase()),
      isRelative: true, isVerbose: false, electronVersionOverride: version, parserPlugins: [],
    }, false);
  } finally {
    console.log = log;
    fs.rmSync(input, { recursive: true, force: true });
  }
  await csvWrites.drained();
  const reported = readCsv(csvPath, result.issues.length);
  const unparsed = unparsedFindings(result.errors.filter((e) => !e.tolerable).map((e) => ({ ...e, file: path.relative(input, e.file) })));
  const findings = [...reported, ...unparsed];
  const { allowed, unlisted, stale } = applyAllowlist(findings, entries);

  console.log(`Electronegativity ${toolVersion} on the built app (Electron ${version}, offline; ${attempts.length} network attempt(s) refused)`);
  console.log(`  checks run: ${result.atomicChecks + result.globalChecks} (${result.atomicChecks} atomic, ${result.globalChecks} global); excluded: ${EXCLUDED.join(', ')} (needs the network)`);
  console.log(`  scanned: ${SCANNED.join(', ')}; files the tool could not parse (${UNPARSED}): ${unparsed.length}`);
  console.log(`  findings: ${findings.length} — allowed ${allowed.length} (by ${entries.length - stale.length} allowlist entries), new ${unlisted.length}, stale entries ${stale.length}; CSV: ${CSV}`);
  for (const f of unlisted) {
    console.log(`  NEW   ${f.check} ${f.severity}/${f.confidence} at ${where(f)}: ${(f.sample || f.description).slice(0, 120)}`);
    console.log(`        ${f.description} — fix it, or add {"check": "${f.check}", "file": "${f.file}", "justification": "…"} to ${ALLOWLIST}`);
  }
  for (const e of stale) console.log(`  STALE ${e.check} in ${e.file} matches no finding any more: remove it from ${ALLOWLIST}`);
  if (unlisted.length > 0 || stale.length > 0) {
    console.log('security:scan FAILED');
    process.exit(1);
  }
  console.log('security:scan passed');
}

await main().catch((err) => die(err instanceof Error ? err.message : String(err)));
