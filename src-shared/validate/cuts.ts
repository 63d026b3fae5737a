import type { CompiledGraph } from '../sim/csr';
import { connectedComponents, type DfsForest } from '../sim/connectivity';
import { createRng, type Rng } from '../lib/rng';

/**
 * Two-edge cuts: pairs of links whose joint failure disconnects the graph.
 *
 * Cycle-space sampling (Pritchard & Thurimella, "Fast computation of small
 * cuts via cycle space sampling", ACM TALG 2011): give every non-tree link a
 * random 53-bit label and every tree link the XOR of the labels of the
 * non-tree links whose fundamental cycle covers it. A link set is a cut
 * exactly when its labels XOR to zero with probability 1 − 2⁻⁵³ per set, so
 * {e, f} is a 2-edge cut iff label(e) = label(f) (label 0 is a bridge). Links
 * with equal labels form classes; every pair inside a class is a cut. One
 * pair per class is confirmed with a BFS, so a (vanishingly rare) label
 * collision can never report a false cut; a true cut is never missed.
 *
 * Precondition: `forest` is dfsForest(g) of the whole graph.
 * Complexity: O(n + m) for the labels plus O(n + m) per class confirmed.
 */
export interface CutLabels {
  readonly lo: Uint32Array;
  readonly hi: Uint32Array;
}

export function cutLabels(g: CompiledGraph, forest: DfsForest): CutLabels {
  return cycleSpaceLabels(g, forest, createRng(0, 'two-edge-cuts'));
}

/**
 * Random cycle-space labels of every link: non-tree links draw 53 random
 * bits, tree links carry the XOR of the non-tree links across them. Links
 * marked in `skip` (failed ones) draw nothing and keep label 0, so they
 * count as absent; `forest` must then be a forest of the surviving graph.
 */
export function cycleSpaceLabels(g: CompiledGraph, forest: DfsForest, rng: Rng, skip?: Uint8Array): CutLabels {
  const m = g.linkIds.length;
  const n = g.nodeIds.length;
  const lo = new Uint32Array(m);
  const hi = new Uint32Array(m);
  const accLo = new Uint32Array(n);
  const accHi = new Uint32Array(n);
  const isTree = new Uint8Array(m);
  for (let v = 0; v < n; v++) if (forest.parentLink[v]! >= 0) isTree[forest.parentLink[v]!] = 1;
  for (let e = 0; e < m; e++) {
    if (isTree[e] === 1 || skip?.[e] === 1) continue;
    const a = (rng.next() * 4294967296) >>> 0;
    const b = (rng.next() * 2097152) >>> 0; // 21 bits: the key below stays an exact double
    lo[e] = a;
    hi[e] = b;
    const u = g.linkSource[e]!;
    const v = g.linkTarget[e]!;
    accLo[u]! ^= a;
    accHi[u]! ^= b;
    accLo[v]! ^= a;
    accHi[v]! ^= b;
  }
  // Children before parents: reverse discovery order.
  for (let i = forest.visited - 1; i >= 0; i--) {
    const u = forest.order[i]!;
    const p = forest.parent[u]!;
    if (p < 0) continue;
    const e = forest.parentLink[u]!;
    lo[e] = accLo[u]!;
    hi[e] = accHi[u]!;
    accLo[p]! ^= accLo[u]!;
    accHi[p]! ^= accHi[u]!;
  }
  return { lo, hi };
}

export function twoEdgeCutClasses(g: CompiledGraph, labels: CutLabels): number[][] {
  const { lo, hi } = labels;
  const m = g.linkIds.length;
  const classes = new Map<number, number[]>();
  for (let e = 0; e < m; e++) {
    const key = hi[e]! * 4294967296 + lo[e]!;
    if (key === 0) continue; // a bridge: reported by the bridge check
    const list = classes.get(key);
    if (list) list.push(e);
    else classes.set(key, [e]);
  }
  const out: number[][] = [];
  const failed = new Uint8Array(m);
  const base = connectedComponents(g).count;
  for (const list of classes.values()) {
    if (list.length < 2) continue;
    failed[list[0]!] = 1;
    failed[list[1]!] = 1;
    if (connectedComponents(g, undefined, failed).count > base) out.push(list);
    failed[list[0]!] = 0;
    failed[list[1]!] = 0;
  }
  out.sort((a, b) => a[0]! - b[0]!);
  return out;
}

/**
 * Whether failing all of `links` can disconnect the graph. A link set
 * contains a cut exactly when its labels are linearly dependent over GF(2)
 * (a cut's labels XOR to zero; an independent set never holds a cut), so
 * independent labels prove the set harmless and only dependent ones are
 * confirmed with a BFS. Gaussian elimination on 53-bit labels: O(k²).
 */
export function linksDisconnect(g: CompiledGraph, labels: CutLabels, links: readonly number[]): boolean {
  const basisLo: number[] = [];
  const basisHi: number[] = [];
  let dependent = false;
  for (const e of links) {
    let a = labels.lo[e]!;
    let b = labels.hi[e]!;
    for (let i = 0; i < basisLo.length; i++) {
      const pivot = leadingBit(basisHi[i]!, basisLo[i]!);
      if (hasBit(b, a, pivot)) {
        a = (a ^ basisLo[i]!) >>> 0;
        b = (b ^ basisHi[i]!) >>> 0;
      }
    }
    if (a === 0 && b === 0) {
      dependent = true;
      break;
    }
    basisLo.push(a);
    basisHi.push(b);
    // Keep the basis sorted by leading bit, highest first, so reduction is a single pass.
    for (let i = basisLo.length - 1; i > 0 && leadingBit(basisHi[i]!, basisLo[i]!) > leadingBit(basisHi[i - 1]!, basisLo[i - 1]!); i--) {
      [basisLo[i], basisLo[i - 1]] = [basisLo[i - 1]!, basisLo[i]!];
      [basisHi[i], basisHi[i - 1]] = [basisHi[i - 1]!, basisHi[i]!];
    }
  }
  if (!dependent) return false;
  const failed = new Uint8Array(g.linkIds.length);
  for (const e of links) failed[e] = 1;
  return connectedComponents(g, undefined, failed).count > connectedComponents(g).count;
}

/** Index (0–52) of the highest set bit of the 53-bit value hi·2³² + lo; -1 for zero. */
function leadingBit(hi: number, lo: number): number {
  if (hi !== 0) return 63 - Math.clz32(hi);
  return lo === 0 ? -1 : 31 - Math.clz32(lo);
}

function hasBit(hi: number, lo: number, bit: number): boolean {
  return bit >= 32 ? ((hi >>> (bit - 32)) & 1) === 1 : ((lo >>> bit) & 1) === 1;
}
