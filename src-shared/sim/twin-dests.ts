import type { CompiledGraph } from './csr';
import type { Demands } from './ecmp';
import type { FailureMasks, SlotDelta } from './incremental';
import { LoadOpLog } from './slot-delta';

/**
 * Twin destinations in a capacity run's failure deltas (local-deltas.ts).
 *
 * Destinations s and t are twins when their links go to the same neighbours
 * with the same IGP weights (one link to each, none between them) and their
 * demand columns agree under the swap π of s and t: demand(u, t) =
 * demand(u, s) for every other router u, and demand(s, t) = demand(t, s).
 * For a failure f that π leaves as it is (neither is down, and a failed link
 * at either goes to a failed router), every router routes toward t as it
 * routes toward s with s and t swapped, carrying the same demand: the load
 * change of each directed link toward t is that of its image toward s. So a
 * failure's change toward t is s's, logged as it was added (LoadOpLog) and
 * added again on the swapped links, in the same order.
 *
 * The generated tree and hybrid have ~120 classes of dual-homed edge routers
 * (~450 of ~530 destinations), mostly consecutive indices: per failure the
 * last logged twin answers the next members of its class. The same sums as
 * routing t in real arithmetic; in floating point a share may round another
 * way where routing t would add them in another order, or pick the closed
 * form where s took the incremental update (twin-dests.test.ts compares both).
 * (twin-replay.ts does the same for the impact sweep, with latencies.)
 */
export class TwinDestinations {
  /** (failure, destination) pairs answered from a twin's log. */
  replayed = 0;
  private readonly logs: DestLog[] = [];
  private readonly alike = new Map<number, boolean>();

  /** Per destination index: 1 when the next destination with a twin is in its class (its log may be read). */
  private readonly worth: Uint8Array;

  private constructor(
    private readonly g: CompiledGraph,
    private readonly traffic: Demands,
    /** Per node: its neighbour group, -1 for none. */
    private readonly groupOf: Int32Array,
    dests: Int32Array,
  ) {
    this.worth = new Uint8Array(dests.length);
    let next = -1;
    for (let i = dests.length - 1; i >= 0; i--) {
      const k = groupOf[dests[i]!]!;
      if (k < 0) continue;
      this.worth[i] = next === k ? 1 : 0;
      next = k;
    }
  }

  /** Null when no two destinations share their neighbours and weights. */
  static build(g: CompiledGraph, traffic: Demands, dests: Int32Array): TwinDestinations | null {
    const groupOf = neighbourGroups(g);
    return groupOf === null ? null : new TwinDestinations(g, traffic, groupOf, dests);
  }

  /** Forgets every failure's log: failure k of this call is not the last call's. */
  startBlock(failures: number): void {
    while (this.logs.length < failures) this.logs.push(new DestLog());
    for (let k = 0; k < failures; k++) this.logs[k]!.node = -1;
  }

  /**
   * Failure k's change toward c added from the log of a twin, when it holds
   * one that f leaves alone: true, with the logged path and walk, else false.
   */
  replay(k: number, c: number, f: FailureMasks, out: SlotDelta): DestLog | null {
    const log = this.logs[k]!;
    const s = log.node;
    if (s < 0 || this.groupOf[c]! < 0 || this.groupOf[s] !== this.groupOf[c] || !invariantAt(this.g, c, f) || !this.columnsAlike(s, c)) return null;
    const { linkSource, linkTarget } = this.g;
    const v = out.value;
    const ops = log.ops;
    for (let j = 0; j < ops.length; j++) {
      const x = ops.slot[j]!;
      const e = x >> 1;
      const a = linkSource[e]!;
      const b = linkTarget[e]!;
      if (a !== s && a !== c && b !== s && b !== c) v[x]! += ops.value[j]!;
      else v[twinSlot(this.g, x, s, c)]! += ops.value[j]!;
    }
    this.replayed++;
    return log;
  }

  /**
   * Before routing c (destination index i) under failure k: the log to record its additions into, or
   * null when no twin may replay them — c has no twin, f tells them apart, or the next destination with
   * a twin is of another class (it would overwrite the log unread; a log not overwritten stays valid).
   */
  begin(k: number, i: number, c: number, f: FailureMasks): LoadOpLog | null {
    if (this.groupOf[c]! < 0 || this.worth[i] !== 1 || !invariantAt(this.g, c, f)) return null;
    const log = this.logs[k]!;
    log.node = -1;
    log.ops.length = 0;
    return log.ops;
  }

  /** After routing c under failure k into the log begin() gave: it answers c's twins, with how c was routed. */
  end(k: number, c: number, closed: boolean, walked: number): void {
    const log = this.logs[k]!;
    log.node = c;
    log.closed = closed;
    log.walked = walked;
  }

  /** Whether c's demand column is s's with s and t swapped (memoised: O(n) a pair). */
  private columnsAlike(s: number, c: number): boolean {
    const n = this.g.nodeIds.length;
    const key = s < c ? s * n + c : c * n + s;
    let ok = this.alike.get(key);
    if (ok === undefined) {
      const t = this.traffic;
      ok = t.demand(s, c) === t.demand(c, s);
      for (let u = 0; u < n && ok; u++) if (u !== s && u !== c && t.demand(u, s) !== t.demand(u, c)) ok = false;
      this.alike.set(key, ok);
    }
    return ok;
  }
}

/** One failure's last logged twin destination: its additions and how it was routed. */
export class DestLog {
  node = -1;
  closed = false;
  walked = 0;
  readonly ops = new LoadOpLog();
}

const swap = (v: number, s: number, t: number): number => (v === s ? t : v === t ? s : v);

/** f is the same failure with s and t swapped, as seen from c (one of them): c is up and every failed link at c goes to a failed router. */
function invariantAt(g: CompiledGraph, c: number, f: FailureMasks): boolean {
  if (f.nodes[c] === 1) return false;
  const { offsets, targets, edgeLink } = g;
  for (let x = offsets[c]!; x < offsets[c + 1]!; x++) if (f.links[edgeLink[x]!] === 1 && f.nodes[targets[x]!] !== 1) return false;
  return true;
}

/** π(e) for the swap of twins s and t: the link between the swapped ends (e itself when it touches neither); -1 when there is none. */
export function twinLink(g: CompiledGraph, e: number, s: number, t: number): number {
  const { linkSource, linkTarget, offsets, targets, edgeLink } = g;
  const a = swap(linkSource[e]!, s, t);
  const b = swap(linkTarget[e]!, s, t);
  if (a === linkSource[e] && b === linkTarget[e]) return e;
  for (let x = offsets[a]!; x < offsets[a + 1]!; x++) if (targets[x] === b) return edgeLink[x]!;
  return -1;
}

/** The directed slot π(x) (slot 2e: e's source to its target, 2e + 1 back) for the swap of twins s and t. */
export function twinSlot(g: CompiledGraph, x: number, s: number, t: number): number {
  const e = x >> 1;
  const e2 = twinLink(g, e, s, t);
  const tail = swap((x & 1) === 0 ? g.linkSource[e]! : g.linkTarget[e]!, s, t);
  return 2 * e2 + (g.linkSource[e2] === tail ? 0 : 1);
}

/**
 * Per router: a group number shared by routers whose links go to the same
 * neighbours with the same weights (one link to each, no self-loop), -1 for
 * a router alone in its group; null when no router has a twin.
 */
export function neighbourGroups(g: CompiledGraph): Int32Array | null {
  const { offsets, targets, edgeLink, weights } = g;
  const n = g.nodeIds.length;
  const groupOf = new Int32Array(n).fill(-1);
  const byKey = new Map<string, number>();
  const size: number[] = [];
  for (let v = 0; v < n; v++) {
    const a = offsets[v]!;
    const b = offsets[v + 1]!;
    if (b === a) continue;
    const pairs: [number, number][] = [];
    for (let x = a; x < b; x++) pairs.push([targets[x]!, weights[edgeLink[x]!]!]);
    pairs.sort((p, q) => p[0] - q[0]);
    let ok = true;
    for (let j = 0; j < pairs.length && ok; j++) if (pairs[j]![0] === v || (j > 0 && pairs[j]![0] === pairs[j - 1]![0])) ok = false;
    if (!ok) continue;
    const key = pairs.map((p) => `${p[0]}:${p[1]}`).join(',');
    let k = byKey.get(key);
    if (k === undefined) {
      k = size.length;
      byKey.set(key, k);
      size.push(0);
    }
    size[k]!++;
    groupOf[v] = k;
  }
  let any = false;
  for (let v = 0; v < n; v++) {
    if (groupOf[v]! >= 0 && size[groupOf[v]!]! < 2) groupOf[v] = -1;
    else if (groupOf[v]! >= 0) any = true;
  }
  return any ? groupOf : null;
}
