import type { SkeletonGraph } from './skeleton-graph';
import type { Lane } from './skeleton-lane';
import type { SkeletonRows } from './skeleton-rows';

/** Per skeleton: where a share over adjacency entry j lands (hopTargets). */
const targets = new WeakMap<SkeletonGraph, Int32Array>();

/**
 * Per adjacency entry j (a node's end of a skeleton link): the directed slot
 * of a direct link in that direction (≥ 0), or −1 − (2c + d) for chain c
 * crossed from its A end (d = 0: transit A→B) or its B end (d = 1). Looked
 * up once per hop instead of the link, its chain and its direction.
 */
function hopTargets(sk: SkeletonGraph): Int32Array {
  let t = targets.get(sk);
  if (t === undefined) {
    const { adjSl, adjFromA, slChain, slSlotA } = sk;
    t = new Int32Array(adjSl.length);
    for (let j = 0; j < adjSl.length; j++) {
      const i = adjSl[j]!;
      const c = slChain[i]!;
      const d = adjFromA[j] === 1 ? 0 : 1;
      t[j] = c < 0 ? slSlotA[i]! + d : -1 - (2 * c + d);
    }
    targets.set(sk, t);
  }
  return t;
}

/**
 * Flow down row s's DAG (next hops toward branch node s) of the weighted
 * masses every destination left in the lanes' row s (skeleton.ts toBranch,
 * skeleton-chain-dest.ts): ECMP even split over next hops, each hop's share
 * onto its direct link or chain. One pass per row, whatever number of
 * destinations fed it; the row's masses are consumed (left zero). Lane by
 * lane: each lane's additions are the same and in the same order as when
 * the lanes went node by node together, without the loop over lanes
 * inside the loop over nodes.
 */
export function rowFlow(sk: SkeletonGraph, rows: SkeletonRows, s: number, lanes: readonly Lane[]): void {
  for (const l of lanes) rowFlowOne(sk, rows, s, l);
}

/** One lane's pass: lanes share nothing but the row, so each takes its own (a lane holding one sender's masses finds most of the row empty). */
function rowFlowOne(sk: SkeletonGraph, rows: SkeletonRows, s: number, l: Lane): void {
  const nb = sk.nb;
  const off = s * nb;
  const id = rows.row(s);
  const ro = id * nb;
  const { ord, hops: rowHops, hopStart, hopCnt } = rows;
  const { adjTo } = sk;
  const to = hopTargets(sk);
  const { w: W, res, tAB, tBA } = l;
  for (let r = rows.reach[id]! - 1; r >= 0; r--) {
    const u = ord[ro + r]!;
    const f = W[off + u]!;
    if (f === 0) continue;
    W[off + u] = 0;
    if (u === s) continue;
    const k = hopCnt[ro + u]!;
    const a = hopStart[ro + u]!;
    const share = f / k;
    for (let x = a; x < a + k; x++) {
      const j = rowHops[x]!;
      W[off + adjTo[j]!]! += share;
      const t = to[j]!;
      if (t >= 0) res[t]! += share;
      else if (((-1 - t) & 1) === 0) tAB[(-1 - t) >> 1]! += share;
      else tBA[(-1 - t) >> 1]! += share;
    }
  }
}
