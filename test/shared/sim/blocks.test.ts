import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockGraph, coreBlocks } from '../../../src-shared/sim/blocks';
import { CompressedSweep } from '../../../src-shared/sim/compressed';
import { bridgesAndCutNodes, dfsForest } from '../../../src-shared/sim/connectivity';
import { compileTopology } from '../../../src-shared/sim/csr';
import { n1Scenarios } from '../../../src-shared/sim/sweep';
import { bruteLoadsMany, type Multigraph } from './brute';
import { topo } from './helpers';

/**
 * A failure inside a 2-edge-connected block is answered by routing the block
 * alone (blocks.ts, compressed.ts blockMax). Networks here: chain-heavy
 * blocks (rings of branch nodes whose links are chains, chords, parallel
 * links) joined in a row by direct bridges or bridge chains, with pendant
 * trees; each single failure against routing from scratch, for uniform,
 * gravity and unequal out/in masses.
 */
const network = fc.record({
  // 2–3 blocks, each a ring of 3–4 branch nodes; each ring link a chain of 0–2 nodes, weights 1–3.
  rings: fc.array(fc.integer({ min: 3, max: 4 }), { minLength: 2, maxLength: 3 }),
  chainLen: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 16, maxLength: 16 }),
  weight: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 16, maxLength: 16 }),
  chord: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  // Block i to block i + 1: interior nodes of the join (0 = a direct bridge), where it starts and ends.
  joins: fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.nat(20), fc.nat(20)), { minLength: 2, maxLength: 2 }),
  hang: fc.array(fc.tuple(fc.nat(80), fc.integer({ min: 1, max: 2 })), { maxLength: 3 }),
  mass: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 40, maxLength: 40 }),
});

function build({ rings, chainLen, weight, chord, joins, hang }: { rings: number[]; chainLen: number[]; weight: number[]; chord: boolean[]; joins: [number, number, number][]; hang: [number, number][] }): Multigraph {
  const edges: [number, number, number][] = [];
  const members: number[][] = [];
  let total = 0;
  rings.forEach((k, b) => {
    const first = total;
    total += k;
    const all: number[] = Array.from({ length: k }, (_, i) => first + i);
    for (let i = 0; i < k; i++) {
      const j = (b * 4 + i) % 16;
      let prev = first + i;
      for (let x = 0; x < chainLen[j]!; x++) {
        edges.push([prev, total, weight[j]!]);
        all.push(total);
        prev = total++;
      }
      edges.push([prev, first + ((i + 1) % k), weight[j]!]);
    }
    if (chord[b] === true) edges.push([first, first + 2, 1]);
    if (b === 0) edges.push([first, first + 1, 2]); // a parallel (or extra) link in the first block
    members.push(all);
  });
  for (let b = 0; b + 1 < rings.length; b++) {
    const [len, from, to] = joins[b]!;
    let prev = members[b]![from % members[b]!.length]!;
    for (let i = 0; i < len; i++) {
      edges.push([prev, total, 1]);
      prev = total++;
    }
    edges.push([prev, members[b + 1]![to % members[b + 1]!.length]!, 1]);
  }
  for (const [at, w] of hang) edges.push([at % total, total++, w]);
  return { n: total, edges };
}

describe('a failure inside a 2-edge-connected block, routed on the block alone, equals routing from scratch', () => {
  it('every single link and node failure; chain-heavy blocks joined by bridges and bridge chains, pendants; uniform, gravity and unequal out/in masses', () => {
    let inBlocks = 0;
    let nodeFailuresInBlocks = 0;
    fc.assert(
      fc.property(network, (p) => {
        const m = build(p);
        const g = compileTopology(topo(m.n, m.edges));
        const gravity = Float64Array.from({ length: m.n }, (_, i) => p.mass[i % p.mass.length]!);
        const skewed = Float64Array.from({ length: m.n }, (_, i) => (i % 3 === 0 ? 5 * p.mass[(i * 7) % p.mass.length]! : 1));
        const patterns = [
          [new Float64Array(m.n).fill(1), new Float64Array(m.n).fill(1)],
          [gravity, gravity],
          [gravity, skewed],
          [skewed, gravity],
        ] as const;
        const sweeps = patterns.map(([out, inn]) => {
          const cs = new CompressedSweep(g, out, inn);
          if (cs.onSkeleton) {
            const f = cs.forest;
            const dfs = dfsForest(f.core);
            const s = bridgesAndCutNodes(f.core, dfs);
            const br = new Uint8Array(f.core.linkIds.length);
            s.bridges.forEach((e) => (br[e] = 1));
            const blocks = coreBlocks(f.core, br);
            inBlocks += blocks.blockOfLink.filter((b) => b >= 0).length;
            nodeFailuresInBlocks += blocks.blockOfNode.filter((b) => b >= 0).length;
          }
          return cs;
        });
        // The reference routes each failure once for the four demand patterns (bruteLoadsMany).
        const demands = patterns.map(([out, inn]) => (s: number, t: number): number => out[s]! * inn[t]!);
        const maxOf = (loads: Map<string, number>): number => Math.max(0, ...loads.values());
        for (const spec of n1Scenarios(g)) {
          const want = bruteLoadsMany(m, new Set(spec.nodes), new Set(spec.links.map((e) => g.linkOrigin[e]!)), demands).map(maxOf);
          sweeps.forEach((cs, k) => expect(Math.abs(cs.maxLoad(spec) - want[k]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, want[k]!)));
        }
      }),
      { numRuns: 30, seed: 2618 },
    );
    // The block path must have been taken, for links and for nodes.
    expect(inBlocks).toBeGreaterThan(100);
    expect(nodeFailuresInBlocks).toBeGreaterThan(50);
  });

  it("a block's nodes hold everything hanging off them through bridges: the block's masses sum to its component's", () => {
    // Two triangles 0-1-2 and 3-4-5 joined by the bridge 2–6–3 (a one-node chain); masses 1..7.
    const m: Multigraph = { n: 7, edges: [[0, 1, 1], [1, 2, 1], [2, 0, 1], [3, 4, 1], [4, 5, 1], [5, 3, 1], [2, 6, 1], [6, 3, 1]] };
    const g = compileTopology(topo(m.n, m.edges));
    const dfs = dfsForest(g);
    const s = bridgesAndCutNodes(g, dfs);
    const br = new Uint8Array(g.linkIds.length);
    s.bridges.forEach((e) => (br[e] = 1));
    const blocks = coreBlocks(g, br);
    expect(blocks.nodes.map((b) => Array.from(b))).toEqual([[0, 1, 2], [3, 4, 5]]);
    // The chain node 6 has bridges only: its failure is not a block's.
    expect(Array.from(blocks.blockOfNode)).toEqual([0, 0, 0, 1, 1, 1, -1]);
    const mass = Float64Array.from([1, 2, 3, 4, 5, 6, 7]);
    const first = blockGraph(g, blocks, 0, mass, mass);
    // Node 2 holds itself, the chain node 6 and the whole second triangle: 3 + 7 + 4 + 5 + 6.
    expect(Array.from(first.out)).toEqual([1, 2, 25]);
    expect(first.graph.linkIds).toEqual(['e0', 'e1', 'e2']);
  });
});
