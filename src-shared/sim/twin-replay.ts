import type { CompiledGraph } from './csr';
import type { DestinationDelta, FailureMasks } from './incremental';
import { LoadOpLog, type SlotDelta } from './slot-delta';
import type { LatencyDelta, StretchSink } from './latency';
import type { TrafficMatrix } from './traffic';

/**
 * Twin destinations in the impact sweep's per-destination repair.
 *
 * Two routers s and t are twins when their links go to the same neighbours
 * with the same IGP weights (one link each), every link of each has one
 * latency (ℓ_s, ℓ_t: they may differ), and the traffic treats them alike
 * (TrafficMatrix.interchangeable). Swapping s and t is then an automorphism
 * of the weighted graph and of the demands; a failure that touches neither
 * (nor a link of theirs, but those of a failed neighbour) is left unchanged
 * by it. So toward t every router takes the swapped routes it takes toward
 * s, and:
 *
 * - loads: the load change toward t is s's, each directed link's value moved
 *   to the swapped link — the re-flow's additions for s are logged in order
 *   (LoadOpLog) and added again on the swapped links;
 * - stretch: every path toward s ends in one of s's links, toward t in one of
 *   t's, and t is never a transit router toward s (each neighbour y of t is
 *   one of s's, so y reaches s in w(y, s) = w(y, t) < w(y, t) + d(t, s) with
 *   weights above zero; a link y–s is down only with y), so a router's
 *   latency toward t is its latency toward s plus ℓ_t − ℓ_s, before and
 *   after alike: its change is s's, its baseline t's own. The pair's own
 *   demand (t toward s, s toward t) takes the same paths mirrored: the same
 *   ratio.
 *
 * The generated hybrid's ~4,700 dual-homed edge routers fall into ~400 such
 * classes (one per distribution pair), each a run of consecutive indices:
 * within a block the sweep keeps, per scenario, the last computed member of a
 * class and replays it for the next members, so the per-destination order of
 * every addition is unchanged. The same sums as a repair of t in real
 * arithmetic; in floating point a value may round differently where the
 * same shares are summed in another order (at a common neighbour), and a
 * latency is s's change added to t's baseline: differences at the level of
 * rounding, far inside the 1e-9 the tests allow.
 */
export class TwinReplay {
  /** Destinations answered from a twin's log, by outcome (benches read them). */
  readonly counts = { replayed: 0, untouched: 0 };
  private readonly logs: TwinLog[] = [];
  private readonly linkMap: Int32Array;
  private readonly pairS: number[] = [];
  private readonly pairT: number[] = [];

  private constructor(
    private readonly g: CompiledGraph,
    private readonly traffic: TrafficMatrix,
    /** Per destination index: its twin class, -1 for none. */
    readonly classOf: Int32Array,
  ) {
    this.linkMap = new Int32Array(g.linkIds.length).fill(-1);
  }

  /**
   * Twin classes among the destinations `usable` admits, or null when there
   * are none (or the traffic cannot say which routers are interchangeable).
   */
  static build(g: CompiledGraph, traffic: TrafficMatrix, dests: Int32Array, usable: (i: number) => boolean): TwinReplay | null {
    const classOf = twinClasses(g, traffic, dests, usable);
    return classOf === null ? null : new TwinReplay(g, traffic, classOf);
  }

  /** Forgets every scenario's log: a block's scenario k is not the last block's. */
  startBlock(scenarios: number): void {
    while (this.logs.length < scenarios) this.logs.push(new TwinLog());
    for (let k = 0; k < scenarios; k++) this.logs[k]!.cls = -1;
  }

  /**
   * c is up and every failed link at c goes to a failed router (which takes
   * its twin link at each twin down too): the swap of c with a twin that
   * passes the same test leaves f as it is.
   */
  private invariantAt(c: number, f: FailureMasks): boolean {
    if (f.nodes[c] === 1) return false;
    const { linkSource, linkTarget } = this.g;
    for (const e of f.linkList) {
      const a = linkSource[e]!;
      const b = linkTarget[e]!;
      if ((a === c && f.nodes[b] !== 1) || (b === c && f.nodes[a] !== 1)) return false;
    }
    return true;
  }

  /**
   * Scenario k toward destination c (twin class cls) answered from the log
   * of a twin: 0 when it cannot be (route c as usual), 1 when the failure
   * touches none of c's routes, 2 when its loads and stretch were added.
   */
  replay(k: number, cls: number, c: number, f: FailureMasks, delta: SlotDelta, sink: StretchSink, baseT: Float64Array | null): number {
    const log = this.logs[k]!;
    if (log.cls !== cls || baseT === null || !this.invariantAt(c, f) || !this.traffic.interchangeable!(log.node, c)) return 0;
    if (!log.touched) {
      this.counts.untouched++;
      return 1;
    }
    this.counts.replayed++;
    const s = log.node;
    this.mapLinks(s, c);
    const { linkSource, linkTarget } = this.g;
    const map = this.linkMap;
    const outv = delta.value;
    const ops = log.ops;
    for (let j = 0; j < ops.length; j++) {
      const x = ops.slot[j]!;
      const e = x >> 1;
      const e2 = map[e]!;
      if (e2 < 0) {
        outv[x]! += ops.value[j]!;
        continue;
      }
      const tail = (x & 1) === 0 ? linkSource[e]! : linkTarget[e]!;
      const tail2 = tail === s ? c : tail === c ? s : tail;
      outv[2 * e2 + (linkSource[e2] === tail2 ? 0 : 1)]! += ops.value[j]!;
    }
    this.unmapLinks();
    const t = this.traffic;
    for (let j = 0; j < log.len; j++) {
      const u = log.u[j]!;
      if (u === s) continue;
      const v = u === c ? s : u;
      const b = baseT[v]!;
      if (Number.isNaN(b) || t.demand(v, c) <= 0) continue;
      sink.unchanged--; // counted among c's demands
      const nl = log.after[j]!;
      if (Number.isNaN(nl)) continue; // cut off: stranded, not stretched
      let r: number;
      if (u === c) r = log.before[j]! > 0 ? nl / log.before[j]! : 1;
      else r = b > 0 ? (nl - log.before[j]! + b) / b : 1;
      if (Math.abs(r - 1) <= 1e-12) sink.unchanged++;
      else sink.push(r);
    }
    return 2;
  }

  /** Scenario k toward c (class cls) touches none of c's routes: its twins' neither, when f leaves c alone. */
  untouched(k: number, cls: number, c: number, f: FailureMasks): void {
    if (!this.invariantAt(c, f)) return; // a log of another twin stays valid: f leaves both alone
    const log = this.logs[k]!;
    log.cls = cls;
    log.node = c;
    log.touched = false;
  }

  /** Before repairing c under scenario k: log its load changes when its twins may replay them (true), else forget the log. */
  begin(k: number, cls: number, c: number, f: FailureMasks, ch: DestinationDelta): boolean {
    if (!this.invariantAt(c, f)) return false;
    const log = this.logs[k]!;
    log.cls = -1;
    log.ops.length = 0;
    ch.opLog = log.ops;
    log.node = c;
    log.pending = cls;
    return true;
  }

  /** The repair of c logged by begin() touched nothing. */
  nothing(k: number, ch: DestinationDelta): void {
    ch.opLog = null;
    const log = this.logs[k]!;
    log.cls = log.pending;
    log.touched = false;
  }

  /** After the repair and latency run of c logged by begin(): keeps the new latencies of the routers it collected. */
  end(k: number, ch: DestinationDelta, lat: LatencyDelta, base: Float64Array): void {
    ch.opLog = null;
    const log = this.logs[k]!;
    const list = lat.collectedList();
    const len = lat.collectedCount();
    log.grow(len);
    for (let j = 0; j < len; j++) {
      const u = list[j]!;
      log.u[j] = u;
      log.after[j] = lat.valueAfter(u, base);
      log.before[j] = base[u]!;
    }
    log.len = len;
    log.touched = true;
    log.cls = log.pending;
  }

  /** linkMap: each link of s to its twin link of t (the same neighbour) and back. */
  private mapLinks(s: number, t: number): void {
    const { offsets, targets, edgeLink } = this.g;
    for (let a = offsets[s]!; a < offsets[s + 1]!; a++) {
      for (let b = offsets[t]!; b < offsets[t + 1]!; b++) {
        if (targets[a] !== targets[b]) continue;
        this.linkMap[edgeLink[a]!] = edgeLink[b]!;
        this.linkMap[edgeLink[b]!] = edgeLink[a]!;
        this.pairS.push(edgeLink[a]!);
        this.pairT.push(edgeLink[b]!);
      }
    }
  }

  private unmapLinks(): void {
    for (const e of this.pairS) this.linkMap[e] = -1;
    for (const e of this.pairT) this.linkMap[e] = -1;
    this.pairS.length = 0;
    this.pairT.length = 0;
  }
}

/** One scenario's last computed twin: its load changes and its collected routers' latencies. */
class TwinLog {
  /** Class the log answers for (-1: none). */
  cls = -1;
  /** Class of the destination begin() is logging. */
  pending = -1;
  node = -1;
  touched = false;
  readonly ops = new LoadOpLog();
  u = new Int32Array(256);
  after = new Float64Array(256);
  before = new Float64Array(256);
  len = 0;
  grow(n: number): void {
    if (n <= this.u.length) return;
    const size = Math.max(n, 2 * this.u.length);
    this.u = new Int32Array(size);
    this.after = new Float64Array(size);
    this.before = new Float64Array(size);
  }
}

/**
 * Twin classes among the destinations `usable` admits (per destination index:
 * its class, -1 for none), or null when there are none or the traffic cannot
 * say which routers are interchangeable. A class is keyed by the sorted
 * (neighbour, weight) list of its members' links; a member has one link per
 * neighbour, none to itself, and one latency on all of them. The caller checks
 * `traffic.interchangeable` for the members it pairs.
 */
export function twinClasses(g: CompiledGraph, traffic: Pick<TrafficMatrix, 'interchangeable'>, dests: Int32Array, usable: (i: number) => boolean): Int32Array | null {
  if (traffic.interchangeable === undefined) return null;
  const { offsets, targets, edgeLink, weights, latencies } = g;
  const byKey = new Map<string, number>();
  const classOf = new Int32Array(dests.length).fill(-1);
  const lists: number[][] = [];
  for (let i = 0; i < dests.length; i++) {
    const c = dests[i]!;
    const a = offsets[c]!;
    const b = offsets[c + 1]!;
    if (b === a || !usable(i)) continue;
    const pairs: [number, number][] = [];
    let ok = true;
    for (let s = a; s < b && ok; s++) {
      const e = edgeLink[s]!;
      if (targets[s] === c || latencies[e] !== latencies[edgeLink[a]!]) ok = false;
      pairs.push([targets[s]!, weights[e]!]);
    }
    pairs.sort((x, y) => x[0] - y[0]);
    for (let j = 1; j < pairs.length && ok; j++) if (pairs[j]![0] === pairs[j - 1]![0]) ok = false; // parallel links: no unique swap
    if (!ok) continue;
    const key = pairs.map((p) => `${p[0]}:${p[1]}`).join(',');
    let k = byKey.get(key);
    if (k === undefined) {
      k = lists.length;
      byKey.set(key, k);
      lists.push([]);
    }
    lists[k]!.push(i);
    classOf[i] = k;
  }
  let any = false;
  for (const l of lists) {
    if (l.length < 2) for (const i of l) classOf[i] = -1;
    else any = true;
  }
  return any ? classOf : null;
}
