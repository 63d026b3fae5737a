import { describe, expect, it } from 'vitest';
import { parseRepetitaDemands, parseRepetitaGraph, repetitaDemands, repetitaTopology } from '../../../src-shared/io/repetita';
import { compileTopology, type CompiledGraph } from '../../../src-shared/sim/csr';
import { failureMasks, RoutingEngine, SweepCancelled } from '../../../src-shared/sim/routing';
import { ImpactEvaluator, IMPACT_FIELDS } from '../../../src-shared/sim/impact';
import { n1Scenarios } from '../../../src-shared/sim/sweep';
import { newSharedBaseline, SHARED_BASELINE_MAX_BYTES, sharedBaselineBytes } from '../../../src-shared/sim/shared-baseline';
import { explicitTraffic, gravityTraffic, uniformTraffic, type TrafficMatrix } from '../../../src-shared/sim/traffic';
import { topo } from './helpers';
import { CASES } from './impact-sweep-cases';

/**
 * A routing baseline built together by several workers through a shared
 * buffer (shared-baseline.ts) must be the engine's own to the last bit:
 * distances, DAGs, through-flows and the baseline link loads (summed in the
 * same order), and so every failure's loads. Two workers are played on one
 * thread: the first stops (cancelled) after writing `h` destinations, the
 * second claims the rest and reads the first's.
 */

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Random connected graph with unequal weights (ties included), parallel links and a pendant path. */
function randomGraph(seed: number, n: number): CompiledGraph {
  const r = rng(seed);
  const edges: [number, number, number][] = [];
  for (let v = 1; v < n; v++) edges.push([Math.floor(r() * v), v, 1 + Math.floor(r() * 4)]);
  for (let k = 0; k < n; k++) {
    const a = Math.floor(r() * n);
    const b = Math.floor(r() * n);
    if (a !== b) edges.push([a, b, 1 + Math.floor(r() * 4)]);
  }
  edges.push([edges[3]![0], edges[3]![1], edges[3]![2]]); // a parallel link of equal weight
  return compileTopology(topo(n, edges));
}

/** Explicit demands with odd volumes between random pairs; some routers receive nothing. */
function randomDemands(g: CompiledGraph, seed: number): TrafficMatrix {
  const r = rng(seed);
  const n = g.nodeIds.length;
  const d: { s: number; t: number; volume: number }[] = [];
  for (let k = 0; k < n * 6; k++) {
    const s = Math.floor(r() * n);
    const t = Math.floor(r() * (n - 2)); // the last two never receive
    if (s !== t) d.push({ s, t, volume: r() * 1000 + 0.1 });
  }
  return explicitTraffic(g, d);
}

function expectSame(a: RoutingEngine, b: RoutingEngine, g: CompiledGraph): void {
  expect(b.destinationNodes).toEqual(a.destinationNodes);
  expect(b.cacheBytes).toBe(a.cacheBytes);
  // Object.is per element: bit-identical, -0 and NaN included.
  const same = (x: ArrayLike<number>, y: ArrayLike<number>): boolean => x.length === y.length && Array.from(x).every((v, i) => Object.is(v, y[i]));
  expect(same(a.baseLoad, b.baseLoad)).toBe(true);
  for (let i = 0; i < a.destinationNodes.length; i++) {
    const sa = a.destinationState(i);
    const sb = b.destinationState(i);
    expect(same(sa.dist, sb.dist) && same(sa.flow, sb.flow) && same(sa.dagOff, sb.dagOff) && same(sa.slots, sb.slots)).toBe(true);
  }
  for (let e = 0; e < g.linkIds.length; e += 3) {
    const f = failureMasks(g, [], [e]);
    expect(same(a.loadsUnder(f), b.loadsUnder(f))).toBe(true);
  }
  const v = Math.floor(g.nodeIds.length / 2);
  const f = failureMasks(g, [v], [0]);
  expect(same(a.loadsUnder(f), b.loadsUnder(f))).toBe(true);
}

/** The engine built by two workers: the first writes `h` destinations, the second the rest. */
function splitBuilt(g: CompiledGraph, tm: TrafficMatrix, h: number): { first: RoutingEngine | null; second: RoutingEngine } {
  const buf = newSharedBaseline(g)!;
  let first: RoutingEngine | null = null;
  if (h > 0) {
    try {
      first = new RoutingEngine(g, tm, undefined, (done) => done < h, buf);
    } catch (err) {
      if (!(err instanceof SweepCancelled)) throw err;
    }
  }
  return { first, second: new RoutingEngine(g, tm, undefined, undefined, buf) };
}

const traffics = (g: CompiledGraph, seed: number): [string, TrafficMatrix][] => [
  ['explicit', randomDemands(g, seed)],
  ['uniform', uniformTraffic(g)],
  ['gravity', gravityTraffic(g, Float64Array.from(g.nodeIds, (_, v) => (v % 5 === 0 ? 0 : 1 + ((v * 37) % 11) / 3)))],
];

describe('a routing baseline shared by the workers of a sweep', () => {
  it('equals the engine built alone, however the destinations fall to the two workers', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const g = randomGraph(seed, 12 + seed * 5);
      for (const [, tm] of traffics(g, seed)) {
        const alone = new RoutingEngine(g, tm);
        const D = alone.destinationNodes.length;
        for (const h of [0, 1, Math.floor(D / 3), D - 1, D]) {
          const { first, second } = splitBuilt(g, tm, h);
          expectSame(alone, second, g);
          // The worker that wrote every destination itself is the engine too.
          if (first !== null) expectSame(alone, first, g);
        }
      }
    }
  });

  it('equals it on REPETITA-shaped networks with their own matrices (hop weights in hundreds, parallel circuits, stubs)', () => {
    for (const c of CASES) {
      const t = repetitaTopology(parseRepetitaGraph(c.graph), c.name);
      const g = compileTopology(t);
      const d = repetitaDemands(parseRepetitaDemands(c.demands, t.nodes.length)).map((x) => ({ s: g.nodeIndex.get(x.source)!, t: g.nodeIndex.get(x.target)!, volume: x.volume }));
      const tm = explicitTraffic(g, d);
      const alone = new RoutingEngine(g, tm);
      const buf = newSharedBaseline(g)!;
      const D = alone.destinationNodes.length;
      try {
        new RoutingEngine(g, tm, undefined, (done) => done < D / 2, buf);
      } catch (err) {
        if (!(err instanceof SweepCancelled)) throw err;
      }
      expectSame(alone, new RoutingEngine(g, tm, undefined, undefined, buf), g);
      // The buffer was used (positive IGP weights: acyclic DAGs), not refused.
      expect(new Int32Array(buf, 0, 4)[1], c.name).toBe(D);
    }
  });

  it('keeps the impact evaluator\'s baseline latencies for every worker, and every impact field of every N-1 scenario is the evaluator\'s built alone (with a weight of 0 it is not used)', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const g = randomGraph(seed + 20, 15 + seed * 4);
      // Even seeds: one link of weight 0, so the DAGs may have cycles: a node's final through-flow is then not what it
      // split, the loads cannot be replayed from the state, and every worker builds its own baseline (nothing claimed).
      if (seed % 2 === 0) g.weights[2] = 0;
      // Uneven latencies (ECMP means with several terms), so a sum in another order would show.
      for (let e = 0; e < g.latencies.length; e++) g.latencies[e] = 0.1 + ((e * 7919) % 13) / 3;
      for (const [kind, tm] of traffics(g, seed)) {
        const ctx = { siteOf: g.nodeIds.map((_, v) => v % 4), unitGbps: 0.01 };
        const alone = new ImpactEvaluator(new RoutingEngine(g, tm), ctx);
        const buf = newSharedBaseline(g, true)!;
        const D = alone.engine.destinationNodes.length;
        try {
          new RoutingEngine(g, tm, undefined, (done) => done < D / 2, buf);
        } catch (err) {
          if (!(err instanceof SweepCancelled)) throw err;
        }
        const engine = new RoutingEngine(g, tm, undefined, undefined, buf);
        expect(new Int32Array(buf, 0, 4)[1], 'destinations written into the buffer').toBe(seed % 2 === 0 ? 0 : D);
        const shared = new ImpactEvaluator(engine, ctx);
        for (let i = 0; i < D; i++) {
          const lat = engine.sharedLatency(i);
          if (seed % 2 === 0) {
            expect(lat).toBeNull();
            continue;
          }
          expect(lat, `${kind}: destination ${i} latencies shared`).not.toBeNull();
          expect(Array.from(lat!).every((x, s) => Object.is(x, alone.latencyOf(i, alone.engine.destinationState(i))[s]))).toBe(true);
        }
        const F = IMPACT_FIELDS.length;
        const a = new Float64Array(F);
        const b = new Float64Array(F);
        for (const spec of n1Scenarios(g)) {
          alone.evaluateInto(spec, a, 0);
          shared.evaluateInto(spec, b, 0);
          expect(Array.from(a).every((x, j) => Object.is(x, b[j])), `${kind} seed ${seed} ${JSON.stringify(spec)} ${Array.from(a).join(',')} vs ${Array.from(b).join(',')}`).toBe(true);
        }
      }
    }
  });

  it('keeps no latencies when not asked to (a max-load sweep)', () => {
    const g = randomGraph(2, 20);
    const engine = new RoutingEngine(g, uniformTraffic(g), undefined, undefined, newSharedBaseline(g)!);
    expect(engine.sharedLatency(0)).toBeNull();
  });

  it("holds the engine's own state and nothing more: the DAG arena filled from the front, up to the sum of the DAGs", () => {
    const g = randomGraph(7, 60);
    const tm = uniformTraffic(g);
    const buf = newSharedBaseline(g)!;
    const alone = new RoutingEngine(g, tm);
    const shared = new RoutingEngine(g, tm, undefined, undefined, buf);
    let dagPositions = 0;
    for (let i = 0; i < alone.destinationNodes.length; i++) dagPositions += alone.destinationState(i).slots.length;
    expect(new Int32Array(buf, 0, 4)[2]).toBe(dagPositions);
    expect(shared.cacheBytes).toBe(alone.cacheBytes);
    // The 5,002-device generated hybrid (9,889 links) of bench:impact-scale: its workers share one
    // baseline (the earlier layout, with each destination's load additions, needed ~2.1 GB and was refused).
    const hybrid5k = { nodeIds: { length: 5002 }, targets: { length: 2 * 9889 } } as unknown as Parameters<typeof sharedBaselineBytes>[0];
    expect(sharedBaselineBytes(hybrid5k)).toBeLessThanOrEqual(SHARED_BASELINE_MAX_BYTES);
  });

  it('is not used when its states would not fit the cache budget (the engine builds its own, as before)', () => {
    const g = randomGraph(3, 20);
    const tm = uniformTraffic(g);
    const buf = newSharedBaseline(g)!;
    const small = new RoutingEngine(g, tm, 1000, undefined, buf);
    expect(new Int32Array(buf, 0, 2)[0]).toBe(0); // nothing claimed
    expectSame(new RoutingEngine(g, tm, 1000), small, g);
  });

  it('a buffer laid out for a smaller graph is ignored', () => {
    const g = randomGraph(4, 30);
    const tm = uniformTraffic(g);
    const other = newSharedBaseline(randomGraph(5, 10))!;
    expectSame(new RoutingEngine(g, tm), new RoutingEngine(g, tm, undefined, undefined, other), g);
    expect(new Int32Array(other, 0, 2)[0]).toBe(0);
  });

  it('stops waiting for the other workers when the sweep is cancelled', () => {
    const g = randomGraph(6, 25);
    const tm = uniformTraffic(g);
    const buf = newSharedBaseline(g)!;
    // A worker that claimed a destination and never wrote it (it failed): the other must not wait for ever.
    new Int32Array(buf, 0, 2)[0] = 1;
    let asked = 0;
    expect(() => new RoutingEngine(g, tm, undefined, () => ++asked < 50, buf)).toThrow(SweepCancelled);
    expect(asked).toBe(50);
  });
});
