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
import path from 'node:path';
import { parseArgs } from 'node:util';
import { KnowledgeBase } from '../../src-main/store/knowledge';
import { intentGrid, intentOfShape, randomIntents } from '../../src-shared/learn/intents';
import { samplesForIntents } from '../../src-shared/learn/history';
import { fitPredictor } from '../../src-shared/learn/predictor';
import { recommendInstant } from '../../src-shared/learn/recommend';
import { recommendVerified } from '../../src-shared/learn/verify';
import { regret } from '../../src-shared/learn/goal';
import { mape, mean } from '../../src-shared/learn/stats';
import { TOPOLOGY_FAMILIES } from '../../src-shared/model/topology';
import type { LearningSample } from '../../src-shared/learn/sample';
import { APP_VERSION } from '../../src-shared/lib/version';

const { values } = parseArgs({ options: { tests: { type: 'string', default: '200' } } });
const TESTS = Number(values.tests);
const meta = { softwareVersion: APP_VERSION, now: 0 };
const t0 = performance.now();
const secs = () => ((performance.now() - t0) / 1000).toFixed(0);

// The shipped bootstrap knowledge base when it exists (its generated designs; real networks carry no
// family and do not change a family's prediction), else the same grid generated here.
const shipped = path.resolve('resources', 'knowledge', 'bootstrap.nettwin');
let bootstrap: LearningSample[];
if (fs.existsSync(shipped)) {
  const kb = KnowledgeBase.open(shipped, { readOnly: true });
  bootstrap = kb.samples.list().filter((s) => s.family !== null);
  kb.close();
  console.log(`bootstrap: ${bootstrap.length} designs read from ${path.relative(process.cwd(), shipped)} (${secs()} s)`);
} else {
  bootstrap = samplesForIntents(intentGrid(), { ...meta, origin: 'bootstrap' });
  console.log(`bootstrap: ${bootstrap.length} designs from ${intentGrid().length} grid intents (${secs()} s)`);
}
const extraIntents = randomIntents(2026, Math.ceil(1000 / TOPOLOGY_FAMILIES.length) + 5);
const extra = samplesForIntents(extraIntents, { ...meta, origin: 'bench' }).slice(0, 1000);
console.log(`extra history: ${extra.length} designs (${secs()} s)`);
const seen = new Set([...bootstrap, ...extra].map((s) => JSON.stringify({ ...s.intent, name: '' })));
const tests = randomIntents(99, TESTS * 2)
  .filter((i) => !seen.has(JSON.stringify({ ...i, name: '' })))
  .slice(0, TESTS); // not in history, whatever the names say
const verified = tests.map((intent) => recommendVerified(intent, { ...meta, families: 'all' }));
console.log(`verified ${tests.length} test intents, all families (${secs()} s)\n`);

const rows: string[] = [];
for (const [label, added] of [['bootstrap', 0], ['+50', 50], ['+200', 200], ['+1000', 1000]] as const) {
  const history: LearningSample[] = [...bootstrap, ...extra.slice(0, added)];
  const predictor = fitPredictor(history);
  let agree = 0;
  const regrets: number[] = [];
  const times: number[] = [];
  const cost: { predicted: number; actual: number }[] = [];
  const p95: { predicted: number; actual: number }[] = [];
  const downErr: number[] = [];
  const downRel: number[] = [];
  let covered = 0;
  let intervals = 0;
  tests.forEach((intent, i) => {
    const s = performance.now();
    const rec = recommendInstant(intent, history, predictor);
    times.push(performance.now() - s);
    const v = verified[i]!;
    const best = v.ranked[0]!;
    const pick = v.ranked.find((c) => c.option.family === rec.options[0]!.family);
    if (pick?.option.family === best.option.family) agree++;
    if (!best.sample.label.success) regrets.push(0);
    else if (!pick || !pick.sample.label.success) regrets.push(1);
    else regrets.push(Math.min(1, regret(intent.goal, pick.sample.metrics, best.sample.metrics)));
    for (const c of v.ranked) {
      const o = rec.options.find((x) => x.family === c.option.family);
      const pc = o?.predicted.costUsd ?? null;
      const pp = o?.predicted.p95LatencyMs ?? null;
      const pa = o?.predicted.availability ?? null;
      if (!o || pc === null || pp === null || pa === null) continue;
      cost.push({ predicted: pc, actual: c.sample.metrics.costUsd });
      const dErr = Math.abs(pa - c.sample.metrics.availability) * 525_600;
      downErr.push(dErr);
      downRel.push(dErr / Math.max(1, c.sample.metrics.downtimeMinPerYear));
      if (o.intervals) {
        intervals++;
        const [lo, hi] = o.intervals.costUsd;
        if (c.sample.metrics.costUsd >= lo && c.sample.metrics.costUsd <= hi) covered++;
      }
      p95.push({ predicted: pp, actual: c.sample.metrics.p95LatencyMs });
    }
  });
  rows.push(
    [
      label.padEnd(10),
      String(history.length).padStart(7),
      `${((100 * agree) / tests.length).toFixed(1)} %`.padStart(10),
      `${(100 * mean(regrets)).toFixed(2)} %`.padStart(10),
      `${mape(cost).toFixed(1)} %`.padStart(10),
      `${mape(p95).toFixed(1)} %`.padStart(10),
      `${predictor.heldOut.costMapePct.toFixed(1)} / ${predictor.heldOut.p95MapePct.toFixed(1)} %`.padStart(16),
      `${mean(times).toFixed(1)} ms`.padStart(9),
      `${((100 * covered) / Math.max(1, intervals)).toFixed(0)} %`.padStart(9),
      `${(100 * mean(downRel)).toFixed(0)} % / ${mean(downErr).toFixed(0)} min`.padStart(16),
    ].join(' '),
  );
  console.log(rows.at(-1));
}
console.log(
  `\n${'history'.padEnd(10)} ${'designs'.padStart(7)} ${'top-1'.padStart(10)} ${'regret'.padStart(10)} ${'MAPE cost'.padStart(10)} ${'MAPE p95'.padStart(10)} ${'CV cost/p95'.padStart(16)} ${'instant'.padStart(9)} ${'cost 95%'.padStart(9)} ${'downtime err'.padStart(16)}`,
);
for (const r of rows) console.log(r);
// Instant latency on a 500-site intent with the full history (predictor already fitted, as in the app).
{
  const history = [...bootstrap, ...extra];
  const predictor = fitPredictor(history);
  const big = intentOfShape({ sites: 500, regions: 4, redundancy: 'HIGH', goal: 'balanced', mix: 1 });
  for (let i = 0; i < 3; i++) recommendInstant(big, history, predictor); // warm-up (JIT)
  const runs: number[] = [];
  for (let i = 0; i < 21; i++) {
    const s = performance.now();
    recommendInstant(big, history, predictor);
    runs.push(performance.now() - s);
  }
  console.log(`\ninstant, 500-site intent, ${history.length} designs in history: median ${[...runs].sort((a, b) => a - b)[10]!.toFixed(1)} ms (target < 50 ms)`);
}
console.log(`\ntargets: top-1 ≥ 80 %, regret < 5 % from +200; MAPE < 10 % cost, < 15 % p95. total ${secs()} s`);
