import type { ValidationRecord } from '../../../src-shared/model/records';
import { APP_VERSION } from '../../../src-shared/lib/version';
import type { Db } from '../db';
import { newId } from '../ids';
import { parseStoredJson } from '../../../src-shared/lib/versioned';

interface Row {
  id: string;
  topology_id: string;
  topology_revision: number;
  intent_id: string | null;
  score: number;
  passed: number;
  result_json: string;
  software_version: string;
  created_at: number;
}

const toRecord = (r: Row): ValidationRecord => ({
  id: r.id,
  topologyId: r.topology_id,
  topologyRevision: r.topology_revision,
  intentId: r.intent_id,
  score: r.score,
  passed: r.passed === 1,
  result: parseStoredJson(r.result_json, `validation_records.result_json of ${r.id}`),
  softwareVersion: r.software_version,
  createdAt: r.created_at,
});

export interface NewValidation {
  topologyId: string;
  topologyRevision: number;
  intentId?: string | null;
  score: number;
  passed: boolean;
  result: unknown;
}

/** ValidationRecord: each explained check run against one revision of a design. */
export class ValidationRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  insert(v: NewValidation): ValidationRecord {
    const id = newId();
    this.db
      .prepare(
        `INSERT INTO validation_records (id, topology_id, topology_revision, intent_id, score, passed,
           result_json, software_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, v.topologyId, v.topologyRevision, v.intentId ?? null, v.score, v.passed ? 1 : 0,
        JSON.stringify(v.result), APP_VERSION, this.now());
    return toRecord(this.db.prepare('SELECT * FROM validation_records WHERE id = ?').get(id) as Row);
  }

  latestFor(topologyId: string): ValidationRecord | undefined {
    const row = this.db
      .prepare('SELECT * FROM validation_records WHERE topology_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1')
      .get(topologyId) as Row | undefined;
    return row ? toRecord(row) : undefined;
  }

  listFor(topologyId: string): ValidationRecord[] {
    return (
      this.db
        .prepare('SELECT * FROM validation_records WHERE topology_id = ? ORDER BY created_at, rowid')
        .all(topologyId) as Row[]
    ).map(toRecord);
  }
}
