import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findChains } from '../../../src-shared/sim/chains';
import { compileTopology, type CompiledGraph } from '../../../src-shared/sim/csr';
import { failureMasks } from '../../../src-shared/sim/routing';
import { SkeletonRouting } from '../../../src-shared/sim/skeleton';
import { bruteLoads, type Multigraph } from './brute';
import { topo } from './helpers';

/**
 * Skeleton routing (branch nodes plus chains as single links, chain nodes in
 * closed form as sources and destinations) against routing from scratch on
 * the full graph: every directed link load, not only the maximum, under no
 * failure, every single node, every single link and every whole chain
 * interior; separate out and in masses with zeros (not only uniform).
 */
const chainGraph = fc.integer({ min: 2, max: 6 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    // Skeleton links: ends, number of chain nodes on them, weights of their links (unequal along a chain).
    skeleton: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 0, max: 5 }), fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 6, maxLength: 6 })), {
      minLength: 1,
      maxLength: 7,
    }),
    rungs: fc.array(fc.tuple(fc.nat(60), fc.nat(60), fc.integer({ min: 1, max: 3 })), { maxLength: 3 }),
    hang: fc.array(fc.tuple(fc.nat(60), fc.integer({ min: 1, max: 2 })), { maxLength: 4 }),
    out: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 40, maxLength: 40 }),
    inn: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 40, maxLength: 40 }),
    // Half-integer weights (exact in binary) take the binary-search split instead of the whole-number table.
    half: fc.boolean(),
  }),
);

function build({ n, skeleton, rungs, hang, half }: { n: number; skeleton: [number, number, number, number[]][]; rungs: [number, number, number][]; hang: [number, number][]; half: boolean }): Multigraph {
  const edges: [number, number, number][] = [];
  let total = n;
  for (const [a, b, len, ws] of skeleton) {
    let prev = a;
    for (let i = 0; i < len; i++) {
      edges.push([prev, total, ws[i]!]);
      prev = total++;
    }
    edges.push([prev, b, ws[len]!]);
  }
  for (const [x, y, w] of rungs) edges.push([x % total, y % total, w]);
  for (const [at, w] of hang) edges.push([at % total, total++, w]); // pendant nodes: bridges and cut vertices
  if (half) for (const e of edges) e[2] += e[2] % 2 === 0 ? 0.5 : 0; // unequal, not whole: 2 -> 2.5
  return { n: total, edges };
}

function expectLoads(g: CompiledGraph, m: Multigraph, got: Float64Array, deadNodes: number[], deadLinks: number[], demand: (s: number, t: number) => number, what: string): void {
  const want = bruteLoads(m, new Set(deadNodes), new Set(deadLinks.map((e) => g.linkOrigin[e]!)), demand);
  for (let e = 0; e < g.linkIds.length; e++) {
    for (const [slot, from] of [
      [2 * e, g.linkSource[e]!],
      [2 * e + 1, g.linkTarget[e]!],
    ] as const) {
      const w = want.get(`${g.linkOrigin[e]!}:${from}`) ?? 0;
      if (Math.abs(got[slot]! - w) > 1e-9 * Math.max(1, w)) expect(got[slot], `${what}: link ${e} from ${from}`).toBe(w);
    }
  }
}

describe('skeleton routing equals routing from scratch', () => {
  it('every directed load: no failure, each node, each link, each chain interior; chains, bridges, cut vertices, parallel links, unequal weights', () => {
    let chainsSeen = 0;
    let tiesPossible = 0;
    fc.assert(
      fc.property(chainGraph, (x) => {
        const m = build(x);
        const g = compileTopology(topo(m.n, m.edges));
        const ci = findChains(g);
        chainsSeen += ci.chains.length;
        const sk = new SkeletonRouting(g, ci);
        const out = Float64Array.from({ length: m.n }, (_, i) => x.out[i % x.out.length]!);
        const inn = Float64Array.from({ length: m.n }, (_, i) => x.inn[(i * 7) % x.inn.length]!);
        const demand = (s: number, t: number): number => (s === t ? 0 : out[s]! * inn[t]!);
        const got = new Float64Array(2 * g.linkIds.length);
        sk.loads(null, out, inn, got);
        expectLoads(g, m, got, [], [], demand, 'no failure');
        for (let v = 0; v < m.n; v++) {
          sk.loads(failureMasks(g, [v], []), out, inn, got);
          expectLoads(g, m, got, [v], [], demand, `node ${v}`);
        }
        for (let e = 0; e < g.linkIds.length; e++) {
          sk.loads(failureMasks(g, [], [e]), out, inn, got);
          expectLoads(g, m, got, [], [e], demand, `link ${e}`);
        }
        for (const c of ci.chains) {
          if (c.nodes.length % 2 === 1) tiesPossible++;
          const nodes = Array.from(c.nodes);
          sk.loads(failureMasks(g, nodes, []), out, inn, got);
          expectLoads(g, m, got, nodes, [], demand, `chain ${c.a}–${c.b} interior`);
          // Several out vectors in one routing (loadsMany) equal one routing each.
          const eA = new Float64Array(m.n);
          eA[c.a] = 1;
          const many = [new Float64Array(got.length), new Float64Array(got.length), new Float64Array(got.length)];
          sk.loadsMany(failureMasks(g, nodes, []), [eA, out, inn], inn, many);
          [eA, out, inn].forEach((o, r) => {
            const one = new Float64Array(got.length);
            sk.loads(failureMasks(g, nodes, []), o, inn, one);
            for (let s = 0; s < one.length; s++) expect(Math.abs(many[r]![s]! - one[s]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, one[s]!));
          });
        }
      }),
      { numRuns: 160, seed: 2518 },
    );
    // The generator must actually produce chains (else this test checks nothing of the closed forms).
    expect(chainsSeen).toBeGreaterThan(200);
    expect(tiesPossible).toBeGreaterThan(50);
  });

  it('a destination inside a chain whose far end is nearer the long way round (traffic leaves the chain backwards)', () => {
    // Ring 0–1 (direct, weight 1) plus a chain 0 – 2 – 3 – 4 – 5 – 1 of weight 1 per link:
    // from node 2, destination 5 is 3 hops along the chain and also 1 + 1 + 1 = 3 via 0 and 1 — a tie.
    const m: Multigraph = {
      n: 6,
      edges: [
        [0, 1, 1],
        [0, 2, 1],
        [2, 3, 1],
        [3, 4, 1],
        [4, 5, 1],
        [5, 1, 1],
        [0, 1, 2],
        [1, 0, 5],
      ],
    };
    const g = compileTopology(topo(m.n, m.edges));
    const ci = findChains(g);
    expect(ci.chains.length).toBe(1);
    const sk = new SkeletonRouting(g, ci);
    const ones = new Float64Array(m.n).fill(1);
    const got = new Float64Array(2 * g.linkIds.length);
    sk.loads(null, ones, ones, got);
    expectLoads(g, m, got, [], [], (s, t) => (s === t ? 0 : 1), 'ring with a tie');
  });
});
