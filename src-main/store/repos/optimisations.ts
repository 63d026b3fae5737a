import type { Db } from '../db';
import { newId } from '../ids';
import type { OptimisationEntry, OptimisationStatus } from '../../../src-shared/model/records';
import { parseStoredJson } from '../../../src-shared/lib/versioned';

export type { OptimisationEntry, OptimisationStatus };

interface Row {
  id: string;
  topology_id: string;
  step: number;
  strategy: string;
  rule: string;
  rationale: string;
  before_json: string;
  after_json: string;
  expected_json: string | null;
  actual_json: string | null;
  status: string;
  decided_by: string | null;
  decision_reason: string | null;
  decided_at: number | null;
  created_at: number;
}


const at = (r: Row, column: string): string => `optimization_log.${column} of step ${r.id}`;

const toEntry = (r: Row): OptimisationEntry => ({
  id: r.id, topologyId: r.topology_id, step: r.step, strategy: r.strategy, rule: r.rule, rationale: r.rationale,
  before: parseStoredJson(r.before_json, at(r, 'before_json')), after: parseStoredJson(r.after_json, at(r, 'after_json')),
  expected: r.expected_json === null ? null : parseStoredJson(r.expected_json, at(r, 'expected_json')),
  actual: r.actual_json === null ? null : parseStoredJson(r.actual_json, at(r, 'actual_json')),
  status: r.status as OptimisationStatus, decidedBy: r.decided_by, decisionReason: r.decision_reason,
  decidedAt: r.decided_at, createdAt: r.created_at,
});

/** optimization_log: every optimiser step, its evidence and its governance state. */
export class OptimisationRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  insert(e: Pick<OptimisationEntry, 'topologyId' | 'step' | 'strategy' | 'rule' | 'rationale' | 'before' | 'after' | 'expected' | 'status'> & { decidedBy?: string | null; decisionReason?: string | null }): OptimisationEntry {
    const id = newId();
    const t = this.now();
    const decided = e.status === 'proposed' ? null : t;
    this.db
      .prepare(
        `INSERT INTO optimization_log (id, topology_id, step, strategy, rule, rationale, before_json, after_json, expected_json,
           actual_json, status, decided_by, decision_reason, decided_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)`,
      )
      .run(id, e.topologyId, e.step, e.strategy, e.rule, e.rationale, JSON.stringify(e.before), JSON.stringify(e.after),
        JSON.stringify(e.expected), e.status, e.decidedBy ?? null, e.decisionReason ?? null, decided, t);
    return this.get(id)!;
  }

  get(id: string): OptimisationEntry | undefined {
    const row = this.db.prepare('SELECT * FROM optimization_log WHERE id = ?').get(id) as Row | undefined;
    return row ? toEntry(row) : undefined;
  }

  list(topologyId?: string): OptimisationEntry[] {
    const rows = (topologyId === undefined
      ? this.db.prepare('SELECT * FROM optimization_log ORDER BY created_at, rowid').all()
      : this.db.prepare('SELECT * FROM optimization_log WHERE topology_id = ? ORDER BY created_at, rowid').all(topologyId)) as Row[];
    return rows.map(toEntry);
  }

  decide(id: string, status: OptimisationStatus, by: string, reason: string | null): OptimisationEntry {
    this.db
      .prepare('UPDATE optimization_log SET status = ?, decided_by = ?, decision_reason = ?, decided_at = ? WHERE id = ?')
      .run(status, by, reason, this.now(), id);
    return this.get(id)!;
  }

  setActual(id: string, actual: unknown): void {
    this.db.prepare('UPDATE optimization_log SET actual_json = ? WHERE id = ?').run(JSON.stringify(actual), id);
  }
}
