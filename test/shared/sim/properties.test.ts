import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../src-shared/sim/analyze';
import { compileTopology, type CompiledGraph } from '../../../src-shared/sim/csr';
import { linkPairFailurePairs } from '../../../src-shared/sim/cutpairs';
import { SlotDelta } from '../../../src-shared/sim/incremental';
import { CompressedSweep } from '../../../src-shared/sim/compressed';
import { n1Scenarios } from '../../../src-shared/sim/sweep';
import { failureMasks, RoutingEngine } from '../../../src-shared/sim/routing';
import { uniformTraffic } from '../../../src-shared/sim/traffic';
import { bruteLoads, bruteLoadsMany, lostPairs, type Multigraph } from './brute';
import { topo } from './helpers';

/** Random small multigraphs: parallel links, self-loops, isolated nodes, several components. */
const multigraph = (maxWeight: number): fc.Arbitrary<Multigraph> =>
  fc.integer({ min: 1, max: 9 }).chain((n) =>
    fc
      .array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 1, max: maxWeight })), { maxLength: 18 })
      .map((edges) => ({ n, edges })),
  );

const compile = (m: Multigraph): CompiledGraph => compileTopology(topo(m.n, m.edges));

/** Simulator link index -> brute-force edge index (self-loops are dropped by compile). */
const originOf = (g: CompiledGraph, e: number): number => g.linkOrigin[e]!;

const PARAMS = { numRuns: 150, seed: 20261124 };

describe('connectivity equals delete-and-recount', () => {
  it('bridges, articulation points and N-1 disconnected pairs', () => {
    fc.assert(
      fc.property(multigraph(1), (m) => {
        const g = compile(m);
        const r = analyzeGraph(g, { traffic: 'none', scenarios: 'n1' });
        const bridges = g.linkIds.filter((_, e) => lostPairs(m, new Set(), new Set([originOf(g, e)])) > 0);
        expect(r.bridges).toEqual(bridges);
        const cut = g.nodeIds.filter((_, v) => lostPairs(m, new Set([v]), new Set()) > 0).sort();
        expect(r.articulationPoints).toEqual(cut);
        r.linkFailures.forEach((x, e) => expect(x.disconnectedPairs).toBe(lostPairs(m, new Set(), new Set([originOf(g, e)]))));
        r.nodeFailures.forEach((x, v) => expect(x.disconnectedPairs).toBe(lostPairs(m, new Set([v]), new Set())));
      }),
      PARAMS,
    );
  });

  it('N-2 link pairs', () => {
    fc.assert(
      fc.property(multigraph(1), (m) => {
        const g = compile(m);
        linkPairFailurePairs(g, (a, b, pairs) => {
          expect(pairs).toBe(lostPairs(m, new Set(), new Set([originOf(g, a), originOf(g, b)])));
        });
      }),
      PARAMS,
    );
  });
});

describe('ECMP loads equal routing from scratch', () => {
  const check = (m: Multigraph, deadNodes: number[], deadLinks: number[]): void => {
    const g = compile(m);
    const engine = new RoutingEngine(g, uniformTraffic(g));
    const f = failureMasks(g, deadNodes, deadLinks);
    const loads = engine.loadsUnder(f, new SlotDelta(engine.slots));
    const want = bruteLoads(m, new Set(deadNodes), new Set(deadLinks.map((e) => originOf(g, e))));
    for (let e = 0; e < g.linkIds.length; e++) {
      for (const [slot, from] of [
        [2 * e, g.linkSource[e]!],
        [2 * e + 1, g.linkTarget[e]!],
      ] as const) {
        const w = want.get(`${originOf(g, e)}:${from}`) ?? 0;
        expect(Math.abs(loads[slot]! - w)).toBeLessThanOrEqual(1e-9 * Math.max(1, w));
      }
    }
  };

  it('baseline, hop count and weighted', () => {
    fc.assert(fc.property(multigraph(1), (m) => check(m, [], [])), PARAMS);
    fc.assert(fc.property(multigraph(4), (m) => check(m, [], [])), PARAMS);
  });

  it('after random multi-element failures (incremental update by difference)', () => {
    const withFailure = (maxWeight: number) =>
      multigraph(maxWeight).chain((m) =>
        fc.record({
          m: fc.constant(m),
          nodes: fc.uniqueArray(fc.nat(m.n - 1), { maxLength: 2 }),
          links: fc.uniqueArray(fc.nat(Math.max(0, m.edges.length - 1)), { maxLength: 3 }),
        }),
      );
    for (const w of [1, 3]) {
      fc.assert(
        fc.property(withFailure(w), ({ m, nodes, links }) => {
          const g = compile(m);
          // Keep only link picks that survived compile (self-loops are gone).
          const valid = links.filter((i) => i < g.linkIds.length);
          check(m, nodes, valid);
        }),
        PARAMS,
      );
    }
  });
});

describe('pendant-tree compressed N-1 sweep equals routing from scratch', () => {
  /** Tree-heavy multigraphs: a small core plus chains and stars hanging off it. */
  const treeHeavy = fc.integer({ min: 1, max: 10 }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      core: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 1, max: 3 })), { maxLength: 8 }),
      hang: fc.array(fc.tuple(fc.nat(40), fc.integer({ min: 1, max: 2 })), { maxLength: 10 }),
      mass: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 30, maxLength: 30 }),
    }),
  );
  it('every single link and node failure, uniform and gravity masses', () => {
    fc.assert(
      fc.property(treeHeavy, ({ n, core, hang, mass }) => {
        const edges: [number, number, number][] = [...core];
        let total = n;
        for (const [at, w] of hang) edges.push([at % total, total++, w]); // each new node hangs off an existing one
        const m: Multigraph = { n: total, edges };
        const g = compile(m);
        // The reference routes each failure once for both mass patterns (bruteLoadsMany).
        const patterns = [new Float64Array(total).fill(1), Float64Array.from({ length: total }, (_, i) => mass[i % mass.length]!)];
        const sweeps = patterns.map((masses) => new CompressedSweep(g, masses, masses));
        const demands = patterns.map((masses) => (s: number, t: number): number => masses[s]! * masses[t]!);
        const maxOf = (loads: Map<string, number>): number => Math.max(0, ...loads.values());
        const baseline = bruteLoadsMany(m, new Set(), new Set(), demands);
        sweeps.forEach((cs, k) => expect(cs.baselineMax()).toBeCloseTo(maxOf(baseline[k]!), 9));
        for (const spec of n1Scenarios(g)) {
          const want = bruteLoadsMany(m, new Set(spec.nodes), new Set(spec.links.map((e) => originOf(g, e))), demands).map(maxOf);
          sweeps.forEach((cs, k) => expect(Math.abs(cs.maxLoad(spec) - want[k]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, want[k]!)));
        }
      }),
      { numRuns: 120, seed: 77 },
    );
  });
});

describe('chain-compressed N-1 sweep equals routing from scratch', () => {
  /**
   * Chain-heavy multigraphs: a few branch nodes whose links are subdivided into
   * chains of degree-2 nodes (weighted, so chains can be or not be shortest
   * paths), ladder rungs between chains, parallel links, and pendant trees.
   */
  const chainHeavy = fc.integer({ min: 2, max: 6 }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      skeleton: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 7 }),
      rungs: fc.array(fc.tuple(fc.nat(60), fc.nat(60)), { maxLength: 3 }),
      hang: fc.array(fc.tuple(fc.nat(60), fc.integer({ min: 1, max: 2 })), { maxLength: 4 }),
      mass: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 30, maxLength: 30 }),
    }),
  );
  it('every single link and node failure on chains, ladders, parallel links and trees; uniform and gravity masses', () => {
    fc.assert(
      fc.property(chainHeavy, ({ n, skeleton, rungs, hang, mass }) => {
        const edges: [number, number, number][] = [];
        let total = n;
        for (const [a, b, len, w] of skeleton) {
          let prev = a;
          for (let i = 0; i < len; i++) {
            edges.push([prev, total, w]);
            prev = total++;
          }
          edges.push([prev, b, w]);
        }
        for (const [x, y] of rungs) edges.push([x % total, y % total, 1]);
        for (const [at, w] of hang) edges.push([at % total, total++, w]);
        const m: Multigraph = { n: total, edges };
        const g = compile(m);
        // The reference routes each failure once for both mass patterns (bruteLoadsMany).
        const patterns = [new Float64Array(total).fill(1), Float64Array.from({ length: total }, (_, i) => mass[i % mass.length]!)];
        const sweeps = patterns.map((masses) => new CompressedSweep(g, masses, masses));
        const demands = patterns.map((masses) => (s: number, t: number): number => masses[s]! * masses[t]!);
        const maxOf = (loads: Map<string, number>): number => Math.max(0, ...loads.values());
        for (const spec of n1Scenarios(g)) {
          const want = bruteLoadsMany(m, new Set(spec.nodes), new Set(spec.links.map((e) => originOf(g, e))), demands).map(maxOf);
          sweeps.forEach((cs, k) => expect(Math.abs(cs.maxLoad(spec) - want[k]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, want[k]!)));
        }
      }),
      { numRuns: 150, seed: 1812 },
    );
  });
});
