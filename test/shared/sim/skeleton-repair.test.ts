import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findChains } from '../../../src-shared/sim/chains';
import { compileTopology } from '../../../src-shared/sim/csr';
import { buildSkeletonGraph, type SkeletonGraph } from '../../../src-shared/sim/skeleton-graph';
import { SkeletonRows } from '../../../src-shared/sim/skeleton-rows';
import { topo } from './helpers';

/**
 * A failure's rows are repaired from the ends of its failed skeleton links
 * outward (skeleton-rows.ts repair: only the nodes that can lose their
 * distance are decided). Each repaired row must be the row routed from
 * scratch on the surviving skeleton: every distance equal, every next-hop
 * set equal, the settle order by distance, and the moved nodes exactly
 * those whose distance changed. Kdl-shaped skeletons (branch routers
 * meshed by direct links and short chains, parallel links), unit and
 * whole weights, every single skeleton link and branch node failed, and
 * pairs of links (a chain's terms fail one chain; rows for another failure
 * must not keep the last one's decisions).
 */
const graphs = fc.integer({ min: 5, max: 11 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    skeleton: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 0, max: 2 })), { minLength: n + 2, maxLength: 2 * n + 4 }),
    weights: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 32, maxLength: 32 }),
    unit: fc.boolean(),
  }),
);

/** Distances toward s and each node's next hops (adjacency indices, ascending) on the live skeleton, by plain Dijkstra. */
function fromScratch(sk: SkeletonGraph, s: number, kAlive: Uint8Array, slAlive: Uint8Array): { dist: number[]; hops: number[][] } {
  const nb = sk.nb;
  const dist = new Array<number>(nb).fill(Infinity);
  const done = new Array<boolean>(nb).fill(false);
  if (kAlive[s] === 1) dist[s] = 0;
  for (;;) {
    let u = -1;
    for (let v = 0; v < nb; v++) if (!done[v] && dist[v]! < Infinity && (u < 0 || dist[v]! < dist[u]!)) u = v;
    if (u < 0) break;
    done[u] = true;
    for (let j = sk.adjOff[u]!; j < sk.adjOff[u + 1]!; j++) {
      if (slAlive[sk.adjSl[j]!] === 0) continue;
      const v = sk.adjTo[j]!;
      dist[v] = Math.min(dist[v]!, dist[u]! + sk.adjW[j]!);
    }
  }
  const hops = dist.map((du, u) => {
    const h: number[] = [];
    if (du === Infinity || u === s) return h;
    for (let j = sk.adjOff[u]!; j < sk.adjOff[u + 1]!; j++) if (slAlive[sk.adjSl[j]!] === 1 && dist[sk.adjTo[j]!]! + sk.adjW[j]! === du) h.push(j);
    return h;
  });
  return { dist, hops };
}

describe('skeleton rows repaired from the failed links outward', () => {
  it('equal the rows routed from scratch: distances, next hops, order, moved nodes', () => {
    let repaired = 0;
    let movedSeen = 0;
    fc.assert(
      fc.property(graphs, ({ n, skeleton, weights, unit }) => {
        const edges: [number, number, number][] = [];
        let total = n;
        // A ring through every branch router (one block), then the drawn links.
        const links: [number, number, number][] = [...Array.from({ length: n }, (_, i): [number, number, number] => [i, (i + 1) % n, i % 2]), ...skeleton];
        for (const [a, b, len] of links) {
          if (a === b && len === 0) continue;
          let prev = a;
          for (let i = 0; i < len; i++) {
            edges.push([prev, total, unit ? 1 : weights[edges.length % weights.length]!]);
            prev = total++;
          }
          edges.push([prev, b, unit ? 1 : weights[edges.length % weights.length]!]);
        }
        const g = compileTopology(topo(total, edges));
        const sk = buildSkeletonGraph(g, findChains(g));
        const nb = sk.nb;
        const ns = sk.slA.length;
        const rows = new SkeletonRows(sk, true);
        const none = new Uint8Array(ns).fill(1);
        const all = new Uint8Array(nb).fill(1);
        rows.setFailure([], all, none, false);
        for (let s = 0; s < nb; s++) rows.row(s); // the nothing-failed rows, kept
        const failures: { deadSl: number[]; deadNode: number }[] = [];
        for (let i = 0; i < ns; i++) failures.push({ deadSl: [i], deadNode: -1 });
        for (let i = 0; i + 1 < ns; i += 2) failures.push({ deadSl: [i, i + 1], deadNode: -1 });
        for (let u = 0; u < nb; u++) {
          const dead: number[] = [];
          for (let i = 0; i < ns; i++) if (sk.slA[i] === u || sk.slB[i] === u) dead.push(i);
          failures.push({ deadSl: dead, deadNode: u });
        }
        for (const { deadSl, deadNode } of failures) {
          const kAlive = new Uint8Array(nb).fill(1);
          if (deadNode >= 0) kAlive[deadNode] = 0;
          const slAlive = new Uint8Array(ns).fill(1);
          for (const i of deadSl) slAlive[i] = 0;
          rows.setFailure(deadSl, kAlive, slAlive, false);
          for (let s = 0; s < nb; s++) {
            if (kAlive[s] === 0) continue;
            const id = rows.row(s);
            if (id !== s) repaired++;
            const want = fromScratch(sk, s, kAlive, slAlive);
            const o = id * nb;
            const what = `row ${s}, failed links ${deadSl.join(',')}, node ${deadNode}`;
            // A row the failure leaves untouched may still list a failed node (without mass): compare live nodes.
            const bad: string[] = [];
            for (let u = 0; u < nb; u++) {
              if (kAlive[u] === 0) continue;
              if (rows.dist[o + u] !== want.dist[u]) bad.push(`distance of ${u}: ${rows.dist[o + u]} ≠ ${want.dist[u]}`);
              if (want.dist[u] === Infinity) continue;
              const h = Array.from(rows.hops.subarray(rows.hopStart[o + u], rows.hopStart[o + u]! + rows.hopCnt[o + u]!)).sort((x, y) => x - y);
              if (h.join() !== want.hops[u]!.join()) bad.push(`next hops of ${u}: ${h.join()} ≠ ${want.hops[u]!.join()}`);
            }
            const order = Array.from(rows.ord.subarray(o, o + rows.reach[id]!)).filter((u) => kAlive[u] === 1);
            if (order.length !== want.dist.filter((d, u) => d < Infinity && kAlive[u] === 1).length) bad.push('nodes reached');
            for (let x = 1; x < order.length; x++) if (rows.dist[o + order[x]!]! < rows.dist[o + order[x - 1]!]!) bad.push(`order at ${x}`);
            const moved = Array.from(rows.movedOf(s)).filter((u) => kAlive[u] === 1);
            movedSeen += moved.length;
            const changed: number[] = [];
            for (let u = 0; u < nb; u++) if (kAlive[u] === 1 && rows.dist[s * nb + u] !== want.dist[u]) changed.push(u);
            if (moved.sort((x, y) => x - y).join() !== changed.join()) bad.push(`moved ${moved.join()} ≠ changed ${changed.join()}`);
            if (bad.length > 0) expect(bad, what).toEqual([]);
          }
        }
      }),
      { numRuns: 15, seed: 2929 },
    );
    expect(repaired).toBeGreaterThan(400);
    expect(movedSeen).toBeGreaterThan(200);
  });
});
