import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTopology } from '../../../src-shared/generate/generate';
import { CLASS_FAILURES, capacityUnderFailure, failureCases, RoutedFailures } from '../../../src-shared/model/capacity';
import { IntentSchema } from '../../../src-shared/model/intent';
import { designDemands } from '../../../src-shared/model/traffic';
import { TwinFailures } from '../../../src-shared/model/twin-failures';
import { compileTopology, type CompiledGraph } from '../../../src-shared/sim/csr';
import { SlotDelta } from '../../../src-shared/sim/incremental';
import { failureMasks, RoutingEngine } from '../../../src-shared/sim/routing';
import { explicitTraffic } from '../../../src-shared/sim/traffic';
import { plantedTwinsArb, plantTwins } from '../../helpers/planted-twins';
import { retailChain } from '../../helpers/retail-intents';
import { topo } from '../sim/helpers';

/**
 * A twin's failure relabelled (model/twin-failures.ts) against routing that
 * failure afresh with the plain incremental update (RoutingEngine.failureDeltas,
 * itself checked against routing from scratch in sim/local-deltas.test.ts):
 * on random graphs with planted twins, some of them with demands that tell
 * them apart, and through the capacity run on generated designs.
 */

/** Every failure's change, each routed alone by the plain update. */
function freshDeltas(g: CompiledGraph, engine: RoutingEngine, failures: readonly { nodes: number[]; links: number[] }[]): Float64Array[] {
  const outs = failures.map(() => new SlotDelta(engine.slots));
  for (let i0 = 0; i0 < failures.length; i0 += 64) {
    engine.failureDeltas(failures.slice(i0, i0 + 64).map((f) => failureMasks(g, f.nodes, f.links)), outs.slice(i0, i0 + 64));
  }
  return outs.map((o) => o.value);
}

function expectClose(g: CompiledGraph, baseLoad: Float64Array, got: Float64Array, want: Float64Array, failed: Uint8Array, what: string): void {
  for (let s = 0; s < got.length; s++) {
    if (failed[s >> 1] === 1) continue;
    const scale = Math.max(1e-9, Math.abs(baseLoad[s]!), Math.abs(want[s]!));
    const err = Math.abs(got[s]! - want[s]!) / scale;
    // The matcher runs only on a miss (NaN included): called for every slot, it was most of the check's time.
    if (!(err <= 1e-12)) expect(err, `${what}: slot ${s} (${g.linkIds[s >> 1]})`).toBeLessThanOrEqual(1e-12);
  }
}

describe('a twin failure relabelled equals routing it afresh', () => {
  it('random cores with planted twins: any single failure and twin pairs of failures, demands alike or not', () => {
    const shape = plantedTwinsArb(3);
    let relabelled = 0;
    let told = 0;
    fc.assert(
      fc.property(shape, ({ core, coreEdges, groups, out, inn, alike }) => {
        const { edges, n, groupOf } = plantTwins({ core, coreEdges, groups });
        // Twins send and receive by their group's masses when alike, else by their own.
        const mass = (v: number, m: number[]) => (alike && groupOf[v]! >= 0 ? m[groupOf[v]!]! : m[v % 16]!) + 1;
        const volume = (s: number, t: number) => mass(s, out) * mass(t, inn) * (s < core || t < core ? 2 : 1);
        const demands: { s: number; t: number; volume: number }[] = [];
        for (let s = 0; s < n; s++) for (let t = 0; t < n; t++) if (s !== t) demands.push({ s, t, volume: volume(s, t) });
        const g = compileTopology(topo(n, edges));
        const engine = new RoutingEngine(g, explicitTraffic(g, demands));
        const failures = [
          ...Array.from({ length: g.linkIds.length }, (_, e) => ({ nodes: [], links: [e] })),
          ...Array.from({ length: n }, (_, v) => ({ nodes: [v], links: [] })),
          // A twin's uplinks cut together, and a hub with a twin's uplink.
          ...Array.from({ length: n - core }, (_, i) => ({ nodes: [], links: edges.flatMap(([a, b], e) => (a === core + i || b === core + i ? [e] : [])) })),
          ...Array.from({ length: n - core }, (_, i) => ({ nodes: [edges.find(([a]) => a === core + i)![1]], links: [edges.findIndex(([a]) => a === core + i)] })),
        ];
        const want = freshDeltas(g, engine, failures);
        const twins = TwinFailures.build(g, engine.traffic, failures);
        if (twins === null) return;
        failures.forEach((f, i) => {
          const j = twins.sourceOf[i]!;
          if (j < 0) return;
          expect(j).toBeLessThan(i);
          relabelled++;
          if (!alike) told++;
          const got = new Float64Array(engine.slots);
          twins.relabel(i, want[j]!, got);
          expectClose(g, engine.baseLoad, got, want[i]!, failureMasks(g, f.nodes, f.links).links, `failure ${i} from ${j}`);
        });
      }),
      { numRuns: 150, seed: 20261207 },
    );
    expect(relabelled).toBeGreaterThan(500);
    // Twins whose own masses happen to agree are relabelled too; most with other masses are not.
    expect(told).toBeLessThan(relabelled / 4);
  });

  it('twins whose demands differ are not relabelled', () => {
    // Hubs 0, 1; routers 2 and 3 on both with the same weights; 3 sends twice what 2 sends.
    const g = compileTopology(topo(4, [[0, 1, 1], [2, 0, 1], [2, 1, 2], [3, 0, 1], [3, 1, 2]]));
    const demands = [0, 1, 2, 3].flatMap((s) => [0, 1, 2, 3].filter((t) => t !== s).map((t) => ({ s, t, volume: s === 3 ? 2 : 1 })));
    const failures = [{ nodes: [2], links: [] }, { nodes: [3], links: [] }, { nodes: [], links: [1] }, { nodes: [], links: [3] }];
    expect(TwinFailures.build(g, explicitTraffic(g, demands), failures)).toBeNull();
    const same = demands.map((d) => ({ ...d, volume: 1 }));
    expect([...TwinFailures.build(g, explicitTraffic(g, same), failures)!.sourceOf]).toEqual([-1, 0, -1, 2]);
  });
});

describe('the capacity run relabels twin failures on generated designs', () => {
  const intent = IntentSchema.parse(retailChain(120, 'HIGH', 'cost'));
  for (const family of ['tree', 'hybrid', 'hub-spoke'] as const) {
    it(`${family}: every failure's recorded change equals the plain update's, over several blocks`, () => {
      const t = buildTopology(intent, family, 1);
      const g = compileTopology(t);
      const demands = designDemands(t, g, intent);
      const routed = new RoutedFailures();
      routed.keepDemands(t, g, intent, demands);
      const report = capacityUnderFailure(t, g, demands, 0.8, CLASS_FAILURES.HIGH, routed);
      const engine = new RoutingEngine(g, explicitTraffic(g, demands.demands));
      const failures = failureCases(t, g, CLASS_FAILURES.HIGH);
      const twins = TwinFailures.build(g, engine.traffic, failures);
      const count = twins === null ? 0 : twins.sourceOf.filter((j) => j >= 0).length;
      expect(count).toBeGreaterThan(failures.length / 5);
      // More than one block (tree, hybrid), so some sources come from an earlier block's kept copy.
      if (family !== 'hub-spoke') expect(failures.length).toBeGreaterThan(Math.floor((1 << 20) / (16 * g.linkIds.length)));
      const want = freshDeltas(g, engine, failures);
      failures.forEach((f, i) => {
        const got = new Float64Array(engine.slots);
        expect(routed.read(`${f.nodes.join(',')}|${f.links.join(',')}`, got)).toBe(true);
        expectClose(g, engine.baseLoad, got, want[i]!, failureMasks(g, f.nodes, f.links).links, `${f.label} (${i})`);
      });
      expect(report.failures.length).toBe(failures.length);
    });
  }
});
