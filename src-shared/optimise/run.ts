import type { PriceBook } from '../cost/pricebook';
import type { Intent, Redundancy } from '../model/intent';
import type { Topology } from '../model/topology';
import { govern, type GovernancePolicy, type GovernanceVerdict } from './governance';
import { proposeLoadBalance } from './load';
import { applyPatch } from './patch';
import { proposeResilience } from './resilience';
import { proposeCostCut, type StepProposal, type StrategyInput } from './strategies';

export type Strategy = 'cost' | 'resilience' | 'load';
export const STRATEGIES: readonly Strategy[] = ['cost', 'resilience', 'load'];

export interface OptimiseParams {
  strategy: Strategy;
  keep: Redundancy;
  intent?: Intent;
  maxSteps: number;
  policy: GovernancePolicy;
  priceBook?: PriceBook;
  /** Called after each step is computed (k of at most maxSteps): progress for a job. */
  onStep?: (k: number, maxSteps: number) => void;
}

export interface OptimiseStep extends StepProposal {
  step: number;
  strategy: Strategy;
  verdict: GovernanceVerdict;
  /** The design the step was computed from (kept for replay and undo). */
  base: Topology;
}

const PROPOSERS: Record<Strategy, (i: StrategyInput) => StepProposal | null> = {
  cost: proposeCostCut,
  resilience: proposeResilience,
  load: proposeLoadBalance,
};

/** One step of a strategy from a design (null when nothing improves). Pure and deterministic. */
export function proposeStep(t: Topology, p: Omit<OptimiseParams, 'maxSteps' | 'policy'>): StepProposal | null {
  const input: StrategyInput = { topology: t, keep: p.keep };
  if (p.intent) input.intent = p.intent;
  if (p.priceBook) input.priceBook = p.priceBook;
  return PROPOSERS[p.strategy](input);
}

/**
 * The autonomous loop: propose a step, let governance decide; an
 * auto-approved step is applied and the loop goes on; a step that needs a
 * person is returned as proposed and the loop stops (later steps would
 * depend on it). Stops too when a strategy finds nothing or after
 * `maxSteps`. Returns the steps and the design after the applied ones.
 */
export function optimise(t: Topology, p: OptimiseParams): { steps: OptimiseStep[]; topology: Topology } {
  const steps: OptimiseStep[] = [];
  let current = t;
  for (let k = 1; k <= p.maxSteps; k++) {
    const s = proposeStep(current, p);
    if (!s) break;
    const verdict = govern(s, p.strategy, p.policy);
    steps.push({ ...s, step: k, strategy: p.strategy, verdict, base: current });
    p.onStep?.(k, p.maxSteps);
    if (verdict.status !== 'auto-approved') break;
    current = applyPatch(current, s.patch);
  }
  return { steps, topology: current };
}

/**
 * Replays a recorded step: recomputes it from its recorded base design and
 * parameters and says whether the result is identical (same patch, same
 * before/after figures, same rule), byte for byte as JSON.
 */
export function replayStep(
  recorded: Pick<OptimiseStep, 'base' | 'patch' | 'before' | 'after' | 'rule'>,
  p: Omit<OptimiseParams, 'maxSteps' | 'policy'>,
): { identical: boolean; replayed: StepProposal | null } {
  const replayed = proposeStep(recorded.base, p);
  const pick = (s: Pick<StepProposal, 'patch' | 'before' | 'after' | 'rule'> | null) =>
    s === null ? 'null' : JSON.stringify({ patch: s.patch, before: s.before, after: s.after, rule: s.rule });
  return { identical: pick(replayed) === pick(recorded), replayed };
}
