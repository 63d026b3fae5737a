import type { PerformanceMetric, SimulationRecord } from '../../../src-shared/model/records';
import { APP_VERSION } from '../../../src-shared/lib/version';
import { parseStoredJson } from '../../../src-shared/lib/versioned';
import type { ImpactReportShape } from '../../../src-shared/sim/impact-report';
import type { SweepReportShape } from '../../../src-shared/contract/sim-types';
import { restoreSimulationResult, storedSimulationResult, type StoredSimulationResult } from '../../../src-shared/sim/stored-result';
import type { Db } from '../db';
import { newId } from '../ids';

interface Row {
  id: string;
  topology_id: string;
  topology_revision: number;
  scenarios: string;
  traffic: string;
  summary_json: string;
  software_version: string;
  created_at: number;
}

const toRecord = (r: Row): SimulationRecord => ({
  id: r.id,
  topologyId: r.topology_id,
  topologyRevision: r.topology_revision,
  scenarios: r.scenarios,
  traffic: r.traffic,
  summary: parseStoredJson(r.summary_json, `simulation_records.summary_json of ${r.id}`),
  softwareVersion: r.software_version,
  createdAt: r.created_at,
});

export interface NewSimulation {
  topologyId: string;
  topologyRevision: number;
  scenarios: string;
  traffic: string;
  summary: unknown;
  /** What sim:run stores is the full impact report; a sweep alone is what older versions stored. */
  result: ImpactReportShape | SweepReportShape;
  metrics: { metric: string; value: number; unit: string }[];
}

/** SimulationRecord + PerformanceMetrics, written together in one transaction. */
export class SimulationRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  insert(s: NewSimulation): SimulationRecord {
    const id = newId();
    const t = this.now();
    const insertSim = this.db.prepare(
      `INSERT INTO simulation_records (id, topology_id, topology_revision, scenarios, traffic,
         summary_json, result_json, software_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertMetric = this.db.prepare(
      `INSERT INTO performance_metrics (id, simulation_id, topology_id, metric, value, unit, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.db.transaction(() => {
      insertSim.run(id, s.topologyId, s.topologyRevision, s.scenarios, s.traffic,
        JSON.stringify(s.summary), JSON.stringify(storedSimulationResult(s.result)), APP_VERSION, t);
      for (const m of s.metrics) insertMetric.run(newId(), id, s.topologyId, m.metric, m.value, m.unit, t);
    })();
    return toRecord(this.db.prepare('SELECT * FROM simulation_records WHERE id = ?').get(id) as Row);
  }

  listFor(topologyId: string): SimulationRecord[] {
    return (
      this.db
        .prepare('SELECT * FROM simulation_records WHERE topology_id = ? ORDER BY created_at, rowid')
        .all(topologyId) as Row[]
    ).map(toRecord);
  }

  /** The stored result, migrated and validated (an older sweep-only result has no isolation, availability or convergence). */
  result(id: string): StoredSimulationResult | undefined {
    const row = this.db.prepare('SELECT result_json FROM simulation_records WHERE id = ?').get(id) as
      | { result_json: string }
      | undefined;
    if (!row) return undefined;
    const where = `simulation_records.result_json of ${id}`;
    return restoreSimulationResult(parseStoredJson(row.result_json, where), where);
  }

  metricsFor(topologyId: string): PerformanceMetric[] {
    const rows = this.db
      .prepare('SELECT * FROM performance_metrics WHERE topology_id = ? ORDER BY created_at, rowid')
      .all(topologyId) as {
      id: string; simulation_id: string | null; topology_id: string; metric: string;
      value: number; unit: string; created_at: number;
    }[];
    return rows.map((r) => ({
      id: r.id, simulationId: r.simulation_id, topologyId: r.topology_id, metric: r.metric,
      value: r.value, unit: r.unit, createdAt: r.created_at,
    }));
  }
}
