import { findChains, type Chain, type ChainIndex } from './chains';
import { skeletonWork, type CompressedSweep } from './compressed';
import type { CompiledGraph } from './csr';
import { pendantForest } from './pendant';
import { DestinationDelta, SlotDelta, type DestinationState, type FailureMasks } from './incremental';
import { LatencyDelta, type StretchSink } from './latency';
import type { RoutingEngine } from './routing';
import { onShortestPath } from './shortest';
import type { FailureSpec } from './sweep';

/** What the impact evaluator keeps per destination, which the stretch below reads. */
export interface StretchBase {
  /** Demands to the i-th destination (c) counted as unchanged before any route is looked at: those of surviving sources. */
  unchangedBefore(i: number, c: number, f: FailureMasks): number;
  /** Baseline ECMP-mean latency of every node toward the i-th destination. */
  latencyOf(i: number, st: DestinationState): Float64Array;
}

/**
 * The impact fields of one single-element failure (N-1) for product-form
 * traffic (uniform, gravity), without the per-destination load repair that
 * made every such scenario cost O(destinations × affected region):
 *
 * - Loads come from the pendant/chain-compressed sweep analyze uses
 *   (CompressedSweep, skeleton.ts): every directed load it computes is
 *   collected per link, and max load, utilisation, overloaded links and the
 *   worst link follow. Those loads equal the per-destination repair's up to
 *   rounding (relative 1e-16), so among links whose utilisation ties within
 *   1e-12 of the largest the lowest index is the worst link — what the
 *   repair reports for exact ties.
 * - Stretch: for a failure inside chain C (one of its links or interior
 *   nodes) and a destination c outside C's interior that no node outside C
 *   reaches through C (neither end has its first chain link on a shortest
 *   path toward c), only C's interior nodes change route: each surviving
 *   piece hangs off its end, and a piece node's latency is its links'
 *   latencies added onto the end's unchanged latency — the same sums, in the
 *   same order, as the incremental latency update computes (LatencyDelta),
 *   so the ratios are bit-identical. A chain router dual-homed to two
 *   aggregation routers (one-router chain) thus costs O(1) per destination
 *   instead of a repair of that destination's DAG. Every other touched
 *   destination (branch-node and direct-link failures, destinations inside C,
 *   chains on a shortest path) has its DAG repaired and its latencies updated
 *   as before.
 */
export class SingleFailureImpact {
  private readonly linkLoad: Float64Array;
  private readonly delta: DestinationDelta;
  private readonly latency: LatencyDelta;
  private readonly scratch: SlotDelta;
  private readonly visit = (e: number, load: number): void => {
    if (load > this.linkLoad[e]!) this.linkLoad[e] = load;
  };

  constructor(
    private readonly engine: RoutingEngine,
    private readonly compressed: CompressedSweep,
    /** Chains of the full graph (findChains(engine.g)). */
    private readonly chains: ChainIndex,
    private readonly unitGbps: number,
    /** Baseline DAGs acyclic with strictly decreasing distances (dagIsAcyclic): the chain closed form needs it. */
    private readonly acyclic: boolean,
  ) {
    const g = engine.g;
    this.linkLoad = new Float64Array(g.linkIds.length);
    this.delta = new DestinationDelta(g, engine.traffic);
    this.latency = new LatencyDelta(g);
    this.scratch = new SlotDelta(engine.slots);
  }

  /** One failed link or node. */
  handles(spec: FailureSpec): boolean {
    return spec.nodes.length + spec.links.length === 1;
  }

  /**
   * maxLoad, maxUtilisation, overloadedLinks and worstLink of the scenario,
   * written at out[at …] in that order.
   */
  loadFields(spec: FailureSpec, f: FailureMasks, out: Float64Array, at: number): void {
    const g = this.engine.g;
    const load = this.linkLoad;
    load.fill(0);
    this.compressed.maxLoad(spec, this.visit);
    let maxLoad = 0;
    let maxUtil = 0;
    let overloaded = 0;
    const m = g.linkIds.length;
    for (let e = 0; e < m; e++) {
      if (f.links[e] === 1) continue;
      const l = load[e]!;
      if (l > maxLoad) maxLoad = l;
      const u = (l * this.unitGbps) / g.capacities[e]!;
      if (u > maxUtil) maxUtil = u;
      if (u > 1 + 1e-12) overloaded++;
    }
    let worst = -1;
    if (maxUtil > 0) {
      const floor = maxUtil * (1 - 1e-12);
      for (let e = 0; e < m && worst < 0; e++) if (f.links[e] !== 1 && (load[e]! * this.unitGbps) / g.capacities[e]! >= floor) worst = e;
    }
    out[at] = maxLoad;
    out[at + 1] = maxUtil;
    out[at + 2] = overloaded;
    out[at + 3] = worst;
  }

  /** Latency stretch of every surviving demand into `sink` (reset by the caller). */
  stretch(spec: FailureSpec, f: FailureMasks, sink: StretchSink, base: StretchBase): void {
    const { engine } = this;
    const dests = engine.destinationNodes;
    const ci = this.chains;
    const id = !this.acyclic ? -1 : spec.links.length === 1 ? ci.chainOfLink[spec.links[0]!]! : ci.chainOfNode[spec.nodes[0]!]!;
    const chain = id >= 0 ? ci.chains[id]! : null;
    // Interior nodes [0, aEnd) hang off A, [bStart, k) off B (chainOfLink / posOfLink: link p joins nodes p − 1 and p).
    const pos = id < 0 ? -1 : spec.links.length === 1 ? ci.posOfLink[spec.links[0]!]! : ci.posOfNode[spec.nodes[0]!]!;
    const aEnd = pos;
    const bStart = spec.links.length === 1 ? pos : pos + 1;
    for (let i = 0; i < dests.length; i++) {
      const c = dests[i]!;
      if (f.nodes[c] === 1) continue;
      sink.unchanged += base.unchangedBefore(i, c, f);
      const st = engine.destinationState(i);
      if (!touches(engine.g, st.dist, f)) continue;
      if (chain !== null && ci.chainOfNode[c] !== id && !enteredFromEnds(engine.g, chain, st.dist)) {
        this.pieces(chain, aEnd, bStart, c, base.latencyOf(i, st), sink);
        continue;
      }
      if (this.delta.apply(c, st, f, this.scratch, true, undefined, true)) {
        this.latency.run(c, st, base.latencyOf(i, st), this.delta, f, engine.traffic, sink);
        this.delta.finish();
      }
    }
  }

  /**
   * The two pieces of a broken chain toward c, which reaches neither through
   * the chain: each piece node's new latency is its link's latency plus the
   * next node's toward its end (single next hop), as LatencyDelta sums it.
   * Nodes whose route did not change get their baseline value back exactly
   * (ratio 1, counted unchanged again).
   */
  private pieces(chain: Chain, aEnd: number, bStart: number, c: number, base: Float64Array, sink: StretchSink): void {
    const lat = this.engine.g.latencies;
    const traffic = this.engine.traffic;
    const k = chain.nodes.length;
    const visit = (u: number, value: number): void => {
      const b = base[u]!;
      if (Number.isNaN(b) || !(traffic.demand(u, c) > 0)) return;
      sink.unchanged--;
      if (Number.isNaN(value)) return; // cut off: stranded, not stretched
      const r = b > 0 ? value / b : 1;
      if (Math.abs(r - 1) <= 1e-12) sink.unchanged++;
      else sink.push(r);
    };
    let prev = base[chain.a]!;
    for (let j = 0; j < aEnd; j++) {
      prev = lat[chain.links[j]!]! + prev;
      visit(chain.nodes[j]!, prev);
    }
    prev = base[chain.b]!;
    for (let j = k - 1; j >= bStart; j--) {
      prev = lat[chain.links[j + 1]!]! + prev;
      visit(chain.nodes[j]!, prev);
    }
  }
}

/**
 * Per-destination repair work, in skeleton-routing cost units (see below), of
 * one scenario toward one destination: measured at 6–33 µs a destination on
 * the 5,002-device hybrid and the Kdl-shaped graph, against ~0.05 µs a unit.
 */
const REPAIR_UNITS_PER_DESTINATION = 100;

/**
 * Whether an N-1 impact sweep of `scenarios` scenarios is cheaper with loads
 * from the compressed sweep: that sweep's predicted routings (skeletonWork)
 * spread over the scenarios, each costing (branch nodes)² + core nodes ×
 * chains (skeleton.ts), against repairing every destination per scenario.
 * Long chains between few branch nodes (Kdl: ~0.15 routing of ~76k units a
 * scenario) pay; thousands of one-router chains (a dual-homed access layer:
 * 4,725 chains, ~24 M units a routing) do not.
 */
export function chainImpactPays(g: CompiledGraph, scenarios: number): boolean {
  const forest = pendantForest(g);
  const chains = findChains(forest.core);
  const w = skeletonWork(forest, chains);
  if (w === null || scenarios === 0) return false;
  const cn = forest.coreNodes.length;
  let interior = 0;
  for (const c of chains.chains) interior += c.nodes.length;
  const nb = cn - interior;
  const perRouting = nb * nb + cn * chains.chains.length;
  return ((w.setup + w.sweep) / scenarios) * perRouting < g.nodeIds.length * REPAIR_UNITS_PER_DESTINATION;
}

/** Can failure f change a route toward a destination with these distances? (routing.ts's test.) O(failed elements). */
function touches(g: RoutingEngine['g'], d: Float64Array, f: FailureMasks): boolean {
  for (const v of f.nodeList) if (d[v] !== Infinity) return true;
  for (const e of f.linkList) {
    const da = d[g.linkSource[e]!]!;
    const db = d[g.linkTarget[e]!]!;
    const w = g.weights[e]!;
    if (da !== Infinity && (onShortestPath(da, db, w) || onShortestPath(db, da, w))) return true;
  }
  return false;
}

/** Does an end of the chain send traffic toward this destination into the chain (its first chain link on a shortest path)? */
function enteredFromEnds(g: RoutingEngine['g'], chain: Chain, d: Float64Array): boolean {
  const k = chain.nodes.length;
  const da = d[chain.a]!;
  const db = d[chain.b]!;
  if (da !== Infinity && onShortestPath(da, d[chain.nodes[0]!]!, g.weights[chain.links[0]!]!)) return true;
  return db !== Infinity && onShortestPath(db, d[chain.nodes[k - 1]!]!, g.weights[chain.links[k]!]!);
}
