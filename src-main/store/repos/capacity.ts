import type { Db } from '../db';
import { newId } from '../ids';
import { parseStoredJson } from '../../../src-shared/lib/versioned';
import { restoreCapacityPlan, restoreMeasured } from '../../../src-shared/capacity/stored';
import type { CapacityPlanResult, CapacityStepState, CapacityStepStatus, StoredCapacityPlan } from '../../../src-shared/capacity/types';

interface PlanRow {
  id: string;
  topology_id: string;
  plan_json: string;
  created_at: number;
}
interface StepRow {
  id: string;
  plan_id: string;
  seq: number;
  status: string;
  reason: string;
  decided_by: string | null;
  decision_reason: string | null;
  decided_at: number | null;
  built_revision: number | null;
  built_at: number | null;
  measured_json: string | null;
}

const STATUSES: readonly CapacityStepStatus[] = ['auto-approved', 'proposed', 'approved', 'rejected'];

const toStep = (r: StepRow): CapacityStepState => {
  const where = `capacity_steps of ${r.id}`;
  if (!(STATUSES as readonly string[]).includes(r.status)) throw new Error(`${where}: status "${r.status}" is not one of ${STATUSES.join(', ')}`);
  return {
    id: r.id,
    seq: r.seq,
    status: r.status as CapacityStepStatus,
    reason: r.reason,
    decidedBy: r.decided_by,
    decisionReason: r.decision_reason,
    decidedAt: r.decided_at,
    builtRevision: r.built_revision,
    builtAt: r.built_at,
    measured: r.measured_json === null ? null : restoreMeasured(parseStoredJson(r.measured_json, `${where}.measured_json`), `capacity_steps.measured_json of ${r.id}`),
  };
};

/** Capacity plans per design and their steps' governance state. */
export class CapacityRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  insert(topologyId: string, plan: CapacityPlanResult, verdicts: { status: 'auto-approved' | 'proposed'; reason: string }[]): StoredCapacityPlan {
    const id = newId();
    const createdAt = this.now();
    this.db.prepare('INSERT INTO capacity_plans (id, topology_id, plan_json, created_at) VALUES (?, ?, ?, ?)').run(id, topologyId, JSON.stringify(plan), createdAt);
    const ins = this.db.prepare('INSERT INTO capacity_steps (id, plan_id, seq, status, reason, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    plan.steps.forEach((s, i) => {
      const v = verdicts[i]!;
      ins.run(newId(), id, s.seq, v.status, v.reason, v.status === 'auto-approved' ? 'policy' : null, v.status === 'auto-approved' ? createdAt : null);
    });
    return this.get(id)!;
  }

  get(id: string): StoredCapacityPlan | undefined {
    const r = this.db.prepare('SELECT * FROM capacity_plans WHERE id = ?').get(id) as PlanRow | undefined;
    return r === undefined ? undefined : this.fromRow(r);
  }

  /** A design's plans, newest first. */
  list(topologyId: string): StoredCapacityPlan[] {
    return (this.db.prepare('SELECT * FROM capacity_plans WHERE topology_id = ? ORDER BY created_at DESC, rowid DESC').all(topologyId) as PlanRow[]).map((r) => this.fromRow(r));
  }

  /** The plan a step belongs to. */
  planOfStep(stepId: string): StoredCapacityPlan | undefined {
    const r = this.db.prepare('SELECT plan_id FROM capacity_steps WHERE id = ?').get(stepId) as { plan_id: string } | undefined;
    return r === undefined ? undefined : this.get(r.plan_id);
  }

  decide(stepId: string, status: 'approved' | 'rejected', actor: string, reason: string): void {
    this.db.prepare('UPDATE capacity_steps SET status = ?, decided_by = ?, decision_reason = ?, decided_at = ? WHERE id = ?').run(status, actor, reason, this.now(), stepId);
  }

  built(stepId: string, revision: number): void {
    this.db.prepare('UPDATE capacity_steps SET built_revision = ?, built_at = ? WHERE id = ?').run(revision, this.now(), stepId);
  }

  setMeasured(stepId: string, measured: CapacityStepState['measured']): void {
    this.db.prepare('UPDATE capacity_steps SET measured_json = ? WHERE id = ?').run(measured === null ? null : JSON.stringify(measured), stepId);
  }

  private fromRow(r: PlanRow): StoredCapacityPlan {
    const where = `capacity_plans.plan_json of ${r.id}`;
    const steps = (this.db.prepare('SELECT * FROM capacity_steps WHERE plan_id = ? ORDER BY seq').all(r.id) as StepRow[]).map(toStep);
    return { id: r.id, topologyId: r.topology_id, createdAt: r.created_at, plan: restoreCapacityPlan(parseStoredJson(r.plan_json, where), where), steps };
  }
}
