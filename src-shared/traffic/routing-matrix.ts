import { hasUniformWeights, type CompiledGraph } from '../sim/csr';
import { buildDag } from '../sim/ecmp';
import { MinHeap, shortestPathsTo } from '../sim/shortest';

/**
 * The routing matrix A of traffic-matrix estimation (y = A x): one column per
 * ordered node pair (s, t) that routing connects, one row per directed link
 * slot (slot 2e = link e from its source to its target, 2e + 1 the reverse,
 * as everywhere in sim/). Entry A[slot, pair] is the share of the pair's
 * traffic that crosses the slot under the same per-hop ECMP on IGP weights
 * that capacity.ts and the simulator use (sim/ecmp.ts: each node splits its
 * flow evenly over its shortest-path next hops, RFC 2992).
 *
 * Stored column-wise (compressed sparse columns). Cost: one shortest-path
 * DAG per destination, then per source a pass over the nodes nearer the
 * destination: O(n (m log m) + n² n̄) where n̄ is the mean number of nodes
 * closer to a destination; memory O(nnz) = pairs × mean path length × ECMP width.
 */
export interface RoutingMatrix {
  readonly nodes: number;
  /** Directed link slots (2 × links): the rows. */
  readonly slots: number;
  /** Column k is the pair (src[k], dst[k]). */
  readonly src: Int32Array;
  readonly dst: Int32Array;
  /** Column k's entries are rows[colOff[k] .. colOff[k + 1]) with vals. */
  readonly colOff: Int32Array;
  readonly rows: Int32Array;
  readonly vals: Float64Array;
  /** Pair index of (s, t): pairIndex[s * nodes + t], -1 when routing cannot connect them. */
  readonly pairIndex: Int32Array;
  /** Node a directed slot leaves from, and the node it enters. */
  readonly slotFrom: Int32Array;
  readonly slotTo: Int32Array;
}

/** Builds A for every ordered pair of distinct connected nodes. */
export function routingMatrix(g: CompiledGraph): RoutingMatrix {
  const n = g.nodeIds.length;
  const slotCount = 2 * g.linkIds.length;
  const uniform = hasUniformWeights(g);
  const dist = new Float64Array(n);
  const order = new Int32Array(n);
  const pos = new Int32Array(n);
  const heap = new MinHeap(2 * g.targets.length + 4, n);
  const dagOff = new Int32Array(n + 1);
  const dagSlots = new Int32Array(g.targets.length);
  const frac = new Float64Array(n);
  const acc = new Float64Array(slotCount);
  const touched = new Int32Array(slotCount);
  const { targets, edgeLink, linkSource } = g;

  const src: number[] = [];
  const dst: number[] = [];
  const colOff: number[] = [0];
  let rows = new Int32Array(1 << 16);
  let vals = new Float64Array(1 << 16);
  let nnz = 0;
  const pairIndex = new Int32Array(n * n).fill(-1);
  const push = (row: number, v: number): void => {
    if (nnz === rows.length) {
      const r2 = new Int32Array(rows.length * 2);
      r2.set(rows);
      rows = r2;
      const v2 = new Float64Array(vals.length * 2);
      v2.set(vals);
      vals = v2;
    }
    rows[nnz] = row;
    vals[nnz++] = v;
  };

  for (let t = 0; t < n; t++) {
    const reached = shortestPathsTo(g, t, uniform, dist, order, heap);
    buildDag(g, dist, dagOff, dagSlots);
    for (let i = 0; i < reached; i++) pos[order[i]!] = i;
    for (let s = 0; s < n; s++) {
      if (s === t || dist[s] === Infinity) continue;
      // Unit flow from s, pushed toward t in order of decreasing distance:
      // next hops are strictly nearer t (weights are positive), so every
      // node is final when visited.
      let k = 0;
      frac[s] = 1;
      for (let i = pos[s]!; i >= 1; i--) {
        const u = order[i]!;
        const f = frac[u]!;
        if (f === 0) continue;
        frac[u] = 0;
        const a = dagOff[u]!;
        const b = dagOff[u + 1]!;
        const share = f / (b - a);
        for (let j = a; j < b; j++) {
          const sl = dagSlots[j]!;
          frac[targets[sl]!]! += share;
          const e = edgeLink[sl]!;
          const row = 2 * e + (linkSource[e] === u ? 0 : 1);
          if (acc[row] === 0) touched[k++] = row;
          acc[row]! += share;
        }
      }
      frac[t] = 0;
      const sorted = touched.subarray(0, k).sort();
      for (const row of sorted) {
        push(row, acc[row]!);
        acc[row] = 0;
      }
      pairIndex[s * n + t] = src.length;
      src.push(s);
      dst.push(t);
      colOff.push(nnz);
    }
  }
  return {
    nodes: n,
    slots: slotCount,
    src: Int32Array.from(src),
    dst: Int32Array.from(dst),
    colOff: Int32Array.from(colOff),
    rows: rows.slice(0, nnz),
    vals: vals.slice(0, nnz),
    pairIndex,
    slotFrom: Int32Array.from({ length: slotCount }, (_, sl) => (sl & 1 ? g.linkTarget[sl >> 1]! : g.linkSource[sl >> 1]!)),
    slotTo: Int32Array.from({ length: slotCount }, (_, sl) => (sl & 1 ? g.linkSource[sl >> 1]! : g.linkTarget[sl >> 1]!)),
  };
}

/** y = A x (loads per slot from a demand per pair). O(nnz). */
export function routeLoads(a: RoutingMatrix, x: Float64Array, out = new Float64Array(a.slots)): Float64Array {
  out.fill(0);
  const { colOff, rows, vals } = a;
  for (let k = 0; k < x.length; k++) {
    const v = x[k]!;
    if (v === 0) continue;
    for (let j = colOff[k]!; j < colOff[k + 1]!; j++) out[rows[j]!]! += vals[j]! * v;
  }
  return out;
}
