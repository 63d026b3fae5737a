import { hasUniformWeights, type CompiledGraph } from './csr';
import { addDestinationLoads, buildDag, flowOnDag, type Demands } from './ecmp';
import { DestinationDelta, SlotDelta, type DestinationState, type FailureMasks } from './incremental';
import { MinHeap, onShortestPath as onShortestPathImport, shortestPathsTo } from './shortest';
import { compactBaselineBytes, replayLoads, SharedBaseline, sharedBaselineBytes } from './shared-baseline';
import type { TrafficMatrix } from './traffic';
import { TwinStates } from './twin-states';

// A module-level binding: run from source (tsx), an imported function is read through a getter on every
// call, a tenth of a capacity sweep's time in this inner loop; bound once it is a plain call.
const onShortestPath = onShortestPathImport;

/** Default memory for cached per-destination state (distances, flows, DAG: about 20 n² + 4 n·m bytes). */
export const DEFAULT_CACHE_BYTES = 1024 * 1024 * 1024;

/**
 * Baseline routing of a traffic matrix plus incremental what-if evaluation.
 *
 * The baseline runs one shortest-path DAG and one ECMP flow pass per
 * destination and keeps, per destination, the distances and node
 * through-flows. A failure then revisits only the destinations whose DAG it
 * touches, and only the part of each DAG downstream of the change
 * (see incremental.ts); link loads are updated by difference.
 *
 * Memory: about 20 n² bytes plus the DAGs. Destinations beyond the cache
 * budget are recomputed on demand (same results, slower).
 * Baseline: O(n (n + m)) for hop counts, O(n m log m) with weights.
 */
export class RoutingEngine {
  readonly n: number;
  readonly slots: number;
  readonly baseLoad: Float64Array;
  readonly uniformWeights: boolean;
  /** Bytes held by the per-destination cache (0 when recomputing on demand). */
  readonly cacheBytes: number;
  private readonly order: Int32Array;
  private readonly heap: MinHeap;
  private readonly delta: DestinationDelta;
  private readonly destinations: Int32Array;
  private readonly slotScratch: Int32Array;
  /** Per-destination state (null entries when over the cache budget). */
  private readonly states: (DestinationState | null)[];
  private scratch: DestinationState | null = null;
  /** Per destination: baseline latencies another worker may have computed (shared-baseline.ts), when the shared buffer keeps them. */
  private sharedLatencies: Float64Array[] = [];
  /** With a compact shared baseline: per destination the destination whose state it relabels (twin-states.ts), -1 for its own. */
  private leaderOf: Int32Array | null = null;
  /** demand(u, c) of the destination failureDeltas is on. */
  private readonly demandRow: Float64Array;

  constructor(
    readonly g: CompiledGraph,
    readonly traffic: Demands,
    cacheBudget = DEFAULT_CACHE_BYTES,
    /** Called after each baseline destination; returning false aborts with SweepCancelled. */
    tick?: (done: number, total: number) => boolean,
    /**
     * A baseline shared by the workers of one sweep (shared-baseline.ts): each
     * computes the destinations it claims and reads the others'. Every worker
     * must pass the same graph and traffic. Used when every state fits the
     * cache budget, else the engine builds its own as without it.
     */
    shared?: SharedArrayBuffer,
  ) {
    const n = g.nodeIds.length;
    this.n = n;
    this.slots = 2 * g.linkIds.length;
    this.uniformWeights = hasUniformWeights(g);
    this.baseLoad = new Float64Array(this.slots);
    this.demandRow = new Float64Array(n);
    this.order = new Int32Array(n);
    this.heap = new MinHeap(2 * g.targets.length + 4, n);
    this.delta = new DestinationDelta(g, traffic);
    this.slotScratch = new Int32Array(g.targets.length);
    const dests: number[] = [];
    for (let t = 0; t < n; t++) if (traffic.receives(t)) dests.push(t);
    this.destinations = Int32Array.from(dests);
    this.states = new Array<DestinationState | null>(dests.length).fill(null);
    let sb: SharedBaseline | null = null;
    let twins: TwinStates | null = null;
    if (shared !== undefined && SharedBaseline.isCompact(shared)) {
      // Every state would not fit: twins' states kept once per class (twin-states.ts).
      twins = TwinStates.build(g, traffic as Partial<Pick<TrafficMatrix, 'interchangeable'>>, this.destinations);
      if (twins !== null && compactBaselineBytes(g, twins.own.length) <= cacheBudget) sb = SharedBaseline.attachCompact(shared, g, twins.own.length);
    } else if (shared !== undefined && sharedBaselineBytes(g, dests.length) <= cacheBudget) sb = SharedBaseline.attach(shared, g, dests.length);
    if (sb !== null) {
      this.cacheBytes = this.buildShared(sb, tick, SharedBaseline.isCompact(shared!) ? twins : null);
      return;
    }
    let used = 0;
    for (let i = 0; i < dests.length; i++) {
      const st = this.computeDestination(i, this.baseLoad, used < cacheBudget);
      if (st !== this.scratch) {
        this.states[i] = st;
        used += 20 * n + 4 * st.slots.length;
      }
      if (tick !== undefined && !tick(i + 1, dests.length)) throw new SweepCancelled();
    }
    this.cacheBytes = used;
  }

  /**
   * The baseline from a shared buffer: computes the destinations this worker
   * claims into it, waits for the others' (cancel asked every 20 ms), then
   * adds up the link loads in the order the loop above adds them. Returns
   * the bytes of state (as that loop counts them).
   */
  private buildShared(sb: SharedBaseline, tick?: (done: number, total: number) => boolean, twins: TwinStates | null = null): number {
    const D = this.destinations.length;
    // Compact: only the states of their own are routed and kept, by rank.
    const R = twins?.own.length ?? D;
    for (let r = sb.claim(); r < R; r = sb.claim()) {
      const i = twins !== null ? twins.own[r]! : r;
      const v = sb.views(r);
      const c = this.destinations[i]!;
      const reached = shortestPathsTo(this.g, c, this.uniformWeights, v.dist, this.order, this.heap);
      const k = buildDag(this.g, v.dist, v.dagOff, this.slotScratch);
      flowOnDag(this.g, c, this.order, reached, v.dagOff, this.slotScratch, this.traffic, v.flow, null);
      sb.storeDag(v, this.slotScratch, k);
      sb.storeLatency(this.g, r, this.order, reached, v, this.slotScratch);
      const done = sb.finish();
      if (tick !== undefined && !tick(done, R)) throw new SweepCancelled();
    }
    if (!sb.waitAll(R, () => tick === undefined || tick(sb.written(), R))) throw new SweepCancelled();
    this.leaderOf = twins?.leaderOf ?? null;
    let used = 0;
    for (let i = 0; i < D; i++) {
      if (twins !== null && twins.leaderOf[i]! >= 0) {
        // A twin adds its loads from its leader's state relabelled, in its own place in the order.
        const st = this.relabelled(i);
        replayLoads(this.g, st.dagOff, st.slots, st.flow, this.baseLoad);
        continue;
      }
      const r = twins !== null ? twins.rankOf[i]! : i;
      const v = sb.views(r);
      const lat = sb.latency(r);
      if (lat !== null) this.sharedLatencies.push(lat);
      const st = { dist: v.dist, flow: v.flow, dagOff: v.dagOff, slots: sb.dagSlots(v) };
      this.states[i] = st;
      replayLoads(this.g, st.dagOff, st.slots, st.flow, this.baseLoad);
      used += 20 * this.n + 4 * st.slots.length;
    }
    return used;
  }

  /** Builds distances, DAG and through-flows of the i-th destination. */
  private computeDestination(i: number, load: Float64Array | null, keep: boolean): DestinationState {
    const n = this.n;
    const c = this.destinations[i]!;
    let st: DestinationState;
    if (keep) {
      st = { dist: new Float64Array(n), flow: new Float64Array(n), dagOff: new Int32Array(n + 1), slots: this.slotScratch };
    } else {
      this.scratch ??= { dist: new Float64Array(n), flow: new Float64Array(n), dagOff: new Int32Array(n + 1), slots: this.slotScratch };
      st = this.scratch;
    }
    const reached = shortestPathsTo(this.g, c, this.uniformWeights, st.dist, this.order, this.heap);
    const k = buildDag(this.g, st.dist, st.dagOff, this.slotScratch);
    st.slots = keep ? this.slotScratch.slice(0, k) : this.slotScratch;
    flowOnDag(this.g, c, this.order, reached, st.dagOff, st.slots, this.traffic, st.flow, load);
    return st;
  }

  private stateOf(i: number): DestinationState {
    const st = this.states[i];
    if (st) return st;
    return this.leaderOf !== null && this.leaderOf[i]! >= 0 ? this.relabelled(i) : this.computeDestination(i, null, false);
  }

  /** A twin's state from its leader's (kept), into scratch. O(n + m). */
  private relabelled(i: number): DestinationState {
    const n = this.n;
    const l = this.leaderOf![i]!;
    this.scratch ??= { dist: new Float64Array(n), flow: new Float64Array(n), dagOff: new Int32Array(n + 1), slots: this.slotScratch };
    this.scratch.slots = this.slotScratch;
    TwinStates.relabel(this.g, this.states[l]!, this.destinations[l]!, this.destinations[i]!, this.scratch);
    return this.scratch;
  }

  /** Destination node indices (nodes somebody sends to), ascending. */
  get destinationNodes(): Int32Array {
    return this.destinations;
  }

  /** The i-th destination's baseline ECMP-mean latencies from the shared baseline, or null when it keeps none (the evaluator computes its own). */
  sharedLatency(i: number): Float64Array | null {
    return this.sharedLatencies[i] ?? null;
  }

  /** Baseline state of the i-th destination (cached, or recomputed into scratch: copy before the next call). */
  destinationState(i: number): DestinationState {
    return this.stateOf(i);
  }

  /** The i-th destination's cached baseline state, or null when it is beyond the cache budget (destinationState rebuilds it). */
  cachedState(i: number): DestinationState | null {
    return this.states[i] ?? null;
  }

  /** Distances to destination node t (Infinity where unreachable), or undefined when nobody sends to t. */
  distancesTo(t: number): Float64Array | undefined {
    const i = this.destinations.indexOf(t);
    return i < 0 ? undefined : this.stateOf(i).dist.slice();
  }

  /**
   * Adds the change of every directed link load under failure `f` into
   * `out` (which the caller resets). Returns how many destinations were touched.
   */
  failureDelta(
    f: FailureMasks,
    out: SlotDelta,
    inspect?: (i: number, st: DestinationState, change: DestinationDelta) => void,
  ): number {
    let touched = 0;
    for (let i = 0; i < this.destinations.length; i++) {
      const c = this.destinations[i]!;
      const cached = this.states[i];
      if (cached && !mayTouch(this.g, cached.dist, f)) continue;
      const st = cached ?? this.stateOf(i);
      if (f.nodes[c] === 1) {
        addDestinationLoads(this.g, st.dagOff, st.slots, st.flow, -1, out);
        touched++;
      } else if (this.delta.apply(c, st, f, out, inspect !== undefined)) {
        touched++;
        if (inspect !== undefined) {
          inspect(i, st, this.delta);
          this.delta.finish();
        }
      }
    }
    return touched;
  }

  /**
   * failureDelta for several failures at once, destination by destination:
   * one destination's state (distances, flows, DAG) stays in cache while
   * every failure is applied to it, instead of all destinations being
   * streamed through memory per failure. Each `outs[k]` receives exactly the
   * additions failureDelta(fs[k]) makes, in the same order (destinations
   * ascending), so the sums are bit-identical.
   */
  failureDeltas(fs: readonly FailureMasks[], outs: readonly SlotDelta[]): void {
    for (let i = 0; i < this.destinations.length; i++) {
      const c = this.destinations[i]!;
      const cached = this.states[i];
      // Beyond the cache budget the state is rebuilt once for the whole block (the same numbers each time).
      const st = cached ?? this.stateOf(i);
      const row = this.demandRow;
      for (let u = 0; u < this.n; u++) row[u] = this.traffic.demand(u, c);
      for (let k = 0; k < fs.length; k++) {
        const f = fs[k]!;
        if (cached && !mayTouch(this.g, cached.dist, f)) continue;
        if (f.nodes[c] === 1) addDestinationLoads(this.g, st.dagOff, st.slots, st.flow, -1, outs[k]!);
        else this.delta.apply(c, st, f, outs[k]!, false, row);
      }
    }
  }

  /** Directed load of every slot after failure `f` (failed links read 0). */
  loadsUnder(f: FailureMasks, scratch?: SlotDelta): Float64Array {
    const d = scratch ?? new SlotDelta(this.slots);
    d.reset();
    this.failureDelta(f, d);
    const loads = new Float64Array(this.slots);
    for (let s = 0; s < this.slots; s++) loads[s] = f.links[s >> 1] === 1 ? 0 : Math.max(0, this.baseLoad[s]! + d.value[s]!);
    d.reset();
    return loads;
  }
}

/** Can failure f change anything for a destination with these distances? O(failed elements). */
export function mayTouch(g: CompiledGraph, d: Float64Array, f: FailureMasks): boolean {
  for (const v of f.nodeList) if (d[v] !== Infinity) return true;
  const { linkSource, linkTarget, weights } = g;
  for (const e of f.linkList) {
    const da = d[linkSource[e]!]!;
    const db = d[linkTarget[e]!]!;
    const w = weights[e]!;
    if (da !== Infinity && (onShortestPath(da, db, w) || onShortestPath(db, da, w))) return true;
  }
  return false;
}

/** Thrown when a sweep is cancelled while building its baseline. */
export class SweepCancelled extends Error {
  override name = 'SweepCancelled';
  constructor() {
    super('sweep cancelled');
  }
}

/** Builds failure masks for a graph from lists of node and link indices. */
export function failureMasks(g: CompiledGraph, nodeList: readonly number[], linkList: readonly number[]): FailureMasks {
  const nodes = new Uint8Array(g.nodeIds.length);
  const links = new Uint8Array(g.linkIds.length);
  for (const v of nodeList) nodes[v] = 1;
  for (const e of linkList) links[e] = 1;
  // A failed node takes every link at it down too (its slots must not carry load).
  const extra: number[] = [];
  for (const v of nodeList) {
    for (let s = g.offsets[v]!; s < g.offsets[v + 1]!; s++) {
      const e = g.edgeLink[s]!;
      if (links[e] === 0) {
        links[e] = 1;
        extra.push(e);
      }
    }
  }
  return { nodes, links, nodeList: [...nodeList], linkList: [...linkList, ...extra] };
}

/** Largest directed load after a failure, given the delta already accumulated. */
export function maxLoadAfter(base: Float64Array, delta: SlotDelta, failedLinks: Uint8Array): number {
  let max = 0;
  const dv = delta.value;
  for (let s = 0; s < base.length; s++) {
    if (failedLinks[s >> 1] === 1) continue;
    const v = base[s]! + dv[s]!;
    if (v > max) max = v;
  }
  return max;
}
