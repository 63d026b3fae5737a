import type { Topology } from '../model/topology';
import type { CompiledGraph } from '../sim/csr';
import { MinHeap, shortestPathsTo } from '../sim/shortest';
import { quantile } from './stats';

/** Most source sites whose latency to every other site is measured. */
export const LATENCY_SOURCES = 40;

/**
 * 95th percentile of one-way latency between sites, on the lowest-latency
 * path (the generators set IGP weight = 10 × latency, so this is the routed
 * path to within 0.1 ms). Devices are grouped by site (a device without a
 * site is its own site); the latency between two sites is the smallest over
 * their devices. Sources: at most LATENCY_SOURCES sites taken evenly in
 * document order, each measured against every other site with one Dijkstra
 * from each of its devices (sim/shortest.ts). Pairs that cannot reach each
 * other are left out (connectivity is the availability figure's business).
 * O(LATENCY_SOURCES · k · m log m) for k devices per site.
 */
export function p95SiteLatencyMs(t: Topology, g: CompiledGraph): number {
  const n = g.nodeIds.length;
  if (n < 2) return 0;
  const siteOfNode = new Int32Array(n);
  const siteIndex = new Map<string, number>();
  const members: number[][] = [];
  t.nodes.forEach((d, i) => {
    const key = d.site ?? `node:${d.id}`;
    let s = siteIndex.get(key);
    if (s === undefined) {
      s = members.length;
      siteIndex.set(key, s);
      members.push([]);
    }
    siteOfNode[g.nodeIndex.get(d.id) ?? i] = s;
    members[s]!.push(g.nodeIndex.get(d.id) ?? i);
  });
  const sites = members.length;
  if (sites < 2) return 0;
  const byLatency: CompiledGraph = { ...g, weights: g.latencies };
  const dist = new Float64Array(n);
  const order = new Int32Array(n);
  const heap = new MinHeap(2 * g.targets.length + 4, n);
  const best = new Float64Array(sites);
  const values: number[] = [];
  const k = Math.min(LATENCY_SOURCES, sites);
  for (let i = 0; i < k; i++) {
    const src = Math.floor((i * sites) / k);
    best.fill(Infinity);
    for (const u of members[src]!) {
      shortestPathsTo(byLatency, u, false, dist, order, heap);
      for (let v = 0; v < n; v++) {
        const s = siteOfNode[v]!;
        if (dist[v]! < best[s]!) best[s] = dist[v]!;
      }
    }
    for (let s = 0; s < sites; s++) if (s !== src && Number.isFinite(best[s]!)) values.push(best[s]!);
  }
  return values.length === 0 ? 0 : quantile(values, 0.95);
}
