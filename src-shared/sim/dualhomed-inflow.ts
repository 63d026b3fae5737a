import { addDestinationLoads } from './ecmp';
import type { DagPush } from './dualhomed-push';
import type { Leaves } from './dualhomed-leaves';
import type { StretchBase } from './impact-chains';
import type { SlotDelta } from './incremental';
import type { StretchSink } from './latency';
import type { RoutingEngine } from './routing';
import { onShortestPath } from './shortest';

/**
 * Traffic toward leaf v after its link e failed, when every link v keeps
 * goes to one end A that is itself a destination (a dual-homed edge router
 * left with one uplink), without repairing v's routes: nobody routes
 * through v (it is a leaf), so every other router now reaches v through A
 * along A's own baseline DAG, and A hands it to v over the lightest links
 * left. Loads: A's baseline flows scaled by m_v / m_A (the product form:
 * each source sends m_s·m_v to v where it sent m_s·m_A to A), less v's own
 * traffic to A, plus what arrives at A on its links to v; the baseline
 * flows toward v come off. Stretch: a source's new latency is its latency
 * to A plus the last hop's (ECMP means add along a path) — equal to the
 * repaired figures up to rounding. Returns false, having done nothing, where
 * it does not apply (the caller then repairs): v keeps links to two ends or
 * none, A receives no traffic, or either state is beyond the engine's cache.
 */
export function singleEndInflow(
  engine: RoutingEngine,
  leaves: Leaves,
  masses: Float64Array,
  v: number,
  e: number,
  out: SlotDelta,
  sink: StretchSink,
  base: StretchBase,
  push: DagPush,
  latScratch: Float64Array,
  unchangedBefore: number,
): boolean {
  const g = engine.g;
  const { offsets, targets, edgeLink, weights, latencies, linkSource } = g;
  let A = -1;
  let wMin = Infinity;
  for (let s = offsets[v]!; s < offsets[v + 1]!; s++) {
    const l = edgeLink[s]!;
    if (l === e) continue;
    if (A === -1) A = targets[s]!;
    else if (targets[s] !== A) return false;
    if (weights[l]! < wMin) wMin = weights[l]!;
  }
  if (A === -1) return false;
  const iv = leaves.destIndex[v]!;
  const iA = leaves.destIndex[A]!;
  if (iv < 0 || iA < 0 || !(masses[A]! > 0)) return false;
  const stA = engine.cachedState(iA);
  const stV = engine.cachedState(iv);
  if (stA === null || stV === null) return false;
  // A's next hops toward v: its lightest links to v; the last hop's mean latency.
  let k = 0;
  let hop = 0;
  for (let s = offsets[v]!; s < offsets[v + 1]!; s++) {
    const l = edgeLink[s]!;
    if (l === e || !onShortestPath(wMin, 0, weights[l]!)) continue;
    hop += latencies[l]!;
    k++;
  }
  hop /= k;
  const mv = masses[v]!;
  const scale = mv / masses[A]!;
  const val = out.value;
  addDestinationLoads(g, stA.dagOff, stA.slots, stA.flow, scale, out);
  let arriving = stA.flow[A]! * scale + masses[A]! * mv;
  if (stA.dist[v] !== Infinity) {
    // v's own traffic to A, scaled as the rest: v sends nothing to itself.
    push.begin();
    push.inject(stA, v, mv * mv);
    push.flow(stA, (slot, x) => (val[slot]! -= x));
    arriving -= mv * mv;
  }
  // A's own demand to v is on its last hop only, whose reverse (v's own traffic to A's side) carries as
  // much under product traffic: no impact field sees it, but the loads are the repair's.
  for (let s = offsets[v]!; s < offsets[v + 1]!; s++) {
    const l = edgeLink[s]!;
    if (l === e || !onShortestPath(wMin, 0, weights[l]!)) continue;
    val[2 * l + (linkSource[l] === A ? 0 : 1)]! += arriving / k;
  }
  addDestinationLoads(g, stV.dagOff, stV.slots, stV.flow, -1, out);
  // Stretch of the demands toward v.
  sink.unchanged += unchangedBefore;
  latScratch.set(base.latencyOf(iv, stV));
  const latA = base.latencyOf(iA, stA);
  const n = latScratch.length;
  for (let s = 0; s < n; s++) {
    const was = latScratch[s]!;
    if (s === v || Number.isNaN(was) || !(masses[s]! * mv > 0)) continue;
    if (stA.dist[s] === Infinity) {
      // Cut off: stranded, not stretched. Not expected for a leaf (a source that reached v but not A
      // would route through v toward A); kept so that such a source is counted as the repair counts it.
      sink.unchanged--;
      continue;
    }
    const r = was > 0 ? (latA[s]! + hop) / was : 1;
    if (Math.abs(r - 1) <= 1e-12) continue;
    sink.unchanged--;
    sink.push(r);
  }
  return true;
}
