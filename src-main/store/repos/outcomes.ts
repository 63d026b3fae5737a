import type { Db } from '../db';
import { newId } from '../ids';
import type { OutcomeRecord } from '../../../src-shared/model/records';

export type { OutcomeRecord };

interface Row {
  id: string;
  topology_id: string;
  metric: string;
  predicted: number | null;
  actual: number;
  unit: string;
  source: string;
  measured_at: number | null;
  created_at: number;
}

/** Measured outcomes (telemetry) next to what the twin predicted for the same design. */
export class OutcomeRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  insert(o: Omit<OutcomeRecord, 'id' | 'createdAt'>): OutcomeRecord {
    const id = newId();
    const createdAt = this.now();
    this.db
      .prepare(
        `INSERT INTO outcomes (id, topology_id, metric, predicted, actual, unit, source, measured_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, o.topologyId, o.metric, o.predicted, o.actual, o.unit, o.source, o.measuredAt, createdAt);
    return { ...o, id, createdAt };
  }

  list(topologyId?: string): OutcomeRecord[] {
    const rows = (topologyId === undefined
      ? this.db.prepare('SELECT * FROM outcomes ORDER BY created_at, rowid').all()
      : this.db.prepare('SELECT * FROM outcomes WHERE topology_id = ? ORDER BY created_at, rowid').all(topologyId)) as Row[];
    return rows.map((r) => ({
      id: r.id, topologyId: r.topology_id, metric: r.metric, predicted: r.predicted, actual: r.actual,
      unit: r.unit, source: r.source, measuredAt: r.measured_at, createdAt: r.created_at,
    }));
  }
}
