import { connectedComponents } from './connectivity';
import { LatencyDelta, StretchSink } from './latency';
import { addDestinationLoads } from './ecmp';
import { DestinationDelta, SlotDelta, type DestinationState, type FailureMasks } from './incremental';
import type { StretchBase } from './impact-chains';
import { failureMasks, mayTouch, type RoutingEngine } from './routing';
import { MinHeap, shortestPathsTo } from './shortest';
import { dagIsAcyclic, meanLatency, meanLatencyOnDag } from './base-latency';
import { directedLoadsInto, writeLinkSummary } from './link-summary';
import { percentilesOfRuns } from './stretch-percentiles';
import { SingleRunner, type Connectivity, type SingleFailurePath } from './impact-singles';
import type { FailureSpec } from './sweep';
import { deliverableVolume, type TrafficMatrix } from './traffic';
import { FailedDemand } from './failed-demand';
import { TwinReplay } from './twin-replay';

/**
 * Impact of one failure scenario on a design carrying a traffic matrix.
 *
 * - disconnectedPairs: surviving node pairs connected before, not after;
 * - isolatedSites: sites that were connected to another site and no longer
 *   are (all devices down, or every surviving device cut off from other sites);
 * - strandedDemand: traffic volume that can no longer be delivered (pairs
 *   split apart, or an endpoint down);
 * - latency stretch over the demands still delivered: ECMP-mean path latency
 *   after / before (each demand counted once; unchanged routes count as 1);
 *   p50, p95 and max;
 * - maxLoad, maxUtilisation (load × unitGbps / capacity, per direction), the
 *   number of links over 100 % and the most utilised link (-1 when none).
 * Loads come from the incremental engine; latencies are recomputed only for
 * destinations whose shortest-path DAG the failure touches: O(touched · (n + m)).
 */
export const IMPACT_FIELDS = [
  'disconnectedPairs',
  'isolatedSites',
  'strandedDemand',
  'stretchP50',
  'stretchP95',
  'stretchMax',
  'maxLoad',
  'maxUtilisation',
  'overloadedLinks',
  'worstLink',
] as const;
export type ImpactField = (typeof IMPACT_FIELDS)[number];
export type ScenarioImpact = Record<ImpactField, number>;


export interface ImpactContext {
  /** Site index of each node; -1 means the node is a site of its own. */
  siteOf: number[];
  /** Gbit/s carried per traffic unit. */
  unitGbps: number;
}

/**
 * Default memory for the baseline latencies the evaluator keeps (n × 8 bytes
 * per destination). Kept for every destination this would be 8 n² bytes —
 * 20 GB per worker at 50,000 devices, which is where an unbounded sweep ran
 * out of memory — so destinations beyond the budget have theirs recomputed
 * (one shortest-path pass, O(n + m)) when a failure touches them. Same
 * results; at 5,000 devices every destination still fits (200 MB).
 */
export const DEFAULT_LATENCY_CACHE_BYTES = 256 * 1024 * 1024;

/** A block's per-scenario scratch: load deltas, stretch sinks, and which (scenario, destination) pairs were routed. */
interface BlockState {
  deltas: SlotDelta[];
  sinks: StretchSink[];
  handled: Uint8Array;
}

export class ImpactEvaluator implements StretchBase {
  private readonly baseComp: ReturnType<typeof connectedComponents>;
  private readonly baseVolume: number;
  private readonly siteOf: Int32Array;
  private readonly siteCount: number;
  private readonly siteConnected: Uint8Array;
  /** Per destination: baseline ECMP-mean latency of every node (null beyond the cache budget: see latencyOf). */
  private readonly baseLatency: (Float64Array | null)[];
  private readonly latencyScratch: Float64Array;
  /** Per destination: some node of its component has no baseline latency (see the constructor). */
  private readonly irregular: boolean[] = [];
  /** Per destination: demands to it from nodes that reach it in the baseline. */
  private readonly demandCount: number[] = [];
  /** The evaluator's own incremental router (the engine's is private to its failureDelta). */
  private readonly destDelta: DestinationDelta;
  private readonly latency: LatencyDelta;
  private readonly unitGbps: number;
  /** A scenario's per-link loads (the larger direction), for writeLinkSummary. */
  private readonly linkLoad: Float64Array;
  private readonly dist: Float64Array;
  private readonly order: Int32Array;
  private readonly heap: MinHeap;
  /** Baseline DAGs are acyclic with strictly decreasing distances: latencies by a DAG walk (meanLatencyOnDag). */
  private readonly acyclic: boolean;
  private readonly walkStack: Int32Array;
  private readonly walkState: Uint8Array;
  /** Explicit matrices only: stranded demand of failures that split no component (failed-demand.ts). */
  private readonly failedDemand: FailedDemand | null;
  /** N-1 scenarios of product-form traffic on chain-heavy cores (impact-chains.ts), when set. */
  private single: SingleFailurePath | null = null;
  private singles: SingleRunner | null = null;
  /** Twin destinations answered from a twin's repair (twin-replay.ts); null when the design has none. */
  private readonly twins: TwinReplay | null;

  constructor(
    readonly engine: RoutingEngine,
    ctx?: ImpactContext,
    latencyBudget = DEFAULT_LATENCY_CACHE_BYTES,
    /** false: every destination repaired on its own (tests compare the twins' replay with it). */
    twinDestinations = true,
  ) {
    const g = engine.g;
    const n = g.nodeIds.length;
    this.unitGbps = ctx?.unitGbps ?? 1;
    this.linkLoad = new Float64Array(engine.g.linkIds.length);
    // Nodes without a site become sites of their own.
    const siteOf = new Int32Array(n);
    let sites = 0;
    for (const s of ctx?.siteOf ?? []) if (s + 1 > sites) sites = s + 1;
    for (let v = 0; v < n; v++) siteOf[v] = ctx?.siteOf[v] !== undefined && ctx.siteOf[v]! >= 0 ? ctx.siteOf[v]! : sites++;
    this.siteOf = siteOf;
    this.siteCount = sites;
    this.baseComp = connectedComponents(g);
    this.baseVolume = deliverableVolume(engine.traffic as TrafficMatrix, this.baseComp.componentOf, this.baseComp.count);
    this.siteConnected = this.sitesReachingOthers(this.baseComp.componentOf, this.baseComp.count);
    const matrix = engine.traffic as TrafficMatrix;
    this.failedDemand = matrix.kind === 'explicit' ? new FailedDemand(matrix, this.baseComp) : null;
    this.dist = new Float64Array(n);
    this.order = new Int32Array(n);
    this.heap = new MinHeap(2 * g.targets.length + 4, n);
    this.acyclic = dagIsAcyclic(g.weights);
    // A node is pushed at most once per DAG link into it, plus once as a root.
    this.walkStack = new Int32Array(this.acyclic ? n + g.targets.length + 1 : 0);
    this.walkState = new Uint8Array(this.acyclic ? n : 0);
    this.destDelta = new DestinationDelta(g, engine.traffic);
    this.latency = new LatencyDelta(g, this.acyclic);
    this.baseLatency = [];
    this.latencyScratch = new Float64Array(n);
    let used = 0;
    for (let i = 0; i < engine.destinationNodes.length; i++) {
      const c = engine.destinationNodes[i]!;
      // Computed once for all the sweep's workers when they share the routing baseline (shared-baseline.ts).
      const shared = engine.sharedLatency(i);
      let lat = shared ?? (used < latencyBudget ? new Float64Array(n) : this.latencyScratch);
      if (shared === null) this.latencyInto(i, engine.destinationState(i), lat);
      const row = this.demandsTo(c);
      let count = 0;
      let regular = true;
      const cc = this.baseComp.componentOf[c];
      for (let s = 0; s < n; s++) {
        if (Number.isNaN(lat[s]!)) {
          if (this.baseComp.componentOf[s] === cc) regular = false;
        } else if (s !== c && (row !== null ? row[s]! : engine.traffic.demand(s, c)) > 0) count++;
      }
      this.demandCount.push(count);
      // Reached ⇔ same component lets evaluateInto do without the array; where that fails
      // (a DAG cycle of weights within float tolerance of 0) the array is kept whatever the budget.
      if (!regular && lat === this.latencyScratch) lat = lat.slice();
      this.irregular.push(!regular);
      this.baseLatency.push(lat === this.latencyScratch ? null : lat);
      if (lat !== this.latencyScratch) used += 8 * n;
    }
    const usable = (i: number): boolean => this.acyclic && !this.irregular[i] && this.baseLatency[i] !== null;
    this.twins = twinDestinations ? TwinReplay.build(g, matrix, engine.destinationNodes, usable) : null;
  }

  /** Destinations answered from a twin's repair so far (twin-replay.ts), null without twins. */
  get twinCounts(): { replayed: number; untouched: number } | null {
    return this.twins?.counts ?? null;
  }

  /** True when baseline DAGs are acyclic with strictly decreasing distances (dagIsAcyclic). */
  get acyclicDags(): boolean {
    return this.acyclic;
  }

  /** Evaluate single failures with loads from the compressed sweep and chains in closed form (impact-chains.ts). */
  useSingleFailure(single: SingleFailurePath): void {
    this.single = single;
    this.singles = new SingleRunner(this.engine.g, single, this);
  }

  /** Baseline latency toward the i-th destination into `out`, from its baseline state. O(n + m). */
  private latencyInto(i: number, st: DestinationState, out: Float64Array): void {
    const { engine } = this;
    if (this.acyclic) {
      meanLatencyOnDag(engine.g, engine.destinationNodes[i]!, st.dist, st.dagOff, st.slots, out, this.walkStack, this.walkState);
      return;
    }
    const reached = shortestPathsTo(engine.g, engine.destinationNodes[i]!, engine.uniformWeights, this.dist, this.order, this.heap);
    meanLatency(engine.g, this.order, reached, st.dagOff, st.slots, out);
  }

  /** The i-th destination's baseline latencies: cached, or recomputed into scratch (valid until the next call). */
  latencyOf(i: number, st: DestinationState): Float64Array {
    const cached = this.baseLatency[i];
    if (cached) return cached;
    this.latencyInto(i, st, this.latencyScratch);
    return this.latencyScratch;
  }

  /** Per site: 1 when some surviving device shares a component with another site's device. */
  private sitesReachingOthers(componentOf: Int32Array, components: number): Uint8Array {
    const first = new Int32Array(components).fill(-1);
    const mixed = new Uint8Array(components);
    for (let v = 0; v < componentOf.length; v++) {
      const c = componentOf[v]!;
      if (c < 0) continue;
      if (first[c] === -1) first[c] = this.siteOf[v]!;
      else if (first[c] !== this.siteOf[v]) mixed[c] = 1;
    }
    const out = new Uint8Array(this.siteCount);
    for (let v = 0; v < componentOf.length; v++) {
      const c = componentOf[v]!;
      if (c >= 0 && mixed[c] === 1) out[this.siteOf[v]!] = 1;
    }
    return out;
  }

  /**
   * The i-th destination's demands counted as unchanged before routes are
   * looked at: all it receives, less those of failed sources. A failed
   * source's demand to c was counted when it had a baseline latency to c:
   * when it shares c's component (every node a shortest-path search reaches
   * has a next hop toward c), which needs no per-destination array;
   * irregular destinations keep theirs.
   */
  unchangedBefore(i: number, c: number, f: FailureMasks): number {
    const lat = this.irregular[i] ? this.baseLatency[i]! : null;
    const baseComp = this.baseComp.componentOf;
    const t = this.engine.traffic;
    let lost = 0;
    for (const v of f.nodeList) {
      const reached = lat !== null ? !Number.isNaN(lat[v]!) : baseComp[v] === baseComp[c];
      if (v !== c && reached && t.demand(v, c) > 0) lost++;
    }
    return this.demandCount[i]! - lost;
  }

  /** Impact of one scenario as a record. */
  evaluate(spec: FailureSpec): ScenarioImpact {
    const out = new Float64Array(IMPACT_FIELDS.length);
    this.evaluateInto(spec, out, 0);
    const r = {} as ScenarioImpact;
    IMPACT_FIELDS.forEach((k, i) => (r[k] = out[i]!));
    return r;
  }

  /** Writes the IMPACT_FIELDS values of one scenario at out[at …]. */
  evaluateInto(spec: FailureSpec, out: Float64Array, at: number): void {
    this.evaluateBlock([spec], out, [at]);
  }

  /**
   * Writes the IMPACT_FIELDS values of several scenarios, scenario k at
   * out[ats[k] …]. The routing part runs destination by destination, every
   * scenario of the block on one destination's state (distances, flows, DAG,
   * baseline latencies) while it is in cache, instead of all destinations
   * streamed through memory once per scenario. Each scenario still receives
   * its destinations' additions in ascending order, as evaluateInto always
   * added them, so every figure is the same to the bit. `stopped` is asked
   * after each destination; true leaves the block unwritten.
   */
  evaluateBlock(specs: readonly FailureSpec[], out: Float64Array, ats: readonly number[], stopped: () => boolean = () => false): boolean {
    // N-1 scenarios the chain path answers (impact-chains.ts, when set: SingleRunner); the others routed as a block.
    const single = this.single;
    if (single !== null && specs.some((s) => single.handles(s))) {
      const rest: number[] = [];
      const mine: number[] = [];
      for (let k = 0; k < specs.length; k++) (single.handles(specs[k]!) ? mine : rest).push(k);
      if (!this.singles!.run(specs, mine, out, ats, stopped)) return false;
      return rest.length === 0 || this.routeBlock(rest.map((k) => specs[k]!), out, rest.map((k) => ats[k]!), stopped);
    }
    return this.routeBlock(specs, out, ats, stopped);
  }

  /** evaluateBlock's routed part (see there). */
  private routeBlock(specs: readonly FailureSpec[], out: Float64Array, ats: readonly number[], stopped: () => boolean): boolean {
    const g = this.engine.g;
    const B = specs.length;
    // Plain loops, not map(): map's result array takes another elements kind once inlined into optimised
    // code, and every such change of map threw this function back to the interpreter (8 times a sweep).
    const fs: FailureMasks[] = [];
    const head: { cut: number; isolated: number; stranded: number }[] = [];
    for (let k = 0; k < B; k++) {
      const f = failureMasks(g, specs[k]!.nodes, specs[k]!.links);
      fs.push(f);
      head.push(this.connectivity(f));
    }
    const blk = this.blockState(B);
    // Two loops, two methods: optimised on its own, the first no longer recompiles when the second's
    // code is first reached.
    if (!this.routeDestinations(fs, blk, stopped)) return false;
    this.finishBlock(fs, head, blk, out, ats);
    return true;
  }

  /** Every destination in turn, every scenario of the block on it; false when stopped. */
  private routeDestinations(fs: readonly FailureMasks[], blk: BlockState, stopped: () => boolean): boolean {
    const { engine } = this;
    const g = engine.g;
    const B = fs.length;
    const dests = engine.destinationNodes;
    const traffic = engine.traffic;
    const tw = this.twins;
    tw?.startBlock(B);
    for (let i = 0; i < dests.length; i++) {
      const c = dests[i]!;
      const cached = engine.cachedState(i);
      const cls = tw !== null ? tw.classOf[i]! : -1;
      // Beyond the cache budget the state is rebuilt once for the whole block (the same numbers each time).
      let st: DestinationState | null = null;
      let row: Float64Array | undefined;
      // Baseline latencies toward c, recomputed once per block when beyond the latency cache.
      let base: Float64Array | null = null;
      for (let k = 0; k < B; k++) {
        const f = fs[k]!;
        if (cls >= 0) {
          const r = tw!.replay(k, cls, c, f, blk.deltas[k]!, blk.sinks[k]!, this.baseLatency[i] ?? null);
          if (r === 2) {
            blk.handled[k * dests.length + i] = 1;
            blk.sinks[k]!.unchanged += this.unchangedBefore(i, c, f);
          }
          if (r !== 0) continue;
        }
        if (cached !== null && !mayTouch(g, cached.dist, f)) {
          if (cls >= 0) tw!.untouched(k, cls, c, f);
          continue;
        }
        st ??= cached ?? engine.destinationState(i);
        if (f.nodes[c] === 1) {
          addDestinationLoads(g, st.dagOff, st.slots, st.flow, -1, blk.deltas[k]!);
          continue;
        }
        row ??= this.demandsTo(c) ?? undefined;
        const logged = cls >= 0 && tw!.begin(k, cls, c, f, this.destDelta);
        if (!this.destDelta.apply(c, st, f, blk.deltas[k]!, true, row)) {
          if (logged) tw!.nothing(k, this.destDelta);
          continue;
        }
        blk.handled[k * dests.length + i] = 1;
        const sink = blk.sinks[k]!;
        sink.unchanged += this.unchangedBefore(i, c, f);
        base ??= this.latencyOf(i, st);
        this.latency.run(c, st, base, this.destDelta, f, traffic, sink, row);
        if (logged) tw!.end(k, this.destDelta, this.latency, base);
        this.destDelta.finish();
      }
      if (stopped()) return false;
    }
    return true;
  }

  /** Each scenario's destinations no route of it touched count as unchanged; its figures written at out[ats[k] …]. */
  private finishBlock(fs: readonly FailureMasks[], head: readonly { cut: number; isolated: number; stranded: number }[], blk: BlockState, out: Float64Array, ats: readonly number[]): void {
    const dests = this.engine.destinationNodes;
    for (let k = 0; k < fs.length; k++) {
      const f = fs[k]!;
      const sink = blk.sinks[k]!;
      for (let i = 0; i < dests.length; i++) {
        const c = dests[i]!;
        if (blk.handled[k * dests.length + i] === 1 || f.nodes[c] === 1) continue;
        sink.unchanged += this.unchangedBefore(i, c, f);
      }
      this.finishInto(f, head[k]!, blk.deltas[k]!, sink, out, ats[k]!);
    }
  }

  /**
   * demand(u, c) for every u as one array when the matrix keeps a dense
   * table by destination (explicit matrices up to 2,048 nodes): the same
   * numbers, read without a call per node. Null otherwise.
   */
  private demandsTo(c: number): Float64Array | null {
    const dense = (this.engine.traffic as TrafficMatrix).byDestination;
    const n = this.engine.n;
    return dense === undefined ? null : dense.subarray(c * n, (c + 1) * n);
  }

  /** Connectivity figures of one failure (before any routing): cut pairs, isolated sites, stranded demand. */
  connectivity(f: FailureMasks): Connectivity {
    const { engine } = this;
    const comp = connectedComponents(engine.g, f.nodes, f.links);
    const lostPerComp = new Float64Array(this.baseComp.count);
    for (const v of f.nodeList) lostPerComp[this.baseComp.componentOf[v]!]! += 1;
    let before = 0;
    this.baseComp.sizes.forEach((s, c) => {
      const k = s - lostPerComp[c]!;
      before += (k * (k - 1)) / 2;
    });
    let after = 0;
    for (const s of comp.sizes) after += (s * (s - 1)) / 2;
    const reach = this.sitesReachingOthers(comp.componentOf, comp.count);
    let isolated = 0;
    for (let s = 0; s < this.siteCount; s++) if (this.siteConnected[s] === 1 && reach[s] === 0) isolated++;
    const stranded = this.failedDemand?.strandedBy(f.nodeList, comp, lostPerComp) ?? this.baseVolume - deliverableVolume(engine.traffic as TrafficMatrix, comp.componentOf, comp.count);
    return { cut: before - after, isolated, stranded };
  }

  /** Loads, utilisation and stretch of one routed scenario, with its connectivity figures, at out[at …]; resets its delta. */
  private finishInto(f: FailureMasks, head: { cut: number; isolated: number; stranded: number }, delta: SlotDelta, sink: StretchSink, out: Float64Array, at: number): void {
    const { engine } = this;
    const g = engine.g;
    directedLoadsInto(engine.baseLoad, delta.value, this.linkLoad);
    delta.reset();
    const stretch = percentilesOfRuns(sink.runs, sink.changed, sink.count, sink.unchanged);
    out[at] = head.cut;
    out[at + 1] = head.isolated;
    out[at + 2] = Math.max(0, head.stranded);
    out[at + 3] = stretch.p50;
    out[at + 4] = stretch.p95;
    out[at + 5] = stretch.max;
    writeLinkSummary(this.linkLoad, f.links, g.capacities, this.unitGbps, out, at + 6);
  }

  /** Per-scenario scratch of a block of `size` scenarios (grown on demand, reused), reset for use. */
  private blockState(size: number): BlockState {
    const b = this.block;
    while (b.deltas.length < size) {
      b.deltas.push(new SlotDelta(this.engine.slots));
      b.sinks.push(new StretchSink());
    }
    const need = size * this.engine.destinationNodes.length;
    if (b.handled.length < need) b.handled = new Uint8Array(need);
    else b.handled.fill(0, 0, need);
    for (let k = 0; k < size; k++) b.sinks[k]!.reset();
    return b;
  }

  private readonly block: BlockState = { deltas: [], sinks: [], handled: new Uint8Array(0) };
}
