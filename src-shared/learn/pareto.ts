/**
 * Pareto front (non-dominated set) for minimisation on every objective:
 * a point is kept unless another is no worse on every objective and better
 * on one. Simple pairwise scan, O(k² · d) for k points — k is a handful of
 * candidates here. Reference: Deb, "Multi-Objective Optimization using
 * Evolutionary Algorithms" (2001), §2.4.
 */
export function paretoFront<T>(items: readonly T[], objectives: (t: T) => readonly number[]): T[] {
  const vals = items.map(objectives);
  return items.filter((_, i) => {
    const a = vals[i]!;
    return !vals.some((b, j) => j !== i && dominates(b, a));
  });
}

export function dominates(a: readonly number[], b: readonly number[]): boolean {
  let better = false;
  for (let k = 0; k < a.length; k++) {
    if (a[k]! > b[k]!) return false;
    if (a[k]! < b[k]!) better = true;
  }
  return better;
}
