import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGraphml } from '../../../src-shared/io/graphml';
import type { Topology } from '../../../src-shared/model/topology';
import { findChains } from '../../../src-shared/sim/chains';
import { CompressedSweep } from '../../../src-shared/sim/compressed';
import { compileTopology } from '../../../src-shared/sim/csr';
import { ImpactEvaluator } from '../../../src-shared/sim/impact';
import { SingleFailureImpact } from '../../../src-shared/sim/impact-chains';
import { StretchSink } from '../../../src-shared/sim/latency';
import { failureMasks, RoutingEngine } from '../../../src-shared/sim/routing';
import { n1Scenarios } from '../../../src-shared/sim/sweep';
import { gravityMasses, gravityTraffic, uniformTraffic } from '../../../src-shared/sim/traffic';
import { kdlShaped } from './kdl-shaped';

/**
 * SingleFailureImpact.stretchMany (several failures' stretch destination by
 * destination, impact-singles.ts) against stretch() one failure at a time —
 * which impact-chain-stretch.test.ts compares with routing from scratch:
 * each sink must hold the same multiset of changed ratios, to the bit, and
 * the same unchanged count, for every failure repairsEach takes (branch
 * routers, direct links), in blocks of varied sizes, on Kdl-shaped graphs
 * (uniform and gravity with massless routers, half-integer weights) and on
 * real Topology Zoo networks whose core is chain-heavy.
 */
function sameAsOneByOne(t: Topology, masses: Float64Array | null): number {
  const g = compileTopology(t);
  const n = g.nodeIds.length;
  const tm = masses === null ? uniformTraffic(g) : gravityTraffic(g, masses);
  const mass = masses === null ? new Float64Array(n).fill(1) : gravityMasses(masses);
  const engine = new RoutingEngine(g, tm);
  const evaluator = new ImpactEvaluator(engine);
  const single = new SingleFailureImpact(engine, new CompressedSweep(g, mass, mass), findChains(g), 1, evaluator.acyclicDags);
  const specs = n1Scenarios(g).filter((s) => single.repairsEach(s));
  const one = new StretchSink();
  const ratios = (s: StretchSink): number[] => [...s.changed.subarray(0, s.count), ...s.runs.flatMap((r) => [...r])].sort((a, b) => a - b);
  let compared = 0;
  // Blocks of 1, 2, 3, … failures: a destination's state serves every failure of the block.
  for (let at = 0, size = 1; at < specs.length; at += size, size = (size % 9) + 1) {
    const block = specs.slice(at, at + size);
    const fs = block.map((s) => failureMasks(g, s.nodes, s.links));
    const sinks = block.map(() => new StretchSink());
    single.stretchMany(fs, sinks, evaluator);
    block.forEach((spec, k) => {
      one.reset();
      single.stretch(spec, fs[k]!, one, evaluator);
      const what = spec.links.length === 1 ? `link ${g.linkIds[spec.links[0]!]}` : `node ${g.nodeIds[spec.nodes[0]!]}`;
      expect(sinks[k]!.unchanged, `${what}: unchanged demands`).toBe(one.unchanged);
      const got = ratios(sinks[k]!);
      const want = ratios(one);
      expect(got.length, `${what}: changed ratios`).toBe(want.length);
      expect(got.every((r, i) => Object.is(r, want[i])), `${what}: ratios equal to the bit`).toBe(true);
      compared += got.length;
    });
  }
  expect(specs.length, 'failures taken several at a time').toBeGreaterThan(5);
  return compared;
}

describe('stretch of several single failures at once equals one at a time', () => {
  for (const [seed, branch, longest, half] of [
    [21, 12, 4, false],
    [22, 16, 3, true],
  ] as const) {
    it(`Kdl-shaped, seed ${seed}, ${branch} branch routers, chains of up to ${longest}${half ? ', half-integer weights' : ''}`, () => {
      const t = kdlShaped(seed, branch, longest, half);
      const n = t.nodes.length;
      expect(sameAsOneByOne(t, null)).toBeGreaterThan(500);
      expect(sameAsOneByOne(t, Float64Array.from({ length: n }, (_, i) => (i % 7 === 3 ? 0 : 1 + (i % 4))))).toBeGreaterThan(500);
    });
  }

  it('real Topology Zoo networks (chain-heavy cores)', () => {
    for (const name of ['Colt', 'Ion', 'TataNld', 'Missouri']) {
      const file = path.resolve(__dirname, '../../data/topology-zoo', `${name}.graphml`);
      const t = importGraphml(fs.readFileSync(file, 'utf8'), `${name}.graphml`).topology;
      expect(sameAsOneByOne(t, null), name).toBeGreaterThan(100);
    }
  });
});
