import { describe, expect, it } from 'vitest';
import { FEATURE_SET_VERSION, intentFeatures } from '../../../src-shared/learn/features';
import { MODEL_VERSION, type LearningSample } from '../../../src-shared/learn/sample';
import { searchOrder } from '../../../src-shared/learn/search-order';
import { IntentSchema, type Intent } from '../../../src-shared/model/intent';
import type { Family } from '../../../src-shared/model/topology';

const intent: Intent = IntentSchema.parse({
  name: 'Regional bank',
  siteGroups: [{ role: 'hq', count: 1, region: 'north' }, { role: 'branch', count: 40, region: 'north' }],
  redundancy: 'HIGH',
  goal: 'cost',
});
const other: Intent = IntentSchema.parse({
  name: 'Campus',
  siteGroups: [{ role: 'datacenter', count: 2, region: 'a' }, { role: 'branch', count: 3000, region: 'b' }, { role: 'branch', count: 3000, region: 'c' }],
  redundancy: 'CRITICAL',
});

let n = 0;
function sample(family: Family, seed: number, feasible: boolean, on: Intent = intent, costUsd = 1e6): LearningSample {
  return {
    id: `s${++n}`, origin: 'bootstrap', family, seed, intent: on, features: intentFeatures(on, seed).vector, featureSetVersion: FEATURE_SET_VERSION, modelVersion: MODEL_VERSION,
    metrics: { costUsd, p95LatencyMs: 20, availability: 0.9999, downtimeMinPerYear: 50, incidentsPerYear: 2 },
    label: { success: feasible, feasible, withinBudget: true, validationPassed: feasible, sweepMet: feasible, redundancyAchieved: feasible ? 'HIGH' : 'STANDARD' },
    softwareVersion: 'test', createdAt: 0,
  };
}
const times = (k: number, f: () => LearningSample) => Array.from({ length: k }, f);

describe('search order from history', () => {
  it('orders (family, variant) by feasible share on similar intents, a variant shrunk towards its family (hand-computed rates)', () => {
    const history = [
      ...times(3, () => sample('dual-hub', 1, true)), ...times(3, () => sample('dual-hub', 2, true)),
      ...times(3, () => sample('ring', 1, false)), ...times(3, () => sample('ring', 2, true)),
      ...times(3, () => sample('hub-spoke', 1, false)), ...times(3, () => sample('hub-spoke', 2, false)),
      // Unlike this intent: 3,000-site CRITICAL campuses where hub-spoke always met its intent. Not similar, not used.
      ...times(30, () => sample('hub-spoke', 1, true, other)),
    ];
    const candidates = (['hub-spoke', 'ring', 'dual-hub', 'tree'] as Family[]).flatMap((family) => [1, 2].map((variant) => ({ family, variant })));
    const order = searchOrder(candidates, history, intent);
    expect(order.map((e) => `${e.family}#${e.variant}`)).toEqual([
      'dual-hub#1', 'dual-hub#2', 'ring#2', 'tree#1', 'tree#2', 'ring#1', 'hub-spoke#1', 'hub-spoke#2',
    ]);
    // By hand: Wilson centre of 6/6 = (1 + z²/12) / (1 + z²/6) = 0.80480; variant (3 + 2·0.80480) / 5 = 0.92192.
    expect(order[0]!.rate).toBeCloseTo(0.92192, 4);
    // ring: family centre of 3/6 is 0.5; seed 2 (3 + 1) / 5 = 0.8, seed 1 (0 + 1) / 5 = 0.2.
    expect(order[2]!.rate).toBeCloseTo(0.8, 10);
    expect(order[5]!.rate).toBeCloseTo(0.2, 10);
    // No history of a family: an even chance, said so.
    expect(order[3]!.rate).toBe(0.5);
    expect(order[3]!.reason).toBe('no tree designs in history: tried at an even chance');
    expect(order[6]!.similar).toBe(6); // the 30 campus samples are not similar to a 41-site bank
    expect(order[0]!.reason).toBe('dual-hub met 6 of 6 similar past intents, variant 1 3 of 3: estimated 92 %');
    expect(order[0]!.evidence.every((e) => e.intentName === 'Regional bank')).toBe(true);
  });

  it('equal rates fall to the lower median goal measure of feasible neighbours, then the caller\'s order', () => {
    const history = [...times(4, () => sample('ring', 1, true, intent, 2e6)), ...times(4, () => sample('tree', 1, true, intent, 1e6))];
    const order = searchOrder([{ family: 'ring', variant: 1 }, { family: 'tree', variant: 1 }], history, intent);
    expect(order.map((e) => e.family)).toEqual(['tree', 'ring']); // the goal is cost: tree's neighbours were cheaper
    expect(order[0]!.medianGoal).toBe(1e6);
    const empty = searchOrder([{ family: 'ring', variant: 2 }, { family: 'tree', variant: 1 }], [], intent);
    expect(empty.map((e) => `${e.family}#${e.variant}`)).toEqual(['tree#1', 'ring#2']);
  });
});
