/**
 * `npx tsx scripts/bench/setup-split.ts [devices]` — where an impact sweep
 * worker's set-up goes on a generated hybrid (issue 18 item 3): the routing
 * baseline (alone, and as one of two workers sharing it, shared-baseline.ts)
 * and the leaf closed form's set-up (dualhomed-leaves.ts, the signature
 * vectors), CPU and the shared buffer's size, one thread.
 */
import os from 'node:os';
import { buildTopology } from '../../src-shared/generate/generate';
import { compileTopology } from '../../src-shared/sim/csr';
import { ImpactEvaluator } from '../../src-shared/sim/impact';
import { DualHomedImpact } from '../../src-shared/sim/impact-dualhomed';
import { RoutingEngine, SweepCancelled } from '../../src-shared/sim/routing';
import { newSharedBaseline, sharedBaselineBytes } from '../../src-shared/sim/shared-baseline';
import { n1Scenarios } from '../../src-shared/sim/sweep';
import { uniformTraffic } from '../../src-shared/sim/traffic';
import { benchIntent } from './intents';

const size = Number(process.argv[2] ?? '5000');
const t = buildTopology(benchIntent(Math.round(size / 1.057)), 'hybrid', 1);
const g = compileTopology(t);
const cpu = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e3;
};
const rss = (): string => `${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB RSS`;
const buf = newSharedBaseline(g, true);
console.log(`${g.nodeIds.length} devices, ${g.linkIds.length} links; shared baseline ${(sharedBaselineBytes(g) / 2 ** 20).toFixed(0)} MB (DAG arena at its worst case), ${buf === null ? 'refused' : 'taken'}; load ${os.loadavg()[0]!.toFixed(1)}`);
let c0 = cpu();
let engine: RoutingEngine;
if (buf === null) {
  engine = new RoutingEngine(g, uniformTraffic(g));
  console.log(`routing baseline, built alone by each worker: ${(cpu() - c0).toFixed(0)} ms CPU, ${(engine.cacheBytes / 2 ** 20).toFixed(0)} MB of state; ${rss()}`);
} else {
  // Two workers played on one thread: the first stops after writing half the destinations.
  const D = g.nodeIds.length;
  try {
    new RoutingEngine(g, uniformTraffic(g), undefined, (done) => done < D / 2, buf);
  } catch (err) {
    if (!(err instanceof SweepCancelled)) throw err;
  }
  const first = cpu() - c0;
  c0 = cpu();
  engine = new RoutingEngine(g, uniformTraffic(g), undefined, undefined, buf);
  console.log(`routing baseline shared by two workers: ${first.toFixed(0)} ms CPU for the first half, ${(cpu() - c0).toFixed(0)} ms for the second half and the load replay; ${(engine.cacheBytes / 2 ** 20).toFixed(0)} MB of state; ${rss()}`);
}
c0 = cpu();
const impact = new ImpactEvaluator(engine, { siteOf: t.nodes.map(() => -1), unitGbps: 1 });
console.log(`impact evaluator set-up per worker (components; baseline latencies unless the shared baseline holds them): ${(cpu() - c0).toFixed(0)} ms CPU; ${rss()}`);
c0 = cpu();
const leaves = DualHomedImpact.build(engine, impact, new Float64Array(g.nodeIds.length).fill(1), 1, n1Scenarios(g));
console.log(`leaf closed form set-up: ${(cpu() - c0).toFixed(0)} ms CPU (${leaves === null ? 'not taken' : 'taken'}); ${rss()}`);
