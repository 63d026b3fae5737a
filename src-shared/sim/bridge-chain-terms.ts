import type { Chain, ChainTerms } from './chains';
import type { DfsForest } from './connectivity';
import type { CompiledGraph } from './csr';
import { failureMasks } from './routing';

/**
 * Chains that are bridges (2-edge-connected blocks, compressed.ts): their
 * failures' seven bilinear terms and the fan tables of tree roots inside
 * them, in closed form from the nothing-failed loads and their ends' fan
 * tables; no routing.
 */

/** What the closed forms read from the sweep (compressed.ts). */
export interface BridgeContext {
  core: CompiledGraph;
  /** DFS forest of the core, and prefix sums of the core masses in its discovery order. */
  dfs: DfsForest;
  preOut: Float64Array;
  preIn: Float64Array;
  cOut: Float64Array;
  cIn: Float64Array;
  /** Core loads with nothing failed. */
  base: Float64Array;
  slots: number;
  fanOut(a: number): Float64Array;
  fanIn(a: number): Float64Array;
}

/**
 * The seven vectors of a chain that is a bridge, in closed form (2-edge-connected
 * blocks): no shortest path between two nodes on one side crosses it, so
 * without the chain each side X keeps its own traffic and loses what crossed:
 * X's links carried ext_in · Qin_A + ext_out · Qout_A for it (A's fan-in and
 * fan-out with nothing failed, restricted to X; ext = masses beyond A), and
 * the tail hanging off A brings back ai · Qin_A + ao · Qout_A. Nothing flows
 * from A to B (fAB = fBA = 0). O(m) per chain instead of routings.
 */
export function bridgeTerms(ctx: BridgeContext, c: Chain): ChainTerms {
  const core = ctx.core;
  const masks = failureMasks(core, Array.from(c.nodes), []);
  const v = (): Float64Array => new Float64Array(ctx.slots);
  const t = { l0: v(), qOutA: v(), qInA: v(), qOutB: v(), qInB: v(), fAB: v(), fBA: v(), masks };
  const { onA, compOut, compIn, xOut, xIn, yOut, yIn } = bridgeSides(ctx, c);
  const base = ctx.base;
  const qoA = ctx.fanOut(c.a);
  const qiA = ctx.fanIn(c.a);
  const qoB = ctx.fanOut(c.b);
  const qiB = ctx.fanIn(c.b);
  for (let e = 0; e < core.linkIds.length; e++) {
    if (masks.links[e] === 1) continue;
    const sideA = onA(e);
    for (let s = 2 * e; s < 2 * e + 2; s++) {
      if (sideA) {
        t.l0[s] = base[s]! - (compIn - xIn) * qiA[s]! - (compOut - xOut) * qoA[s]!;
        t.qOutA[s] = qoA[s]!;
        t.qInA[s] = qiA[s]!;
      } else {
        t.l0[s] = base[s]! - (compIn - yIn) * qiB[s]! - (compOut - yOut) * qoB[s]!;
        t.qOutB[s] = qoB[s]!;
        t.qInB[s] = qiB[s]!;
      }
    }
  }
  return t;
}

/**
 * The two sides of bridge chain `id` (the DFS tree crosses its first link
 * once; the child's subtree is one side): whether a core link off the
 * chain lies on A's side, the masses of the component, of A's side (x) and
 * of B's side (y), the chain's interior in neither.
 */
function bridgeSides(ctx: BridgeContext, c: Chain): { onA: (e: number) => boolean; compOut: number; compIn: number; xOut: number; xIn: number; yOut: number; yIn: number } {
  const core = ctx.core;
  const dfs = ctx.dfs;
  const x1 = c.nodes[0]!;
  const child = dfs.parent[x1] === c.a && dfs.parentLink[x1] === c.links[0] ? x1 : c.a;
  const lo = dfs.disc[child]!;
  const hi = lo + dfs.subtree[child]!;
  const inSub = (u: number): boolean => dfs.disc[u]! >= lo && dfs.disc[u]! < hi;
  let root = c.a;
  while (dfs.parent[root]! >= 0) root = dfs.parent[root]!;
  const r0 = dfs.disc[root]!;
  const r1 = r0 + dfs.subtree[root]!;
  const compOut = ctx.preOut[r1]! - ctx.preOut[r0]!;
  const compIn = ctx.preIn[r1]! - ctx.preIn[r0]!;
  const subOut = ctx.preOut[hi]! - ctx.preOut[lo]!;
  const subIn = ctx.preIn[hi]! - ctx.preIn[lo]!;
  const aInSub = child === c.a;
  const xOut = aInSub ? subOut : compOut - subOut;
  const xIn = aInSub ? subIn : compIn - subIn;
  let chOut = 0;
  let chIn = 0;
  for (const x of c.nodes) {
    chOut += ctx.cOut[x]!;
    chIn += ctx.cIn[x]!;
  }
  const onA = (e: number): boolean => inSub(core.linkSource[e]!) === aInSub;
  return { onA, compOut, compIn, xOut, xIn, yOut: compOut - xOut - chOut, yIn: compIn - xIn - chIn };
}

/**
 * Fan tables of the roots inside bridge chain `id`, in closed form: what x
 * sends to (or receives from) A's side runs along the chain to A and then
 * as A's own (A's tables on A's side), likewise for B; on the chain's link
 * j toward A (when x lies beyond it) it carries the in-mass of A's side and
 * of the chain's nodes before link j, toward B that of B's side and of the
 * nodes from link j on (fan-in: the out-masses, the other way).
 */
export function chainRootFans(ctx: BridgeContext, c: Chain, roots: ReadonlySet<number>): [number, Float64Array, Float64Array][] {
  const core = ctx.core;
  const { onA, xOut, xIn, yOut, yIn } = bridgeSides(ctx, c);
  const result: [number, Float64Array, Float64Array][] = [];
  const qoA = ctx.fanOut(c.a);
  const qiA = ctx.fanIn(c.a);
  const qoB = ctx.fanOut(c.b);
  const qiB = ctx.fanIn(c.b);
  const k = c.nodes.length;
  const onChain = new Uint8Array(core.linkIds.length);
  for (const e of c.links) onChain[e] = 1;
  for (let p = 0; p < k; p++) {
    const x = c.nodes[p]!;
    if (!roots.has(x)) continue;
    const qo = new Float64Array(ctx.slots);
    const qi = new Float64Array(ctx.slots);
    for (let e = 0; e < core.linkIds.length; e++) {
      if (onChain[e] === 1) continue;
      const [o, i] = onA(e) ? [qoA, qiA] : [qoB, qiB];
      for (let s = 2 * e; s < 2 * e + 2; s++) {
        qo[s] = o[s]!;
        qi[s] = i[s]!;
      }
    }
    // Toward A: links 0..p; toward B: links p+1..k (link j joins node j − 1, or A, to node j, or B).
    let accIn = xIn;
    let accOut = xOut;
    for (let j = 0; j <= p; j++) {
      if (j > 0) {
        accIn += ctx.cIn[c.nodes[j - 1]!]!;
        accOut += ctx.cOut[c.nodes[j - 1]!]!;
      }
      const e = c.links[j]!;
      const towardB = core.linkSource[e] === (j === 0 ? c.a : c.nodes[j - 1]!) ? 2 * e : 2 * e + 1;
      qo[towardB ^ 1] = accIn;
      qi[towardB] = accOut;
    }
    accIn = yIn;
    accOut = yOut;
    for (let j = k; j > p; j--) {
      if (j < k) {
        accIn += ctx.cIn[c.nodes[j]!]!;
        accOut += ctx.cOut[c.nodes[j]!]!;
      }
      const e = c.links[j]!;
      const towardB = core.linkSource[e] === (j === 0 ? c.a : c.nodes[j - 1]!) ? 2 * e : 2 * e + 1;
      qo[towardB] = accIn;
      qi[towardB ^ 1] = accOut;
    }
    result.push([x, qo, qi]);
  }
  return result;
}
