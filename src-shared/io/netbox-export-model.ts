import type { Topology } from '../model/topology';
import { assignInterfaces, genericPortName } from './interfaces';
import { NB_CF } from './netbox-model';

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
  site?: NbOutSite;
  lat?: number;
  lon?: number;
  cf: Cf;
}
export interface NbOutInterface {
  id: number;
  device: NbOutDevice;
  name: string;
}
export interface NbOutCable {
  id: number;
  label: string;
  a: NbOutInterface;
  b: NbOutInterface;
  distanceKm?: number;
  cf: Cf;
}
export interface NbOut {
  sites: NbOutSite[];
  devices: NbOutDevice[];
  interfaces: NbOutInterface[];
  cables: NbOutCable[];
}

/** NetBox slugs: lower-case letters, digits, `-` and `_`. */
export function slugify(text: string): string {
  const s = text.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return s.length > 0 ? s.slice(0, 100) : 'x';
}

/**
 * NetBox refuses two sites with one name, and two devices with one name in a
 * site (case-insensitively); designs allow both (Topology Zoo labels repeat).
 * Repeats get their NetTwin id appended; `nettwin_name` keeps the original.
 */
function uniqueNames<T>(items: readonly T[], name: (t: T) => string, id: (t: T) => string, scope: (t: T) => string): string[] {
  const used = new Set<string>();
  return items.map((t) => {
    let out = name(t);
    for (let k = 1; used.has(`${scope(t)}\u0000${out.toLowerCase()}`); k++) {
      out = `${name(t)} [${id(t)}]${k > 1 ? ` ${k}` : ''}`;
    }
    used.add(`${scope(t)}\u0000${out.toLowerCase()}`);
    return out;
  });
}

/**
 * The NetBox objects a design stands for, numbered 1… per type as a fresh
 * NetBox would: one site per design site, one device per node with one
 * interface per link end, one cable per link. Shared by the CSV, JSON and
 * Terraform exporters so all three describe the same inventory.
 */
export function toNetboxObjects(topology: Topology): NbOut {
  const slugs = new Set<string>();
  const siteNames = uniqueNames(topology.sites, (s) => s.name, (s) => s.id, () => '');
  const sites: NbOutSite[] = topology.sites.map((s, k) => {
    const name = siteNames[k]!;
    let slug = slugify(name);
    for (let n = 2; slugs.has(slug); n++) slug = `${slugify(name)}-${n}`;
    slugs.add(slug);
    const out: NbOutSite = {
      id: k + 1,
      name,
      slug,
      region: s.region,
      cf: {
        [NB_CF.id]: s.id,
        [NB_CF.name]: name === s.name ? null : s.name,
        [NB_CF.siteRole]: s.role,
        [NB_CF.users]: s.users ?? null,
        [NB_CF.bandwidthMbps]: s.bandwidthMbps ?? null,
      },
    };
    if (s.lat !== undefined) out.lat = s.lat;
    if (s.lon !== undefined) out.lon = s.lon;
    return out;
  });
  const siteById = new Map(topology.sites.map((s, k) => [s.id, sites[k]!]));
  const deviceNames = uniqueNames(topology.nodes, (n) => n.name, (n) => n.id, (n) => n.site ?? '');
  const devices: NbOutDevice[] = topology.nodes.map((n, k) => {
    const name = deviceNames[k]!;
    const d: NbOutDevice = {
      id: k + 1,
      name,
      role: n.role,
      deviceType: n.model ?? NB_GENERIC_TYPE,
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
      },
    };
    const site = n.site === undefined ? undefined : siteById.get(n.site);
    if (site) d.site = site;
    if (n.lat !== undefined) d.lat = n.lat;
    if (n.lon !== undefined) d.lon = n.lon;
    return d;
  });
  const deviceById = new Map(topology.nodes.map((n, k) => [n.id, devices[k]!]));
  const plan = assignInterfaces(topology, genericPortName);
  const interfaces: NbOutInterface[] = [];
  const ifaceOf = new Map<string, NbOutInterface>();
  for (const n of topology.nodes) {
    for (const p of plan.byDevice.get(n.id) ?? []) {
      const iface = { id: interfaces.length + 1, device: deviceById.get(n.id)!, name: p.name };
      interfaces.push(iface);
      ifaceOf.set(`${n.id}\u0000${p.name}`, iface);
    }
  }
  const cables: NbOutCable[] = topology.links.map((l, k) => {
    const p = plan.byLink.get(l.id)!;
    const c: NbOutCable = {
      id: k + 1,
      label: l.id,
      a: ifaceOf.get(`${l.source}\u0000${p.source}`)!,
      b: ifaceOf.get(`${l.target}\u0000${p.target}`)!,
      cf: {
        [NB_CF.capacityGbps]: l.capacityGbps,
        [NB_CF.igpWeight]: l.igpWeight,
        [NB_CF.latencyMs]: l.latencyMs,
        // JSON text, so a group name may itself hold a comma.
        [NB_CF.srlgs]: JSON.stringify(l.srlgs),
        [NB_CF.costUsd]: l.costUsd ?? null,
      },
    };
    if (l.distanceKm !== undefined) c.distanceKm = l.distanceKm;
    return c;
  });
  return { sites, devices, interfaces, cables };
}
