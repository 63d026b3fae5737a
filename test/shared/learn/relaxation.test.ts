import { describe, expect, it } from 'vitest';
import { generateDesign, GenerateError } from '../../../src-shared/generate/generate';
import { applyIntentEdit, editApplies, editWords, invertIntentEdit, type IntentEdit } from '../../../src-shared/learn/intent-edit';
import { BUDGET_STEP_USD, LATENCY_STEP_MS, whatWouldItTake, type Relaxation } from '../../../src-shared/learn/relaxation';
import { sampleFromDesign } from '../../../src-shared/learn/sample';
import { IntentSchema, type Intent, type IntentInput } from '../../../src-shared/model/intent';
import { TOPOLOGY_FAMILIES, type Family } from '../../../src-shared/model/topology';

/**
 * Hand-built intents whose binding constraint an architect names at once,
 * and the relaxation checked from outside the module: the family it names
 * meets the relaxed intent when generated again, and one grid step less
 * makes no family meet it.
 */
const EAST_COAST: IntentInput = {
  name: 'Retail chain, US east coast',
  siteGroups: [
    { role: 'hq', region: 'east', sites: [{ name: 'New York HQ', lat: 40.71, lon: -74.0 }] },
    { role: 'datacenter', region: 'east', sites: [{ name: 'Ashburn DC', lat: 39.04, lon: -77.49 }] },
    {
      role: 'branch',
      region: 'east',
      sites: [
        { name: 'Boston', lat: 42.36, lon: -71.06 },
        { name: 'Philadelphia', lat: 39.95, lon: -75.17 },
        { name: 'Baltimore', lat: 39.29, lon: -76.61 },
        { name: 'Hartford', lat: 41.76, lon: -72.68 },
        { name: 'Providence', lat: 41.82, lon: -71.41 },
        { name: 'Newark', lat: 40.74, lon: -74.17 },
      ],
    },
  ],
};

const TRANSATLANTIC: IntentInput = {
  name: 'Transatlantic trading desks',
  redundancy: 'STANDARD',
  budgetUsd: 2_000_000,
  siteGroups: [
    { role: 'hq', region: 'us', sites: [{ name: 'New York', lat: 40.71, lon: -74.0 }] },
    { role: 'branch', region: 'eu', sites: [{ name: 'London', lat: 51.51, lon: -0.13 }, { name: 'Frankfurt', lat: 50.11, lon: 8.68 }] },
    { role: 'branch', region: 'us', name: 'us-branch', sites: [{ name: 'Chicago', lat: 41.88, lon: -87.63 }] },
  ],
  // 20 ms one way: light in fibre covers ~4,000 km in that time; London–Chicago is ~6,350 km apart.
  constraints: { maxLatencyMs: 20 },
};

const OPTS = { softwareVersion: 'test', now: 0 };

/** Families that meet the intent when generated (seed 1) and measured: verified mode's label. */
function meeting(intent: Intent): Family[] {
  const ok: Family[] = [];
  for (const family of TOPOLOGY_FAMILIES) {
    try {
      const d = generateDesign(intent, family, 1);
      if (sampleFromDesign(d, intent, { id: family, origin: 'verified', softwareVersion: 'test', createdAt: 0 }).label.success) ok.push(family);
    } catch (err) {
      if (!(err instanceof GenerateError)) throw err;
    }
  }
  return ok;
}

const found = (r: Relaxation | undefined): { edit: IntentEdit; family: Family } => {
  expect(r?.edit).not.toBeNull();
  return { edit: r!.edit!, family: r!.option!.family };
};

describe('what would it take', () => {
  it('a budget too low for CRITICAL: raise it to the cheapest CRITICAL design (a step less fails), or accept HIGH within it', () => {
    const intent = IntentSchema.parse({ ...EAST_COAST, redundancy: 'CRITICAL', goal: 'cost', budgetUsd: 3_000_000 });
    expect(meeting(intent)).toEqual([]);
    const w = whatWouldItTake(intent, [], OPTS);
    const keys = w.binding.map((b) => b.constraint);
    expect(keys).toContain('budget');
    expect(keys).toContain('redundancy');
    // A hub and spoke cannot survive two failures, whatever it costs.
    expect(w.binding.find((b) => b.constraint === 'redundancy')!.failedBy).toContain('hub-spoke');

    const budget = found(w.relaxations.find((r) => r.constraint === 'budget'));
    if (budget.edit.kind !== 'budget') throw new Error('expected a budget edit');
    expect(budget.edit.from).toBe(3_000_000);
    expect(budget.edit.to % BUDGET_STEP_USD).toBe(0);
    expect(meeting(applyIntentEdit(intent, budget.edit))).toContain(budget.family);
    // Minimal: a thousand dollars less and no family meets the intent.
    expect(meeting(applyIntentEdit(intent, { ...budget.edit, to: budget.edit.to - BUDGET_STEP_USD }))).toEqual([]);
    expect(w.relaxations.find((r) => r.constraint === 'budget')!.belowChecked).toBe(budget.edit.to - BUDGET_STEP_USD);
    // The cheapest option at any price is the one the budget relaxation names, and it is over budget.
    expect(w.cheapestAtAnyPrice?.family).toBe(budget.family);
    expect(w.cheapestAtAnyPrice!.measured.costUsd).toBeGreaterThan(3_000_000);
    expect(w.cheapestAtAnyPrice!.measured.costUsd).toBeLessThanOrEqual(budget.edit.to);
    expect(w.atAnyPrice).toMatch(/cheapest option that meets every other constraint/);

    // One class down: HIGH, and the option it names then fits the $3M budget.
    const cls = w.relaxations.find((r) => r.constraint === 'redundancy')!;
    expect(cls.edit).toEqual({ kind: 'redundancy', from: 'CRITICAL', to: 'HIGH' });
    expect(cls.option!.measured.costUsd).toBeLessThanOrEqual(3_000_000);
    expect(meeting(applyIntentEdit(intent, cls.edit!))).toContain(cls.option!.family);
    expect(cls.text).toMatch(/^accept HIGH instead of CRITICAL: \S+ then meets the intent/);
  }, 120_000);

  it('a one-hop limit a hub and spoke cannot meet: allow 2 hops, and the option named meets it', () => {
    // A full mesh meets one hop but not the budget; every other family needs two hops or more.
    const intent = IntentSchema.parse({ ...EAST_COAST, redundancy: 'STANDARD', goal: 'cost', budgetUsd: 3_500_000, constraints: { maxHops: 1 } });
    expect(meeting(intent)).toEqual([]);
    const hub = generateDesign(intent, 'hub-spoke', 1);
    expect(hub.validation.metrics.diameterHops).toBeGreaterThan(1);
    const w = whatWouldItTake(intent, [], OPTS);
    const hops = w.binding.find((b) => b.constraint === 'maxHops')!;
    expect(hops.failedBy).toContain('hub-spoke');
    expect(hops.failedBy).not.toContain('full-mesh');
    const r = found(w.relaxations.find((x) => x.constraint === 'maxHops'));
    expect(r.edit).toEqual({ kind: 'maxHops', from: 1, to: 2 });
    expect(meeting(applyIntentEdit(intent, r.edit))).toContain(r.family);
    expect(editWords(r.edit)).toBe('allow 2 hops instead of 1');
    // The full mesh meets every other constraint: raising the budget to its cost is the other way.
    const b = found(w.relaxations.find((x) => x.constraint === 'budget'));
    expect(b.family).toBe('full-mesh');
    expect(meeting(applyIntentEdit(intent, { ...b.edit, to: (b.edit as { to: number }).to - BUDGET_STEP_USD } as IntentEdit))).toEqual([]);
  }, 120_000);

  it('a latency limit across the Atlantic that physics forbids: the limit must rise, no budget fixes it', () => {
    const intent = IntentSchema.parse(TRANSATLANTIC);
    expect(meeting(intent)).toEqual([]);
    const w = whatWouldItTake(intent, [], OPTS);
    expect(w.binding[0]!.constraint).toBe('maxLatencyMs');
    expect(w.binding[0]!.failedBy.length).toBe(w.considered.length);
    const budget = w.relaxations.find((r) => r.constraint === 'budget')!;
    expect(budget.edit).toBeNull();
    expect(budget.text).toMatch(/^No budget alone makes an option meet the intent: .*latency limit/);
    expect(w.cheapestAtAnyPrice).toBeNull();
    expect(w.atAnyPrice).toMatch(/^No option meets the intent at any price \(budget ignored\): .*latency limit/);

    const lat = found(w.relaxations.find((r) => r.constraint === 'maxLatencyMs'));
    if (lat.edit.kind !== 'maxLatencyMs') throw new Error('expected a latency edit');
    // London–Chicago great circle ≈ 6,350 km; at ~200 km/ms in fibre no path is under ~31 ms.
    expect(lat.edit.to).toBeGreaterThan(31);
    expect(meeting(applyIntentEdit(intent, lat.edit))).toContain(lat.family);
    const below = Math.round((lat.edit.to - LATENCY_STEP_MS) * 10) / 10;
    expect(meeting(applyIntentEdit(intent, { ...lat.edit, to: below }))).toEqual([]);
  }, 120_000);

  it('a latency budget between two roles is relaxed on its own, from the measured worst pair', () => {
    const intent = IntentSchema.parse({
      ...TRANSATLANTIC,
      budgetUsd: undefined,
      constraints: { latencyBudgets: [{ from: 'role:hq', to: 'region:eu', maxMs: 10 }] },
    });
    expect(meeting(intent)).toEqual([]);
    const w = whatWouldItTake(intent, [], OPTS);
    const r = found(w.relaxations.find((x) => x.constraint === 'latencyBudget.0'));
    if (r.edit.kind !== 'latencyBudget') throw new Error('expected a latency-budget edit');
    expect(r.edit.index).toBe(0);
    expect(meeting(applyIntentEdit(intent, r.edit))).toContain(r.family);
    const below = Math.round((r.edit.to - LATENCY_STEP_MS) * 10) / 10;
    expect(meeting(applyIntentEdit(intent, { ...r.edit, to: below }))).toEqual([]);
    // New York–Frankfurt is ~6,200 km: over 28 ms at the speed of light in fibre.
    expect(r.edit.to).toBeGreaterThan(28);
  }, 120_000);

  it('generation does not read the budget, hop or latency limits (the search prunes on that)', () => {
    const a = IntentSchema.parse({ ...EAST_COAST, redundancy: 'HIGH' });
    const b = IntentSchema.parse({ ...EAST_COAST, redundancy: 'HIGH', budgetUsd: 1, constraints: { maxHops: 1, maxLatencyMs: 0.5, latencyBudgets: [{ from: '*', to: '*', maxMs: 0.1 }] } });
    for (const family of ['hub-spoke', 'dual-hub', 'ring', 'partial-mesh', 'hybrid'] as const) {
      expect(JSON.stringify(generateDesign(b, family, 1).topology)).toBe(JSON.stringify(generateDesign(a, family, 1).topology));
    }
  }, 60_000);

  it('intent edits apply, invert and know whether they still apply', () => {
    const intent = IntentSchema.parse({ ...TRANSATLANTIC, constraints: { maxLatencyMs: 20, latencyBudgets: [{ from: '*', to: '*', maxMs: 30 }] } });
    const edits: IntentEdit[] = [
      { kind: 'budget', from: 2_000_000, to: 2_100_000 },
      { kind: 'maxLatencyMs', from: 20, to: 41.2 },
      { kind: 'latencyBudget', index: 0, from: 30, to: 45 },
      { kind: 'redundancy', from: 'STANDARD', to: 'NONE' },
    ];
    for (const e of edits) {
      expect(editApplies(intent, e)).toBe(true);
      const after = applyIntentEdit(intent, e);
      expect(editApplies(after, e)).toBe(false);
      expect(IntentSchema.safeParse(after).success).toBe(true);
      const back = applyIntentEdit(after, invertIntentEdit(e));
      expect(back).toEqual(intent);
    }
    expect(intent.budgetUsd).toBe(2_000_000);
    expect(editWords(edits[0]!)).toBe('raise the budget by $100k (to $2,100,000)');
    expect(editWords({ kind: 'budget', from: 1_000_000, to: 3_100_000 })).toBe('raise the budget by $2.1M (to $3,100,000)');
    expect(editWords(edits[3]!)).toBe('accept NONE instead of STANDARD');
  });
});
