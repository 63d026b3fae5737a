import { restoreTopology, type Family, type Topology } from '../../../src-shared/model/topology';
import type { TopologyRecord, TopologySummary } from '../../../src-shared/model/records';
import { APP_VERSION } from '../../../src-shared/lib/version';
import type { Db } from '../db';
import { newId } from '../ids';

interface Row {
  id: string;
  intent_id: string | null;
  name: string;
  family: string | null;
  seed: number | null;
  source: string;
  topology_json: string;
  cost_json: string | null;
  revision: number;
  software_version: string;
  created_at: number;
  updated_at: number;
}

export interface NewTopology {
  name: string;
  topology: Topology;
  source: TopologySummary['source'];
  family?: Family | null;
  seed?: number | null;
  intentId?: string | null;
  cost?: unknown;
  costUsd?: number | null;
  id?: string;
}

export class RecordNotFoundError extends Error {
  override name = 'RecordNotFoundError';
}

export class RevisionConflictError extends Error {
  override name = 'RevisionConflictError';
}

function summaryOf(row: Row, topology: Topology): TopologySummary {
  const cost = row.cost_json === null ? null : (JSON.parse(row.cost_json) as { totalUsd?: unknown });
  return {
    id: row.id,
    name: row.name,
    family: (row.family as Family | null) ?? null,
    seed: row.seed,
    source: row.source as TopologySummary['source'],
    intentId: row.intent_id,
    revision: row.revision,
    nodeCount: topology.nodes.length,
    linkCount: topology.links.length,
    costUsd: typeof cost?.totalUsd === 'number' ? cost.totalUsd : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** TopologyRecord: every design in the project, versioned by `revision`. */
export class TopologyRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  insert(rec: NewTopology): TopologyRecord {
    const t = this.now();
    const id = rec.id ?? newId();
    const costJson = rec.cost === undefined ? null : JSON.stringify(rec.cost);
    this.db
      .prepare(
        `INSERT INTO topology_records (id, intent_id, name, family, seed, source, topology_json,
           cost_json, revision, software_version, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
      )
      .run(id, rec.intentId ?? null, rec.name, rec.family ?? null, rec.seed ?? null, rec.source,
        JSON.stringify(rec.topology), costJson, APP_VERSION, t, t);
    return this.get(id);
  }

  get(id: string): TopologyRecord {
    const row = this.db.prepare('SELECT * FROM topology_records WHERE id = ?').get(id) as Row | undefined;
    if (!row) throw new RecordNotFoundError(`design ${id} not found in this project`);
    const topology = restoreTopology(JSON.parse(row.topology_json));
    return {
      ...summaryOf(row, topology),
      topology,
      cost: row.cost_json === null ? null : (JSON.parse(row.cost_json) as unknown),
      softwareVersion: row.software_version,
    };
  }

  list(): TopologySummary[] {
    const rows = this.db
      .prepare('SELECT * FROM topology_records ORDER BY created_at, rowid')
      .all() as Row[];
    return rows.map((r) => summaryOf(r, restoreTopology(JSON.parse(r.topology_json))));
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM topology_records').get() as { n: number }).n;
  }

  /** Replaces the design document and bumps its revision; returns the new revision. */
  update(id: string, topology: Topology, expectedRevision?: number): number {
    const t = this.now();
    const res = this.db
      .prepare(
        `UPDATE topology_records SET topology_json = ?, revision = revision + 1, updated_at = ?
         WHERE id = ? AND (? IS NULL OR revision = ?)`,
      )
      .run(JSON.stringify(topology), t, id, expectedRevision ?? null, expectedRevision ?? null);
    if (res.changes === 0) {
      this.get(id); // throws not-found when that is the reason
      throw new RevisionConflictError(`design ${id} was changed elsewhere (expected revision ${expectedRevision})`);
    }
    return (this.db.prepare('SELECT revision FROM topology_records WHERE id = ?').get(id) as { revision: number })
      .revision;
  }

  rename(id: string, name: string): void {
    const res = this.db
      .prepare('UPDATE topology_records SET name = ?, updated_at = ? WHERE id = ?')
      .run(name, this.now(), id);
    if (res.changes === 0) throw new RecordNotFoundError(`design ${id} not found in this project`);
  }

  remove(id: string): void {
    const res = this.db.prepare('DELETE FROM topology_records WHERE id = ?').run(id);
    if (res.changes === 0) throw new RecordNotFoundError(`design ${id} not found in this project`);
  }
}
