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

/**
 * The classes by their definitions (docs/planning-model.md), by removing every
 * element and every pair of elements and looking at which sites survive and
 * whether one component still holds a device of each of them. Elements:
 * links, devices, and the shared-risk group conduit:x when it has two or more links.
 */
function bruteForce(t: Topology): { none: boolean; standard: boolean; high: boolean; critical: boolean } {
  const g = compileTopology(t);
  const n = g.nodeIds.length;
  const m = g.linkIds.length;
  const siteOf = g.nodeIds.map((id) => id.split('/')[0]!);
  const sites = [...new Set(siteOf)];
  const important = new Set(t.sites.filter((s) => s.role === 'hq' || s.role === 'datacenter').map((s) => s.id));
  type El = { nodes: number[]; links: number[] };
  const elements: El[] = [];
  for (let e = 0; e < m; e++) elements.push({ nodes: [], links: [e] });
  for (let v = 0; v < n; v++) elements.push({ nodes: [v], links: [] });
  const conduit = [...Array(m).keys()].filter((e) => t.links[g.linkOrigin[e]!]!.srlgs.includes('conduit:x'));
  if (conduit.length >= 2) elements.push({ nodes: [], links: conduit });
  /** Surviving sites, and the sites of each component. */
  const after = (els: El[]) => {
    const fn = new Uint8Array(n);
    const fl = new Uint8Array(m);
    for (const el of els) {
      for (const v of el.nodes) fn[v] = 1;
      for (const e of el.links) fl[e] = 1;
    }
    const r = connectedComponents(g, fn, fl);
    const bySite = new Map<string, Set<number>>();
    siteOf.forEach((s, v) => {
      if (fn[v] === 1) return;
      const set = bySite.get(s) ?? new Set<number>();
      set.add(r.componentOf[v]!);
      bySite.set(s, set);
    });
    const sizes = r.sizes;
    const sitesIn = sizes.map((_, c) => [...bySite.values()].filter((set) => set.has(c)).length);
    return { bySite, sitesIn, sizes };
  };
  const connected = (els: El[]): boolean => {
    const { bySite, sitesIn } = after(els);
    return bySite.size <= 1 || sitesIn.some((k) => k === bySite.size);
  };
  const none = connectedComponents(g).count <= 1;
  // STANDARD: after any single link or conduit failure, every important site has a device in the component
  // holding every site, or else in the one holding the most sites (then devices); a tie leaves every site cut off.
  let standard = none;
  for (const el of elements.filter((x) => x.nodes.length === 0)) {
    if (!standard) break;
    const { bySite, sitesIn, sizes } = after([el]);
    if (sizes.length <= 1 || sitesIn.some((k) => k === bySite.size)) continue;
    const key = (c: number) => sitesIn[c]! * 1e6 + sizes[c]!;
    const best = Math.max(...sizes.map((_, c) => key(c)));
    const mains = sizes.map((_, c) => c).filter((c) => key(c) === best);
    for (const s of important) {
      const comps = bySite.get(s);
      if (comps && (mains.length > 1 || !comps.has(mains[0]!))) standard = false;
    }
  }
  const devicesAt = (s: string) => siteOf.filter((x) => x === s).length;
  let high = standard && n >= 2 && [...important].every((s) => !sites.includes(s) || devicesAt(s) >= 2);
  for (const el of elements) if (high && !connected([el])) high = false;
  let critical = high && sites.length >= 2;
  for (let i = 0; i < elements.length && critical; i++) {
    for (let j = i + 1; j < elements.length && critical; j++) if (!connected([elements[i]!, elements[j]!])) critical = false;
  }
  for (const s of sites) {
    if (!critical) break;
    if (!connected([{ nodes: siteOf.flatMap((x, v) => (x === s ? [v] : [])), links: [] }])) critical = false;
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
