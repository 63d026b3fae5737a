import { describe, expect, it } from 'vitest';
import { findChains } from '../../../src-shared/sim/chains';
import { CompressedSweep } from '../../../src-shared/sim/compressed';
import { compileTopology, type CompiledGraph } from '../../../src-shared/sim/csr';
import { ImpactEvaluator } from '../../../src-shared/sim/impact';
import { SingleFailureImpact } from '../../../src-shared/sim/impact-chains';
import { StretchSink } from '../../../src-shared/sim/latency';
import type { FailureMasks } from '../../../src-shared/sim/incremental';
import { failureMasks, RoutingEngine } from '../../../src-shared/sim/routing';
import { onShortestPath } from '../../../src-shared/sim/shortest';
import { n1Scenarios } from '../../../src-shared/sim/sweep';
import { gravityMasses, gravityTraffic, uniformTraffic, type TrafficMatrix } from '../../../src-shared/sim/traffic';
import { kdlShaped } from './kdl-shaped';

/**
 * The chain path's stretch (impact-chains.ts with impact-chain-inside.ts and
 * impact-pendant-dests.ts) compared with routing from scratch ratio by
 * ratio, not only through p50/p95/max (which a few missing ratios rarely
 * move): for every single failure of Kdl-shaped graphs, the multiset of
 * changed ratios (the sink's own and its shared sorted runs) and the count
 * of unchanged demands must be those of shortest paths and ECMP-mean
 * latencies computed afresh on the graph without the failed element — the
 * same sums in the same order, so equal to the bit.
 */
function ecmpLatencies(g: CompiledGraph, c: number, f: FailureMasks | null): Float64Array {
  const n = g.nodeIds.length;
  const dist = new Float64Array(n).fill(Infinity);
  const done = new Uint8Array(n);
  const order: number[] = [];
  dist[c] = 0;
  // Dijkstra by scanning (the graphs are small): each node's distance is the least d(next) + w.
  for (;;) {
    let u = -1;
    for (let v = 0; v < n; v++) if (done[v] === 0 && dist[v] !== Infinity && (u < 0 || dist[v]! < dist[u]!)) u = v;
    if (u < 0) break;
    done[u] = 1;
    order.push(u);
    for (let s = g.offsets[u]!; s < g.offsets[u + 1]!; s++) {
      const w = g.targets[s]!;
      const e = g.edgeLink[s]!;
      if (f !== null && (f.nodes[w] === 1 || f.links[e] === 1)) continue;
      if (dist[u]! + g.weights[e]! < dist[w]!) dist[w] = dist[u]! + g.weights[e]!;
    }
  }
  const lat = new Float64Array(n).fill(NaN);
  lat[c] = 0;
  for (const u of order) {
    if (u === c) continue;
    let sum = 0;
    let k = 0;
    for (let s = g.offsets[u]!; s < g.offsets[u + 1]!; s++) {
      const w = g.targets[s]!;
      const e = g.edgeLink[s]!;
      if (f !== null && (f.nodes[w] === 1 || f.links[e] === 1)) continue;
      if (dist[w] === Infinity || !onShortestPath(dist[u]!, dist[w]!, g.weights[e]!)) continue;
      sum += g.latencies[e]! + lat[w]!;
      k++;
    }
    lat[u] = k > 0 ? sum / k : NaN;
  }
  return lat;
}

function fromScratch(g: CompiledGraph, tm: TrafficMatrix, base: Float64Array[], f: FailureMasks): { ratios: number[]; unchanged: number } {
  const ratios: number[] = [];
  let unchanged = 0;
  for (let c = 0; c < g.nodeIds.length; c++) {
    if (f.nodes[c] === 1) continue;
    const after = ecmpLatencies(g, c, f);
    for (let u = 0; u < g.nodeIds.length; u++) {
      if (u === c || f.nodes[u] === 1 || Number.isNaN(base[c]![u]!) || !(tm.demand(u, c) > 0) || Number.isNaN(after[u]!)) continue;
      const r = base[c]![u]! > 0 ? after[u]! / base[c]![u]! : 1;
      if (Math.abs(r - 1) <= 1e-12) unchanged++;
      else ratios.push(r);
    }
  }
  return { ratios: ratios.sort((a, b) => a - b), unchanged };
}

describe('chain path stretch: every changed ratio and the unchanged count equal routing from scratch', () => {
  for (const [seed, branch, longest, half] of [
    [11, 10, 8, false],
    [12, 12, 5, false],
    [13, 10, 6, true],
  ] as const) {
    it(`seed ${seed}, ${branch} branch routers, chains of up to ${longest}${half ? ', half-integer weights' : ''}`, () => {
      const t = kdlShaped(seed, branch, longest, half);
      const g = compileTopology(t);
      const n = g.nodeIds.length;
      // Uniform, and gravity with some routers of no mass (no demand to or from them: fewer destinations).
      for (const raw of [null, Float64Array.from({ length: n }, (_, i) => (i % 7 === 3 ? 0 : 1 + (i % 4)))]) {
        const tm = raw === null ? uniformTraffic(g) : gravityTraffic(g, raw);
        const mass = raw === null ? new Float64Array(n).fill(1) : gravityMasses(raw);
        const engine = new RoutingEngine(g, tm);
        const evaluator = new ImpactEvaluator(engine);
        const compressed = new CompressedSweep(g, mass, mass);
        expect(compressed.onSkeleton, 'routed on the skeleton').toBe(true);
        const single = new SingleFailureImpact(engine, compressed, findChains(g), 1, evaluator.acyclicDags);
        const base = Array.from({ length: n }, (_, c) => ecmpLatencies(g, c, null));
        const sink = new StretchSink();
        let changed = 0;
        for (const spec of n1Scenarios(g)) {
          const f = failureMasks(g, spec.nodes, spec.links);
          sink.reset();
          single.stretch(spec, f, sink, evaluator);
          const got = [...sink.changed.subarray(0, sink.count), ...sink.runs.flatMap((r) => [...r])].sort((a, b) => a - b);
          const want = fromScratch(g, tm, base, f);
          const what = spec.links.length === 1 ? `link ${g.linkIds[spec.links[0]!]}` : `node ${g.nodeIds[spec.nodes[0]!]}`;
          // A bridge or a pendant router changes no surviving pair's latency: the path returns at once, nothing
          // counted (percentiles of nothing are 1, as of only ones); routing from scratch must find no change.
          if (got.length === 0 && sink.unchanged === 0) {
            expect(want.ratios, `${what}: no latency changes`).toEqual([]);
            continue;
          }
          expect(sink.unchanged, `${what}: unchanged demands`).toBe(want.unchanged);
          expect(got.length, `${what}: changed ratios`).toBe(want.ratios.length);
          expect(got.every((r, k) => Object.is(r, want.ratios[k])), `${what}: ratios equal to the bit`).toBe(true);
          changed += got.length;
        }
        expect(changed, 'failures change some routes').toBeGreaterThan(1000);
      }
    });
  }
});
