import type { CompiledGraph } from './csr';
import type { DestinationDelta, DestinationState, FailureMasks } from './incremental';
import type { Demands } from './ecmp';
import { onShortestPath } from './shortest';

/** Where latency stretch values go: changed ratios, and a count of demands whose ratio is 1. */
export interface StretchSink {
  changed: number[];
  unchanged: number;
}

/**
 * Incremental ECMP-mean latency toward one destination after a failure.
 *
 * Mean latency L(u) = average over u's next hops of (link latency + L(next)).
 * It can change only at nodes whose next hops changed (lost one, or moved to
 * a longer distance) and at nodes upstream of them in the new DAG. Those
 * nodes are collected by a backward search from the changed ones and
 * recomputed by increasing new distance; every other node keeps its
 * baseline value. Cost: O(|A| log |A| + links around A) for A the changed set.
 */
export class LatencyDelta {
  private readonly inA: Uint8Array;
  private readonly list: Int32Array;
  private readonly key: Float64Array;
  private readonly lat: Float64Array;
  private len = 0;

  constructor(private readonly g: CompiledGraph) {
    const n = g.nodeIds.length;
    this.inA = new Uint8Array(n);
    this.list = new Int32Array(n);
    this.key = new Float64Array(n);
    this.lat = new Float64Array(n);
  }

  private add(u: number): void {
    if (this.inA[u] === 1) return;
    this.inA[u] = 1;
    this.list[this.len++] = u;
  }

  run(c: number, st: DestinationState, base: Float64Array, ch: DestinationDelta, f: FailureMasks, traffic: Demands, sink: StretchSink): void {
    const { offsets, targets, edgeLink, weights, latencies } = this.g;
    const { dist, dagOff, slots } = st;
    const fN = f.nodes;
    const fL = f.links;
    const newD = (x: number): number => (ch.moved(x) ? ch.movedDistance(x) : fN[x] === 1 ? Infinity : dist[x]!);
    this.len = 0;
    for (const u of ch.changedNodes()) if (fN[u] !== 1 && ch.routeChanged(u)) this.add(u);
    // Upstream closure over new-DAG links.
    for (let qi = 0; qi < this.len; qi++) {
      const u = this.list[qi]!;
      const du = newD(u);
      if (du === Infinity) continue;
      for (let s = offsets[u]!; s < offsets[u + 1]!; s++) {
        const p = targets[s]!;
        const e = edgeLink[s]!;
        if (this.inA[p] === 1 || fN[p] === 1 || fL[e] === 1) continue;
        if (onShortestPath(newD(p), du, weights[e]!)) this.add(p);
      }
    }
    const a = this.list.subarray(0, this.len);
    for (const u of a) this.key[u] = newD(u);
    a.sort((x, y) => this.key[x]! - this.key[y]! || x - y);
    const lat = this.lat;
    for (const u of a) {
      const du = this.key[u]!;
      if (u === c) {
        lat[u] = 0;
        continue;
      }
      if (du === Infinity) {
        lat[u] = NaN;
        continue;
      }
      let sum = 0;
      let k = 0;
      const hop = (s: number): void => {
        const w = targets[s]!;
        sum += latencies[edgeLink[s]!]! + (this.inA[w] === 1 ? lat[w]! : base[w]!);
        k++;
      };
      if (ch.moved(u)) {
        for (let s = offsets[u]!; s < offsets[u + 1]!; s++) {
          const w = targets[s]!;
          if (fN[w] === 1 || fL[edgeLink[s]!] === 1) continue;
          if (onShortestPath(du, newD(w), weights[edgeLink[s]!]!)) hop(s);
        }
      } else {
        for (let j = dagOff[u]!; j < dagOff[u + 1]!; j++) {
          const s = slots[j]!;
          const w = targets[s]!;
          if (fN[w] === 1 || fL[edgeLink[s]!] === 1 || ch.moved(w)) continue;
          hop(s);
        }
      }
      lat[u] = k > 0 ? sum / k : NaN;
    }
    for (const u of a) {
      this.inA[u] = 0;
      if (u !== c && !Number.isNaN(base[u]!) && traffic.demand(u, c) > 0) {
        sink.unchanged--; // it was counted among the destination's demands
        if (Number.isNaN(lat[u]!)) continue; // cut off: stranded, not stretched
        const r = base[u]! > 0 ? lat[u]! / base[u]! : 1;
        if (Math.abs(r - 1) <= 1e-12) sink.unchanged++;
        else sink.changed.push(r);
      }
    }
  }
}
