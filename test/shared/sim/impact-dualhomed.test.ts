import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileTopology, toPayload } from '../../../src-shared/sim/csr';
import { ImpactEvaluator, IMPACT_FIELDS, type ImpactContext } from '../../../src-shared/sim/impact';
import { chainImpactPays } from '../../../src-shared/sim/impact-chains';
import { DualHomedImpact } from '../../../src-shared/sim/impact-dualhomed';
import { runJobInline, type SweepJob, type TrafficSpec } from '../../../src-shared/sim/job';
import { failureMasks, RoutingEngine } from '../../../src-shared/sim/routing';
import { n1Scenarios, type FailureSpec } from '../../../src-shared/sim/sweep';
import { gravityMasses, gravityTraffic, uniformTraffic } from '../../../src-shared/sim/traffic';
import { TopologySchema, type Topology } from '../../../src-shared/model/topology';

/**
 * The N-1 impact of leaf routers (dual-homed and single-homed edge routers,
 * parallel uplinks) in closed form (impact-dualhomed.ts) against the
 * per-destination repair it replaces (ImpactEvaluator alone): every
 * IMPACT_FIELDS value of every single link and node failure, on designs
 * built here — unequal uplink weights and latencies, uplinks light enough
 * to make an "edge" router carry transit (it must then be left to the
 * repair), edge routers sending nothing (gravity mass 0), sites, uniform
 * and gravity traffic — and the sweep job choosing it by itself.
 */
type Edge = [number, number, number, number, number]; // a, b, IGP weight, latency ms, capacity Gbit/s

function topology(n: number, edges: readonly Edge[], siteOf: readonly number[]): Topology {
  return TopologySchema.parse({
    nodes: Array.from({ length: n }, (_, i) => ({ id: String(i), name: `n${i}`, role: 'router', ...(siteOf[i]! >= 0 ? { site: `s${siteOf[i]}` } : {}) })),
    sites: [...new Set(siteOf.filter((s) => s >= 0))].map((s) => ({ id: `s${s}`, name: `site ${s}`, role: 'branch', region: 'r' })),
    links: edges.map(([a, b, w, lat, cap], i) => ({ id: `e${i}`, source: String(a), target: String(b), igpWeight: w, latencyMs: lat, capacityGbps: cap })),
  });
}

function context(t: Topology, unitGbps: number): ImpactContext {
  const siteIndex = new Map<string, number>();
  return {
    siteOf: t.nodes.map((d) => (d.site === undefined ? -1 : (siteIndex.get(d.site) ?? siteIndex.set(d.site, siteIndex.size).get(d.site)!))),
    unitGbps,
  };
}

/** Compares one scenario's fields; a worst link may differ only where two utilisations tie within rounding. Returns 1 on a tie. */
function sameFields(reference: RoutingEngine, spec: FailureSpec, a: Float64Array, b: Float64Array, unitGbps: number): number {
  const g = reference.g;
  const what = spec.links.length === 1 ? `link ${g.linkIds[spec.links[0]!]}` : spec.nodes.length === 1 ? `node ${g.nodeIds[spec.nodes[0]!]}` : 'no failure';
  let tie = 0;
  IMPACT_FIELDS.forEach((k, j) => {
    const x = a[j]!;
    const y = b[j]!;
    if (k === 'worstLink' && x !== y && x >= 0 && y >= 0) {
      const loads = reference.loadsUnder(failureMasks(g, spec.nodes, spec.links));
      const util = (e: number): number => (Math.max(loads[2 * e]!, loads[2 * e + 1]!) * unitGbps) / g.capacities[e]!;
      expect(Math.abs(util(y) - util(x)), `${what}: worstLink ${y} vs ${x}`).toBeLessThanOrEqual(1e-12 * util(x));
      tie = 1;
      return;
    }
    if (!(x === y || Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x)))) expect(y, `${what}: ${k}`).toBe(x);
  });
  return tie;
}

/**
 * Every directed link load of a scenario the closed form answered (its load
 * changes, still in its scratch) against the repair's: the impact fields
 * read only the largest utilisations, and a light link's load (an edge
 * router's uplink) would otherwise go unchecked.
 */
function sameLoads(reference: RoutingEngine, engine: RoutingEngine, spec: FailureSpec, delta: Float64Array): void {
  const f = failureMasks(reference.g, spec.nodes, spec.links);
  const want = reference.loadsUnder(f);
  for (let s = 0; s < want.length; s++) {
    const got = f.links[s >> 1] === 1 ? 0 : Math.max(0, engine.baseLoad[s]! + delta[s]!);
    if (!(Math.abs(got - want[s]!) <= 1e-9 * Math.max(1, want[s]!))) expect(got, `${JSON.stringify(spec)}: load of slot ${s}`).toBe(want[s]);
  }
}

/** Destinations of failed non-leaf routers the closed form took (dualhomed-corenode.ts), over every compare() call. */
const cores = { closed: 0, repaired: 0 };

/** Every single failure through both evaluators; returns how many leaf scenarios the closed form answered. */
function compare(t: Topology, traffic: TrafficSpec, unitGbps: number): number {
  const g = compileTopology(t);
  const ctx = context(t, unitGbps);
  const mass = traffic.kind === 'gravity' ? gravityMasses(Float64Array.from(traffic.mass)) : new Float64Array(g.nodeIds.length).fill(1);
  const tm = traffic.kind === 'gravity' ? gravityTraffic(g, Float64Array.from(traffic.mass)) : uniformTraffic(g);
  const reference = new RoutingEngine(g, tm);
  const old = new ImpactEvaluator(reference, ctx, undefined, false);
  const engine = new RoutingEngine(g, tm);
  const fast = new ImpactEvaluator(engine, ctx);
  expect(fast.acyclicDags).toBe(true);
  const leaves = DualHomedImpact.create(engine, fast, mass, unitGbps);
  if (leaves !== null) fast.useSingleFailure(leaves);
  const F = IMPACT_FIELDS.length;
  const a = new Float64Array(F);
  const b = new Float64Array(F);
  let handled = 0;
  let ties = 0;
  const specs = n1Scenarios(g);
  for (const spec of specs) {
    if (leaves?.isLeafFailure(spec)) handled++;
    old.evaluateInto(spec, a, 0);
    fast.evaluateInto(spec, b, 0);
    ties += sameFields(reference, spec, a, b, unitGbps);
    if (leaves?.handles(spec)) sameLoads(reference, engine, spec, leaves.scratch.value);
  }
  cores.closed += leaves?.coreCounts.closed ?? 0;
  cores.repaired += leaves?.coreCounts.repaired ?? 0;
  // Each tie is checked above; most scenarios must still name the very same worst link.
  expect(ties, 'worst links that differ only by a rounding tie').toBeLessThanOrEqual(specs.length / 2);
  return handled;
}

/**
 * Random designs: a core (a ring with chords, unequal weights) and leaf
 * routers of one to three uplinks to core routers (the same one twice: a
 * parallel pair), weights 1–9 — a light pair of uplinks between far core
 * routers makes the "leaf" a transit router, which the closed form must
 * not take.
 */
const design = fc.integer({ min: 3, max: 7 }).chain((core) =>
  fc.record({
    core: fc.constant(core),
    ring: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: core, maxLength: core }),
    chords: fc.array(fc.tuple(fc.nat(core - 1), fc.nat(core - 1), fc.integer({ min: 1, max: 9 })), { maxLength: 3 }),
    leaves: fc.array(fc.array(fc.tuple(fc.nat(core - 1), fc.integer({ min: 1, max: 9 })), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }),
    lat: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 64, maxLength: 64 }),
    cap: fc.array(fc.constantFrom(0.001, 0.002, 0.01, 0.1), { minLength: 64, maxLength: 64 }),
    mass: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 64, maxLength: 64 }),
    sites: fc.array(fc.integer({ min: -1, max: 3 }), { minLength: 64, maxLength: 64 }),
    gravity: fc.boolean(),
  }),
);

describe('N-1 impact of leaf routers in closed form', () => {
  it('equals the per-destination repair on every field of every single failure (random dual-, single- and parallel-homed designs)', () => {
    let handled = 0;
    cores.closed = cores.repaired = 0;
    fc.assert(
      fc.property(design, ({ core, ring, chords, leaves, lat, cap, mass, sites, gravity }) => {
        const edges: Edge[] = [];
        const add = (a: number, b: number, w: number): void => {
          const i = edges.length;
          edges.push([a, b, w, lat[i % 64]! / 2, cap[(7 * i) % 64]!]);
        };
        for (let c = 0; c < core; c++) add(c, (c + 1) % core, ring[c]!);
        for (const [x, y, w] of chords) if (x !== y) add(x, y, w);
        let total = core;
        for (const ups of leaves) {
          for (const [at, w] of ups) add(total, at, w);
          total++;
        }
        const t = topology(total, edges, sites.slice(0, total));
        const traffic: TrafficSpec = gravity ? { kind: 'gravity', mass: mass.slice(0, total) } : { kind: 'uniform' };
        handled += compare(t, traffic, 1);
      }),
      { numRuns: 200 },
    );
    expect(handled, 'scenarios the closed form answered').toBeGreaterThan(1000);
    // Failed core routers: destinations nobody but their leaves reaches through them in closed form, the rest repaired.
    expect(cores.closed, 'core-router failures: destinations in closed form').toBeGreaterThan(500);
    expect(cores.repaired, 'core-router failures: destinations repaired').toBeGreaterThan(500);
  });

  it('equals it on an access layer of dual-homed edge routers with unequal uplinks, single-homed ones, parallel uplinks and silent ones', () => {
    const edges: Edge[] = [];
    const core = 4;
    let total = core * 3;
    for (let c = 0; c < core; c++) {
      edges.push([c, (c + 1) % core, 10, 4 + c, 100]);
      edges.push([c, core + 2 * c, 2, 1, 40]);
      edges.push([c, core + 2 * c + 1, 3, 1.5, 40]);
      for (let k = 0; k < 6; k++) {
        const a = core + 2 * c;
        const b = core + 2 * c + 1;
        // Uplinks of weight 3 or more: a to b through an edge router (≥ 6) is longer than through the core (5).
        if (k === 0) edges.push([total, a, 3, 0.2, 1]); // single-homed
        else if (k === 1) edges.push([total, a, 4, 0.2, 1], [total, a, 4, 0.3, 1]); // parallel uplinks
        else edges.push([a, total, 3 + (k % 2), 0.2 + 0.1 * k, 1], [total, b, 3 + (k % 3), 0.3, 1]); // unequal weights on some
        total++;
      }
    }
    const t = topology(total, edges, Array.from({ length: total }, (_, i) => (i < core ? 0 : i < 3 * core ? 1 + ((i - core) >> 1) : -1)));
    const leafScenarios = (total - 3 * core) + (edges.length - 3 * core);
    cores.closed = cores.repaired = 0;
    expect(compare(t, { kind: 'uniform' }, 0.001)).toBe(leafScenarios);
    // A distribution router's failure: every destination but its own edge routers (and itself) in closed form.
    expect(cores.closed).toBeGreaterThan(8 * (total - 8));
    // Gravity with edge routers that send and receive nothing (mass 0).
    expect(compare(t, { kind: 'gravity', mass: Array.from({ length: total }, (_, i) => (i % 5 === 0 ? 0 : 1 + (i % 3))) }, 0.001)).toBe(leafScenarios);
  });

  // Enough one-router chains that the chain path's skeleton routing does not pay (chainImpactPays).
  const EDGES_PER_PAIR = 40;
  it('the sweep job chooses it on a dual-homed access layer, and gives the same figures as the repair', () => {
    const edges: Edge[] = [];
    const core = 8;
    let total = core * 3;
    for (let c = 0; c < core; c++) {
      edges.push([c, (c + 1) % core, 10, 4 + c, 100]);
      edges.push([c, core + 2 * c, 2, 1, 40], [c, core + 2 * c + 1, 2, 1.5, 40]);
      for (let k = 0; k < EDGES_PER_PAIR; k++) {
        edges.push([core + 2 * c, total, 3 + (k % 2), 0.2 + 0.1 * k, 1], [total, core + 2 * c + 1, 3 + (k % 2), 0.3, 1]);
        total++;
      }
    }
    const t = topology(total, edges, Array.from({ length: total }, () => -1));
    const g = compileTopology(t);
    const scenarios = [...n1Scenarios(g), { nodes: [], links: [] }];
    const job: SweepJob = { graph: toPayload(g), traffic: { kind: 'uniform' }, scenarios, mode: 'impact', impact: { siteOf: t.nodes.map(() => -1), unitGbps: 0.01 } };
    const reference = new RoutingEngine(g, uniformTraffic(g));
    const old = new ImpactEvaluator(reference, job.impact);
    // The chain path does not take it (thousands of one-router chains do not pay there): the leaf path does.
    expect(chainImpactPays(g, scenarios.length - 1)).toBe(false);
    expect(DualHomedImpact.build(new RoutingEngine(g, uniformTraffic(g)), old, new Float64Array(total).fill(1), 0.01, scenarios)).not.toBeNull();
    const got = runJobInline(job);
    const F = IMPACT_FIELDS.length;
    const want = new Float64Array(F);
    let ties = 0;
    scenarios.forEach((spec, i) => {
      old.evaluateInto(spec, want, 0);
      ties += sameFields(reference, spec, want, got.subarray(i * F, (i + 1) * F), 0.01);
    });
    expect(ties).toBeLessThanOrEqual(scenarios.length / 4);
  });
});
