/** Per-call state of skeleton.ts's routings: one lane per out-mass vector, and the side a node falls on. */

/** One out-mass vector's state through a call of loadsMany. */
export interface Lane {
  out: Float64Array;
  res: Float64Array;
  readonly mOut: Float64Array;
  readonly pOut: Float64Array;
  readonly hist: Float64Array;
  /** Per split configuration (as hist): the masses the chain's nodes send to A and to B. */
  readonly mA: Float64Array;
  readonly mB: Float64Array;
  readonly tAB: Float64Array;
  readonly tBA: Float64Array;
  /** Tied nodes' flow toward a chain destination. */
  readonly fl: Float64Array;
  /** Per row s (branch node), at s·nb + u: weighted masses at u that flow toward s (skeleton.ts rowFlow). */
  readonly w: Float64Array;
  /** Nodes with out-mass in this call (mOut ≠ 0), nzCount of them. */
  readonly nz: Int32Array;
  nzCount: number;
  /** Per position of the current chain destination (skeleton-chain-dest.ts): masses bucketed by where they stop joining row A (bA) or start joining row B (bB), and their sums sA, sB. */
  readonly bA: Float64Array;
  readonly bB: Float64Array;
  readonly sA: Float64Array;
  readonly sB: Float64Array;
  /** Flow entering a chain destination's half from A and from B. */
  dA: number;
  dB: number;
}

/** 1: nearer through A, 2: through B, 3: tied (within 1e-9, next hops scanned). */
export function regionOf(ka: number, kb: number): number {
  return Math.abs(ka - kb) > 1e-9 * Math.min(ka, kb) ? (ka < kb ? 1 : 2) : 3;
}

export function newLane(nb: number, chainNodes: number, chains: number, maxK: number): Lane {
  return {
    out: new Float64Array(0),
    res: new Float64Array(0),
    mOut: new Float64Array(nb),
    pOut: new Float64Array(chainNodes + chains),
    hist: new Float64Array(2 * (chainNodes + chains)),
    mA: new Float64Array(2 * (chainNodes + chains)),
    mB: new Float64Array(2 * (chainNodes + chains)),
    tAB: new Float64Array(chains),
    tBA: new Float64Array(chains),
    fl: new Float64Array(nb + 1),
    w: new Float64Array(nb * nb),
    nz: new Int32Array(nb),
    nzCount: 0,
    bA: new Float64Array(maxK + 1),
    bB: new Float64Array(maxK + 1),
    sA: new Float64Array(maxK + 1),
    sB: new Float64Array(maxK + 1),
    dA: 0,
    dB: 0,
  };
}
