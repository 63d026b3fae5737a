import type { Migration } from './types';

// What a design list shows (device and link counts, total cost), kept beside
// the design so listing designs reads a few numbers per row instead of
// parsing every design document (0.6 s for one 50,000-device design, on
// every list refresh; docs/limits.md). Written on insert and update by
// TopologyRepository; rows of older files are filled here from their JSON.
// Nullable: a row whose document has no array there is summarised by
// parsing it, as before.
export default {
  version: 30,
  name: 'topology-summary',
  up: (db) =>
    db.exec(`
    ALTER TABLE topology_records ADD COLUMN node_count INTEGER;
    ALTER TABLE topology_records ADD COLUMN link_count INTEGER;
    ALTER TABLE topology_records ADD COLUMN cost_usd REAL;
    UPDATE topology_records SET
      node_count = CASE WHEN json_valid(topology_json) AND json_type(topology_json, '$.nodes') = 'array'
        THEN json_array_length(topology_json, '$.nodes') END,
      link_count = CASE WHEN json_valid(topology_json) AND json_type(topology_json, '$.links') = 'array'
        THEN json_array_length(topology_json, '$.links') END,
      cost_usd = CASE WHEN json_valid(cost_json) AND json_type(cost_json, '$.totalUsd') IN ('integer', 'real')
        THEN json_extract(cost_json, '$.totalUsd') END;
  `),
} satisfies Migration;
