import { describe, expect, it } from 'vitest';
import { buildTopology } from '../../../src-shared/generate/generate';
import { importGraphml } from '../../../src-shared/io/graphml';
import { IntentSchema } from '../../../src-shared/model/intent';
import type { Topology } from '../../../src-shared/model/topology';
import { compileTopology } from '../../../src-shared/sim/csr';
import { ImpactEvaluator, type ScenarioImpact } from '../../../src-shared/sim/impact';
import { RoutingEngine } from '../../../src-shared/sim/routing';
import { buildScenarios } from '../../../src-shared/sim/scenarios';
import { gravityTraffic, capacityMass, uniformTraffic } from '../../../src-shared/sim/traffic';
import { zooGraphml } from '../../shared/io/huge-graphml';

/**
 * The impact evaluator keeps baseline latencies only up to a memory budget
 * (8 n² bytes unbounded: 20 GB a worker at 50,000 devices) and recomputes the
 * others when a failure touches them. That must not change a single number:
 * every scenario is compared, exactly, with nothing cached, half cached and
 * everything cached — on a sparse Zoo-style design (hop counts) and a
 * generated hybrid one (IGP weights, sites).
 */
function impacts(t: Topology, traffic: 'uniform' | 'gravity', latencyBudget: number, routingBudget?: number): ScenarioImpact[] {
  const g = compileTopology(t);
  const tm = traffic === 'uniform' ? uniformTraffic(g) : gravityTraffic(g, capacityMass(g));
  const siteIndex = new Map<string, number>();
  const siteOf = t.nodes.map((d) => (d.site === undefined ? -1 : (siteIndex.get(d.site) ?? siteIndex.set(d.site, siteIndex.size).get(d.site)!)));
  const ev = new ImpactEvaluator(new RoutingEngine(g, tm, routingBudget), { siteOf, unitGbps: 0.001 }, latencyBudget);
  const scenarios = buildScenarios(t, g, { classes: ['n1-links', 'n1-nodes', 'n2-links', 'sites'], n2Sample: 150, seed: 3 });
  return scenarios.map((s) => ev.evaluate(s));
}

const designs: [string, Topology, 'uniform' | 'gravity'][] = [
  ['Zoo-style 150 devices', importGraphml(zooGraphml(150, 7), 'zoo150.graphml').topology, 'uniform'],
  [
    'generated hybrid',
    buildTopology(
      IntentSchema.parse({
        redundancy: 'HIGH',
        siteGroups: [
          { role: 'hq', count: 1, region: 'eu' },
          { role: 'datacenter', count: 2, region: 'eu' },
          { role: 'branch', count: 40, region: 'eu' },
        ],
      }),
      'hybrid',
      1,
    ),
    'gravity',
  ],
];

describe('bounded baseline-latency cache gives the same impact as keeping every destination', () => {
  it.each(designs)('%s', (_name, t, traffic) => {
    const n = t.nodes.length;
    const all = impacts(t, traffic, Number.POSITIVE_INFINITY);
    expect(all.length).toBeGreaterThan(n);
    // Some scenario must actually stretch latency, or the comparison would not exercise it.
    expect(all.some((s) => s.stretchMax > 1)).toBe(true);
    expect(impacts(t, traffic, 0)).toEqual(all);
    expect(impacts(t, traffic, 8 * n * Math.floor(n / 2))).toEqual(all);
    // And with the routing engine recomputing its destinations too (its own budget).
    expect(impacts(t, traffic, 0, 0)).toEqual(all);
  });
});
