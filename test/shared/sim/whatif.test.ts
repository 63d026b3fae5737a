import { describe, expect, it } from 'vitest';
import { TopologySchema, type Topology } from '../../../src-shared/model/topology';
import { compileTopology } from '../../../src-shared/sim/csr';
import { RoutingEngine } from '../../../src-shared/sim/routing';
import { uniformTraffic } from '../../../src-shared/sim/traffic';
import { noFailures, WhatIfModel, type FailureSelection } from '../../../src-shared/sim/whatif';

/** Two rings joined twice, with branch sites hanging off both: small but not trivial. */
function design(): Topology {
  const nodes = [];
  const links = [];
  for (let i = 0; i < 12; i++) nodes.push({ id: `r${i}`, name: `r${i}`, role: 'core', site: `hub${i % 3}` });
  for (let i = 0; i < 12; i++) links.push({ id: `ring${i}`, source: `r${i}`, target: `r${(i + 1) % 12}`, capacityGbps: 1 });
  links.push({ id: 'x1', source: 'r0', target: 'r6', capacityGbps: 1 }, { id: 'x2', source: 'r3', target: 'r9', capacityGbps: 1 });
  for (let b = 0; b < 8; b++) {
    nodes.push({ id: `b${b}`, name: `b${b}`, role: 'edge', site: `branch${b}` });
    links.push({ id: `up${b}a`, source: `b${b}`, target: `r${b}`, capacityGbps: 1 }, { id: `up${b}b`, source: `b${b}`, target: `r${(b + 5) % 12}`, capacityGbps: 1 });
  }
  return TopologySchema.parse({
    nodes,
    links,
    sites: [...new Set(nodes.map((n) => n.site))].map((s) => ({ id: s, name: s, role: s.startsWith('hub') ? 'region-hub' : 'branch', region: 'r' })),
  });
}

const select = (f: Partial<Record<keyof FailureSelection, string[]>>): FailureSelection => {
  const s = noFailures();
  return { ...s, ...Object.fromEntries(Object.entries(f).map(([k, v]) => [k, new Set(v)])) };
};

/** Per link: the larger directed load over capacity, from a fresh routing of `t`. */
function utilisationOf(t: Topology): Map<string, number> {
  const g = compileTopology(t);
  const e = new RoutingEngine(g, uniformTraffic(g));
  return new Map(g.linkIds.map((id, i) => [id, Math.max(e.baseLoad[2 * i]!, e.baseLoad[2 * i + 1]!) / g.capacities[i]!]));
}

// The one what-if engine (the canvas, the bench and these tests): its incremental answer equals routing from scratch.
describe('WhatIfModel', () => {
  const t = design();
  const w = new WhatIfModel(t);

  it('after a failure, every surviving link carries what routing the design without the failed elements gives it', () => {
    const failed = { nodes: ['r4'], links: ['x1', 'up2b'] };
    const o = w.evaluate(select(failed));
    const rest = TopologySchema.parse({
      ...t,
      nodes: t.nodes.filter((n) => n.id !== 'r4'),
      links: t.links.filter((l) => !failed.links.includes(l.id) && l.source !== 'r4' && l.target !== 'r4'),
    });
    const before = utilisationOf(t);
    const after = utilisationOf(rest);
    const peak = Math.max(...before.values());
    expect([...o.heat.keys()].sort()).toEqual([...after.keys()].sort());
    for (const [id, u] of after) expect(o.heat.get(id), id).toBeCloseTo(u / peak, 9);
    for (const id of o.rerouted) expect(after.get(id)!).toBeGreaterThan(before.get(id)!);
    // The device, the links named, and the links that went down with the device.
    const incident = t.links.filter((l) => l.source === 'r4' || l.target === 'r4').map((l) => l.id);
    expect(o.failed).toEqual(new Set(['r4', ...failed.links, ...incident]));
    expect(o.verdict.survives).toBe(true);
  });

  it('says a dual-homed branch is cut off when both its uplinks fail, with the share of device pairs cut apart', () => {
    const o = w.evaluate(select({ links: ['up1a', 'up1b'] }));
    expect([...o.cutOff]).toEqual(['b1']);
    expect(o.cutOffSites).toEqual(['branch1']);
    expect(o.strandedDemand).toBeCloseTo(1 - (19 * 18) / (20 * 19), 12); // b1's pairs with the 19 others
    expect(o.verdict).toMatchObject({ survives: false });
  });

  it('fails a whole site at once, and ignores ids it does not know', () => {
    const o = w.evaluate(select({ sites: ['hub0'], nodes: ['nope'] }));
    const devices = new Set(t.nodes.map((n) => n.id));
    expect([...o.failed].filter((x) => devices.has(x)).sort()).toEqual(['r0', 'r3', 'r6', 'r9']);
  });
});
