import { redundancyRank } from '../model/intent';
import type { StepProposal } from './strategies';

/**
 * Governance policy of a project: a step is approved automatically when its
 * cost change is below `autoApproveMaxCostUsd` (either direction), it does
 * not lower the achieved redundancy class, and its rule's strategy is
 * allowed to auto-approve; anything else waits for a person, who approves
 * or rejects with a name and a reason.
 */
export interface GovernancePolicy {
  autoApproveMaxCostUsd: number;
  /** Strategies whose steps may be auto-approved at all. */
  autoStrategies: readonly ('cost' | 'resilience' | 'load')[];
}

export const DEFAULT_POLICY: GovernancePolicy = { autoApproveMaxCostUsd: 10_000, autoStrategies: ['cost', 'resilience', 'load'] };

export interface GovernanceVerdict {
  status: 'auto-approved' | 'proposed';
  reason: string;
}

export function govern(step: StepProposal, strategy: 'cost' | 'resilience' | 'load', policy: GovernancePolicy): GovernanceVerdict {
  const costDelta = step.after.costUsd - step.before.costUsd;
  const lowered =
    step.before.redundancy !== null &&
    (step.after.redundancy === null || redundancyRank(step.after.redundancy) < redundancyRank(step.before.redundancy));
  if (!policy.autoStrategies.includes(strategy)) return { status: 'proposed', reason: `policy: ${strategy} steps always need a person` };
  if (lowered) return { status: 'proposed', reason: `lowers the achieved class ${step.before.redundancy}→${step.after.redundancy ?? 'none'}` };
  if (Math.abs(costDelta) >= policy.autoApproveMaxCostUsd) {
    return { status: 'proposed', reason: `cost change ${Math.round(costDelta).toLocaleString('en-US')} USD is not below ${policy.autoApproveMaxCostUsd.toLocaleString('en-US')} USD` };
  }
  return { status: 'auto-approved', reason: `cost change ${Math.round(costDelta).toLocaleString('en-US')} USD under ${policy.autoApproveMaxCostUsd.toLocaleString('en-US')} USD, class kept` };
}
