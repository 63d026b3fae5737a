import { restoreTopology, topologyIntegrityProblems, type Family, type Topology } from '../../../src-shared/model/topology';
import type { TopologyRecord, TopologySummary } from '../../../src-shared/model/records';
import { APP_VERSION } from '../../../src-shared/lib/version';
import { parseStoredJson, StoredValueError } from '../../../src-shared/lib/versioned';
import type { Db } from '../db';
import { newId } from '../ids';

/** The columns a summary is made of (no design document: listing must not read 16 MB a design). */
interface SummaryRow {
  id: string;
  intent_id: string | null;
  name: string;
  family: string | null;
  seed: number | null;
  source: string;
  revision: number;
  created_at: number;
  updated_at: number;
  /** Null in a row an older NetTwin wrote and migration 0030 could not fill; absent in a file opened read-only before 0030. */
  node_count?: number | null;
  link_count?: number | null;
  cost_usd?: number | null;
}

interface Row extends SummaryRow {
  topology_json: string;
  cost_json: string | null;
  software_version: string;
}

const SUMMARY_COLUMNS = 'id, intent_id, name, family, seed, source, revision, created_at, updated_at';

/** A stored design through the one restoreTopology; an error names the row. */
function storedTopology(id: string, text: string): Topology {
  const where = `topology_records.topology_json of ${id}`;
  const raw = parseStoredJson(text, where);
  try {
    return restoreTopology(raw);
  } catch (err) {
    throw new StoredValueError(where, err instanceof Error ? err.message : String(err));
  }
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

const totalUsdOf = (cost: unknown): number | null => {
  const total = (cost as { totalUsd?: unknown } | null)?.totalUsd;
  return typeof total === 'number' ? total : null;
};

function summaryOf(row: SummaryRow, counts: { nodeCount: number; linkCount: number; costUsd: number | null }): TopologySummary {
  return {
    id: row.id,
    name: row.name,
    family: (row.family as Family | null) ?? null,
    seed: row.seed,
    source: row.source as TopologySummary['source'],
    intentId: row.intent_id,
    revision: row.revision,
    ...counts,
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

  /**
   * Stores a new design and returns its record, built from what was written
   * (re-reading 16 MB of JSON and re-parsing it cost ~0.6 s at 50,000 devices
   * and told nothing new). The design's integrity (unique ids, links between
   * known devices) is checked first, O(n + m), so nothing unreadable is stored.
   */
  insert(rec: NewTopology): TopologyRecord {
    const problems = topologyIntegrityProblems(rec.topology);
    if (problems.length > 0) throw new Error(`invalid design "${rec.name}": ${problems.slice(0, 5).join('; ')}`);
    const t = this.now();
    const id = rec.id ?? newId();
    const cost: unknown = rec.cost === undefined ? null : JSON.parse(JSON.stringify(rec.cost));
    const counts = { nodeCount: rec.topology.nodes.length, linkCount: rec.topology.links.length, costUsd: totalUsdOf(cost) };
    this.db
      .prepare(
        `INSERT INTO topology_records (id, intent_id, name, family, seed, source, topology_json,
           cost_json, revision, software_version, created_at, updated_at, node_count, link_count, cost_usd)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, rec.intentId ?? null, rec.name, rec.family ?? null, rec.seed ?? null, rec.source,
        JSON.stringify(rec.topology), cost === null ? null : JSON.stringify(cost), APP_VERSION, t, t,
        counts.nodeCount, counts.linkCount, counts.costUsd);
    const row: SummaryRow = { id, intent_id: rec.intentId ?? null, name: rec.name, family: rec.family ?? null, seed: rec.seed ?? null, source: rec.source, revision: 1, created_at: t, updated_at: t };
    return { ...summaryOf(row, counts), topology: rec.topology, cost, softwareVersion: APP_VERSION };
  }

  get(id: string): TopologyRecord {
    const row = this.db.prepare('SELECT * FROM topology_records WHERE id = ?').get(id) as Row | undefined;
    if (!row) throw new RecordNotFoundError(`design ${id} not found in this project`);
    const topology = storedTopology(row.id, row.topology_json);
    const cost = row.cost_json === null ? null : parseStoredJson(row.cost_json, `topology_records.cost_json of ${row.id}`);
    return {
      ...summaryOf(row, { nodeCount: topology.nodes.length, linkCount: topology.links.length, costUsd: totalUsdOf(cost) }),
      topology,
      cost,
      softwareVersion: row.software_version,
    };
  }

  /**
   * Every design's summary, from the summary columns (migration 0030): no
   * design document is read. A row without them (a file opened read-only
   * before it was migrated, or a document 0030 could not count) is
   * summarised by parsing its document, as before.
   */
  list(): TopologySummary[] {
    const summarised = this.hasSummaryColumns();
    const rows = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS}${summarised ? ', node_count, link_count, cost_usd' : ''} FROM topology_records ORDER BY created_at, rowid`)
      .all() as SummaryRow[];
    return rows.map((r) =>
      typeof r.node_count === 'number' && typeof r.link_count === 'number'
        ? summaryOf(r, { nodeCount: r.node_count, linkCount: r.link_count, costUsd: r.cost_usd ?? null })
        : summaryOf(r, this.countsFromDocument(r.id)),
    );
  }

  /**
   * A design as stored, unparsed, for work that parses it elsewhere (the
   * validation worker): revision, intent, device count (null when the
   * document is not valid JSON) and the JSON text.
   */
  /** Whether the design is in this project (reads no document). */
  has(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM topology_records WHERE id = ?').get(id) !== undefined;
  }

  stored(id: string): { revision: number; intentId: string | null; nodeCount: number | null; topologyJson: string } {
    const count = "CASE WHEN json_valid(topology_json) THEN json_array_length(topology_json, '$.nodes') END";
    const row = this.db
      .prepare(`SELECT revision, intent_id, topology_json, ${this.hasSummaryColumns() ? `COALESCE(node_count, ${count})` : count} AS n FROM topology_records WHERE id = ?`)
      .get(id) as { revision: number; intent_id: string | null; topology_json: string; n: number | null } | undefined;
    if (!row) throw new RecordNotFoundError(`design ${id} not found in this project`);
    return { revision: row.revision, intentId: row.intent_id, nodeCount: row.n, topologyJson: row.topology_json };
  }

  private summaryColumns: boolean | undefined;

  private hasSummaryColumns(): boolean {
    this.summaryColumns ??=
      (this.db.prepare("SELECT count(*) AS n FROM pragma_table_info('topology_records') WHERE name = 'node_count'").get() as { n: number }).n === 1;
    return this.summaryColumns;
  }

  private countsFromDocument(id: string): { nodeCount: number; linkCount: number; costUsd: number | null } {
    const row = this.db.prepare('SELECT topology_json, cost_json FROM topology_records WHERE id = ?').get(id) as Pick<Row, 'topology_json' | 'cost_json'>;
    const topology = storedTopology(id, row.topology_json);
    return {
      nodeCount: topology.nodes.length,
      linkCount: topology.links.length,
      costUsd: totalUsdOf(row.cost_json === null ? null : parseStoredJson(row.cost_json, `topology_records.cost_json of ${id}`)),
    };
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM topology_records').get() as { n: number }).n;
  }

  /**
   * Replaces the design document and bumps its revision; returns the new
   * revision. `cost` is the new document's cost (services price it through
   * the one cost function); leave it out only for a change that cannot move
   * the cost (device positions), and the stored cost is kept.
   */
  update(id: string, topology: Topology, expectedRevision?: number, cost?: unknown): number {
    const t = this.now();
    const costJson = cost === undefined ? null : JSON.stringify(cost);
    const res = this.db
      .prepare(
        `UPDATE topology_records SET topology_json = ?, revision = revision + 1, updated_at = ?, node_count = ?, link_count = ?,
           cost_json = CASE WHEN ? THEN ? ELSE cost_json END, cost_usd = CASE WHEN ? THEN ? ELSE cost_usd END
         WHERE id = ? AND (? IS NULL OR revision = ?)`,
      )
      .run(
        JSON.stringify(topology), t, topology.nodes.length, topology.links.length,
        cost === undefined ? 0 : 1, costJson, cost === undefined ? 0 : 1, cost === undefined ? null : totalUsdOf(JSON.parse(costJson!)),
        id, expectedRevision ?? null, expectedRevision ?? null,
      );
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
