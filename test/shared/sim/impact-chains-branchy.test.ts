import { describe, expect, it } from 'vitest';
import type { Topology } from '../../../src-shared/model/topology';
import { CompressedSweep } from '../../../src-shared/sim/compressed';
import { compileTopology, toPayload } from '../../../src-shared/sim/csr';
import { ImpactEvaluator, IMPACT_FIELDS } from '../../../src-shared/sim/impact';
import { chainImpactPays } from '../../../src-shared/sim/impact-chains';
import { chainGroupedOrder } from '../../../src-shared/sim/impact-order';
import { runJobInline, type SweepJob, type TrafficSpec } from '../../../src-shared/sim/job';
import { failureMasks, RoutingEngine } from '../../../src-shared/sim/routing';
import { n1Scenarios } from '../../../src-shared/sim/sweep';
import { gravityMasses, gravityTraffic, uniformTraffic } from '../../../src-shared/sim/traffic';
import { kdlShaped } from './kdl-shaped';

function compareJob(t: Topology, traffic: TrafficSpec): { compared: number; ties: number; overloaded: number } {
  const g = compileTopology(t);
  const tm = traffic.kind === 'gravity' ? gravityTraffic(g, Float64Array.from(traffic.mass)) : uniformTraffic(g);
  const reference = new RoutingEngine(g, tm);
  // Scaled so the busiest link runs at 130 % with nothing failed: many links sit near 100 % under failures,
  // and overloadedLinks reads every link's load, not only the largest.
  let busiest = 0;
  for (let e = 0; e < g.linkIds.length; e++) busiest = Math.max(busiest, Math.max(reference.baseLoad[2 * e]!, reference.baseLoad[2 * e + 1]!) / g.capacities[e]!);
  const unitGbps = 1.3 / busiest;
  const scenarios = n1Scenarios(g);
  expect(chainImpactPays(g, scenarios.length), 'the job chooses the chain path').toBe(true);
  const mass = traffic.kind === 'gravity' ? gravityMasses(Float64Array.from(traffic.mass)) : new Float64Array(g.nodeIds.length).fill(1);
  expect(new CompressedSweep(g, mass, mass).onSkeleton, 'routed on the skeleton').toBe(true);
  const grouped = chainGroupedOrder(g, scenarios)!;
  const dealt = Array.from(grouped.order, (i) => scenarios[i]!);
  const siteIndex = new Map<string, number>();
  const siteOf = t.nodes.map((d) => (d.site === undefined ? -1 : (siteIndex.get(d.site) ?? siteIndex.set(d.site, siteIndex.size).get(d.site)!)));
  const job: SweepJob = { graph: toPayload(g), traffic, scenarios: dealt, mode: 'impact', impact: { siteOf, unitGbps }, cuts: grouped.cuts };
  const got = runJobInline(job);
  const general = new ImpactEvaluator(reference, job.impact);
  const F = IMPACT_FIELDS.length;
  const want = new Float64Array(F);
  let ties = 0;
  let overloaded = 0;
  dealt.forEach((spec, j) => {
    general.evaluateInto(spec, want, 0);
    const what = spec.links.length === 1 ? `link ${g.linkIds[spec.links[0]!]}` : `node ${g.nodeIds[spec.nodes[0]!]}`;
    IMPACT_FIELDS.forEach((k, f) => {
      const x = want[f]!;
      const y = got[j * F + f]!;
      if (k === 'worstLink' && x !== y && x >= 0 && y >= 0) {
        // Exact ties in the utilisation: the chain path names the lowest index within 1e-12.
        const loads = reference.loadsUnder(failureMasks(g, spec.nodes, spec.links));
        const util = (e: number): number => (Math.max(loads[2 * e]!, loads[2 * e + 1]!) * unitGbps) / g.capacities[e]!;
        expect(Math.abs(util(y) - util(x)), `${what}: worstLink ${y} vs ${x}`).toBeLessThanOrEqual(1e-12 * util(x));
        ties++;
        return;
      }
      // Loads agree up to rounding (1e-16 relative); every other field exactly.
      const close = k === 'maxLoad' || k === 'maxUtilisation' ? Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(x)) : Object.is(x, y);
      if (!close) expect(y, `${what}: ${k}`).toBe(x);
    });
    overloaded += want[IMPACT_FIELDS.indexOf('overloadedLinks')]!;
  });
  return { compared: dealt.length, ties, overloaded };
}

describe('N-1 impact on Kdl-shaped graphs (many branch routers, short chains): the chain path equals the general path', () => {
  // Chains of up to 3 routers, as the real Kdl mostly has; then longer ones (a destination inside a broken
  // chain shares its repair per side of the cut, with routers hanging off it and off the far end), and
  // half-integer weights (pendant destinations then get repairs of their own: impact-pendant-dests.ts).
  for (const [seed, branch, longest, half] of [
    [1, 24, 3, false],
    [2, 36, 3, false],
    [3, 30, 3, false],
    [4, 16, 8, false],
    [5, 16, 6, true],
  ] as const) {
    it(`seed ${seed}, ${branch} branch routers, chains of up to ${longest}${half ? ', half-integer weights' : ''}, uniform and gravity traffic`, () => {
      const t = kdlShaped(seed, branch, longest, half);
      const n = t.nodes.length;
      for (const traffic of [{ kind: 'uniform' } as const, { kind: 'gravity' as const, mass: Array.from({ length: n }, (_, i) => 1 + ((i * 7) % 5)) }]) {
        const r = compareJob(t, traffic);
        expect(r.compared).toBe(n + t.links.length);
        expect(r.overloaded, 'overloaded links counted over the sweep').toBeGreaterThan(0);
        expect(r.ties).toBeLessThanOrEqual(r.compared / 4);
      }
    });
  }
});
