import type { Db } from '../db';
import { newId } from '../ids';
import { parseStoredJson } from '../../../src-shared/lib/versioned';
import { restoreTrafficLoads, type TrafficPeriodRecord } from '../../../src-shared/traffic/records';

interface Row {
  id: string;
  topology_id: string;
  label: string;
  statistic: string;
  start_s: number;
  end_s: number;
  samples: number;
  source: string;
  loads_json: string;
  created_at: number;
}

const fromRow = (r: Row): TrafficPeriodRecord => ({
  id: r.id,
  topologyId: r.topology_id,
  label: r.label,
  statistic: r.statistic,
  start: r.start_s,
  end: r.end_s,
  samples: r.samples,
  source: r.source,
  loads: restoreTrafficLoads(parseStoredJson(r.loads_json, `traffic_periods.loads_json of ${r.id}`), `traffic_periods.loads_json of ${r.id}`),
  createdAt: r.created_at,
});

/** Measured link loads per design and period; a re-import of a period replaces it. */
export class TrafficRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  upsert(p: Omit<TrafficPeriodRecord, 'id' | 'createdAt'>): TrafficPeriodRecord {
    const existing = this.db
      .prepare('SELECT id FROM traffic_periods WHERE topology_id = ? AND label = ? AND statistic = ?')
      .get(p.topologyId, p.label, p.statistic) as { id: string } | undefined;
    const id = existing?.id ?? newId();
    const createdAt = this.now();
    this.db
      .prepare(
        `INSERT INTO traffic_periods (id, topology_id, label, statistic, start_s, end_s, samples, source, loads_json, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET start_s = excluded.start_s, end_s = excluded.end_s, samples = excluded.samples,
           source = excluded.source, loads_json = excluded.loads_json, created_at = excluded.created_at`,
      )
      .run(id, p.topologyId, p.label, p.statistic, p.start, p.end, p.samples, p.source, JSON.stringify(p.loads), createdAt);
    return { ...p, id, createdAt };
  }

  /** A design's periods, oldest first. */
  list(topologyId: string): TrafficPeriodRecord[] {
    return (this.db.prepare('SELECT * FROM traffic_periods WHERE topology_id = ? ORDER BY start_s, label').all(topologyId) as Row[]).map(fromRow);
  }

  get(id: string): TrafficPeriodRecord | undefined {
    const r = this.db.prepare('SELECT * FROM traffic_periods WHERE id = ?').get(id) as Row | undefined;
    return r === undefined ? undefined : fromRow(r);
  }
}
