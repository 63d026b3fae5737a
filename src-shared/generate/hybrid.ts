import type { Site, Topology } from '../model/topology';
import { isCoreCapable } from './applicability';
import { DesignBuilder, type GenContext } from './builder';
import { routeKm } from './geo';
import { buildRegion, type RegionCore } from './hybrid-region';
import { rankSites, sitesByRegion } from './sites';

/**
 * Hybrid: the enterprise design most architects end up drawing — per region
 * a core (pair) at an HQ, datacenter, region-hub or colo site, datacenters as
 * leaf-spine fabrics, branches homed by class (hybrid-region.ts); a region
 * with no such site is served by the nearest region that has one (its
 * branches home there: no core router in a branch). The regions are joined
 * by a latency-aware backbone, one plane per core device (core j of every
 * region to core j of the others):
 * - two regions: every core to every core;
 * - three or more: a ring in the shortest tour of the regions' core sites
 *   (exact up to 8 regions, else nearest neighbour improved by 2-opt) over
 *   route distances (geo.ts: metro, terrestrial and subsea route factors),
 *   plus chords between the closest pairs whose path round the ring is more
 *   than CHORD_STRETCH times their direct route — never a full mesh across
 *   oceans.
 * Inter-region circuits start at half the smaller region's demand per plane
 * and are sized by the traffic model under failures (size.ts), with no
 * blanket speed floor. O(sites + regions²) (+ 8! tours at most).
 */
export const CHORD_STRETCH = 2;

export function generateHybrid(ctx: GenContext): Topology {
  const b = new DesignBuilder(ctx, 'hybrid');
  const groups = foldCorelessRegions(ctx.sites);
  const R = groups.length;
  const reserved = R <= 1 ? 0 : R === 2 ? 2 : 4;
  const cores = groups.map(([region, sites]) => buildRegion(b, ctx, region, sites, reserved));
  const join = (a: RegionCore, c: RegionCore, i: number, j: number): void => {
    const from = a.cores[i % a.cores.length]!;
    const to = c.cores[j % c.cores.length]!;
    const planes = Math.max(a.cores.length, 1);
    b.link(from.id, to.id, Math.min(a.demandGbps, c.demandGbps) / 2 / planes);
  };
  const planes = cores[0]?.cores.length ?? 0;
  if (R === 2) {
    for (let i = 0; i < planes; i++) for (let j = 0; j < planes; j++) join(cores[0]!, cores[1]!, i, j);
  } else if (R >= 3) {
    const at = cores.map((c) => c.cores[0]!.site);
    for (const [x, y] of backbonePairs(at)) for (let j = 0; j < planes; j++) join(cores[x]!, cores[y]!, j, j);
  }
  return b.build();
}

/** Regions in order of first appearance; a region without a core-capable site joins the nearest one that has. */
function foldCorelessRegions(sites: readonly Site[]): [string, Site[]][] {
  const regions = [...sitesByRegion(sites)];
  const withCore = regions.filter(([, s]) => s.some(isCoreCapable));
  if (withCore.length === 0) return regions;
  const out = new Map(withCore.map(([r, s]) => [r, [...s]]));
  for (const [region, list] of regions) {
    if (out.has(region)) continue;
    const here = list[0]!;
    let best = withCore[0]![0];
    let bestKm = Infinity;
    for (const [r, s] of withCore) {
      const core = rankSites(s.filter(isCoreCapable))[0]!;
      const km = routeKm(here.lat ?? 0, here.lon ?? 0, core.lat ?? 0, core.lon ?? 0);
      if (km < bestKm) {
        bestKm = km;
        best = r;
      }
    }
    out.get(best)!.push(...list);
  }
  return [...out];
}

/** Backbone pairs (indices into `at`): the shortest ring tour plus chords where the ring detours too far. */
export function backbonePairs(at: readonly Site[]): [number, number][] {
  const n = at.length;
  const km = (i: number, j: number): number => routeKm(at[i]!.lat ?? 0, at[i]!.lon ?? 0, at[j]!.lat ?? 0, at[j]!.lon ?? 0);
  const dist = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : km(i, j))));
  const tour = n <= 8 ? exactTour(dist) : twoOpt(nearestNeighbourTour(dist), dist);
  const pairs: [number, number][] = tour.map((x, k) => [x, tour[(k + 1) % n]!]);
  if (n === 3) return pairs;
  // Shortest paths over the backbone so far (Floyd–Warshall, n ≤ a few hundred regions).
  const path = dist.map((row, i) => row.map((_, j) => (i === j ? 0 : Infinity)));
  const add = (x: number, y: number): void => {
    path[x]![y] = path[y]![x] = Math.min(path[x]![y]!, dist[x]![y]!);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const via = Math.min(path[i]![x]! + dist[x]![y]! + path[y]![j]!, path[i]![y]! + dist[x]![y]! + path[x]![j]!);
        if (via < path[i]![j]!) path[i]![j] = via;
      }
    }
  };
  for (const [x, y] of pairs) add(x, y);
  const candidates: [number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) candidates.push([i, j]);
  candidates.sort((p, q) => dist[p[0]]![p[1]]! - dist[q[0]]![q[1]]! || p[0] - q[0] || p[1] - q[1]);
  const linked = new Set(pairs.map(([x, y]) => (x < y ? `${x},${y}` : `${y},${x}`)));
  for (const [i, j] of candidates) {
    if (linked.has(`${i},${j}`)) continue;
    if (path[i]![j]! > CHORD_STRETCH * dist[i]![j]!) {
      pairs.push([i, j]);
      linked.add(`${i},${j}`);
      add(i, j);
    }
  }
  return pairs;
}

function exactTour(dist: number[][]): number[] {
  const n = dist.length;
  let best: number[] = [...Array(n).keys()];
  let bestLen = Infinity;
  const rest = [...Array(n).keys()].slice(1);
  const permute = (k: number): void => {
    if (k === rest.length) {
      const tour = [0, ...rest];
      const len = tour.reduce((s, x, i) => s + dist[x]![tour[(i + 1) % n]!]!, 0);
      if (len < bestLen - 1e-9) {
        bestLen = len;
        best = tour;
      }
      return;
    }
    for (let i = k; i < rest.length; i++) {
      [rest[k], rest[i]] = [rest[i]!, rest[k]!];
      permute(k + 1);
      [rest[k], rest[i]] = [rest[i]!, rest[k]!];
    }
  };
  permute(0);
  return best;
}

function nearestNeighbourTour(dist: number[][]): number[] {
  const n = dist.length;
  const seen = new Uint8Array(n);
  const tour = [0];
  seen[0] = 1;
  while (tour.length < n) {
    const last = tour[tour.length - 1]!;
    let next = -1;
    for (let j = 0; j < n; j++) if (!seen[j] && (next < 0 || dist[last]![j]! < dist[last]![next]!)) next = j;
    seen[next] = 1;
    tour.push(next);
  }
  return tour;
}

function twoOpt(tour: number[], dist: number[][]): number[] {
  const n = tour.length;
  const t = [...tour];
  for (let improved = true; improved; ) {
    improved = false;
    for (let i = 0; i < n - 1; i++) {
      for (let k = i + 2; k < n; k++) {
        const a = t[i]!, b = t[i + 1]!, c = t[k]!, d = t[(k + 1) % n]!;
        if (a === d) continue;
        if (dist[a]![c]! + dist[b]![d]! < dist[a]![b]! + dist[c]![d]! - 1e-9) {
          t.splice(i + 1, k - i, ...t.slice(i + 1, k + 1).reverse());
          improved = true;
        }
      }
    }
  }
  return t;
}
