import type { LearningSample } from '../../../src-shared/learn/sample';
import type { Family } from '../../../src-shared/model/topology';
import type { Intent } from '../../../src-shared/model/intent';
import type { Db } from '../db';

interface Row {
  id: string;
  topology_id: string | null;
  origin: string;
  family: string | null;
  seed: number;
  intent_json: string;
  features_json: string;
  metrics_json: string;
  label_json: string;
  success: number;
  software_version: string;
  created_at: number;
  /** Absent in a file not yet migrated (a read-only open): those rows are version 1. */
  feature_set_version?: number;
}

const toSample = (r: Row): LearningSample => ({
  id: r.id,
  origin: r.origin as LearningSample['origin'],
  family: r.family as Family | null,
  seed: r.seed,
  intent: JSON.parse(r.intent_json) as Intent,
  features: JSON.parse(r.features_json) as number[],
  featureSetVersion: r.feature_set_version ?? 1,
  metrics: JSON.parse(r.metrics_json) as LearningSample['metrics'],
  label: JSON.parse(r.label_json) as LearningSample['label'],
  softwareVersion: r.software_version,
  createdAt: r.created_at,
});

/** learning_samples of one database (a project or the knowledge base). Inserts keep the first row of an id. */
export class SampleRepository {
  constructor(private readonly db: Db) {}

  /** Adds samples it does not hold yet (merge by id); returns how many were new. */
  add(samples: readonly LearningSample[], topologyId: string | null = null): number {
    const stmt = this.db.prepare(
      `INSERT OR IGNORE INTO learning_samples (id, topology_id, origin, family, seed, intent_json, features_json,
         metrics_json, label_json, success, software_version, created_at, feature_set_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    let added = 0;
    this.db.transaction(() => {
      for (const s of samples) {
        added += stmt.run(s.id, topologyId, s.origin, s.family, s.seed, JSON.stringify(s.intent), JSON.stringify(s.features),
          JSON.stringify(s.metrics), JSON.stringify(s.label), s.label.success ? 1 : 0, s.softwareVersion, s.createdAt, s.featureSetVersion).changes;
      }
    })();
    return added;
  }

  /** Samples in insertion order; `before` keeps those created strictly earlier (replay of a past answer). */
  list(before?: number): LearningSample[] {
    const rows = (before === undefined
      ? this.db.prepare('SELECT * FROM learning_samples ORDER BY created_at, rowid').all()
      : this.db.prepare('SELECT * FROM learning_samples WHERE created_at < ? ORDER BY created_at, rowid').all(before)) as Row[];
    return rows.map(toSample);
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM learning_samples').get() as { n: number }).n;
  }

  /** Copies every sample of another database with the same table, by id. */
  mergeFrom(other: Db): number {
    const rows = other.prepare('SELECT * FROM learning_samples ORDER BY created_at, rowid').all() as Row[];
    return this.add(rows.map(toSample));
  }
}

