import type { CompiledGraph } from './csr';
import { onShortestPath } from './shortest';

/**
 * Demand from node s to node t. `receives(t)` lets sweeps skip destinations
 * nobody sends to. Defined in traffic.ts; only the shape is needed here.
 */
export interface Demands {
  demand(s: number, t: number): number;
  receives(t: number): boolean;
}

/** Directed slot of link e leaving node u: 2e for source→target, 2e+1 for target→source. */
export function directed(g: CompiledGraph, e: number, u: number): number {
  return 2 * e + (g.linkSource[e] === u ? 0 : 1);
}

/**
 * Per-hop ECMP flow toward one destination c on a shortest-path DAG.
 *
 * Walks reached nodes by decreasing distance: each node's flow (its own
 * demand to c plus what it received) is split evenly over every adjacency
 * slot (parallel links count separately) that lies on a shortest path to c.
 * Writes the node through-flows into `flow` and, when `load` is given, adds
 * `scale` × the directed link loads into it. O(n + m) per destination.
 * Reference: the ECMP model of RFC 2992 applied hop by hop, as in IGP routers.
 */
export function ecmpFlowTo(
  g: CompiledGraph,
  c: number,
  dist: Float64Array,
  order: Int32Array,
  reached: number,
  traffic: Demands,
  flow: Float64Array,
  load: Float64Array | null,
  scale = 1,
  failedNodes?: Uint8Array,
  failedLinks?: Uint8Array,
): void {
  const { offsets, targets, edgeLink, weights, linkSource } = g;
  for (let i = 0; i < reached; i++) flow[order[i]!] = 0;
  for (let i = reached - 1; i >= 1; i--) {
    const u = order[i]!;
    const f = flow[u]! + traffic.demand(u, c);
    flow[u] = f;
    const du = dist[u]!;
    let k = 0;
    for (let s = offsets[u]!; s < offsets[u + 1]!; s++) {
      const e = edgeLink[s]!;
      if (failedLinks !== undefined && failedLinks[e] === 1) continue;
      if (onShortestPath(du, dist[targets[s]!]!, weights[e]!)) k++;
    }
    if (k === 0 || f === 0) continue;
    const share = f / k;
    for (let s = offsets[u]!; s < offsets[u + 1]!; s++) {
      const e = edgeLink[s]!;
      if (failedLinks !== undefined && failedLinks[e] === 1) continue;
      const v = targets[s]!;
      if (!onShortestPath(du, dist[v]!, weights[e]!)) continue;
      flow[v]! += share;
      if (load !== null) load[2 * e + (linkSource[e] === u ? 0 : 1)]! += scale * share;
    }
  }
  void failedNodes; // failed nodes already have dist = Infinity, so no slot leads to them
}

/**
 * Subtracts (or adds, with sign +1) the complete contribution of destination
 * c to directed link loads, from its cached distances and through-flows.
 * O(n + m). Used when c itself fails.
 */
export function addDestinationLoads(
  g: CompiledGraph,
  dist: Float64Array,
  flow: Float64Array,
  sign: number,
  out: (slot: number, value: number) => void,
): void {
  const { offsets, targets, edgeLink, weights, linkSource } = g;
  const n = g.nodeIds.length;
  for (let u = 0; u < n; u++) {
    const du = dist[u]!;
    if (du === Infinity || du === 0) continue;
    const f = flow[u]!;
    if (f === 0) continue;
    let k = 0;
    for (let s = offsets[u]!; s < offsets[u + 1]!; s++) {
      if (onShortestPath(du, dist[targets[s]!]!, weights[edgeLink[s]!]!)) k++;
    }
    const share = (sign * f) / k;
    for (let s = offsets[u]!; s < offsets[u + 1]!; s++) {
      const e = edgeLink[s]!;
      if (onShortestPath(du, dist[targets[s]!]!, weights[e]!)) out(2 * e + (linkSource[e] === u ? 0 : 1), share);
    }
  }
}
