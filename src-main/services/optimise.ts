import type { OptimiseRunResultShape } from '../../src-shared/contract/learn-types';
import { AppError } from '../../src-shared/contract/result';
import { DEFAULT_POLICY, type GovernancePolicy } from '../../src-shared/optimise/governance';
import { assess } from '../../src-shared/optimise/metrics';
import { applyPatch, invertPatch, PatchConflictError, type PatchOp } from '../../src-shared/optimise/patch';
import { replayStep, STRATEGIES, type Strategy } from '../../src-shared/optimise/run';
import { restorePolicy, restoreStepAfter, restoreStepBefore, storedPolicy, type StepAfter, type StepBefore } from '../../src-shared/optimise/stored';
import { parseStoredJson } from '../../src-shared/lib/versioned';
import { type Intent, type Redundancy, restoreIntent } from '../../src-shared/model/intent';
import { APP_VERSION } from '../../src-shared/lib/version';
import type { Topology } from '../../src-shared/model/topology';
import type { OptimisationEntry, OptimisationRepository } from '../store/repos/optimisations';
import type { ProjectFile } from '../store/projectFile';
import { abortError } from '../../src-shared/contract/result';
import type { JobContext } from './jobs';
import { planInWorker } from '../workers/clients/planning-worker';
import { costForProject } from './project-pricing';

const POLICY_KEY = 'governance.policy';
export const DEFAULT_MAX_STEPS = 10;

export interface OptimiseRunInput {
  projectId: string;
  designId: string;
  strategy: Strategy;
  /** Class every step must keep; default: the design's intent class, else what it achieves now. */
  keep?: Redundancy;
  maxSteps?: number;
}

/** Declared once, in the contract: what optimise:run's job answers. */
export type OptimiseRunResult = OptimiseRunResultShape;


/** A logged step's stored documents, migrated and validated; an error names the row and column. */
const beforeOf = (e: OptimisationEntry): StepBefore => restoreStepBefore(e.before, `optimization_log.before_json of step ${e.id}`);
const afterOf = (e: OptimisationEntry): StepAfter => restoreStepAfter(e.after, `optimization_log.after_json of step ${e.id}`);
const strategyOf = (e: OptimisationEntry): Strategy => {
  const s = STRATEGIES.find((x) => x === e.strategy);
  if (s === undefined) throw new AppError('DAMAGED', `optimization_log.strategy of step ${e.id}: unknown strategy "${e.strategy}"`);
  return s;
};

/**
 * `optimise:run` (job), `optimise:decide`, `optimise:undo`, `optimise:list`, `optimise:policy`:
 * the autonomous optimiser over a project's designs with governance. Every
 * step is written to optimization_log with before/after figures, the rule,
 * the rationale and the expected improvement; the actual improvement is the
 * design's measured figures when the step is applied. Auto-approved steps
 * are applied at once; proposed ones wait for `decide`; any applied step can
 * be undone (its inverse patch, refused when the design moved on so that it
 * no longer fits).
 */
export class OptimiseService {
  constructor(
    private readonly project: (projectId: string) => ProjectFile,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws now, before a job starts, what run would fail with at once: a project that cannot be written or a missing design. */
  checkRunnable(projectId: string, designId: string): void {
    if (!this.project(projectId).topologies.has(designId)) throw new AppError('NOT_FOUND', `design ${designId} not found in this project`);
  }

  policy(projectId: string): GovernancePolicy {
    const raw = this.project(projectId).meta.get(POLICY_KEY);
    const where = `project_meta "${POLICY_KEY}"`;
    return raw ? restorePolicy(parseStoredJson(raw, where), where) : DEFAULT_POLICY;
  }

  setPolicy(projectId: string, policy: GovernancePolicy, actor: string): GovernancePolicy {
    const p = this.project(projectId);
    p.transaction(() => {
      p.meta.set(POLICY_KEY, JSON.stringify(storedPolicy(policy)));
      p.audit.append(actor, 'governance.policy', null, policy);
    });
    return policy;
  }

  async run(input: OptimiseRunInput, ctx?: JobContext): Promise<OptimiseRunResult> {
    const p = this.project(input.projectId);
    const rec = p.topologies.get(input.designId);
    const intent = rec.intentId ? this.intentOf(p, rec.intentId) : null;
    const keep = input.keep ?? intent?.redundancy ?? assess(rec.topology, undefined).metrics.redundancy ?? 'NONE';
    const maxSteps = input.maxSteps ?? DEFAULT_MAX_STEPS;
    ctx?.progress(0, maxSteps, `optimising for ${input.strategy}`);
    // In a worker thread: a step on a large design takes seconds, and Cancel must not wait for it.
    let result;
    try {
      result = await planInWorker(
        { kind: 'optimise', topology: rec.topology, params: { strategy: input.strategy, keep, maxSteps, policy: this.policy(input.projectId), ...(intent ? { intent } : {}) } },
        { signal: ctx?.signal, onProgress: (done, total) => ctx?.progress(done, total, `optimising for ${input.strategy}: step ${done} of at most ${total}`) },
      );
    } catch (err) {
      if (ctx?.signal.aborted === true) throw abortError();
      throw err;
    }
    if (ctx?.signal.aborted === true) throw abortError();
    if (p.topologies.get(input.designId).revision !== rec.revision) {
      throw new AppError('CONFLICT', `the design changed while the optimiser ran (revision ${rec.revision}); run it again`);
    }
    const log = p.optimisations;
    const entries: OptimisationEntry[] = [];
    let revision = rec.revision;
    p.transaction(() => {
      const base = log.list(input.designId).length;
      for (const s of result.steps) {
        const before: StepBefore = { metrics: s.before, base: s.base, params: { keep, intent, softwareVersion: APP_VERSION } };
        const after: StepAfter = { metrics: s.after, patch: s.patch };
        const auto = s.verdict.status === 'auto-approved';
        const e = log.insert({
          topologyId: input.designId, step: base + s.step, strategy: s.strategy, rule: s.rule, rationale: s.rationale,
          before, after, expected: s.expected, status: s.verdict.status,
          decidedBy: auto ? 'policy' : null, decisionReason: s.verdict.reason,
        });
        p.audit.append(auto ? 'policy' : 'optimizer', `optimize.${s.verdict.status}`, e.id, { rule: s.rule, expected: s.expected, reason: s.verdict.reason });
        if (auto) revision = this.applyTo(p, input.designId, s.patch, e.id, intent);
        entries.push(log.get(e.id)!);
      }
    });
    ctx?.progress(maxSteps, maxSteps, 'done');
    const last = result.steps.at(-1);
    const stoppedFor = last && last.verdict.status !== 'auto-approved' ? 'approval' : result.steps.length >= maxSteps ? 'max-steps' : 'nothing-to-improve';
    return { steps: entries, revision, stoppedFor };
  }

  decide(input: { projectId: string; stepId: string; decision: 'approve' | 'reject'; actor: string; reason: string }): OptimisationEntry {
    this.needPerson(input.actor, input.reason);
    const p = this.project(input.projectId);
    const log = p.optimisations;
    const e = this.entry(log, input.stepId);
    if (e.status !== 'proposed') throw new AppError('CONFLICT', `step ${e.id} is ${e.status}, not waiting for a decision`);
    return p.transaction(() => {
      if (input.decision === 'approve') {
        const before = beforeOf(e);
        this.applyTo(p, e.topologyId, afterOf(e).patch, e.id, before.params.intent);
      }
      const status = input.decision === 'approve' ? 'approved' : 'rejected';
      p.decisions.insert({ subjectKind: 'optimization', subjectId: e.id, decision: status, actor: input.actor, reason: input.reason });
      p.audit.append(input.actor, `optimize.${status}`, e.id, { reason: input.reason });
      return log.decide(e.id, status, input.actor, input.reason);
    });
  }

  undo(input: { projectId: string; stepId: string; actor: string; reason: string }): OptimisationEntry {
    this.needPerson(input.actor, input.reason);
    const p = this.project(input.projectId);
    const log = p.optimisations;
    const e = this.entry(log, input.stepId);
    if (e.status !== 'approved' && e.status !== 'auto-approved') throw new AppError('CONFLICT', `step ${e.id} is ${e.status}: only an applied step can be undone`);
    return p.transaction(() => {
      const rec = p.topologies.get(e.topologyId);
      let reverted: Topology;
      try {
        reverted = applyPatch(rec.topology, invertPatch(afterOf(e).patch));
      } catch (err) {
        if (err instanceof PatchConflictError) throw new AppError('CONFLICT', `cannot undo step ${e.step}: ${err.message}`);
        throw err;
      }
      p.topologies.update(e.topologyId, reverted, rec.revision, costForProject(p, reverted));
      p.decisions.insert({ subjectKind: 'optimization', subjectId: e.id, decision: 'undone', actor: input.actor, reason: input.reason });
      p.audit.append(input.actor, 'optimize.undone', e.id, { reason: input.reason });
      return log.decide(e.id, 'undone', input.actor, input.reason);
    });
  }

  /**
   * Recomputes a logged step from its recorded base design and parameters.
   * `recordedBy` is the software version that logged it (a different
   * version may legitimately compute a different step).
   */
  replay(input: { projectId: string; stepId: string }): { identical: boolean; recordedBy: string | null; replayedBy: string } {
    const e = this.entry(this.project(input.projectId).optimisations, input.stepId);
    const before = beforeOf(e);
    const after = afterOf(e);
    const r = replayStep(
      { base: before.base, patch: after.patch, before: before.metrics, after: after.metrics, rule: e.rule },
      { strategy: strategyOf(e), keep: before.params.keep, ...(before.params.intent ? { intent: before.params.intent } : {}) },
    );
    return { identical: r.identical, recordedBy: before.params.softwareVersion ?? null, replayedBy: APP_VERSION };
  }

  list(input: { projectId: string; designId?: string }): OptimisationEntry[] {
    return this.project(input.projectId).optimisations.list(input.designId);
  }

  private applyTo(p: ProjectFile, designId: string, patch: PatchOp[], stepId: string, intent: Intent | null): number {
    const rec = p.topologies.get(designId);
    let next: Topology;
    try {
      next = applyPatch(rec.topology, patch);
    } catch (err) {
      if (err instanceof PatchConflictError) throw new AppError('CONFLICT', `the design changed since the step was proposed: ${err.message}`);
      throw err;
    }
    // The stored cost follows the design, so list, slides and pack show the step's new cost.
    const revision = p.topologies.update(designId, next, rec.revision, costForProject(p, next));
    p.optimisations.setActual(stepId, { revision, metrics: assess(next, intent ?? undefined).metrics });
    return revision;
  }

  private entry(log: OptimisationRepository, id: string): OptimisationEntry {
    const e = log.get(id);
    if (!e) throw new AppError('NOT_FOUND', `optimisation step ${id} not found`);
    return e;
  }

  private needPerson(actor: string, reason: string): void {
    if (!actor.trim()) throw new AppError('INVALID_INPUT', 'a decision needs the name of the person who takes it');
    if (!reason.trim()) throw new AppError('INVALID_INPUT', 'a decision needs a reason');
  }

  private intentOf(p: ProjectFile, intentId: string): Intent | null {
    const raw = p.intents.get(intentId)?.intent;
    const r = restoreIntent(raw);
    return r.success ? r.data : null;
  }
}
