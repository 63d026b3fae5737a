import type { Db } from '../db';
import { newId } from '../ids';
import type { DecisionRecord } from '../../../src-shared/model/records';

export type { DecisionRecord };

interface Row {
  id: string;
  subject_kind: string;
  subject_id: string;
  decision: string;
  actor: string;
  reason: string | null;
  created_at: number;
}

/** Who decided what about which record (approvals, rejections, undos, recommendation choices). Append-only. */
export class DecisionRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  insert(d: { subjectKind: string; subjectId: string; decision: string; actor: string; reason?: string | null }): DecisionRecord {
    const id = newId();
    const createdAt = this.now();
    this.db
      .prepare('INSERT INTO decisions (id, subject_kind, subject_id, decision, actor, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, d.subjectKind, d.subjectId, d.decision, d.actor, d.reason ?? null, createdAt);
    return { id, subjectKind: d.subjectKind, subjectId: d.subjectId, decision: d.decision, actor: d.actor, reason: d.reason ?? null, createdAt };
  }

  list(subjectId?: string): DecisionRecord[] {
    const rows = (subjectId === undefined
      ? this.db.prepare('SELECT * FROM decisions ORDER BY created_at, rowid').all()
      : this.db.prepare('SELECT * FROM decisions WHERE subject_id = ? ORDER BY created_at, rowid').all(subjectId)) as Row[];
    return rows.map((r) => ({
      id: r.id, subjectKind: r.subject_kind, subjectId: r.subject_id, decision: r.decision,
      actor: r.actor, reason: r.reason, createdAt: r.created_at,
    }));
  }
}
