import type { SkeletonGraph } from './skeleton-graph';
import type { Lane } from './skeleton-lane';
import type { SkeletonRows } from './skeleton-rows';

/**
 * Flow down row s's DAG (next hops toward branch node s) of the weighted
 * masses every destination left in the lanes' row s (skeleton.ts toBranch,
 * skeleton-chain-dest.ts): ECMP even split over next hops, each hop's share
 * onto its direct link or chain. One pass per row, whatever number of
 * destinations fed it; the row's masses are consumed (left zero).
 */
export function rowFlow(sk: SkeletonGraph, rows: SkeletonRows, s: number, lanes: readonly Lane[]): void {
  const nb = sk.nb;
  const off = s * nb; // lanes' w
  const id = rows.row(s);
  const ro = id * nb;
  const { ord, hops: rowHops, hopStart, hopCnt } = rows;
  const { adjSl, adjTo, adjFromA, slChain, slSlotA } = sk;
  for (let r = rows.reach[id]! - 1; r >= 0; r--) {
    const u = ord[ro + r]!;
    const k = hopCnt[ro + u]!;
    const a = hopStart[ro + u]!;
    for (const l of lanes) {
      const W = l.w;
      const f = W[off + u]!;
      if (f === 0) continue;
      W[off + u] = 0;
      if (u === s) continue;
      const share = f / k;
      for (let x = a; x < a + k; x++) {
        const j = rowHops[x]!;
        const i = adjSl[j]!;
        W[off + adjTo[j]!]! += share;
        const c = slChain[i]!;
        if (c < 0) l.res[slSlotA[i]! + (adjFromA[j] === 1 ? 0 : 1)]! += share;
        else if (adjFromA[j] === 1) l.tAB[c]! += share;
        else l.tBA[c]! += share;
      }
    }
  }
}
