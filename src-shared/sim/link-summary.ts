/**
 * The link figures of one impact scenario — maxLoad, maxUtilisation,
 * overloadedLinks and worstLink, written at out[at …] in that order — by the
 * one rule every impact path uses (the general path in impact.ts, the chain
 * path, the leaf-router path): a surviving link is overloaded above
 * 1 + 1e-12 of its capacity, and the worst link is the lowest-index surviving
 * link whose utilisation lies within 1e-12 (relative) of the largest. The
 * tolerance matters because the paths add the same loads in different
 * orders: two links tied in exact arithmetic may differ in the last bits, and
 * the report, the canvas and the decision pack must name the same link
 * whichever path computed the scenario. `load[e]` is link e's load (the larger
 * direction); failed links are skipped.
 */
export function writeLinkSummary(load: Float64Array, failedLinks: Uint8Array, capacities: Float64Array, unitGbps: number, out: Float64Array, at: number): void {
  const m = capacities.length;
  let maxLoad = 0;
  let maxUtil = 0;
  let overloaded = 0;
  for (let e = 0; e < m; e++) {
    if (failedLinks[e] === 1) continue;
    const l = load[e]!;
    if (l > maxLoad) maxLoad = l;
    const u = (l * unitGbps) / capacities[e]!;
    if (u > maxUtil) maxUtil = u;
    if (u > 1 + 1e-12) overloaded++;
  }
  let worst = -1;
  if (maxUtil > 0) {
    const floor = maxUtil * (1 - 1e-12);
    for (let e = 0; e < m && worst < 0; e++) if (failedLinks[e] !== 1 && (load[e]! * unitGbps) / capacities[e]! >= floor) worst = e;
  }
  out[at] = maxLoad;
  out[at + 1] = maxUtil;
  out[at + 2] = overloaded;
  out[at + 3] = worst;
}

/** Each link's load after a change: the larger of its two directions' baseline + delta (never below 0), into `out`. */
export function directedLoadsInto(base: Float64Array, delta: Float64Array, out: Float64Array): Float64Array {
  for (let e = 0; e < out.length; e++) out[e] = Math.max(base[2 * e]! + delta[2 * e]!, base[2 * e + 1]! + delta[2 * e + 1]!, 0);
  return out;
}
