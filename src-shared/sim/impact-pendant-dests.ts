import type { CompiledGraph } from './csr';
import type { PendantForest } from './pendant';

/**
 * Destinations whose stretch repair follows another's: a router c2 in a
 * pendant tree (pendant.ts) is reached from every router outside its tree
 * through the tree's root r, so toward c2 those routers take r's routes at
 * distances exactly d(r, c2) more — when every weight is a whole number
 * (IGP metrics, hop counts) and their sum is below 2^53, so adding the
 * constant rounds nothing and every shortest-path test answers as toward r.
 * A failure outside the tree then changes the same routers' routes toward
 * c2 as toward r, and LatencyDelta evaluates them again with c2's latencies
 * (runKeeping / again) instead of a repair of their own: ~10 % of the repairs
 * on the real Kdl (73 pendant routers). A failure of r itself leaves them to
 * their own repair (the caller's rule: follows only while r survives).
 */
export class PendantFollowers {
  private constructor(
    /** Per destination index: 1 when its repair follows its root's. */
    readonly follows: Uint8Array,
    /** Root of each node (forest.rootOf). */
    readonly rootOf: Int32Array,
    private readonly off: Int32Array,
    private readonly list: Int32Array,
  ) {}

  /** Null when some weight is not a whole number (or they could sum past 2^53), or no destination follows. */
  static build(g: CompiledGraph, forest: PendantForest, destinations: Int32Array): PendantFollowers | null {
    let sum = 0;
    for (let e = 0; e < g.weights.length; e++) {
      const w = g.weights[e]!;
      if (!Number.isInteger(w) || w < 0) return null;
      sum += w;
    }
    if (!(sum < 2 ** 53)) return null;
    const n = g.nodeIds.length;
    const indexOf = new Int32Array(n).fill(-1);
    destinations.forEach((c, i) => (indexOf[c] = i));
    const follows = new Uint8Array(destinations.length);
    const count = new Int32Array(destinations.length + 1);
    let any = false;
    destinations.forEach((c, i) => {
      const ri = forest.isCore[c] === 1 ? -1 : indexOf[forest.rootOf[c]!]!;
      if (ri < 0) return;
      follows[i] = 1;
      count[ri + 1]!++;
      any = true;
    });
    if (!any) return null;
    for (let i = 0; i < destinations.length; i++) count[i + 1]! += count[i]!;
    const off = count.slice();
    const list = new Int32Array(off[destinations.length]!);
    const at = off.slice(0, destinations.length);
    destinations.forEach((c, i) => {
      if (follows[i] === 1) list[at[indexOf[forest.rootOf[c]!]!]!++] = i;
    });
    return new PendantFollowers(follows, forest.rootOf, off, list);
  }

  /** Destination indices whose repair follows the i-th destination's. */
  of(i: number): Int32Array {
    return this.list.subarray(this.off[i], this.off[i + 1]);
  }
}
