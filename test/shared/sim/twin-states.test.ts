import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TopologySchema, type Topology } from '../../../src-shared/model/topology';
import { compileTopology, type CompiledGraph } from '../../../src-shared/sim/csr';
import { ImpactEvaluator, IMPACT_FIELDS } from '../../../src-shared/sim/impact';
import { SlotDelta } from '../../../src-shared/sim/incremental';
import { failureMasks, RoutingEngine } from '../../../src-shared/sim/routing';
import { compactBaselineBytes, newSharedBaseline, SharedBaseline, sharedBaselineBytes } from '../../../src-shared/sim/shared-baseline';
import { n1Scenarios } from '../../../src-shared/sim/sweep';
import { gravityTraffic, uniformTraffic, type TrafficMatrix } from '../../../src-shared/sim/traffic';
import { TwinStates } from '../../../src-shared/sim/twin-states';

/**
 * A compact shared baseline (shared-baseline.ts, twin-states.ts): when every
 * destination's state would not fit, a twin's state is its class leader's
 * relabelled. Checked against an engine that routes every destination itself:
 * distances and DAGs bit for bit, through-flows, baseline loads, every N-1
 * failure's load change and every impact field within rounding (1e-12 /
 * 1e-9). Random designs: a core ring with chords and unequal weights, groups
 * of 2–5 twins on one to three core routers (one weight per group, a
 * latency per twin), uniform and gravity traffic with equal, unequal and zero
 * masses.
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
    groups: fc.array(fc.record({ ends: fc.uniqueArray(fc.nat(core - 1), { minLength: 1, maxLength: 3 }), weight: fc.integer({ min: 1, max: 9 }), size: fc.integer({ min: 2, max: 5 }) }), {
      minLength: 1,
      maxLength: 5,
    }),
    lat: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 32, maxLength: 32 }),
    mass: fc.array(fc.constantFrom(1, 1, 1, 2, 0), { minLength: 64, maxLength: 64 }),
    gravity: fc.boolean(),
  }),
);

function build(d: { core: number; ring: number[]; chords: [number, number, number][]; groups: { ends: number[]; weight: number; size: number }[]; lat: number[] }): CompiledGraph {
  const edges: Edge[] = [];
  for (let i = 0; i < d.core; i++) edges.push([i, (i + 1) % d.core, d.ring[i]!, 2]);
  for (const [a, b, w] of d.chords) if (a !== b) edges.push([a, b, w, 3]);
  let n = d.core;
  for (const grp of d.groups) {
    for (let j = 0; j < grp.size; j++) {
      const v = n++;
      for (const e of grp.ends) edges.push([v, e, grp.weight, d.lat[v % 32]!]);
    }
  }
  return compileTopology(topology(n, edges));
}

function traffic(g: CompiledGraph, gravity: boolean, mass: number[]): TrafficMatrix {
  return gravity ? gravityTraffic(g, Float64Array.from({ length: g.nodeIds.length }, (_, i) => mass[i % 64]!)) : uniformTraffic(g);
}

const close = (x: number, y: number, tol: number): boolean => x === y || Math.abs(x - y) <= tol * Math.max(1, Math.abs(x));

/** A compact buffer: every state would not fit (one byte short), the own states would. */
function compactBuffer(g: CompiledGraph): SharedArrayBuffer {
  const buf = newSharedBaseline(g, true, sharedBaselineBytes(g) - 8)!;
  expect(SharedBaseline.isCompact(buf)).toBe(true);
  return buf;
}

describe('twins kept once per class in a compact shared baseline', () => {
  it('give the states, baseline loads and every N-1 load change of routing each destination itself', () => {
    let twins = 0;
    fc.assert(
      fc.property(design, (d) => {
        const g = build(d);
        const tm = traffic(g, d.gravity, d.mass);
        const alone = new RoutingEngine(g, tm);
        const compact = new RoutingEngine(g, tm, undefined, undefined, compactBuffer(g));
        const ts = TwinStates.build(g, tm, alone.destinationNodes);
        if (ts === null) {
          expect(compact.cacheBytes).toBe(alone.cacheBytes);
          return;
        }
        twins += alone.destinationNodes.length - ts.own.length;
        expect(compact.cacheBytes).toBeLessThan(alone.cacheBytes);
        expect(compactBaselineBytes(g, ts.own.length)).toBeLessThan(sharedBaselineBytes(g));
        const bad: string[] = [];
        for (let s = 0; s < alone.slots; s++) if (!close(alone.baseLoad[s]!, compact.baseLoad[s]!, 1e-12)) bad.push(`base load ${s}`);
        for (let i = 0; i < alone.destinationNodes.length; i++) {
          const a = alone.destinationState(i);
          const b = compact.destinationState(i);
          const k = a.dagOff[a.dagOff.length - 1]!;
          for (let u = 0; u < a.dist.length; u++) {
            if (!Object.is(a.dist[u], b.dist[u])) bad.push(`dist ${i} ${u}`);
            if (!close(a.flow[u]!, b.flow[u]!, 1e-12)) bad.push(`flow ${i} ${u}`);
          }
          for (let u = 0; u <= a.dist.length; u++) if (a.dagOff[u] !== b.dagOff[u]) bad.push(`dagOff ${i} ${u}`);
          for (let j = 0; j < k; j++) if (a.slots[j] !== b.slots[j]) bad.push(`DAG ${i} ${j}`);
        }
        const da = new SlotDelta(alone.slots);
        const db = new SlotDelta(alone.slots);
        for (const spec of n1Scenarios(g)) {
          const f = failureMasks(g, spec.nodes, spec.links);
          da.reset();
          db.reset();
          alone.failureDelta(f, da);
          compact.failureDelta(f, db);
          for (let s = 0; s < alone.slots; s++) if (!close(da.value[s]!, db.value[s]!, 1e-12)) bad.push(`${JSON.stringify(spec)} slot ${s}`);
        }
        expect(bad.slice(0, 5)).toEqual([]);
      }),
      { numRuns: 150, seed: 30 },
    );
    expect(twins).toBeGreaterThan(300);
  });

  it('give every impact field of every N-1 scenario, in blocks as the sweep runs them', () => {
    fc.assert(
      fc.property(design, (d) => {
        const g = build(d);
        const tm = traffic(g, d.gravity, d.mass);
        const plain = new ImpactEvaluator(new RoutingEngine(g, tm));
        const compact = new ImpactEvaluator(new RoutingEngine(g, tm, undefined, undefined, compactBuffer(g)));
        const specs = n1Scenarios(g);
        const F = IMPACT_FIELDS.length;
        const a = new Float64Array(F * specs.length);
        const b = new Float64Array(F * specs.length);
        for (let i = 0; i < specs.length; i += 5) {
          const blk = specs.slice(i, i + 5);
          const ats = blk.map((_, j) => (i + j) * F);
          plain.evaluateBlock(blk, a, ats);
          compact.evaluateBlock(blk, b, ats);
        }
        for (let j = 0; j < a.length; j++) if (!close(a[j]!, b[j]!, 1e-9)) expect(b[j], `${JSON.stringify(specs[Math.floor(j / F)])}: ${IMPACT_FIELDS[j % F]}`).toBe(a[j]);
      }),
      { numRuns: 100, seed: 31 },
    );
  });

  it('is not used without twins, nor when the own states would not fit the budget (each engine builds its own)', () => {
    // A ring: no twins.
    const ring = compileTopology(topology(6, Array.from({ length: 6 }, (_, i): Edge => [i, (i + 1) % 6, 1 + (i % 3), 2])));
    const buf = compactBuffer(ring);
    const e = new RoutingEngine(ring, uniformTraffic(ring), undefined, undefined, buf);
    expect(new Int32Array(buf, 0, 2)[0]).toBe(0); // nothing claimed
    expect(e.cacheBytes).toBe(new RoutingEngine(ring, uniformTraffic(ring)).cacheBytes);
    const g = build({ core: 3, ring: [1, 2, 3], chords: [], groups: [{ ends: [0, 1], weight: 2, size: 4 }], lat: Array<number>(32).fill(1) });
    const small = compactBuffer(g);
    new RoutingEngine(g, uniformTraffic(g), 100, undefined, small);
    expect(new Int32Array(small, 0, 2)[0]).toBe(0);
  });
});
