import fs from 'node:fs';
import path from 'node:path';
import type { LearningSample } from '../../src-shared/learn/sample';
import type { Family } from '../../src-shared/model/topology';
import type { Intent } from '../../src-shared/model/intent';
import { openDatabase, type Db } from './db';
import { openProjectFile, type ProjectFile } from './projectFile';

/** File name of the knowledge base in the user's data folder. */
export const KNOWLEDGE_FILE = 'knowledge.nettwin';

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
}

const toSample = (r: Row): LearningSample => ({
  id: r.id,
  origin: r.origin as LearningSample['origin'],
  family: r.family as Family | null,
  seed: r.seed,
  intent: JSON.parse(r.intent_json) as Intent,
  features: JSON.parse(r.features_json) as number[],
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
         metrics_json, label_json, success, software_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    let added = 0;
    this.db.transaction(() => {
      for (const s of samples) {
        added += stmt.run(s.id, topologyId, s.origin, s.family, s.seed, JSON.stringify(s.intent), JSON.stringify(s.features),
          JSON.stringify(s.metrics), JSON.stringify(s.label), s.label.success ? 1 : 0, s.softwareVersion, s.createdAt).changes;
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

/**
 * The knowledge base: an SQLite file in the user's data folder (same schema
 * as a project, marked kind=knowledge) that accumulates learning samples
 * across projects. On first use it is seeded from the shipped bootstrap
 * file (resources/knowledge); opening a project merges the project's
 * samples into it by id, so merging twice adds nothing.
 */
export class KnowledgeBase {
  readonly samples: SampleRepository;
  private constructor(readonly file: ProjectFile) {
    this.samples = new SampleRepository(file.db);
  }

  static open(file: string, opts: { bootstrap?: string; readOnly?: boolean; now?: () => number } = {}): KnowledgeBase {
    const exists = fs.existsSync(file);
    if (!exists) fs.mkdirSync(path.dirname(file), { recursive: true });
    const pf = openProjectFile(file, {
      ...(exists ? {} : { create: { name: 'NetTwin knowledge base' } }),
      readOnly: exists ? (opts.readOnly ?? false) : false,
      ...(opts.now ? { now: opts.now } : {}),
    });
    const kb = new KnowledgeBase(pf);
    if (!pf.readOnly) {
      if (pf.meta.get('kind') === undefined) pf.meta.set('kind', 'knowledge');
      if (kb.samples.count() === 0 && opts.bootstrap && fs.existsSync(opts.bootstrap)) kb.mergeFile(opts.bootstrap);
    }
    return kb;
  }

  /** Merges the samples of another knowledge base or project file (read-only open). */
  mergeFile(other: string): number {
    const db = openDatabase(other, { readOnly: true });
    try {
      const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'learning_samples'").get();
      return has ? this.samples.mergeFrom(db) : 0;
    } finally {
      db.close();
    }
  }

  /** Merges the samples of an open project. */
  mergeProject(project: ProjectFile): number {
    return this.samples.mergeFrom(project.db);
  }

  close(): void {
    this.file.close();
  }
}
