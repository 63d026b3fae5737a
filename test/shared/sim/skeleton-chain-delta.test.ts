import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findChains, type ChainIndex } from '../../../src-shared/sim/chains';
import { compileTopology, type CompiledGraph } from '../../../src-shared/sim/csr';
import type { FailureMasks } from '../../../src-shared/sim/incremental';
import { pendantForest } from '../../../src-shared/sim/pendant';
import { failureMasks } from '../../../src-shared/sim/routing';
import { SkeletonRouting } from '../../../src-shared/sim/skeleton';
import { importGraphml } from '../../../src-shared/io/graphml';
import { ZOO_DIR } from '../../helpers/data';
import { topo } from './helpers';
import { kdlShaped } from './kdl-shaped';

/**
 * Under a failure, the chain destinations' bulk part (every branch node's
 * and every other chain's deposits) comes from the recorded nothing-failed
 * routing with only moved, re-massed and broken items redone
 * (skeleton-chain-delta.ts), and a row entry reached by an inexact tie share
 * takes its later terms one by one. That must give the routing from scratch
 * bit for bit: a routing asked the nothing-failed case first (it records)
 * against one never asked it (it never records, so routes every failure
 * plainly), for single lanes and for the three lanes a chain's terms ask
 * (compressed.ts skelTerms: masses, and unit masses at the chain's ends).
 */

/** How many row entries the recorded routing marked dirty (an inexact term reached them): the tests must reach that path. */
function marks(r: SkeletonRouting): number {
  return (r as unknown as { chainDelta: { marks: number } | null }).chainDelta?.marks ?? 0;
}

/** Every single node and link failure (every step-th) and every chain's nodes failed together, recorded against fresh, bit for bit. */
function compare(g: CompiledGraph, ci: ChainIndex, out: Float64Array, inn: Float64Array, step = 1): { failures: number; marks: number } {
  const failures: FailureMasks[] = [];
  for (let v = 0; v < g.nodeIds.length; v += step) failures.push(failureMasks(g, [v], []));
  for (let e = 0; e < g.linkIds.length; e += step) failures.push(failureMasks(g, [], [e]));
  for (const c of ci.chains) failures.push(failureMasks(g, Array.from(c.nodes), []));
  const slots = 2 * g.linkIds.length;
  const recorded = new SkeletonRouting(g, ci);
  const fresh = new SkeletonRouting(g, ci);
  recorded.loads(null, out, inn, new Float64Array(slots));
  const v = (): Float64Array => new Float64Array(slots);
  failures.forEach((f, i) => {
    const [a, b] = [v(), v()];
    fresh.loads(f, out, inn, a);
    recorded.loads(f, out, inn, b);
    expect(b, `failure ${i}`).toEqual(a);
  });
  ci.chains.forEach((c, i) => {
    const f = failureMasks(g, Array.from(c.nodes), []);
    const eA = new Float64Array(out.length);
    const eB = new Float64Array(out.length);
    eA[c.a] = 1;
    eB[c.b] = 1;
    const a = [v(), v(), v()];
    const b = [v(), v(), v()];
    fresh.loadsMany(f, [out, eA, eB], inn, a);
    recorded.loadsMany(f, [out, eA, eB], inn, b);
    expect(b, `chain ${i}, three lanes`).toEqual(a);
  });
  return { failures: failures.length, marks: marks(recorded) };
}

/** The core of a full graph (pendant trees stripped) with uniform traffic's masses: each core router and its trees' routers. */
function core(g: CompiledGraph): { g: CompiledGraph; ci: ChainIndex; out: Float64Array } {
  const f = pendantForest(g);
  const sub = new Float64Array(g.nodeIds.length).fill(1);
  for (const x of f.stripped) sub[f.parent[x]!]! += sub[x]!;
  const out = Float64Array.from(f.coreNodes, (v) => sub[v]!);
  return { g: f.core, ci: findChains(f.core), out };
}

const graphs = fc.integer({ min: 6, max: 12 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    skeleton: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 0, max: 3 })), { minLength: n + 2, maxLength: 3 * n }),
    weights: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 32, maxLength: 32 }),
    out: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 16, maxLength: 16 }),
    inn: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 16, maxLength: 16 }),
  }),
);

describe('skeleton routing: chain destinations from the nothing-failed record', () => {
  it('equal the routing from scratch bit for bit on random skeletons (ties over 3 and more hops included)', () => {
    let failures = 0;
    let dirty = 0;
    fc.assert(
      fc.property(graphs, ({ n, skeleton, weights, out: o, inn: i0 }) => {
        const edges: [number, number, number][] = [];
        let total = n;
        for (const [a, b, len] of skeleton) {
          if (a === b && len === 0) continue;
          let prev = a;
          for (let i = 0; i < len; i++) {
            edges.push([prev, total, weights[edges.length % weights.length]!]);
            prev = total++;
          }
          edges.push([prev, b, weights[edges.length % weights.length]!]);
        }
        const g = compileTopology(topo(total, edges));
        const out = Float64Array.from({ length: total }, (_, i) => o[i % o.length]!);
        const inn = Float64Array.from({ length: total }, (_, i) => i0[(i * 7 + 1) % i0.length]!);
        const r = compare(g, findChains(g), out, inn);
        failures += r.failures;
        dirty += r.marks;
      }),
      { numRuns: 60, seed: 3018, endOnFailure: true },
    );
    expect(failures).toBeGreaterThan(1500);
    expect(dirty).toBeGreaterThan(0);
  }, 120_000);

  it('equal it on Kdl-shaped networks (uniform traffic on the core)', () => {
    let dirty = 0;
    for (const [seed, branch] of [
      [1, 24],
      [7, 40],
      [11, 60],
    ] as const) {
      const c = core(compileTopology(kdlShaped(seed, branch)));
      dirty += compare(c.g, c.ci, c.out, c.out).marks;
    }
    expect(dirty).toBeGreaterThan(0);
  }, 120_000);

  it('equal it on real Topology Zoo networks (and the real Kdl when NETTWIN_EXTRA_ZOO is set)', () => {
    const files = ['Deltacom', 'UsCarrier', 'Ion'].map((n) => path.join(ZOO_DIR, `${n}.graphml`));
    const extra = process.env['NETTWIN_EXTRA_ZOO'];
    if (extra !== undefined && fs.existsSync(path.join(extra, 'Kdl.graphml'))) files.push(path.join(extra, 'Kdl.graphml'));
    for (const file of files) {
      const c = core(compileTopology(importGraphml(fs.readFileSync(file, 'utf8'), path.basename(file)).topology));
      compare(c.g, c.ci, c.out, c.out, file.endsWith('Kdl.graphml') ? 9 : 2);
    }
  }, 300_000);
});
