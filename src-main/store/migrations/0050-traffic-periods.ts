import type { Migration } from './types';

// Measured traffic per design and period (src-shared/traffic/mapping.ts):
// one row per design, period label and statistic; loads keyed by link id
// and direction (JSON), so a later revision of the design still reads them.
// Re-importing a period replaces its row (same design, label, statistic).
export default {
  version: 50,
  name: 'traffic-periods',
  up: (db) =>
    db.exec(`
    CREATE TABLE traffic_periods (
      id TEXT PRIMARY KEY, topology_id TEXT NOT NULL REFERENCES topology_records(id) ON DELETE CASCADE,
      label TEXT NOT NULL, statistic TEXT NOT NULL, start_s REAL NOT NULL, end_s REAL NOT NULL,
      samples INTEGER NOT NULL, source TEXT NOT NULL, loads_json TEXT NOT NULL, created_at INTEGER NOT NULL,
      UNIQUE (topology_id, label, statistic)
    ) STRICT;
  `),
} satisfies Migration;
