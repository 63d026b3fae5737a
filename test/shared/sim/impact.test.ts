import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TopologySchema, type Topology } from '../../../src-shared/model/topology';
import { compileTopology } from '../../../src-shared/sim/csr';
import { ImpactEvaluator } from '../../../src-shared/sim/impact';
import { dagIsAcyclic, meanLatencyOnDag } from '../../../src-shared/sim/base-latency';
import { percentiles } from '../../../src-shared/sim/stretch-percentiles';
import { RoutingEngine } from '../../../src-shared/sim/routing';
import { connectedComponents } from '../../../src-shared/sim/connectivity';
import { failureMasks } from '../../../src-shared/sim/routing';
import { explicitTotal, explicitTraffic, uniformTraffic } from '../../../src-shared/sim/traffic';
import { bruteLoads, lostPairs } from './brute';

interface Net {
  n: number;
  edges: [number, number, number, number][]; // a, b, igp weight, latency
}

/** ECMP-mean latency from every node to t on the graph minus failures (brute force, O(n²)). */
function meanLatencies(net: Net, t: number, deadN: Set<number>, deadE: Set<number>): number[] {
  const live = (i: number): boolean => {
    const [a, b] = net.edges[i]!;
    return !deadE.has(i) && a !== b && !deadN.has(a) && !deadN.has(b);
  };
  const dist = new Array<number>(net.n).fill(Infinity);
  const done = new Array<boolean>(net.n).fill(false);
  if (deadN.has(t)) return dist.map(() => NaN);
  dist[t] = 0;
  for (;;) {
    let u = -1;
    for (let v = 0; v < net.n; v++) if (!done[v] && dist[v]! < Infinity && (u < 0 || dist[v]! < dist[u]!)) u = v;
    if (u < 0) break;
    done[u] = true;
    net.edges.forEach(([a, b, w], i) => {
      if (!live(i)) return;
      const v = a === u ? b : b === u ? a : -1;
      if (v >= 0 && dist[u]! + w < dist[v]!) dist[v] = dist[u]! + w;
    });
  }
  const lat = new Array<number>(net.n).fill(NaN);
  const order = [...Array(net.n).keys()].filter((v) => dist[v]! < Infinity).sort((x, y) => dist[x]! - dist[y]!);
  for (const u of order) {
    if (u === t) {
      lat[u] = 0;
      continue;
    }
    const hops: number[] = [];
    net.edges.forEach(([a, b, w, l], i) => {
      if (!live(i)) return;
      const v = a === u ? b : b === u ? a : -1;
      if (v >= 0 && dist[v]! + w === dist[u]) hops.push(l + lat[v]!);
    });
    lat[u] = hops.reduce((x, y) => x + y, 0) / hops.length;
  }
  return lat;
}

const netArb: fc.Arbitrary<Net> = fc.integer({ min: 2, max: 8 }).chain((n) =>
  fc
    .array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 9 })), { minLength: 1, maxLength: 14 })
    .map((edges) => ({ n, edges })),
);

describe('ImpactEvaluator equals recomputation from scratch', () => {
  it('stranded demand, cut pairs, max load and latency stretch percentiles', () => {
    fc.assert(
      fc.property(
        netArb.chain((net) =>
          fc.record({
            net: fc.constant(net),
            nodes: fc.uniqueArray(fc.nat(net.n - 1), { maxLength: 2 }),
            links: fc.uniqueArray(fc.nat(net.edges.length - 1), { maxLength: 2 }),
          }),
        ),
        ({ net, nodes, links }) => {
          const t = TopologySchema.parse({
            nodes: Array.from({ length: net.n }, (_, i) => ({ id: String(i), name: String(i), role: 'router' })),
            links: net.edges.map(([a, b, w, l], i) => ({ id: `e${i}`, source: String(a), target: String(b), igpWeight: w, latencyMs: l })),
          });
          const g = compileTopology(t);
          const ev = new ImpactEvaluator(new RoutingEngine(g, uniformTraffic(g)), { siteOf: [], unitGbps: 1 });
          const linkIdx = links.map((i) => g.linkIds.indexOf(`e${i}`)).filter((e) => e >= 0);
          const got = ev.evaluate({ nodes, links: linkIdx });
          const deadN = new Set(nodes);
          const deadE = new Set(linkIdx.map((e) => g.linkOrigin[e]!));
          const ratios: number[] = [];
          let stranded = 0;
          for (let tt = 0; tt < net.n; tt++) {
            const before = meanLatencies(net, tt, new Set(), new Set());
            const after = meanLatencies(net, tt, deadN, deadE);
            for (let s = 0; s < net.n; s++) {
              if (s === tt || Number.isNaN(before[s]!)) continue;
              if (deadN.has(s) || deadN.has(tt) || Number.isNaN(after[s]!)) stranded++;
              else ratios.push(after[s]! / before[s]!);
            }
          }
          const want = percentiles(ratios.filter((r) => Math.abs(r - 1) > 1e-12), ratios.filter((r) => Math.abs(r - 1) <= 1e-12).length);
          expect(got.strandedDemand).toBe(stranded);
          const multi = { n: net.n, edges: net.edges.map(([a, b, w]) => [a, b, w] as [number, number, number]) };
          expect(got.disconnectedPairs).toBe(lostPairs(multi, deadN, deadE));
          const loads = [...bruteLoads(multi, deadN, deadE).values()];
          expect(got.maxLoad).toBeCloseTo(Math.max(0, ...loads), 9);
          expect(got.stretchP50).toBeCloseTo(want.p50, 9);
          expect(got.stretchP95).toBeCloseTo(want.p95, 9);
          expect(got.stretchMax).toBeCloseTo(want.max, 9);
        },
      ),
      { numRuns: 200, seed: 4242 },
    );
  });

  it('stranded demand of an explicit matrix (the shortcut when no component splits) equals a dense recount', () => {
    fc.assert(
      fc.property(
        netArb.chain((net) =>
          fc.record({
            net: fc.constant(net),
            demands: fc.array(fc.tuple(fc.nat(net.n - 1), fc.nat(net.n - 1), fc.integer({ min: 1, max: 50 })), { maxLength: 30 }),
            nodes: fc.array(fc.nat(net.n - 1), { maxLength: 3 }), // duplicates allowed: a site's failure may name a device twice
            links: fc.uniqueArray(fc.nat(net.edges.length - 1), { maxLength: 2 }),
          }),
        ),
        ({ net, demands, nodes, links }) => {
          const t = TopologySchema.parse({
            nodes: Array.from({ length: net.n }, (_, i) => ({ id: String(i), name: String(i), role: 'router' })),
            links: net.edges.map(([a, b, w, l], i) => ({ id: `e${i}`, source: String(a), target: String(b), igpWeight: w, latencyMs: l })),
          });
          const g = compileTopology(t);
          const m = explicitTraffic(g, demands.map(([s, tt, volume]) => ({ s, t: tt, volume })));
          const ev = new ImpactEvaluator(new RoutingEngine(g, m), { siteOf: [], unitGbps: 1 });
          const linkIdx = links.map((i) => g.linkIds.indexOf(`e${i}`)).filter((e) => e >= 0);
          const got = ev.evaluate({ nodes, links: linkIdx });
          const f = failureMasks(g, nodes, linkIdx);
          const before = connectedComponents(g).componentOf;
          const after = connectedComponents(g, f.nodes, f.links).componentOf;
          let stranded = 0;
          for (let a = 0; a < net.n; a++) {
            for (let b = 0; b < net.n; b++) {
              if (a === b || before[a] !== before[b]) continue;
              if (after[a]! < 0 || after[a] !== after[b]) stranded += m.demand(a, b);
            }
          }
          expect(got.strandedDemand).toBe(stranded); // whole numbers: sums are exact in any order
        },
      ),
      { numRuns: 300, seed: 77 },
    );
  });

  it('percentiles merge implicit ones with changed ratios (nearest rank)', () => {
    expect(percentiles([], 0)).toEqual({ p50: 1, p95: 1, max: 1 });
    expect(percentiles([2, 3], 18)).toEqual({ p50: 1, p95: 2, max: 3 });
    expect(percentiles([0.5, 4], 2)).toEqual({ p50: 1, p95: 4, max: 4 });
    // Below-one ratios come first, then the implicit ones, then the rest; numeric order (10 after 9, not "10" < "9").
    expect(percentiles([10, 0.25, 9, 0.5], 6)).toEqual({ p50: 1, p95: 10, max: 10 });
    expect(percentiles([10, 0.25, 9, 0.5], 0)).toEqual({ p50: 0.5, p95: 10, max: 10 });
  });
});

describe('baseline shortcuts of the impact sweep', () => {
  it('baseline latencies by a walk of the DAG equal the ECMP means recomputed from scratch', () => {
    fc.assert(
      fc.property(netArb, (net) => {
        const t = TopologySchema.parse({
          nodes: Array.from({ length: net.n }, (_, i) => ({ id: String(i), name: String(i), role: 'router' })),
          links: net.edges.map(([a, b, w, l], i) => ({ id: `e${i}`, source: String(a), target: String(b), igpWeight: w, latencyMs: l })),
        });
        const g = compileTopology(t);
        expect(dagIsAcyclic(g.weights)).toBe(true); // weights 1..3
        const engine = new RoutingEngine(g, uniformTraffic(g));
        const out = new Float64Array(net.n);
        const stack = new Int32Array(net.n + g.targets.length + 1);
        const state = new Uint8Array(net.n);
        engine.destinationNodes.forEach((c, i) => {
          const st = engine.destinationState(i);
          meanLatencyOnDag(g, c, st.dist, st.dagOff, st.slots, out, stack, state);
          const want = meanLatencies(net, c, new Set(), new Set());
          for (let v = 0; v < net.n; v++) {
            if (Number.isNaN(want[v]!)) expect(out[v]).toBeNaN();
            else expect(out[v]).toBeCloseTo(want[v]!, 9);
          }
        });
      }),
      { numRuns: 300, seed: 91 },
    );
  });

  it('the DAG walk is used only when no weight is within rounding of zero', () => {
    expect(dagIsAcyclic(Float64Array.from([1, 2, 3]))).toBe(true);
    expect(dagIsAcyclic(Float64Array.from([1, 0, 3]))).toBe(false);
    expect(dagIsAcyclic(Float64Array.from([1e13, 1e-3]))).toBe(false); // 1e-3 is below 1e-12 of a distance of 1e13
    expect(dagIsAcyclic(Float64Array.from([1, Number.NaN]))).toBe(false);
    expect(dagIsAcyclic(new Float64Array(0))).toBe(true);
  });

  it('an explicit matrix answers the same from its dense table (small networks) and its rows (large ones)', () => {
    const nodes = (n: number): Topology =>
      TopologySchema.parse({ nodes: Array.from({ length: n }, (_, i) => ({ id: String(i), name: String(i), role: 'router' })), links: [] });
    const demands = [
      { s: 0, t: 1, volume: 2 },
      { s: 5, t: 1, volume: 3 },
      { s: 0, t: 1, volume: 4 }, // repeated pair: adds up
      { s: 7, t: 7, volume: 9 }, // to itself: dropped
      { s: 2, t: 0, volume: 0 }, // zero: dropped
      { s: 9, t: 0, volume: 1.5 },
    ];
    for (const n of [10, 2100]) {
      const m = explicitTraffic(compileTopology(nodes(n)), demands);
      expect(m.demand(0, 1)).toBe(6);
      expect(m.demand(5, 1)).toBe(3);
      expect(m.demand(9, 0)).toBe(1.5);
      expect(m.demand(1, 0)).toBe(0);
      expect(m.demand(7, 7)).toBe(0);
      expect([0, 1, 2, 7].map((v) => m.receives(v))).toEqual([true, true, false, false]);
      expect(m.totalVolume).toBe(10.5);
      expect(explicitTotal(demands)).toBe(m.totalVolume); // what the sweep's report states, without building the matrix
      const seen: [number, number, number][] = [];
      m.forEachDemand!((s, t, v) => seen.push([s, t, v]));
      expect(seen).toEqual([
        [0, 1, 6],
        [5, 1, 3],
        [9, 0, 1.5],
      ]);
    }
  });
});
