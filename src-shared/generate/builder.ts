import { deviceCostUsd, linkCostUsd } from '../cost/cost';
import type { PriceBook } from '../cost/pricebook';
import type { Intent } from '../model/intent';
import type { Device, DeviceRole, Family, Link, Site, Topology } from '../model/topology';
import { TOPOLOGY_FORMAT_VERSION } from '../model/topology';
import { fitId, ID_MAX, SRLG_MAX } from './fit-id';
import { routeBetween } from '../model/latency';
import { igpWeightForLatency, INTRA_SITE_LATENCY_MS } from './geo';

/** Everything a family generator reads: the parsed intent, its sites, seed and prices. */
export interface GenContext {
  readonly intent: Intent;
  readonly sites: readonly Site[];
  readonly seed: number;
  readonly book: PriceBook;
}

/** Standard interface speeds; above the largest, links are LAG bundles of it. */
export const SPEEDS_GBPS = [1, 10, 25, 40, 100, 400] as const;

/** The smallest standard speed (or bundle of 400G) carrying `gbps`. */
export function speedFor(gbps: number): number {
  for (const s of SPEEDS_GBPS) if (s >= gbps) return s;
  return Math.ceil(gbps / 400) * 400;
}

/** A site's demand in Gbps including the intent's growth headroom. */
export function siteDemandGbps(site: Site, intent: Intent): number {
  return ((site.bandwidthMbps ?? 0) / 1000) * (1 + intent.growthHeadroomPct / 100);
}

/** Ports of the device model the intent gives for this role. */
export function portsFor(intent: Intent, role: DeviceRole): number {
  return intent.constraints.devicePorts[role] ?? intent.constraints.portsPerDevice;
}

/**
 * Ports a generator may plan to use on a device of this role: the model's
 * ports less the intent's growth headroom (48 ports, 20 % → 40), at least 2.
 */
export function usablePorts(intent: Intent, role: DeviceRole): number {
  return Math.max(2, Math.floor(portsFor(intent, role) / (1 + intent.growthHeadroomPct / 100)));
}

/**
 * Builds one topology: devices get ids `<site>/<role><k>`, ports from the
 * intent, cost from the price book and their site's coordinates; links get
 * ids `l<k>`, a route length and latency from the site coordinates (see
 * geo.ts), a latency-derived IGP weight, a price, and SRLG tags:
 * `site:<id>` for links inside one site (they share its building and power),
 * `duct:<a>~<b>` for the first circuit between two sites and
 * `duct:<a>~<b>#<k>` for the k-th: a generator adds a second circuit between
 * the same sites only for redundancy, so it is ordered on a diverse route
 * (a separate duct). A user who puts two circuits in one duct tags them alike,
 * and the redundancy classes (validate/redundancy.ts) then count them as one risk.
 */
export class DesignBuilder {
  private readonly nodes: Device[] = [];
  private readonly links: Link[] = [];
  private readonly siteById = new Map<string, Site>();
  private readonly deviceSite = new Map<string, Site>();
  private readonly perSiteRole = new Map<string, number>();
  private readonly degree = new Map<string, number>();
  private readonly ducts = new Map<string, number>();

  constructor(
    private readonly ctx: GenContext,
    private readonly family: Family,
  ) {
    for (const s of ctx.sites) this.siteById.set(s.id, s);
  }

  device(site: Site, role: DeviceRole, ports = portsFor(this.ctx.intent, role)): string {
    const key = `${site.id}/${role}`;
    const k = (this.perSiteRole.get(key) ?? 0) + 1;
    this.perSiteRole.set(key, k);
    const id = `${key}${k}`;
    const d: Device = {
      id,
      name: fitId(`${site.name} ${role} ${k}`, ID_MAX),
      role,
      site: site.id,
      region: site.region,
      ports,
      costUsd: deviceCostUsd(this.ctx.book, role, ports),
    };
    if (site.lat !== undefined && site.lon !== undefined) {
      d.lat = site.lat;
      d.lon = site.lon;
    }
    this.nodes.push(d);
    this.deviceSite.set(id, site);
    return id;
  }

  siteOf(deviceId: string): Site {
    const s = this.deviceSite.get(deviceId);
    if (!s) throw new Error(`unknown device ${deviceId}`);
    return s;
  }

  degreeOf(deviceId: string): number {
    return this.degree.get(deviceId) ?? 0;
  }

  /** `sameDuct`: a circuit laid in the duct of the previous one between these sites (no diversity). */
  link(a: string, b: string, capacityGbps: number, opts: { sameDuct?: boolean } = {}): string {
    const sa = this.siteOf(a);
    const sb = this.siteOf(b);
    const id = `l${this.links.length + 1}`;
    let km = 0;
    let latencyMs = INTRA_SITE_LATENCY_MS;
    const srlgs: string[] = [];
    // Tags built from two long site names can pass the schema's 100 characters: fitId hashes their tail.
    if (sa.id === sb.id) srlgs.push(fitId(`site:${sa.id}`, SRLG_MAX));
    else {
      const duct = sa.id < sb.id ? `duct:${sa.id}~${sb.id}` : `duct:${sb.id}~${sa.id}`;
      const k = Math.max(1, (this.ducts.get(duct) ?? 0) + (opts.sameDuct === true ? 0 : 1));
      this.ducts.set(duct, k);
      srlgs.push(fitId(k === 1 ? duct : `${duct}#${k}`, SRLG_MAX));
      // Generated sites always have coordinates (see sites.ts). The one route model (model/latency.ts):
      // a named subsea cable where the sites sit on either side of one, else the corridor's route factor.
      const route = routeBetween({ lat: sa.lat ?? 0, lon: sa.lon ?? 0 }, { lat: sb.lat ?? 0, lon: sb.lon ?? 0 });
      km = route.km;
      latencyMs = route.latencyMs;
    }
    const capacity = speedFor(capacityGbps);
    this.links.push({
      id,
      source: a,
      target: b,
      capacityGbps: capacity,
      igpWeight: igpWeightForLatency(latencyMs),
      latencyMs,
      distanceKm: km,
      srlgs,
      costUsd: linkCostUsd(this.ctx.book, capacity, km, sa.id === sb.id),
    });
    this.degree.set(a, this.degreeOf(a) + 1);
    this.degree.set(b, this.degreeOf(b) + 1);
    return id;
  }

  build(): Topology {
    return {
      formatVersion: TOPOLOGY_FORMAT_VERSION,
      name: `${this.ctx.intent.name} — ${this.family}`,
      family: this.family,
      seed: this.ctx.seed,
      sites: [...this.ctx.sites],
      nodes: this.nodes,
      links: this.links,
    };
  }
}

/** Raised when a family cannot be generated for an intent (e.g. a full mesh too large to hold). */
export class GenerateError extends Error {
  override name = 'GenerateError';
}
