/**
 * Geography and the latency model.
 *
 * - Route length = great-circle distance (haversine, mean Earth radius
 *   6371.0088 km) × a route factor per corridor (ROUTE_FACTORS, editable
 *   assumptions with sources in docs/planning-model.md): metro (under
 *   50 km: 1.6, streets and ducts), terrestrial long haul (1.3: fibre follows
 *   roads and rail, Durairajan et al., "InterTubes", SIGCOMM 2015, and
 *   Singla et al., "The Internet at the speed of light", HotNets 2014,
 *   report 1.2–1.5) and subsea (1.2: cable systems run close to the great
 *   circle between landing points, e.g. London–New York ≈ 30–33 ms one way
 *   on Hibernia Express / AEC-1 against 27.9 ms at the great circle). A link
 *   is subsea when its ends lie on different landmasses (corridorOf).
 * - One-way latency = route km × 5 µs/km (light in glass, refractive index
 *   ~1.47, is ~4.9 µs/km), rounded to 1 µs, at least INTRA_SITE_LATENCY_MS.
 * - A link inside one site: 0 km, INTRA_SITE_LATENCY_MS (50 µs: patch cords
 *   and device forwarding).
 * - A link between sites when either end has no coordinates (imported or
 *   hand-drawn designs): DEFAULT_INTER_SITE_LATENCY_MS (2 ms ≈ 270 km).
 * - IGP weight = max(1, round(latency ms × 10)): a latency-derived metric,
 *   so the IGP's shortest path is the lowest-latency path to within 0.1 ms.
 */
export const EARTH_RADIUS_KM = 6371.0088;
export const ROUTE_FACTORS = { metro: 1.6, terrestrial: 1.3, subsea: 1.2 } as const;
export type Corridor = keyof typeof ROUTE_FACTORS;
/** Great-circle distance below which a route counts as metro. */
export const METRO_KM = 50;
export const FIBRE_MS_PER_KM = 0.005;
export const INTRA_SITE_LATENCY_MS = 0.05;
/** @public Documented above but applied by no code yet (noted for the planning-model work, issue 15). */
export const DEFAULT_INTER_SITE_LATENCY_MS = 2;

const rad = (deg: number) => (deg * Math.PI) / 180;

export function greatCircleKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = rad(lat2 - lat1);
  const dLon = rad(lon2 - lon1);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export const roundTo = (x: number, decimals: number): number => {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
};

/**
 * The landmass a point stands on, coarsely: the Americas, Afro-Eurasia, and
 * Oceania (Australia, New Zealand); islands join the nearest. Good enough to
 * tell an ocean crossing (Americas ↔ elsewhere, Oceania ↔ elsewhere) from a
 * terrestrial route; Britain, Ireland and Japan count as Afro-Eurasia (their
 * short sea crossings are part of terrestrial long-haul routes).
 */
export function landmassOf(lat: number, lon: number): 'americas' | 'afro-eurasia' | 'oceania' {
  if (lon < -25 && lon > -170) return 'americas';
  if (lat < -10 && lon > 110) return 'oceania';
  return 'afro-eurasia';
}

/** Which corridor a route between two points takes. */
export function corridorOf(lat1: number, lon1: number, lat2: number, lon2: number): Corridor {
  if (landmassOf(lat1, lon1) !== landmassOf(lat2, lon2)) return 'subsea';
  return greatCircleKm(lat1, lon1, lat2, lon2) < METRO_KM ? 'metro' : 'terrestrial';
}

/** Route length in km between two points (great circle × the corridor's route factor, or `factor`), to 0.1 km. */
export function routeKm(lat1: number, lon1: number, lat2: number, lon2: number, factor?: number): number {
  return roundTo(greatCircleKm(lat1, lon1, lat2, lon2) * (factor ?? ROUTE_FACTORS[corridorOf(lat1, lon1, lat2, lon2)]), 1);
}

/** One-way latency in ms of a fibre route of this length. */
export function latencyMsForRouteKm(km: number): number {
  return Math.max(INTRA_SITE_LATENCY_MS, roundTo(km * FIBRE_MS_PER_KM, 3));
}

export function igpWeightForLatency(ms: number): number {
  return Math.max(1, Math.round(ms * 10));
}

/** Unit vector of a point on the sphere: chord distance orders like great-circle distance. */
export function unitVector(lat: number, lon: number): [number, number, number] {
  const la = rad(lat);
  const lo = rad(lon);
  return [Math.cos(la) * Math.cos(lo), Math.cos(la) * Math.sin(lo), Math.sin(la)];
}
