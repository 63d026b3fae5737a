import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTopology } from '../../../src-shared/generate/generate';
import { CLASS_FAILURES, failureCases } from '../../../src-shared/model/capacity';
import { IntentSchema } from '../../../src-shared/model/intent';
import { designDemands } from '../../../src-shared/model/traffic';
import { compileTopology, type CompiledGraph } from '../../../src-shared/sim/csr';
import { SlotDelta, type FailureMasks } from '../../../src-shared/sim/incremental';
import { LocalFailureDeltas } from '../../../src-shared/sim/local-deltas';
import { failureMasks, RoutingEngine } from '../../../src-shared/sim/routing';
import { explicitTraffic } from '../../../src-shared/sim/traffic';
import { plantedTwinsArb, plantTwins } from '../../helpers/planted-twins';
import { retailChain } from '../../helpers/retail-intents';
import { topo } from './helpers';

/**
 * Twin destinations replayed in the capacity run's failure deltas
 * (sim/twin-dests.ts through LocalFailureDeltas) against the plain
 * incremental update (RoutingEngine.failureDeltas, checked against routing
 * from scratch in local-deltas.test.ts): random cores with planted twins,
 * their demands alike or not, and generated designs.
 */
function compare(g: CompiledGraph, engine: RoutingEngine, masks: FailureMasks[]): number {
  const local = new LocalFailureDeltas(engine);
  for (let i0 = 0; i0 < masks.length; i0 += 64) {
    const block = masks.slice(i0, i0 + 64);
    const a = block.map(() => new SlotDelta(engine.slots));
    const b = block.map(() => new SlotDelta(engine.slots));
    local.failureDeltas(block, a);
    engine.failureDeltas(block, b);
    block.forEach((f, k) => {
      for (let s = 0; s < engine.slots; s++) {
        if (f.links[s >> 1] === 1) continue;
        const scale = Math.max(1e-9, Math.abs(engine.baseLoad[s]!), Math.abs(b[k]!.value[s]!));
        const err = Math.abs(a[k]!.value[s]! - b[k]!.value[s]!) / scale;
        // The matcher runs only on a miss (NaN included): called for every slot, it was most of the check's time.
        if (!(err <= 1e-12)) expect(err, `${g.linkIds[s >> 1]} failure ${i0 + k}`).toBeLessThanOrEqual(1e-12);
      }
    });
  }
  return local.twinReplays;
}

describe('a twin destination replayed equals routing it', () => {
  it('random cores with planted twins (consecutive), any single failure and a twin’s uplinks together, demands alike or not', () => {
    const shape = plantedTwinsArb(4);
    let replayed = 0;
    fc.assert(
      fc.property(shape, ({ core, coreEdges, groups, out, inn, alike }) => {
        const { edges, n, groupOf } = plantTwins({ core, coreEdges, groups });
        // Received by the group's mass when alike, else each its own (sent: always its own, which a column does not see).
        const mass = (v: number, m: number[], byGroup: boolean) => (byGroup && groupOf[v]! >= 0 ? m[groupOf[v]!]! : m[v % 16]!) + 1;
        const demands: { s: number; t: number; volume: number }[] = [];
        for (let s = 0; s < n; s++) for (let t = 0; t < n; t++) if (s !== t) demands.push({ s, t, volume: mass(s, out, false) * mass(t, inn, alike) * (groupOf[s]! >= 0 && groupOf[s] === groupOf[t] ? 1 : 2) });
        const g = compileTopology(topo(n, edges));
        const engine = new RoutingEngine(g, explicitTraffic(g, demands));
        const failures = [
          ...Array.from({ length: g.linkIds.length }, (_, e) => failureMasks(g, [], [e])),
          ...Array.from({ length: n }, (_, v) => failureMasks(g, [v], [])),
          ...Array.from({ length: n - core }, (_, i) => failureMasks(g, [], edges.flatMap(([a, b], e) => (a === core + i || b === core + i ? [e] : [])))),
        ];
        replayed += compare(g, engine, failures);
      }),
      { numRuns: 80, seed: 20261207 },
    );
    expect(replayed).toBeGreaterThan(1000);
  });
});

describe('twin destinations replayed on generated designs equal the update', () => {
  const intent = IntentSchema.parse(retailChain(60, 'HIGH', 'cost'));
  for (const family of ['tree', 'hybrid'] as const) {
    it(`${family}: every failure a HIGH design must survive`, () => {
      const t = buildTopology(intent, family, 1);
      const g = compileTopology(t);
      const engine = new RoutingEngine(g, explicitTraffic(g, designDemands(t, g, intent).demands));
      const masks = failureCases(t, g, CLASS_FAILURES.HIGH).map((f) => failureMasks(g, f.nodes, f.links));
      expect(compare(g, engine, masks)).toBeGreaterThan(1000);
    });
  }
});
