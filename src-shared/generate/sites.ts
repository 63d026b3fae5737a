import type { Intent } from '../model/intent';
import type { Site, SiteRole } from '../model/topology';
import { offsetPoint, roundTo } from './geo';
import { fitId, SITE_ID_MAX } from './fit-id';
import { createRng, hash32 } from '../lib/rng';

/**
 * Expands an intent's site groups into concrete sites, in group order
 * (explicit sites first, then `count − sites.length` generated ones).
 *
 * Coordinates: a site without latitude/longitude is placed around its
 * region's anchor — a well-known point for common region names (eu, us-east,
 * apac, …), otherwise a point derived from a hash of the region name — at a
 * seeded random bearing and a distance of up to REGION_RADIUS_KM (square-root
 * law, so sites spread evenly over the disc). Same (intent, seed), same
 * coordinates; the seed only moves synthetic sites.
 */
export const REGION_RADIUS_KM = 700;

const ANCHORS: Record<string, [number, number]> = {
  default: [48.86, 2.35],
  eu: [50.11, 8.68],
  europe: [50.11, 8.68],
  emea: [50.11, 8.68],
  'eu-west': [51.51, -0.13],
  'eu-central': [50.11, 8.68],
  'eu-north': [59.33, 18.07],
  'eu-south': [41.9, 12.5],
  uk: [51.51, -0.13],
  na: [39.04, -77.49],
  us: [39.04, -77.49],
  'us-east': [39.04, -77.49],
  'us-central': [41.88, -87.63],
  'us-west': [37.77, -122.42],
  canada: [43.65, -79.38],
  latam: [-23.55, -46.63],
  'south-america': [-23.55, -46.63],
  mexico: [19.43, -99.13],
  apac: [1.35, 103.82],
  asia: [1.35, 103.82],
  'ap-southeast': [1.35, 103.82],
  'ap-northeast': [35.68, 139.69],
  japan: [35.68, 139.69],
  india: [19.08, 72.88],
  'ap-south': [19.08, 72.88],
  china: [31.23, 121.47],
  australia: [-33.87, 151.21],
  oceania: [-33.87, 151.21],
  africa: [-26.2, 28.05],
  'middle-east': [25.2, 55.27],
  me: [25.2, 55.27],
};

/** The anchor point of a region: a known city, else a hash-derived point between 40°S and 60°N. */
export function regionAnchor(region: string): [number, number] {
  const known = ANCHORS[region.toLowerCase()];
  if (known) return known;
  const h = hash32(`region:${region}`);
  const lat = -40 + ((h & 0xffff) / 0xffff) * 100;
  const lon = -180 + ((h >>> 16) / 0xffff) * 360;
  return [roundTo(lat, 4), roundTo(lon, 4)];
}

const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'site';

export function expandSites(intent: Intent, seed: number): Site[] {
  const rng = createRng(seed, 'sites');
  const sites: Site[] = [];
  const usedIds = new Set<string>();
  const uniqueId = (base: string): string => {
    let id = base;
    for (let k = 2; usedIds.has(id); k++) id = `${base}-${k}`;
    usedIds.add(id);
    return id;
  };
  const counters = new Map<string, number>();
  const place = (region: string): [number, number] => {
    const [lat, lon] = regionAnchor(region);
    // Draw both numbers even when unused so every site consumes the same randomness.
    const bearing = rng.next() * 2 * Math.PI;
    const km = REGION_RADIUS_KM * Math.sqrt(rng.next());
    return offsetPoint(lat, lon, km, bearing);
  };
  for (const g of intent.siteGroups) {
    const explicit = g.sites ?? [];
    const total = Math.max(g.count ?? 0, explicit.length);
    const prefix = g.name ?? g.role;
    for (let i = 0; i < total; i++) {
      const e = explicit[i];
      const region = e?.region ?? g.region;
      const drawn = place(region);
      let name: string;
      if (e) name = e.name;
      else {
        const key = `${prefix}|${region}`;
        const k = (counters.get(key) ?? 0) + 1;
        counters.set(key, k);
        name = `${prefix}-${region}-${k}`;
      }
      const site: Site = {
        id: uniqueId(fitId(slug(name), SITE_ID_MAX)),
        name,
        role: g.role,
        region,
        lat: e?.lat ?? drawn[0],
        lon: e?.lon ?? drawn[1],
        users: e?.users ?? g.usersPerSite,
        bandwidthMbps: e?.bandwidthMbps ?? g.bandwidthMbpsPerSite,
      };
      sites.push(site);
    }
  }
  return sites;
}

/** Lower is more important: where hubs, cores and spines go first. */
const ROLE_RANK: Record<SiteRole, number> = {
  hq: 0,
  datacenter: 1,
  'region-hub': 2,
  colo: 3,
  campus: 4,
  branch: 5,
};

/** Sites most suited to host shared infrastructure first: by role, then users, then input order. */
export function rankSites(sites: readonly Site[]): Site[] {
  const index = new Map(sites.map((s, i) => [s.id, i]));
  return [...sites].sort(
    (a, b) =>
      ROLE_RANK[a.role] - ROLE_RANK[b.role] ||
      (b.users ?? 0) - (a.users ?? 0) ||
      index.get(a.id)! - index.get(b.id)!,
  );
}

/** HQ, datacenter and region-hub sites: the ones STANDARD redundancy protects. */
export const isImportantSite = (role: SiteRole): boolean =>
  role === 'hq' || role === 'datacenter' || role === 'region-hub';

/** Sites grouped by region, regions in order of first appearance. */
export function sitesByRegion(sites: readonly Site[]): Map<string, Site[]> {
  const m = new Map<string, Site[]>();
  for (const s of sites) {
    const list = m.get(s.region);
    if (list) list.push(s);
    else m.set(s.region, [s]);
  }
  return m;
}
