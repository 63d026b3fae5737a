import type { CompiledGraph } from './csr';
import type { Demands } from './ecmp';
import { MinHeap, onShortestPath as onShortestPathImport } from './shortest';
import type { LoadOpLog, SlotDelta } from './slot-delta';

// SlotDelta lives in slot-delta.ts; every user imported it from here.
export { LoadOpLog, SlotDelta } from './slot-delta';

// A module-level binding: run from source (tsx), an imported function is read through a getter on every
// call, a tenth of a capacity sweep's time in this inner loop; bound once it is a plain call.
const onShortestPath = onShortestPathImport;

/** A set of failed elements as masks plus lists (lists keep per-scenario work proportional to its size). */
/** What the baseline keeps per destination (see routing.ts and ecmp.buildDag). */
export interface DestinationState {
  readonly dist: Float64Array;
  readonly flow: Float64Array;
  readonly dagOff: Int32Array;
  slots: Int32Array;
}

export interface FailureMasks {
  readonly nodes: Uint8Array;
  readonly links: Uint8Array;
  readonly nodeList: readonly number[];
  readonly linkList: readonly number[];
}

/**
 * Change of one destination's ECMP loads under a failure, by difference.
 *
 * 1. Nodes that lose a shortest-path next hop (failed link or failed
 *    neighbour) are seeds. Nodes left with no next hop at all have a longer
 *    distance now; the set U of such nodes grows backwards through the DAG
 *    with per-node counters (Ramalingam & Reps 1996, "An incremental
 *    algorithm for a generalization of the shortest-path problem").
 * 2. U gets new distances by Dijkstra seeded from its unchanged boundary.
 * 3. Only nodes downstream (in the old or new DAG) of a changed node can see
 *    a different through-flow. Those nodes D are re-flowed by decreasing new
 *    distance, pushing (new share − old share) along links. A non-U node's
 *    new flow is its old flow plus the change received; a U node's new flow
 *    is rebuilt from its new-DAG predecessors, which are all in U.
 * Cost: O(|D| log |D| + DAG links around D; full adjacency only for nodes
 * in U or failed) instead of O(n + m) for a recompute.
 */
export class DestinationDelta {
  private readonly newDist: Float64Array;
  private readonly cnt: Int32Array;
  private readonly state: Uint8Array; // bit 1: touched (counter set), 2: in U, 4: in D, 8: settled
  private readonly acc: Float64Array;
  private readonly newIn: Float64Array;
  private readonly list: Int32Array; // nodes with any state bit, for reset
  private listLen = 0;
  private readonly uQueue: Int32Array;
  private readonly dNodes: Int32Array;
  private readonly heap: MinHeap;
  private readonly key: Float64Array;
  private readonly hopSlots: Int32Array;
  /**
   * When set, every load change the next re-flows add is also appended here
   * (twin destinations replay them, twin-replay.ts); null otherwise.
   */
  opLog: LoadOpLog | null = null;

  constructor(
    private readonly g: CompiledGraph,
    private readonly traffic: Demands,
  ) {
    const n = g.nodeIds.length;
    this.newDist = new Float64Array(n);
    this.cnt = new Int32Array(n);
    this.state = new Uint8Array(n);
    this.acc = new Float64Array(n);
    this.newIn = new Float64Array(n);
    this.list = new Int32Array(n);
    this.uQueue = new Int32Array(n);
    this.dNodes = new Int32Array(n);
    this.sorted = new Int32Array(n);
    this.heap = new MinHeap(2 * g.targets.length + 4, n);
    this.key = new Float64Array(n);
    let maxDeg = 0;
    for (let u = 0; u < n; u++) maxDeg = Math.max(maxDeg, g.offsets[u + 1]! - g.offsets[u]!);
    this.hopSlots = new Int32Array(maxDeg + 1);
  }

  private mark(u: number, bit: number): void {
    if (this.state[u] === 0) this.list[this.listLen++] = u;
    this.state[u]! |= bit;
  }

  private reset(): void {
    for (let i = 0; i < this.listLen; i++) {
      const u = this.list[i]!;
      this.state[u] = 0;
      this.acc[u] = 0;
      this.newIn[u] = 0;
    }
    this.listLen = 0;
  }

  /** Valid old-DAG next hops of u (failed links / failed targets excluded). */
  private validNextHops(u: number, st: DestinationState, f: FailureMasks): number {
    const { targets, edgeLink } = this.g;
    const { dagOff, slots } = st;
    let k = 0;
    for (let j = dagOff[u]!; j < dagOff[u + 1]!; j++) {
      const s = slots[j]!;
      if (f.links[edgeLink[s]!] !== 1 && f.nodes[targets[s]!] !== 1) k++;
    }
    return k;
  }

  /** Marks u as touched and sets its counter of valid next hops; may put it in U. */
  private seed(u: number, st: DestinationState, f: FailureMasks): void {
    if ((this.state[u]! & 1) !== 0) return;
    this.mark(u, 1);
    const k = this.validNextHops(u, st, f);
    this.cnt[u] = k;
    if (k === 0) {
      this.mark(u, 2);
      this.uQueue[this.uLen++] = u;
    }
  }

  private uLen = 0;
  private dLen = 0;

  private addD(u: number): void {
    if ((this.state[u]! & 4) !== 0) return;
    this.mark(u, 4);
    this.dNodes[this.dLen++] = u;
  }

  /**
   * Adds the load change of destination c (not failed) into `out`. Returns
   * false (and adds nothing) when the failure touches no shortest path to c.
   */
  apply(
    c: number,
    st: DestinationState,
    f: FailureMasks,
    out: SlotDelta,
    keep = false,
    /** demand(u, c) for every u, when the caller has it as an array (the same numbers, without a lookup each). */
    demandTo?: Float64Array,
    /**
     * Stop once the new routes are known (steps 1–2), adding no load change,
     * and keep them for reading as keep does: for a caller whose loads come
     * from elsewhere (the impact sweep on a compressed core, impact-chains.ts).
     */
    routesOnly = false,
  ): boolean {
    // Each step is a method of its own: one function holding them all took Turbofan 0.25 s
    // to compile in every sweep worker, which ran the slow baseline code meanwhile.
    this.uLen = 0;
    this.dLen = 0;
    this.seedFailures(st, f);
    if (this.listLen === 0) return false;
    // Nothing flows through the nodes whose routes change: no load moves. Every node that
    // joins below is upstream of one of these in the DAG (flow only grows downstream, so it
    // carries nothing either), and the re-flow would add and take back the same shares.
    // Skipped unless a caller inspects the route changes (distances still move).
    if (!keep && this.quiet(st.flow)) {
      this.reset();
      return true;
    }
    this.growU(st, f);
    if (this.uLen > 0) this.distancesInU(st.dist, f);
    if (routesOnly) return true;
    this.closeD(st, f);
    this.orderD(st.dist);
    this.reflow(c, st, f, out, demandTo);
    if (!keep) this.reset();
    return true;
  }

  /** Seeds: nodes that lose a shortest-path next hop to a failed link or failed neighbour; failed nodes join D. */
  private seedFailures(st: DestinationState, f: FailureMasks): void {
    const { offsets, targets, edgeLink, weights, linkSource, linkTarget } = this.g;
    const dist = st.dist;
    const fN = f.nodes;
    const fL = f.links;
    for (const e of f.linkList) {
      const a = linkSource[e]!;
      const b = linkTarget[e]!;
      const w = weights[e]!;
      if (fN[a] !== 1 && onShortestPath(dist[a]!, dist[b]!, w)) this.seed(a, st, f);
      if (fN[b] !== 1 && onShortestPath(dist[b]!, dist[a]!, w)) this.seed(b, st, f);
    }
    for (const v of f.nodeList) {
      const dv = dist[v]!;
      if (dv === Infinity) continue;
      this.addD(v);
      for (let s = offsets[v]!; s < offsets[v + 1]!; s++) {
        const p = targets[s]!;
        if (fN[p] === 1 || fL[edgeLink[s]!] === 1) continue;
        if (onShortestPath(dist[p]!, dv, weights[edgeLink[s]!]!)) this.seed(p, st, f);
      }
    }
  }

  /** 1. Grow U backwards: a node joins when its last valid next hop joined. */
  private growU(st: DestinationState, f: FailureMasks): void {
    const { offsets, targets, edgeLink, weights } = this.g;
    const dist = st.dist;
    const state = this.state;
    const cnt = this.cnt;
    const fN = f.nodes;
    const fL = f.links;
    for (let qi = 0; qi < this.uLen; qi++) {
      const w = this.uQueue[qi]!;
      const dw = dist[w]!;
      for (let s = offsets[w]!; s < offsets[w + 1]!; s++) {
        const p = targets[s]!;
        const e = edgeLink[s]!;
        if (fL[e] === 1 || fN[p] === 1 || (state[p]! & 2) !== 0) continue;
        if (!onShortestPath(dist[p]!, dw, weights[e]!)) continue;
        if ((state[p]! & 1) === 0) this.seed(p, st, f);
        if (--cnt[p]! === 0) {
          this.mark(p, 2);
          this.uQueue[this.uLen++] = p;
        }
      }
    }
  }

  /** 2. New distances inside U, seeded from neighbours outside U. */
  private distancesInU(dist: Float64Array, f: FailureMasks): void {
    const { offsets, targets, edgeLink, weights } = this.g;
    const state = this.state;
    const fN = f.nodes;
    const fL = f.links;
    const nd = this.newDist;
    const uLen = this.uLen;
    const heap = this.heap;
    heap.clear();
    for (let qi = 0; qi < uLen; qi++) {
      const u = this.uQueue[qi]!;
      let best = Infinity;
      for (let s = offsets[u]!; s < offsets[u + 1]!; s++) {
        const x = targets[s]!;
        const e = edgeLink[s]!;
        if (fL[e] === 1 || fN[x] === 1 || (state[x]! & 2) !== 0) continue;
        const d = dist[x]! + weights[e]!;
        if (d < best) best = d;
      }
      nd[u] = best;
      if (best < Infinity) heap.push(u, best);
    }
    while (heap.size > 0) {
      const u = heap.pop();
      if ((state[u]! & 8) !== 0) continue;
      state[u]! |= 8;
      const du = nd[u]!;
      for (let s = offsets[u]!; s < offsets[u + 1]!; s++) {
        const x = targets[s]!;
        const e = edgeLink[s]!;
        if ((state[x]! & 10) !== 2 || fL[e] === 1) continue; // in U and not settled
        const d = du + weights[e]!;
        if (d < nd[x]!) {
          nd[x] = d;
          heap.push(x, d);
        }
      }
    }
  }

  /** 3. Closure D over old DAG links (per-destination lists) and, for U nodes, new ones. */
  private closeD(st: DestinationState, f: FailureMasks): void {
    const { offsets, targets, edgeLink, weights } = this.g;
    const { dist, dagOff, slots } = st;
    const state = this.state;
    const nd = this.newDist;
    const fN = f.nodes;
    const fL = f.links;
    for (let i = 0; i < this.listLen; i++) this.addD(this.list[i]!);
    for (let qi = 0; qi < this.dLen; qi++) {
      const u = this.dNodes[qi]!;
      for (let j = dagOff[u]!; j < dagOff[u + 1]!; j++) this.addD(targets[slots[j]!]!);
      if ((state[u]! & 2) === 0) continue;
      const du1 = nd[u]!;
      if (du1 === Infinity) continue;
      for (let s = offsets[u]!; s < offsets[u + 1]!; s++) {
        const w = targets[s]!;
        const e = edgeLink[s]!;
        if ((state[w]! & 4) !== 0 || fL[e] === 1 || fN[w] === 1) continue;
        const dw1 = (state[w]! & 2) !== 0 ? nd[w]! : dist[w]!;
        if (onShortestPath(du1, dw1, weights[e]!)) this.addD(w);
      }
    }
  }

  /** Orders D by decreasing new distance (failed nodes by their old one). */
  private orderD(dist: Float64Array): void {
    const dLen = this.dLen;
    const ds = this.dNodes;
    const key = this.key;
    const state = this.state;
    const nd = this.newDist;
    for (let i = 0; i < dLen; i++) {
      const x = ds[i]!;
      key[x] = (state[x]! & 2) !== 0 ? nd[x]! : dist[x]!;
    }
    if (!this.bucketSort(ds, dLen, key)) sortByKeyDesc(ds, dLen, key);
  }

  /** Re-flows D in that order, pushing (new share − old share) along links into `out`. */
  private reflow(c: number, st: DestinationState, f: FailureMasks, out: SlotDelta, demandTo: Float64Array | undefined): void {
    const { offsets, targets, edgeLink, weights, linkSource } = this.g;
    const { dist, flow, dagOff, slots } = st;
    const state = this.state;
    const nd = this.newDist;
    const fN = f.nodes;
    const fL = f.links;
    const dLen = this.dLen;
    const ds = this.dNodes;
    const acc = this.acc;
    const newIn = this.newIn;
    const hop = this.hopSlots;
    const outv = out.value;
    const log = this.opLog;
    for (let i = 0; i < dLen; i++) {
      const u = ds[i]!;
      if (u === c) continue;
      // Old shares leave.
      const a0 = dagOff[u]!;
      const b0 = dagOff[u + 1]!;
      const fu = flow[u]!;
      if (b0 > a0 && fu !== 0) {
        const share = fu / (b0 - a0);
        for (let j = a0; j < b0; j++) {
          const s = slots[j]!;
          const e = edgeLink[s]!;
          acc[targets[s]!]! -= share;
          const x = 2 * e + (linkSource[e] === u ? 0 : 1);
          outv[x]! -= share;
          if (log !== null) log.push(x, -share);
        }
      }
      // New shares arrive.
      if (fN[u] === 1) continue;
      const inU = (state[u]! & 2) !== 0;
      let k = 0;
      if (inU) {
        const du1 = nd[u]!;
        if (du1 === Infinity) continue;
        for (let s = offsets[u]!; s < offsets[u + 1]!; s++) {
          const w = targets[s]!;
          if (fL[edgeLink[s]!] === 1 || fN[w] === 1) continue;
          const dw1 = (state[w]! & 2) !== 0 ? nd[w]! : dist[w]!;
          if (onShortestPath(du1, dw1, weights[edgeLink[s]!]!)) hop[k++] = s;
        }
      } else {
        // Distance kept: new next hops are the old ones still valid and not moved away.
        for (let j = a0; j < b0; j++) {
          const s = slots[j]!;
          const w = targets[s]!;
          if (fL[edgeLink[s]!] === 1 || fN[w] === 1 || (state[w]! & 2) !== 0) continue;
          hop[k++] = s;
        }
      }
      const f1 = inU ? (demandTo !== undefined ? demandTo[u]! : this.traffic.demand(u, c)) + newIn[u]! : fu + acc[u]!;
      if (k === 0 || f1 <= 0) continue;
      const share = f1 / k;
      for (let j = 0; j < k; j++) {
        const s = hop[j]!;
        const e = edgeLink[s]!;
        const w = targets[s]!;
        acc[w]! += share;
        newIn[w]! += share;
        const x = 2 * e + (linkSource[e] === u ? 0 : 1);
        outv[x]! += share;
        if (log !== null) log.push(x, share);
      }
    }
  }

  /** No flow (own demand or through traffic) at any node touched so far. */
  private quiet(flow: Float64Array): boolean {
    for (let i = 0; i < this.listLen; i++) if (flow[this.list[i]!] !== 0) return false;
    return true;
  }

  private buckets = new Int32Array(0);
  private readonly sorted: Int32Array;

  /**
   * Counting sort of a[0..len) by key descending when every key is a whole
   * number below 4n or Infinity (hop counts, integer IGP metrics): O(len + max
   * key) instead of the Shell sort's O(len^1.3). Returns false otherwise.
   */
  private bucketSort(a: Int32Array, len: number, key: Float64Array): boolean {
    let max = 0;
    for (let i = 0; i < len; i++) {
      const k = key[a[i]!]!;
      if (k === Infinity) continue;
      if (k !== Math.floor(k) || k < 0) return false;
      if (k > max) max = k;
    }
    // Bounded by the region's length, not the array's capacity: a small region with large keys would
    // otherwise fill and scan O(max) buckets per call — on a 333-device design the optimiser spent
    // 43 % of its time here for regions of a few nodes.
    if (max >= 4 * len + 64) return false;
    const top = max + 1; // bucket for Infinity
    if (this.buckets.length < top + 2) this.buckets = new Int32Array(top + 2);
    const b = this.buckets;
    b.fill(0, 0, top + 2);
    // Descending: bucket index = top - key (Infinity -> 0).
    for (let i = 0; i < len; i++) {
      const k = key[a[i]!]!;
      b[(k === Infinity ? 0 : top - k) + 1]!++;
    }
    for (let j = 1; j < top + 2; j++) b[j]! += b[j - 1]!;
    const out = this.sorted;
    for (let i = 0; i < len; i++) {
      const x = a[i]!;
      const k = key[x]!;
      out[b[k === Infinity ? 0 : top - k]!++] = x;
    }
    a.set(out.subarray(0, len));
    return true;
  }

  // Read-only view of the last apply(…, keep = true), for latency updates; finish() clears it.

  /** Nodes the last update touched (lost a next hop, moved, or re-flowed). */
  changedNodes(): Int32Array {
    return this.list.subarray(0, this.listLen);
  }
  /** The same without a view per call (the impact sweep asks once per touched destination): the first changedCount() entries. */
  changedList(): Int32Array {
    return this.list;
  }
  changedCount(): number {
    return this.listLen;
  }
  /** Did u lose a next hop (bit 1) or get a longer distance (bit 2)? */
  routeChanged(u: number): boolean {
    return (this.state[u]! & 3) !== 0;
  }
  moved(u: number): boolean {
    return (this.state[u]! & 2) !== 0;
  }
  /** New distance of a moved node (Infinity when cut off). */
  movedDistance(u: number): number {
    return this.newDist[u]!;
  }
  finish(): void {
    this.reset();
  }
}

/**
 * Sorts the first `len` entries of `a` by key[a[i]] descending (Infinity
 * first), in place and without allocating: insertion sort when short, Shell
 * sort (Ciura gaps) otherwise. Order among equal keys is irrelevant.
 */
const GAPS = [701, 301, 132, 57, 23, 10, 4, 1];
export function sortByKeyDesc(a: Int32Array, len: number, key: Float64Array): void {
  for (const gap of GAPS) {
    if (gap >= len) continue;
    for (let i = gap; i < len; i++) {
      const x = a[i]!;
      const kx = key[x]!;
      let j = i;
      while (j >= gap && key[a[j - gap]!]! < kx) {
        a[j] = a[j - gap]!;
        j -= gap;
      }
      a[j] = x;
    }
  }
}
