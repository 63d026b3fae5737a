import type { ChainIndex } from './chains';
import type { CompiledGraph } from './csr';

/**
 * The skeleton of a core graph as flat arrays (skeleton.ts routes on it):
 * branch nodes (not inside a chain), skeleton links (each direct link, each
 * whole chain as one link of the chain's length), the chains' per-node
 * offsets, distances from their A ends and directed slots, and the branch
 * nodes' adjacency. Built once per sweep, O(n + m).
 */
export interface SkeletonGraph {
  /** Directed slots of the core (2 per link). */
  readonly slots: number;
  /** Branch nodes: skeleton index -> core node; core node -> skeleton index (-1 inside a chain). */
  readonly kNodes: Int32Array;
  readonly kOf: Int32Array;
  readonly nb: number;
  /** Skeleton links: ends (skeleton indices), length, chain (-1 for a direct link), core link of a direct one. */
  readonly slA: Int32Array;
  readonly slB: Int32Array;
  readonly slW: Float64Array;
  readonly slChain: Int32Array;
  readonly slLink: Int32Array;
  /** Per direct skeleton link: its directed slot from its A end. */
  readonly slSlotA: Int32Array;
  /** Per chain: offset into the flat per-node arrays (k entries; per-link and prefix arrays use nOff + c, k + 1 entries). */
  readonly nOff: Int32Array;
  /** Distance of each chain node from A; each chain's length; per chain link the directed slot toward B; each chain's skeleton link. */
  readonly alpha: Float64Array;
  readonly lenOf: Float64Array;
  readonly slotAB: Int32Array;
  readonly chainSl: Int32Array;
  /** Per chain: skeleton ends. */
  readonly chA: Int32Array;
  readonly chB: Int32Array;
  /** Adjacency of each branch node: skeleton link, the other end, its length, and whether the node is its A end. */
  readonly adjOff: Int32Array;
  readonly adjSl: Int32Array;
  readonly adjTo: Int32Array;
  readonly adjW: Float64Array;
  readonly adjFromA: Uint8Array;
}

export function buildSkeletonGraph(g: CompiledGraph, ci: ChainIndex): SkeletonGraph {
  const n = g.nodeIds.length;
  const m = g.linkIds.length;
  const slots = 2 * m;
  const kOf = new Int32Array(n).fill(-1);
  const kn: number[] = [];
  for (let v = 0; v < n; v++) {
    if (ci.chainOfNode[v]! < 0) {
      kOf[v] = kn.length;
      kn.push(v);
    }
  }
  const kNodes = Int32Array.from(kn);
  const nb = kn.length;
  const chains = ci.chains;
  const direct: number[] = [];
  for (let e = 0; e < m; e++) if (ci.chainOfLink[e]! < 0) direct.push(e);
  const ns = direct.length + chains.length;
  const slA = new Int32Array(ns);
  const slB = new Int32Array(ns);
  const slW = new Float64Array(ns);
  const slChain = new Int32Array(ns).fill(-1);
  const slLink = new Int32Array(ns).fill(-1);
  const slSlotA = new Int32Array(ns).fill(-1);
  direct.forEach((e, i) => {
    slA[i] = kOf[g.linkSource[e]!]!;
    slB[i] = kOf[g.linkTarget[e]!]!;
    slW[i] = g.weights[e]!;
    slLink[i] = e;
    slSlotA[i] = 2 * e; // A is the link's source
  });
  const nOff = new Int32Array(chains.length + 1);
  for (let c = 0; c < chains.length; c++) nOff[c + 1] = nOff[c]! + chains[c]!.nodes.length;
  const totalK = nOff[chains.length]!;
  const alpha = new Float64Array(totalK);
  const lenOf = new Float64Array(chains.length);
  const slotAB = new Int32Array(totalK + chains.length);
  const chainSl = new Int32Array(chains.length);
  chains.forEach((c, id) => {
    const i = direct.length + id;
    chainSl[id] = i;
    slA[i] = kOf[c.a]!;
    slB[i] = kOf[c.b]!;
    slChain[i] = id;
    let a = 0;
    const lo = nOff[id]!;
    for (let j = 0; j <= c.nodes.length; j++) {
      const e = c.links[j]!;
      const before = j === 0 ? c.a : c.nodes[j - 1]!;
      slotAB[lo + id + j] = 2 * e + (g.linkSource[e] === before ? 0 : 1);
      a += g.weights[e]!;
      if (j < c.nodes.length) alpha[lo + j] = a;
    }
    lenOf[id] = a;
    slW[i] = a;
  });
  const chA = Int32Array.from(chains, (c) => kOf[c.a]!);
  const chB = Int32Array.from(chains, (c) => kOf[c.b]!);
  const deg = new Int32Array(nb + 1);
  for (let i = 0; i < ns; i++) {
    deg[slA[i]! + 1]!++;
    deg[slB[i]! + 1]!++;
  }
  for (let u = 0; u < nb; u++) deg[u + 1]! += deg[u]!;
  const adjOff = deg.slice();
  const fill = deg.slice(0, nb);
  const adjSl = new Int32Array(2 * ns);
  const adjTo = new Int32Array(2 * ns);
  const adjW = new Float64Array(2 * ns);
  const adjFromA = new Uint8Array(2 * ns);
  for (let i = 0; i < ns; i++) {
    const a = slA[i]!;
    const b = slB[i]!;
    let j = fill[a]!++;
    adjSl[j] = i;
    adjTo[j] = b;
    adjW[j] = slW[i]!;
    adjFromA[j] = 1;
    j = fill[b]!++;
    adjSl[j] = i;
    adjTo[j] = a;
    adjW[j] = slW[i]!;
  }
  return { slots, kOf, kNodes, nb, slA, slB, slW, slChain, slLink, slSlotA, nOff, alpha, lenOf, slotAB, chainSl, chA, chB, adjOff, adjSl, adjTo, adjW, adjFromA };
}
