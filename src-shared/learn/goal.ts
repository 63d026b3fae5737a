import type { Goal } from '../model/intent';
import type { DesignMetrics } from './sample';

/**
 * The goal's own measure of a design, lower is better:
 * - cost: total cost in USD;
 * - latency: 95th-percentile site-to-site latency in ms;
 * - resilience: expected downtime (pair-averaged minutes a year);
 * - balanced: the geometric mean of cost, p95 latency and (1 + downtime
 *   minutes), so a 10 % change in any one moves it the same amount whatever
 *   the units (a scale-free compromise).
 * Regret of a pick = (measure(pick) − measure(best)) / measure(best); for
 * resilience the denominator is at least REGRET_FLOOR_MIN minutes, the
 * resolution at which availability figures mean anything.
 */
export const REGRET_FLOOR_MIN = 1;

export type GoalMetrics = Pick<DesignMetrics, 'costUsd' | 'p95LatencyMs' | 'downtimeMinPerYear'>;

export function goalMeasure(goal: Goal, m: GoalMetrics): number {
  switch (goal) {
    case 'cost':
      return m.costUsd;
    case 'latency':
      return m.p95LatencyMs;
    case 'resilience':
      return m.downtimeMinPerYear;
    case 'balanced':
      return Math.cbrt(Math.max(1, m.costUsd) * Math.max(0.01, m.p95LatencyMs) * (1 + m.downtimeMinPerYear));
  }
}

/** Secondary key for ties on the goal measure: cheaper first, then lower latency. */
export function compareForGoal(goal: Goal, a: GoalMetrics, b: GoalMetrics): number {
  const d = goalMeasure(goal, a) - goalMeasure(goal, b);
  const scale = Math.max(Math.abs(goalMeasure(goal, b)), goal === 'resilience' ? 1e-3 : 1e-9);
  if (Math.abs(d) > 1e-6 * scale) return d;
  return a.costUsd - b.costUsd || a.p95LatencyMs - b.p95LatencyMs;
}

export function regret(goal: Goal, pick: GoalMetrics, best: GoalMetrics): number {
  const mp = goalMeasure(goal, pick);
  const mb = goalMeasure(goal, best);
  const denom = goal === 'resilience' ? Math.max(REGRET_FLOOR_MIN, mb) : mb;
  return denom > 0 ? Math.max(0, (mp - mb) / denom) : 0;
}

export const GOAL_WORDS: Record<Goal, string> = {
  cost: 'lowest total cost',
  latency: 'lowest p95 latency',
  resilience: 'least expected downtime',
  balanced: 'best balance of cost, latency and downtime',
};
