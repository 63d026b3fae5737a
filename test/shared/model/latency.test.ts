import { describe, expect, it } from 'vitest';
import { greatCircleKm } from '../../../src-shared/generate/geo';
import { SUBSEA_CORRIDORS } from '../../../src-shared/model/corridors';
import { IntentSchema } from '../../../src-shared/model/intent';
import { linkRoute, relatencyLink, routeBetween } from '../../../src-shared/model/latency';
import { LinkSchema, type Topology } from '../../../src-shared/model/topology';
import { validateDesign } from '../../../src-shared/validate/validate';
import { setLinkRouteFactor } from '../../../src-renderer/actions/edits';

/**
 * The latency model against published figures (docs/planning-model.md §5):
 * one-way latency must fall inside half the published round-trip range.
 * - London–New York: 58.95 ms RTT on Hibernia Express (operator's tested
 *   figure, 2015) to ~75 ms on ordinary transit: one way 29.3–37.5 ms.
 * - Singapore–Marseille: Asia–Europe via Suez, Singapore–Frankfurt ≈ 160 ms
 *   RTT; Singapore–Marseille 140–165 ms RTT: one way 70–82.5 ms.
 * - Los Angeles–Tokyo: 97–115 ms RTT (Unity/FASTER routes): one way 48.5–57.5 ms.
 */
const CITY = {
  london: { lat: 51.5074, lon: -0.1278 },
  newYork: { lat: 40.7128, lon: -74.006 },
  singapore: { lat: 1.3521, lon: 103.8198 },
  marseille: { lat: 43.2965, lon: 5.3698 },
  losAngeles: { lat: 34.0522, lon: -118.2437 },
  tokyo: { lat: 35.6762, lon: 139.6503 },
  paris: { lat: 48.8566, lon: 2.3522 },
  jakarta: { lat: -6.2, lon: 106.85 },
};

describe('latency over named subsea corridors', () => {
  it('London–New York rides a transatlantic cable, within the published 29.3–37.5 ms one way', () => {
    const r = routeBetween(CITY.london, CITY.newYork);
    expect(r.basis).toBe('corridor');
    expect(r.corridor?.id).toMatch(/^atlantic-/);
    expect(r.latencyMs).toBeGreaterThanOrEqual(29.3);
    expect(r.latencyMs).toBeLessThanOrEqual(37.5);
    // Not the old one-factor estimate (41.8 ms) and not faster than light in glass along the great circle.
    expect(r.latencyMs).toBeGreaterThan(greatCircleKm(51.5074, -0.1278, 40.7128, -74.006) * 0.005);
  });

  it('Singapore–Marseille goes via Suez on the cable length, within 70–82.5 ms one way', () => {
    const r = routeBetween(CITY.singapore, CITY.marseille);
    expect(r.corridor?.id).toBe('asia-europe-singapore-marseille');
    expect(r.latencyMs).toBeGreaterThanOrEqual(70);
    expect(r.latencyMs).toBeLessThanOrEqual(82.5);
    // The same landmass: without the corridor it would be a 1.3× terrestrial guess (≈ 67 ms), too fast.
    expect(r.km).toBeGreaterThan(greatCircleKm(1.3521, 103.8198, 43.2965, 5.3698) * 1.3);
  });

  it('Los Angeles–Tokyo crosses the Pacific on a named cable, within 48.5–57.5 ms one way', () => {
    const r = routeBetween(CITY.losAngeles, CITY.tokyo);
    expect(r.corridor?.id).toMatch(/^pacific-/);
    expect(r.latencyMs).toBeGreaterThanOrEqual(48.5);
    expect(r.latencyMs).toBeLessThanOrEqual(57.5);
  });

  it('sites on one coast never ride a cable; a terrestrial pair keeps its factor', () => {
    expect(routeBetween(CITY.singapore, CITY.jakarta).basis).toBe('terrestrial');
    const lp = routeBetween(CITY.london, CITY.paris);
    expect(lp.basis).toBe('terrestrial');
    expect(lp.factor).toBeCloseTo(1.3, 2);
  });

  it('a per-link route factor overrides the corridor', () => {
    const r = routeBetween(CITY.london, CITY.newYork, 1.5);
    expect(r.basis).toBe('override');
    expect(r.km).toBeCloseTo(greatCircleKm(51.5074, -0.1278, 40.7128, -74.006) * 1.5, 0);
    // The schema bounds the override.
    expect(LinkSchema.shape.routeFactor.safeParse(0.9).success).toBe(false);
    expect(LinkSchema.shape.routeFactor.safeParse(5.1).success).toBe(false);
  });

  it('every corridor row is a real cable with a source and a length longer than its landings’ great circle', () => {
    expect(SUBSEA_CORRIDORS.length).toBeGreaterThanOrEqual(8);
    for (const c of SUBSEA_CORRIDORS) {
      expect(c.source.length).toBeGreaterThan(20);
      expect(c.cableKm).toBeGreaterThan(greatCircleKm(c.ends[0].lat, c.ends[0].lon, c.ends[1].lat, c.ends[1].lon));
    }
  });
});

function transatlantic(): Topology {
  return {
    formatVersion: 1,
    name: 'transatlantic',
    sites: [
      { id: 'lon', name: 'London', role: 'hq', region: 'eu', lat: CITY.london.lat, lon: CITY.london.lon },
      { id: 'par', name: 'Paris', role: 'branch', region: 'eu', lat: CITY.paris.lat, lon: CITY.paris.lon },
      { id: 'nyc', name: 'New York', role: 'datacenter', region: 'us', lat: CITY.newYork.lat, lon: CITY.newYork.lon },
    ],
    nodes: [
      { id: 'lon/r', name: 'lon-r', role: 'router', site: 'lon', ports: 48 },
      { id: 'par/r', name: 'par-r', role: 'router', site: 'par', ports: 48 },
      { id: 'nyc/r', name: 'nyc-r', role: 'router', site: 'nyc', ports: 48 },
    ],
    links: [
      // Stated latencies from the old 1.5× model: the edit panel's recompute replaces them.
      { id: 'l1', source: 'lon/r', target: 'nyc/r', capacityGbps: 100, igpWeight: 418, latencyMs: 41.8, srlgs: [] },
      { id: 'l2', source: 'par/r', target: 'lon/r', capacityGbps: 100, igpWeight: 26, latencyMs: 2.58, srlgs: [] },
    ],
  };
}

describe('route factor on a link, through the edit panel and into the latency check', () => {
  it('setting and clearing a route factor recomputes latency, length and a latency-derived weight', () => {
    const t0 = transatlantic();
    const t1 = setLinkRouteFactor(t0, 'l1', 1.4);
    const l1 = t1.links.find((l) => l.id === 'l1')!;
    expect(l1.routeFactor).toBe(1.4);
    expect(l1.distanceKm).toBeCloseTo(greatCircleKm(51.5074, -0.1278, 40.7128, -74.006) * 1.4, 0);
    expect(l1.latencyMs).toBeCloseTo(l1.distanceKm! * 0.005, 2);
    expect(l1.igpWeight).toBe(Math.round(l1.latencyMs * 10));
    expect(t1.links[1]).toBe(t0.links[1]); // untouched links kept by reference
    const t2 = setLinkRouteFactor(t1, 'l1', undefined);
    const back = t2.links.find((l) => l.id === 'l1')!;
    expect(back.routeFactor).toBeUndefined();
    expect(back.latencyMs).toBe(linkRoute(t2, back)!.latencyMs);
    expect(linkRoute(t2, back)!.basis).toBe('corridor');
  });

  it('a hand-set IGP weight is kept when the latency changes', () => {
    const t = transatlantic();
    const l = { ...t.links[0]!, igpWeight: 7 };
    expect(relatencyLink(t, l).igpWeight).toBe(7);
  });

  it('the latency check prints the real worst value, its pair, and the corridor or override on the path', () => {
    let t = transatlantic();
    t = { ...t, links: t.links.map((l) => relatencyLink(t, l)) };
    const intent = IntentSchema.parse({ siteGroups: [{ role: 'branch', count: 1 }], redundancy: 'NONE', constraints: { maxLatencyMs: 40 } });
    const c = validateDesign(t, intent).checks.find((x) => x.id === 'latency')!;
    const worst = t.links[0]!.latencyMs + t.links[1]!.latencyMs;
    expect(c.passed).toBe(true);
    expect(c.message).toContain(`worst ${worst.toFixed(2)} ms, Paris ↔ New York`);
    expect(c.message).toMatch(/l1 London – New York: [\d.]+ ms over [\d,]+ km \(subsea corridor North Atlantic/);
    const o = setLinkRouteFactor(t, 'l1', 2);
    const c2 = validateDesign(o, intent).checks.find((x) => x.id === 'latency')!;
    expect(c2.passed).toBe(false);
    expect(c2.message).toContain('route factor 2 set on the link');
  });
});
