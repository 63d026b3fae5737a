import type { Site } from '../model/topology';
import { routeKm } from './geo';

/**
 * A latency-aware backbone over sites (region cores, datacenters): a ring in
 * the shortest tour (exact up to 8 sites, else nearest neighbour improved by
 * 2-opt) over route distances (geo.ts: metro, terrestrial and subsea route
 * factors), plus chords between the closest pairs whose path over the
 * backbone so far is more than CHORD_STRETCH times their direct route. So
 * long detours get a shortcut, and no far pair is joined when a short path
 * exists: never a full mesh across oceans. O(n³) for the chords (n is a
 * number of regions), 7! tours at most.
 */
export const CHORD_STRETCH = 2;

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
      [rest[k], rest[i]] = [rest[i]!, rest[k]];
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
