import type { CostBreakdown } from '../cost/cost';
import { REDUNDANCY_ORDER, redundancyRank, type Intent, type Redundancy } from '../model/intent';
import type { Topology } from '../model/topology';
import { indexDesign } from './design-index';
import { distanceChecks } from './distance-checks';
import { budgetCheck, capacityCheck, oversubscriptionCheck, portChecks } from './physical';
import { assessRedundancy } from './redundancy';
import { goalWeighted, passedAll, scoreChecks } from './score';
import type { Check, ValidationResult } from './types';

/**
 * Validates a design against an intent (or, without one, against the
 * defaults: connectivity required, everything else reported). Pure and
 * allocation-light, so the renderer can re-run it while a design is edited.
 * Pass `cost` to get the budget check, `onPairs` to follow the site-pair
 * checks (O(sites²): minutes at 50,000 devices). Checks, in order: connectivity,
 * redundancy.standard/high/critical, hops, latency, latency-budget.<i>,
 * ports, port-headroom, oversubscription, capacity, budget.
 */
export function validateDesign(
  topology: Topology,
  intent?: Intent,
  options: { cost?: CostBreakdown; onPairs?: (done: number, total: number) => void } = {},
): ValidationResult {
  const x = indexDesign(topology);
  const required: Redundancy = intent?.redundancy ?? 'NONE';
  const red = assessRedundancy(x);
  const checks: Check[] = [
    {
      id: 'connectivity',
      title: 'Connectivity',
      passed: red.levels.NONE.passed,
      severity: 'error',
      weight: 25,
      message: red.levels.NONE.message,
      evidence: red.levels.NONE.evidence,
    },
  ];
  const requiredLevels = Math.max(0, redundancyRank(required));
  for (const level of REDUNDANCY_ORDER.slice(1)) {
    const v = red.levels[level];
    const needed = redundancyRank(level) <= redundancyRank(required);
    checks.push({
      id: `redundancy.${level.toLowerCase()}`,
      title: `Redundancy ${level}${needed ? '' : ' (beyond the intent)'}`,
      passed: needed ? v.passed : true,
      severity: needed ? 'error' : 'info',
      weight: needed ? 25 / requiredLevels : 0,
      message: needed || v.passed ? v.message : `not met (not required): ${v.message}`,
      evidence: v.evidence,
    });
  }
  const distance = distanceChecks(x, intent, options.onPairs);
  checks.push(...distance.checks);
  checks.push(...portChecks(x, intent));
  checks.push(oversubscriptionCheck(x, intent));
  checks.push(capacityCheck(x, intent));
  checks.push(budgetCheck(options.cost, intent));
  const weighted = goalWeighted(checks, intent?.goal ?? 'balanced');
  return {
    score: scoreChecks(weighted),
    passed: passedAll(weighted),
    redundancyAchieved: red.achieved,
    metrics: {
      diameterHops: distance.diameterHops,
      maxLatencyMs: distance.maxLatencyMs,
      unreachablePairs: distance.unreachablePairs,
    },
    checks: weighted,
  };
}
