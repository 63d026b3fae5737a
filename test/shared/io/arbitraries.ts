import fc from 'fast-check';
import { DEVICE_ROLES, SITE_ROLES, restoreTopology, type Topology } from '../../../src-shared/model/topology';

/**
 * Names as inventories hold them: trimmed, non-empty, with the characters
 * that break naive writers (quotes, commas, colons, spaces, unicode).
 */
const nameArb = fc
  .string({ unit: fc.constantFrom(...'abcXYZ019 -_.:,"\'/é東'.split('')), minLength: 1, maxLength: 14 })
  .map((s) => s.trim())
  .filter((s) => s.length > 0);

// -0 is mapped to 0: no text format (JSON included) can tell them apart.
const num = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((v) => (v === 0 ? 0 : v));
const pos = (max: number) => num(0.001, max);
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** Drops undefined fields: the model's optional fields are absent, not undefined. */
function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Random valid designs: 0–3 sites, 1–10 devices, 0–16 links (parallel links
 * and self-loops included), every optional field sometimes present. Device
 * and site names are unique, as NetBox requires.
 */
export const topologyArb: fc.Arbitrary<Topology> = fc
  .record({
    name: nameArb,
    siteNames: fc.uniqueArray(nameArb, { minLength: 0, maxLength: 3, comparator: (a, b) => a.toLowerCase() === b.toLowerCase() }),
    nodeNames: fc.uniqueArray(nameArb, { minLength: 1, maxLength: 10 }),
    seed: fc.nat(),
  })
  .chain(({ name, siteNames, nodeNames }) =>
    fc.record({
      name: fc.constant(name),
      sites: fc.tuple(
        ...siteNames.map((siteName, k) =>
          fc.record({
            id: fc.constant(`s${k}-${siteName}`),
            name: fc.constant(siteName),
            role: fc.constantFrom(...SITE_ROLES),
            region: nameArb,
            lat: opt(num(-90, 90)),
            lon: opt(num(-180, 180)),
            users: opt(fc.nat(100000)),
            bandwidthMbps: opt(pos(1e5)),
          }).map(clean),
        ),
      ),
      nodes: fc.tuple(
        ...nodeNames.map((nodeName, k) =>
          fc.record({
            id: fc.constant(k % 3 === 0 ? nodeName : `n${k}:${nodeName}`),
            name: fc.constant(nodeName),
            role: fc.constantFrom(...DEVICE_ROLES),
            site: siteNames.length === 0 ? fc.constant(undefined) : opt(fc.integer({ min: 0, max: siteNames.length - 1 }).map((s) => `s${s}-${siteNames[s]}`)),
            region: opt(nameArb),
            lat: opt(num(-90, 90)),
            lon: opt(num(-180, 180)),
            ports: fc.integer({ min: 1, max: 100000 }),
            model: opt(nameArb),
            costUsd: opt(num(0, 1e6)),
            x: opt(num(-1e4, 1e4)),
            y: opt(num(-1e4, 1e4)),
            pinned: opt(fc.boolean()),
          }).map(clean),
        ),
      ),
      links: fc.array(
        fc.record({
          source: fc.integer({ min: 0, max: nodeNames.length - 1 }),
          target: fc.integer({ min: 0, max: nodeNames.length - 1 }),
          capacityGbps: pos(1000),
          igpWeight: pos(1e4),
          latencyMs: num(0, 500),
          distanceKm: opt(num(0, 20000)),
          srlgs: fc.uniqueArray(nameArb, { maxLength: 3 }),
          costUsd: opt(num(0, 1e6)),
        }),
        { maxLength: 16 },
      ),
    }),
  )
  .map((t) => {
    const ids = t.nodes.map((n) => n.id);
    return restoreTopology({
      ...t,
      links: t.links.map((l, k) => clean({ ...l, id: `l${k}`, source: ids[l.source]!, target: ids[l.target]! })),
    });
  });
