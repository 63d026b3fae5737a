/**
 * `npx tsx scripts/bench/impact-dump.ts [devices] OUT.bin` — every N-1
 * scenario of a generated hybrid through the impact evaluator as the sweep
 * job sets it up (leaf closed form, blocks of 32), one thread; writes every
 * IMPACT_FIELDS value to OUT.bin (Float64, scenario by scenario) and prints
 * the set-up's and the scenarios' CPU — to compare two checkouts' outputs
 * number for number on designs above the CLI's sweep limit.
 * COMPACT=1 builds the routing baseline in a compact shared buffer (twins'
 * states relabelled from their class leader's, twin-states.ts), as a sweep
 * whose states do not all fit the budget does, to compare that path too.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { buildTopology } from '../../src-shared/generate/generate';
import { compileTopology } from '../../src-shared/sim/csr';
import { ImpactEvaluator, IMPACT_FIELDS } from '../../src-shared/sim/impact';
import { DualHomedImpact } from '../../src-shared/sim/impact-dualhomed';
import { RoutingEngine } from '../../src-shared/sim/routing';
import { newSharedBaseline, sharedBaselineBytes } from '../../src-shared/sim/shared-baseline';
import { n1Scenarios } from '../../src-shared/sim/sweep';
import { uniformTraffic } from '../../src-shared/sim/traffic';
import { benchIntent } from './intents';

const size = Number(process.argv[2] ?? '5000');
const outFile = process.argv[3] ?? '/tmp/impact-dump.bin';
const t = buildTopology(benchIntent(Math.round(size / 1.057)), 'hybrid', 1);
const g = compileTopology(t);
const cpu = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e3;
};
const load0 = os.loadavg()[0]!;
let c0 = cpu();
const compact = process.env['COMPACT'] === '1' ? newSharedBaseline(g, true, sharedBaselineBytes(g) - 8)! : undefined;
const engine = new RoutingEngine(g, uniformTraffic(g), undefined, undefined, compact);
const impact = new ImpactEvaluator(engine, { siteOf: t.nodes.map(() => -1), unitGbps: 1 });
const specs = n1Scenarios(g);
const leaves = DualHomedImpact.build(engine, impact, new Float64Array(g.nodeIds.length).fill(1), 1, specs);
if (leaves !== null) impact.useSingleFailure(leaves);
const setup = cpu() - c0;
const F = IMPACT_FIELDS.length;
const out = new Float64Array(F * specs.length);
c0 = cpu();
for (let i = 0; i < specs.length; i += 32) {
  const blk = specs.slice(i, i + 32);
  impact.evaluateBlock(blk, out, blk.map((_, j) => (i + j) * F));
}
const run = cpu() - c0;
writeFileSync(outFile, Buffer.from(out.buffer));
console.log(`${compact !== undefined ? `compact baseline (${(engine.cacheBytes / 2 ** 20).toFixed(0)} MB of states), ` : ''}${g.nodeIds.length} devices, ${g.linkIds.length} links, ${specs.length} scenarios: set-up ${(setup / 1000).toFixed(1)} s CPU, scenarios ${(run / 1000).toFixed(1)} s CPU; load ${load0.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)}; ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB RSS`);
