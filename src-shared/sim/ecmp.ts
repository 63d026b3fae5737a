import type { CompiledGraph } from './csr';
import { onShortestPath as onShortestPathImport } from './shortest';

// Bound once: run from source (tsx), an imported function is read through a getter on every call.
const onShortestPath = onShortestPathImport;

/**
 * Demand from node s to node t. `receives(t)` lets sweeps skip destinations
 * nobody sends to. Defined in traffic.ts; only the shape is needed here.
 */
export interface Demands {
  demand(s: number, t: number): number;
  receives(t: number): boolean;
}

/**
 * Shortest-path DAG toward one destination as a per-node list of adjacency
 * slots: the next hops of u are slots[dagOff[u] .. dagOff[u + 1]). Scanning
 * only these (not the whole adjacency) keeps high-degree hubs cheap in the
 * incremental update. Returns the number of slots written. O(n + m).
 */
export function buildDag(g: CompiledGraph, dist: Float64Array, dagOff: Int32Array, slots: Int32Array): number {
  const { offsets, targets, edgeLink, weights } = g;
  const n = g.nodeIds.length;
  let k = 0;
  dagOff[0] = 0;
  for (let u = 0; u < n; u++) {
    const du = dist[u]!;
    if (du !== Infinity && du !== 0) {
      for (let s = offsets[u]!; s < offsets[u + 1]!; s++) {
        if (onShortestPath(du, dist[targets[s]!]!, weights[edgeLink[s]!]!)) slots[k++] = s;
      }
    }
    dagOff[u + 1] = k;
  }
  return k;
}

/**
 * ECMP flow on a DAG built by buildDag (per-hop ECMP as in RFC 2992: each node splits its flow evenly over its shortest-path next hops).
 * `order` lists reached nodes by non-decreasing distance. O(n + |DAG|).
 */
export function flowOnDag(
  g: CompiledGraph,
  c: number,
  order: Int32Array,
  reached: number,
  dagOff: Int32Array,
  slots: Int32Array,
  traffic: Demands,
  flow: Float64Array,
  load: Float64Array | null,
): void {
  const { targets, edgeLink, linkSource } = g;
  for (let i = 0; i < reached; i++) flow[order[i]!] = 0;
  for (let i = reached - 1; i >= 1; i--) {
    const u = order[i]!;
    const f = flow[u]! + traffic.demand(u, c);
    flow[u] = f;
    const a = dagOff[u]!;
    const b = dagOff[u + 1]!;
    if (b === a || f === 0) continue;
    const share = f / (b - a);
    for (let j = a; j < b; j++) {
      const s = slots[j]!;
      flow[targets[s]!]! += share;
      if (load !== null) {
        const e = edgeLink[s]!;
        load[2 * e + (linkSource[e] === u ? 0 : 1)]! += share;
      }
    }
  }
}

/**
 * Adds sign × the complete contribution of one destination to directed link
 * loads, from its DAG and through-flows. O(n + |DAG|). Used when the
 * destination itself fails.
 */
export function addDestinationLoads(
  g: CompiledGraph,
  dagOff: Int32Array,
  slots: Int32Array,
  flow: Float64Array,
  sign: number,
  out: { add(slot: number, value: number): void },
): void {
  const { edgeLink, linkSource } = g;
  const n = g.nodeIds.length;
  for (let u = 0; u < n; u++) {
    const a = dagOff[u]!;
    const b = dagOff[u + 1]!;
    if (b === a || flow[u] === 0) continue;
    const share = (sign * flow[u]!) / (b - a);
    for (let j = a; j < b; j++) {
      const e = edgeLink[slots[j]!]!;
      out.add(2 * e + (linkSource[e] === u ? 0 : 1), share);
    }
  }
}
