import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recommendInstant } from '../../../src-shared/learn/recommend';
import { IntentSchema } from '../../../src-shared/model/intent';
import { LearningService } from '../../../src-main/services/learning';
import { tempDir } from '../../helpers/tmp';

const root = path.resolve(__dirname, '../../..');
const tmp = tempDir();
afterAll(tmp.cleanup);

describe('predictions for an intent unlike history (shipped bootstrap knowledge)', () => {
  it('saturate near the edge of history instead of extrapolating to $0 or astronomical figures', () => {
    const learning = new LearningService(
      { knowledgeFile: path.join(tmp.dir, 'knowledge.nettwin'), bootstrapFile: path.join(root, 'resources/knowledge/bootstrap.nettwin'), now: () => 0 },
      () => {
        throw new Error('no project in this test');
      },
    );
    try {
      const history = learning.history();
      const costs = history.filter((s) => s.family !== null).map((s) => s.metrics.costUsd);
      const lo = Math.min(...costs);
      const hi = Math.max(...costs);
      const intent = IntentSchema.parse(JSON.parse(fs.readFileSync(path.join(root, 'resources/examples/trading-critical.intent.json'), 'utf8')));
      const rec = recommendInstant(intent, history, learning.predictor(history));
      expect(rec.novelty).not.toBeNull(); // the answer says the intent is unlike history
      for (const o of rec.options) {
        if (o.predicted.costUsd === null) continue;
        expect(o.predicted.costUsd, o.family).toBeGreaterThan(lo / 10);
        expect(o.predicted.costUsd, o.family).toBeLessThan(hi * 10);
        expect(o.predicted.p95LatencyMs ?? 0, o.family).toBeGreaterThan(0.01);
      }
    } finally {
      learning.dispose();
    }
  });
});
