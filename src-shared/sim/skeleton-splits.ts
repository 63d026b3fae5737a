import { onShortestPath } from './shortest';
import type { SkeletonGraph } from './skeleton-graph';
import type { Lane } from './skeleton-lane';

/**
 * A chain's split toward a destination (skeleton.ts): its nodes head to the
 * nearer end, a prefix toward the low end and the rest toward the high end,
 * with at most one node tied between them (half each way, ECMP).
 */

/** Split of chain c's nodes [lo, hi) between a low end at distance dL (position posL) and a high end at dR (posR). Returns 2s + tie. */
export function chainSplit(sk: SkeletonGraph, c: number, lo: number, hi: number, dL: number, posL: number, dR: number, posR: number): number {
  const al = sk.alpha;
  const base = sk.nOff[c]!;
  // Heads low while (α − posL) + dL < (posR − α) + dR; binary search on the monotone difference.
  let a = lo;
  let b = hi;
  while (a < b) {
    const mid = (a + b) >> 1;
    const x = al[base + mid]!;
    const toL = x - posL + dL;
    const toR = posR - x + dR;
    if (toL < toR && !onShortestPath(toR, toL, 0)) a = mid + 1;
    else b = mid;
  }
  if (a < hi) {
    const x = al[base + a]!;
    const toL = x - posL + dL;
    const toR = posR - x + dR;
    if (onShortestPath(toL, toR, 0) || onShortestPath(toR, toL, 0)) return 2 * a + 1;
  }
  return 2 * a;
}

/**
 * Loads on chain c's links [lo .. hi] (nodes lo..hi-1 between them) into
 * lane l when nodes [lo, s) head toward the low end, node s splits if `tie`,
 * the rest head high; each node sends out·w (prefix sums of out in l.pOut).
 */
export function addChainSplit(sk: SkeletonGraph, l: Lane, c: number, lo: number, hi: number, s: number, tie: number, w: number): void {
  const base = sk.nOff[c]! + c;
  const P = l.pOut;
  const res = l.res;
  const slotAB = sk.slotAB;
  const firstHigh = s + tie;
  const half = tie === 1 ? (P[base + s + 1]! - P[base + s]!) / 2 : 0;
  for (let j = lo; j <= hi; j++) {
    const slot = slotAB[base + j]!;
    // Toward B on link j: nodes in [firstHigh, j) plus half the tie node when s < j.
    let up = j > firstHigh ? P[base + j]! - P[base + firstHigh]! : 0;
    if (s < j) up += half;
    // Toward A on link j: nodes in [j, s) plus half the tie node when s ≥ j.
    let down = j < s ? P[base + s]! - P[base + j]! : 0;
    if (s >= j) down += half;
    if (up !== 0) res[slot]! += w * up;
    if (down !== 0) res[slot ^ 1]! += w * down;
  }
}
