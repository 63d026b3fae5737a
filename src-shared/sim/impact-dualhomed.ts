import { addDestinationLoads } from './ecmp';
import { DagPush } from './dualhomed-push';
import { directedLoadsInto, writeLinkSummary } from './link-summary';
import { singleEndInflow } from './dualhomed-inflow';
import { coreNodeStretch, leafGroups, leafStretch, type CoreNodeParts, type LeafGroups } from './dualhomed-corenode';
import { findLeaves, type Leaves, type Tick } from './dualhomed-leaves';
import type { StretchBase } from './impact-chains';
import { DestinationDelta, SlotDelta, type FailureMasks } from './incremental';
import { LatencyDelta, type StretchSink } from './latency';
import { mayTouch, SweepCancelled, type RoutingEngine } from './routing';
import { onShortestPath } from './shortest';
import type { FailureSpec } from './sweep';
import type { TrafficMatrix } from './traffic';
import { TwinReplay } from './twin-replay';

/** Memory for the per-signature out-traffic vectors (8 bytes per directed link slot each). */
const SIGNATURE_VECTOR_BYTES = 512 * 1024 * 1024;

/**
 * The impact fields of a single failure of a leaf router (dual-homed,
 * single-homed, a few parallel uplinks: dualhomed-leaves.ts) or of one of
 * its links, for product-form traffic (uniform, gravity), without the
 * per-destination repair that made each such scenario touch every
 * destination (a dual-homed edge router sends to all of them through its
 * uplinks: ~31 ms a scenario on the 5,002-device hybrid).
 *
 * No shortest path between two other routers crosses a leaf, so its failure
 * moves only its own traffic:
 * - Out-traffic: leaf v sends m_v·m_t to t, split evenly over the uplinks
 *   on its shortest paths toward t, then along t's baseline DAG from each
 *   uplink's far end. Leaves with the same (end, weight) list split the same
 *   way toward every t, so Σ_t m_t·(split pushes) is one vector per
 *   signature (P, and U on the uplinks), built once in one pass over the
 *   destinations; a leaf's out-traffic is m_v times its signature's vector,
 *   less the term for t = v (which the shared sum includes and v does not
 *   send). A failed uplink gives the leaf the signature without that link;
 *   the change of loads is the difference of the two vectors.
 * - In-traffic (destination v): repaired and its latencies updated exactly
 *   as the general path does it, for this one destination.
 * - Stretch toward t ≠ v: only v's own latency changes, from its ends'
 *   baseline distances and latencies (kept per end and destination), summed
 *   in the same order as the baseline's and the incremental update's, so the
 *   ratios are those of the general path.
 * Loads equal the general path's up to rounding (relative ~1e-15), so the
 * worst link among utilisations tied within 1e-12 is the lowest index, as
 * every path reports it (link-summary.ts).
 */
export class DualHomedImpact implements CoreNodeParts {
  readonly push: DagPush;
  readonly scratch: SlotDelta;
  readonly delta: DestinationDelta;
  readonly latency: LatencyDelta;
  readonly twins: TwinReplay | null;
  private readonly latScratch: Float64Array;
  /** A scenario's per-link loads (the larger direction), for writeLinkSummary. */
  private readonly linkLoad: Float64Array;
  readonly leafEnds: Uint8Array;
  readonly coreCounts = { closed: 0, repaired: 0 };
  /** Scenario whose load changes are in scratch (stretch runs first, loadFields reads them). */
  private pending: FailureSpec | null = null;

  private constructor(
    readonly engine: RoutingEngine,
    readonly leaves: Leaves,
    readonly masses: Float64Array,
    private readonly unitGbps: number,
    /** Per signature: Σ_t m_t × the pushes of its split toward t, per directed slot. */
    private readonly P: Float64Array[],
    /** Per signature entry: Σ_t m_t × the share of that uplink toward t. */
    private readonly U: Float64Array,
  ) {
    const g = engine.g;
    this.push = new DagPush(g);
    this.scratch = new SlotDelta(engine.slots);
    this.delta = new DestinationDelta(g, engine.traffic);
    this.latency = new LatencyDelta(g, true);
    // Baseline DAGs are acyclic here (build's precondition): every destination may have twins.
    this.twins = TwinReplay.build(g, engine.traffic as TrafficMatrix, engine.destinationNodes, () => true);
    this.latScratch = new Float64Array(g.nodeIds.length);
    this.linkLoad = new Float64Array(g.linkIds.length);
    this.member = new Int32Array(g.nodeIds.length);
    // A failed router goes to the closed form when most of its neighbours are leaves (an access
    // layer's distribution router): a core or spine router is on most destinations' core routes,
    // which the closed form would repair one by one anyway, slower than the block of the general path.
    this.coreEligible = new Uint8Array(g.nodeIds.length);
    for (let v = 0; v < this.coreEligible.length; v++) {
      if (leaves.sigOf[v]! >= 0) continue;
      let leafNbrs = 0;
      for (let s = g.offsets[v]!; s < g.offsets[v + 1]!; s++) leafNbrs += leaves.sigOf[g.targets[s]!]! >= 0 ? 1 : -1;
      if (leafNbrs > 0) this.coreEligible[v] = 1;
    }
    this.leafEnds = new Uint8Array(g.nodeIds.length);
    for (let v = 0; v < this.leafEnds.length; v++) {
      if (leaves.sigOf[v]! < 0) continue;
      for (let q = leaves.linkOff[v]!; q < leaves.linkOff[v + 1]!; q++) if (leaves.sigOf[leaves.linkEnd[q]!]! >= 0) this.leafEnds[v] = 1;
    }
  }

  /**
   * The closed form for `engine` (acyclic baseline DAGs, product traffic of
   * masses `masses`), or null when no leaf failure is among `specs`, or the
   * signature vectors would pass their memory budget, or too few scenarios
   * are leaf failures to pay for building them.
   */
  static build(
    engine: RoutingEngine,
    base: StretchBase,
    masses: Float64Array,
    unitGbps: number,
    specs: readonly FailureSpec[],
    /** Progress of the set-up (two passes over the destinations); false cancels it (SweepCancelled). */
    tick: Tick = () => true,
  ): DualHomedImpact | null {
    const leaves = findLeaves(engine, base, tick);
    if (leaves === null) return null;
    const sigs = leaves.sigOff.length - 1;
    let handled = 0;
    for (const s of specs) if (leafOf(engine.g, leaves, s) >= 0) handled++;
    // Building the vectors costs about one scenario's repair per signature.
    if (handled < 2 * sigs) return null;
    return DualHomedImpact.fromLeaves(engine, leaves, masses, unitGbps, tick);
  }

  /** The closed form on every leaf of `engine`, whether or not it pays (null: no leaves, or over the memory budget). */
  static create(engine: RoutingEngine, base: StretchBase, masses: Float64Array, unitGbps: number): DualHomedImpact | null {
    const leaves = findLeaves(engine, base);
    return leaves === null ? null : DualHomedImpact.fromLeaves(engine, leaves, masses, unitGbps);
  }

  private static fromLeaves(engine: RoutingEngine, leaves: Leaves, masses: Float64Array, unitGbps: number, tick: Tick = () => true): DualHomedImpact | null {
    const sigs = leaves.sigOff.length - 1;
    if (sigs * engine.slots * 8 > SIGNATURE_VECTOR_BYTES) return null;
    const P = Array.from({ length: sigs }, () => new Float64Array(engine.slots));
    const U = new Float64Array(leaves.sigEnd.length);
    buildVectors(engine, leaves, masses, P, U, tick);
    return new DualHomedImpact(engine, leaves, masses, unitGbps, P, U);
  }

  /** A failed leaf, a failed link of a leaf, or a failed router with leaves (dualhomed-corenode.ts). */
  handles(spec: FailureSpec): boolean {
    return this.isLeafFailure(spec) || this.coreNodeOf(spec) >= 0;
  }

  /** The failed router of a single node failure that is not a leaf but has leaves, else -1. */
  private coreNodeOf(spec: FailureSpec): number {
    if (spec.nodes.length !== 1 || spec.links.length !== 0) return -1;
    const d = spec.nodes[0]!;
    return this.coreEligible[d] === 1 ? d : -1;
  }

  /** The distinct leaves adjacent to router d, grouped by signature. */
  private leafGroupsOf(d: number): LeafGroups {
    const { offsets, targets } = this.engine.g;
    const out = new Set<number>();
    for (let s = offsets[d]!; s < offsets[d + 1]!; s++) if (this.leaves.sigOf[targets[s]!]! >= 0) out.add(targets[s]!);
    return leafGroups(this.leaves, this.masses, Int32Array.from(out), this.member, ++this.memberStamp);
  }

  /** Per node: 1 for a router whose failure the closed form takes (see the constructor). */
  private readonly coreEligible: Uint8Array;
  /** Per node: the stamp of the last failed router it is a leaf of (leafGroups). */
  private readonly member: Int32Array;
  private memberStamp = 0;

  /** A failed leaf, or a failed link of a leaf (the leaf's own closed form). */
  isLeafFailure(spec: FailureSpec): boolean {
    return leafOf(this.engine.g, this.leaves, spec) >= 0;
  }

  /** Latency stretch of every surviving demand into `sink` (reset by the caller); keeps the scenario's load changes for loadFields. */
  stretch(spec: FailureSpec, f: FailureMasks, sink: StretchSink, base: StretchBase): void {
    const { engine, leaves } = this;
    const g = engine.g;
    this.scratch.reset();
    this.pending = spec;
    const core = this.coreNodeOf(spec);
    if (core >= 0) {
      coreNodeStretch(this, core, f, sink, base, this.leafGroupsOf(core));
      return;
    }
    const v = leafOf(g, leaves, spec);
    const dests = engine.destinationNodes;
    const iv = leaves.destIndex[v]!;
    const sig = leaves.sigOf[v]!;
    if (spec.nodes.length === 1) {
      for (let i = 0; i < dests.length; i++) if (dests[i] !== v) sink.unchanged += base.unchangedBefore(i, dests[i]!, f);
      this.addOut(v, sig, -1, -1);
      if (iv >= 0) {
        const st = engine.destinationState(iv);
        addDestinationLoads(g, st.dagOff, st.slots, st.flow, -1, this.scratch);
      }
      return;
    }
    const e = spec.links[0]!;
    let q = leaves.linkOff[v]!;
    while (leaves.links[q] !== e) q++;
    this.addOut(v, sig, -1, -1);
    this.addOut(v, leaves.reduced[q]!, e, 1);
    this.ownStretch(v, e, f, sink, base);
    if (iv >= 0) {
      // Traffic toward v: from its one remaining end's routes where it has one (dualhomed-inflow.ts), else
      // the general path's repair for this one destination.
      const before = base.unchangedBefore(iv, v, f);
      if (singleEndInflow(engine, leaves, this.masses, v, e, this.scratch, sink, base, this.push, this.latScratch, before)) return;
      const st = engine.destinationState(iv);
      sink.unchanged += before;
      if (mayTouch(g, st.dist, f) && this.delta.apply(v, st, f, this.scratch, true)) {
        this.latency.run(v, st, base.latencyOf(iv, st), this.delta, f, engine.traffic, sink);
        this.delta.finish();
      }
    }
  }

  /**
   * v's own demands toward every other destination after its link e failed:
   * its new latency from its surviving next hops (LatencyDelta's sum), against
   * the baseline's (meanLatencyOnDag's sum), wherever e was one of its next hops.
   */
  private ownStretch(v: number, e: number, f: FailureMasks, sink: StretchSink, base: StretchBase): void {
    const { engine, leaves, masses } = this;
    const dests = engine.destinationNodes;
    for (let i = 0; i < dests.length; i++) {
      const c = dests[i]!;
      if (c === v) continue;
      sink.unchanged += base.unchangedBefore(i, c, f);
      leafStretch(engine, leaves, masses, v, i, e, -1, sink);
    }
  }

  /**
   * Adds sign × leaf v's out-traffic under signature `sig` (its links but
   * `skip`) to the scratch loads: m_v × the signature's vectors, less the
   * shared sum's term toward v itself.
   */
  private addOut(v: number, sig: number, skip: number, sign: number): void {
    if (sig < 0) return;
    const { engine, leaves, masses } = this;
    const g = engine.g;
    const mv = masses[v]!;
    if (mv === 0) return;
    const val = this.scratch.value;
    const p = this.P[sig]!;
    const c = sign * mv;
    for (let j = 0; j < val.length; j++) val[j]! += c * p[j]!;
    const up = (l: number): number => 2 * l + (g.linkSource[l] === v ? 0 : 1);
    const j0 = leaves.sigOff[sig]!;
    let k = 0;
    for (let q = leaves.linkOff[v]!; q < leaves.linkOff[v + 1]!; q++) {
      const l = leaves.links[q]!;
      if (l === skip) continue;
      val[up(l)]! += c * this.U[j0 + k++]!;
    }
    const iv = leaves.destIndex[v]!;
    if (iv < 0) return;
    // The term for t = v in the shared sums (v sends nothing to itself): taken back out.
    const st = engine.destinationState(iv);
    const j1 = leaves.sigOff[sig + 1]!;
    const mine: number[] = [];
    for (let q = leaves.linkOff[v]!; q < leaves.linkOff[v + 1]!; q++) if (leaves.links[q] !== skip) mine.push(leaves.links[q]!);
    const d = splitDistance(st.dist, leaves, j0, j1);
    if (d === Infinity) return;
    let n = 0;
    for (let j = j0; j < j1; j++) if (onShortestPath(d, st.dist[leaves.ends[leaves.sigEnd[j]!]!]!, leaves.sigWeight[j]!)) n++;
    const share = masses[v]! / n;
    this.push.begin();
    for (let j = j0; j < j1; j++) {
      const a = leaves.ends[leaves.sigEnd[j]!]!;
      if (!onShortestPath(d, st.dist[a]!, leaves.sigWeight[j]!)) continue;
      val[up(mine[j - j0]!)]! -= c * share;
      this.push.inject(st, a, share);
    }
    this.push.flow(st, (slot, x) => (val[slot]! -= c * x));
  }

  /** maxLoad, maxUtilisation, overloadedLinks and worstLink of the scenario stretch() ran, at out[at …]. */
  loadFields(spec: FailureSpec, f: FailureMasks, out: Float64Array, at: number): void {
    if (this.pending !== spec) throw new Error('DualHomedImpact.loadFields before stretch');
    this.pending = null;
    const g = this.engine.g;
    writeLinkSummary(directedLoadsInto(this.engine.baseLoad, this.scratch.value, this.linkLoad), f.links, g.capacities, this.unitGbps, out, at);
  }
}

/** The leaf a single failure belongs to (the failed leaf, or a leaf end of the failed link), else -1. */
function leafOf(g: RoutingEngine['g'], leaves: Leaves, spec: FailureSpec): number {
  if (spec.nodes.length + spec.links.length !== 1) return -1;
  if (spec.nodes.length === 1) return leaves.sigOf[spec.nodes[0]!]! >= 0 ? spec.nodes[0]! : -1;
  const e = spec.links[0]!;
  const a = g.linkSource[e]!;
  const b = g.linkTarget[e]!;
  return leaves.sigOf[a]! >= 0 ? a : leaves.sigOf[b]! >= 0 ? b : -1;
}

/** A signature's distance toward a destination with distances `dist`: min over entries of end distance + weight (Dijkstra's sums). */
function splitDistance(dist: Float64Array, leaves: Leaves, j0: number, j1: number): number {
  let d = Infinity;
  for (let j = j0; j < j1; j++) {
    const x = dist[leaves.ends[leaves.sigEnd[j]!]!]! + leaves.sigWeight[j]!;
    if (x < d) d = x;
  }
  return d;
}

/**
 * P and U of every signature in one pass over the destinations: toward t,
 * each end's unit push along t's DAG once (kept sparse), then each
 * signature adds m_t / |split| of the pushes of the ends it splits over.
 */
function buildVectors(engine: RoutingEngine, leaves: Leaves, masses: Float64Array, P: Float64Array[], U: Float64Array, tick: Tick): void {
  const dests = engine.destinationNodes;
  const { ends, sigOff, sigEnd, sigWeight } = leaves;
  const E = ends.length;
  const push = new DagPush(engine.g);
  const start = new Int32Array(E);
  const len = new Int32Array(E);
  const done = new Int32Array(E).fill(-1);
  let slots = new Int32Array(1024);
  let vals = new Float64Array(1024);
  let used = 0;
  const collect = (slot: number, x: number): void => {
    if (used === slots.length) {
      const s2 = new Int32Array(2 * used);
      s2.set(slots);
      slots = s2;
      const v2 = new Float64Array(2 * used);
      v2.set(vals);
      vals = v2;
    }
    slots[used] = slot;
    vals[used++] = x;
  };
  const S = sigOff.length - 1;
  for (let i = 0; i < dests.length; i++) {
    if (!tick(dests.length + i + 1, 2 * dests.length)) throw new SweepCancelled();
    const c = dests[i]!;
    const mt = masses[c]!;
    if (!(mt > 0)) continue;
    const st = engine.destinationState(i);
    const dist = st.dist;
    used = 0;
    for (let s = 0; s < S; s++) {
      const j0 = sigOff[s]!;
      const j1 = sigOff[s + 1]!;
      const d = splitDistance(dist, leaves, j0, j1);
      if (d === Infinity) continue;
      let n = 0;
      for (let j = j0; j < j1; j++) if (onShortestPath(d, dist[ends[sigEnd[j]!]!]!, sigWeight[j]!)) n++;
      const share = mt / n;
      const p = P[s]!;
      for (let j = j0; j < j1; j++) {
        const ai = sigEnd[j]!;
        const a = ends[ai]!;
        if (!onShortestPath(d, dist[a]!, sigWeight[j]!)) continue;
        U[j]! += share;
        if (a === c) continue;
        if (done[ai] !== i) {
          done[ai] = i;
          start[ai] = used;
          push.begin();
          push.inject(st, a, 1);
          push.flow(st, collect);
          len[ai] = used - start[ai];
        }
        for (let k = start[ai]!, k1 = start[ai]! + len[ai]!; k < k1; k++) p[slots[k]!]! += share * vals[k]!;
      }
    }
  }
}
