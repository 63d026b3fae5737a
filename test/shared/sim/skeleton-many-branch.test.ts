import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findChains } from '../../../src-shared/sim/chains';
import { compileTopology } from '../../../src-shared/sim/csr';
import { failureMasks } from '../../../src-shared/sim/routing';
import { SkeletonRouting } from '../../../src-shared/sim/skeleton';
import { bruteLoads, type Multigraph } from './brute';
import { topo } from './helpers';

/**
 * Skeleton routing on the shape of the real Topology Zoo Kdl — many branch
 * routers meshed by direct links and SHORT chains (1–3 routers), not a few
 * hubs joined by long chains — against routing from scratch. This is where
 * a chain's destinations are routed in one pass (skeleton-chain-dest.ts:
 * most other chains have ends in different regions at some position, many
 * branch routers tie) and where a failure's rows are repaired from the
 * nothing-failed rows (skeleton-rows.ts: a failure touches many rows, each
 * in a small region). Every directed load under no failure, every single
 * node and link failure and every chain interior; unit weights (ties
 * everywhere), unequal whole weights and unequal half-integer weights (the
 * binary-search paths); out and in masses unequal, with zeros.
 */
const meshed = fc.integer({ min: 8, max: 12 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    // Extra skeleton links beyond a ring through every branch router: ends, chain routers on it (0 = direct link).
    extra: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 0, max: 2 })), { minLength: n >> 1, maxLength: n }),
    ringChains: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n }),
    weights: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 97, maxLength: 97 }),
    kind: fc.constantFrom('unit', 'whole', 'half'),
    out: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 23, maxLength: 23 }),
    inn: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 29, maxLength: 29 }),
  }),
);

function build(x: { n: number; extra: [number, number, number][]; ringChains: number[]; weights: number[]; kind: string }): Multigraph {
  const edges: [number, number, number][] = [];
  let total = x.n;
  const weight = (): number => {
    const w = x.weights[edges.length % x.weights.length]!;
    return x.kind === 'unit' ? 1 : x.kind === 'whole' ? w : w + (w % 2 === 0 ? 0.5 : 0);
  };
  const path = (a: number, b: number, len: number): void => {
    let prev = a;
    for (let i = 0; i < len; i++) {
      edges.push([prev, total, weight()]);
      prev = total++;
    }
    edges.push([prev, b, weight()]);
  };
  for (let i = 0; i < x.n; i++) path(i, (i + 1) % x.n, x.ringChains[i]!);
  for (const [a, b, len] of x.extra) if (a !== b || len > 0) path(a, b, len);
  return { n: total, edges };
}

describe('skeleton routing with many branch routers and short chains (Kdl-shaped) equals routing from scratch', () => {
  it('every directed load: no failure, each node, each link, each chain interior; unit, whole and half-integer weights', () => {
    let chainsSeen = 0;
    let branchSeen = 0;
    fc.assert(
      fc.property(meshed, (x) => {
        const m = build(x);
        const g = compileTopology(topo(m.n, m.edges));
        const ci = findChains(g);
        chainsSeen += ci.chains.length;
        branchSeen += g.nodeIds.length - ci.chains.reduce((k, c) => k + c.nodes.length, 0);
        const sk = new SkeletonRouting(g, ci);
        const out = Float64Array.from({ length: m.n }, (_, i) => x.out[i % x.out.length]!);
        const inn = Float64Array.from({ length: m.n }, (_, i) => x.inn[(i * 7) % x.inn.length]!);
        const demand = (s: number, t: number): number => (s === t ? 0 : out[s]! * inn[t]!);
        const got = new Float64Array(2 * g.linkIds.length);
        const check = (deadNodes: number[], deadLinks: number[], what: string): void => {
          sk.loads(deadNodes.length + deadLinks.length === 0 ? null : failureMasks(g, deadNodes, deadLinks), out, inn, got);
          const want = bruteLoads(m, new Set(deadNodes), new Set(deadLinks.map((e) => g.linkOrigin[e]!)), demand);
          for (let e = 0; e < g.linkIds.length; e++) {
            for (const [slot, from] of [
              [2 * e, g.linkSource[e]!],
              [2 * e + 1, g.linkTarget[e]!],
            ] as const) {
              const w = want.get(`${g.linkOrigin[e]!}:${from}`) ?? 0;
              if (Math.abs(got[slot]! - w) > 1e-9 * Math.max(1, w)) expect(got[slot], `${x.kind} ${what}: link ${e} from ${from}`).toBe(w);
            }
          }
        };
        check([], [], 'no failure');
        for (let v = 0; v < m.n; v++) check([v], [], `node ${v}`);
        for (let e = 0; e < g.linkIds.length; e++) check([], [e], `link ${e}`);
        for (const c of ci.chains) check(Array.from(c.nodes), [], `chain ${c.a}–${c.b} interior`);
      }),
      { numRuns: 12, seed: 2727 },
    );
    // The generator must give the real network's shape: many branch routers and many short chains.
    expect(branchSeen).toBeGreaterThan(12 * 7);
    expect(chainsSeen).toBeGreaterThan(12 * 6);
  });
});
