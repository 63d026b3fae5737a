import type { CompiledGraph } from '../sim/csr';
import type { Demands } from '../sim/ecmp';
import { neighbourGroups, twinLink, twinSlot } from '../sim/twin-dests';

/**
 * Failures of a capacity run that are a twin's failure relabelled.
 *
 * Two routers s and t are twins when their links go to the same neighbours
 * with the same IGP weights (one link to each, none between them) and the
 * demands treat them alike: demand(π u, π v) = demand(u, v) for every pair,
 * π swapping s and t. π is then an automorphism of the weighted graph and of
 * the demands, so a failure f' = π(f) — t's uplink where f is s's, device t
 * where f is device s — routes every demand as f does with s and t swapped:
 * every directed link's load under f' is the load of its image under f, and
 * so is its change from the baseline (the baseline is π-invariant too).
 * Capacities play no part in routing. A generated tree or hybrid has ~120
 * classes of dual-homed edge routers (~470 of ~530 routers): about two thirds
 * of its failures are a twin's, each answered by copying one delta (O(m))
 * instead of routing ~500 destinations.
 *
 * The same numbers as routing f' afresh in real arithmetic. In floating point
 * f' would add the destinations' changes in index order, where the copy adds
 * them in f's order (s and t trade places), and may pick the closed form or
 * the incremental update for another pair: the same sums, rounded in another
 * order (twin-failures.test.ts compares both).
 */
export class TwinFailures {
  /** Per failure index: an earlier failure whose delta relabels to it, -1 for none. */
  readonly sourceOf: Int32Array;
  /** Per failure index with a source: the twins its swap exchanges. */
  private readonly swapS: Int32Array;
  private readonly swapT: Int32Array;
  /** Per failure index: the last later failure relabelled from it (-1: none), so its delta is kept until then. */
  readonly lastUse: Int32Array;

  private constructor(private readonly g: CompiledGraph, count: number) {
    this.sourceOf = new Int32Array(count).fill(-1);
    this.swapS = new Int32Array(count);
    this.swapT = new Int32Array(count);
    this.lastUse = new Int32Array(count).fill(-1);
  }

  /**
   * Which failures (each its failed nodes and links) relabel an earlier one;
   * null when none does. O(m log m) for the classes, O(n) per twin pair checked.
   */
  static build(g: CompiledGraph, traffic: Demands, failures: readonly { nodes: readonly number[]; links: readonly number[] }[]): TwinFailures | null {
    const groupOf = neighbourGroups(g);
    if (groupOf === null) return null;
    const n = g.nodeIds.length;
    const partners = new Map<number, number[]>();
    for (let v = 0; v < n; v++) {
      const k = groupOf[v]!;
      if (k < 0) continue;
      const list = partners.get(k);
      if (list) list.push(v);
      else partners.set(k, [v]);
    }
    const alike = new Map<number, boolean>();
    const demandsAlike = (s: number, t: number): boolean => {
      const key = s < t ? s * n + t : t * n + s;
      let ok = alike.get(key);
      if (ok === undefined) {
        ok = interchangeable(traffic, n, s, t);
        alike.set(key, ok);
      }
      return ok;
    };
    const keyOf = (nodes: readonly number[], links: readonly number[]): string =>
      `${[...nodes].sort((a, b) => a - b).join(',')}|${[...links].sort((a, b) => a - b).join(',')}`;
    const index = new Map<string, number>();
    failures.forEach((f, i) => {
      const k = keyOf(f.nodes, f.links);
      if (!index.has(k)) index.set(k, i);
    });
    const out = new TwinFailures(g, failures.length);
    let any = false;
    for (let i = 0; i < failures.length; i++) {
      const f = failures[i]!;
      // The routers f touches (failed, or at an end of a failed link) that have twins.
      const touched = new Set<number>(f.nodes);
      for (const e of f.links) {
        touched.add(g.linkSource[e]!);
        touched.add(g.linkTarget[e]!);
      }
      search: for (const s of touched) {
        const k = groupOf[s]!;
        if (k < 0) continue;
        for (const t of partners.get(k)!) {
          if (t === s || !demandsAlike(s, t)) continue;
          const nodes = f.nodes.map((v) => swap(v, s, t));
          const links: number[] = [];
          for (const e of f.links) {
            const e2 = twinLink(g, e, s, t);
            if (e2 < 0) continue search;
            links.push(e2);
          }
          const j = index.get(keyOf(nodes, links));
          if (j === undefined || j >= i) continue;
          out.sourceOf[i] = j;
          out.swapS[i] = s;
          out.swapT[i] = t;
          out.lastUse[j] = i;
          any = true;
          break search;
        }
      }
    }
    return any ? out : null;
  }

  /**
   * Failure i's load changes from its source's: the change of every
   * directed link x under the source is the change of π(x) under i. `into`
   * is zeroed by the caller.
   */
  relabel(i: number, from: Float64Array, into: Float64Array): void {
    const { linkSource, linkTarget } = this.g;
    const s = this.swapS[i]!;
    const t = this.swapT[i]!;
    for (let x = 0; x < from.length; x++) {
      const v = from[x]!;
      if (v === 0) continue;
      const a = linkSource[x >> 1]!;
      const b = linkTarget[x >> 1]!;
      into[a !== s && a !== t && b !== s && b !== t ? x : twinSlot(this.g, x, s, t)] = v;
    }
  }
}

const swap = (v: number, s: number, t: number): number => (v === s ? t : v === t ? s : v);

/** demand(π u, π v) = demand(u, v) for every pair, π swapping s and t. O(n). */
function interchangeable(traffic: Demands, n: number, s: number, t: number): boolean {
  if (traffic.demand(s, t) !== traffic.demand(t, s)) return false;
  for (let u = 0; u < n; u++) {
    if (u === s || u === t) continue;
    if (traffic.demand(u, s) !== traffic.demand(u, t) || traffic.demand(s, u) !== traffic.demand(t, u)) return false;
  }
  return true;
}
