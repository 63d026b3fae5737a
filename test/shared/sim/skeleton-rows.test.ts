import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findChains } from '../../../src-shared/sim/chains';
import { compileTopology } from '../../../src-shared/sim/csr';
import type { FailureMasks } from '../../../src-shared/sim/incremental';
import { failureMasks } from '../../../src-shared/sim/routing';
import { SkeletonRouting } from '../../../src-shared/sim/skeleton';
import { topo } from './helpers';

/**
 * Skeleton routing keeps its nothing-failed rows across calls and routes
 * again only the rows a failure touches (skeleton.ts row()). Workers of one
 * sweep each see a different sequence of failures, so a failure's loads must
 * not depend on what was asked before: the same figures, bit for bit, from a
 * fresh routing, from one routing asked in order, and from one asked in
 * reverse order with each failure asked twice (the second call reuses the
 * rows of the first). Correctness against routing from scratch is
 * skeleton.test.ts's.
 */
const graphs = fc.integer({ min: 3, max: 7 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    // Skeleton links: ends and the number of chain nodes on them (unit weights: ties are common).
    skeleton: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 0, max: 4 })), { minLength: n, maxLength: 12 }),
    weights: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 64, maxLength: 64 }),
    out: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 16, maxLength: 16 }),
  }),
);

describe('skeleton routing rows reused across calls', () => {
  it('each failure gives the same loads whatever calls came before (fresh, in order, reverse order and repeated)', () => {
    let failuresSeen = 0;
    fc.assert(
      fc.property(graphs, ({ n, skeleton, weights, out: o }) => {
        const edges: [number, number, number][] = [];
        let total = n;
        for (const [a, b, len] of skeleton) {
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
        const inn = Float64Array.from({ length: total }, (_, i) => o[(i * 5 + 3) % o.length]!);
        const failures: (FailureMasks | null)[] = [null];
        for (let v = 0; v < total; v++) failures.push(failureMasks(g, [v], []));
        for (let e = 0; e < g.linkIds.length; e++) failures.push(failureMasks(g, [], [e]));
        for (const c of ci.chains) failures.push(failureMasks(g, Array.from(c.nodes), []));
        failuresSeen += failures.length;
        const slots = 2 * g.linkIds.length;
        const fresh = failures.map((f) => {
          const r = new Float64Array(slots);
          new SkeletonRouting(g, ci).loads(f, out, inn, r);
          return r;
        });
        const one = new SkeletonRouting(g, ci);
        failures.forEach((f, i) => {
          const r = new Float64Array(slots);
          one.loads(f, out, inn, r);
          expect(r, `in order, failure ${i}`).toEqual(fresh[i]);
        });
        const back = new SkeletonRouting(g, ci);
        for (let i = failures.length - 1; i >= 0; i--) {
          for (let twice = 0; twice < 2; twice++) {
            const r = new Float64Array(slots);
            back.loads(failures[i]!, out, inn, r);
            expect(r, `reverse order, failure ${i}, call ${twice + 1}`).toEqual(fresh[i]);
          }
        }
      }),
      { numRuns: 60, seed: 1826 },
    );
    expect(failuresSeen).toBeGreaterThan(1000);
  });
});
