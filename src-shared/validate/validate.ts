import type { CostBreakdown } from '../cost/cost';
import { CAPACITY_MAX_DEVICES, CLASS_FAILURES, capacityUnderFailure, survivesClass, worstFor, type CapacityReport, type RoutedFailures } from '../model/capacity';
import { REDUNDANCY_ORDER, redundancyRank, type Intent, type Redundancy } from '../model/intent';
import { designDemands, planningOf } from '../model/traffic';
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
 * `redundancyAchieved` is the strongest class whose failure set the design
 * survives both in connectivity (redundancy.ts) and in capacity: no link
 * above the utilisation limit after any failure of the set (model/capacity.ts).
 */
export function validateDesign(
  topology: Topology,
  intent?: Intent,
  options: {
    cost?: CostBreakdown;
    onPairs?: (done: number, total: number) => void;
    /** Routed loads of an earlier capacity run (generation's sizing): reused where the routing is the same. */
    routed?: RoutedFailures;
  } = {},
): ValidationResult {
  const x = indexDesign(topology);
  const required: Redundancy = intent?.redundancy ?? 'NONE';
  const red = assessRedundancy(x);
  const capacity = capacityFor(topology, x.g, intent, red.achieved, options.routed);
  // A class counts only when its failures also leave every link within the limit.
  let achieved = red.achieved;
  if (achieved !== null && capacity !== null && capacity.totalDemandGbps > 0) {
    // Above BEYOND_INTENT_DEVICES only the required class's failures were routed: claim no more than that.
    if (topology.nodes.length > BEYOND_INTENT_DEVICES) achieved = REDUNDANCY_ORDER[Math.min(redundancyRank(achieved), redundancyRank(required))]!;
    while (achieved !== 'NONE' && !survivesClass(capacity, achieved)) achieved = REDUNDANCY_ORDER[redundancyRank(achieved) - 1]!;
  }
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
    // A class whose connectivity holds but whose failures overload a link is not met either.
    const last = checks[checks.length - 1]!;
    if (v.passed && capacity !== null && capacity.totalDemandGbps > 0 && !survivesClass(capacity, level as Exclude<Redundancy, 'NONE'>)) {
      const w = worstFor(capacity, level as Exclude<Redundancy, 'NONE'>);
      const why = `its failures overload links (${w === null ? '' : `${w.linkLabel} at ${Math.round(w.utilisation * 100)} % when ${w.failure}`}; limit ${Math.round(capacity.limit * 100)} %)`;
      last.passed = !needed;
      last.message = needed ? `connectivity holds, but ${why}` : `not met (not required): ${why}`;
    }
  }
  const distance = distanceChecks(x, intent, options.onPairs);
  checks.push(...distance.checks);
  checks.push(...portChecks(x, intent));
  checks.push(oversubscriptionCheck(x, intent));
  checks.push(capacityCheck(capacity, intent, topology.nodes.length));
  checks.push(budgetCheck(options.cost, intent));
  const weighted = goalWeighted(checks, intent?.goal ?? 'balanced');
  return {
    score: scoreChecks(weighted),
    passed: passedAll(weighted),
    redundancyAchieved: achieved,
    metrics: {
      diameterHops: distance.diameterHops,
      maxLatencyMs: distance.maxLatencyMs,
      unreachablePairs: distance.unreachablePairs,
      ...(distance.latencyBudgetWorstMs.length > 0 ? { latencyBudgetWorstMs: distance.latencyBudgetWorstMs } : {}),
      ...(capacity !== null && capacity.totalDemandGbps > 0
        ? (() => {
            const cls = intent?.redundancy ?? 'NONE';
            const w = cls === 'NONE' ? capacity.baseline : worstFor(capacity, cls);
            return {
              totalDemandGbps: capacity.totalDemandGbps,
              worstUtilisation: w?.utilisation ?? 0,
              worstCase: w === null ? '' : `${w.linkLabel} at ${Math.round(w.utilisation * 100)} % ${w.failureKind === 'none' ? 'with nothing failed' : `when ${w.failure}`}`,
            };
          })()
        : {}),
    },
    checks: weighted,
  };
}

/**
 * Capacity under the failures of the stronger of the required class and the
 * class the design's connectivity reaches (so both the check and
 * `redundancyAchieved` read it); null above CAPACITY_MAX_DEVICES.
 */
/** Devices up to which classes stronger than the intent asks are verified for capacity too (one sweep each). */
export const BEYOND_INTENT_DEVICES = 300;

function capacityFor(
  t: Topology,
  g: ReturnType<typeof indexDesign>['g'],
  intent: Intent | undefined,
  reached: Redundancy | null,
  routed: RoutedFailures | undefined,
): CapacityReport | null {
  if (t.nodes.length > CAPACITY_MAX_DEVICES) return null;
  const planning = planningOf(t, intent);
  const required = redundancyRank(intent?.redundancy ?? 'NONE');
  // Classes beyond the intent are verified for capacity on designs up to BEYOND_INTENT_DEVICES only.
  const rank = t.nodes.length > BEYOND_INTENT_DEVICES ? required : Math.max(required, reached === null ? 0 : redundancyRank(reached));
  const kinds = rank === 0 ? [] : CLASS_FAILURES[REDUNDANCY_ORDER[rank] as Exclude<Redundancy, 'NONE'>];
  // The sizing run's demands when this is the design it sized (the same sites, devices and intent).
  const demands = routed?.demandsFor(t, g, intent) ?? designDemands(t, g, intent);
  return capacityUnderFailure(t, g, demands, planning.utilisationLimitPct / 100, kinds, routed);
}
