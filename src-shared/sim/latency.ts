import type { CompiledGraph } from './csr';
import type { DestinationDelta, DestinationState, FailureMasks } from './incremental';
import type { Demands } from './ecmp';
import { onShortestPath } from './shortest';

/**
 * Where latency stretch values go: changed ratios (the first `count` of
 * `changed`, grown on demand and reused across scenarios: a real ISP's
 * scenario changes tens of thousands), and a count of demands whose ratio is 1.
 */
export class StretchSink {
  changed = new Float64Array(1024);
  count = 0;
  unchanged = 0;
  /**
   * Sorted runs of further changed ratios, shared by several scenarios and
   * kept by whoever computed them (impact-chains.ts): counted by
   * percentilesOfRuns without being copied here.
   */
  readonly runs: Float64Array[] = [];
  reset(): void {
    this.count = 0;
    this.unchanged = 0;
    this.runs.length = 0;
  }
  /** Adds an ascending run of ratios (not copied: it must stay unchanged until the scenario's percentiles are taken). */
  addRun(sorted: Float64Array): void {
    if (sorted.length > 0) this.runs.push(sorted);
  }
  push(r: number): void {
    if (this.count === this.changed.length) {
      const grown = new Float64Array(2 * this.changed.length);
      grown.set(this.changed);
      this.changed = grown;
    }
    this.changed[this.count++] = r;
  }
}

/**
 * Incremental ECMP-mean latency toward one destination after a failure.
 *
 * Mean latency L(u) = average over u's next hops of (link latency + L(next)).
 * It can change only at nodes whose next hops changed (lost one, or moved to
 * a longer distance) and at nodes upstream of them in the new DAG. Those
 * nodes are collected by a backward search from the changed ones and
 * recomputed by increasing new distance; every other node keeps its
 * baseline value. Cost: O(|A| log |A| + links around A) for A the changed set.
 */
export class LatencyDelta {
  private readonly inA: Uint8Array;
  private readonly list: Int32Array;
  private readonly key: Float64Array;
  private readonly lat: Float64Array;
  private len = 0;
  /** Run in which each node last got a new value (valueAfter). */
  private readonly stamp: Int32Array;
  private runs = 0;

  constructor(
    private readonly g: CompiledGraph,
    /**
     * Every weight above rounding of zero (dagIsAcyclic): a next hop is then
     * strictly nearer, so nodes at equal distance may be evaluated in any
     * order and long lists are bucket-sorted by distance alone.
     */
    private readonly acyclic = false,
  ) {
    const n = g.nodeIds.length;
    this.inA = new Uint8Array(n);
    this.list = new Int32Array(n);
    this.key = new Float64Array(n);
    this.lat = new Float64Array(n);
    this.stamp = new Int32Array(n);
  }

  /** The routers the last run collected (their new latencies by valueAfter): the first collectedCount() entries. */
  collectedList(): Int32Array {
    return this.list;
  }
  collectedCount(): number {
    return this.len;
  }

  /** u's latency after the last run: its new value when that run recomputed it, else its baseline. */
  valueAfter(u: number, base: Float64Array): number {
    return this.stamp[u] === this.runs ? this.lat[u]! : base[u]!;
  }

  private add(u: number): void {
    if (this.inA[u] === 1) return;
    this.inA[u] = 1;
    this.list[this.len++] = u;
  }

  /** Distance toward the destination after the failure (Infinity when failed or cut off). */
  private newD(x: number, dist: Float64Array, ch: DestinationDelta, fN: Uint8Array): number {
    return ch.moved(x) ? ch.movedDistance(x) : fN[x] === 1 ? Infinity : dist[x]!;
  }

  /** `demandTo`: demand(u, c) for every u, when the caller has it as an array (the same numbers, without a call each). */
  run(c: number, st: DestinationState, base: Float64Array, ch: DestinationDelta, f: FailureMasks, traffic: Demands, sink: StretchSink, demandTo?: Float64Array): void {
    // Steps as methods of their own: one function took Turbofan ~0.1 s to compile per sweep worker.
    this.collect(st.dist, ch, f);
    this.recompute(c, st, base, ch, f);
    this.stretch(c, base, traffic, sink, demandTo);
  }

  /**
   * run(), keeping the changed routers for again() until release(): a
   * pendant router below c (pendant.ts) is reached from every router outside
   * its tree along c's routes, at distances a constant apart — the same
   * changed routers, next hops and evaluation order, only other latencies.
   */
  runKeeping(c: number, st: DestinationState, base: Float64Array, ch: DestinationDelta, f: FailureMasks, traffic: Demands, sink: StretchSink): void {
    this.collect(st.dist, ch, f);
    this.recompute(c, st, base, ch, f);
    this.ratios(c, base, traffic, sink);
  }

  /**
   * The kept routers' latencies toward c2 (whose baseline latencies are
   * base2), a pendant router below the last runKeeping's destination: the
   * same sums with c2's values where a next hop kept its route, so each is
   * what a run toward c2 computes. Their ratios into the sink.
   */
  again(c2: number, st: DestinationState, base2: Float64Array, ch: DestinationDelta, f: FailureMasks, traffic: Demands, sink: StretchSink): void {
    this.recompute(c2, st, base2, ch, f);
    this.ratios(c2, base2, traffic, sink);
  }

  /** Clears the routers runKeeping kept. */
  release(): void {
    for (let i = 0; i < this.len; i++) this.inA[this.list[i]!] = 0;
  }

  /** stretch() without clearing the set. */
  private ratios(c: number, base: Float64Array, traffic: Demands, sink: StretchSink): void {
    const a = this.list;
    const len = this.len;
    const lat = this.lat;
    for (let i = 0; i < len; i++) {
      const u = a[i]!;
      if (u !== c && !Number.isNaN(base[u]!) && traffic.demand(u, c) > 0) {
        sink.unchanged--;
        if (Number.isNaN(lat[u]!)) continue;
        const r = base[u]! > 0 ? lat[u]! / base[u]! : 1;
        if (Math.abs(r - 1) <= 1e-12) sink.unchanged++;
        else sink.push(r);
      }
    }
  }

  /** The nodes whose latency may change: route changed, and their upstream closure over new-DAG links; ordered for evaluation. */
  private collect(dist: Float64Array, ch: DestinationDelta, f: FailureMasks): void {
    const { offsets, targets, edgeLink, weights } = this.g;
    const fN = f.nodes;
    const fL = f.links;
    const inA = this.inA;
    const key = this.key;
    this.len = 0;
    const changed = ch.changedList();
    const changedCount = ch.changedCount();
    for (let i = 0; i < changedCount; i++) {
      const u = changed[i]!;
      if (fN[u] !== 1 && ch.routeChanged(u)) this.add(u);
    }
    // Upstream closure over new-DAG links.
    for (let qi = 0; qi < this.len; qi++) {
      const u = this.list[qi]!;
      const du = this.newD(u, dist, ch, fN);
      if (du === Infinity) continue;
      for (let s = offsets[u]!; s < offsets[u + 1]!; s++) {
        const p = targets[s]!;
        const e = edgeLink[s]!;
        if (inA[p] === 1 || fN[p] === 1 || fL[e] === 1) continue;
        if (onShortestPath(this.newD(p, dist, ch, fN), du, weights[e]!)) this.add(p);
      }
    }
    const a = this.list;
    const len = this.len;
    for (let i = 0; i < len; i++) key[a[i]!] = this.newD(a[i]!, dist, ch, fN);
    if (!(this.acyclic && len > 48 && sortByWholeKey(a, len, key))) sortByKeyThenIndex(a, len, key);
  }

  /** New latencies of the collected nodes, by increasing new distance (next hops first). */
  private recompute(c: number, st: DestinationState, base: Float64Array, ch: DestinationDelta, f: FailureMasks): void {
    const { offsets, targets, edgeLink, weights, latencies } = this.g;
    const { dist, dagOff, slots } = st;
    const fN = f.nodes;
    const fL = f.links;
    const inA = this.inA;
    const key = this.key;
    const a = this.list;
    const len = this.len;
    const lat = this.lat;
    const run = ++this.runs;
    for (let i = 0; i < len; i++) {
      const u = a[i]!;
      this.stamp[u] = run;
      const du = key[u]!;
      if (u === c) {
        lat[u] = 0;
        continue;
      }
      if (du === Infinity) {
        lat[u] = NaN;
        continue;
      }
      let sum = 0;
      let k = 0;
      if (ch.moved(u)) {
        for (let s = offsets[u]!; s < offsets[u + 1]!; s++) {
          const w = targets[s]!;
          if (fN[w] === 1 || fL[edgeLink[s]!] === 1) continue;
          if (!onShortestPath(du, this.newD(w, dist, ch, fN), weights[edgeLink[s]!]!)) continue;
          sum += latencies[edgeLink[s]!]! + (inA[w] === 1 ? lat[w]! : base[w]!);
          k++;
        }
      } else {
        for (let j = dagOff[u]!; j < dagOff[u + 1]!; j++) {
          const s = slots[j]!;
          const w = targets[s]!;
          if (fN[w] === 1 || fL[edgeLink[s]!] === 1 || ch.moved(w)) continue;
          sum += latencies[edgeLink[s]!]! + (inA[w] === 1 ? lat[w]! : base[w]!);
          k++;
        }
      }
      lat[u] = k > 0 ? sum / k : NaN;
    }
  }

  /** Each collected node's demand to c: its stretch ratio into the sink (1 counts as unchanged); clears the set. */
  private stretch(c: number, base: Float64Array, traffic: Demands, sink: StretchSink, demandTo: Float64Array | undefined): void {
    const inA = this.inA;
    const a = this.list;
    const len = this.len;
    const lat = this.lat;
    for (let i = 0; i < len; i++) {
      const u = a[i]!;
      inA[u] = 0;
      if (u !== c && !Number.isNaN(base[u]!) && (demandTo !== undefined ? demandTo[u]! : traffic.demand(u, c)) > 0) {
        sink.unchanged--; // it was counted among the destination's demands
        if (Number.isNaN(lat[u]!)) continue; // cut off: stranded, not stretched
        const r = base[u]! > 0 ? lat[u]! / base[u]! : 1;
        if (Math.abs(r - 1) <= 1e-12) sink.unchanged++;
        else sink.push(r);
      }
    }
  }
}

/**
 * Sorts node indices by (key, index) ascending. Most failures change a handful
 * of nodes per destination: an insertion sort then; longer lists (a hub's
 * failure moves hundreds) by runs of 32 insertion-sorted and merged, without
 * the callback a comparator sort calls per comparison. (key, index) is a total
 * order, so any correct sort gives this one order.
 */
export function sortByKeyThenIndex(a: Int32Array, len: number, key: Float64Array): void {
  // Whole-number keys (hop counts, integer metrics): one numeric typed-array sort of packed (key, index).
  if (len > 48 && sortPacked(a, len, key)) return;
  const RUN = 32;
  for (let lo = 0; lo < len; lo += RUN) insertionSort(a, lo, Math.min(len, lo + RUN), key);
  if (len <= RUN) return;
  if (mergeScratch.length < len) mergeScratch = new Int32Array(2 * len);
  let src: Int32Array = a;
  let dst: Int32Array = mergeScratch;
  for (let width = RUN; width < len; width *= 2) {
    for (let lo = 0; lo < len; lo += 2 * width) {
      const mid = Math.min(len, lo + width);
      const hi = Math.min(len, lo + 2 * width);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        const x = src[i]!;
        const y = src[j]!;
        const kx = key[x]!;
        const ky = key[y]!;
        if (ky < kx || (ky === kx && y < x)) {
          dst[k++] = y;
          j++;
        } else {
          dst[k++] = x;
          i++;
        }
      }
      while (i < mid) dst[k++] = src[i++]!;
      while (j < hi) dst[k++] = src[j++]!;
    }
    [src, dst] = [dst, src];
  }
  if (src !== a) a.set(src.subarray(0, len));
}

let mergeScratch = new Int32Array(0);

/** Insertion sort of a[lo..hi) by (key, index). */
function insertionSort(a: Int32Array, lo: number, hi: number, key: Float64Array): void {
  for (let i = lo + 1; i < hi; i++) {
    const x = a[i]!;
    const kx = key[x]!;
    let j = i - 1;
    while (j >= lo) {
      const y = a[j]!;
      const ky = key[y]!;
      if (ky < kx || (ky === kx && y < x)) break;
      a[j + 1] = y;
      j--;
    }
    a[j + 1] = x;
  }
}

let packed = new Float64Array(0);

/**
 * The same order without a comparator callback when every key is a whole
 * number below 2^31 or Infinity (hop counts, integer IGP metrics) and indices are below
 * 2^21: key · 2^21 + index is then an exact double, and a numeric typed-array
 * sort of those orders by (key, index) exactly. On a chain graph whose
 * failures move hundreds of nodes per destination the comparator sort was a
 * quarter of the impact sweep. Returns false (nothing changed) otherwise.
 */
function sortPacked(a: Int32Array, len: number, key: Float64Array): boolean {
  if (packed.length < len) packed = new Float64Array(Math.max(len, 2 * packed.length));
  for (let i = 0; i < len; i++) {
    const x = a[i]!;
    // Cut-off nodes (Infinity) sort after every finite key, by index among themselves, as the comparator puts them.
    const k = key[x] === Infinity ? 2147483648 : key[x]!;
    if (!(k >= 0 && k <= 2147483648 && Math.floor(k) === k) || x >= 2097152) return false;
    packed[i] = k * 2097152 + x;
  }
  const p = packed.subarray(0, len).sort();
  for (let i = 0; i < len; i++) a[i] = p[i]! % 2097152;
  return true;
}

let counts = new Int32Array(0);
let placed = new Int32Array(0);

/**
 * Counting sort of a[0..len) by key ascending (Infinity last), ties in any
 * order, when every finite key is a whole number below 4·len + 64 (hop
 * counts, small integer metrics): O(len + largest key). Returns false
 * (nothing changed) otherwise.
 */
export function sortByWholeKey(a: Int32Array, len: number, key: Float64Array): boolean {
  const cap = 4 * len + 64;
  let top = 0;
  for (let i = 0; i < len; i++) {
    const k = key[a[i]!]!;
    if (k === Infinity) continue;
    if (!(k >= 0 && k < cap && Math.floor(k) === k)) return false;
    if (k > top) top = k;
  }
  // Bucket top + 1 holds Infinity.
  if (counts.length < top + 3) counts = new Int32Array(Math.max(top + 3, 2 * counts.length));
  if (placed.length < len) placed = new Int32Array(Math.max(len, 2 * placed.length));
  counts.fill(0, 0, top + 3);
  for (let i = 0; i < len; i++) {
    const k = key[a[i]!]!;
    counts[(k === Infinity ? top + 1 : k) + 1]!++;
  }
  for (let b = 1; b < top + 3; b++) counts[b]! += counts[b - 1]!;
  for (let i = 0; i < len; i++) {
    const x = a[i]!;
    const k = key[x]!;
    placed[counts[k === Infinity ? top + 1 : k]!++] = x;
  }
  a.set(placed.subarray(0, len));
  return true;
}
