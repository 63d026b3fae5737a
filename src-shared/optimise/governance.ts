import { redundancyRank } from '../model/intent';
import type { PatchOp } from './patch';
import type { StepProposal } from './strategies';

/**
 * Governance policy of a project: a step is approved automatically when its
 * cost change is below `autoApproveMaxCostUsd` (either direction), it
 * changes at most `autoApproveMaxElements` links and devices, it does not
 * lower the achieved redundancy class, and its rule's strategy is allowed to
 * auto-approve; anything else waits for a person, who approves or rejects
 * with a name and a reason.
 */
export interface GovernancePolicy {
  autoApproveMaxCostUsd: number;
  /** Strategies whose steps may be auto-approved at all. */
  autoStrategies: readonly ('cost' | 'resilience' | 'load')[];
  /**
   * Most links and devices one auto-approved step may change (a device
   * removed with its three links is four). Absent in policies stored before
   * it existed: the default applies.
   */
  autoApproveMaxElements?: number | undefined;
}

/**
 * By default a machine may approve only a small, single change: one element,
 * under $10k, class kept. Anything larger is a decision for a person.
 */
export const DEFAULT_MAX_ELEMENTS = 1;
export const DEFAULT_POLICY: GovernancePolicy = {
  autoApproveMaxCostUsd: 10_000,
  autoStrategies: ['cost', 'resilience', 'load'],
  autoApproveMaxElements: DEFAULT_MAX_ELEMENTS,
};

/** The links and devices a step changes: each link once, a device with the links it brings or takes. */
export function elementsChanged(patch: readonly PatchOp[]): number {
  const ids = new Set<string>();
  for (const o of patch) {
    if (o.op === 'set-weight' || o.op === 'set-capacity') ids.add(`link:${o.linkId}`);
    else if (o.op === 'add-link' || o.op === 'remove-link') ids.add(`link:${o.link.id}`);
    else {
      ids.add(`device:${o.device.id}`);
      for (const l of o.links) ids.add(`link:${l.id}`);
    }
  }
  return ids.size;
}

export interface GovernanceVerdict {
  status: 'auto-approved' | 'proposed';
  reason: string;
}

export function govern(step: StepProposal, strategy: 'cost' | 'resilience' | 'load', policy: GovernancePolicy): GovernanceVerdict {
  const lowered =
    step.before.redundancy !== null &&
    (step.after.redundancy === null || redundancyRank(step.after.redundancy) < redundancyRank(step.before.redundancy));
  return governChange(
    { costDeltaUsd: step.after.costUsd - step.before.costUsd, lowered: lowered ? `lowers the achieved class ${step.before.redundancy}→${step.after.redundancy ?? 'none'}` : null, patch: step.patch },
    strategy,
    policy,
  );
}

/**
 * The policy's rule on one change, whatever proposed it (the optimiser's
 * steps above; a capacity plan's steps, governed as load steps, capacity/governance.ts):
 * `costDeltaUsd` is the change in the design's TCO; `lowered` says how it
 * lowers the achieved class, or null.
 */
export function governChange(
  change: { costDeltaUsd: number; lowered: string | null; patch: readonly PatchOp[] },
  strategy: 'cost' | 'resilience' | 'load',
  policy: GovernancePolicy,
): GovernanceVerdict {
  const costDelta = change.costDeltaUsd;
  if (!policy.autoStrategies.includes(strategy)) return { status: 'proposed', reason: `policy: ${strategy} steps always need a person` };
  if (change.lowered !== null) return { status: 'proposed', reason: change.lowered };
  const changed = elementsChanged(change.patch);
  const maxElements = policy.autoApproveMaxElements ?? DEFAULT_MAX_ELEMENTS;
  if (changed > maxElements) {
    return { status: 'proposed', reason: `changes ${changed} elements; the policy approves at most ${maxElements} automatically` };
  }
  if (Math.abs(costDelta) >= policy.autoApproveMaxCostUsd) {
    return { status: 'proposed', reason: `cost change ${Math.round(costDelta).toLocaleString('en-US')} USD is not below ${policy.autoApproveMaxCostUsd.toLocaleString('en-US')} USD` };
  }
  return { status: 'auto-approved', reason: `cost change ${Math.round(costDelta).toLocaleString('en-US')} USD under ${policy.autoApproveMaxCostUsd.toLocaleString('en-US')} USD, class kept` };
}
