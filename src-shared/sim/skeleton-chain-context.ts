import type { Chain } from './chains';
import type { SkeletonGraph } from './skeleton-graph';
import type { Lane } from './skeleton-lane';

// What a chain's destination pass reads of the row routing under one failure: its own file because the
// plain pass (skeleton-chain-dest.ts), its deposits (skeleton-chain-bulk.ts) and the delta from the
// nothing-failed record (skeleton-chain-delta.ts) all take it, and none may import another in a circle.

/** What the chain-destination pass reads of a skeleton routing (skeleton.ts). */
export interface ChainDestContext {
  readonly sk: SkeletonGraph;
  readonly chains: readonly Chain[];
  /** Row tables: distances and settle order of row id at id·nb, nodes settled per row. */
  readonly dist: Float64Array;
  readonly ord: Int32Array;
  readonly reach: Int32Array;
  /** Skeleton links alive under the current failure. */
  readonly slAlive: Uint8Array;
  /** Whole-number lengths: each chain's split for Δ = d(B) − d(A) at cfgOff + Δ + L (else null). */
  readonly cfgOff: Int32Array | null;
  readonly cfgTable: Int32Array | null;
  /** Whole-number lengths and distances below 1e9: per chain, for v = L − (d(A) − d(B)) at cfgOff + v, the first position whose destination a node is not strictly nearer through A (firstOff), and the first it is strictly nearer through B (firstTwo). */
  readonly firstOff: Int32Array | null;
  readonly firstTwo: Int32Array | null;
  /** The row holding distances toward branch node s under the current failure. */
  row(s: number): number;
  /** Split of chain nodes [lo, hi) between a low end at dL (position posL) and a high end at dR (posR): 2s + tie. */
  split(c: number, lo: number, hi: number, dL: number, posL: number, dR: number, posR: number): number;
  /** Loads on chain c's links [lo .. hi] for split (s, tie), each node sending out·w. */
  addSplit(l: Lane, c: number, lo: number, hi: number, s: number, tie: number, w: number): void;
}
