import { costDesign } from '../cost/cost';
import { DEFAULT_PRICE_BOOK, type PriceBook } from '../cost/pricebook';
import { redundancyRank, type Intent, type Redundancy } from '../model/intent';
import type { Topology } from '../model/topology';
import { bridgesAndCutNodes, dfsForest } from '../sim/connectivity';
import { compileTopology } from '../sim/csr';
import { validateDesign } from '../validate/validate';
import type { ValidationResult } from '../validate/types';

/** The figures an optimisation step is judged on (before and after). */
export interface StepMetrics {
  costUsd: number;
  bridges: number;
  articulationPoints: number;
  redundancy: Redundancy | null;
  validationPassed: boolean;
  /** Worst link utilisation over the N-1 sweep (load strategy only). */
  worstN1Utilisation?: number;
}

export interface Assessed {
  metrics: StepMetrics;
  validation: ValidationResult;
}

/** Validation (against the intent when there is one) plus bridge/cut-node counts. O(validate). */
export function assess(t: Topology, intent: Intent | undefined, book: PriceBook = DEFAULT_PRICE_BOOK): Assessed {
  const cost = costDesign(t, book);
  const validation = validateDesign(t, intent, { cost });
  const g = compileTopology(t);
  const { bridges, articulationPoints } = bridgesAndCutNodes(g, dfsForest(g));
  return {
    validation,
    metrics: {
      costUsd: cost.totalUsd,
      bridges: bridges.length,
      articulationPoints: articulationPoints.length,
      redundancy: validation.redundancyAchieved,
      validationPassed: validation.passed,
    },
  };
}

/** Whether a design still meets `keep` (the validation's own class analysis: bridges, cut nodes, 2-edge cuts, SRLG and site outages). */
export const meetsClass = (v: ValidationResult, keep: Redundancy): boolean =>
  v.redundancyAchieved !== null && redundancyRank(v.redundancyAchieved) >= redundancyRank(keep);

/** Error checks that passed before and fail after (a step may not introduce any). */
export function newFailures(before: ValidationResult, after: ValidationResult): string[] {
  const ok = new Set(before.checks.filter((c) => c.passed).map((c) => c.id));
  return after.checks.filter((c) => c.severity === 'error' && !c.passed && ok.has(c.id)).map((c) => c.id);
}
