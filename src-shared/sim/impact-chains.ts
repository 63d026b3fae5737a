import { findChains, type Chain, type ChainIndex } from './chains';
import { bridgesAndCutNodes, dfsForest } from './connectivity';
import { skeletonWork, type CompressedSweep } from './compressed';
import type { CompiledGraph } from './csr';
import { writeLinkSummary } from './link-summary';
import { pendantForest } from './pendant';
import { DestinationDelta, SlotDelta, type DestinationState, type FailureMasks } from './incremental';
import { LatencyDelta, StretchSink } from './latency';
import { failureMasks, SweepCancelled, type RoutingEngine } from './routing';
import { ChainInside, hangOff, routesOver } from './impact-chain-inside';
import { PendantFollowers } from './impact-pendant-dests';
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
 *   rounding (relative 1e-16); the figures follow the one rule of every
 *   path (link-summary.ts: among utilisations within 1e-12 of the largest,
 *   the lowest index is the worst link), so both name the same link.
 * - Stretch: any failure inside chain C (one of its links or interior
 *   nodes) leaves no path through C, so toward a destination outside C's
 *   interior every node outside C takes the routes it takes with C's whole
 *   interior failed: those ratios, and the ends' new latencies, are
 *   computed once per chain (ChainShared) and shared by its 2k + 1
 *   scenarios. C's own routers then hang off their end: a piece node's
 *   latency is its links' latencies added onto the end's new latency — the
 *   same sums, in the same order, as the incremental latency update
 *   (LatencyDelta), so the ratios are bit-identical. Destinations inside C
 *   share their terms per side of the cut (impact-chain-inside.ts);
 *   failures of branch nodes and direct links have each touched
 *   destination's routes repaired and latencies updated as before.
 */
/**
 * What every failure on one chain shares toward the destinations outside its
 * interior: nothing outside can route through a broken chain, so outside
 * nodes take the routes of the chain with its whole interior failed. Their
 * changed ratios and the net change of the unchanged count, and each
 * destination's new latency at the two ends (NaN: cut off).
 */
interface ChainShared {
  /** Ascending: a run the percentiles count without copying it per scenario (StretchSink.addRun). */
  readonly ratios: Float64Array;
  readonly unchangedDelta: number;
  readonly endA: Float64Array;
  readonly endB: Float64Array;
}

/** Memory for chains' shared terms (ChainShared): 16 bytes per destination plus the ratios. */
const CHAIN_SHARED_BYTES = 64 * 1024 * 1024;

export class SingleFailureImpact {
  private readonly linkLoad: Float64Array;
  private readonly shared = new Map<number, ChainShared>();
  private sharedBytes = 0;
  private readonly chainSink = new StretchSink();
  /**
   * Single failures that change no surviving pair's latency: a bridge (no
   * simple path between two nodes on one side crosses it) and a node of a
   * pendant tree (no path between two nodes that stay connected passes it).
   * Their demands are delivered unchanged or stranded: stretch 1.
   */
  private readonly bridge: Uint8Array;
  private readonly delta: DestinationDelta;
  private readonly latency: LatencyDelta;
  private readonly scratch: SlotDelta;
  private readonly inside: ChainInside;
  private readonly followers: PendantFollowers | null;
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
    this.latency = new LatencyDelta(g, acyclic);
    this.scratch = new SlotDelta(engine.slots);
    this.followers = PendantFollowers.build(g, compressed.forest, engine.destinationNodes);
    this.inside = new ChainInside(g, engine.traffic, this.delta, this.latency, this.scratch, new StretchSink());
    this.bridge = new Uint8Array(g.linkIds.length);
    for (const e of bridgesAndCutNodes(g, dfsForest(g)).bridges) this.bridge[e] = 1;
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
    writeLinkSummary(load, f.links, g.capacities, this.unitGbps, out, at);
  }

  /**
   * Latency stretch of every surviving demand into `sink` (reset by the
   * caller). `stopped` is asked after every destination that took a repair
   * (as the routed path asks after every destination): a chain's first
   * scenario computes its shared terms, a repair toward every destination,
   * 0.4–0.7 s under load on a 360-router graph; true throws SweepCancelled
   * and keeps nothing half-made.
   */
  stretch(spec: FailureSpec, f: FailureMasks, sink: StretchSink, base: StretchBase, stopped: () => boolean = never): void {
    const { engine } = this;
    if (spec.links.length === 1 ? this.bridge[spec.links[0]!] === 1 : this.compressed.forest.isCore[spec.nodes[0]!] === 0) return;
    const dests = engine.destinationNodes;
    const ci = this.chains;
    const id = !this.acyclic ? -1 : spec.links.length === 1 ? ci.chainOfLink[spec.links[0]!]! : ci.chainOfNode[spec.nodes[0]!]!;
    const chain = id >= 0 ? ci.chains[id]! : null;
    // Interior nodes [0, aEnd) hang off A, [bStart, k) off B (chainOfLink / posOfLink: link p joins nodes p − 1 and p).
    const pos = id < 0 ? -1 : spec.links.length === 1 ? ci.posOfLink[spec.links[0]!]! : ci.posOfNode[spec.nodes[0]!]!;
    const aEnd = pos;
    const bStart = spec.links.length === 1 ? pos : pos + 1;
    const shared = chain !== null ? this.sharedOf(id, chain, base, stopped) : null;
    for (let i = 0; i < dests.length; i++) {
      const c = dests[i]!;
      if (f.nodes[c] === 1) continue;
      sink.unchanged += base.unchangedBefore(i, c, f);
      const st = engine.destinationState(i);
      if (shared !== null && ci.chainOfNode[c] !== id) {
        this.pieces(chain!, aEnd, bStart, c, shared.endA[i]!, shared.endB[i]!, base.latencyOf(i, st), sink);
        continue;
      }
      if (shared !== null) this.inside.stretchTo(id, chain!, ci.posOfNode[c]!, aEnd, bStart, c, st, base.latencyOf(i, st), sink);
      else if (!this.followsRoot(i, c, f)) this.repair(i, c, st, f, base, sink);
      else continue;
      if (stopped()) throw new SweepCancelled();
    }
    if (shared !== null) {
      sink.unchanged += shared.unchangedDelta;
      sink.addRun(shared.ratios);
    }
  }

  /**
   * Whether stretchMany answers this failure: one on no chain (a branch
   * router, a direct link) whose stretch takes a repair per destination —
   * not a bridge or pendant failure (stretch 1, nothing to do) nor a chain's
   * (its shared terms, one chain at a time).
   */
  repairsEach(spec: FailureSpec): boolean {
    if (!this.handles(spec)) return false;
    // Without acyclic DAGs stretch() takes no chain's shared terms: a repair per destination for every failure.
    const ci = this.chains;
    if (spec.links.length === 1) return this.bridge[spec.links[0]!] !== 1 && (!this.acyclic || ci.chainOfLink[spec.links[0]!]! < 0);
    const v = spec.nodes[0]!;
    return this.compressed.forest.isCore[v] !== 0 && (!this.acyclic || ci.chainOfNode[v]! < 0);
  }

  /**
   * stretch() of several repairsEach failures, sink k for failure k,
   * destination by destination: every failure's repair toward one
   * destination while its state (distances, DAG, baseline latencies) is in
   * cache, instead of all 754 destinations' states streamed through memory
   * once per failure on the real Kdl. Each sink receives the same ratios and
   * counts as stretch() gives it (in another order: the percentiles are
   * order statistics and the counts sums, so the figures are the same).
   * `stopped` is asked after each destination; true throws SweepCancelled.
   */
  stretchMany(fs: readonly FailureMasks[], sinks: readonly StretchSink[], base: StretchBase, stopped: () => boolean = never): void {
    const { engine } = this;
    const dests = engine.destinationNodes;
    for (let i = 0; i < dests.length; i++) {
      const c = dests[i]!;
      let st: DestinationState | null = null;
      for (let k = 0; k < fs.length; k++) {
        const f = fs[k]!;
        if (f.nodes[c] === 1) continue;
        sinks[k]!.unchanged += base.unchangedBefore(i, c, f);
        if (this.followsRoot(i, c, f)) continue;
        st ??= engine.destinationState(i);
        this.repair(i, c, st, f, base, sinks[k]!);
      }
      if (stopped()) throw new SweepCancelled();
    }
  }

  /** Whether the i-th destination's repair under f is made with its pendant tree root's (PendantFollowers). */
  private followsRoot(i: number, c: number, f: FailureMasks): boolean {
    const fl = this.followers;
    return fl !== null && fl.follows[i] === 1 && f.nodes[fl.rootOf[c]!] !== 1;
  }

  /**
   * The i-th destination's routes repaired under f (when some surviving
   * router routes over a failed element) and its changed latencies' ratios
   * into the sink, then those of the pendant destinations that follow it;
   * `after(j, latencies)` right after each destination j's (valueAfter).
   */
  private repair(i: number, c: number, st: DestinationState, f: FailureMasks, base: StretchBase, sink: StretchSink, after?: (j: number, lat: Float64Array) => void): void {
    const { engine } = this;
    if (!routesOver(engine.g, st.dist, f) || !this.delta.apply(c, st, f, this.scratch, true, undefined, true)) return;
    const lat = base.latencyOf(i, st);
    const kids = this.followers !== null ? this.followers.of(i) : null;
    if (kids === null || kids.length === 0) {
      this.latency.run(c, st, lat, this.delta, f, engine.traffic, sink);
      after?.(i, lat);
    } else {
      this.latency.runKeeping(c, st, lat, this.delta, f, engine.traffic, sink);
      after?.(i, lat);
      for (const j of kids) {
        const c2 = engine.destinationNodes[j]!;
        if (f.nodes[c2] === 1) continue;
        const lat2 = base.latencyOf(j, engine.destinationState(j));
        this.latency.again(c2, st, lat2, this.delta, f, engine.traffic, sink);
        after?.(j, lat2);
      }
      this.latency.release();
    }
    this.delta.finish();
  }

  /**
   * The chain's shared terms (ChainShared), computed once — with its whole
   * interior failed, each destination outside it repaired and its
   * latencies updated — and kept within CHAIN_SHARED_BYTES (oldest dropped).
   */
  private sharedOf(id: number, chain: Chain, base: StretchBase, stopped: () => boolean): ChainShared {
    const hit = this.shared.get(id);
    if (hit !== undefined) return hit;
    const { engine } = this;
    const dests = engine.destinationNodes;
    const all = failureMasks(engine.g, Array.from(chain.nodes), []);
    const sink = this.chainSink;
    sink.reset();
    const endA = new Float64Array(dests.length).fill(NaN);
    const endB = new Float64Array(dests.length).fill(NaN);
    // Every end latency first: a pendant destination's is written when its root's repair runs (repair's `after`).
    for (let i = 0; i < dests.length; i++) {
      if (this.chains.chainOfNode[dests[i]!] === id) continue;
      const lat = base.latencyOf(i, engine.destinationState(i));
      endA[i] = lat[chain.a]!;
      endB[i] = lat[chain.b]!;
    }
    for (let i = 0; i < dests.length; i++) {
      const c = dests[i]!;
      if (this.chains.chainOfNode[c] === id) continue;
      const st = engine.destinationState(i);
      if (this.followsRoot(i, c, all)) continue;
      this.repair(i, c, st, all, base, sink, (j, latJ) => {
        endA[j] = this.latency.valueAfter(chain.a, latJ);
        endB[j] = this.latency.valueAfter(chain.b, latJ);
      });
      // Between two whole repairs: nothing is stored until the last destination (the next scenario starts afresh).
      if (stopped()) throw new SweepCancelled();
    }
    const terms: ChainShared = { ratios: sink.changed.slice(0, sink.count).sort(), unchangedDelta: sink.unchanged, endA, endB };
    const bytes = 16 * dests.length + 8 * sink.count;
    this.shared.set(id, terms);
    this.sharedBytes += bytes;
    for (const [k, t] of this.shared) {
      if (this.sharedBytes <= CHAIN_SHARED_BYTES || k === id) break;
      this.shared.delete(k);
      this.sharedBytes -= 16 * t.endA.length + 8 * t.ratios.length;
    }
    return terms;
  }

  /**
   * The two pieces of a broken chain toward c (outside its interior), whose
   * ends have latencies atA and atB after the failure: each piece node's new
   * latency is its link's latency plus the next node's toward its end
   * (single next hop), as LatencyDelta sums it. Nodes whose route did not
   * change get their baseline value back exactly (ratio 1, counted
   * unchanged again).
   */
  private pieces(chain: Chain, aEnd: number, bStart: number, c: number, atA: number, atB: number, base: Float64Array, sink: StretchSink): void {
    const { g, traffic } = this.engine;
    hangOff(g, traffic, chain, 0, 1, aEnd, atA, c, base, sink);
    hangOff(g, traffic, chain, chain.nodes.length - 1, -1, chain.nodes.length - bStart, atB, c, base, sink);
  }
}

const never = (): boolean => false;

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
