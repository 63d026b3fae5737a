import { AppError, abortError } from '../../src-shared/contract/result';
import { governChange, type GovernancePolicy } from '../../src-shared/optimise/governance';
import { applyPatch, PatchConflictError } from '../../src-shared/optimise/patch';
import { restoreIntent, type Intent, type Redundancy } from '../../src-shared/model/intent';
import { planningOf } from '../../src-shared/model/traffic';
import { DEFAULT_PLAN_PERIODS, type CapacityPlanOptions, type PlanRequest } from '../../src-shared/capacity/prepare';
import type { CapacityStepState, StoredCapacityPlan } from '../../src-shared/capacity/types';
import { GrowthSpecError, parseGrowthBase, parseGrowthOverrides, resolveSiteGrowth } from '../../src-shared/traffic/site-growth';
import { validateDesign } from '../../src-shared/validate/validate';
import type { ProjectFile } from '../store/projectFile';
import { planInWorker } from '../workers/clients/planning-worker';
import type { JobContext } from './jobs';
import { costForProject, projectPriceBook } from './project-pricing';

export interface CapacityPlanInput extends CapacityPlanOptions {
  projectId: string;
  designId: string;
  /** Statistic of the measured periods to plan on (default p95). */
  statistic?: string | undefined;
}

/**
 * `capacity:plan` (job), `capacity:list`, `capacity:decide`, `capacity:built`,
 * `capacity:outcomes`: the costed, approved capacity plan of a design. One
 * implementation for IPC and the CLI. A plan is computed in the planning
 * worker (src-shared/capacity/prepare.ts), stored with each step's governance
 * verdict under the project's approval policy (the optimiser's, governed as
 * load steps: auto-approved under the cost and element thresholds, otherwise
 * waiting for a named person), and audited. Approval is a decision to buy;
 * `built` applies an approved step to the design when it is in service, and
 * `outcomes` compares the utilisation measured since with the plan's
 * prediction (stored on the step).
 */
export class CapacityService {
  constructor(
    private readonly project: (projectId: string) => ProjectFile,
    /** The project's approval policy: the optimiser's (services/optimise.ts), one policy for every proposed change. */
    private readonly policyOf: (projectId: string) => GovernancePolicy,
    private readonly now: () => number = Date.now,
  ) {}

  /** The request for the worker, checked now so bad options fail before a job starts (field named). */
  request(input: CapacityPlanInput): PlanRequest {
    const p = this.project(input.projectId);
    const rec = p.topologies.get(input.designId);
    const intent = rec.intentId ? this.intentOf(p, rec.intentId) : null;
    const planning = planningOf(rec.topology, intent ?? undefined);
    const redundancy: Redundancy = intent?.redundancy ?? validateDesign(rec.topology, undefined).redundancyAchieved ?? 'NONE';
    const statistic = input.statistic ?? 'p95';
    const measured = p.traffic.list(rec.id).filter((x) => x.statistic === statistic && x.label !== 'all');
    const periods = input.periods ?? DEFAULT_PLAN_PERIODS;
    if (!Number.isInteger(periods) || periods < 1 || periods > 40) throw new AppError('INVALID_INPUT', `periods: ${periods} must be a whole number from 1 to 40`);
    if (input.basis === 'measured' && measured.length === 0) {
      throw new AppError('INVALID_INPUT', `basis: no measured traffic (${statistic}) for "${rec.name}": import counters first (nettwin traffic import), or plan on the intent's traffic`);
    }
    try {
      const base = parseGrowthBase(input.growth ?? (measured.length >= 2 ? 'fitted' : '0%'));
      resolveSiteGrowth(rec.topology, { base, overrides: input.siteGrowth ? parseGrowthOverrides(input.siteGrowth) : [] }, measured);
    } catch (err) {
      if (err instanceof GrowthSpecError) throw new AppError('INVALID_INPUT', err.message);
      throw err;
    }
    const options: CapacityPlanOptions = {
      periods,
      ...(input.growth !== undefined ? { growth: input.growth } : {}),
      ...(input.siteGrowth !== undefined ? { siteGrowth: input.siteGrowth } : {}),
      ...(input.bound !== undefined ? { bound: input.bound } : {}),
      ...(input.basis !== undefined ? { basis: input.basis } : {}),
      ...(input.method !== undefined ? { method: input.method } : {}),
    };
    return {
      topology: rec.topology,
      design: { id: rec.id, name: rec.name, revision: rec.revision },
      planning,
      redundancy,
      book: projectPriceBook(p),
      measured,
      options,
      now: this.now(),
    };
  }

  async plan(input: CapacityPlanInput, ctx?: JobContext): Promise<StoredCapacityPlan> {
    const req = this.request(input);
    ctx?.progress(0, 1, 'planning capacity');
    let plan;
    try {
      plan = await planInWorker(
        { kind: 'capacity', request: req },
        { signal: ctx?.signal, onProgress: (done, total, label) => ctx?.progress(done, total, label) },
      );
    } catch (err) {
      if (ctx?.signal.aborted === true) throw abortError();
      throw err;
    }
    if (ctx?.signal.aborted === true) throw abortError();
    const p = this.project(input.projectId);
    if (p.topologies.get(input.designId).revision !== req.design.revision) {
      throw new AppError('CONFLICT', `the design changed while the plan was computed (revision ${req.design.revision}); plan again`);
    }
    const policy = this.policyOf(input.projectId);
    const verdicts = plan.steps.map((s) => governChange({ costDeltaUsd: s.tcoUsd, lowered: null, patch: s.patch }, 'load', policy));
    plan.steps.forEach((s, i) => (s.verdict = verdicts[i]));
    return p.transaction(() => {
      const stored = p.capacity.insert(req.design.id, plan, verdicts);
      p.audit.append('user', 'capacity.plan', stored.id, {
        design: req.design.id,
        periods: plan.periods.map((x) => x.label),
        steps: plan.steps.length,
        capexUsd: plan.totals.capexUsd,
        monthlyUsd: plan.totals.monthlyUsd,
        unresolved: plan.unresolved.length,
      });
      for (const s of stored.steps) {
        const step = plan.steps.find((x) => x.seq === s.seq)!;
        p.audit.append(s.status === 'auto-approved' ? 'policy' : 'planner', `capacity.${s.status}`, s.id, { summary: step.summary, tcoUsd: step.tcoUsd, reason: s.reason });
      }
      return stored;
    });
  }

  list(projectId: string, designId: string): StoredCapacityPlan[] {
    const p = this.project(projectId);
    return p.capacity.list(p.topologies.get(designId).id);
  }

  decide(input: { projectId: string; stepId: string; decision: 'approve' | 'reject'; actor: string; reason: string }): StoredCapacityPlan {
    this.needPerson(input.actor, input.reason);
    const p = this.project(input.projectId);
    const { state } = this.step(p, input.stepId);
    if (state.status !== 'proposed') throw new AppError('CONFLICT', `capacity step ${state.seq} is ${state.status}, not waiting for a decision`);
    const status = input.decision === 'approve' ? 'approved' : 'rejected';
    return p.transaction(() => {
      p.capacity.decide(input.stepId, status, input.actor.trim(), input.reason.trim());
      p.decisions.insert({ subjectKind: 'capacity-step', subjectId: input.stepId, decision: status, actor: input.actor.trim(), reason: input.reason.trim() });
      p.audit.append(input.actor.trim(), `capacity.${status}`, input.stepId, { reason: input.reason.trim() });
      return p.capacity.planOfStep(input.stepId)!;
    });
  }

  /** An approved step is in service: its change is applied to the design (refused when the design moved on so that it no longer fits). */
  built(input: { projectId: string; stepId: string; actor: string }): StoredCapacityPlan {
    if (!input.actor.trim()) throw new AppError('INVALID_INPUT', 'actor: marking a step built needs the name of the person who says so');
    const p = this.project(input.projectId);
    const { plan, state, step } = this.step(p, input.stepId);
    if (state.status !== 'approved' && state.status !== 'auto-approved') throw new AppError('CONFLICT', `capacity step ${state.seq} is ${state.status}: only an approved step can be built`);
    if (state.builtRevision !== null) throw new AppError('CONFLICT', `capacity step ${state.seq} was built into revision ${state.builtRevision} already`);
    return p.transaction(() => {
      const rec = p.topologies.get(plan.topologyId);
      let next;
      try {
        next = applyPatch(rec.topology, step.patch);
      } catch (err) {
        if (err instanceof PatchConflictError) throw new AppError('CONFLICT', `capacity step ${state.seq} no longer fits the design: ${err.message}; plan again`);
        throw err;
      }
      const revision = p.topologies.update(rec.id, next, rec.revision, costForProject(p, next));
      p.capacity.built(input.stepId, revision);
      p.audit.append(input.actor.trim(), 'capacity.built', input.stepId, { summary: step.summary, revision });
      return p.capacity.planOfStep(input.stepId)!;
    });
  }

  /**
   * Measured against predicted: for every built step, the utilisation of its
   * link with nothing failed — measured: the busier direction of a stored
   * period with the same label (its statistic, p95 by default) over the
   * link's capacity now — next to the plan's prediction for that period.
   * Stored on the step and audited; the plan comes back with them.
   */
  outcomes(input: { projectId: string; planId: string; statistic?: string | undefined }): StoredCapacityPlan {
    const p = this.project(input.projectId);
    const stored = p.capacity.get(input.planId);
    if (stored === undefined) throw new AppError('NOT_FOUND', `capacity plan ${input.planId} not found`);
    const rec = p.topologies.get(stored.topologyId);
    const periods = new Map(p.traffic.list(rec.id).filter((x) => x.statistic === (input.statistic ?? 'p95')).map((x) => [x.label, x]));
    const capacity = new Map(rec.topology.links.map((l) => [l.id, l.capacityGbps]));
    return p.transaction(() => {
      let compared = 0;
      for (const s of stored.steps) {
        if (s.builtRevision === null) continue;
        const step = stored.plan.steps.find((x) => x.seq === s.seq)!;
        const cap = capacity.get(step.link);
        if (cap === undefined) continue;
        const rows: NonNullable<CapacityStepState['measured']> = [];
        for (const pr of step.predicted) {
          const l = periods.get(pr.period)?.loads[step.link];
          if (l === undefined) continue;
          rows.push({ period: pr.period, predicted: pr.utilisation, measured: Math.max(l.fwd ?? 0, l.rev ?? 0) / cap });
        }
        p.capacity.setMeasured(s.id, rows);
        compared += rows.length;
      }
      p.audit.append('user', 'capacity.outcomes', stored.id, { compared });
      return p.capacity.get(stored.id)!;
    });
  }

  private step(p: ProjectFile, stepId: string) {
    const plan = p.capacity.planOfStep(stepId);
    if (plan === undefined) throw new AppError('NOT_FOUND', `capacity step ${stepId} not found`);
    const state = plan.steps.find((s) => s.id === stepId)!;
    return { plan, state, step: plan.plan.steps.find((s) => s.seq === state.seq)! };
  }

  private needPerson(actor: string, reason: string): void {
    if (!actor.trim()) throw new AppError('INVALID_INPUT', 'actor: a decision needs the name of the person who takes it');
    if (!reason.trim()) throw new AppError('INVALID_INPUT', 'reason: a decision needs a reason');
  }

  private intentOf(p: ProjectFile, intentId: string): Intent | null {
    const r = restoreIntent(p.intents.get(intentId)?.intent);
    return r.success ? r.data : null;
  }
}
