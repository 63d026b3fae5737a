import { describe, expect, it } from 'vitest';
import { TopologySchema, type Topology } from '../../../src-shared/model/topology';
import { compileTopology } from '../../../src-shared/sim/csr';
import { RoutingEngine } from '../../../src-shared/sim/routing';
import { uniformTraffic } from '../../../src-shared/sim/traffic';
import { WhatIf } from '../../../src-shared/sim/whatif';

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

describe('WhatIf', () => {
  const t = design();
  const w = new WhatIf(t, { unitGbps: 0.01 });

  it('per-link loads equal routing the design without the failed elements', () => {
    const failed = { devices: ['r4'], links: ['x1', 'up2b'] };
    const r = w.evaluate(failed);
    const rest = TopologySchema.parse({
      ...t,
      nodes: t.nodes.filter((n) => n.id !== 'r4'),
      links: t.links.filter((l) => !failed.links.includes(l.id) && l.source !== 'r4' && l.target !== 'r4'),
    });
    const g = compileTopology(rest);
    const e = new RoutingEngine(g, uniformTraffic(g));
    expect(r.links.map((l) => l.id)).toEqual([...g.linkIds]);
    r.links.forEach((l, i) => {
      expect(l.load).toBeCloseTo(Math.max(e.baseLoad[2 * i]!, e.baseLoad[2 * i + 1]!), 9);
      expect(l.utilisation).toBeCloseTo((l.load * 0.01) / 1, 12);
    });
    expect(r.impact.strandedDemand).toBe(2 * 19); // r4's traffic to and from the 19 others
    expect(r.failedDevices).toEqual(['r4']);
  });

  it('reports a dual-homed branch cut off when both uplinks fail, and rejects unknown ids', () => {
    const r = w.evaluate({ links: ['up1a', 'up1b'] });
    expect(r.impact.isolatedSites).toBe(1);
    expect(r.impact.disconnectedPairs).toBe(19);
    expect(() => w.evaluate({ devices: ['nope'] })).toThrow(RangeError);
  });
});
