import type { LearningSample } from '../../../src-shared/learn/sample';
import { parseStoredJson, StoredValueError } from '../../../src-shared/lib/versioned';
import { restoreSampleFeatures, restoreSampleLabel, restoreSampleMetrics, restoreStoredIntent } from '../../../src-shared/learn/stored';
import { FamilySchema } from '../../../src-shared/model/topology';
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
  /** Absent in a file not yet migrated: those rows were measured by an unrecorded (older) model, version 1. */
  model_version?: number;
}

const ORIGINS: readonly LearningSample['origin'][] = ['bootstrap', 'zoo', 'verified', 'project', 'bench'];

/** A row read back: every JSON column migrated and validated; an error names the column and the sample. */
const toSample = (r: Row): LearningSample => {
  const at = (column: string): string => `learning_samples.${column} of sample ${r.id}`;
  const json = (column: string, text: string): unknown => parseStoredJson(text, at(column));
  const origin = ORIGINS.find((o) => o === r.origin);
  if (origin === undefined) throw new StoredValueError(at('origin'), `unknown origin "${r.origin}"`);
  const family = r.family === null ? null : FamilySchema.safeParse(r.family);
  if (family !== null && !family.success) throw new StoredValueError(at('family'), `unknown family "${r.family}"`);
  return {
    id: r.id,
    origin,
    family: family === null ? null : family.data,
    seed: r.seed,
    intent: restoreStoredIntent(json('intent_json', r.intent_json), at('intent_json')),
    features: restoreSampleFeatures(json('features_json', r.features_json), at('features_json')),
    featureSetVersion: r.feature_set_version ?? 1,
    modelVersion: r.model_version ?? 1,
    metrics: restoreSampleMetrics(json('metrics_json', r.metrics_json), at('metrics_json')),
    label: restoreSampleLabel(json('label_json', r.label_json), at('label_json')),
    softwareVersion: r.software_version,
    createdAt: r.created_at,
  };
};

/** learning_samples of one database (a project or the knowledge base). Inserts keep the first row of an id. */
export class SampleRepository {
  constructor(private readonly db: Db) {}

  /**
   * Adds samples it does not hold yet (merge by id); returns how many were
   * new or replaced. A sample measured by a newer model replaces the row of
   * the same id measured by an older one (the same design re-measured);
   * otherwise the first row of an id is kept.
   */
  add(samples: readonly LearningSample[], topologyId: string | null = null): number {
    const stmt = this.db.prepare(
      `INSERT INTO learning_samples (id, topology_id, origin, family, seed, intent_json, features_json,
         metrics_json, label_json, success, software_version, created_at, feature_set_version, model_version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET topology_id = excluded.topology_id, origin = excluded.origin, family = excluded.family,
         seed = excluded.seed, intent_json = excluded.intent_json, features_json = excluded.features_json,
         metrics_json = excluded.metrics_json, label_json = excluded.label_json, success = excluded.success,
         software_version = excluded.software_version, created_at = excluded.created_at,
         feature_set_version = excluded.feature_set_version, model_version = excluded.model_version
       WHERE excluded.model_version > learning_samples.model_version`,
    );
    let added = 0;
    this.db.transaction(() => {
      for (const s of samples) {
        added += stmt.run(s.id, topologyId, s.origin, s.family, s.seed, JSON.stringify(s.intent), JSON.stringify(s.features),
          JSON.stringify(s.metrics), JSON.stringify(s.label), s.label.success ? 1 : 0, s.softwareVersion, s.createdAt, s.featureSetVersion, s.modelVersion).changes;
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

  /** Samples measured by the given model version (how many of history the current model can use). */
  countOfModel(modelVersion: number): number {
    return (this.db.prepare('SELECT count(*) AS n FROM learning_samples WHERE model_version = ?').get(modelVersion) as { n: number }).n;
  }

  /** Copies every sample of another database with the same table, by id. */
  mergeFrom(other: Db): number {
    const rows = other.prepare('SELECT * FROM learning_samples ORDER BY created_at, rowid').all() as Row[];
    return this.add(rows.map(toSample));
  }
}

