import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findChains } from '../../../src-shared/sim/chains';
import { CompressedSweep } from '../../../src-shared/sim/compressed';
import { compileTopology } from '../../../src-shared/sim/csr';
import { ImpactEvaluator, IMPACT_FIELDS, type ImpactContext } from '../../../src-shared/sim/impact';
import { chainImpactPays, SingleFailureImpact } from '../../../src-shared/sim/impact-chains';
import { runJobInline, type SweepJob, type TrafficSpec } from '../../../src-shared/sim/job';
import { toPayload } from '../../../src-shared/sim/csr';
import { failureMasks, RoutingEngine } from '../../../src-shared/sim/routing';
import { n1Scenarios } from '../../../src-shared/sim/sweep';
import { gravityMasses, gravityTraffic, uniformTraffic } from '../../../src-shared/sim/traffic';
import { TopologySchema, type Topology } from '../../../src-shared/model/topology';

/**
 * The N-1 impact sweep of product-form traffic with loads from the
 * compressed sweep and broken chains in closed form (impact-chains.ts)
 * against the per-destination repair it replaces (ImpactEvaluator alone):
 * every IMPACT_FIELDS value of every single link and node failure, on chain
 * graphs with unequal weights and latencies, dual-homed edge routers,
 * pendant trees, parallel links, sites, uniform and gravity traffic.
 */
type Edge = [number, number, number, number, number]; // a, b, IGP weight, latency ms, capacity Gbit/s

function topology(n: number, edges: readonly Edge[], siteOf: readonly number[]): Topology {
  return TopologySchema.parse({
    nodes: Array.from({ length: n }, (_, i) => ({ id: String(i), name: `n${i}`, role: 'router', ...(siteOf[i]! >= 0 ? { site: `s${siteOf[i]}` } : {}) })),
    sites: [...new Set(siteOf.filter((s) => s >= 0))].map((s) => ({ id: `s${s}`, name: `site ${s}`, role: "branch", region: "r" })),
    links: edges.map(([a, b, w, lat, cap], i) => ({ id: `e${i}`, source: String(a), target: String(b), igpWeight: w, latencyMs: lat, capacityGbps: cap })),
  });
}

function compare(t: Topology, traffic: TrafficSpec, unitGbps: number): number {
  const g = compileTopology(t);
  const siteIndex = new Map<string, number>();
  const ctx: ImpactContext = {
    siteOf: t.nodes.map((d) => (d.site === undefined ? -1 : (siteIndex.get(d.site) ?? siteIndex.set(d.site, siteIndex.size).get(d.site)!))),
    unitGbps,
  };
  const mass = traffic.kind === 'gravity' ? gravityMasses(Float64Array.from(traffic.mass)) : new Float64Array(g.nodeIds.length).fill(1);
  const tm = traffic.kind === 'gravity' ? gravityTraffic(g, Float64Array.from(traffic.mass)) : uniformTraffic(g);
  const reference = new RoutingEngine(g, tm);
  const old = new ImpactEvaluator(reference, ctx);
  const engine = new RoutingEngine(g, tm);
  const fast = new ImpactEvaluator(engine, ctx);
  fast.useSingleFailure(new SingleFailureImpact(engine, new CompressedSweep(g, mass, mass), findChains(g), unitGbps, fast.acyclicDags));
  const F = IMPACT_FIELDS.length;
  const a = new Float64Array(F);
  const b = new Float64Array(F);
  let compared = 0;
  let ties = 0;
  for (const spec of n1Scenarios(g)) {
    old.evaluateInto(spec, a, 0);
    fast.evaluateInto(spec, b, 0);
    const what = spec.links.length === 1 ? `link ${g.linkIds[spec.links[0]!]}` : `node ${g.nodeIds[spec.nodes[0]!]}`;
    IMPACT_FIELDS.forEach((k, j) => {
      const x = a[j]!;
      const y = b[j]!;
      if (k === 'worstLink' && x !== y && x >= 0 && y >= 0) {
        // Links whose utilisations tie in exact arithmetic: either is the worst; both must be the largest within rounding.
        const loads = reference.loadsUnder(failureMasks(g, spec.nodes, spec.links));
        const util = (e: number): number => (Math.max(loads[2 * e]!, loads[2 * e + 1]!) * unitGbps) / g.capacities[e]!;
        expect(Math.abs(util(y) - util(x)), `${what}: worstLink ${y} vs ${x}`).toBeLessThanOrEqual(1e-12 * util(x));
        ties++;
        return;
      }
      if (!(x === y || Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x)))) expect(y, `${what}: ${k}`).toBe(x);
    });
    compared++;
  }
  expect(ties, 'worst links that differ only by a rounding tie').toBeLessThanOrEqual(compared / 4);
  return compared;
}

/** Random graphs: branch nodes joined by chains (0–4 routers, unequal weights and latencies), rungs, pendant trees, parallel links. */
const chainGraph = fc.integer({ min: 2, max: 6 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    skeleton: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 0, max: 4 }), fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 5, maxLength: 5 })), {
      minLength: 1,
      maxLength: 7,
    }),
    rungs: fc.array(fc.tuple(fc.nat(60), fc.nat(60), fc.integer({ min: 1, max: 3 })), { maxLength: 3 }),
    hang: fc.array(fc.tuple(fc.nat(60), fc.integer({ min: 1, max: 2 })), { maxLength: 4 }),
    lat: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 60, maxLength: 60 }),
    cap: fc.array(fc.constantFrom(0.001, 0.002, 0.01, 0.1), { minLength: 60, maxLength: 60 }),
    mass: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 60, maxLength: 60 }),
    sites: fc.array(fc.integer({ min: -1, max: 3 }), { minLength: 60, maxLength: 60 }),
    gravity: fc.boolean(),
  }),
);

describe('N-1 impact with loads from the compressed sweep and chains in closed form', () => {
  it('equals the per-destination repair on every field of every single failure (random chain graphs)', () => {
    fc.assert(
      fc.property(chainGraph, ({ n, skeleton, rungs, hang, lat, cap, mass, sites, gravity }) => {
        const edges: Edge[] = [];
        let total = n;
        const add = (a: number, b: number, w: number): void => {
          const i = edges.length;
          edges.push([a, b, w, lat[i % 60]! / 2, cap[(7 * i) % 60]!]);
        };
        for (const [a, b, len, ws] of skeleton) {
          if (a === b && len === 0) continue; // a self-loop: dropped when compiled
          let prev = a;
          for (let i = 0; i < len; i++) {
            add(prev, total, ws[i]!);
            prev = total++;
          }
          add(prev, b, ws[len]!);
        }
        for (const [x, y, w] of rungs) if (x % total !== y % total) add(x % total, y % total, w);
        for (const [at, w] of hang) add(at % total, total++, w);
        const t = topology(total, edges, sites.slice(0, total));
        const traffic: TrafficSpec = gravity ? { kind: 'gravity', mass: mass.slice(0, total) } : { kind: 'uniform' };
        expect(compare(t, traffic, 1)).toBe(total + t.links.length);
      }),
      { numRuns: 150 },
    );
  });

  it('equals it on dual-homed edge routers (one-router chains between aggregation pairs), with and without a direct aggregation link', () => {
    for (const direct of [true, false]) {
      const edges: Edge[] = [];
      const core = 4; // a ring of core routers, each with two aggregation routers
      let total = core * 3;
      for (let c = 0; c < core; c++) {
        edges.push([c, (c + 1) % core, 10, 4 + c, 100]);
        edges.push([c, core + 2 * c, 2, 1, 40]);
        edges.push([c, core + 2 * c + 1, 2, 1.5, 40]);
        if (direct) edges.push([core + 2 * c, core + 2 * c + 1, 1, 0.5, 40]);
        for (let k = 0; k < 5; k++) {
          edges.push([core + 2 * c, total, 1, 0.2 + 0.1 * k, 1]);
          edges.push([total, core + 2 * c + 1, 1, 0.3, 1]);
          total++;
        }
      }
      const t = topology(total, edges, Array.from({ length: total }, (_, i) => (i < core ? 0 : i < 3 * core ? 1 + ((i - core) >> 1) : -1)));
      expect(compare(t, { kind: 'uniform' }, 0.001)).toBe(total + edges.length);
      expect(compare(t, { kind: 'gravity', mass: Array.from({ length: total }, (_, i) => 1 + (i % 3)) }, 0.001)).toBe(total + edges.length);
    }
  });

  it('the sweep job uses it for product traffic on a chain-heavy core, and gives the same figures as the repair', () => {
    // A ring of 4 branch nodes joined by long chains: chain routers are most of the core (CompressedSweep.onSkeleton).
    const edges: Edge[] = [];
    let total = 4;
    for (let c = 0; c < 4; c++) {
      let prev = c;
      for (let i = 0; i < 6; i++) {
        edges.push([prev, total, 1 + (i % 2), 1 + i, 10]);
        prev = total++;
      }
      edges.push([prev, (c + 1) % 4, 1, 2, 10]);
    }
    edges.push([0, 2, 9, 3, 10]);
    const t = topology(total, edges, Array.from({ length: total }, () => -1));
    const g = compileTopology(t);
    const scenarios = [...n1Scenarios(g), { nodes: [], links: [] }];
    const job: SweepJob = { graph: toPayload(g), traffic: { kind: 'uniform' }, scenarios, mode: 'impact', impact: { siteOf: t.nodes.map(() => -1), unitGbps: 0.01 } };
    const got = runJobInline(job);
    const old = new ImpactEvaluator(new RoutingEngine(g, uniformTraffic(g)), job.impact);
    const F = IMPACT_FIELDS.length;
    const want = new Float64Array(F);
    scenarios.forEach((spec, i) => {
      old.evaluateInto(spec, want, 0);
      IMPACT_FIELDS.forEach((k, j) => expect(got[i * F + j], `scenario ${i}: ${k}`).toBeCloseTo(want[j]!, 9));
    });
    expect(chainImpactPays(g, scenarios.length - 1)).toBe(true);
  });
});
