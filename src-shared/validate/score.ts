import type { Goal } from '../model/intent';
import type { Check } from './types';

/**
 * The 0–100 design score: the weighted share of checks passed,
 * score = round(100 × Σ weight(passed) / Σ weight). Weights: connectivity 25;
 * redundancy 25 in all, split evenly over the classes the intent requires
 * (STANDARD, HIGH, CRITICAL up to the required one); hops 10; latency 10;
 * each pair latency budget 5; ports 10; port headroom 5; leaf
 * oversubscription 5 (when there are leaves); site capacity 5; budget 10
 * (when there is a budget). Info checks weigh 0. The intent's goal then
 * doubles the weights it cares about (goalWeighted): cost → budget;
 * latency → hops, latency and latency budgets; resilience → connectivity and
 * redundancy; balanced → none. With no weighted check the score is 100. A design `passed` when no error-severity check fails; the
 * score ranks designs that pass, and shows how far off the others are.
 */
export function scoreChecks(checks: readonly Check[]): number {
  let total = 0;
  let earned = 0;
  for (const c of checks) {
    total += c.weight;
    if (c.passed) earned += c.weight;
  }
  return total === 0 ? 100 : Math.round((100 * earned) / total);
}

export function passedAll(checks: readonly Check[]): boolean {
  return checks.every((c) => c.passed || c.severity !== 'error');
}

const GOAL_CHECKS: Record<Goal, (id: string) => boolean> = {
  cost: (id) => id === 'budget',
  latency: (id) => id === 'hops' || id === 'latency' || id.startsWith('latency-budget.'),
  resilience: (id) => id === 'connectivity' || id.startsWith('redundancy.'),
  balanced: () => false,
};

/** The checks with the weights the goal emphasises doubled. */
export function goalWeighted(checks: Check[], goal: Goal): Check[] {
  const emphasised = GOAL_CHECKS[goal];
  return checks.map((c) => (emphasised(c.id) ? { ...c, weight: c.weight * 2 } : c));
}
