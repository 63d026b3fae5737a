import type { CompiledGraph } from './csr';
import type { Demands } from './ecmp';
import { MinHeap, onShortestPath } from './shortest';

/** A set of failed elements as masks plus lists (lists keep per-scenario work proportional to its size). */
export interface FailureMasks {
  readonly nodes: Uint8Array;
  readonly links: Uint8Array;
  readonly nodeList: readonly number[];
  readonly linkList: readonly number[];
}

/** Sparse accumulator over directed link slots, cheap to reset between scenarios. */
export class SlotDelta {
  readonly value: Float64Array;
  private readonly mark: Uint8Array;
  readonly touched: Int32Array;
  count = 0;
  constructor(slots: number) {
    this.value = new Float64Array(slots);
    this.mark = new Uint8Array(slots);
    this.touched = new Int32Array(slots);
  }
  add(slot: number, v: number): void {
    if (this.mark[slot] === 0) {
      this.mark[slot] = 1;
      this.touched[this.count++] = slot;
    }
    this.value[slot]! += v;
  }
  reset(): void {
    for (let i = 0; i < this.count; i++) {
      const s = this.touched[i]!;
      this.value[s] = 0;
      this.mark[s] = 0;
    }
    this.count = 0;
  }
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
 * Cost: O(|D| log |D| + links around D) instead of O(n + m) for a recompute.
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
    this.heap = new MinHeap(2 * g.targets.length + 4, n);
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
  private validNextHops(u: number, dist: Float64Array, f: FailureMasks): number {
    const { offsets, targets, edgeLink, weights } = this.g;
    const du = dist[u]!;
    let k = 0;
    for (let s = offsets[u]!; s < offsets[u + 1]!; s++) {
      const e = edgeLink[s]!;
      const w = targets[s]!;
      if (f.links[e] === 1 || f.nodes[w] === 1) continue;
      if (onShortestPath(du, dist[w]!, weights[e]!)) k++;
    }
    return k;
  }

  /**
   * Adds the load change of destination c (not failed) into `out`. Returns
   * false (and adds nothing) when the failure touches no shortest path to c.
   */
  apply(c: number, dist: Float64Array, flow: Float64Array, f: FailureMasks, out: SlotDelta): boolean {
    const { offsets, targets, edgeLink, weights, linkSource, linkTarget } = this.g;
    const state = this.state;
    const cnt = this.cnt;
    let uLen = 0;
    let dLen = 0;
    const seed = (u: number): void => {
      if ((state[u]! & 1) !== 0) return;
      this.mark(u, 1);
      cnt[u] = this.validNextHops(u, dist, f);
      if (cnt[u] === 0 && (state[u]! & 2) === 0) {
        this.mark(u, 2);
        this.uQueue[uLen++] = u;
      }
    };
    for (const e of f.linkList) {
      const a = linkSource[e]!;
      const b = linkTarget[e]!;
      const w = weights[e]!;
      if (f.nodes[a] !== 1 && onShortestPath(dist[a]!, dist[b]!, w)) seed(a);
      if (f.nodes[b] !== 1 && onShortestPath(dist[b]!, dist[a]!, w)) seed(b);
    }
    for (const v of f.nodeList) {
      if (dist[v] === Infinity) continue;
      this.mark(v, 4);
      this.dNodes[dLen++] = v;
      for (let s = offsets[v]!; s < offsets[v + 1]!; s++) {
        const p = targets[s]!;
        if (f.nodes[p] === 1 || f.links[edgeLink[s]!] === 1) continue;
        if (onShortestPath(dist[p]!, dist[v]!, weights[edgeLink[s]!]!)) seed(p);
      }
    }
    if (this.listLen === 0) return false;
    // 1. Grow U backwards: a node joins when its last valid next hop joined.
    for (let qi = 0; qi < uLen; qi++) {
      const w = this.uQueue[qi]!;
      for (let s = offsets[w]!; s < offsets[w + 1]!; s++) {
        const p = targets[s]!;
        const e = edgeLink[s]!;
        if (f.links[e] === 1 || f.nodes[p] === 1 || (state[p]! & 2) !== 0) continue;
        if (!onShortestPath(dist[p]!, dist[w]!, weights[e]!)) continue;
        seed(p);
        if ((state[p]! & 2) !== 0) continue; // seed() just put it in U
        if (--cnt[p]! === 0) {
          this.mark(p, 2);
          this.uQueue[uLen++] = p;
        }
      }
    }
    // 2. New distances inside U, seeded from neighbours outside U.
    const nd = this.newDist;
    if (uLen > 0) {
      const heap = this.heap;
      heap.clear();
      for (let qi = 0; qi < uLen; qi++) {
        const u = this.uQueue[qi]!;
        let best = Infinity;
        for (let s = offsets[u]!; s < offsets[u + 1]!; s++) {
          const x = targets[s]!;
          const e = edgeLink[s]!;
          if (f.links[e] === 1 || f.nodes[x] === 1 || (state[x]! & 2) !== 0) continue;
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
          if ((state[x]! & 10) !== 2 || f.links[e] === 1) continue; // in U and not settled
          const d = du + weights[e]!;
          if (d < nd[x]!) {
            nd[x] = d;
            heap.push(x, d);
          }
        }
      }
    }
    const newD = (x: number): number => ((state[x]! & 2) !== 0 ? nd[x]! : f.nodes[x] === 1 ? Infinity : dist[x]!);
    // 3. Closure D over old and new DAG links from every changed node.
    for (let i = 0; i < this.listLen; i++) {
      const u = this.list[i]!;
      if ((state[u]! & 4) === 0) {
        state[u]! |= 4;
        this.dNodes[dLen++] = u;
      }
    }
    for (let qi = 0; qi < dLen; qi++) {
      const u = this.dNodes[qi]!;
      const du = dist[u]!;
      const inU = (state[u]! & 2) !== 0;
      const du1 = inU ? nd[u]! : Infinity;
      for (let s = offsets[u]!; s < offsets[u + 1]!; s++) {
        const w = targets[s]!;
        if ((state[w]! & 4) !== 0) continue;
        const e = edgeLink[s]!;
        const old = du !== Infinity && onShortestPath(du, dist[w]!, weights[e]!);
        const fresh = inU && du1 !== Infinity && f.links[e] !== 1 && f.nodes[w] !== 1 && onShortestPath(du1, newD(w), weights[e]!);
        if (old || fresh) {
          this.mark(w, 4);
          this.dNodes[dLen++] = w;
        }
      }
    }
    // Order D by decreasing new distance (failed nodes by their old one).
    const key = (x: number): number => (f.nodes[x] === 1 ? dist[x]! : newD(x));
    const ds = Array.from(this.dNodes.subarray(0, dLen));
    ds.sort((x, y) => {
      const kx = key(x);
      const ky = key(y);
      return kx === ky ? 0 : kx === Infinity ? -1 : ky === Infinity ? 1 : ky - kx;
    });
    const acc = this.acc;
    const newIn = this.newIn;
    for (const u of ds) {
      if (u === c) continue;
      const du = dist[u]!;
      // Old shares leave.
      if (du !== Infinity && flow[u]! !== 0) {
        let k = 0;
        for (let s = offsets[u]!; s < offsets[u + 1]!; s++) {
          if (onShortestPath(du, dist[targets[s]!]!, weights[edgeLink[s]!]!)) k++;
        }
        const share = flow[u]! / k;
        for (let s = offsets[u]!; s < offsets[u + 1]!; s++) {
          const e = edgeLink[s]!;
          const w = targets[s]!;
          if (!onShortestPath(du, dist[w]!, weights[e]!)) continue;
          acc[w]! -= share;
          out.add(2 * e + (linkSource[e] === u ? 0 : 1), -share);
        }
      }
      // New shares arrive.
      const du1 = newD(u);
      if (du1 === Infinity) continue;
      const f1 = (state[u]! & 2) !== 0 ? this.traffic.demand(u, c) + newIn[u]! : flow[u]! + acc[u]!;
      if (f1 <= 0) continue;
      let k = 0;
      for (let s = offsets[u]!; s < offsets[u + 1]!; s++) {
        const e = edgeLink[s]!;
        const w = targets[s]!;
        if (f.links[e] === 1 || f.nodes[w] === 1) continue;
        if (onShortestPath(du1, newD(w), weights[e]!)) k++;
      }
      if (k === 0) continue;
      const share = f1 / k;
      for (let s = offsets[u]!; s < offsets[u + 1]!; s++) {
        const e = edgeLink[s]!;
        const w = targets[s]!;
        if (f.links[e] === 1 || f.nodes[w] === 1) continue;
        if (!onShortestPath(du1, newD(w), weights[e]!)) continue;
        acc[w]! += share;
        newIn[w]! += share;
        out.add(2 * e + (linkSource[e] === u ? 0 : 1), share);
      }
    }
    this.reset();
    return true;
  }
}
