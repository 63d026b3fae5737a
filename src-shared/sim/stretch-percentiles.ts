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

/**
 * percentiles() of the first `count` entries of `values` plus `ones` copies
 * of 1, without sorting them: the two ranks p50 and p95 need are found by
 * selection (Hoare's quickselect, median-of-three pivots), O(count) expected
 * instead of the sort's O(count log count) per scenario. An order statistic
 * is one value whatever the order of ties, so the figures are those of the
 * sort exactly. Reorders `values[0 .. count)` (the sweep's reused buffer).
 */
export function percentilesBySelection(values: Float64Array, count: number, ones: number): { p50: number; p95: number; max: number } {
  const total = count + ones;
  if (total === 0) return { p50: 1, p95: 1, max: 1 };
  let below = 0;
  let max = 1;
  for (let i = 0; i < count; i++) {
    const v = values[i]!;
    if (v < 1) below++;
    if (v > max) max = v;
  }
  // Nearest rank over the merged multiset: the implicit ones sit right after the values below 1.
  const index = (q: number): number => {
    const rank = Math.max(1, Math.ceil(q * total));
    if (rank <= below) return rank - 1;
    if (rank <= below + ones) return -1;
    return rank - ones - 1;
  };
  const i95 = index(0.95);
  const i50 = index(0.5);
  // The larger rank first: its selection leaves every smaller value before it, so the other searches only there.
  const p95 = i95 < 0 ? 1 : select(values, 0, count, i95);
  const p50 = i50 < 0 ? 1 : select(values, 0, i95 >= 0 && i50 <= i95 ? i95 + 1 : count, i50);
  return { p50, p95, max };
}

/** The k-th smallest (0-based) of a[lo .. hi), moving it to a[k] with no larger value before it and no smaller after. */
function select(a: Float64Array, lo: number, hi: number, k: number): number {
  let l = lo;
  let r = hi - 1;
  while (r > l) {
    if (r - l < 16) {
      // Short ranges: insertion sort.
      for (let i = l + 1; i <= r; i++) {
        const x = a[i]!;
        let j = i - 1;
        while (j >= l && a[j]! > x) {
          a[j + 1] = a[j]!;
          j--;
        }
        a[j + 1] = x;
      }
      return a[k]!;
    }
    // Median of three as the pivot, then Hoare's partition.
    const m = (l + r) >>> 1;
    if (a[m]! < a[l]!) swap(a, m, l);
    if (a[r]! < a[l]!) swap(a, r, l);
    if (a[r]! < a[m]!) swap(a, r, m);
    const pivot = a[m]!;
    let i = l;
    let j = r;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    // a[l .. j] ≤ pivot ≤ a[i .. r], and every value strictly between j and i equals the pivot.
    if (k <= j) r = j;
    else if (k >= i) l = i;
    else return a[k]!;
  }
  return a[k]!;
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/**
 * percentiles() of the multiset made of sorted runs (each ascending, kept
 * and shared between scenarios: a chain's failures all change the same
 * pairs' routes outside it, impact-chains.ts), the first `count` entries of
 * `values` (sorted here, in place) and `ones` copies of 1 — without merging
 * the runs: a rank is found by counting, each run searched in O(log), so a
 * scenario costs O(count log count + runs² log²) instead of copying and
 * selecting the runs' tens of thousands of ratios again. The answer is an
 * element of the multiset, the smallest whose count of values ≤ it reaches
 * the rank — the order statistic itself, so identical to sorting them all.
 */
export function percentilesOfRuns(runs: readonly Float64Array[], values: Float64Array, count: number, ones: number): { p50: number; p95: number; max: number } {
  if (runs.length === 0) return percentilesBySelection(values, count, ones);
  const own = values.subarray(0, count).sort();
  const all: Float64Array[] = [...runs, own];
  let total = ones;
  let max = 1;
  for (const r of all) {
    total += r.length;
    if (r.length > 0 && r[r.length - 1]! > max) max = r[r.length - 1]!;
  }
  if (total === 0) return { p50: 1, p95: 1, max: 1 };
  const atMost = (v: number): number => {
    let k = v >= 1 ? ones : 0;
    for (const r of all) k += upperBound(r, v);
    return k;
  };
  const kth = (rank: number): number => {
    let best = ones > 0 && atMost(1) >= rank ? 1 : Infinity;
    for (const r of all) {
      // The first element of r whose count reaches the rank (counts grow along a sorted run).
      let lo = 0;
      let hi = r.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (atMost(r[mid]!) >= rank) hi = mid;
        else lo = mid + 1;
      }
      if (lo < r.length && r[lo]! < best) best = r[lo]!;
    }
    return best;
  };
  // Nearest rank, as percentiles() takes it.
  return { p50: kth(Math.max(1, Math.ceil(0.5 * total))), p95: kth(Math.max(1, Math.ceil(0.95 * total))), max };
}

/** How many entries of the ascending array a are ≤ v. */
function upperBound(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
