import type { PatchOp } from '../optimise/patch';
import type { GovernanceVerdict } from '../optimise/governance';
import type { PlanPeriod } from './periods';

/**
 * A capacity plan as it is stored in a project and crosses the IPC boundary
 * (capacity/plan.ts builds it; docs/capacity-plan.md).
 */
export interface LinkWorst {
  link: string;
  /** "l19 (Paris HQ – Frankfurt DC)". */
  linkLabel: string;
  utilisation: number;
  loadGbps: number;
  capacityGbps: number;
  /** The failure in words, or "no failure". */
  failure: string;
}

export type StepKind = 'upgrade' | 'parallel' | 'diverse';

export interface PlanStep {
  seq: number;
  kind: StepKind;
  /** The period the step is first needed in (it is due by that period's start). */
  due: PlanPeriod;
  /** "by Q3 2027: Paris HQ – Frankfurt DC (l4) to 2×100G, $12k + $7.0k/month". */
  summary: string;
  /** The link changed, or the new circuit's id. */
  link: string;
  linkLabel: string;
  from: string;
  to: string;
  patch: PatchOp[];
  /** Change in the design's cost (cost/cost.ts): one-time, monthly recurring, TCO over the term. */
  capexUsd: number;
  monthlyUsd: number;
  tcoUsd: number;
  /** Gbit/s above the utilisation limit the step removes (worst case over the failure set), and TCO per Gbit/s removed. */
  excessRemovedGbps: number;
  usdPerGbps: number;
  rationale: string;
  /** The links the step answers, worst case before it and after it (the twin re-run with the period's steps applied). */
  before: LinkWorst[];
  after: LinkWorst[];
  /** Every link of the period within the limit in the re-run with the step applied. */
  verified: boolean;
  /** Predicted utilisation with nothing failed (expected forecast, no build-for margin) of the step's link per period from its due date. */
  predicted: { period: string; utilisation: number }[];
  /** Governance verdict under the project's policy (set when the plan is stored). */
  verdict?: GovernanceVerdict | undefined;
}

export interface PeriodSummary extends PlanPeriod {
  /** Total demand of the period (Gbit/s, with the build-for margin): expected and the growth interval's ends. */
  demandGbps: { expected: number; low: number; high: number };
  /** Worst case as the design stands (no step) and with the plan's steps due by then. */
  worstAsIs: LinkWorst | null;
  worstWithPlan: LinkWorst | null;
  /** Links over the limit as is, and with the plan. */
  overAsIs: number;
  overWithPlan: number;
  steps: number;
}

export interface IgpAlternative {
  tried: boolean;
  /** The weight changes alone keep every link within the limit in every period. */
  suffices: boolean;
  changes: { link: string; linkLabel: string; from: number; to: number }[];
  /** Worst utilisation over the periods after the changes (and before them). */
  worstBefore: number;
  worstAfter: number;
  note: string;
}

export interface CapacityPlanResult {
  design: { id: string; name: string; revision: number };
  /** Unix ms. */
  createdAt: number;
  basis: { demands: 'measured' | 'intent'; text: string };
  limitPct: number;
  buildForPct: number;
  redundancy: string;
  failureSet: string;
  bound: 'expected' | 'high';
  growth: { base: string; overrides: string[]; network: { rule: string; intervalPct: [number, number] | null }; bySite: { site: string; name: string; rule: string; intervalPct: [number, number] | null; source: string }[] };
  periods: PeriodSummary[];
  /** Utilisation heat: the links with the highest worst case, per period, as is and with the plan. */
  heat: { links: { link: string; linkLabel: string }[]; asIs: number[][]; withPlan: number[][] };
  /** Worst case per link in the last period, as is and with the plan (links over half the limit, most loaded first, at most 200). */
  worstPerLink: { before: LinkWorst; after: LinkWorst }[];
  steps: PlanStep[];
  totals: { capexUsd: number; monthlyUsd: number; tcoUsd: number; termYears: number };
  igp: IgpAlternative;
  /** Links the plan could not bring within the limit, per period, in words. */
  unresolved: string[];
  notes: string[];
  /** Capacity checks run (each routes every failure of the set) and the time taken. */
  work: { checks: number; ms: number };
}

export type CapacityStepStatus = 'auto-approved' | 'proposed' | 'approved' | 'rejected';

/** A stored step's governance state (capacity_steps). */
export interface CapacityStepState {
  id: string;
  seq: number;
  status: CapacityStepStatus;
  /** The policy's reason (auto-approved, or why a person must decide). */
  reason: string;
  decidedBy: string | null;
  decisionReason: string | null;
  decidedAt: number | null;
  /** The design revision the step was built into (applied), and when. */
  builtRevision: number | null;
  builtAt: number | null;
  /** Measured utilisation (nothing failed) of the step's link in periods measured since, next to the plan's prediction. */
  measured: { period: string; predicted: number; measured: number }[] | null;
}

/** A plan as stored in a project, with each step's governance state. */
export interface StoredCapacityPlan {
  id: string;
  topologyId: string;
  createdAt: number;
  plan: CapacityPlanResult;
  steps: CapacityStepState[];
}
