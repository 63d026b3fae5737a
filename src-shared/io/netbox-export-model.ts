import type { DeviceRole, Topology } from '../model/topology';
import { DEFAULT_CLAB_KINDS, type ClabKind } from './clab-kinds';
import { portPlan } from './interfaces';
import { NB_CF } from './netbox-model';

/**
 * NetBox's field limits (netbox-community/netbox at the commit vendored in
 * test/fixtures/upstream/netbox, where the tests read them back from the
 * Django models): names of sites, regions, roles, manufacturers and device
 * types 100 characters, devices and interfaces 64, cable labels 100,
 * slugs 100; cable length 2 decimals (8 digits); coordinates 6 decimals.
 */
export const NB_LIMITS = {
  name: 100,
  deviceName: 64,
  interfaceName: 64,
  cableLabel: 100,
  slug: 100,
  lengthDecimals: 2,
  coordinateDecimals: 6,
} as const;

/** Site that holds devices the design places in no site: NetBox requires every device to have one. */
export const UNASSIGNED_SITE = 'NetTwin unassigned';

/** NetBox interface type for a link speed (required on every interface). */
export function interfaceType(capacityGbps: number): string {
  if (capacityGbps <= 1) return '1000base-t';
  if (capacityGbps <= 10) return '10gbase-x-sfpp';
  if (capacityGbps <= 25) return '25gbase-x-sfp28';
  if (capacityGbps <= 40) return '40gbase-x-qsfpp';
  if (capacityGbps <= 100) return '100gbase-x-qsfp28';
  if (capacityGbps <= 400) return '400gbase-x-qsfpdd';
  return 'other';
}

const round = (v: number, decimals: number): number => {
  const f = 10 ** decimals;
  const r = Math.round(v * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

/** Manufacturer given to device types when the design names no vendor. */
export const NB_GENERIC_MANUFACTURER = 'Generic';
/** Device type of devices whose model the design leaves open. */
export const NB_GENERIC_TYPE = 'NetTwin generic';

type Cf = Record<string, string | number | boolean | null>;

export interface NbOutSite {
  id: number;
  name: string;
  slug: string;
  region?: string;
  lat?: number;
  lon?: number;
  cf: Cf;
}
export interface NbOutDevice {
  id: number;
  name: string;
  role: string;
  deviceType: string;
  site: NbOutSite;
  lat?: number;
  lon?: number;
  cf: Cf;
}
export interface NbOutInterface {
  id: number;
  device: NbOutDevice;
  name: string;
  /** NetBox interface type and speed (kbit/s) from the link's capacity. */
  type: string;
  speedKbps: number;
}
export interface NbOutCable {
  id: number;
  label: string;
  /** The design's link id (the label may be shortened). */
  linkId: string;
  a: NbOutInterface;
  b: NbOutInterface;
  /** Rounded to NetBox's 2 decimals, in km from 1 km up, else in m (the exact km in cf nettwin_distance_km). */
  length?: { value: number; unit: 'km' | 'm' };
  cf: Cf;
}
export interface NbOut {
  /** Region names, in first-use order. */
  regions: string[];
  sites: NbOutSite[];
  devices: NbOutDevice[];
  interfaces: NbOutInterface[];
  cables: NbOutCable[];
}

/** NetBox slugs: lower-case letters, digits, `-` and `_`, at most 100 characters. */
export function slugify(text: string): string {
  const s = text.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return s.length > 0 ? s.slice(0, NB_LIMITS.slug).replace(/-+$/, '') : 'x';
}

/** `text` cut to `max` characters with `suffix` kept whole at the end. */
const fit = (text: string, suffix: string, max: number): string => `${text.slice(0, Math.max(0, max - suffix.length)).trimEnd()}${suffix}`;

/**
 * Names unique (case-insensitively, as NetBox compares) and within `max`
 * characters. Designs allow repeats (Topology Zoo labels repeat) and long
 * names: a repeat gets its NetTwin id appended, a long name is cut, and any
 * remaining clash takes ` ~2`, ` ~3` …; `nettwin_name` keeps the original.
 */
export function uniqueNames<T>(items: readonly T[], name: (t: T) => string, id: (t: T) => string, max: number): string[] {
  const used = new Set<string>();
  return items.map((t) => {
    const full = name(t);
    let out = fit(full, '', max);
    if (used.has(out.toLowerCase())) out = fit(full, ` [${id(t)}]`.slice(0, Math.floor(max / 2)), max);
    for (let k = 2; used.has(out.toLowerCase()); k++) out = fit(full, ` ~${k}`, max);
    used.add(out.toLowerCase());
    return out;
  });
}

/** Unique slugs within NetBox's 100 characters. */
function uniqueSlugs(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((n) => {
    const base = slugify(n);
    let slug = base;
    for (let k = 2; used.has(slug); k++) slug = fit(base, `-${k}`, NB_LIMITS.slug);
    used.add(slug);
    return slug;
  });
}

/** A coordinate at NetBox's 6 decimals, and the exact value when rounding changed it (for `nettwin_lat`/`_lon`). */
function coordinate(v: number | undefined): { value?: number; exact: number | null } {
  if (v === undefined) return { exact: null };
  const value = round(v, NB_LIMITS.coordinateDecimals);
  return { value, exact: value === v ? null : v };
}

/**
 * The NetBox objects a design stands for, numbered 1… per type as a fresh
 * NetBox would: one site per design site (plus UNASSIGNED_SITE for devices
 * in none), one device per node with one interface per link end — named as
 * every export names that port (`portPlan`, by the device's kind) — and one
 * cable per link. Names, slugs, coordinates and lengths are within NetBox's
 * limits (NB_LIMITS); exact values that had to change travel in custom
 * fields so the import reads the design back unchanged. Shared by the CSV,
 * JSON and Terraform exporters so all three describe the same inventory.
 */
export function toNetboxObjects(topology: Topology, kinds: Partial<Record<DeviceRole, ClabKind>> = {}): NbOut {
  const regions = [...new Set(topology.sites.map((s) => s.region))];
  const unsited = topology.nodes.some((n) => n.site === undefined || !topology.sites.some((s) => s.id === n.site));
  const siteInputs = unsited
    ? [...topology.sites, { id: '', name: UNASSIGNED_SITE, unassigned: true as const }]
    : topology.sites;
  const siteNames = uniqueNames(siteInputs, (s) => s.name, (s) => s.id, NB_LIMITS.name);
  const siteSlugs = uniqueSlugs(siteNames);
  const sites: NbOutSite[] = siteInputs.map((s, k) => {
    const name = siteNames[k]!;
    if ('unassigned' in s) {
      return { id: k + 1, name, slug: siteSlugs[k]!, cf: { [NB_CF.unassigned]: true } };
    }
    const lat = coordinate(s.lat);
    const lon = coordinate(s.lon);
    const out: NbOutSite = {
      id: k + 1,
      name,
      slug: siteSlugs[k]!,
      region: s.region,
      cf: {
        [NB_CF.id]: s.id,
        [NB_CF.name]: name === s.name ? null : s.name,
        [NB_CF.siteRole]: s.role,
        [NB_CF.users]: s.users ?? null,
        [NB_CF.bandwidthMbps]: s.bandwidthMbps ?? null,
        [NB_CF.lat]: lat.exact,
        [NB_CF.lon]: lon.exact,
        [NB_CF.unassigned]: null,
      },
    };
    if (lat.value !== undefined) out.lat = lat.value;
    if (lon.value !== undefined) out.lon = lon.value;
    return out;
  });
  const siteById = new Map(topology.sites.map((s, k) => [s.id, sites[k]!]));
  const holding = sites[sites.length - 1]!;
  // Globally unique: the interfaces import finds a device by its name alone.
  const deviceNames = uniqueNames(topology.nodes, (n) => n.name, (n) => n.id, NB_LIMITS.deviceName);
  const devices: NbOutDevice[] = topology.nodes.map((n, k) => {
    const name = deviceNames[k]!;
    const lat = coordinate(n.lat);
    const lon = coordinate(n.lon);
    const d: NbOutDevice = {
      id: k + 1,
      name,
      role: n.role,
      deviceType: n.model ?? NB_GENERIC_TYPE,
      site: (n.site === undefined ? undefined : siteById.get(n.site)) ?? holding,
      cf: {
        [NB_CF.id]: n.id,
        [NB_CF.name]: name === n.name ? null : n.name,
        [NB_CF.model]: n.model ?? null,
        [NB_CF.region]: n.region ?? null,
        [NB_CF.ports]: n.ports,
        [NB_CF.costUsd]: n.costUsd ?? null,
        [NB_CF.x]: n.x ?? null,
        [NB_CF.y]: n.y ?? null,
        [NB_CF.pinned]: n.pinned ?? null,
        [NB_CF.lat]: lat.exact,
        [NB_CF.lon]: lon.exact,
      },
    };
    if (lat.value !== undefined) d.lat = lat.value;
    if (lon.value !== undefined) d.lon = lon.value;
    return d;
  });
  const deviceById = new Map(topology.nodes.map((n, k) => [n.id, devices[k]!]));
  const plan = portPlan(topology, 'os', { ...DEFAULT_CLAB_KINDS, ...kinds });
  const capacityOf = new Map(topology.links.map((l) => [l.id, l.capacityGbps]));
  const interfaces: NbOutInterface[] = [];
  const ifaceOf = new Map<string, NbOutInterface>();
  for (const n of topology.nodes) {
    for (const p of plan.byDevice.get(n.id) ?? []) {
      const gbps = capacityOf.get(p.linkId) ?? 10;
      const iface: NbOutInterface = {
        id: interfaces.length + 1,
        device: deviceById.get(n.id)!,
        name: p.name.slice(0, NB_LIMITS.interfaceName),
        type: interfaceType(gbps),
        speedKbps: Math.round(gbps * 1_000_000),
      };
      interfaces.push(iface);
      // Link, device and port: a self-loop's two ends are two ports of one device.
      ifaceOf.set(`${p.linkId}\u0000${n.id}\u0000${p.name}`, iface);
    }
  }
  const endOf = (linkId: string, deviceId: string, name: string) => ifaceOf.get(`${linkId}\u0000${deviceId}\u0000${name}`)!;
  const labels = uniqueNames(topology.links, (l) => l.id, (l) => l.id, NB_LIMITS.cableLabel);
  const cables: NbOutCable[] = topology.links.map((l, k) => {
    const p = plan.byLink.get(l.id)!;
    const c: NbOutCable = {
      id: k + 1,
      label: labels[k]!,
      linkId: l.id,
      a: endOf(l.id, l.source, p.source),
      b: endOf(l.id, l.target, p.target),
      cf: {
        [NB_CF.id]: labels[k] === l.id ? null : l.id,
        [NB_CF.capacityGbps]: l.capacityGbps,
        [NB_CF.igpWeight]: l.igpWeight,
        [NB_CF.latencyMs]: l.latencyMs,
        // JSON text, so a group name may itself hold a comma.
        [NB_CF.srlgs]: JSON.stringify(l.srlgs),
        [NB_CF.costUsd]: l.costUsd ?? null,
        [NB_CF.distanceKm]: null,
      },
    };
    if (l.distanceKm !== undefined) {
      const km = l.distanceKm >= 1 || l.distanceKm === 0;
      const value = round(km ? l.distanceKm : l.distanceKm * 1000, NB_LIMITS.lengthDecimals);
      c.length = { value, unit: km ? 'km' : 'm' };
      if ((km ? value : value / 1000) !== l.distanceKm) c.cf[NB_CF.distanceKm] = l.distanceKm;
    }
    return c;
  });
  return { regions, sites, devices, interfaces, cables };
}
