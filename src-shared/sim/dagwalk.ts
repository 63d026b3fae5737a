import type { CompiledGraph } from './csr';
import type { DestinationDelta, DestinationState, FailureMasks } from './incremental';
import { onShortestPath } from './shortest';

/** The shortest-path DAG toward one destination after a failure, read from the baseline and its repair. */
export class RepairedDag {
  constructor(
    readonly g: CompiledGraph,
    private readonly st: DestinationState,
    private readonly change: DestinationDelta | null,
    private readonly f: FailureMasks,
  ) {}
  dist(u: number): number {
    if (this.f.nodes[u] === 1) return Infinity;
    return this.change !== null && this.change.moved(u) ? this.change.movedDistance(u) : this.st.dist[u]!;
  }
  /** Writes u's next-hop slots into hop; returns how many. */
  nextHops(u: number, hop: Int32Array): number {
    const { offsets, targets, edgeLink, weights } = this.g;
    const fN = this.f.nodes;
    const fL = this.f.links;
    let k = 0;
    if (fN[u] === 1) return 0;
    if (this.change !== null && this.change.moved(u)) {
      const du = this.change.movedDistance(u);
      if (du === Infinity) return 0;
      for (let s = offsets[u]!; s < offsets[u + 1]!; s++) {
        const w = targets[s]!;
        const e = edgeLink[s]!;
        if (fL[e] === 1 || fN[w] === 1) continue;
        if (onShortestPath(du, this.dist(w), weights[e]!)) hop[k++] = s;
      }
      return k;
    }
    const { dagOff, slots } = this.st;
    for (let j = dagOff[u]!; j < dagOff[u + 1]!; j++) {
      const s = slots[j]!;
      const w = targets[s]!;
      if (fL[edgeLink[s]!] === 1 || fN[w] === 1 || (this.change !== null && this.change.moved(w))) continue;
      hop[k++] = s;
    }
    return k;
  }
}

/**
 * Pushes weights from seed nodes down a DAG with even ECMP splits, adding the
 * flow per directed slot. The region reachable from the seeds is processed in
 * topological order (Kahn: a node pushes once every region predecessor has),
 * so no sort by distance is needed.
 */
export class DagWalker {
  private readonly flow: Float64Array;
  private readonly seen: Uint8Array;
  private readonly indeg: Int32Array;
  private readonly list: Int32Array;
  private readonly ready: Int32Array;
  private readonly hop: Int32Array;
  constructor(private readonly g: CompiledGraph) {
    const n = g.nodeIds.length;
    this.flow = new Float64Array(n);
    this.seen = new Uint8Array(n);
    this.indeg = new Int32Array(n);
    this.list = new Int32Array(n);
    this.ready = new Int32Array(n);
    let maxDeg = 0;
    for (let u = 0; u < n; u++) maxDeg = Math.max(maxDeg, g.offsets[u + 1]! - g.offsets[u]!);
    this.hop = new Int32Array(maxDeg + 1);
  }
  push(dag: RepairedDag, seeds: readonly number[], weights: readonly number[], out: Float64Array): void {
    const { targets, edgeLink, linkSource } = this.g;
    const { hop, seen, indeg, list, flow, ready } = this;
    let len = 0;
    seeds.forEach((v, i) => {
      if (weights[i] === 0 || dag.dist(v) === Infinity) return;
      if (seen[v] === 0) {
        seen[v] = 1;
        list[len++] = v;
      }
      flow[v]! += weights[i]!;
    });
    for (let i = 0; i < len; i++) {
      const k = dag.nextHops(list[i]!, hop);
      for (let j = 0; j < k; j++) {
        const v = targets[hop[j]!]!;
        indeg[v]!++;
        if (seen[v] === 0) {
          seen[v] = 1;
          list[len++] = v;
        }
      }
    }
    let r = 0;
    for (let i = 0; i < len; i++) if (indeg[list[i]!] === 0) ready[r++] = list[i]!;
    for (let qi = 0; qi < r; qi++) {
      const u = ready[qi]!;
      const k = dag.nextHops(u, hop);
      const share = k > 0 ? flow[u]! / k : 0;
      for (let j = 0; j < k; j++) {
        const s = hop[j]!;
        const v = targets[s]!;
        if (share !== 0) {
          const e = edgeLink[s]!;
          out[2 * e + (linkSource[e] === u ? 0 : 1)]! += share;
          flow[v]! += share;
        }
        if (--indeg[v]! === 0) ready[r++] = v;
      }
    }
    for (let i = 0; i < len; i++) {
      const u = list[i]!;
      flow[u] = 0;
      seen[u] = 0;
      indeg[u] = 0;
    }
  }
}
