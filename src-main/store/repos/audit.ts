import type { Db } from '../db';
import type { AuditEntry } from '../../../src-shared/model/records';
import { parseStoredJson } from '../../../src-shared/lib/versioned';

export type { AuditEntry };

/** Append-only audit trail of what was done to the project and by whom. */
export class AuditRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  append(actor: string, action: string, subject: string | null, detail?: unknown): void {
    this.db
      .prepare('INSERT INTO audit_log (at, actor, action, subject, detail_json) VALUES (?, ?, ?, ?, ?)')
      .run(this.now(), actor, action, subject, detail === undefined ? null : JSON.stringify(detail));
  }

  list(limit = 500): AuditEntry[] {
    const rows = this.db
      .prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?')
      .all(limit) as { id: number; at: number; actor: string; action: string; subject: string | null; detail_json: string | null }[];
    return rows.map((r) => ({
      id: r.id, at: r.at, actor: r.actor, action: r.action, subject: r.subject,
      detail: r.detail_json === null ? null : parseStoredJson(r.detail_json, `audit_log.detail_json of entry ${r.id}`),
    }));
  }
}
