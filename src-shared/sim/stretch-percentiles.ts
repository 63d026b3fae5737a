/**
 * p50, p95 and max of a multiset made of `values` plus `ones` copies of 1.
 * A typed-array sort (numeric, no comparator callback): a scenario's changed
 * ratios run to tens of thousands on a real ISP with its own matrix, and the
 * comparator sort was the sweep's largest cost there.
 */
export function percentiles(values: readonly number[], ones: number): { p50: number; p95: number; max: number } {
  return percentilesInPlace(Float64Array.from(values).sort(), ones);
}

/** percentiles() of values already sorted ascending (the sweep sorts its reused buffer in place). */
export function percentilesInPlace(all: Float64Array, ones: number): { p50: number; p95: number; max: number } {
  const total = all.length + ones;
  if (total === 0) return { p50: 1, p95: 1, max: 1 };
  // How many changed ratios lie below 1: the implicit ones sit right after them.
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (all[mid]! < 1) lo = mid + 1;
    else hi = mid;
  }
  const below = lo;
  const at = (q: number): number => {
    // Nearest-rank percentile over the merged (sorted values + ones) multiset.
    const rank = Math.max(1, Math.ceil(q * total));
    if (rank <= below) return all[rank - 1]!;
    if (rank <= below + ones) return 1;
    return all[rank - ones - 1]!;
  };
  return { p50: at(0.5), p95: at(0.95), max: Math.max(1, all.length > 0 ? all[all.length - 1]! : 1) };
}
