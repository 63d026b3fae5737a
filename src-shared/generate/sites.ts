import type { Intent } from '../model/intent';
import type { Site, SiteRole } from '../model/topology';
import { placeForKey, weightedPlaces, type Place } from './gazetteer';
import { fitId, SITE_ID_MAX } from './fit-id';
import { createRng } from '../lib/rng';
import { RecentResults } from '../lib/recent';

/**
 * Expands an intent's site groups into concrete sites, in group order
 * (explicit sites first, then `count − sites.length` generated ones).
 *
 * Coordinates: explicit coordinates are kept as given. Every other site is
 * put at a real populated place of its region (gazetteer.ts: GeoNames places
 * of at least 15,000 people, so never in the sea), drawn weighted by
 * population without replacement among the places within the region's radius
 * of its anchor (REGION_RADIUS_KM, wider for continent-sized regions). The
 * anchor is the region's first explicit site with coordinates (a Dublin
 * retailer's stores go round Dublin), else a known point for common region
 * names (ANCHORS: every continent and the usual cloud-region names), else a
 * populated place chosen by a hash of the name. Same (intent, seed), same
 * coordinates; the seed only moves synthetic sites.
 */
export const REGION_RADIUS_KM = 700;

/** [lat, lon, radius km]; the radius defaults to REGION_RADIUS_KM. */
const ANCHORS: Record<string, [number, number, number?]> = {
  default: [48.86, 2.35],
  eu: [50.11, 8.68],
  europe: [50.11, 8.68, 1500],
  emea: [50.11, 8.68, 1500],
  'eu-west': [51.51, -0.13],
  'eu-central': [50.11, 8.68],
  'eu-north': [59.33, 18.07],
  'eu-south': [41.9, 12.5],
  uk: [51.51, -0.13, 500],
  na: [39.04, -77.49, 1500],
  'north-america': [39.04, -77.49, 2500],
  us: [39.04, -77.49, 1500],
  'us-east': [39.04, -77.49],
  'us-central': [41.88, -87.63],
  'us-south': [32.78, -96.8],
  'us-west': [37.77, -122.42],
  canada: [43.65, -79.38],
  'ca-central': [43.65, -79.38],
  latam: [-23.55, -46.63, 1500],
  'south-america': [-23.55, -46.63, 2500],
  'sa-east': [-23.55, -46.63],
  mexico: [19.43, -99.13],
  apac: [1.35, 103.82, 1500],
  asia: [1.35, 103.82, 2500],
  'ap-southeast': [1.35, 103.82],
  'ap-northeast': [35.68, 139.69],
  'ap-east': [22.32, 114.17],
  japan: [35.68, 139.69],
  india: [19.08, 72.88, 1200],
  'ap-south': [19.08, 72.88],
  china: [31.23, 121.47, 1200],
  australia: [-33.87, 151.21, 1000],
  oceania: [-33.87, 151.21, 1500],
  'ap-southeast-2': [-33.87, 151.21],
  africa: [-26.2, 28.05, 2000],
  'af-south': [-26.2, 28.05],
  'af-west': [6.52, 3.38],
  'af-east': [-1.29, 36.82],
  'af-north': [30.04, 31.24],
  'middle-east': [25.2, 55.27, 1200],
  me: [25.2, 55.27, 1200],
};

/**
 * The anchor point and radius of a region by name alone: a known point
 * (ANCHORS), else a populated place chosen by a hash of the name (so an
 * unknown region is somewhere people live, never open ocean).
 */
export function regionAnchor(region: string): [number, number] {
  const known = ANCHORS[region.toLowerCase()];
  if (known) return [known[0], known[1]];
  const p = placeForKey(`region:${region}`);
  return [p.lat, p.lon];
}

function regionRadiusKm(region: string): number {
  return ANCHORS[region.toLowerCase()]?.[2] ?? REGION_RADIUS_KM;
}

const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'site';

export function expandSites(intent: Intent, seed: number): Site[] {
  // Every family of an intent (and its features) asks for the same sites: computed once, handed out as copies.
  return recentSites.get(`${seed}\u0000${JSON.stringify(intent)}`, () => placeSites(intent, seed)).map((s) => ({ ...s }));
}

const recentSites = new RecentResults<Site[]>(8);

function placeSites(intent: Intent, seed: number): Site[] {
  const sites: Site[] = [];
  const usedIds = new Set<string>();
  const uniqueId = (base: string): string => {
    let id = base;
    for (let k = 2; usedIds.has(id); k++) id = `${base}-${k}`;
    usedIds.add(id);
    return id;
  };
  // A region's anchor: its first explicit site with coordinates, else by name.
  const anchors = new Map<string, [number, number]>();
  for (const g of intent.siteGroups) {
    for (const e of g.sites ?? []) {
      const region = e.region ?? g.region;
      if (e.lat !== undefined && e.lon !== undefined && !anchors.has(region)) anchors.set(region, [e.lat, e.lon]);
    }
  }
  const drawn = new Map<string, { places: Place[]; next: number }>();
  const place = (region: string): [number, number] => {
    let d = drawn.get(region);
    if (!d) {
      const [lat, lon] = anchors.get(region) ?? regionAnchor(region);
      d = { places: weightedPlaces(lat, lon, regionRadiusKm(region), createRng(seed, `sites:${region}`)), next: 0 };
      drawn.set(region, d);
    }
    const p = d.places[d.next++ % d.places.length]!;
    return [p.lat, p.lon];
  };
  const counters = new Map<string, number>();
  for (const g of intent.siteGroups) {
    const explicit = g.sites ?? [];
    const total = Math.max(g.count ?? 0, explicit.length);
    const prefix = g.name ?? g.role;
    for (let i = 0; i < total; i++) {
      const e = explicit[i];
      const region = e?.region ?? g.region;
      let name: string;
      if (e) name = e.name;
      else {
        const key = `${prefix}|${region}`;
        const k = (counters.get(key) ?? 0) + 1;
        counters.set(key, k);
        name = `${prefix}-${region}-${k}`;
      }
      const [lat, lon] = e?.lat !== undefined && e.lon !== undefined ? [e.lat, e.lon] : place(region);
      const site: Site = {
        id: uniqueId(fitId(slug(name), SITE_ID_MAX)),
        name,
        role: g.role,
        region,
        lat,
        lon,
        users: e?.users ?? g.usersPerSite,
        bandwidthMbps: e?.bandwidthMbps ?? g.bandwidthMbpsPerSite,
      };
      const servers = serverCount(e?.servers ?? g.serversPerSite, e?.racks ?? g.racksPerSite, intent.constraints.serversPerRack);
      if (servers !== undefined && (g.role === 'datacenter' || g.role === 'colo')) site.servers = servers;
      sites.push(site);
    }
  }
  return sites;
}

function serverCount(servers: number | undefined, racks: number | undefined, perRack: number): number | undefined {
  if (servers !== undefined) return servers;
  return racks === undefined ? undefined : racks * perRack;
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
