import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSndlib, sndlibDemands, sndlibTopology } from '../../../src-shared/io/sndlib';
import { compileTopology } from '../../../src-shared/sim/csr';
import { tmAccuracy } from '../../../src-shared/traffic/accuracy';
import { estimateTrafficMatrix, TM_METHODS } from '../../../src-shared/traffic/estimate';
import { routeLoads, routingMatrix, type RoutingMatrix } from '../../../src-shared/traffic/routing-matrix';
import { topo } from '../sim/helpers';

/** Node totals (entering / leaving) of a matrix given per pair. */
function totals(a: RoutingMatrix, x: Float64Array): { origin: Float64Array; destination: Float64Array } {
  const origin = new Float64Array(a.nodes);
  const destination = new Float64Array(a.nodes);
  for (let p = 0; p < x.length; p++) {
    origin[a.src[p]!]! += x[p]!;
    destination[a.dst[p]!]! += x[p]!;
  }
  return { origin, destination };
}

describe('routing matrix', () => {
  it('splits a pair evenly over equal-cost paths and keeps directions apart', () => {
    // Square 0-1-2-3-0: 0→2 has two equal paths (via 1 and via 3).
    const g = compileTopology(topo(4, [[0, 1], [1, 2], [2, 3], [3, 0]]));
    const a = routingMatrix(g);
    expect(a.src.length).toBe(12);
    const p = a.pairIndex[0 * 4 + 2]!;
    const col = new Map<number, number>();
    for (let j = a.colOff[p]!; j < a.colOff[p + 1]!; j++) col.set(a.rows[j]!, a.vals[j]!);
    // e0 0→1 (slot 0), e1 1→2 (slot 2), e2 2→3 reversed = 3→2 (slot 5), e3 3→0 reversed = 0→3 (slot 7).
    expect(Object.fromEntries(col)).toEqual({ 0: 0.5, 2: 0.5, 5: 0.5, 7: 0.5 });
    expect(a.slotFrom[5]).toBe(3);
    expect(a.slotTo[5]).toBe(2);
  });

  it('follows IGP weights: a costly link carries nothing', () => {
    const g = compileTopology(topo(3, [[0, 1, 1], [1, 2, 1], [0, 2, 10]]));
    const a = routingMatrix(g);
    const x = new Float64Array(a.src.length);
    x[a.pairIndex[0 * 3 + 2]!] = 7;
    const y = routeLoads(a, x);
    expect(Array.from(y)).toEqual([7, 0, 7, 0, 0, 0]);
  });
});

describe('traffic-matrix estimation', () => {
  it('recovers an identifiable matrix exactly (full mesh: every pair has its own link)', () => {
    const edges: [number, number][] = [];
    for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) edges.push([i, j]);
    const a = routingMatrix(compileTopology(topo(4, edges)));
    const truth = Float64Array.from({ length: a.src.length }, (_, p) => 1 + ((p * 7) % 5));
    const loads = routeLoads(a, truth);
    for (const method of ['tomogravity', 'nnls'] as const) {
      const est = estimateTrafficMatrix(a, { loads, ...totals(a, truth) }, method, { nnlsIterations: 3000, tolerance: 1e-10 });
      for (let p = 0; p < truth.length; p++) expect(est.x[p]).toBeCloseTo(truth[p]!, 3);
      expect(est.fitError).toBeLessThan(1e-4);
    }
    // Gravity alone cannot: this matrix is not of product form.
    const g = estimateTrafficMatrix(a, { loads, ...totals(a, truth) }, 'gravity');
    expect(tmAccuracy(truth, g.x).relL2).toBeGreaterThan(0.1);
  });

  it('tomogravity recovers a product-form (gravity) matrix from its loads and totals', () => {
    const a = routingMatrix(compileTopology(topo(5, [[0, 1], [1, 2], [2, 3], [3, 4], [4, 0], [0, 2]])));
    const out = [3, 1, 4, 1, 5];
    const inn = [2, 7, 1, 8, 2];
    const sumIn = inn.reduce((s, v) => s + v, 0);
    const truth = Float64Array.from({ length: a.src.length }, (_, p) => (out[a.src[p]!]! * inn[a.dst[p]!]!) / sumIn);
    const loads = routeLoads(a, truth);
    const { origin, destination } = totals(a, truth);
    // Totals of a product matrix without its diagonal are not O·I/ΣI exactly; give the gravity the true masses.
    const grav = estimateTrafficMatrix(a, { loads, origin, destination }, 'tomogravity', { tolerance: 1e-10 });
    expect(tmAccuracy(truth, grav.x).relL2).toBeLessThan(0.02);
    expect(grav.fitError).toBeLessThan(1e-6);
  });

  it('honours known demands exactly and fits the rest', () => {
    const a = routingMatrix(compileTopology(topo(4, [[0, 1], [1, 2], [2, 3], [3, 0], [0, 2]])));
    const truth = Float64Array.from({ length: a.src.length }, (_, p) => 2 + (p % 3));
    const loads = routeLoads(a, truth);
    const known = [{ s: 0, t: 3, volume: truth[a.pairIndex[3]!]! }, { s: 2, t: 1, volume: 9.5 }];
    for (const method of TM_METHODS) {
      const est = estimateTrafficMatrix(a, { loads, ...totals(a, truth), known }, method);
      expect(est.x[a.pairIndex[0 * 4 + 3]!]).toBe(known[0]!.volume);
      expect(est.x[a.pairIndex[2 * 4 + 1]!]).toBe(9.5);
      for (const v of est.x) expect(v).toBeGreaterThanOrEqual(0);
    }
  });

  it('reports measured vs fitted per measured link and skips unmeasured ones', () => {
    const a = routingMatrix(compileTopology(topo(3, [[0, 1], [1, 2]])));
    const truth = Float64Array.from({ length: a.src.length }, () => 1);
    const loads = routeLoads(a, truth);
    loads[3] = Number.NaN;
    const est = estimateTrafficMatrix(a, { loads }, 'tomogravity', { tolerance: 1e-10 });
    expect(est.fit.map((f) => f.slot)).toEqual([0, 1, 2]);
    for (const f of est.fit) expect(f.fitted).toBeCloseTo(f.measured, 6);
    expect(est.notes.join(' ')).toMatch(/no complete edge totals/);
  });

  it('rejects loads that do not match the design and known demands routing cannot carry', () => {
    const a = routingMatrix(compileTopology(topo(3, [[0, 1]])));
    expect(() => estimateTrafficMatrix(a, { loads: new Float64Array(3) }, 'gravity')).toThrow(/3 values for 2 directed links/);
    expect(() => estimateTrafficMatrix(a, { loads: new Float64Array(2), known: [{ s: 0, t: 2, volume: 1 }] }, 'gravity')).toThrow(
      /does not connect/,
    );
  });

  it('on the West-Europe matrix (ours), tomogravity and NNLS beat gravity and fit the loads', () => {
    const net = parseSndlib(readFileSync('test/fixtures/sim/westeurope.sndlib.txt', 'utf8'));
    const g = compileTopology(sndlibTopology(net));
    const a = routingMatrix(g);
    const truth = new Float64Array(a.src.length);
    for (const d of sndlibDemands(net)) {
      const p = a.pairIndex[g.nodeIndex.get(d.source)! * a.nodes + g.nodeIndex.get(d.target)!]!;
      truth[p]! += d.volume;
    }
    expect(truth.filter((v) => v > 0).length).toBeGreaterThan(5);
    const m = { loads: routeLoads(a, truth), ...totals(a, truth) };
    const err = Object.fromEntries(TM_METHODS.map((k) => [k, estimateTrafficMatrix(a, m, k)]));
    const acc = (k: string): number => tmAccuracy(truth, err[k]!.x).relL2;
    expect(acc('tomogravity')).toBeLessThan(acc('gravity'));
    expect(acc('nnls')).toBeLessThan(acc('gravity'));
    expect(err.tomogravity!.fitError).toBeLessThan(1e-3);
    expect(err.nnls!.fitError).toBeLessThan(0.05);
  });
});
