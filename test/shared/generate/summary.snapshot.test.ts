import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateAll } from '../../../src-shared/generate/generate';
import { IntentSchema } from '../../../src-shared/model/intent';

const root = path.resolve(__dirname, '../../..');

/**
 * A named snapshot of what each family produces for the shipped examples:
 * size, cost, score, verdict and achieved class. A change here is a change
 * in the design model; review it, never update it blindly.
 */
describe.each(['global-enterprise', 'regional-retail', 'trading-critical'])('%s example', (name) => {
  it('generates the same candidates as recorded', async () => {
    const raw: unknown = JSON.parse(fs.readFileSync(path.join(root, 'resources', 'examples', `${name}.intent.json`), 'utf8'));
    const { designs, skipped } = generateAll(IntentSchema.parse(raw), 1);
    const summary = designs.map((d) => ({
      family: d.family,
      devices: d.topology.nodes.length,
      links: d.topology.links.length,
      totalUsd: d.cost.totalUsd,
      score: d.validation.score,
      passed: d.validation.passed,
      achieved: d.validation.redundancyAchieved,
      diameterHops: d.validation.metrics.diameterHops,
      maxLatencyMs: d.validation.metrics.maxLatencyMs,
      failing: d.validation.checks.filter((c) => !c.passed).map((c) => c.id),
    }));
    await expect(JSON.stringify({ summary, skipped }, null, 1)).toMatchFileSnapshot(`snapshots/${name}.json`);
  });
});
