import type { Site, Topology } from '../model/topology';
import { DesignBuilder, siteDemandGbps, type GenContext } from './builder';
import { unitVector } from './geo';
import { hilbertOrder } from './order';

/**
 * Partial mesh: one router per site, each linked to its k nearest sites by
 * great-circle distance (k = 2, or 3 for CRITICAL). For NONE the k-nearest
 * graph is made connected by joining each further component to the first
 * through their closest pair of sites. From STANDARD up the chords lie over
 * a backbone ring in Hilbert order, which makes the mesh 2-connected (no
 * bridge, no articulation point) whatever the geography: HIGH at most, since
 * k-nearest chords give no guarantee against two link failures.
 *
 * Nearest neighbours use chord distance between unit vectors (same order as
 * great-circle distance, no trigonometry in the inner loop): O(n² · k) time,
 * O(n + links) memory; component joins add O(n²) per join.
 */
export function generatePartialMesh(ctx: GenContext): Topology {
  const b = new DesignBuilder(ctx, 'partial-mesh');
  const sites = ctx.sites;
  const n = sites.length;
  const routers = sites.map((s) => b.device(s, 'router'));
  if (n < 2) return b.build();
  const xyz = new Float64Array(3 * n);
  sites.forEach((s, i) => xyz.set(unitVector(s.lat ?? 0, s.lon ?? 0), 3 * i));
  const d2 = (i: number, j: number): number => {
    const dx = xyz[3 * i]! - xyz[3 * j]!;
    const dy = xyz[3 * i + 1]! - xyz[3 * j + 1]!;
    const dz = xyz[3 * i + 2]! - xyz[3 * j + 2]!;
    return dx * dx + dy * dy + dz * dz;
  };
  const demand = sites.map((s) => siteDemandGbps(s, ctx.intent));
  const made = new Set<number>();
  const join = (i: number, j: number): void => {
    const key = i < j ? i * n + j : j * n + i;
    if (i === j || made.has(key)) return;
    made.add(key);
    // A mesh link carries the larger end's demand: either end may reroute through it.
    b.link(routers[i]!, routers[j]!, Math.max(demand[i]!, demand[j]!));
  };
  const redundancy = ctx.intent.redundancy;
  if (redundancy !== 'NONE' && n === 2) {
    // The backbone ring over two sites is a pair of circuits.
    made.add(1);
    for (let k = 0; k < 2; k++) b.link(routers[0]!, routers[1]!, Math.max(demand[0]!, demand[1]!));
  } else if (redundancy !== 'NONE') {
    const index = new Map(sites.map((s, i) => [s.id, i]));
    const ring = hilbertOrder(sites).map((s: Site) => index.get(s.id)!);
    for (let r = 0; r < ring.length; r++) join(ring[r]!, ring[(r + 1) % ring.length]!);
  }
  const k = Math.min(n - 1, redundancy === 'CRITICAL' ? 3 : 2);
  for (let i = 0; i < n; i++) for (const j of nearest(i, n, k, d2)) join(i, j);
  if (redundancy === 'NONE') connectComponents(n, made, d2, join);
  return b.build();
}

/** The k nearest other points to i (ties by index). O(n·k). */
function nearest(i: number, n: number, k: number, d2: (a: number, b: number) => number): number[] {
  const best: { j: number; d: number }[] = [];
  for (let j = 0; j < n; j++) {
    if (j === i) continue;
    const d = d2(i, j);
    if (best.length === k && d >= best[k - 1]!.d) continue;
    let pos = best.length;
    while (pos > 0 && best[pos - 1]!.d > d) pos--;
    best.splice(pos, 0, { j, d });
    if (best.length > k) best.pop();
  }
  return best.map((x) => x.j);
}

/** Joins every component to the one holding site 0 through the closest pair. */
function connectComponents(
  n: number,
  made: Set<number>,
  d2: (a: number, b: number) => number,
  join: (i: number, j: number) => void,
): void {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  for (const key of made) parent[find(Math.floor(key / n))] = find(key % n);
  for (;;) {
    const root = find(0);
    let bi = -1;
    let bj = -1;
    let bd = Infinity;
    for (let i = 0; i < n; i++) {
      if (find(i) !== root) continue;
      for (let j = 0; j < n; j++) {
        if (find(j) === root) continue;
        const d = d2(i, j);
        if (d < bd) {
          bd = d;
          bi = i;
          bj = j;
        }
      }
    }
    if (bi < 0) return;
    join(bi, bj);
    parent[find(bj)] = root;
  }
}
