import { describeRoute, linkRoute } from '../model/latency';
import { dijkstraFromHeap, MinHeap } from '../sim/shortest';
import type { DesignIndex } from './design-index';

/**
 * The lowest-latency path between two sites (Dijkstra on link latency from
 * every device of site s; O(m log n), run once for the worst pair only) and
 * how each inter-site link on it got its latency, for the latency check:
 * "l7 New York – London: 30.54 ms over 6,107 km (subsea corridor …)".
 * Links whose sites lack coordinates are described by their stated latency.
 */
export function latencyPathNotes(x: DesignIndex, s: number, t: number): string[] {
  const { g, topology } = x;
  const n = g.nodeIds.length;
  const dist = new Float64Array(n).fill(Infinity);
  const via = new Int32Array(n).fill(-1);
  const heap = new MinHeap(2 * g.targets.length + n + 1, n);
  for (const v of x.siteNodes[s]!) {
    dist[v] = 0;
    heap.push(v, 0);
  }
  dijkstraFromHeap(g, heap, dist, (k) => g.latencies[g.edgeLink[k]!]!, via);
  let end = -1;
  for (const v of x.siteNodes[t]!) if (end < 0 || dist[v]! < dist[end]!) end = v;
  if (end < 0 || dist[end] === Infinity) return [];
  const notes: string[] = [];
  const siteName = (v: number): string => x.siteNames[x.nodeSite[v]!]!;
  for (let v = end; via[v]! >= 0; ) {
    const k = via[v]!;
    const e = g.edgeLink[k]!;
    const link = topology.links[g.linkOrigin[e]!]!;
    // The neighbour this slot came from: the link's other end.
    const from = g.linkSource[e] === v ? g.linkTarget[e]! : g.linkSource[e]!;
    if (x.nodeSite[from] !== x.nodeSite[v]) {
      const r = linkRoute(topology, link);
      const stated = `${link.latencyMs.toFixed(2)} ms`;
      const text = r === undefined ? `${stated} as stated (no site coordinates)` : r.latencyMs === link.latencyMs ? describeRoute(r) : `${stated} as stated; the model gives ${describeRoute(r)}`;
      notes.push(`${link.id} ${siteName(from)} – ${siteName(v)}: ${text}`);
    }
    v = from;
  }
  return notes.reverse();
}
