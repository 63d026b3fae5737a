import { corridorOf, greatCircleKm, igpWeightForLatency, latencyMsForRouteKm, METRO_KM, ROUTE_FACTORS, roundTo } from '../generate/geo';
import { SUBSEA_CORRIDORS, type SubseaCorridor } from './corridors';
import type { Link, Site, Topology } from './topology';

/**
 * The route a circuit between two points takes, and its latency — the one
 * place that turns geography into a link's length (generate/geo.ts holds
 * the constants and the great circle):
 *
 * 1. a per-link `routeFactor` (set by the planner) wins: great circle × it;
 * 2. else, when a named subsea corridor serves the pair (corridors.ts), the
 *    corridor's real cable length plus terrestrial backhaul to its landings;
 * 3. else great circle × the corridor-class factor (metro 1.6, terrestrial
 *    1.3, subsea 1.2 for ocean crossings no named corridor serves).
 *
 * One-way latency = route km × 5 µs/km (geo.ts latencyMsForRouteKm).
 */
export interface Point {
  lat: number;
  lon: number;
}

export type RouteBasis = 'override' | 'corridor' | 'metro' | 'terrestrial' | 'subsea';

export interface Route {
  km: number;
  latencyMs: number;
  basis: RouteBasis;
  /** The factor applied to the great circle (for a corridor: route km / great-circle km). */
  factor: number;
  /** The named corridor used, when basis is 'corridor'. */
  corridor?: SubseaCorridor;
}

const backhaulKm = (a: Point, b: Point): number => {
  const gc = greatCircleKm(a.lat, a.lon, b.lat, b.lon);
  return gc * (gc < METRO_KM ? ROUTE_FACTORS.metro : ROUTE_FACTORS.terrestrial);
};

/**
 * The shortest route through a named corridor serving a and b, if any. A
 * corridor serves the pair when each site is within `servesKm` of one
 * landing and nearer to it than to the other, and the sites are at least
 * half the landings' distance apart (so two sites near one coast never ride
 * the cable).
 */
export function corridorRoute(a: Point, b: Point): { km: number; corridor: SubseaCorridor } | undefined {
  const gc = greatCircleKm(a.lat, a.lon, b.lat, b.lon);
  let best: { km: number; corridor: SubseaCorridor } | undefined;
  for (const c of SUBSEA_CORRIDORS) {
    const [e0, e1] = c.ends;
    const span = greatCircleKm(e0.lat, e0.lon, e1.lat, e1.lon);
    if (gc < span / 2) continue;
    for (const [x, y] of [[a, b], [b, a]] as const) {
      const dx0 = greatCircleKm(x.lat, x.lon, e0.lat, e0.lon);
      const dx1 = greatCircleKm(x.lat, x.lon, e1.lat, e1.lon);
      const dy0 = greatCircleKm(y.lat, y.lon, e0.lat, e0.lon);
      const dy1 = greatCircleKm(y.lat, y.lon, e1.lat, e1.lon);
      if (dx0 > c.servesKm || dy1 > c.servesKm || dx0 >= dx1 || dy1 >= dy0) continue;
      const km = backhaulKm(x, e0) + c.cableKm + backhaulKm(e1, y);
      if (best === undefined || km < best.km) best = { km, corridor: c };
    }
  }
  return best;
}

/** The route between two points; `routeFactor` is a link's override. */
export function routeBetween(a: Point, b: Point, routeFactor?: number): Route {
  const gc = greatCircleKm(a.lat, a.lon, b.lat, b.lon);
  const done = (kmRaw: number, basis: RouteBasis, corridor?: SubseaCorridor): Route => {
    const km = roundTo(kmRaw, 1);
    return { km, latencyMs: latencyMsForRouteKm(km), basis, factor: gc > 0 ? roundTo(km / gc, 3) : 1, ...(corridor ? { corridor } : {}) };
  };
  if (routeFactor !== undefined) return { ...done(gc * routeFactor, 'override'), factor: routeFactor };
  const via = corridorRoute(a, b);
  if (via) return done(via.km, 'corridor', via.corridor);
  const cls = corridorOf(a.lat, a.lon, b.lat, b.lon);
  return done(gc * ROUTE_FACTORS[cls], cls);
}

const hasCoords = (s: Site | undefined): s is Site & Point => s?.lat !== undefined && s.lon !== undefined;

/**
 * The route of a link between two sites with coordinates (undefined inside
 * one site, or when a site has no coordinates: the link keeps the latency
 * it was given).
 */
export function linkRoute(t: Pick<Topology, 'nodes' | 'sites'>, l: Pick<Link, 'source' | 'target' | 'routeFactor'>): Route | undefined {
  const siteOf = (id: string): Site | undefined => {
    const d = t.nodes.find((n) => n.id === id);
    return d?.site === undefined ? undefined : t.sites.find((s) => s.id === d.site);
  };
  const sa = siteOf(l.source);
  const sb = siteOf(l.target);
  if (!hasCoords(sa) || !hasCoords(sb) || sa.id === sb.id) return undefined;
  return routeBetween(sa, sb, l.routeFactor);
}

/** One line for a route, as the latency check and the link panel print it. */
export function describeRoute(r: Route): string {
  const ms = `${r.latencyMs.toFixed(2)} ms over ${Math.round(r.km).toLocaleString('en-US')} km`;
  if (r.basis === 'override') return `${ms} (route factor ${r.factor} set on the link)`;
  if (r.basis === 'corridor') return `${ms} (subsea corridor ${r.corridor!.name}, ${r.corridor!.cable}, ${r.corridor!.cableKm.toLocaleString('en-US')} km of cable)`;
  return `${ms} (${r.basis} route factor ${ROUTE_FACTORS[r.basis]})`;
}

/**
 * A link's latency and length recomputed from its sites' geography (after
 * its route factor changed, or its ends moved); the IGP weight follows the
 * latency when it was latency-derived (weight = latency × 10, as generated).
 */
export function relatencyLink(t: Pick<Topology, 'nodes' | 'sites'>, l: Link): Link {
  const r = linkRoute(t, l);
  if (!r) return l;
  const derived = l.igpWeight === igpWeightForLatency(l.latencyMs);
  return { ...l, latencyMs: r.latencyMs, distanceKm: r.km, ...(derived ? { igpWeight: igpWeightForLatency(r.latencyMs) } : {}) };
}
