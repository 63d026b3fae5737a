import type { Topology } from '../../../src-shared/model/topology';

/**
 * The site-level view of a design: one node per site, links merged per site
 * pair. A device without a site stands for itself (an imported GraphML
 * network's node is a point of presence, i.e. a site of one device). Pure,
 * O(devices + links); the site, region and geographic views all read this.
 */
export interface SiteInfo {
  /** `site:<site id>` or `dev:<device id>` for a device without a site. */
  id: string;
  name: string;
  region: string;
  deviceIds: string[];
  /** Links whose both ends are in this site. */
  internalLinks: number;
  /** Total capacity of the links leaving this site (Gbps). */
  externalGbps: number;
  /** The site's stated access bandwidth (intent), if any. */
  bandwidthMbps?: number;
  lat?: number;
  lon?: number;
}

export interface SitePair {
  id: string;
  a: string;
  b: string;
  /** Links between the two sites. */
  links: number;
  /** Their total capacity (Gbps). */
  capacityGbps: number;
  linkIds: string[];
}

export interface SiteGraph {
  sites: SiteInfo[];
  pairs: SitePair[];
  /** Device id → site node id. */
  siteOf: Map<string, string>;
}

export const NO_REGION = 'No region';

export function siteGraph(t: Topology): SiteGraph {
  const declared = new Map(t.sites.map((s) => [s.id, s]));
  const byId = new Map<string, SiteInfo>();
  const siteOf = new Map<string, string>();
  const coords = new Map<string, { lat: number; lon: number; n: number }>();
  for (const d of t.nodes) {
    const id = d.site !== undefined ? `site:${d.site}` : `dev:${d.id}`;
    siteOf.set(d.id, id);
    let info = byId.get(id);
    if (info === undefined) {
      const s = d.site !== undefined ? declared.get(d.site) : undefined;
      info = {
        id,
        name: s?.name ?? d.site ?? d.name,
        region: s?.region ?? d.region ?? NO_REGION,
        deviceIds: [],
        internalLinks: 0,
        externalGbps: 0,
        ...(s?.bandwidthMbps !== undefined ? { bandwidthMbps: s.bandwidthMbps } : {}),
        ...(s?.lat !== undefined && s.lon !== undefined ? { lat: s.lat, lon: s.lon } : {}),
      };
      byId.set(id, info);
    }
    info.deviceIds.push(d.id);
    // A site without its own coordinates is placed at the mean of its devices' (imports carry them per node).
    if (info.lat === undefined && d.lat !== undefined && d.lon !== undefined) {
      const c = coords.get(id) ?? { lat: 0, lon: 0, n: 0 };
      coords.set(id, { lat: c.lat + d.lat, lon: c.lon + d.lon, n: c.n + 1 });
    }
  }
  for (const [id, c] of coords) {
    const info = byId.get(id)!;
    if (info.lat === undefined) {
      info.lat = c.lat / c.n;
      info.lon = c.lon / c.n;
    }
  }
  const pairs = new Map<string, SitePair>();
  for (const l of t.links) {
    const a = siteOf.get(l.source);
    const b = siteOf.get(l.target);
    if (a === undefined || b === undefined) continue;
    if (a === b) {
      byId.get(a)!.internalLinks++;
      continue;
    }
    byId.get(a)!.externalGbps += l.capacityGbps;
    byId.get(b)!.externalGbps += l.capacityGbps;
    const [x, y] = a < b ? [a, b] : [b, a];
    const key = `${x}|${y}`;
    const p = pairs.get(key);
    if (p) {
      p.links++;
      p.capacityGbps += l.capacityGbps;
      p.linkIds.push(l.id);
    } else pairs.set(key, { id: key, a: x, b: y, links: 1, capacityGbps: l.capacityGbps, linkIds: [l.id] });
  }
  return { sites: [...byId.values()], pairs: [...pairs.values()], siteOf };
}

/** Marker diameter in flow units: grows with the square root of the device count (area ∝ devices). */
export const siteDiameter = (devices: number): number => Math.round(Math.min(140, 26 + 12 * Math.sqrt(devices)));

/** Stroke width of an aggregated edge: grows with the log of its capacity (1 G → 1.5 px, 1 T → ~9 px). */
export const pairStroke = (gbps: number): number => Math.min(10, 1.5 + 1.1 * Math.log10(Math.max(1, gbps)) * 2.2);

/** "3 links · 30 Gbps", "1 link · 400 Gbps", "2 links · 1.2 Tbps". */
export function pairLabel(p: Pick<SitePair, 'links' | 'capacityGbps'>): string {
  const cap = p.capacityGbps >= 1000 ? `${(p.capacityGbps / 1000).toFixed(p.capacityGbps % 1000 === 0 ? 0 : 1)} Tbps` : `${+p.capacityGbps.toFixed(1)} Gbps`;
  return `${p.links} link${p.links === 1 ? '' : 's'} · ${cap}`;
}
