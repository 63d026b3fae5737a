import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Topology } from '../../../src-shared/model/topology';
import { compileTopology } from '../../../src-shared/sim/csr';
import { connectedComponents } from '../../../src-shared/sim/connectivity';
import { indexDesign } from '../../../src-shared/validate/design-index';
import { assessRedundancy } from '../../../src-shared/validate/redundancy';
import { validateDesign } from '../../../src-shared/validate/validate';

const ROLES = ['hq', 'datacenter', 'branch', 'branch'] as const;

/** Random small designs: 2–5 sites of 1–2 devices, random links, some sharing a custom SRLG. */
const designs = fc
  .record({
    perSite: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 2, maxLength: 5 }),
    roles: fc.array(fc.constantFrom(...ROLES), { minLength: 5, maxLength: 5 }),
    raw: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { minLength: 1, maxLength: 16 }),
  })
  .map(({ perSite, roles, raw }): Topology => {
    const devices = perSite.flatMap((k, s) => Array.from({ length: k }, (_, d) => `s${s}/d${d}`));
    const n = devices.length;
    return {
      formatVersion: 1,
      name: 'random',
      sites: perSite.map((_, s) => ({ id: `s${s}`, name: `s${s}`, role: roles[s]!, region: 'r' })),
      nodes: devices.map((id) => ({ id, name: id, role: 'router', site: id.split('/')[0]!, ports: 48 })),
      links: raw
        .map(([a, b, shared]) => [a % n, b % n, shared] as const)
        .filter(([a, b]) => a !== b)
        .map(([a, b, shared], i) => ({
          id: `e${i}`, source: devices[a]!, target: devices[b]!, capacityGbps: 10, igpWeight: 1, latencyMs: 1,
          srlgs: shared ? ['conduit:x'] : [],
        })),
    };
  });

/** The classes by definition, by removing things and counting components. */
function bruteForce(t: Topology): { none: boolean; standard: boolean; high: boolean; critical: boolean } {
  const g = compileTopology(t);
  const n = g.nodeIds.length;
  const m = g.linkIds.length;
  const parts = (fn?: Uint8Array, fl?: Uint8Array) => connectedComponents(g, fn, fl);
  const none = parts().count <= 1;
  const noLinks = new Uint8Array(m);
  const siteOf = t.nodes.map((d) => d.site!);
  const important = new Set(t.sites.filter((s) => s.role === 'hq' || s.role === 'datacenter').map((s) => s.id));
  let standard = none;
  let high = none;
  for (let e = 0; e < m && none; e++) {
    noLinks[e] = 1;
    const r = parts(undefined, noLinks);
    noLinks[e] = 0;
    if (r.count <= 1) continue;
    high = false;
    // The smaller side is cut off; with equal halves, both are.
    const sizes = r.sizes;
    const small = sizes[0]! < sizes[1]! ? 0 : sizes[1]! < sizes[0]! ? 1 : -1;
    for (const s of important) {
      const comps = new Set(t.nodes.map((d, v) => (siteOf[v] === s ? r.componentOf[v] : -2)).filter((c) => c !== -2));
      if (comps.size !== 1) continue;
      const c = [...comps][0]!;
      if (small === -1 || c === small) standard = false;
    }
  }
  const noNodes = new Uint8Array(n);
  for (let v = 0; v < n && high; v++) {
    noNodes[v] = 1;
    if (parts(noNodes).count > 1) high = false;
    noNodes[v] = 0;
  }
  let critical = high && standard;
  for (let e = 0; e < m && critical; e++) {
    for (let f = e + 1; f < m && critical; f++) {
      noLinks[e] = noLinks[f] = 1;
      if (parts(undefined, noLinks).count > 1) critical = false;
      noLinks[e] = noLinks[f] = 0;
    }
  }
  for (const s of t.sites) {
    if (!critical) break;
    t.nodes.forEach((d, v) => (noNodes[v] = d.site === s.id ? 1 : 0));
    if (parts(noNodes).count > 1) critical = false;
  }
  noNodes.fill(0);
  if (critical) {
    t.links.forEach((l, e) => (noLinks[e] = l.srlgs.includes('conduit:x') ? 1 : 0));
    if (parts(undefined, noLinks).count > 1) critical = false;
  }
  return { none, standard, high, critical };
}

describe('redundancy classes against their definitions (brute force)', () => {
  it('agree on random small multi-device designs with a shared conduit', () => {
    fc.assert(
      fc.property(designs, (t) => {
        const want = bruteForce(t);
        const got = assessRedundancy(indexDesign(t)).levels;
        expect(got.NONE.passed).toBe(want.none);
        expect(got.STANDARD.passed).toBe(want.standard);
        expect(got.HIGH.passed).toBe(want.high);
        expect(got.CRITICAL.passed).toBe(want.critical);
      }),
      { numRuns: 400 },
    );
  });

  it('verdicts and figures do not depend on the order of devices and links', () => {
    fc.assert(
      fc.property(designs, fc.integer(), (t, salt) => {
        const shuffle = <T>(xs: T[]): T[] =>
          xs.map((x, i) => ({ x, k: Math.imul(i + 1, 2654435761 ^ salt) >>> 0 })).sort((a, b) => a.k - b.k).map((p) => p.x);
        const u: Topology = { ...t, nodes: shuffle(t.nodes), links: shuffle(t.links) };
        const a = validateDesign(t);
        const b = validateDesign(u);
        expect([b.score, b.passed, b.redundancyAchieved, b.metrics]).toEqual([a.score, a.passed, a.redundancyAchieved, a.metrics]);
      }),
      { numRuns: 200 },
    );
  });
});
