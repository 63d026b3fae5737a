import type { CompiledGraph } from './csr';

/**
 * One routing baseline for all the workers of a sweep, instead of one each.
 * Every worker used to build the same distances, shortest-path DAGs and
 * through-flows for every destination (~0.1 s of CPU per worker on Sprint, on
 * the path before its first scenario). Now the workers claim destinations
 * from a shared counter, write each one's state into a SharedArrayBuffer,
 * wait until all are written, and read them all from there: each computes
 * about 1/k of it, and the states are held once, not k times.
 *
 * The baseline's link loads are then added up by every worker in exactly the
 * order RoutingEngine adds them (destinations ascending; per destination the
 * nodes farthest first, each node's DAG positions in order), from the share
 * flowOnDag recorded for each DAG position — the same additions of the same
 * numbers, so the loads are bit-identical to an engine built alone.
 *
 * Layout: a header of two Int32 (next destination to claim, destinations
 * written), then one block per destination rank: dist f64[n], flow f64[n],
 * shares f64[cap] (then the load additions' values), dagOff i32[n + 1],
 * order i32[n], meta i32[2] (reached, DAG size), slots i32[cap], addAt
 * i32[cap] (the additions' load indices), where cap = the graph's directed
 * adjacency size.
 */

const HEADER_BYTES = 16;
const NEXT = 0;
const DONE = 1;

function blockBytes(n: number, cap: number): number {
  const bytes = 8 * (2 * n + cap) + 4 * (n + 1 + n + 2 + 2 * cap);
  return Math.ceil(bytes / 8) * 8;
}

/** Bytes of a shared baseline for `g` with up to `dests` destinations. */
export function sharedBaselineBytes(g: Pick<CompiledGraph, 'nodeIds' | 'targets'>, dests = g.nodeIds.length): number {
  return HEADER_BYTES + dests * blockBytes(g.nodeIds.length, g.targets.length);
}

/** Above this, workers build their own baselines as before (a bigger one is the engine's cache budget's business). */
export const SHARED_BASELINE_MAX_BYTES = 512 * 1024 * 1024;

/** A fresh shared baseline for a sweep of `g` on several workers, or null when it would be too big. */
export function newSharedBaseline(g: Pick<CompiledGraph, 'nodeIds' | 'targets'>): SharedArrayBuffer | null {
  const bytes = sharedBaselineBytes(g);
  return bytes <= SHARED_BASELINE_MAX_BYTES ? new SharedArrayBuffer(bytes) : null;
}

/** One destination's state, as views on the shared buffer. */
export interface SharedDestination {
  dist: Float64Array;
  flow: Float64Array;
  shares: Float64Array;
  dagOff: Int32Array;
  order: Int32Array;
  meta: Int32Array;
  slots: Int32Array;
  addAt: Int32Array;
}

export class SharedBaseline {
  private readonly header: Int32Array;
  private readonly block: number;

  /** Null when `buf` is not laid out for this graph (then the engine builds its own). */
  static attach(buf: SharedArrayBuffer, g: CompiledGraph, dests: number): SharedBaseline | null {
    return buf.byteLength >= sharedBaselineBytes(g, dests) ? new SharedBaseline(buf, g.nodeIds.length, g.targets.length) : null;
  }

  private constructor(
    private readonly buf: SharedArrayBuffer,
    private readonly n: number,
    private readonly cap: number,
  ) {
    this.header = new Int32Array(buf, 0, 4);
    this.block = blockBytes(n, cap);
  }

  /** The next destination rank for this worker to compute (≥ the count when none is left). */
  claim(): number {
    return Atomics.add(this.header, NEXT, 1);
  }

  /** Destinations written so far, by every worker. */
  written(): number {
    return Atomics.load(this.header, DONE);
  }

  /** Says destination state written (reached nodes, DAG size in meta) and wakes waiting workers. */
  finish(): number {
    const done = Atomics.add(this.header, DONE, 1) + 1;
    Atomics.notify(this.header, DONE);
    return done;
  }

  /**
   * Waits until `total` destinations are written. `alive` is asked every
   * 20 ms (cancel, progress); false stops the wait and returns false.
   */
  waitAll(total: number, alive: () => boolean): boolean {
    for (;;) {
      const done = Atomics.load(this.header, DONE);
      if (done >= total) return true;
      if (!alive()) return false;
      Atomics.wait(this.header, DONE, done, 20);
    }
  }

  views(i: number): SharedDestination {
    const { n, cap, buf } = this;
    let at = HEADER_BYTES + i * this.block;
    const dist = new Float64Array(buf, at, n);
    at += 8 * n;
    const flow = new Float64Array(buf, at, n);
    at += 8 * n;
    const shares = new Float64Array(buf, at, cap);
    at += 8 * cap;
    const dagOff = new Int32Array(buf, at, n + 1);
    at += 4 * (n + 1);
    const order = new Int32Array(buf, at, n);
    at += 4 * n;
    const meta = new Int32Array(buf, at, 2);
    at += 8;
    const slots = new Int32Array(buf, at, cap);
    at += 4 * cap;
    const addAt = new Int32Array(buf, at, cap);
    return { dist, flow, shares, dagOff, order, meta, slots, addAt };
  }
}

/**
 * Puts one destination's load additions in the order flowOnDag makes them:
 * nodes farthest first (order[reached - 1] … order[1]), each node's DAG
 * positions in order, each the share flowOnDag recorded, as (load index,
 * value) pairs in `addAt` and `shares` (the shares read from a copy, as
 * pairs are written in another order than positions). Done by the worker
 * that computed the destination, so every worker's replay (replayLoads) is
 * one tight pass. Positions of a node with
 * no flow, which flowOnDag skips, were never written and hold the buffer's
 * initial +0: adding +0 leaves every load as it is (loads are sums of
 * non-negative shares from +0, never -0), so adding them gives the same bits
 * as skipping them.
 */
export function orderLoads(g: CompiledGraph, d: SharedDestination, scratch: Float64Array): void {
  const { edgeLink, linkSource } = g;
  const { order, dagOff, shares, slots, addAt } = d;
  const k = d.meta[1]!;
  scratch.set(shares.subarray(0, k));
  let p = 0;
  for (let i = d.meta[0]! - 1; i >= 1; i--) {
    const u = order[i]!;
    const b = dagOff[u + 1]!;
    for (let j = dagOff[u]!; j < b; j++) {
      const e = edgeLink[slots[j]!]!;
      addAt[p] = 2 * e + (linkSource[e] === u ? 0 : 1);
      shares[p++] = scratch[j]!;
    }
  }
  // Every DAG position belongs to a reached node other than the destination, so p === k here.
  addAt.fill(-1, p, k);
}

/** Adds one destination's baseline loads into `load`, in flowOnDag's order (orderLoads). */
export function replayLoads(d: SharedDestination, load: Float64Array): void {
  const { addAt, shares } = d;
  const k = d.meta[1]!;
  for (let p = 0; p < k; p++) {
    const at = addAt[p]!;
    if (at >= 0) load[at]! += shares[p]!;
  }
}
