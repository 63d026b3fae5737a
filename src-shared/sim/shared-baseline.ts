import { dagIsAcyclic, meanLatency } from './base-latency';
import type { CompiledGraph } from './csr';

/**
 * One routing baseline for all the workers of a sweep, instead of one each.
 * Every worker used to build the same distances, shortest-path DAGs and
 * through-flows for every destination (~0.1 s of CPU per worker on Sprint,
 * ~4 s on a 5,000-device hybrid, on the path before its first scenario). Now
 * the workers claim destinations from a shared counter, write each one's
 * state into a SharedArrayBuffer, wait until all are written, and read them
 * all from there: each computes about 1/k of it, and the states are held
 * once, not k times.
 *
 * The buffer holds exactly the engine's own per-destination state (distances,
 * through-flows, DAG offsets and positions) and nothing more: the baseline's
 * link loads are added up by every worker from it (replayLoads), bit-identical
 * to an engine built alone. A destination adds at most one term to each
 * directed link's load (the share of the one node on the link's tail side), so
 * only the destinations' order — ascending, as the engine adds them — decides
 * the sums, and each share is the same division flowOnDag made (its node's
 * final through-flow over its DAG fan-out — final because an acyclic DAG
 * gives a node no flow after it split its own: designs with a weight of ~0
 * are not shared, see attach).
 *
 * For an impact sweep it also holds each destination's baseline ECMP-mean
 * latencies (the evaluator's, 8 bytes × n each, ~0.9 s of CPU per worker on
 * the 5,000-device hybrid), computed by the worker that routed the
 * destination from the same shortest-path order: the same sums as
 * meanLatency's and meanLatencyOnDag's.
 *
 * Layout: a header of eight Int32 (next destination to claim, destinations
 * written, the DAG arena's next free position, 1 when latencies are kept, 1 when compact), one fixed block per
 * destination rank — dist f64[n], flow f64[n], dagOff i32[n + 1], meta i32[2]
 * (the DAG's start in the arena, its size) — then the arena: every
 * destination's DAG positions (i32), each reserved with one atomic add once
 * its size is known, then the latencies (f64[n] per destination) when kept. The arena is sized for the worst case (every DAG as large
 * as the adjacency) but filled from the front, and pages never written are
 * never backed by memory: what a sweep holds is about 20 n² bytes plus the
 * DAGs, as one engine's cache counts it (the earlier layout kept each
 * destination's load additions and shares too, ~2.1 GB on the 5,000-device
 * hybrid, too big to share).
 *
 * Compact (a design whose states all together pass the budget, such as a
 * 20,000-device hybrid's ~11 GB): the buffer is the budget itself, and the
 * engines keep in it only the states of the destinations that are no twin of
 * an earlier one (twin-states.ts: ~1,800 of ~20,000 there), laid out as above
 * by their rank among those; a twin's state is its leader's relabelled when
 * asked. A DAG then takes at most one direction of each link (no weight
 * near 0: attach's condition), so each arena part is m positions. No
 * latencies are kept (a twin's differ from its leader's).
 */

const HEADER_BYTES = 32;
const NEXT = 0;
const DONE = 1;
const TOP = 2;
const HAS_LATENCY = 3;
const COMPACT = 4;

/** The latencies are shared only within the evaluator's own latency cache budget (impact.ts DEFAULT_LATENCY_CACHE_BYTES). */
const SHARED_LATENCY_MAX_BYTES = 256 * 1024 * 1024;

function blockBytes(n: number): number {
  return Math.ceil((16 * n + 4 * (n + 1 + 2)) / 8) * 8;
}

/** Bytes of a shared baseline for `g` with up to `dests` destinations (the DAG arena at its worst case). */
export function sharedBaselineBytes(g: Pick<CompiledGraph, 'nodeIds' | 'targets'>, dests = g.nodeIds.length): number {
  return HEADER_BYTES + dests * blockBytes(g.nodeIds.length) + 4 * dests * g.targets.length;
}

/**
 * Above this, workers build their own baselines as before. It is the engine's
 * default cache budget (routing.ts): a shared baseline replaces one such cache
 * per worker, so it never holds more than one worker alone would.
 */
export const SHARED_BASELINE_MAX_BYTES = 1024 * 1024 * 1024;

/**
 * A fresh shared baseline for a sweep of `g` on several workers, or null when
 * it would be too big; with `latencies` (an impact sweep) it keeps the
 * baseline latencies too when they fit their budget.
 */
export function newSharedBaseline(g: Pick<CompiledGraph, 'nodeIds' | 'targets'>, latencies = false, maxBytes = SHARED_BASELINE_MAX_BYTES): SharedArrayBuffer | null {
  const bytes = sharedBaselineBytes(g);
  // Arena positions are Int32 indices.
  const arenaOk = g.nodeIds.length * g.targets.length < 2 ** 31;
  if (bytes > maxBytes || !arenaOk) {
    // Compact: the budget's bytes, of which only the pages the states are written into get memory.
    const buf = new SharedArrayBuffer(maxBytes - (maxBytes % 8));
    new Int32Array(buf, 0, 5)[COMPACT] = 1;
    return buf;
  }
  const n = g.nodeIds.length;
  const lat = latencies && 8 * n * n <= SHARED_LATENCY_MAX_BYTES ? 8 * n * n : 0;
  const buf = new SharedArrayBuffer(bytes + lat);
  if (lat > 0) new Int32Array(buf, 0, 5)[HAS_LATENCY] = 1;
  return buf;
}

/** Bytes of a compact shared baseline keeping `own` states (each DAG at most one position per link). */
export function compactBaselineBytes(g: Pick<CompiledGraph, 'nodeIds' | 'linkIds'>, own: number): number {
  return HEADER_BYTES + own * blockBytes(g.nodeIds.length) + 4 * own * g.linkIds.length;
}

/** One destination's state, as views on the shared buffer (slots: the arena from the DAG's start, `meta[1]` long once written). */
export interface SharedDestination {
  dist: Float64Array;
  flow: Float64Array;
  dagOff: Int32Array;
  meta: Int32Array;
}

export class SharedBaseline {
  private readonly header: Int32Array;
  private readonly block: number;
  private readonly arena: Int32Array;
  /** Baseline latencies of every destination (n each), or null when not kept. */
  private readonly lat: Float64Array | null;

  /**
   * Null when `buf` is not laid out for this graph, or when a weight within
   * float tolerance of 0 lets a DAG have a cycle (dagIsAcyclic): then a node
   * may receive flow after it split its own, its final through-flow is not
   * what it divided, and the loads cannot be replayed from the state. The
   * engine then builds its own, as every worker does for the same graph.
   */
  static attach(buf: SharedArrayBuffer, g: CompiledGraph, dests: number): SharedBaseline | null {
    const base = sharedBaselineBytes(g, dests);
    if (SharedBaseline.isCompact(buf) || buf.byteLength < base || !dagIsAcyclic(g.weights)) return null;
    const n = g.nodeIds.length;
    const lat = new Int32Array(buf, 0, 5)[HAS_LATENCY] === 1 && buf.byteLength >= base + 8 * n * dests;
    return new SharedBaseline(buf, n, g.targets.length, dests, lat ? base : -1);
  }

  /** True for a compact buffer (newSharedBaseline when every state does not fit): attachCompact, not attach. */
  static isCompact(buf: SharedArrayBuffer): boolean {
    return buf.byteLength >= HEADER_BYTES && new Int32Array(buf, 0, 5)[COMPACT] === 1;
  }

  /**
   * A compact buffer laid out for `own` states (the ranks of TwinStates.own),
   * or null when they do not fit it or a weight near 0 lets a DAG have a
   * cycle (see attach) or hold both directions of a link.
   */
  static attachCompact(buf: SharedArrayBuffer, g: CompiledGraph, own: number): SharedBaseline | null {
    const m = g.linkIds.length;
    if (!SharedBaseline.isCompact(buf) || buf.byteLength < compactBaselineBytes(g, own) || own * m >= 2 ** 31 || !dagIsAcyclic(g.weights)) return null;
    return new SharedBaseline(buf, g.nodeIds.length, m, own, -1);
  }

  private constructor(
    private readonly buf: SharedArrayBuffer,
    private readonly n: number,
    cap: number,
    dests: number,
    latAt: number,
  ) {
    this.header = new Int32Array(buf, 0, 5);
    this.block = blockBytes(n);
    this.arena = new Int32Array(buf, HEADER_BYTES + dests * this.block, dests * cap);
    this.lat = latAt < 0 ? null : new Float64Array(buf, latAt, n * dests);
  }

  /** The i-th destination's baseline latencies (written with its state), or null when the buffer does not keep them. */
  latency(i: number): Float64Array | null {
    return this.lat === null ? null : this.lat.subarray(i * this.n, (i + 1) * this.n);
  }

  /**
   * Writes the i-th destination's baseline latencies, when kept, from the
   * shortest-path order its state was routed in (meanLatency: the same sums,
   * in the same order, as the evaluator's own).
   */
  storeLatency(g: CompiledGraph, i: number, order: Int32Array, reached: number, d: SharedDestination, slots: Int32Array): void {
    const out = this.latency(i);
    if (out !== null) meanLatency(g, order, reached, d.dagOff, slots, out);
  }

  /** The next destination rank for this worker to compute (≥ the count when none is left). */
  claim(): number {
    return Atomics.add(this.header, NEXT, 1);
  }

  /** Destinations written so far, by every worker. */
  written(): number {
    return Atomics.load(this.header, DONE);
  }

  /** Copies a destination's DAG positions into the arena and notes where (meta). */
  storeDag(d: SharedDestination, slots: Int32Array, k: number): void {
    const at = Atomics.add(this.header, TOP, k);
    this.arena.set(slots.subarray(0, k), at);
    d.meta[0] = at;
    d.meta[1] = k;
  }

  /** A written destination's DAG positions. */
  dagSlots(d: SharedDestination): Int32Array {
    return this.arena.subarray(d.meta[0], d.meta[0]! + d.meta[1]!);
  }

  /** Says destination state written and wakes waiting workers. */
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
    const { n, buf } = this;
    let at = HEADER_BYTES + i * this.block;
    const dist = new Float64Array(buf, at, n);
    at += 8 * n;
    const flow = new Float64Array(buf, at, n);
    at += 8 * n;
    const dagOff = new Int32Array(buf, at, n + 1);
    at += 4 * (n + 1);
    const meta = new Int32Array(buf, at, 2);
    return { dist, flow, dagOff, meta };
  }
}

/**
 * Adds one destination's baseline loads into `load` as flowOnDag adds them:
 * each node with flow f and a DAG fan-out of b - a adds f / (b - a) to each
 * of its next-hop links (f is its final through-flow, which flowOnDag divides;
 * nodes without flow add nothing, as there). A destination adds one term per
 * directed link at most, so this order of nodes gives flowOnDag's bits.
 */
export function replayLoads(g: CompiledGraph, dagOff: Int32Array, slots: Int32Array, flow: Float64Array, load: Float64Array): void {
  const { edgeLink, linkSource } = g;
  const n = g.nodeIds.length;
  for (let u = 0; u < n; u++) {
    const a = dagOff[u]!;
    const b = dagOff[u + 1]!;
    const f = flow[u]!;
    if (b === a || f === 0) continue;
    const share = f / (b - a);
    for (let j = a; j < b; j++) {
      const e = edgeLink[slots[j]!]!;
      load[2 * e + (linkSource[e] === u ? 0 : 1)]! += share;
    }
  }
}
