import type { CompiledGraph } from '../sim/csr';
import { connectedComponents, type DfsForest } from '../sim/connectivity';
import { createRng } from '../generate/rng';

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
export function twoEdgeCutClasses(g: CompiledGraph, forest: DfsForest): number[][] {
  const m = g.linkIds.length;
  const n = g.nodeIds.length;
  const rng = createRng(0, 'two-edge-cuts');
  const lo = new Uint32Array(m);
  const hi = new Uint32Array(m);
  const accLo = new Uint32Array(n);
  const accHi = new Uint32Array(n);
  const isTree = new Uint8Array(m);
  for (let v = 0; v < n; v++) if (forest.parentLink[v]! >= 0) isTree[forest.parentLink[v]!] = 1;
  for (let e = 0; e < m; e++) {
    if (isTree[e] === 1) continue;
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
