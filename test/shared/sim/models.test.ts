import { describe, expect, it } from 'vitest';
import { TopologySchema, type Topology } from '../../../src-shared/model/topology';
import { availability } from '../../../src-shared/sim/availability';
import { connectedComponents } from '../../../src-shared/sim/connectivity';
import { convergenceEstimate, DEFAULT_CONVERGENCE } from '../../../src-shared/sim/convergence';
import { compileTopology } from '../../../src-shared/sim/csr';
import { isolatingSets } from '../../../src-shared/sim/isolation';
import { buildScenarios } from '../../../src-shared/sim/scenarios';
import { deliverableVolume, gravityTraffic, hubTraffic, explicitTraffic } from '../../../src-shared/sim/traffic';

const design = (links: [string, string, string[]?][], nodes: [string, string?, string?][]): Topology =>
  TopologySchema.parse({
    nodes: nodes.map(([id, site, role]) => ({ id, name: id, role: role ?? 'router', ...(site ? { site } : {}) })),
    links: links.map(([a, b, srlgs], i) => ({ id: `l${i}`, source: a, target: b, srlgs: srlgs ?? [], latencyMs: 1 })),
    sites: [...new Set(nodes.map((n) => n[1]).filter((s): s is string => s !== undefined))].map((s) => ({ id: s, name: s, role: 'branch', region: s.startsWith('e') ? 'east' : 'west' })),
  });

describe('availability', () => {
  const t = design([['a', 'b'], ['a', 'b']], [['a', 'wA'], ['b', 'eB']]);
  const rel = { mtbfHours: 999, mttrHours: 1 }; // unavailability 1e-3 each
  const overrides = { devices: { router: rel }, links: { l0: rel, l1: rel } };
  const q = 1e-3;
  const want = (1 - q) * (1 - q) * (1 - q * q);

  it('is exact on small networks: two devices, two parallel links', () => {
    const r = availability(t, { overrides });
    expect(r.method).toBe('exact');
    expect(r.pairs).toHaveLength(1);
    expect(r.pairs[0]!.availability).toBeCloseTo(want, 12);
    expect(r.network.availability).toBeCloseTo(want, 12);
    expect(r.pairs[0]!.downtimeMinutesPerYear).toBeCloseTo((1 - want) * 525600, 6);
  });

  it('Monte Carlo (forced) brackets the exact value, deterministically', () => {
    const a = availability(t, { overrides, exactLimit: 0, samples: 20000, seed: 3 });
    const b = availability(t, { overrides, exactLimit: 0, samples: 20000, seed: 3 });
    expect(a.method).toBe('monte-carlo');
    expect(a).toEqual(b);
    expect(a.pairs[0]!.ci95[0]).toBeLessThanOrEqual(want);
    expect(a.pairs[0]!.ci95[1]).toBeGreaterThanOrEqual(want);
    expect(Math.abs(a.pairs[0]!.availability - want)).toBeLessThan(2e-4);
  });
});

describe('isolatingSets', () => {
  it('dual-homed branch: both links, a link and the other hub, or both hubs', () => {
    const t = design([['br', 'h1'], ['br', 'h2'], ['h1', 'h2'], ['sp', 'h1']], [['br', 'wBranch'], ['h1', 'wHub'], ['h2', 'wHub2'], ['sp', 'wSpoke']]);
    const g = compileTopology(t);
    const sets = isolatingSets(g, t.nodes.map((d) => d.site!)).filter((s) => s.site === 'wBranch');
    const text = sets.map((s) => [...s.links, ...s.devices].sort().join('+')).sort();
    expect(text).toEqual(['h1+h2', 'h1+l1', 'h2+l0', 'l0+l1']);
    const spoke = isolatingSets(g, t.nodes.map((d) => d.site!)).filter((s) => s.site === 'wSpoke');
    expect(spoke.map((s) => [...s.links, ...s.devices].join('+')).sort()).toEqual(['h1', 'l3']);
  });
});

describe('convergenceEstimate', () => {
  it('adds detection, flooding to the farthest router, SPF and FIB', () => {
    const t = design([['a', 'b'], ['b', 'c'], ['c', 'd']], [['a'], ['b'], ['c'], ['d']]);
    const g = compileTopology(t);
    const est = convergenceEstimate(g, [], [0], 10);
    const p = DEFAULT_CONVERGENCE;
    const spf = p.spfDelayMs + (p.spfMicrosPerElement * 7) / 1000;
    // Detectors a and b; d is two hops from b (latency 1 + 2 ms per hop each).
    expect(est.parts.floodingMaxMs).toBe(6);
    expect(est.maxMs).toBeCloseTo(p.detectionMs + p.lsaGenerationMs + 6 + spf + 0.5, 9);
  });
});

describe('buildScenarios', () => {
  const t = design(
    [['a', 'b', ['duct1']], ['b', 'c', ['duct1', 'duct2']], ['c', 'd'], ['d', 'a', ['duct2']]],
    [['a', 'w1'], ['b', 'w1'], ['c', 'e2'], ['d', 'e3']],
  );
  const g = compileTopology(t);
  it('srlg, sites, regions and custom', () => {
    const s = buildScenarios(t, g, { classes: ['srlg', 'sites', 'regions'], custom: [{ label: 'x', nodes: ['a'], links: ['l2'] }] });
    expect(s.map((x) => [x.label, x.nodes, x.links])).toEqual([
      ['SRLG duct1', [], [0, 1]],
      ['SRLG duct2', [], [1, 3]],
      ['site w1', [0, 1], []],
      ['site e2', [2], []],
      ['site e3', [3], []],
      ['region west', [0, 1], []],
      ['region east', [2, 3], []],
      ['x', [0], [2]],
    ]);
    expect(() => buildScenarios(t, g, { classes: [], custom: [{ nodes: ['zz'] }] })).toThrow(/unknown device "zz"/);
  });
  it('all link pairs, or a seeded sample of distinct pairs', () => {
    expect(buildScenarios(t, g, { classes: ['n2-links'] })).toHaveLength(6);
    const a = buildScenarios(t, g, { classes: ['n2-links'], n2Sample: 4, seed: 9 });
    const b = buildScenarios(t, g, { classes: ['n2-links'], n2Sample: 4, seed: 9 });
    expect(a).toEqual(b);
    expect(new Set(a.map((x) => x.links.join(','))).size).toBe(4);
    expect(a.every((x) => x.links[0]! < x.links[1]!)).toBe(true);
  });
});

describe('deliverableVolume equals the pairwise sum', () => {
  const t = design([['a', 'b'], ['c', 'd'], ['d', 'e']], [['a'], ['b'], ['c'], ['d'], ['e']]);
  const g = compileTopology(t);
  const comp = connectedComponents(g);
  const brute = (m: { demand(s: number, t: number): number }): number => {
    let v = 0;
    for (let s = 0; s < 5; s++) for (let d = 0; d < 5; d++) if (s !== d && comp.componentOf[s] === comp.componentOf[d]) v += m.demand(s, d);
    return v;
  };
  it.each([
    ['gravity', gravityTraffic(g, Float64Array.from([1, 2, 3, 4, 5]))],
    ['hub-centric', hubTraffic(g, Uint8Array.from([0, 1, 0, 1, 0]))],
    ['explicit', explicitTraffic(g, [{ s: 0, t: 1, volume: 2 }, { s: 0, t: 3, volume: 7 }, { s: 4, t: 2, volume: 1 }])],
  ])('%s', (_, m) => {
    expect(deliverableVolume(m, comp.componentOf, comp.count)).toBeCloseTo(brute(m), 9);
  });
});
