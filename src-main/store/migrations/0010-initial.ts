import type { Migration } from './types';

// The seed's six records plus project metadata, intents, decisions, measured
// outcomes and the audit trail. JSON columns hold versioned model documents.
export default {
  version: 10,
  name: 'initial',
  up: (db) =>
    db.exec(`
    CREATE TABLE project_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
    CREATE TABLE intents (
      id TEXT PRIMARY KEY, name TEXT NOT NULL, intent_json TEXT NOT NULL,
      software_version TEXT NOT NULL, created_at INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE topology_records (
      id TEXT PRIMARY KEY, intent_id TEXT REFERENCES intents(id) ON DELETE SET NULL,
      name TEXT NOT NULL, family TEXT, seed INTEGER, source TEXT NOT NULL,
      topology_json TEXT NOT NULL, cost_json TEXT, revision INTEGER NOT NULL DEFAULT 1,
      software_version TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX topology_records_by_intent ON topology_records(intent_id, created_at);
    CREATE TABLE validation_records (
      id TEXT PRIMARY KEY,
      topology_id TEXT NOT NULL REFERENCES topology_records(id) ON DELETE CASCADE,
      topology_revision INTEGER NOT NULL, intent_id TEXT, score REAL NOT NULL,
      passed INTEGER NOT NULL CHECK (passed IN (0, 1)), result_json TEXT NOT NULL,
      software_version TEXT NOT NULL, created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX validation_records_by_topology ON validation_records(topology_id, created_at);
    CREATE TABLE simulation_records (
      id TEXT PRIMARY KEY,
      topology_id TEXT NOT NULL REFERENCES topology_records(id) ON DELETE CASCADE,
      topology_revision INTEGER NOT NULL, scenarios TEXT NOT NULL, traffic TEXT NOT NULL,
      summary_json TEXT NOT NULL, result_json TEXT NOT NULL,
      software_version TEXT NOT NULL, created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX simulation_records_by_topology ON simulation_records(topology_id, created_at);
    CREATE TABLE performance_metrics (
      id TEXT PRIMARY KEY,
      simulation_id TEXT REFERENCES simulation_records(id) ON DELETE CASCADE,
      topology_id TEXT NOT NULL REFERENCES topology_records(id) ON DELETE CASCADE,
      metric TEXT NOT NULL, value REAL NOT NULL, unit TEXT NOT NULL, created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX performance_metrics_by_topology ON performance_metrics(topology_id, metric);
    CREATE TABLE recommendation_history (
      id TEXT PRIMARY KEY, intent_id TEXT REFERENCES intents(id) ON DELETE SET NULL,
      mode TEXT NOT NULL, request_json TEXT NOT NULL, result_json TEXT NOT NULL,
      chosen_family TEXT, software_version TEXT NOT NULL, created_at INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE optimization_log (
      id TEXT PRIMARY KEY,
      topology_id TEXT NOT NULL REFERENCES topology_records(id) ON DELETE CASCADE,
      step INTEGER NOT NULL, strategy TEXT NOT NULL, rule TEXT NOT NULL, rationale TEXT NOT NULL,
      before_json TEXT NOT NULL, after_json TEXT NOT NULL, expected_json TEXT, actual_json TEXT,
      status TEXT NOT NULL CHECK (status IN ('proposed','approved','auto-approved','rejected','undone')),
      decided_by TEXT, decision_reason TEXT, decided_at INTEGER, created_at INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE decisions (
      id TEXT PRIMARY KEY, subject_kind TEXT NOT NULL, subject_id TEXT NOT NULL,
      decision TEXT NOT NULL, actor TEXT NOT NULL, reason TEXT, created_at INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE outcomes (
      id TEXT PRIMARY KEY,
      topology_id TEXT NOT NULL REFERENCES topology_records(id) ON DELETE CASCADE,
      metric TEXT NOT NULL, predicted REAL, actual REAL NOT NULL, unit TEXT NOT NULL,
      source TEXT NOT NULL, measured_at INTEGER, created_at INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY, at INTEGER NOT NULL, actor TEXT NOT NULL,
      action TEXT NOT NULL, subject TEXT, detail_json TEXT
    ) STRICT;
  `),
} satisfies Migration;
