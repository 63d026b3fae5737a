import type { CompiledGraph } from './csr';

/**
 * Single-destination shortest paths (undirected, so "to c" = "from c").
 *
 * BFS when every weight is equal (hop count: O(n + m)), otherwise Dijkstra
 * with a lazy binary heap (O(m log m)). Writes `dist` (Infinity where
 * unreachable or failed) and `order` (reached nodes by non-decreasing
 * distance); returns how many nodes were reached. Reference: Dijkstra 1959,
 * "A note on two problems in connexion with graphs".
 */
export function shortestPathsTo(
  g: CompiledGraph,
  c: number,
  uniform: boolean,
  dist: Float64Array,
  order: Int32Array,
  heap: MinHeap,
  failedNodes?: Uint8Array,
  failedLinks?: Uint8Array,
): number {
  dist.fill(Infinity);
  if (failedNodes !== undefined && failedNodes[c] === 1) return 0;
  const { offsets, targets, edgeLink, weights } = g;
  dist[c] = 0;
  if (uniform) {
    const w = weights.length > 0 ? weights[0]! : 1;
    let head = 0;
    let tail = 0;
    order[tail++] = c;
    while (head < tail) {
      const u = order[head++]!;
      const du = dist[u]! + w;
      for (let k = offsets[u]!; k < offsets[u + 1]!; k++) {
        const v = targets[k]!;
        if (dist[v] !== Infinity) continue;
        if (failedLinks !== undefined && failedLinks[edgeLink[k]!] === 1) continue;
        if (failedNodes !== undefined && failedNodes[v] === 1) continue;
        dist[v] = du;
        order[tail++] = v;
      }
    }
    return tail;
  }
  let count = 0;
  heap.clear();
  heap.push(c, 0);
  const done = heap.mark;
  done.fill(0);
  while (heap.size > 0) {
    const u = heap.pop();
    if (done[u] === 1) continue;
    done[u] = 1;
    order[count++] = u;
    const du = dist[u]!;
    for (let k = offsets[u]!; k < offsets[u + 1]!; k++) {
      const v = targets[k]!;
      if (done[v] === 1) continue;
      const e = edgeLink[k]!;
      if (failedLinks !== undefined && failedLinks[e] === 1) continue;
      if (failedNodes !== undefined && failedNodes[v] === 1) continue;
      const nd = du + weights[e]!;
      if (nd < dist[v]!) {
        dist[v] = nd;
        heap.push(v, nd);
      }
    }
  }
  return count;
}

/**
 * Is the directed hop u -> v (weight w) on a shortest path toward the
 * destination, given distances to it? Exact for integer weights; a relative
 * tolerance absorbs rounding when fractional weights are summed in different
 * orders along equal-cost paths.
 */
/**
 * Dijkstra from every node already in `heap` (their `dist` set by the
 * caller) over the CSR slots, a slot's cost given by `cost` (null: the slot
 * cannot be used). `via[v]` gets the slot v was last reached by. O(m log n).
 * The one loop for latency-weighted searches (the latency check's path, LSA
 * flooding in the convergence estimate).
 */
export function dijkstraFromHeap(
  g: Pick<CompiledGraph, 'offsets' | 'targets'>,
  heap: MinHeap,
  dist: Float64Array,
  cost: (slot: number, to: number) => number | null,
  via?: Int32Array,
): void {
  const done = heap.mark;
  done.fill(0);
  while (heap.size > 0) {
    const u = heap.pop();
    if (done[u] === 1) continue;
    done[u] = 1;
    for (let k = g.offsets[u]!; k < g.offsets[u + 1]!; k++) {
      const w = g.targets[k]!;
      const c = cost(k, w);
      if (c === null) continue;
      const d = dist[u]! + c;
      if (d < dist[w]!) {
        dist[w] = d;
        if (via !== undefined) via[w] = k;
        heap.push(w, d);
      }
    }
  }
}

export function onShortestPath(du: number, dv: number, w: number): boolean {
  const d = dv + w;
  return du === d || Math.abs(du - d) <= 1e-12 * du;
}

/** A binary min-heap of node indices keyed by float priorities (lazy deletion). */
export class MinHeap {
  private keys: Float64Array;
  private items: Int32Array;
  size = 0;
  /** Scratch "settled" marks, one per node. */
  readonly mark: Uint8Array;

  constructor(capacity: number, nodes: number) {
    this.keys = new Float64Array(Math.max(4, capacity));
    this.items = new Int32Array(Math.max(4, capacity));
    this.mark = new Uint8Array(nodes);
  }

  clear(): void {
    this.size = 0;
  }

  push(item: number, key: number): void {
    if (this.size === this.items.length) {
      const k = new Float64Array(this.size * 2);
      k.set(this.keys);
      const it = new Int32Array(this.size * 2);
      it.set(this.items);
      this.keys = k;
      this.items = it;
    }
    let i = this.size++;
    const keys = this.keys;
    const items = this.items;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p]! <= key) break;
      keys[i] = keys[p]!;
      items[i] = items[p]!;
      i = p;
    }
    keys[i] = key;
    items[i] = item;
  }

  pop(): number {
    const keys = this.keys;
    const items = this.items;
    const top = items[0]!;
    const n = --this.size;
    const lastKey = keys[n]!;
    const lastItem = items[n]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && keys[c + 1]! < keys[c]!) c++;
      if (keys[c]! >= lastKey) break;
      keys[i] = keys[c]!;
      items[i] = items[c]!;
      i = c;
    }
    keys[i] = lastKey;
    items[i] = lastItem;
    return top;
  }
}
