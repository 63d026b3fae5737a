import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src-shared/lib/rng';
import { compileTopology } from '../../../src-shared/sim/csr';
import { deliverableVolume, explicitTraffic, explicitTrafficColumns } from '../../../src-shared/sim/traffic';
import { topo } from './helpers';

/**
 * The explicit matrix as it was built before the dense path (per-destination
 * Maps, rows by first appearance): the reference every figure must equal bit
 * for bit — totals, per-pair sums and the order forEachDemand walks.
 */
function reference(demands: readonly { s: number; t: number; volume: number }[]): { total: number; list: [number, number, number][] } {
  const byDest = new Map<number, Map<number, number>>();
  let total = 0;
  for (const d of demands) {
    if (d.s === d.t || !(d.volume > 0)) continue;
    const row = byDest.get(d.t) ?? new Map<number, number>();
    byDest.set(d.t, row);
    row.set(d.s, (row.get(d.s) ?? 0) + d.volume);
    total += d.volume;
  }
  const list: [number, number, number][] = [];
  for (const [t, row] of byDest) for (const [s, v] of row) list.push([s, t, v]);
  return { total, list };
}

describe('explicit traffic matrices', () => {
  const n = 30;
  const g = compileTopology(topo(n, Array.from({ length: n }, (_, i) => [i, (i + 1) % n] as const)));
  // Repeated pairs (summed in order), self demands, zero and negative volumes, volumes of very different sizes.
  const r = mulberry32(7);
  const demands = Array.from({ length: 2500 }, () => {
    const s = Math.floor(r() * n);
    const t = r() < 0.05 ? s : Math.floor(r() * n);
    const k = r();
    return { s, t, volume: k < 0.05 ? 0 : k < 0.08 ? -1 : r() * 10 ** Math.floor(r() * 6 - 3) };
  });
  const ref = reference(demands);

  it('built from columns, equals the Map-built matrix: total, every pair, the walk order', () => {
    const cols = { s: Int32Array.from(demands, (d) => d.s), t: Int32Array.from(demands, (d) => d.t), volume: Float64Array.from(demands, (d) => d.volume) };
    for (const m of [explicitTraffic(g, demands), explicitTrafficColumns(g, cols)]) {
      expect(m.totalVolume).toBe(ref.total);
      const walked: [number, number, number][] = [];
      m.forEachDemand!((s, t, v) => walked.push([s, t, v]));
      expect(walked).toEqual(ref.list);
      const want = new Map(ref.list.map(([s, t, v]) => [`${s} ${t}`, v]));
      for (let s = 0; s < n; s++) {
        for (let t = 0; t < n; t++) {
          expect(m.demand(s, t)).toBe(want.get(`${s} ${t}`) ?? 0);
          if (m.byDestination !== undefined) expect(m.byDestination[t * n + s]).toBe(want.get(`${s} ${t}`) ?? 0);
        }
      }
      for (let t = 0; t < n; t++) expect(m.receives(t)).toBe(ref.list.some((x) => x[1] === t));
    }
  });

  it('deliverable volume over the columns adds the same terms in the same order', () => {
    const m = explicitTraffic(g, demands);
    const componentOf = Int32Array.from({ length: n }, (_, v) => (v % 7 === 0 ? -1 : v % 3));
    let want = 0;
    for (const [s, t, v] of ref.list) if (componentOf[s]! >= 0 && componentOf[s] === componentOf[t]) want += v;
    expect(deliverableVolume(m, componentOf, 3)).toBe(want);
  });

  it('columns with an index that is not a node, anywhere (even a self or zero demand), give the Map-built matrix', () => {
    const cols = (list: readonly { s: number; t: number; volume: number }[]) => ({
      s: Int32Array.from(list, (d) => d.s),
      t: Int32Array.from(list, (d) => d.t),
      volume: Float64Array.from(list, (d) => d.volume),
    });
    const cases = [
      [...demands.slice(0, 700), { s: n + 3, t: 1, volume: 2 }, ...demands.slice(700, 1400)], // mid-way, after dense rows began
      [...demands.slice(0, 300), { s: n + 1, t: n + 1, volume: 5 }], // a self demand: not counted, still not a node
      [{ s: 2, t: -1, volume: 0 }, ...demands.slice(0, 300)], // zero volume, first
    ];
    for (const odd of cases) {
      const m = explicitTrafficColumns(g, cols(odd));
      expect(m.byDestination).toBeUndefined();
      const want = reference(odd);
      expect(m.totalVolume).toBe(want.total);
      const got: [number, number, number][] = [];
      m.forEachDemand!((s, t, v) => got.push([s, t, v]));
      expect(got).toEqual(want.list);
    }
    // In range everywhere: the dense table.
    expect(explicitTrafficColumns(g, cols(demands)).byDestination).toBeDefined();
  });

  it('an index that is not a node keeps the Map-built matrix (and its demands)', () => {
    const odd = [...demands.slice(0, 50), { s: n + 3, t: 1, volume: 2 }];
    const m = explicitTraffic(g, odd);
    expect(m.byDestination).toBeUndefined();
    expect(m.demand(n + 3, 1)).toBe(2);
    expect(m.totalVolume).toBe(reference(odd).total);
  });
});
