import { z } from 'zod';
import { migrateVersioned, type VersionedFormat } from '../lib/versioned';
import { PlanningSchema } from './planning';

/**
 * The editable design model: devices (nodes) at sites, joined by links.
 * This is the one shape every layer exchanges (generators, simulator,
 * importers, store, canvas). Stored as versioned JSON; see `restoreTopology`.
 */
export const TOPOLOGY_FORMAT_VERSION = 1;

export const SITE_ROLES = ['hq', 'datacenter', 'region-hub', 'branch', 'campus', 'colo'] as const;
export const SiteRoleSchema = z.enum(SITE_ROLES);
export type SiteRole = z.infer<typeof SiteRoleSchema>;

/** Device roles. Families use a subset; imported networks default to `router`. */
export const DEVICE_ROLES = [
  'core',
  'super-spine',
  'spine',
  'leaf',
  'distribution',
  'access',
  'hub',
  'spoke',
  'edge',
  'router',
  'firewall',
] as const;
export const DeviceRoleSchema = z.enum(DEVICE_ROLES);

/**
 * How an inter-site link is bought (docs/cost-model.md): a dedicated internet
 * access used as an SD-WAN underlay, an MPLS/IP-VPN port, a carrier
 * wavelength, or dark fibre on an IRU lit with the design's own optics.
 * `intra-site` is cabling inside one site.
 */
export const TRANSPORTS = ['intra-site', 'internet', 'mpls', 'wavelength', 'dark-fibre'] as const;
export const TransportSchema = z.enum(TRANSPORTS);
export type Transport = z.infer<typeof TransportSchema>;
export type DeviceRole = z.infer<typeof DeviceRoleSchema>;

export const TOPOLOGY_FAMILIES = [
  'hub-spoke',
  'dual-hub',
  'tree',
  'leaf-spine',
  'ring',
  'dual-ring',
  'partial-mesh',
  'full-mesh',
  'hybrid',
] as const;
export const FamilySchema = z.enum(TOPOLOGY_FAMILIES);
export type Family = z.infer<typeof FamilySchema>;

/**
 * Attributes an import read but has no field for (Topology Zoo's Country,
 * Internal, LinkLabel, LinkType …), kept verbatim so the GraphML export
 * writes them back; the import report names them.
 */
const ForeignAttributes = z.record(z.string().min(1).max(100), z.string().max(1000));
const Id = z.string().min(1).max(200);
const Name = z.string().min(1).max(200);

export const SiteSchema = z.object({
  id: Id,
  name: Name,
  role: SiteRoleSchema,
  region: z.string().min(1).max(100),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  users: z.number().int().nonnegative().optional(),
  bandwidthMbps: z.number().nonnegative().optional(),
  /** Servers a datacenter / colo site's fabric connects (from the intent; generate/dc-fabric.ts). */
  servers: z.number().int().nonnegative().optional(),
});
export type Site = z.infer<typeof SiteSchema>;

export const DeviceSchema = z.object({
  id: Id,
  name: Name,
  role: DeviceRoleSchema,
  /** Site the device stands in (a site outage fails all its devices). */
  site: Id.optional(),
  region: z.string().min(1).max(100).optional(),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  ports: z.number().int().positive().max(100_000).default(48),
  model: z.string().max(100).optional(),
  costUsd: z.number().nonnegative().optional(),
  /** Canvas position (layout), and whether auto-layout must keep it. */
  x: z.number().finite().optional(),
  y: z.number().finite().optional(),
  pinned: z.boolean().optional(),
  /**
   * How the device runs in a lab: containerlab node kind, image and type. Set
   * by the containerlab importer (so a real lab exports back as it was) or by
   * the user; absent, exports take the kind of the device's role.
   */
  platform: z
    .object({ kind: z.string().min(1).max(100), image: z.string().min(1).max(300).optional(), type: z.string().min(1).max(100).optional() })
    .optional(),
  attributes: ForeignAttributes.optional(),
});
export type Device = z.infer<typeof DeviceSchema>;

export const LinkSchema = z.object({
  id: Id,
  source: Id,
  target: Id,
  capacityGbps: z.number().positive().default(10),
  igpWeight: z.number().positive().default(1),
  latencyMs: z.number().nonnegative().default(1),
  distanceKm: z.number().nonnegative().optional(),
  /** Shared-risk link groups: links with a common tag fail together. */
  srlgs: z.array(z.string().min(1).max(100)).default([]),
  /** Hand-set cost of this circuit over the whole term (install and recurring; optics still priced). */
  costUsd: z.number().nonnegative().optional(),
  /** How the circuit is bought; absent, the cost model chooses one (cost/transport.ts chooseTransport). */
  transport: TransportSchema.optional(),
  /** Member circuits of a LAG (each uses a port at both ends); default: capacity over 400G in 400G members, else 1. */
  lagMembers: z.number().int().min(1).max(1024).optional(),
  /** Route factor (route km / great-circle km) for this link's latency, overriding the corridor default. */
  routeFactor: z.number().min(1).max(5).optional(),
  /**
   * Interface names at the two ends, as an imported lab names them
   * (`ethernet-1/1`, `e1-36`, `swp12`). Absent, exports number ports per device.
   */
  sourcePort: z.string().min(1).max(100).optional(),
  targetPort: z.string().min(1).max(100).optional(),
  attributes: ForeignAttributes.optional(),
});
export type Link = z.infer<typeof LinkSchema>;

export const TopologySchema = z.object({
  formatVersion: z.literal(TOPOLOGY_FORMAT_VERSION).default(TOPOLOGY_FORMAT_VERSION),
  name: z.string().max(200).default('Untitled design'),
  family: FamilySchema.optional(),
  seed: z.number().int().optional(),
  sites: z.array(SiteSchema).default([]),
  nodes: z.array(DeviceSchema).max(200_000),
  links: z.array(LinkSchema).max(1_000_000),
  /** The intent's planning assumptions (traffic, growth, utilisation limit), copied at generation. */
  planning: PlanningSchema.optional(),
});
export type Topology = z.infer<typeof TopologySchema>;
export type TopologyInput = z.input<typeof TopologySchema>;

/** Problems that a schema cannot see: dangling link ends, duplicate ids. */
export function topologyIntegrityProblems(t: Topology): string[] {
  const problems: string[] = [];
  const nodeIds = new Set<string>();
  for (const n of t.nodes) {
    if (nodeIds.has(n.id)) problems.push(`nodes: duplicate id "${n.id}"`);
    nodeIds.add(n.id);
  }
  const siteIds = new Set(t.sites.map((s) => s.id));
  for (const n of t.nodes) {
    if (n.site !== undefined && t.sites.length > 0 && !siteIds.has(n.site)) {
      problems.push(`nodes.${n.id}.site: unknown site "${n.site}"`);
    }
  }
  const linkIds = new Set<string>();
  for (const l of t.links) {
    if (linkIds.has(l.id)) problems.push(`links: duplicate id "${l.id}"`);
    linkIds.add(l.id);
    if (!nodeIds.has(l.source)) problems.push(`links.${l.id}.source: unknown node "${l.source}"`);
    if (!nodeIds.has(l.target)) problems.push(`links.${l.id}.target: unknown node "${l.target}"`);
  }
  return problems;
}

/**
 * How a stored design migrates: version 1 is the first and only format so
 * far. A change to the shape bumps TOPOLOGY_FORMAT_VERSION and adds the step
 * from the previous version here (`migrations[n]`: version n → n + 1).
 */
export const TOPOLOGY_FORMAT: VersionedFormat = { what: 'design', current: TOPOLOGY_FORMAT_VERSION, migrations: {} };

/**
 * The one entry point for reading a stored or imported design: migrates older
 * format versions and validates. Throws an Error whose message lists problems.
 */
export function restoreTopology(raw: unknown): Topology {
  const parsed = TopologySchema.safeParse(migrateVersioned(raw, TOPOLOGY_FORMAT));
  if (!parsed.success) {
    const lines = parsed.error.issues
      .slice(0, 20)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`invalid design: ${lines.join('; ')}`);
  }
  const problems = topologyIntegrityProblems(parsed.data);
  if (problems.length > 0) throw new Error(`invalid design: ${problems.slice(0, 20).join('; ')}`);
  return parsed.data;
}
