/**
 * Where the chain impact path's CPU goes (simulate --scenarios n1 with
 * product-form traffic on a chain-heavy core), in process on one thread:
 * set-up (routing baseline, evaluator, compressed sweep), then per scenario
 * class the stretch part and the load part apart. Run twice in one process
 * (cold, warm). `npx tsx scripts/bench/chain-impact-phases.ts FILE.graphml`.
 */
import fs from 'node:fs';
import { importGraphml } from '../../src-shared/io/graphml';
import { compileTopology } from '../../src-shared/sim/csr';
import { n1Scenarios } from '../../src-shared/sim/sweep';
import { chainGroupedOrder } from '../../src-shared/sim/impact-order';
import { RoutingEngine, failureMasks } from '../../src-shared/sim/routing';
import { ImpactEvaluator, IMPACT_FIELDS } from '../../src-shared/sim/impact';
import { SingleFailureImpact } from '../../src-shared/sim/impact-chains';
import { CompressedSweep } from '../../src-shared/sim/compressed';
import { findChains } from '../../src-shared/sim/chains';
import { pendantForest } from '../../src-shared/sim/pendant';
import { uniformTraffic } from '../../src-shared/sim/traffic';
import { StretchSink } from '../../src-shared/sim/latency';

const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const t = <T>(label: string, fn: () => T): T => {
  const c0 = cpu();
  const r = fn();
  console.log(`${label.padEnd(34)} ${(cpu() - c0).toFixed(0).padStart(7)} ms CPU`);
  return r;
};
const topo = importGraphml(fs.readFileSync(process.argv[2]!, 'utf8'), 'x.graphml').topology;
const g = compileTopology(topo);
const scen = n1Scenarios(g);
const order = chainGroupedOrder(g, scen);
const specs = order === null ? scen : Array.from(order.order, (i) => scen[i]!);
const n = g.nodeIds.length;
const pm = new Float64Array(n).fill(1);
const forest = pendantForest(g);
const coreChains = findChains(forest.core);
const kind = (s: { nodes: readonly number[]; links: readonly number[] }): string => {
  if (s.links.length === 1) {
    const ce = forest.coreLinks.indexOf(s.links[0]!);
    if (ce < 0) return 'pendant link';
    return coreChains.chainOfLink[ce]! >= 0 ? 'chain link' : 'direct link';
  }
  const v = s.nodes[0]!;
  if (forest.isCore[v] !== 1) return 'pendant node';
  return coreChains.chainOfNode[forest.coreIndex[v]!]! >= 0 ? 'chain node' : 'branch node';
};
for (const rep of [1, 2]) {
  console.log(`— pass ${rep}`);
  const engine = t('routing baseline', () => new RoutingEngine(g, uniformTraffic(g)));
  const ev = t('evaluator set-up', () => new ImpactEvaluator(engine, { siteOf: topo.nodes.map(() => -1), unitGbps: 0.001 }));
  const cs = t('compressed sweep set-up', () => new CompressedSweep(g, pm, pm));
  const single = t('single-failure set-up', () => new SingleFailureImpact(engine, cs, findChains(g), 0.001, ev.acyclicDags));
  const st = new Map<string, [number, number, number]>();
  const out = new Float64Array(IMPACT_FIELDS.length);
  const sink = new StretchSink();
  for (const s of specs) {
    const k = kind(s);
    const f = failureMasks(g, s.nodes, s.links);
    sink.reset();
    const c0 = cpu();
    single.stretch(s, f, sink, ev);
    const c1 = cpu();
    single.loadFields(s, f, out, 6);
    const c2 = cpu();
    const e = st.get(k) ?? [0, 0, 0];
    e[0] += 1;
    e[1] += c1 - c0;
    e[2] += c2 - c1;
    st.set(k, e);
  }
  let a = 0;
  let b = 0;
  for (const [k, [cnt, s1, l1]] of st) {
    console.log(`${k.padEnd(14)} ${String(cnt).padStart(5)} scenarios: stretch ${s1.toFixed(0).padStart(6)} ms, loads ${l1.toFixed(0).padStart(6)} ms CPU`);
    a += s1;
    b += l1;
  }
  console.log(`all: stretch ${a.toFixed(0)} ms, loads ${b.toFixed(0)} ms CPU`);
}
