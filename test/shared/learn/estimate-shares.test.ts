import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimateFamilies, type FamilyEstimate } from '../../../src-shared/learn/estimate';
import { estimateShares, mergeEstimates } from '../../../src-shared/learn/estimate-shares';
import { IntentSchema, parseIntent, type Intent } from '../../../src-shared/model/intent';
import { familyWork } from '../../../src-shared/learn/family-work';
import { retailChain } from '../../helpers/retail-intents';

const realistic = (name: string): Intent => {
  const r = parseIntent(JSON.parse(fs.readFileSync(path.resolve('test', 'fixtures', 'intents', 'realistic', `${name}.intent.json`), 'utf8')));
  if (!r.ok) throw new Error(r.problems.join('; '));
  return r.intent;
};

describe('the instant estimate in shares over workers', () => {
  it('deals the applicable families round-robin and merges the shares into exactly the one-call answer', () => {
    for (const name of ['us-campus-25', 'trading-colos']) {
      const intent = realistic(name);
      const whole = estimateFamilies(intent);
      const shares = estimateShares(intent, 2);
      expect(shares).toHaveLength(2);
      expect(shares.flat().sort()).toEqual(whole.estimates.map((e) => e.family).concat(whole.tooLarge).sort());
      const merged = mergeEstimates(intent, shares.map((families) => estimateFamilies(intent, { families })));
      expect(merged).toEqual(whole);
      // One share per family at most.
      expect(estimateShares(intent, 50)).toHaveLength(shares.flat().length);
    }
  });

  it('deals the longest predicted families to different workers (a 500-site retail chain: partial mesh and dual hub apart)', () => {
    const shares = estimateShares(IntentSchema.parse(retailChain(500, 'HIGH', 'cost')), 2);
    const load = shares.map((s) => s.reduce((a, f) => a + familyWork(f), 0));
    expect(shares.flat().sort()).toEqual(['dual-hub', 'hub-spoke', 'hybrid', 'partial-mesh', 'tree']);
    expect(shares.find((s) => s.includes('partial-mesh'))).not.toContain('dual-hub');
    // Round-robin gave 5.2 against 3.6; dealt by work, neither share carries more than 4.7.
    expect(Math.max(...load)).toBeLessThanOrEqual(4.7 + 1e-9);
  });

  it('merges the generator\u2019s refusals and too-large families in family order, the not-applicable list once', () => {
    const intent = realistic('us-campus-25');
    const na = estimateFamilies(intent, { families: [] }).skipped;
    const est = (family: FamilyEstimate['family']) => ({ ...estimateFamilies(intent, { families: ['tree'] }).estimates[0]!, family });
    const merged = mergeEstimates(intent, [
      { estimates: [est('ring')], skipped: [...na, { family: 'dual-ring', reason: 'too many links' }], tooLarge: ['partial-mesh'] },
      { estimates: [est('tree')], skipped: [...na, { family: 'ring', reason: 'x' }], tooLarge: ['hub-spoke'] },
    ]);
    expect(merged.estimates.map((e) => e.family)).toEqual(['tree', 'ring']); // family order, not arrival order
    expect(merged.skipped).toEqual([...na, { family: 'ring', reason: 'x' }, { family: 'dual-ring', reason: 'too many links' }]);
    expect(merged.tooLarge).toEqual(['hub-spoke', 'partial-mesh']);
  });
});
