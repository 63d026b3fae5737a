/**
 * Isotonic regression by pool-adjacent-violators (Ayer et al. 1955;
 * Barlow et al. 1972): the non-decreasing step function closest in squared
 * error to (x, y) pairs. Used to calibrate stated success probabilities
 * against what happened (Zadrozny & Elkan 2002, "Transforming classifier
 * scores into accurate multiclass probability estimates", KDD). Between
 * block centres the map is interpolated linearly; outside them it is flat.
 * Fit O(n log n) (the sort); apply O(log blocks).
 */
export interface IsotonicMap {
  /** Block centres (mean x) and values (mean y), both non-decreasing. */
  readonly xs: readonly number[];
  readonly ys: readonly number[];
}

export function fitIsotonic(points: readonly { x: number; y: number }[]): IsotonicMap {
  const sorted = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)).sort((a, b) => a.x - b.x);
  // Blocks as (sum x, sum y, weight); ties in x start in one block so the map is a function of x.
  const bx: number[] = [];
  const by: number[] = [];
  const bw: number[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    let sx = 0;
    let sy = 0;
    while (j < sorted.length && sorted[j]!.x === sorted[i]!.x) {
      sx += sorted[j]!.x;
      sy += sorted[j]!.y;
      j++;
    }
    bx.push(sx);
    by.push(sy);
    bw.push(j - i);
    i = j;
    // Pool while the last block's mean is below the one before it.
    while (by.length > 1 && by.at(-1)! / bw.at(-1)! < by.at(-2)! / bw.at(-2)!) {
      const w = bw.pop()!;
      const y = by.pop()!;
      const x = bx.pop()!;
      bw[bw.length - 1]! += w;
      by[by.length - 1]! += y;
      bx[bx.length - 1]! += x;
    }
  }
  return { xs: bx.map((x, k) => x / bw[k]!), ys: by.map((y, k) => y / bw[k]!) };
}

/** The calibrated value at x (the identity when the map was fitted on nothing). */
export function applyIsotonic(m: IsotonicMap, x: number): number {
  const n = m.xs.length;
  if (n === 0) return x;
  if (x <= m.xs[0]!) return m.ys[0]!;
  if (x >= m.xs[n - 1]!) return m.ys[n - 1]!;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (m.xs[mid]! <= x) lo = mid;
    else hi = mid;
  }
  const t = (x - m.xs[lo]!) / (m.xs[hi]! - m.xs[lo]!);
  return m.ys[lo]! + t * (m.ys[hi]! - m.ys[lo]!);
}
