/**
 * `npx tsx scripts/bench/twin-states-check.ts [devices] [every]` — routes every
 * `every`-th twin destination of a generated hybrid itself and compares its
 * state with the relabelled leader's (twin-states.ts): distances, DAG and
 * through-flows, bit for bit; prints how many differ and by how much.
 */
import { buildTopology } from '../../src-shared/generate/generate';
import { compileTopology, hasUniformWeights } from '../../src-shared/sim/csr';
import { buildDag, flowOnDag } from '../../src-shared/sim/ecmp';
import type { DestinationState } from '../../src-shared/sim/incremental';
import { MinHeap, shortestPathsTo } from '../../src-shared/sim/shortest';
import { gravityTraffic, uniformTraffic } from '../../src-shared/sim/traffic';
import { TwinStates } from '../../src-shared/sim/twin-states';
import { benchIntent } from './intents';

const size = Number(process.argv[2] ?? '5000');
const every = Number(process.argv[3] ?? '1');
const t = buildTopology(benchIntent(Math.round(size / 1.057)), 'hybrid', 1);
const g = compileTopology(t);
const n = g.nodeIds.length;
const uniform = hasUniformWeights(g);
for (const [name, tm] of [['uniform', uniformTraffic(g)], ['gravity', gravityTraffic(g, Float64Array.from(t.nodes, (_, i) => 1 + (i % 3)))]] as const) {
  const dests = Int32Array.from({ length: n }, (_, i) => i).filter((c) => tm.receives(c));
  const tw = TwinStates.build(g, tm, dests);
  if (tw === null) {
    console.log(`${name}: no twins`);
    continue;
  }
  const order = new Int32Array(n);
  const heap = new MinHeap(2 * g.targets.length + 4, n);
  const route = (c: number): DestinationState => {
    const st = { dist: new Float64Array(n), flow: new Float64Array(n), dagOff: new Int32Array(n + 1), slots: new Int32Array(g.targets.length) };
    const reached = shortestPathsTo(g, c, uniform, st.dist, order, heap);
    const k = buildDag(g, st.dist, st.dagOff, st.slots);
    st.slots = st.slots.slice(0, k);
    flowOnDag(g, c, order, reached, st.dagOff, st.slots, tm, st.flow, null);
    return st;
  };
  const out = { dist: new Float64Array(n), flow: new Float64Array(n), dagOff: new Int32Array(n + 1), slots: new Int32Array(g.targets.length) };
  let checked = 0;
  let distDiff = 0;
  let dagDiff = 0;
  let flowDiff = 0;
  let worst = 0;
  let lead: DestinationState | null = null;
  let leadI = -1;
  let seen = 0;
  for (let i = 0; i < dests.length; i++) {
    const l = tw.leaderOf[i]!;
    if (l < 0 || seen++ % every !== 0) continue;
    if (leadI !== l) {
      lead = route(dests[l]!);
      leadI = l;
    }
    const k = TwinStates.relabel(g, lead!, dests[l]!, dests[i]!, out);
    const own = route(dests[i]!);
    checked++;
    if (own.dist.some((x, u) => !Object.is(x, out.dist[u]))) distDiff++;
    if (k !== own.slots.length || own.dagOff.some((x, u) => x !== out.dagOff[u]) || own.slots.some((x, j) => x !== out.slots[j])) dagDiff++;
    let f = false;
    for (let u = 0; u < n; u++) {
      if (!Object.is(own.flow[u], out.flow[u])) {
        f = true;
        worst = Math.max(worst, Math.abs(own.flow[u]! - out.flow[u]!) / Math.max(Math.abs(own.flow[u]!), 1e-300));
      }
    }
    if (f) flowDiff++;
  }
  console.log(`${name}: ${n} devices, ${dests.length} destinations, ${tw.own.length} with a state of their own; ${checked} twins checked: distances differ ${distDiff}, DAG differs ${dagDiff}, flows differ ${flowDiff} (worst ${worst.toExponential(2)} relative)`);
}
