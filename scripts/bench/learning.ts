/**
 * Learning curve of the recommender (issue 5, "Must show").
 *
 * 200 random intents that are not in history (seeded, 4–150 sites, any
 * class, goal and region count, a budget one time in five) are verified
 * once: every family generated and simulated. Then, as history grows from
 * the bootstrap grid to +50, +200 and +1,000 recorded designs (random
 * intents from another seed, all families each), the predictor is refit
 * and instant mode answers each test intent. Printed per stage:
 * - top-1 agreement: instant's first family = verified's first family;
 * - mean regret: how much worse instant's pick is on the goal's own
 *   measure than verified's pick (goal.ts; a pick that fails the intent
 *   counts as 100 %);
 * - predictor MAPE of cost and p95 latency on the test designs, the
 *   5-fold cross-validated MAPE on history, the instant latency per intent,
 *   how often the true cost falls inside the 95 % interval, and the error
 *   of predicted downtime (relative, actual floored at 1 min/yr, and
 *   absolute in minutes a year).
 * Targets: agreement ≥ 80 % and regret < 5 % from +200 on; MAPE < 10 %
 * cost, < 15 % p95 latency. Usage: npm run bench:learning [-- --tests 200]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { KnowledgeBase } from '../../src-main/store/knowledge';
import { intentGrid, intentOfShape, randomIntents } from '../../src-shared/learn/intents';
import { samplesForIntents } from '../../src-shared/learn/history';
import { fitPredictor } from '../../src-shared/learn/predictor';
import { recommendInstant } from '../../src-shared/learn/recommend';
import { recommendVerified, type VerifiedResult } from '../../src-shared/learn/verify';
import { readRealisticIntents, REALISTIC_DIR } from './realistic-intents';
import { compareWithVerified, summariseAccuracy, type AccuracySummary, type IntentComparison, type MeasuredOption } from '../../src-shared/learn/accuracy';
import { mape, mean } from '../../src-shared/learn/stats';
import { TOPOLOGY_FAMILIES } from '../../src-shared/model/topology';
import { currentSample, MODEL_VERSION, type LearningSample } from '../../src-shared/learn/sample';
import type { Intent } from '../../src-shared/model/intent';
import { hash32 } from '../../src-shared/lib/rng';
import { APP_VERSION } from '../../src-shared/lib/version';

const { values } = parseArgs({
  options: {
    tests: { type: 'string', default: '200' },
    extra: { type: 'string', default: '1000' },
    cache: { type: 'string' },
    'fill-cache': { type: 'boolean', default: false },
    knowledge: { type: 'string' },
    'legacy-rows': { type: 'boolean', default: false },
  },
});
const TESTS = Number(values.tests);
const EXTRA = Number(values.extra);
/**
 * --cache DIR keeps what does not depend on the predictor — the extra history's measured designs and
 * every verified result — so a second run (another predictor, another knowledge base) measures only
 * the instant side. Entries are keyed by the intent's JSON and the model version, so a model change
 * never reuses a stale measurement. --fill-cache computes them and stops.
 */
const FIGURES = new Set(['costUsd', 'p95LatencyMs', 'availability', 'downtimeMinPerYear', 'incidentsPerYear']);
const cacheDir = values.cache ? path.resolve(values.cache) : null;
function cached<T>(name: string, make: () => T): T {
  if (!cacheDir) return make();
  const file = path.join(cacheDir, `${name}-model${MODEL_VERSION}.json`);
  // JSON writes a figure that is not finite as null (a design with no site pair has no latency).
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8'), (k, v: unknown) => (v === null && FIGURES.has(k) ? Number.NaN : v)) as T;
  const value = make();
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value));
  return value;
}
const fmt = (x: number | null, digits: number): string => (x === null || !Number.isFinite(x) ? '—' : x.toFixed(digits));
const meta = { softwareVersion: APP_VERSION, now: 0 };
const t0 = performance.now();
const secs = () => ((performance.now() - t0) / 1000).toFixed(0);

// The shipped bootstrap knowledge base when it exists (its generated designs; real networks carry no
// family and do not change a family's prediction), else the same grid generated here.
// --knowledge FILE reads another knowledge base; --legacy-rows takes its rows of no recorded model
// (version 1) as the current model's — only honest when the model has not changed since it was built.
const shipped = path.resolve(values.knowledge ?? path.join('resources', 'knowledge', 'bootstrap.nettwin'));
let bootstrap: LearningSample[];
if (fs.existsSync(shipped)) {
  const kb = KnowledgeBase.open(shipped, { readOnly: true });
  const rows = kb.samples.list().filter((s) => s.family !== null);
  kb.close();
  // As the app reads it: the current model's designs only, in the current feature set.
  bootstrap = rows.flatMap((s) => currentSample(values['legacy-rows'] && s.modelVersion === 1 ? { ...s, modelVersion: MODEL_VERSION } : s) ?? []);
  console.log(`bootstrap: ${bootstrap.length} designs read from ${path.relative(process.cwd(), shipped)} (${rows.length - bootstrap.length} of another model left out) (${secs()} s)`);
} else {
  bootstrap = samplesForIntents(intentGrid(), { ...meta, origin: 'bootstrap' });
  console.log(`bootstrap: ${bootstrap.length} designs from ${intentGrid().length} grid intents (${secs()} s)`);
}
const extraIntents = randomIntents(2026, Math.ceil(EXTRA / TOPOLOGY_FAMILIES.length) + 5);
// Cached samples keep their measurement; their features are recomputed when the feature set changed.
const extra = cached(`extra-${EXTRA}`, () => samplesForIntents(extraIntents, { ...meta, origin: 'bench' }).slice(0, EXTRA)).flatMap(
  (s) => currentSample({ ...s, modelVersion: s.modelVersion ?? MODEL_VERSION }) ?? [],
);
console.log(`extra history: ${extra.length} designs (${secs()} s)`);
const seen = new Set([...bootstrap, ...extra].map((s) => JSON.stringify({ ...s.intent, name: '' })));
const tests = randomIntents(99, TESTS * 2)
  .filter((i) => !seen.has(JSON.stringify({ ...i, name: '' })))
  .slice(0, TESTS); // not in history, whatever the names say
/** Verified options as the accuracy module reads them (best first; seed 1 of each family). */
const measured = (v: VerifiedResult): MeasuredOption[] =>
  v.ranked.map((c) => ({ family: c.option.family, success: c.sample.label.success, metrics: c.sample.metrics }));
const verifyAll = (name: string, intents: readonly Intent[]): MeasuredOption[][] =>
  cached(`verified-${name}-${hash32(JSON.stringify(intents)).toString(16)}`, () => intents.map((intent) => measured(recommendVerified(intent, { ...meta, families: 'all' }))));
const verified = verifyAll(`tests-${TESTS}`, tests);
console.log(`verified ${tests.length} test intents, all families (${secs()} s)\n`);
const realistic = readRealisticIntents();
if (values['fill-cache']) {
  verifyAll('realistic', realistic.map((r) => r.intent));
  console.log(`cache filled in ${cacheDir ?? '(no --cache given)'} (${secs()} s)`);
  process.exit(0);
}

const rows: string[] = [];
let generatorSummary: AccuracySummary | null = null;
const stages = ([['bootstrap', 0], ['+50', 50], ['+200', 200], ['+1000', 1000]] as const).filter(([, n]) => n <= EXTRA);
for (const [label, added] of stages) {
  const history: LearningSample[] = [...bootstrap, ...extra.slice(0, added)];
  const predictor = fitPredictor(history);
  const times: number[] = [];
  const comparisons: IntentComparison[] = [];
  const downErr: number[] = [];
  const downRel: number[] = [];
  let covered = 0;
  let intervals = 0;
  tests.forEach((intent, i) => {
    const s = performance.now();
    const rec = recommendInstant(intent, history, predictor);
    times.push(performance.now() - s);
    const v = verified[i]!;
    comparisons.push(compareWithVerified(intent.goal, rec.options, v));
    for (const c of v) {
      const o = rec.options.find((x) => x.family === c.family);
      const pa = o?.predicted.availability ?? null;
      if (!o || pa === null) continue;
      const dErr = Math.abs(pa - c.metrics.availability) * 525_600;
      downErr.push(dErr);
      downRel.push(dErr / Math.max(1, c.metrics.downtimeMinPerYear));
      if (o.intervals) {
        intervals++;
        const [lo, hi] = o.intervals.costUsd;
        if (c.metrics.costUsd >= lo && c.metrics.costUsd <= hi) covered++;
      }
    }
  });
  const sum = summariseAccuracy(comparisons);
  if (added === stages.at(-1)![1]) generatorSummary = sum;
  rows.push(
    [
      label.padEnd(10),
      String(history.length).padStart(7),
      `${fmt(sum.top1Pct, 1)} %`.padStart(10),
      `${fmt(sum.meanRegretPct, 2)} %`.padStart(10),
      `${fmt(sum.costMapePct, 1)} %`.padStart(10),
      `${fmt(sum.p95MapePct, 1)} %`.padStart(10),
      `${predictor.heldOut.costMapePct.toFixed(1)} / ${predictor.heldOut.p95MapePct.toFixed(1)} %`.padStart(16),
      `${mean(times).toFixed(1)} ms`.padStart(9),
      `${((100 * covered) / Math.max(1, intervals)).toFixed(0)} %`.padStart(9),
      `${(100 * mean(downRel)).toFixed(0)} % / ${mean(downErr).toFixed(0)} min`.padStart(16),
      `${fmt(sum.calibration.ecePoints, 1)} pt`.padStart(8),
    ].join(' '),
  );
  console.log(rows.at(-1));
}
console.log(
  `\n${'history'.padEnd(10)} ${'designs'.padStart(7)} ${'top-1'.padStart(10)} ${'regret'.padStart(10)} ${'MAPE cost'.padStart(10)} ${'MAPE p95'.padStart(10)} ${'CV cost/p95'.padStart(16)} ${'instant'.padStart(9)} ${'cost 95%'.padStart(9)} ${'downtime err'.padStart(16)} ${'ECE'.padStart(8)}`,
);
for (const r of rows) console.log(r);

// The realistic set: intents written by hand from published enterprise cases, never drawn by
// src-shared/learn/intents.ts and never in history (held out: nothing is fitted on them).
console.log(`\nrealistic set: ${realistic.length} intents from ${path.relative(process.cwd(), REALISTIC_DIR)} (held out)`);
const realVerified = verifyAll('realistic', realistic.map((r) => r.intent));
console.log(`verified ${realistic.length} realistic intents, all families (${secs()} s)`);
{
  const history = [...bootstrap, ...extra];
  const predictor = fitPredictor(history);
  const comparisons = realistic.map(({ file, intent }, i) => {
    const rec = recommendInstant(intent, history, predictor);
    const v = realVerified[i]!;
    const c = compareWithVerified(intent.goal, rec.options, v);
    const best = v[0];
    console.log(
      `  ${file.padEnd(40)} instant ${rec.options[0]!.family.padEnd(12)} verified ${(best?.family ?? '—').padEnd(12)} ${best?.success ? 'met' : 'none met'}  regret ${(100 * c.regret).toFixed(1)} %  cost MAPE ${fmt(mape(c.cost), 0)} %`,
    );
    return c;
  });
  const real = summariseAccuracy(comparisons);
  const line = (name: string, s: AccuracySummary | null) =>
    s === null
      ? `${name.padEnd(34)} (not measured)`
      : `${name.padEnd(34)} ${String(s.intents).padStart(7)} ${`${fmt(s.top1Pct, 1)} %`.padStart(8)} ${`${fmt(s.meanRegretPct, 2)} %`.padStart(9)} ${`${fmt(s.costMapePct, 1)} %`.padStart(10)} ${`${fmt(s.p95MapePct, 1)} %`.padStart(9)} ${`${fmt(s.unavailabilityMapePct, 0)} % / ${fmt(s.availabilityMapePct, 3)} %`.padStart(18)} ${`${fmt(s.calibration.ecePoints, 1)} pt`.padStart(8)}`;
  console.log(`\n${'set (history: all ' + history.length + ' designs)'.padEnd(34)} ${'intents'.padStart(7)} ${'top-1'.padStart(8)} ${'regret'.padStart(9)} ${'MAPE cost'.padStart(10)} ${'MAPE p95'.padStart(9)} ${'MAPE unavail/avail'.padStart(18)} ${'ECE'.padStart(8)}`);
  console.log(line('realistic (held out)', real));
  console.log(line(`generator-drawn (old figure, +${stages.at(-1)![1]})`, generatorSummary));
  console.log('\nreliability of stated P(success), realistic set (stated → observed, count):');
  for (const b of real.calibration.bins) {
    if (b.count === 0) continue;
    console.log(`  ${(100 * b.from).toFixed(0).padStart(3)}–${(100 * b.to).toFixed(0).padEnd(3)} %: stated ${(100 * b.meanStated!).toFixed(0).padStart(3)} %, observed ${(100 * b.observed!).toFixed(0).padStart(3)} %, n = ${b.count}`);
  }
  console.log(`  ${real.calibration.cases} family outcomes; expected calibration error ${fmt(real.calibration.ecePoints, 1)} points`);
}

// Instant latency on a 500-site intent with the full history (predictor already fitted, as in the app):
// CPU time (comparable under load) of the whole instant answer (analytic estimate of every family) and,
// beside it, of history alone (the predictor, as instant answered before the estimate).
{
  const history = [...bootstrap, ...extra];
  const predictor = fitPredictor(history);
  predictor.estimateRecord();
  const big = intentOfShape({ sites: 500, regions: 4, redundancy: 'HIGH', goal: 'balanced', mix: 1 });
  const cpuOf = (f: () => void, n: number): number => {
    f(); // warm-up (JIT)
    const runs: number[] = [];
    for (let i = 0; i < n; i++) {
      const c = process.cpuUsage();
      f();
      const d = process.cpuUsage(c);
      runs.push((d.user + d.system) / 1000);
    }
    return [...runs].sort((a, b) => a - b)[Math.floor(n / 2)]!;
  };
  const withEstimate = cpuOf(() => recommendInstant(big, history, predictor), 3);
  const historyOnly = cpuOf(() => recommendInstant(big, history, predictor, undefined, null), 11);
  const load = os.loadavg().map((x) => x.toFixed(2)).join(' ');
  console.log(`\ninstant, 500-site intent, ${history.length} designs in history (load ${load}): analytic estimate + history median ${withEstimate.toFixed(0)} ms CPU; history alone ${historyOnly.toFixed(1)} ms CPU (first-paint target < 50 ms)`);
}
console.log(`\ntargets: top-1 ≥ 80 %, regret < 5 % from +200; MAPE < 10 % cost, < 15 % p95. total ${secs()} s`);
