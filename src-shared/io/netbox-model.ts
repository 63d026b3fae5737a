import type { TopologyInput } from '../model/topology';
import { finishImport } from './finish';
import {
  ImportError,
  uniqueId,
  type DraftNode,
  type ImportReport,
  type ImportResult,
} from './report';
import { roleFromText } from './roles';
import { buildSites, type SiteDraft } from './sites';

/**
 * NetBox custom fields NetTwin writes so a design survives a trip through
 * NetBox (CSV columns `cf_<name>`, JSON `custom_fields.<name>`). A real
 * NetBox export without them still imports; these only add precision.
 */
export const NB_CF = {
  id: 'nettwin_id',
  /** The design's name when NetBox needed a unique one. */
  name: 'nettwin_name',
  model: 'nettwin_model',
  region: 'nettwin_region',
  ports: 'nettwin_ports',
  costUsd: 'nettwin_cost_usd',
  x: 'nettwin_x',
  y: 'nettwin_y',
  pinned: 'nettwin_pinned',
  siteRole: 'nettwin_site_role',
  users: 'nettwin_users',
  bandwidthMbps: 'nettwin_bandwidth_mbps',
  capacityGbps: 'nettwin_capacity_gbps',
  igpWeight: 'nettwin_igp_weight',
  latencyMs: 'nettwin_latency_ms',
  srlgs: 'nettwin_srlgs',
  /** Exact values where NetBox's decimals rounded the field (latitude/longitude 6, cable length 2). */
  lat: 'nettwin_lat',
  lon: 'nettwin_lon',
  distanceKm: 'nettwin_distance_km',
  /** Marks the site the export adds for devices the design places in no site. */
  unassigned: 'nettwin_unassigned',
} as const;

/** A custom-field lookup; undefined when the field is absent or blank. */
export type CustomFields = (name: string) => string | undefined;

/** Format-neutral NetBox objects: the CSV and JSON readers both produce these. */
export interface NbSite {
  file: string;
  line?: number | undefined;
  name: string;
  region?: string | undefined;
  lat?: string | undefined;
  lon?: string | undefined;
  cf: CustomFields;
}
export interface NbDevice {
  file: string;
  line?: number | undefined;
  netboxId?: string | undefined;
  name: string;
  role?: string | undefined;
  deviceType?: string | undefined;
  site?: string | undefined;
  region?: string | undefined;
  lat?: string | undefined;
  lon?: string | undefined;
  cf: CustomFields;
}
export interface NbEnd {
  deviceId?: string | undefined;
  device?: string | undefined;
  site?: string | undefined;
  type?: string | undefined;
  name?: string | undefined;
}
export interface NbCable {
  file: string;
  line?: number | undefined;
  /** How reports name this cable when its line is costly to find ("cables.json cables[3]"). */
  ref?: string | undefined;
  label?: string | undefined;
  a: NbEnd;
  b: NbEnd;
  length?: string | undefined;
  lengthUnit?: string | undefined;
  cf: CustomFields;
}

/** Marks a (site, name) pair that more than one device claims. */
const AMBIGUOUS = '\u0000ambiguous';

const KM_PER_UNIT: Record<string, number> = { km: 1, m: 0.001, cm: 0.00001, mi: 1.609344, ft: 0.0003048, in: 0.0000254 };
/** Unit labels NetBox's table export writes ("420 Kilometers"). */
const UNIT_WORDS: Record<string, string> = {
  kilometers: 'km', kilometer: 'km', meters: 'm', meter: 'm', centimeters: 'cm', centimeter: 'cm',
  miles: 'mi', mile: 'mi', feet: 'ft', foot: 'ft', inches: 'in', inch: 'in',
};

/**
 * Cable length in km from `length` + `length_unit` (API, import CSV) or from
 * one cell such as "420 Kilometers" (table export). No unit means metres,
 * NetBox's most common cable unit.
 */
function lengthKm(c: NbCable): number | undefined {
  if (c.length === undefined) return undefined;
  const m = /^\s*(-?[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*([A-Za-z]*)\s*$/.exec(c.length);
  if (!m) throw new ImportError(c.file, `"${c.length}" is not a length`, c.line, 'length');
  const word = (c.lengthUnit ?? m[2] ?? '').toLowerCase();
  const unit = word === '' ? 'm' : (UNIT_WORDS[word] ?? word);
  const factor = KM_PER_UNIT[unit];
  if (factor === undefined) throw new ImportError(c.file, `unknown length unit "${word}"`, c.line, 'length_unit');
  const value = Number(m[1]) * factor;
  if (!(value >= 0)) throw new ImportError(c.file, `negative length "${c.length}"`, c.line, 'length');
  return value;
}

/** NetBox objects → topology: devices become nodes, interface cables become links. */
export function buildFromNetbox(
  sites: readonly NbSite[],
  devices: readonly NbDevice[],
  cables: readonly NbCable[],
  report: ImportReport,
  file: string,
): ImportResult {
  // `o.line` is read only on failure: for JSON input it is a lazy lookup that parses positions.
  const num = (v: string | undefined, o: { file: string; line?: number | undefined }, field: string) => {
    if (v === undefined || v.trim() === '') return undefined;
    const n = Number(v.trim());
    if (!Number.isFinite(n)) throw new ImportError(o.file, `"${v}" is not a number`, o.line, field);
    return n;
  };

  const siteDrafts = new Map<string, SiteDraft>();
  const siteIdByName = new Map<string, string>();
  const siteIds = new Set<string>();
  const holding = new Set<string>();
  for (const s of sites) {
    const flag = s.cf(NB_CF.unassigned);
    if (flag === 'true' || flag === 'True' || flag === '1') {
      holding.add(s.name);
      continue;
    }
    const id = uniqueId(s.cf(NB_CF.id) ?? s.name, siteIds);
    siteIdByName.set(s.name, id);
    siteDrafts.set(id, {
      id,
      name: s.cf(NB_CF.name) ?? s.name,
      role: s.cf(NB_CF.siteRole),
      region: s.region,
      lat: num(s.cf(NB_CF.lat) ?? s.lat, s, 'latitude'),
      lon: num(s.cf(NB_CF.lon) ?? s.lon, s, 'longitude'),
      users: num(s.cf(NB_CF.users), s, `cf_${NB_CF.users}`),
      bandwidthMbps: num(s.cf(NB_CF.bandwidthMbps), s, `cf_${NB_CF.bandwidthMbps}`),
    });
  }
  if (sites.length > 0) report.mapped.push(`${sites.length - holding.size} sites`);
  if (holding.size > 0) report.mapped.push(`site "${[...holding].join('", "')}" holds devices placed in no site: read as no site`);

  const nodes: DraftNode[] = [];
  const nodeIds = new Set<string>();
  const byNetboxId = new Map<string, string>();
  const byName = new Map<string, string[]>();
  const bySiteName = new Map<string, string>();
  for (const d of devices) {
    const wanted = d.cf(NB_CF.id) ?? d.name;
    if (d.cf(NB_CF.id) !== undefined && nodeIds.has(wanted)) {
      throw new ImportError(d.file, `duplicate ${NB_CF.id} "${wanted}"`, d.line, `cf_${NB_CF.id}`);
    }
    const id = uniqueId(wanted, nodeIds);
    const node: DraftNode = { id, name: d.cf(NB_CF.name) ?? d.name };
    const role = d.role === undefined ? undefined : roleFromText(d.role);
    if (role !== undefined) {
      node.role = role;
      (d.role === role ? report.mapped : report.guessed).push(`role of "${d.name}": ${role} (NetBox role "${d.role}")`);
    } else if (d.role !== undefined) {
      report.dropped.push(`NetBox role "${d.role}" of "${d.name}" has no NetTwin equivalent`);
    }
    if (d.site !== undefined && !holding.has(d.site)) {
      let siteId = siteIdByName.get(d.site);
      if (siteId === undefined) {
        // A site named only on devices (no sites file): create it from the name.
        siteId = uniqueId(d.site, siteIds);
        siteIdByName.set(d.site, siteId);
        siteDrafts.set(siteId, { id: siteId, name: d.site, region: d.region });
      }
      node.site = siteId;
      const key = `${d.site}\u0000${d.name}`;
      bySiteName.set(key, bySiteName.has(key) ? AMBIGUOUS : id);
    }
    // Our own export states the device region exactly (blank = none); elsewhere inherit the site's.
    const ours = d.cf(NB_CF.id) !== undefined;
    const region = ours
      ? d.cf(NB_CF.region)
      : (d.region ?? (node.site ? siteDrafts.get(node.site)?.region : undefined));
    if (region !== undefined) node.region = region;
    const set = <K extends keyof DraftNode>(k: K, v: DraftNode[K] | undefined) => {
      if (v !== undefined) node[k] = v;
    };
    set('lat', num(d.cf(NB_CF.lat) ?? d.lat, d, 'latitude'));
    set('lon', num(d.cf(NB_CF.lon) ?? d.lon, d, 'longitude'));
    set('ports', num(d.cf(NB_CF.ports), d, `cf_${NB_CF.ports}`));
    set('costUsd', num(d.cf(NB_CF.costUsd), d, `cf_${NB_CF.costUsd}`));
    set('x', num(d.cf(NB_CF.x), d, `cf_${NB_CF.x}`));
    set('y', num(d.cf(NB_CF.y), d, `cf_${NB_CF.y}`));
    const pinned = d.cf(NB_CF.pinned);
    if (pinned !== undefined) node.pinned = pinned === 'true' || pinned === 'True' || pinned === '1';
    // Our own export names the model in a custom field; elsewhere the device type is the model.
    set('model', ours ? d.cf(NB_CF.model) : d.deviceType);
    nodes.push(node);
    if (d.netboxId !== undefined) byNetboxId.set(d.netboxId, id);
    byName.set(d.name, [...(byName.get(d.name) ?? []), id]);
  }
  report.mapped.push(`${nodes.length} devices`);

  const resolve = (end: NbEnd, c: NbCable, side: 'a' | 'b'): string | undefined => {
    if (end.deviceId !== undefined && byNetboxId.has(end.deviceId)) return byNetboxId.get(end.deviceId);
    if (end.device === undefined) return undefined;
    if (end.site !== undefined) {
      const hit = bySiteName.get(`${end.site}\u0000${end.device}`);
      if (hit === AMBIGUOUS) {
        throw new ImportError(c.file, `site "${end.site}" has several devices named "${end.device}"`, c.line, `side_${side}_device`);
      }
      if (hit !== undefined) return hit;
    }
    const named = byName.get(end.device) ?? [];
    if (named.length > 1) {
      throw new ImportError(c.file, `device name "${end.device}" is ambiguous; give its site`, c.line, `side_${side}_site`);
    }
    return named[0];
  };

  const links: TopologyInput['links'] = [];
  const linkIds = new Set<string>();
  let defaulted = 0;
  for (const c of cables) {
    const where = c.ref ?? (c.line === undefined ? `cable "${c.label ?? '?'}"` : `${c.file} line ${c.line}`);
    const kinds = [c.a.type, c.b.type].filter((t) => t !== undefined && t !== 'dcim.interface');
    if (kinds.length > 0) {
      report.dropped.push(`${where}: ends on ${kinds.join(', ')}, not on device interfaces`);
      continue;
    }
    const source = resolve(c.a, c, 'a');
    const target = resolve(c.b, c, 'b');
    if (source === undefined || target === undefined) {
      const end = source === undefined ? c.a : c.b;
      report.dropped.push(`${where}: device "${end.device ?? end.deviceId ?? '(none)'}" is not in the devices list`);
      continue;
    }
    const link: TopologyInput['links'][number] = {
      id: uniqueId(c.cf(NB_CF.id) ?? c.label ?? `${source}:${c.a.name ?? ''}--${target}:${c.b.name ?? ''}`, linkIds),
      source,
      target,
    };
    const capacity = num(c.cf(NB_CF.capacityGbps), c, `cf_${NB_CF.capacityGbps}`);
    if (capacity === undefined) defaulted++;
    if (capacity !== undefined) link.capacityGbps = capacity;
    const igp = num(c.cf(NB_CF.igpWeight), c, `cf_${NB_CF.igpWeight}`);
    if (igp !== undefined) link.igpWeight = igp;
    const latency = num(c.cf(NB_CF.latencyMs), c, `cf_${NB_CF.latencyMs}`);
    if (latency !== undefined) link.latencyMs = latency;
    const cost = num(c.cf(NB_CF.costUsd), c, `cf_${NB_CF.costUsd}`);
    if (cost !== undefined) link.costUsd = cost;
    const srlgs = c.cf(NB_CF.srlgs);
    if (srlgs !== undefined) link.srlgs = parseSrlgs(srlgs, c);
    const distance = num(c.cf(NB_CF.distanceKm), c, `cf_${NB_CF.distanceKm}`) ?? lengthKm(c);
    if (distance !== undefined) link.distanceKm = distance;
    links.push(link);
  }
  report.mapped.push(`${links.length} cables as links`);
  if (defaulted > 0) report.guessed.push(`${defaulted} cables without capacity: 10 Gbps assumed`);
  return finishImport({ sites: buildSites(siteDrafts.values(), report), nodes, links }, report, file);
}

/** SRLGs as our export writes them (a JSON list) or as people type them ("a, b"). */
function parseSrlgs(text: string, c: NbCable): string[] {
  if (!text.trim().startsWith('[')) return text.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch {
    list = undefined;
  }
  if (!Array.isArray(list) || !list.every((s) => typeof s === 'string')) {
    throw new ImportError(c.file, 'not a list of group names', c.line, `cf_${NB_CF.srlgs}`);
  }
  return list;
}
