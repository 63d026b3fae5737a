import type { CompiledGraph } from './csr';
import type { DestinationState } from './incremental';

/**
 * Pushes amounts injected at a few nodes along one destination's baseline
 * ECMP DAG, as the baseline flow pass does (each node splits what reaches it
 * evenly over its next hops), visiting only the part of the DAG downstream
 * of the injection points: nodes by decreasing distance from a max-heap, so
 * a node splits only once everything upstream has reached it. Every directed
 * slot share is reported to `add(slotIndex, value)` with slotIndex = 2·link +
 * direction (the layout of RoutingEngine.baseLoad). Cost O(k log k + DAG
 * links of the k nodes reached) — a few dozen on a hierarchical design,
 * against O(n + m) for a full flow pass.
 */
export class DagPush {
  private readonly acc: Float64Array;
  private readonly stamp: Int32Array;
  private run = 0;
  private heap: Int32Array;
  private size = 0;

  constructor(private readonly g: CompiledGraph) {
    const n = g.nodeIds.length;
    this.acc = new Float64Array(n);
    this.stamp = new Int32Array(n);
    this.heap = new Int32Array(64);
  }

  /** Starts a push toward the destination whose state is `st`. */
  begin(): void {
    this.run++;
    this.size = 0;
  }

  /** Injects `amount` at node u (reached, not the destination itself: the caller checks dist). */
  inject(st: DestinationState, u: number, amount: number): void {
    if (this.stamp[u] !== this.run) {
      this.stamp[u] = this.run;
      this.acc[u] = amount;
      this.insert(st.dist, u);
    } else this.acc[u]! += amount;
  }

  /** Runs the push started by begin() and the injections since. */
  flow(st: DestinationState, add: (slot: number, value: number) => void): void {
    const { targets, edgeLink, linkSource } = this.g;
    const { dist, dagOff, slots } = st;
    while (this.size > 0) {
      const u = this.pop(dist);
      const f = this.acc[u]!;
      const a = dagOff[u]!;
      const b = dagOff[u + 1]!;
      if (b === a || f === 0) continue;
      const share = f / (b - a);
      for (let j = a; j < b; j++) {
        const s = slots[j]!;
        const e = edgeLink[s]!;
        add(2 * e + (linkSource[e] === u ? 0 : 1), share);
        const w = targets[s]!;
        if (this.stamp[w] !== this.run) {
          this.stamp[w] = this.run;
          this.acc[w] = share;
          this.insert(dist, w);
        } else this.acc[w]! += share;
      }
    }
  }

  private insert(dist: Float64Array, u: number): void {
    if (this.size === this.heap.length) {
      const grown = new Int32Array(2 * this.heap.length);
      grown.set(this.heap);
      this.heap = grown;
    }
    const h = this.heap;
    let i = this.size++;
    const d = dist[u]!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (dist[h[p]!]! >= d) break;
      h[i] = h[p]!;
      i = p;
    }
    h[i] = u;
  }

  /** The node of largest distance (every node reaching it is farther, so it has all its inflow). */
  private pop(dist: Float64Array): number {
    const h = this.heap;
    const top = h[0]!;
    const last = h[--this.size]!;
    const n = this.size;
    const d = dist[last]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && dist[h[c + 1]!]! > dist[h[c]!]!) c++;
      if (dist[h[c]!]! <= d) break;
      h[i] = h[c]!;
      i = c;
    }
    if (n > 0) h[i] = last;
    return top;
  }
}
