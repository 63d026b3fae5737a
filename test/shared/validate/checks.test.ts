import { describe, expect, it } from 'vitest';
import { IntentSchema, type IntentInput } from '../../../src-shared/model/intent';
import { validateDesign } from '../../../src-shared/validate/validate';
import { scoreChecks } from '../../../src-shared/validate/score';
import type { CostBreakdown } from '../../../src-shared/cost/cost';
import { design } from './build';

const intent = (extra: Partial<IntentInput> = {}) =>
  IntentSchema.parse({ siteGroups: [{ role: 'branch', count: 3 }], redundancy: 'NONE', ...extra });
const check = (r: ReturnType<typeof validateDesign>, id: string) => {
  const c = r.checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id}`);
  return c;
};
const cost = (totalUsd: number): CostBreakdown => ({
  currency: 'USD', priceBook: 't', termYears: 5, discountRatePct: 0, totalUsd, capexUsd: totalUsd, mrcUsd: 0, tcoUsd: totalUsd,
  capex: { devicesUsd: totalUsd, installationUsd: 0, opticsUsd: 0, fibreIruUsd: 0, handPricedLinksUsd: 0 },
  monthly: { circuitsUsd: 0, supportUsd: 0, colocationUsd: 0, fibreMaintenanceUsd: 0 }, byTransport: {}, byRole: {}, racks: 0,
});

/** A path a — b — c — d, 1 ms per link. */
const path = () =>
  design({ a: 'hq', b: 'branch', c: 'branch', d: 'branch' }, [['a/r', 'b/r'], ['b/r', 'c/r'], ['c/r', 'd/r']]);

describe('hop and latency checks', () => {
  it('report the diameter without a limit, and fail pairs over maxHops with the worst pair as evidence', () => {
    const free = validateDesign(path(), intent());
    expect(check(free, 'hops')).toMatchObject({ passed: true, severity: 'info', weight: 0 });
    expect(free.metrics.diameterHops).toBe(3);
    expect(free.metrics.maxLatencyMs).toBe(3);
    const limited = validateDesign(path(), intent({ constraints: { maxHops: 2 } }));
    const hops = check(limited, 'hops');
    expect(hops.passed).toBe(false);
    expect(hops.message).toContain('1 site pair over 2 hops');
    expect(hops.evidence.nodes).toEqual(['a/r', 'd/r']);
    expect(limited.passed).toBe(false);
  });

  it('fail a latency budget only for the selected pairs', () => {
    const t = path();
    const named = [{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'd' }];
    const r = validateDesign(
      t,
      intent({
        siteGroups: [{ role: 'branch', sites: named }],
        constraints: { latencyBudgets: [{ from: 'role:hq', to: '*', maxMs: 2.5 }, { from: 'b', to: 'c', maxMs: 1 }] },
      }),
    );
    expect(check(r, 'latency-budget.0')).toMatchObject({ passed: false });
    expect(check(r, 'latency-budget.0').message).toContain('a ↔ d 3.00 ms');
    expect(check(r, 'latency-budget.1')).toMatchObject({ passed: true });
    expect(check(r, 'latency')).toMatchObject({ passed: true, severity: 'info' });
    const global = validateDesign(t, intent({ constraints: { maxLatencyMs: 2 } }));
    expect(check(global, 'latency').message).toContain('1 site pair over 2 ms; worst a ↔ d 3.00 ms');
  });
});

describe('ports, oversubscription, capacity and budget', () => {
  it('flags a device with more links than ports, and one without growth headroom', () => {
    const t = path();
    t.nodes.find((d) => d.id === 'b/r')!.ports = 1;
    t.nodes.find((d) => d.id === 'c/r')!.ports = 2;
    const r = validateDesign(t, intent());
    expect(check(r, 'ports')).toMatchObject({ passed: false, evidence: { nodes: ['b/r'], links: [] } });
    expect(check(r, 'port-headroom')).toMatchObject({ passed: false, severity: 'warning', evidence: { nodes: ['c/r'] } });
  });

  it('computes leaf oversubscription from free ports × access speed over uplink capacity', () => {
    // 48-port leaf, 2 × 100G uplinks: 46 × 25G / 200G = 5.75:1.
    const t = design({ a: 'datacenter' }, [['a/leaf', 'a/s1', { capacityGbps: 100 }], ['a/leaf', 'a/s2', { capacityGbps: 100 }]]);
    t.nodes[0]!.role = 'leaf';
    const tight = validateDesign(t, intent({ constraints: { maxOversubscription: 5 } }));
    expect(check(tight, 'oversubscription').message).toContain('worst 5.75:1');
    expect(check(tight, 'oversubscription').passed).toBe(false);
    expect(check(validateDesign(t, intent({ constraints: { maxOversubscription: 6 } })), 'oversubscription').passed).toBe(true);
  });

  // Was a warning comparing a site's summed uplink capacity with its demand; now the routed demand is checked (issue 15).
  it('fails when the routed demand puts a link over the utilisation limit, naming the link', () => {
    const t = path();
    t.sites[3]!.bandwidthMbps = 9000; // d sends 9 Gbit/s (+20 % growth) towards the HQ a over 10G links
    const r = validateDesign(t, intent());
    const c = check(r, 'capacity');
    expect(c).toMatchObject({ passed: false, severity: 'error' });
    expect(c.message).toContain('links exceed 80 % with nothing failed');
    expect(c.message).toMatch(/worst case: e\d \(\w – \w\) at 10\d %/);
    expect(r.passed).toBe(false);
    expect(r.metrics.totalDemandGbps).toBeCloseTo(21.6, 6); // 9 × 1.2, both directions
  });

  it('reports no traffic when no site states bandwidth', () => {
    expect(check(validateDesign(path(), intent()), 'capacity')).toMatchObject({ passed: true, severity: 'info', weight: 0 });
  });

  it('fails the budget when the cost exceeds it, and only reports the cost without one', () => {
    expect(check(validateDesign(path(), intent({ budgetUsd: 1000 }), { cost: cost(1500) }), 'budget')).toMatchObject({
      passed: false,
      message: '5-year TCO $1,500 (capex $1,500 + $0 a month): 150 % of the $1,000 budget (compared with the TCO over the term)',
    });
    expect(check(validateDesign(path(), intent(), { cost: cost(1500) }), 'budget')).toMatchObject({ passed: true, severity: 'info' });
  });
});

describe('score', () => {
  it('is the weighted share of passed checks', () => {
    const c = (passed: boolean, weight: number) => ({
      id: 'x', title: 'x', passed, severity: 'error' as const, message: '', evidence: { nodes: [], links: [] }, weight,
    });
    expect(scoreChecks([c(true, 25), c(false, 25), c(false, 0)])).toBe(50);
    expect(scoreChecks([c(true, 10), c(true, 30)])).toBe(100);
    expect(scoreChecks([])).toBe(100);
  });

  it('a disconnected design loses connectivity and every required redundancy level', () => {
    const t = design({ a: 'hq', b: 'branch', c: 'branch' }, [['a/r', 'b/r']], ['c/r']);
    const r = validateDesign(t, intent({ redundancy: 'HIGH' }));
    expect(r.passed).toBe(false);
    expect(r.redundancyAchieved).toBeNull();
    expect(r.metrics.unreachablePairs).toBe(2);
    // connectivity 25 + redundancy 25 lost; ports 10 + headroom 5 kept; capacity is info (no traffic): 15 / 65.
    expect(r.score).toBe(Math.round((100 * 15) / 65));
  });
});

describe('goal weighting', () => {
  it('the goal doubles the weight of what it cares about, changing the score of the same design', () => {
    // Path a-b-c-d over a 2-hop limit and over budget: hops and budget fail.
    const scoreFor = (goal: 'cost' | 'latency' | 'balanced') =>
      validateDesign(path(), intent({ goal, budgetUsd: 1000, constraints: { maxHops: 2 } }), { cost: cost(5000) });
    const balanced = scoreFor('balanced');
    expect(check(balanced, 'budget').weight).toBe(10);
    expect(check(scoreFor('cost'), 'budget').weight).toBe(20);
    expect(check(scoreFor('latency'), 'hops').weight).toBe(20);
    // Weighted: connectivity 25, hops 10 (fails), ports 10, headroom 5, budget 10 (fails) = 60; capacity is info (no traffic).
    expect(balanced.score).toBe(Math.round((100 * 40) / 60));
    expect(scoreFor('cost').score).toBe(Math.round((100 * 40) / 70));
    expect(scoreFor('latency').score).toBe(Math.round((100 * 40) / 70));
  });
});
