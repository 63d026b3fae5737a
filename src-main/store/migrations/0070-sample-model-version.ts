import type { Migration } from './types';

// Learning samples record the model their figures were measured with
// (src-shared/learn/sample.ts, MODEL_VERSION). Rows written before this
// migration carry no such record: version 1, "unknown model", which
// currentSample leaves out of every fit rather than mix with the current one.
export default {
  version: 70,
  name: 'sample-model-version',
  up: (db) => db.exec('ALTER TABLE learning_samples ADD COLUMN model_version INTEGER NOT NULL DEFAULT 1;'),
} satisfies Migration;
