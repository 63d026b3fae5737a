import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findChains } from '../../../src-shared/sim/chains';
import { CompressedSweep } from '../../../src-shared/sim/compressed';
import { bridgesAndCutNodes, dfsForest } from '../../../src-shared/sim/connectivity';
import { compileTopology } from '../../../src-shared/sim/csr';
import { n1Scenarios } from '../../../src-shared/sim/sweep';
import { bruteLoadsMany, type Multigraph } from './brute';
import { topo } from './helpers';

/**
 * Blocks joined by chains that are bridges (2-edge-connected blocks): a
 * failure on such a chain is answered from the nothing-failed fan-in and
 * fan-out of its ends (compressed.ts bridgeTerms), no routing. Checked
 * against routing from scratch for every single failure.
 */
const blocks = fc.record({
  // 2–4 blocks of 2–4 nodes, each a ring (2-edge-connected) with a possible chord.
  sizes: fc.array(fc.integer({ min: 2, max: 4 }), { minLength: 2, maxLength: 4 }),
  chord: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  // The chain from block i to block i + 1: its length (≥ 1 node) and weights; where it starts and ends.
  joins: fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.nat(3), fc.nat(3), fc.integer({ min: 1, max: 3 })), { minLength: 3, maxLength: 3 }),
  ringWeights: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 16, maxLength: 16 }),
  hang: fc.array(fc.tuple(fc.nat(40), fc.integer({ min: 1, max: 2 })), { maxLength: 3 }),
  mass: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 40, maxLength: 40 }),
});

describe('bridge chains in closed form equal routing from scratch', () => {
  it('every single link and node failure on blocks joined by bridge chains, pendants; uniform, gravity and unequal out/in masses', () => {
    let bridgeChains = 0;
    let skeletonRuns = 0;
    fc.assert(
      fc.property(blocks, ({ sizes, chord, joins, ringWeights, hang, mass }) => {
        const edges: [number, number, number][] = [];
        const first: number[] = [];
        let total = 0;
        sizes.forEach((k, b) => {
          first.push(total);
          for (let i = 0; i < k; i++) edges.push([total + i, total + ((i + 1) % k), ringWeights[(b * 4 + i) % 16]!]);
          if (k === 2) edges.push([total, total + 1, 2]); // a 2-ring is a pair of parallel links
          if (chord[b] === true && k === 4) edges.push([total, total + 2, 1]);
          total += k;
        });
        for (let b = 0; b + 1 < sizes.length; b++) {
          const [len, from, to, w] = joins[b]!;
          let prev = first[b]! + (from % sizes[b]!);
          for (let i = 0; i < len; i++) {
            edges.push([prev, total, w]);
            prev = total++;
          }
          edges.push([prev, first[b + 1]! + (to % sizes[b + 1]!), w]);
        }
        for (const [at, w] of hang) edges.push([at % total, total++, w]);
        const m: Multigraph = { n: total, edges };
        const g = compileTopology(topo(m.n, m.edges));
        const br = new Uint8Array(g.linkIds.length);
        for (const e of bridgesAndCutNodes(g, dfsForest(g)).bridges) br[e] = 1;
        const gravity = Float64Array.from({ length: total }, (_, i) => mass[i % mass.length]!);
        // Out ≠ in as well (directed sums differ), so a dropped fan-in or fan-out term shows in the maximum.
        const skewed = Float64Array.from({ length: total }, (_, i) => (i % 3 === 0 ? 5 * mass[(i * 7) % mass.length]! : 0));
        const patterns = [
          [new Float64Array(total).fill(1), new Float64Array(total).fill(1)],
          [gravity, gravity],
          [gravity, skewed],
          [skewed, gravity],
        ] as const;
        const sweeps = patterns.map(([out, inn]) => {
          const cs = new CompressedSweep(g, out, inn);
          if (cs.onSkeleton) skeletonRuns++;
          bridgeChains += findChains(cs.forest.core).chains.filter((c) => br[cs.forest.coreLinks[c.links[0]!]!] === 1).length;
          return cs;
        });
        // The reference routes each failure once for the four demand patterns (bruteLoadsMany).
        const demands = patterns.map(([out, inn]) => (s: number, t: number): number => out[s]! * inn[t]!);
        const maxOf = (loads: Map<string, number>): number => Math.max(0, ...loads.values());
        const baseline = bruteLoadsMany(m, new Set(), new Set(), demands);
        sweeps.forEach((cs, k) => expect(cs.baselineMax()).toBeCloseTo(maxOf(baseline[k]!), 9));
        for (const spec of n1Scenarios(g)) {
          const want = bruteLoadsMany(m, new Set(spec.nodes), new Set(spec.links.map((e) => g.linkOrigin[e]!)), demands).map(maxOf);
          sweeps.forEach((cs, k) => expect(Math.abs(cs.maxLoad(spec) - want[k]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, want[k]!)));
        }
      }),
      { numRuns: 80, seed: 1807 },
    );
    // The generator must reach the closed form: skeleton routing with bridge chains.
    expect(skeletonRuns).toBeGreaterThan(80);
    expect(bridgeChains).toBeGreaterThan(200);
  });
});
