import type { CompiledGraph } from '../sim/csr';
import type { DesignIndex } from './design-index';

/**
 * Site-to-site distances for the hop and latency checks: for every site
 * pair, the fewest hops (BFS) and the lowest one-way latency (Dijkstra on
 * link latency) between any device of one and any device of the other.
 *
 * All-pairs by a cover trick: pick a maximal independent set I (greedy,
 * lowest degree first) and run BFS/Dijkstra only from the other nodes C.
 * Every neighbour of a node v ∈ I is in C, and a shortest path from v starts
 * with some neighbour u, so dist(v, t) = min over u of w(v, u) + dist(u, t)
 * (Bellman's equation). Branch routers, leaves and ring halves fall in I, so
 * a 2,000-site hybrid runs ~150 searches instead of 2,000.
 *
 * `visit(s, t, hops, ms)` is called once per unordered site pair s < t with
 * hops = Infinity when they cannot reach each other.
 * Site-level rows: for a cover node c, row[c][T] = min over T's devices;
 * for v outside the cover, dist(v, T) = min_u w(v, u) + row[u][T] (exact for
 * every site T not holding v).
 * Rows are cached, least recently used out, within `maxRowEntries` per
 * metric (32 MB of Float64 by default); sites come in input order, so
 * neighbouring sites (same region, same hubs) reuse the same rows.
 * Complexity: O(|C|·(m + n log n) + (Σ_v deg v) · sites) time when the rows
 * fit (each evicted row needed again costs one more search),
 * O(min(|C|, maxRowEntries / sites) · sites) memory.
 */
export const DEFAULT_MAX_ROW_ENTRIES = 4_000_000;

export function forEachSitePair(
  x: DesignIndex,
  visit: (s: number, t: number, hops: number, ms: number) => void,
  maxRowEntries = DEFAULT_MAX_ROW_ENTRIES,
  /** Called after each site with the site pairs done so far and in all (a large design takes minutes). */
  onPairs?: (done: number, total: number) => void,
): void {
  const { g } = x;
  const n = g.nodeIds.length;
  const S = x.siteNodes.length;
  const cover = coverNodes(g);
  const inCover = new Uint8Array(n);
  for (const c of cover) inCover[c] = 1;
  /** Cover nodes whose rows site s needs: its own cover devices and the neighbours of the others. */
  const needed = (s: number): number[] => {
    const out = new Set<number>();
    for (const v of x.siteNodes[s]!) {
      if (inCover[v] === 1) out.add(v);
      else for (let k = g.offsets[v]!; k < g.offsets[v + 1]!; k++) out.add(g.targets[k]!);
    }
    return [...out];
  };
  let maxNeeded = 1;
  for (let s = 0; s < S; s++) maxNeeded = Math.max(maxNeeded, needed(s).length);
  // Rows live in a bounded cache (least recently used out): all of them when
  // they fit in maxRowEntries, else as many as fit (never fewer than one site needs).
  const slots = Math.max(1, Math.min(cover.length, Math.max(maxNeeded, Math.floor(maxRowEntries / Math.max(1, S)))));
  const hopRows = new Float64Array(slots * S);
  const latRows = new Float64Array(slots * S);
  const slotOf = new Int32Array(n).fill(-1);
  const slotNode = new Int32Array(slots).fill(-1);
  const lastUse = new Int32Array(slots).fill(-1);
  let used = 0;
  const heap = new MinHeap(2 * g.linkIds.length + n + 1);
  const nodeHop = new Float64Array(n);
  const nodeLat = new Float64Array(n);
  /** Distances from cover node c to each site (min over the site's devices), in a cache slot. */
  const ensure = (c: number, stamp: number): void => {
    if (slotOf[c]! >= 0) {
      lastUse[slotOf[c]!] = stamp;
      return;
    }
    let i = used < slots ? used++ : -1;
    if (i < 0) {
      for (let k = 0; k < slots; k++) if (lastUse[k]! < stamp && (i < 0 || lastUse[k]! < lastUse[i]!)) i = k;
      slotOf[slotNode[i]!] = -1;
    }
    slotOf[c] = i;
    slotNode[i] = c;
    lastUse[i] = stamp;
    bfs(g, c, nodeHop);
    dijkstra(g, c, nodeLat, heap);
    hopRows.fill(Infinity, i * S, (i + 1) * S);
    latRows.fill(Infinity, i * S, (i + 1) * S);
    for (let v = 0; v < n; v++) {
      const k = i * S + x.nodeSite[v]!;
      if (nodeHop[v]! < hopRows[k]!) hopRows[k] = nodeHop[v]!;
      if (nodeLat[v]! < latRows[k]!) latRows[k] = nodeLat[v]!;
    }
  };
  const hop = new Float64Array(S);
  const lat = new Float64Array(S);
  for (let s = 0; s < S; s++) {
    const members = x.siteNodes[s]!;
    if (members.length === 0) continue;
    hop.fill(Infinity);
    lat.fill(Infinity);
    for (const c of needed(s)) ensure(c, s);
    for (const v of members) {
      const r = inCover[v] === 1 ? slotOf[v]! : -1;
      if (r >= 0) {
        for (let t = s + 1; t < S; t++) {
          if (hopRows[r * S + t]! < hop[t]!) hop[t] = hopRows[r * S + t]!;
          if (latRows[r * S + t]! < lat[t]!) lat[t] = latRows[r * S + t]!;
        }
        continue;
      }
      // v is outside the cover: every neighbour u is in it, dist(v, T) = min_u w(v,u) + dist(u, T).
      for (let k = g.offsets[v]!; k < g.offsets[v + 1]!; k++) {
        const base = slotOf[g.targets[k]!]! * S;
        const w = g.latencies[g.edgeLink[k]!]!;
        for (let t = s + 1; t < S; t++) {
          const h = hopRows[base + t]! + 1;
          if (h < hop[t]!) hop[t] = h;
          const l = latRows[base + t]! + w;
          if (l < lat[t]!) lat[t] = l;
        }
      }
    }
    for (let t = s + 1; t < S; t++) {
      if (x.siteNodes[t]!.length > 0) visit(s, t, hop[t]!, lat[t]!);
    }
    onPairs?.(pairsDone(s + 1, S), pairsDone(S, S));
  }
}

/** Unordered pairs (s, t), s < t, whose s is one of the first `sites` of `S`. */
const pairsDone = (sites: number, S: number): number => (sites * (2 * S - sites - 1)) / 2;

/** Complement of a greedy maximal independent set (lowest degree first, then index). */
function coverNodes(g: CompiledGraph): number[] {
  const n = g.nodeIds.length;
  const byDegree = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => g.offsets[a + 1]! - g.offsets[a]! - (g.offsets[b + 1]! - g.offsets[b]!) || a - b,
  );
  const inI = new Uint8Array(n);
  const blocked = new Uint8Array(n);
  for (const v of byDegree) {
    if (blocked[v] === 1) continue;
    inI[v] = 1;
    for (let k = g.offsets[v]!; k < g.offsets[v + 1]!; k++) blocked[g.targets[k]!] = 1;
  }
  const cover: number[] = [];
  for (let v = 0; v < n; v++) if (inI[v] === 0) cover.push(v);
  return cover;
}

function bfs(g: CompiledGraph, s: number, dist: Float64Array): void {
  dist.fill(Infinity);
  const queue = new Int32Array(g.nodeIds.length);
  let head = 0;
  let tail = 0;
  dist[s] = 0;
  queue[tail++] = s;
  while (head < tail) {
    const u = queue[head++]!;
    const du = dist[u]! + 1;
    for (let k = g.offsets[u]!; k < g.offsets[u + 1]!; k++) {
      const v = g.targets[k]!;
      if (dist[v] === Infinity) {
        dist[v] = du;
        queue[tail++] = v;
      }
    }
  }
}

/** Dijkstra (1959) with a binary heap and lazy deletion: O((n + m) log n). */
function dijkstra(g: CompiledGraph, s: number, dist: Float64Array, heap: MinHeap): void {
  dist.fill(Infinity);
  dist[s] = 0;
  heap.clear();
  heap.push(0, s);
  while (heap.size > 0) {
    const d = heap.topKey();
    const u = heap.pop();
    if (d > dist[u]!) continue;
    for (let k = g.offsets[u]!; k < g.offsets[u + 1]!; k++) {
      const v = g.targets[k]!;
      const nd = d + g.latencies[g.edgeLink[k]!]!;
      if (nd < dist[v]!) {
        dist[v] = nd;
        heap.push(nd, v);
      }
    }
  }
}

/** A binary min-heap of (key, node) on typed arrays. */
class MinHeap {
  private readonly keys: Float64Array;
  private readonly vals: Int32Array;
  size = 0;
  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.vals = new Int32Array(capacity);
  }
  clear(): void {
    this.size = 0;
  }
  topKey(): number {
    return this.keys[0]!;
  }
  push(key: number, val: number): void {
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.keys[p]! <= key) break;
      this.keys[i] = this.keys[p]!;
      this.vals[i] = this.vals[p]!;
      i = p;
    }
    this.keys[i] = key;
    this.vals[i] = val;
  }
  pop(): number {
    const top = this.vals[0]!;
    const key = this.keys[--this.size]!;
    const val = this.vals[this.size]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= this.size) break;
      if (c + 1 < this.size && this.keys[c + 1]! < this.keys[c]!) c++;
      if (this.keys[c]! >= key) break;
      this.keys[i] = this.keys[c]!;
      this.vals[i] = this.vals[c]!;
      i = c;
    }
    this.keys[i] = key;
    this.vals[i] = val;
    return top;
  }
}
