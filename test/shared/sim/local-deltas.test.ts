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
import { retailChain, smallRetail } from '../../helpers/retail-intents';
import { bruteLoads, type Multigraph } from './brute';
import { topo } from './helpers';

/**
 * The closed form for failures whose change stays among the nodes that lose
 * a next hop (sim/local-deltas.ts) against routing from scratch (brute.ts:
 * delete the failed elements, route every demand again) and against the
 * incremental update it stands in for (RoutingEngine.failureDeltas), on
 * hand-built WAN shapes, random hierarchical multigraphs and generated
 * designs of every family. Each test also asserts that the closed form and
 * the incremental fallback both ran, so neither side is vacuous.
 */

/** Demands between every ordered pair from a table (0 allowed), as the capacity check routes them. */
const demandsOf = (n: number, volume: (s: number, t: number) => number) => {
  const out: { s: number; t: number; volume: number }[] = [];
  for (let s = 0; s < n; s++) for (let t = 0; t < n; t++) if (s !== t && volume(s, t) > 0) out.push({ s, t, volume: volume(s, t) });
  return out;
};

interface Run {
  closed: number;
  incremental: number;
}

/** Every failure's loads by the closed form equal routing from scratch; returns how often each path ran. */
function checkAgainstScratch(m: Multigraph, volume: (s: number, t: number) => number, failures: { nodes: number[]; links: number[] }[]): Run {
  const g = compileTopology(topo(m.n, m.edges));
  // Node indices are the topology's order ("0".."n-1"); links may lose self-loops, so map by origin.
  const engine = new RoutingEngine(g, explicitTraffic(g, demandsOf(m.n, volume)));
  const local = new LocalFailureDeltas(engine);
  const masks = failures.map((f) => failureMasks(g, f.nodes, f.links.filter((e) => e < g.linkIds.length)));
  const outs = masks.map(() => new SlotDelta(engine.slots));
  local.failureDeltas(masks, outs);
  masks.forEach((f, k) => {
    const deadEdges = new Set(f.linkList.map((e) => g.linkOrigin[e]!));
    const want = bruteLoads(m, new Set(f.nodeList), deadEdges, volume);
    for (let e = 0; e < g.linkIds.length; e++) {
      if (f.links[e] === 1) continue;
      for (const [slot, from] of [
        [2 * e, g.linkSource[e]!],
        [2 * e + 1, g.linkTarget[e]!],
      ] as const) {
        const w = want.get(`${g.linkOrigin[e]}:${from}`) ?? 0;
        const err = Math.abs(engine.baseLoad[slot]! + outs[k]!.value[slot]! - w);
        if (!(err <= 1e-9 * Math.max(1, w))) expect(err).toBeLessThanOrEqual(1e-9 * Math.max(1, w)); // the matcher on a miss only
      }
    }
  });
  return { closed: local.closedForm, incremental: local.incremental };
}

/** The closed form's changes equal the incremental update's on the same failures (rounding aside). */
function checkAgainstIncremental(g: CompiledGraph, engine: RoutingEngine, masks: FailureMasks[]): Run {
  const local = new LocalFailureDeltas(engine);
  const run: Run = { closed: 0, incremental: 0 };
  for (let i0 = 0; i0 < masks.length; i0 += 64) {
    const block = masks.slice(i0, i0 + 64);
    const a = block.map(() => new SlotDelta(engine.slots));
    const b = block.map(() => new SlotDelta(engine.slots));
    local.failureDeltas(block, a);
    run.closed += local.closedForm;
    run.incremental += local.incremental;
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
  return run;
}

const allSingles = (m: Multigraph) => [
  ...Array.from({ length: m.n }, (_, v) => ({ nodes: [v], links: [] })),
  ...m.edges.map((_, e) => ({ nodes: [], links: [e] })),
];

describe('failures in closed form equal routing from scratch', () => {
  it('a dual-homed branch WAN: uplinks, branches, hubs, a branch duct, unequal and tied uplink weights', () => {
    // Hubs 0–3 (a ring with a chord); branches 4–11 dual-homed to two hubs: equal weights (ECMP),
    // unequal (one primary), a single-homed branch (12) and a branch on two parallel uplinks (13).
    const edges: [number, number, number][] = [
      [0, 1, 2], [1, 2, 2], [2, 3, 2], [3, 0, 2], [0, 2, 3],
      [4, 0, 1], [4, 1, 1], [5, 0, 1], [5, 1, 1], [6, 1, 1], [6, 2, 2], [7, 2, 1], [7, 3, 1],
      [8, 3, 1], [8, 0, 3], [9, 2, 1], [9, 3, 1], [10, 0, 1], [10, 2, 1], [11, 1, 2], [11, 3, 1],
      [12, 2, 1], [13, 3, 1], [13, 3, 1],
    ];
    const m: Multigraph = { n: 14, edges };
    const volume = (s: number, t: number) => (s < 4 || t < 4 ? 3 : 1) + ((s * 7 + t) % 3 === 0 ? 0.5 : 0);
    // Every single failure, and each branch's two uplinks cut together (a duct).
    const ducts = [4, 5, 6, 7, 8, 9, 10, 11].map((b) => ({ nodes: [], links: edges.flatMap(([x, y], e) => (x === b || y === b ? [e] : [])) }));
    const run = checkAgainstScratch(m, volume, [...allSingles(m), ...ducts]);
    expect(run.closed).toBeGreaterThan(100);
    expect(run.incremental).toBeGreaterThan(0);
  });

  it('a branch that is transit (cheaper through it than between its hubs) and branches with no demand', () => {
    // Hubs 0 and 1 joined by a weight-10 link; branch 2 (weights 1 and 1) is the shorter way between them.
    const m: Multigraph = { n: 7, edges: [[0, 1, 10], [2, 0, 1], [2, 1, 1], [3, 0, 1], [3, 1, 4], [4, 0, 2], [4, 1, 2], [5, 1, 1], [6, 0, 1], [6, 5, 1]] };
    const volume = (s: number, t: number) => (s === 4 || t === 6 ? 0 : 1 + s + t);
    const run = checkAgainstScratch(m, volume, allSingles(m));
    expect(run.closed).toBeGreaterThan(0);
    expect(run.incremental).toBeGreaterThan(0);
  });

  it('random hierarchical multigraphs: a small core, branches on one or two uplinks, any single or paired failure', () => {
    const shape = fc.integer({ min: 2, max: 5 }).chain((core) =>
      fc.record({
        core: fc.constant(core),
        coreEdges: fc.array(fc.tuple(fc.nat(core - 1), fc.nat(core - 1), fc.integer({ min: 1, max: 4 })), { minLength: core, maxLength: 2 * core }),
        branches: fc.array(fc.tuple(fc.nat(core - 1), fc.nat(core - 1), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.boolean()), { minLength: 1, maxLength: 8 }),
        mass: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 13, maxLength: 13 }),
        pick: fc.array(fc.tuple(fc.nat(30), fc.nat(30)), { minLength: 3, maxLength: 6 }),
      }),
    );
    let closed = 0;
    let incremental = 0;
    fc.assert(
      fc.property(shape, ({ core, coreEdges, branches, mass, pick }) => {
        const edges: [number, number, number][] = [...coreEdges];
        for (let i = 0; i + 1 < core; i++) edges.push([i, i + 1, 5]); // a connected core
        branches.forEach(([a, b, wa, wb, two], i) => {
          edges.push([core + i, a, wa]);
          if (two) edges.push([core + i, b, wb]);
        });
        const m: Multigraph = { n: core + branches.length, edges };
        const volume = (s: number, t: number) => mass[s % 13]! * (1 + (t % 3));
        const paired = pick.map(([x, y]) => (x % 2 === 0 ? { nodes: [x % m.n], links: [] } : { nodes: [], links: [x % edges.length, y % edges.length] }));
        const run = checkAgainstScratch(m, volume, [...allSingles(m), ...paired]);
        closed += run.closed;
        incremental += run.incremental;
      }),
      { numRuns: 120, seed: 20261207 },
    );
    expect(closed).toBeGreaterThan(1000);
    expect(incremental).toBeGreaterThan(100);
  });
});

describe('failures in closed form equal the incremental update on generated designs', () => {
  const intent = IntentSchema.parse(smallRetail('retail 40', 37));
  for (const family of ['hybrid', 'tree', 'dual-hub', 'partial-mesh', 'hub-spoke'] as const) {
    it(`${family}: every failure a HIGH design must survive`, () => {
      const t = buildTopology(intent, family, 1);
      const g = compileTopology(t);
      const engine = new RoutingEngine(g, explicitTraffic(g, designDemands(t, g, intent).demands));
      const masks = failureCases(t, g, CLASS_FAILURES.HIGH).map((f) => failureMasks(g, f.nodes, f.links));
      const run = checkAgainstIncremental(g, engine, masks);
      expect(run.closed).toBeGreaterThan(0);
    });
  }
});

describe('a meshed design whose closed-form answers walk long unit flows goes to the incremental update', () => {
  it('partial mesh of 120 sites: after the trial answers most pairs are incremental, the loads still equal the update', () => {
    const intent = IntentSchema.parse(retailChain(120, 'HIGH', 'cost'));
    const t = buildTopology(intent, 'partial-mesh', 1);
    const g = compileTopology(t);
    const engine = new RoutingEngine(g, explicitTraffic(g, designDemands(t, g, intent).demands));
    const masks = failureCases(t, g, CLASS_FAILURES.HIGH).map((f) => failureMasks(g, f.nodes, f.links));
    const run = checkAgainstIncremental(g, engine, masks);
    // Each failure's first 16 answers are a trial (CLOSED_TRIAL); past it, the mesh's long flows send
    // the rest to the update (8.7k closed, 23.7k incremental); without the walk rule 13.6k and 18.8k.
    expect(run.closed).toBeGreaterThan(0);
    expect(run.closed).toBeLessThan(run.incremental / 2);
  });
});
