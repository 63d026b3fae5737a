import { hasUniformWeights, type CompiledGraph } from './csr';
import { addDestinationLoads, ecmpFlowTo, type Demands } from './ecmp';
import { DestinationDelta, SlotDelta, type FailureMasks } from './incremental';
import { MinHeap, onShortestPath, shortestPathsTo } from './shortest';

/** Default memory for cached per-destination distances and flows (2 × n² doubles). */
export const DEFAULT_CACHE_BYTES = 768 * 1024 * 1024;

/**
 * Baseline routing of a traffic matrix plus incremental what-if evaluation.
 *
 * The baseline runs one shortest-path DAG and one ECMP flow pass per
 * destination and keeps, per destination, the distances and node
 * through-flows. A failure then revisits only the destinations whose DAG it
 * touches, and only the part of each DAG downstream of the change
 * (see incremental.ts); link loads are updated by difference.
 *
 * Memory: 16 n² bytes for the cache. Above `cacheBytes` nothing is cached
 * and each touched destination is recomputed on demand (same results, slower).
 * Baseline: O(n (n + m)) for hop counts, O(n m log m) with weights.
 */
export class RoutingEngine {
  readonly n: number;
  readonly slots: number;
  readonly baseLoad: Float64Array;
  readonly uniformWeights: boolean;
  private readonly distCache: Float64Array | null;
  private readonly flowCache: Float64Array | null;
  private readonly scratchDist: Float64Array;
  private readonly scratchFlow: Float64Array;
  private readonly order: Int32Array;
  private readonly heap: MinHeap;
  private readonly delta: DestinationDelta;
  private readonly destinations: Int32Array;

  constructor(
    readonly g: CompiledGraph,
    readonly traffic: Demands,
    cacheBytes = DEFAULT_CACHE_BYTES,
  ) {
    const n = g.nodeIds.length;
    this.n = n;
    this.slots = 2 * g.linkIds.length;
    this.uniformWeights = hasUniformWeights(g);
    this.baseLoad = new Float64Array(this.slots);
    this.scratchDist = new Float64Array(n);
    this.scratchFlow = new Float64Array(n);
    this.order = new Int32Array(n);
    this.heap = new MinHeap(2 * g.targets.length + 4, n);
    this.delta = new DestinationDelta(g, traffic);
    const dests: number[] = [];
    for (let t = 0; t < n; t++) if (traffic.receives(t)) dests.push(t);
    this.destinations = Int32Array.from(dests);
    const cacheable = 16 * n * dests.length <= cacheBytes;
    this.distCache = cacheable ? new Float64Array(n * dests.length) : null;
    this.flowCache = cacheable ? new Float64Array(n * dests.length) : null;
    for (let i = 0; i < dests.length; i++) this.computeDestination(i, this.baseLoad);
  }

  /** Distances and flows of the i-th destination, into the cache or scratch. */
  private computeDestination(i: number, load: Float64Array | null = null): { dist: Float64Array; flow: Float64Array } {
    const n = this.n;
    const c = this.destinations[i]!;
    const dist = this.distCache ? this.distCache.subarray(i * n, (i + 1) * n) : this.scratchDist;
    const flow = this.flowCache ? this.flowCache.subarray(i * n, (i + 1) * n) : this.scratchFlow;
    const reached = shortestPathsTo(this.g, c, this.uniformWeights, dist, this.order, this.heap);
    ecmpFlowTo(this.g, c, dist, this.order, reached, this.traffic, flow, load);
    return { dist, flow };
  }

  private stateOf(i: number): { dist: Float64Array; flow: Float64Array } {
    if (this.distCache && this.flowCache) {
      const n = this.n;
      return { dist: this.distCache.subarray(i * n, (i + 1) * n), flow: this.flowCache.subarray(i * n, (i + 1) * n) };
    }
    return this.computeDestination(i);
  }

  /** Cached distances to destination node t (Infinity where unreachable), or undefined. */
  distancesTo(t: number): Float64Array | undefined {
    const i = this.destinationIndex(t);
    return i < 0 ? undefined : this.stateOf(i).dist;
  }

  private destinationIndex(t: number): number {
    // destinations are sorted; binary search
    let lo = 0;
    let hi = this.destinations.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.destinations[mid]!;
      if (v === t) return mid;
      if (v < t) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /**
   * Adds the change of every directed link load under failure `f` into
   * `out` (which the caller resets). Returns how many destinations were touched.
   */
  failureDelta(f: FailureMasks, out: SlotDelta): number {
    let touched = 0;
    const add = (slot: number, v: number): void => out.add(slot, v);
    for (let i = 0; i < this.destinations.length; i++) {
      const c = this.destinations[i]!;
      if (!this.mayTouch(i, f)) continue;
      const { dist, flow } = this.stateOf(i);
      if (f.nodes[c] === 1) {
        addDestinationLoads(this.g, dist, flow, -1, add);
        touched++;
      } else if (this.delta.apply(c, dist, flow, f, out)) {
        touched++;
      }
    }
    return touched;
  }

  /** Cheap pre-check on cached distances (always true without a cache). */
  private mayTouch(i: number, f: FailureMasks): boolean {
    if (!this.distCache) return true;
    const n = this.n;
    const base = i * n;
    const d = this.distCache;
    for (const v of f.nodeList) if (d[base + v] !== Infinity) return true;
    const { linkSource, linkTarget } = this.g;
    for (const e of f.linkList) {
      const da = d[base + linkSource[e]!]!;
      const db = d[base + linkTarget[e]!]!;
      const w = this.g.weights[e]!;
      if (da !== Infinity && (onShortestPath(da, db, w) || onShortestPath(db, da, w))) return true;
    }
    return false;
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
