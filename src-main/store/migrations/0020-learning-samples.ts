import type { Migration } from './types';

// The learning twin's history: one row per measured design for an intent
// (src-shared/learn/sample.ts). The same table holds a project's own samples
// and, in the knowledge base file, the samples merged from every project.
// No foreign key to topology_records: knowledge-base rows outlive designs.
export default {
  version: 20,
  name: 'learning-samples',
  up: (db) =>
    db.exec(`
    CREATE TABLE learning_samples (
      id TEXT PRIMARY KEY, topology_id TEXT, origin TEXT NOT NULL, family TEXT, seed INTEGER NOT NULL,
      intent_json TEXT NOT NULL, features_json TEXT NOT NULL, metrics_json TEXT NOT NULL,
      label_json TEXT NOT NULL, success INTEGER NOT NULL CHECK (success IN (0, 1)),
      software_version TEXT NOT NULL, created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX learning_samples_by_family ON learning_samples(family, created_at);
  `),
} satisfies Migration;
