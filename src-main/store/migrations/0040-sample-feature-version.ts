import type { Migration } from './types';

// Learning samples record the feature set their vector was computed with
// (src-shared/learn/features.ts, FEATURE_SET_VERSION). Rows written before
// this migration were computed with version 1, the only one there was.
export default {
  version: 40,
  name: 'sample-feature-version',
  up: (db) => db.exec('ALTER TABLE learning_samples ADD COLUMN feature_set_version INTEGER NOT NULL DEFAULT 1;'),
} satisfies Migration;
