import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileTopology, type CompiledGraph } from '../../../src-shared/sim/csr';
import { ImpactEvaluator, IMPACT_FIELDS } from '../../../src-shared/sim/impact';
import { DestinationDelta, SlotDelta } from '../../../src-shared/sim/incremental';
import { LatencyDelta, StretchSink } from '../../../src-shared/sim/latency';
import { failureMasks, mayTouch, RoutingEngine } from '../../../src-shared/sim/routing';
import { n1Scenarios, type FailureSpec } from '../../../src-shared/sim/sweep';
import { gravityTraffic, uniformTraffic, type TrafficMatrix } from '../../../src-shared/sim/traffic';
import { TwinReplay } from '../../../src-shared/sim/twin-replay';
import { TopologySchema, type Topology } from '../../../src-shared/model/topology';

/**
 * Twin destinations (twin-replay.ts): routers with the same neighbours and
 * weights, answered from a twin's repair. Checked against every destination
 * repaired on its own — every field of every single failure and of double
 * failures that hit a twin's uplink (the swap no longer leaves the failure
 * alone), and, destination by destination, every directed link's load
 * change and the multiset of stretch ratios (the fields read only the
 * largest utilisations, so an uplink's load would otherwise go unchecked).
 * Random designs: a core ring with chords, groups of twins on two or three
 * core routers with one weight per group and a latency per twin, uplinks
 * light enough to make twins transit routers (which must then be repaired),
 * uniform and gravity traffic with equal and unequal masses in a group.
 */
type Edge = [number, number, number, number]; // a, b, IGP weight, latency ms

function topology(n: number, edges: readonly Edge[]): Topology {
  return TopologySchema.parse({
    nodes: Array.from({ length: n }, (_, i) => ({ id: String(i), name: `n${i}`, role: 'router' })),
    links: edges.map(([a, b, w, lat], i) => ({ id: `e${i}`, source: String(a), target: String(b), igpWeight: w, latencyMs: lat, capacityGbps: 1 + (i % 7) })),
  });
}

const design = fc.integer({ min: 3, max: 7 }).chain((core) =>
  fc.record({
    core: fc.constant(core),
    ring: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: core, maxLength: core }),
    chords: fc.array(fc.tuple(fc.nat(core - 1), fc.nat(core - 1), fc.integer({ min: 1, max: 9 })), { maxLength: 3 }),
    groups: fc.array(
      fc.record({
        ends: fc.uniqueArray(fc.nat(core - 1), { minLength: 1, maxLength: 3 }),
        weight: fc.integer({ min: 1, max: 9 }),
        size: fc.integer({ min: 2, max: 5 }),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    lat: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 32, maxLength: 32 }),
    mass: fc.array(fc.constantFrom(1, 1, 1, 2, 0), { minLength: 64, maxLength: 64 }),
    gravity: fc.boolean(),
  }),
);

function build(d: { core: number; ring: number[]; chords: [number, number, number][]; groups: { ends: number[]; weight: number; size: number }[]; lat: number[] }): { t: Topology; twinsOf: number[][] } {
  const edges: Edge[] = [];
  for (let i = 0; i < d.core; i++) edges.push([i, (i + 1) % d.core, d.ring[i]!, 2]);
  for (const [a, b, w] of d.chords) if (a !== b) edges.push([a, b, w, 3]);
  let n = d.core;
  const twinsOf: number[][] = [];
  for (const grp of d.groups) {
    const members: number[] = [];
    for (let j = 0; j < grp.size; j++) {
      const v = n++;
      members.push(v);
      for (const e of grp.ends) edges.push([v, e, grp.weight, d.lat[v % 32]!]);
    }
    twinsOf.push(members);
  }
  return { t: topology(n, edges), twinsOf };
}

function scenarios(g: CompiledGraph, twinsOf: number[][]): FailureSpec[] {
  const specs = n1Scenarios(g);
  // A twin's uplink with a core link: the swap of that twin with another no longer leaves the failure alone.
  for (const members of twinsOf) {
    const v = members[0]!;
    const up = g.edgeLink[g.offsets[v]!]!;
    specs.push({ nodes: [], links: [up, 0] }, { nodes: [members[1]!], links: [1 % g.linkIds.length] });
  }
  return specs;
}

function traffic(g: CompiledGraph, gravity: boolean, mass: number[]): TrafficMatrix {
  return gravity ? gravityTraffic(g, Float64Array.from({ length: g.nodeIds.length }, (_, i) => mass[i % 64]!)) : uniformTraffic(g);
}

const close = (x: number, y: number): boolean => x === y || Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x));

describe('twin destinations answered from a twin', () => {
  it('give every field of every scenario as each destination repaired alone', () => {
    let replayed = 0;
    fc.assert(
      fc.property(design, (d) => {
        const { t, twinsOf } = build(d);
        const g = compileTopology(t);
        const tm = traffic(g, d.gravity, d.mass);
        const plain = new ImpactEvaluator(new RoutingEngine(g, tm), undefined, undefined, false);
        const twins = new ImpactEvaluator(new RoutingEngine(g, tm));
        const specs = scenarios(g, twinsOf);
        const F = IMPACT_FIELDS.length;
        const a = new Float64Array(F * specs.length);
        const b = new Float64Array(F * specs.length);
        // Blocks of 5 as the sweep runs them (each scenario keeps its own twin log).
        for (let i = 0; i < specs.length; i += 5) {
          const blk = specs.slice(i, i + 5);
          const ats = blk.map((_, j) => (i + j) * F);
          plain.evaluateBlock(blk, a, ats);
          twins.evaluateBlock(blk, b, ats);
        }
        for (let k = 0; k < specs.length; k++) {
          for (let j = 0; j < F; j++) {
            const x = a[k * F + j]!;
            const y = b[k * F + j]!;
            if (!close(x, y)) expect(y, `${JSON.stringify(specs[k])}: ${IMPACT_FIELDS[j]}`).toBe(x);
          }
        }
        replayed += twins.twinCounts?.replayed ?? 0;
      }),
      { numRuns: 150, seed: 18 },
    );
    expect(replayed).toBeGreaterThan(1000);
  });

  it('adds each twin the load change and stretch ratios of its own repair, link by link', () => {
    let pairs = 0;
    let refused = 0;
    fc.assert(
      fc.property(design, (d) => {
        const { t, twinsOf } = build(d);
        const g = compileTopology(t);
        const tm = traffic(g, d.gravity, d.mass);
        const engine = new RoutingEngine(g, tm);
        const ev = new ImpactEvaluator(engine, undefined, undefined, false);
        const dests = engine.destinationNodes;
        const tw = TwinReplay.build(g, tm, dests, () => true);
        if (tw === null) return;
        const ch = new DestinationDelta(g, tm);
        const lat = new LatencyDelta(g, true);
        const idx = (v: number): number => dests.indexOf(v);
        for (const spec of scenarios(g, twinsOf)) {
          const f = failureMasks(g, spec.nodes, spec.links);
          for (const members of twinsOf) {
            const s = members[0]!;
            if (idx(s) < 0 || f.nodes[s] === 1) continue;
            const stS = engine.destinationState(idx(s));
            if (!mayTouch(g, stS.dist, f)) continue;
            const cls = tw.classOf[idx(s)]!;
            if (cls < 0) continue; // its twins send nothing (gravity mass 0): no destination to share with
            tw.startBlock(1);
            const logged = tw.begin(0, cls, s, f, ch);
            const scratch = new SlotDelta(engine.slots);
            const sinkS = new StretchSink();
            if (!ch.apply(s, stS, f, scratch, true)) {
              if (logged) tw.nothing(0, ch);
              continue;
            }
            const baseS = ev.latencyOf(idx(s), stS).slice();
            lat.run(s, stS, baseS, ch, f, tm, sinkS);
            if (logged) tw.end(0, ch, lat, baseS);
            ch.finish();
            for (const v of members.slice(1)) {
              if (idx(v) < 0) continue;
              const replayed = new SlotDelta(engine.slots);
              const sinkR = new StretchSink();
              const baseT = ev.latencyOf(idx(v), engine.destinationState(idx(v))).slice();
              const r = tw.replay(0, cls, v, f, replayed, sinkR, baseT);
              if (r === 0) {
                refused++;
                continue;
              }
              pairs++;
              const stT = engine.destinationState(idx(v));
              const direct = new SlotDelta(engine.slots);
              const sinkD = new StretchSink();
              expect(ch.apply(v, stT, f, direct, true), 'touched like its twin').toBe(r === 2);
              if (r === 2) lat.run(v, stT, baseT, ch, f, tm, sinkD);
              ch.finish();
              for (let x = 0; x < direct.value.length; x++) {
                if (!close(direct.value[x]!, replayed.value[x]!)) expect(replayed.value[x], `${JSON.stringify(spec)} toward ${v} (twin of ${s}): slot ${x}`).toBe(direct.value[x]);
              }
              expect(sinkR.unchanged, `${JSON.stringify(spec)} toward ${v}: unchanged`).toBe(sinkD.unchanged);
              const want = [...sinkD.changed.subarray(0, sinkD.count)].sort((p, q) => p - q);
              const got = [...sinkR.changed.subarray(0, sinkR.count)].sort((p, q) => p - q);
              expect(got.length, `${JSON.stringify(spec)} toward ${v}: changed ratios`).toBe(want.length);
              want.forEach((w, j) => {
                if (!close(w, got[j]!)) expect(got[j], `${JSON.stringify(spec)} toward ${v}: ratio ${j}`).toBe(w);
              });
            }
          }
        }
      }),
      { numRuns: 150, seed: 29 },
    );
    expect(pairs).toBeGreaterThan(1000);
    // Refused: a twin a transit router (light uplinks), the failure on a twin, masses unequal under gravity.
    expect(refused).toBeGreaterThan(0);
  });
});
