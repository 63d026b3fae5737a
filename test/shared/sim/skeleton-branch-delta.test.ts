import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findChains } from '../../../src-shared/sim/chains';
import { compileTopology } from '../../../src-shared/sim/csr';
import type { FailureMasks } from '../../../src-shared/sim/incremental';
import { failureMasks } from '../../../src-shared/sim/routing';
import { SkeletonRouting } from '../../../src-shared/sim/skeleton';
import { BranchDeltas, type BranchDeltaContext } from '../../../src-shared/sim/skeleton-branch-delta';
import { topo } from './helpers';

/**
 * Under a failure, the branch destinations of a skeleton routing come from
 * the recorded nothing-failed routing with only moved and re-massed items
 * redone (skeleton-branch-delta.ts). That must give the routing from scratch
 * bit for bit: a routing asked the nothing-failed case first (recorded) and
 * then every single node, link and chain failure, against a fresh routing per
 * failure (never recorded). Kdl-shaped graphs: many branch routers meshed by
 * direct links and short chains, whole weights (ties), whole masses up to 40
 * (a router with its pendant tree) and some zero.
 */
const graphs = fc.integer({ min: 6, max: 12 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    skeleton: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 0, max: 3 })), { minLength: n + 2, maxLength: 2 * n + 4 }),
    weights: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 32, maxLength: 32 }),
    out: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 16, maxLength: 16 }),
    inn: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 16, maxLength: 16 }),
  }),
);

describe('skeleton routing: branch destinations from the nothing-failed record', () => {
  it('equal the routing from scratch bit for bit under every single node, link and chain failure', () => {
    let failuresSeen = 0;
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
        const ci = findChains(g);
        const out = Float64Array.from({ length: total }, (_, i) => o[i % o.length]!);
        const inn = Float64Array.from({ length: total }, (_, i) => i0[(i * 7 + 1) % i0.length]!);
        const failures: FailureMasks[] = [];
        for (let v = 0; v < total; v++) failures.push(failureMasks(g, [v], []));
        for (let e = 0; e < g.linkIds.length; e++) failures.push(failureMasks(g, [], [e]));
        for (const c of ci.chains) failures.push(failureMasks(g, Array.from(c.nodes), []));
        failuresSeen += failures.length;
        const slots = 2 * g.linkIds.length;
        const recorded = new SkeletonRouting(g, ci);
        recorded.loads(null, out, inn, new Float64Array(slots));
        failures.forEach((f, i) => {
          const fresh = new Float64Array(slots);
          new SkeletonRouting(g, ci).loads(f, out, inn, fresh);
          const r = new Float64Array(slots);
          recorded.loads(f, out, inn, r);
          expect(r, `failure ${i}`).toEqual(fresh);
        });
      }),
      { numRuns: 80, seed: 2818 },
    );
    expect(failuresSeen).toBeGreaterThan(2000);
  });

  it('is used only for whole masses whose sums stay exact', () => {
    const x = { sk: { nb: 3, chA: new Int32Array(0) } } as unknown as BranchDeltaContext; // all forMasses reads
    const ones = new Float64Array(8).fill(1);
    expect(BranchDeltas.forMasses(x, ones, ones, 4)).not.toBeNull();
    expect(BranchDeltas.forMasses(x, Float64Array.of(1, 0.5), Float64Array.of(1, 1), 4)).toBeNull();
    expect(BranchDeltas.forMasses(x, Float64Array.of(1, 1), Float64Array.of(1, -1), 4)).toBeNull();
    expect(BranchDeltas.forMasses(x, Float64Array.of(2 ** 26), Float64Array.of(2 ** 25), 4)).toBeNull();
    const huge = { sk: { nb: 5000, chA: new Int32Array(0) } } as unknown as BranchDeltaContext;
    expect(BranchDeltas.forMasses(huge, ones, ones, 4)).toBeNull();
  });
});
