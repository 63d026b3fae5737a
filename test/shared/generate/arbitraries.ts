import fc from 'fast-check';
import { IntentSchema, RedundancySchema, type Intent } from '../../../src-shared/model/intent';
import { SITE_ROLES, type Device, type Topology } from '../../../src-shared/model/topology';

const REGIONS = ['eu', 'us-east', 'apac', 'planet-x'];

/** Random but valid intents: 1–5 site groups of 1–12 sites, some explicit sites with coordinates. */
export const intents: fc.Arbitrary<Intent> = fc
  .record({
    groups: fc.array(
      fc.record({
        role: fc.constantFrom(...SITE_ROLES),
        region: fc.constantFrom(...REGIONS),
        count: fc.integer({ min: 1, max: 12 }),
        bandwidthMbpsPerSite: fc.integer({ min: 0, max: 40_000 }),
        explicit: fc.option(
          fc.record({ lat: fc.double({ min: -60, max: 70, noNaN: true }), lon: fc.double({ min: -179, max: 179, noNaN: true }) }),
          { nil: undefined },
        ),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    redundancy: fc.constantFrom(...RedundancySchema.options),
    portsPerDevice: fc.constantFrom(16, 48, 64),
    growthHeadroomPct: fc.constantFrom(0, 20, 50),
  })
  .map(({ groups, redundancy, portsPerDevice, growthHeadroomPct }) =>
    IntentSchema.parse({
      name: 'random',
      redundancy,
      growthHeadroomPct,
      constraints: { portsPerDevice },
      siteGroups: groups.map((g, i) => ({
        role: g.role,
        region: g.region,
        count: g.count,
        bandwidthMbpsPerSite: g.bandwidthMbpsPerSite,
        // One explicit, placed site per group when drawn: exercises given coordinates.
        ...(g.explicit ? { sites: [{ name: `given-${i}`, lat: g.explicit.lat, lon: g.explicit.lon }] } : {}),
      })),
    }),
  );

export const seeds = fc.integer({ min: -1_000_000, max: 1_000_000 });

/** Neighbour ids per device id (a neighbour repeats once per parallel link). */
export function adjacency(t: Topology): Map<string, string[]> {
  const adj = new Map<string, string[]>(t.nodes.map((d) => [d.id, []]));
  for (const l of t.links) {
    adj.get(l.source)!.push(l.target);
    adj.get(l.target)!.push(l.source);
  }
  return adj;
}

export function byRole(t: Topology, role: Device['role']): Device[] {
  return t.nodes.filter((d) => d.role === role);
}

/** Fewest hops from `from` to any device satisfying `goal` (Infinity when none is reachable). */
export function hopsTo(adj: Map<string, string[]>, from: string, goal: (id: string) => boolean): number {
  const dist = new Map([[from, 0]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const u = queue[i]!;
    if (goal(u)) return dist.get(u)!;
    for (const v of adj.get(u) ?? []) {
      if (!dist.has(v)) {
        dist.set(v, dist.get(u)! + 1);
        queue.push(v);
      }
    }
  }
  return Infinity;
}
