import type { Design } from '../generate/generate';
import { redundancyRank, type Goal, type Intent } from '../model/intent';
import type { Family } from '../model/topology';
import { compareForGoal, goalMeasure } from './goal';
import type { LearningSample } from './sample';

/**
 * A verified option: one design (family × seed) generated and simulated for
 * an intent, with what was measured and which constraints it fails. The
 * shape the verified ranking, the CLI's `--json`, the streamed partial
 * results of the job and the "what would it take" analysis all read.
 */
export interface MeasuredFigures {
  costUsd: number;
  p95LatencyMs: number;
  availability: number;
  downtimeMinPerYear: number;
}

export interface FailedConstraint {
  /**
   * The validation check's id ('connectivity', 'redundancy.high', 'hops',
   * 'latency', 'latency-budget.0', 'capacity', 'ports', 'budget', …), or
   * 'failure-sweep' when the sweep missed the class and no redundancy check failed.
   */
  id: string;
  title: string;
  message: string;
  /**
   * How far off, relative to the limit (measured / limit − 1), where the
   * constraint has a numeric limit: budget (cost), hops (diameter), latency
   * (worst pair), redundancy (classes short of the required one / required
   * rank). Null where no single figure says it (ports, capacity, …).
   */
  shortfall: number | null;
}

export interface VerifiedOption {
  family: Family;
  /** The generator seed (the variant): 1, 2, … */
  seed: number;
  /** Meets the intent: validation passed, the failure sweep met the class, within budget. */
  success: boolean;
  measured: MeasuredFigures;
  /** The goal's own measure of the measured figures (goal.ts), lower is better. */
  goalMeasure: number;
  failed: FailedConstraint[];
  /** On the Pareto front of (cost, p95 latency, downtime) among the options that meet the intent (all, when none does). */
  onFront: boolean;
}

/** A family not evaluated: not applicable to these sites (applicability.ts), or it could not be built. */
export interface SkippedFamilyShape {
  family: Family;
  reason: string;
  notApplicable: boolean;
}

/** The constraints a measured design fails, each with its relative shortfall where it has one. */
export function failedConstraints(
  intent: Intent,
  design: { validation: Pick<Design['validation'], 'checks' | 'metrics' | 'redundancyAchieved'> },
  sample: { metrics: Pick<LearningSample['metrics'], 'costUsd'>; label: Pick<LearningSample['label'], 'sweepMet' | 'withinBudget'> },
): FailedConstraint[] {
  const v = design.validation;
  const out: FailedConstraint[] = [];
  const required = redundancyRank(intent.redundancy);
  for (const c of v.checks) {
    if (c.passed || c.severity !== 'error') continue;
    let shortfall: number | null = null;
    if (c.id === 'budget' && intent.budgetUsd !== undefined) shortfall = sample.metrics.costUsd / intent.budgetUsd - 1;
    else if (c.id === 'hops' && intent.constraints.maxHops !== undefined) shortfall = v.metrics.diameterHops / intent.constraints.maxHops - 1;
    else if (c.id === 'latency' && intent.constraints.maxLatencyMs !== undefined) shortfall = v.metrics.maxLatencyMs / intent.constraints.maxLatencyMs - 1;
    else if (c.id.startsWith('redundancy.') && required > 0) {
      const achieved = v.redundancyAchieved === null ? -1 : redundancyRank(v.redundancyAchieved);
      shortfall = Math.max(0, required - achieved) / required;
    }
    out.push({ id: c.id, title: c.title, message: c.message, shortfall: shortfall === null ? null : Math.max(0, shortfall) });
  }
  if (!sample.label.sweepMet && !out.some((f) => f.id.startsWith('redundancy.') || f.id === 'connectivity')) {
    out.push({
      id: 'failure-sweep',
      title: `Failure sweep (${intent.redundancy})`,
      message: `the failure sweep found failures ${intent.redundancy} must survive that disconnect surviving sites`,
      shortfall: null,
    });
  }
  // The budget is a constraint of its own even where validation did not report it (no cost passed to it).
  if (!sample.label.withinBudget && !out.some((f) => f.id === 'budget') && intent.budgetUsd !== undefined) {
    out.push({
      id: 'budget',
      title: 'Budget',
      message: `costs ${Math.round(sample.metrics.costUsd).toLocaleString('en-US')} USD, over the ${Math.round(intent.budgetUsd).toLocaleString('en-US')} USD budget`,
      shortfall: sample.metrics.costUsd / intent.budgetUsd - 1,
    });
  }
  return out;
}

/** Sum of the known relative shortfalls: the second key of the distance of an option that fails. */
export function totalShortfall(o: Pick<VerifiedOption, 'failed'>): number {
  return o.failed.reduce((a, f) => a + (f.shortfall ?? 0), 0);
}

/**
 * The one order of verified options (docs/planning-model.md, "Verified
 * recommendation"): options that meet the intent first, by the goal's own
 * measure (ties: cheaper, then lower latency); then the others by how close
 * they come — fewer failed constraints first, then the smaller sum of
 * relative shortfalls, then the goal measure; last, the lower seed.
 */
export function compareVerified(goal: Goal, a: VerifiedOption, b: VerifiedOption): number {
  if (a.success !== b.success) return a.success ? -1 : 1;
  if (!a.success) {
    const d = a.failed.length - b.failed.length;
    if (d !== 0) return d;
    const s = totalShortfall(a) - totalShortfall(b);
    if (Math.abs(s) > 1e-9) return s;
  }
  return compareForGoal(goal, a.measured, b.measured) || a.family.localeCompare(b.family) || a.seed - b.seed;
}

export function rankVerified(goal: Goal, options: readonly VerifiedOption[]): VerifiedOption[] {
  return [...options].sort((a, b) => compareVerified(goal, a, b));
}

/** The measured figures and goal measure of a sample. */
export function measuredOf(goal: Goal, m: MeasuredFigures): { measured: MeasuredFigures; goalMeasure: number } {
  const measured = { costUsd: m.costUsd, p95LatencyMs: m.p95LatencyMs, availability: m.availability, downtimeMinPerYear: m.downtimeMinPerYear };
  return { measured, goalMeasure: goalMeasure(goal, measured) };
}

/** Used by the text surfaces: "meets the intent" or "fails: Redundancy HIGH, Budget". */
export function verdictText(o: Pick<VerifiedOption, 'success' | 'failed'>): string {
  return o.success ? 'meets the intent' : `fails ${o.failed.length === 0 ? 'the intent' : o.failed.map((f) => f.title).join(', ')}`;
}
