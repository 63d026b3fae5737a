import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { goalMeasure } from '../../../src-shared/learn/goal';
import { compareVerified, rankVerified, type FailedConstraint, type VerifiedOption } from '../../../src-shared/learn/options';
import { recommendVerified, verificationPlan } from '../../../src-shared/learn/verify';
import { IntentSchema, type Goal } from '../../../src-shared/model/intent';
import { TOPOLOGY_FAMILIES, type Family } from '../../../src-shared/model/topology';
import { optionRows } from '../../../src-renderer/features/options/rows';
import type { RecommendResultShape } from '../../../src-shared/contract/learn-types';

const fail = (id: string, shortfall: number | null = null): FailedConstraint => ({ id, title: id, message: id, shortfall });
const opt = (family: Family, goal: Goal, m: { cost: number; p95: number; down: number }, failed: FailedConstraint[] = [], seed = 1): VerifiedOption => {
  const measured = { costUsd: m.cost, p95LatencyMs: m.p95, availability: 1 - m.down / 525_600, downtimeMinPerYear: m.down };
  return { family, seed, success: failed.length === 0, measured, goalMeasure: goalMeasure(goal, measured), failed, onFront: false };
};
const families = (xs: VerifiedOption[]) => xs.map((o) => o.family);

describe('verified ranking: by the stated goal among options that meet the intent, then by how close the others come', () => {
  it('latency: the lower measured p95 comes first (the reported 194.7 ms before 143.7 ms is gone)', () => {
    const xs = [
      opt('partial-mesh', 'latency', { cost: 400_000, p95: 194.7, down: 3 }),
      opt('hybrid', 'latency', { cost: 900_000, p95: 143.7, down: 2 }),
      opt('dual-hub', 'latency', { cost: 500_000, p95: 160.2, down: 4 }),
    ];
    expect(families(rankVerified('latency', xs))).toEqual(['hybrid', 'dual-hub', 'partial-mesh']);
  });

  it('cost, resilience and balanced each rank by their own measure', () => {
    const a = { cost: 300_000, p95: 80, down: 20 };
    const b = { cost: 600_000, p95: 40, down: 2 };
    const c = { cost: 450_000, p95: 60, down: 9 };
    const mk = (g: Goal) => [opt('ring', g, a), opt('full-mesh', g, b), opt('dual-ring', g, c)];
    expect(families(rankVerified('cost', mk('cost')))).toEqual(['ring', 'dual-ring', 'full-mesh']);
    expect(families(rankVerified('resilience', mk('resilience')))).toEqual(['full-mesh', 'dual-ring', 'ring']);
    // Balanced: geometric mean of cost, p95 and (1 + downtime): ring 3e5·80·21 = 5.04e8, full mesh 6e5·40·3 = 7.2e7, dual ring 4.5e5·60·10 = 2.7e8.
    expect(families(rankVerified('balanced', mk('balanced')))).toEqual(['full-mesh', 'dual-ring', 'ring']);
  });

  it('an option that meets the intent beats every one that does not, however cheap', () => {
    const xs = [opt('hub-spoke', 'cost', { cost: 100_000, p95: 50, down: 30 }, [fail('budget', 0.1)]), opt('dual-hub', 'cost', { cost: 2_000_000, p95: 50, down: 3 })];
    expect(families(rankVerified('cost', xs))).toEqual(['dual-hub', 'hub-spoke']);
  });

  it('failing CRITICAL and the budget ranks below failing the budget only (the reported bug), then by shortfall', () => {
    const both = opt('tree', 'cost', { cost: 500_000, p95: 50, down: 10 }, [fail('redundancy.critical', 0.33), fail('budget', 0.05)]);
    const budgetOnly = opt('dual-ring', 'cost', { cost: 900_000, p95: 50, down: 1 }, [fail('budget', 0.8)]);
    const budgetNear = opt('partial-mesh', 'cost', { cost: 1_100_000, p95: 50, down: 1 }, [fail('budget', 0.1)]);
    expect(families(rankVerified('cost', [both, budgetOnly, budgetNear]))).toEqual(['partial-mesh', 'dual-ring', 'tree']);
    expect(compareVerified('cost', budgetOnly, both)).toBeLessThan(0);
  });

  it('the order does not depend on the order results landed in', () => {
    const xs = [
      opt('ring', 'cost', { cost: 3e5, p95: 9, down: 1 }),
      opt('ring', 'cost', { cost: 2e5, p95: 9, down: 1 }, [], 2),
      opt('tree', 'cost', { cost: 1e5, p95: 9, down: 1 }, [fail('hops', 0.2)]),
      opt('hybrid', 'cost', { cost: 4e5, p95: 9, down: 1 }),
    ];
    const once = rankVerified('cost', xs).map((o) => `${o.family}#${o.seed}`);
    expect(rankVerified('cost', [...xs].reverse()).map((o) => `${o.family}#${o.seed}`)).toEqual(once);
    expect(once).toEqual(['ring#2', 'ring#1', 'hybrid#1', 'tree#1']);
  });
});

const sdwan = IntentSchema.parse(JSON.parse(fs.readFileSync(path.join(__dirname, '../../fixtures/intents/scenarios/sdwan-20-branches.intent.json'), 'utf8')));

describe('which families verified mode evaluates', () => {
  const instantTop4: Family[] = ['hub-spoke', 'dual-hub', 'tree', 'hybrid'];

  it('every applicable family by default, not only the instant top 4; not-applicable ones with the reason', () => {
    const plan = verificationPlan(sdwan, 'all', instantTop4, 1);
    const evaluated = plan.tasks.map((t) => t.family);
    // The SD-WAN has 22 sites: full mesh (> 16 sites) and leaf-spine (not all datacenters) are not applicable.
    expect(plan.skipped.map((s) => s.family).sort()).toEqual(['full-mesh', 'leaf-spine']);
    for (const s of plan.skipped) expect(s.reason.length).toBeGreaterThan(20);
    expect(evaluated.slice(0, 4)).toEqual(instantTop4);
    expect(evaluated).toContain('partial-mesh');
    expect(new Set([...evaluated, ...plan.skipped.map((s) => s.family)])).toEqual(new Set(TOPOLOGY_FAMILIES));
  });

  it('top:N takes the instant order among applicable families; variants come after every seed 1', () => {
    const plan = verificationPlan(sdwan, { top: 2 }, ['full-mesh', 'ring', 'tree'], 2);
    expect(plan.tasks).toEqual([{ family: 'ring', seed: 1 }, { family: 'tree', seed: 1 }, { family: 'ring', seed: 2 }, { family: 'tree', seed: 2 }]);
  });

  it('the SD-WAN scenario: partial mesh is evaluated, and successes come first in cost order', () => {
    const r = recommendVerified(sdwan, { families: 'all', softwareVersion: 'test', now: 0 });
    const got = r.ranked.map((c) => c.option);
    expect(got.map((o) => o.family)).toContain('partial-mesh');
    expect(got.length + r.skipped.length).toBe(TOPOLOGY_FAMILIES.length);
    const ok = got.filter((o) => o.success);
    expect(got.slice(0, ok.length).every((o) => o.success)).toBe(true);
    for (let i = 1; i < ok.length; i++) expect(ok[i]!.measured.costUsd).toBeGreaterThanOrEqual(ok[i - 1]!.measured.costUsd);
    for (const o of got) {
      expect(o.success).toBe(o.failed.length === 0);
      expect(o.goalMeasure).toBe(o.measured.costUsd);
    }
    // Each verified option states its verdict, never a probability that contradicts it.
    for (const o of r.options) expect(o.successProbability).toBe(o.verified!.success ? 1 : 0);
  }, 120_000);
});

describe('streamed partial results in the options list', () => {
  it('landed options in the verified order, then the estimates still being checked; left-out families dropped', () => {
    const est = (family: Family, p: number) => ({
      family, confidence: p, successProbability: p, predicted: { costUsd: 1, p95LatencyMs: 1, availability: 0.99 }, intervals: null,
      pros: [], cons: [], rationale: '', evidence: { family, similar: 0, feasible: 0, interval: { low: 0, high: 1 }, nearest: null, familiar: false },
    });
    const instant: RecommendResultShape = {
      mode: 'instant', goal: 'cost', novelty: null, realWorld: null, recordId: null,
      model: { trainedOn: 0, costMapePct: null, p95MapePct: null },
      options: [est('hub-spoke', 0.9), est('tree', 0.8), est('ring', 0.7), est('full-mesh', 0.2)],
    };
    const landed = [opt('tree', 'cost', { cost: 5e5, p95: 9, down: 1 }, [fail('redundancy.high', 0.5)]), opt('ring', 'cost', { cost: 7e5, p95: 9, down: 1 })];
    const rows = optionRows('cost', instant, { verified: landed, skipped: [{ family: 'full-mesh', reason: 'too many sites', notApplicable: true }] });
    expect(rows.map((r) => `${r.kind}:${r.family}`)).toEqual(['verified:ring', 'verified:tree', 'estimate:hub-spoke']);
    expect(optionRows('cost', instant, null).map((r) => r.kind)).toEqual(['estimate', 'estimate', 'estimate', 'estimate']);
  });
});
