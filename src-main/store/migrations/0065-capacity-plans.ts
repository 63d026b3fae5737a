import type { Migration } from './types';

// Capacity plans (src-shared/capacity/plan.ts): the plan as computed (JSON,
// checked on read by capacity/stored.ts), and one row per step with its
// governance state — auto-approved or waiting for a named person, decided,
// built into the design (its revision) — and the measured utilisation of
// the periods after it was built, next to the plan's prediction.
export default {
  version: 65,
  name: 'capacity-plans',
  up: (db) =>
    db.exec(`
    CREATE TABLE capacity_plans (
      id TEXT PRIMARY KEY, topology_id TEXT NOT NULL REFERENCES topology_records(id) ON DELETE CASCADE,
      plan_json TEXT NOT NULL, created_at INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE capacity_steps (
      id TEXT PRIMARY KEY, plan_id TEXT NOT NULL REFERENCES capacity_plans(id) ON DELETE CASCADE,
      seq INTEGER NOT NULL, status TEXT NOT NULL, reason TEXT NOT NULL,
      decided_by TEXT, decision_reason TEXT, decided_at INTEGER,
      built_revision INTEGER, built_at INTEGER, measured_json TEXT,
      UNIQUE (plan_id, seq)
    ) STRICT;
  `),
} satisfies Migration;
