import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Topology } from '../../../src-shared/model/topology';
import { indexDesign } from '../../../src-shared/validate/design-index';
import { forEachSitePair } from '../../../src-shared/validate/paths';

/** Random designs: up to 6 sites with 1–3 devices each, random links with random latencies. */
const designs = fc
  .array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 6 })
  .chain((perSite) => {
    const devices = perSite.flatMap((k, s) => Array.from({ length: k }, (_, d) => `s${s}/d${d}`));
    const n = devices.length;
    return fc
      .array(
        fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 1, max: 50 })),
        { maxLength: 14 },
      )
      .map((raw): Topology => ({
        formatVersion: 1,
        name: 't',
        sites: perSite.map((_, s) => ({ id: `s${s}`, name: `s${s}`, role: 'branch', region: 'r' })),
        nodes: devices.map((id) => ({ id, name: id, role: 'router', site: id.split('/')[0]!, ports: 48 })),
        links: raw
          .filter(([a, b]) => a !== b)
          .map(([a, b, ms], i) => ({
            id: `e${i}`,
            source: devices[a]!,
            target: devices[b]!,
            capacityGbps: 10,
            igpWeight: 1,
            latencyMs: ms / 10,
            srlgs: [],
          })),
      }));
  });

/** Floyd–Warshall on device level, then min over site members. */
function bruteForce(t: Topology): Map<string, [number, number]> {
  const ids = t.nodes.map((d) => d.id);
  const n = ids.length;
  const idx = new Map(ids.map((id, i) => [id, i]));
  const hop = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : Infinity)));
  const lat = hop.map((r) => [...r]);
  for (const l of t.links) {
    const a = idx.get(l.source)!;
    const b = idx.get(l.target)!;
    hop[a]![b] = hop[b]![a] = 1;
    lat[a]![b] = lat[b]![a] = Math.min(lat[a]![b]!, l.latencyMs);
  }
  for (let k = 0; k < n; k++)
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        hop[i]![j] = Math.min(hop[i]![j]!, hop[i]![k]! + hop[k]![j]!);
        lat[i]![j] = Math.min(lat[i]![j]!, lat[i]![k]! + lat[k]![j]!);
      }
  const out = new Map<string, [number, number]>();
  const sites = t.sites.map((s) => s.id);
  for (let s = 0; s < sites.length; s++)
    for (let u = s + 1; u < sites.length; u++) {
      let h = Infinity;
      let l = Infinity;
      ids.forEach((a, i) =>
        ids.forEach((b, j) => {
          if (a.startsWith(`${sites[s]}/`) && b.startsWith(`${sites[u]}/`)) {
            h = Math.min(h, hop[i]![j]!);
            l = Math.min(l, lat[i]![j]!);
          }
        }),
      );
      out.set(`${s},${u}`, [h, l]);
    }
  return out;
}

describe('site-pair distances (cover trick)', () => {
  it.each([
    ['all rows cached', undefined],
    ['a one-row cache (evicting all the time)', 1],
  ])('match Floyd–Warshall on random multi-device designs (%s)', (_label, maxRowEntries) => {
    fc.assert(
      fc.property(designs, (t) => {
        const got = new Map<string, [number, number]>();
        forEachSitePair(indexDesign(t), (s, u, h, ms) => got.set(`${s},${u}`, [h, ms]), maxRowEntries);
        const want = bruteForce(t);
        expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
        for (const [k, [h, l]] of want) {
          const [gh, gl] = got.get(k)!;
          expect(gh).toBe(h);
          if (Number.isFinite(l)) expect(gl).toBeCloseTo(l, 9);
          else expect(gl).toBe(Infinity);
        }
      }),
      { numRuns: 300 },
    );
  });
});
