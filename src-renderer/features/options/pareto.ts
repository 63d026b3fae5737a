/** A point of the trade-off: lower cost, higher availability, lower latency are better. */
export interface TradeOffPoint {
  id: string;
  costUsd: number;
  availability: number;
  latencyMs: number;
}

/** Does `a` dominate `b`: no worse on every objective and better on one? */
export function dominates(a: TradeOffPoint, b: TradeOffPoint): boolean {
  const noWorse = a.costUsd <= b.costUsd && a.availability >= b.availability && a.latencyMs <= b.latencyMs;
  const better = a.costUsd < b.costUsd || a.availability > b.availability || a.latencyMs < b.latencyMs;
  return noWorse && better;
}

/**
 * Ids of the Pareto-optimal points over (cost ↓, availability ↑, latency ↓):
 * those no other point dominates. O(k²) for k options (k ≤ 20 here).
 */
export function paretoFront(points: readonly TradeOffPoint[]): Set<string> {
  return new Set(points.filter((p) => !points.some((q) => q !== p && dominates(q, p))).map((p) => p.id));
}

/** Linear scale from a domain to a pixel range (a padded domain when all values are equal). */
export function scale(values: readonly number[], from: number, to: number): (v: number) => number {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (!(hi > lo)) {
    lo -= 1;
    hi += 1;
  }
  // 6 % margin so no point sits on an axis.
  const pad = (hi - lo) * 0.06;
  lo -= pad;
  hi += pad;
  return (v) => from + ((v - lo) / (hi - lo)) * (to - from);
}
