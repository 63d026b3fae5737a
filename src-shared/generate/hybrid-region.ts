import type { Redundancy } from '../model/intent';
import type { Site } from '../model/topology';
import { siteDemandGbps, usablePorts, type DesignBuilder, type GenContext } from './builder';
import { isCoreCapable } from './applicability';
import { buildDcFabric } from './dc-fabric';
import { homingCount, homingTargets, siteKm } from './homing';
import { rankSites } from './sites';

export interface RegionCore {
  region: string;
  cores: { id: string; site: Site }[];
  demandGbps: number;
}

/**
 * One region of the hybrid design.
 * - Core: one device (NONE) or a pair at the region's most important HQ,
 *   datacenter, region-hub or colo site (hybrid.ts folds a region without
 *   one into its nearest region); for CRITICAL the pair is split over the
 *   two top such sites so a site outage
 *   leaves one core; the pair is joined by one circuit (STANDARD) or two
 *   (HIGH, CRITICAL: a region that is only its core site has no other path).
 * - Datacenters: a leaf-spine fabric in the site sized from its servers and
 *   traffic (dc-fabric.ts), the fabric's top device of every plane linked to
 *   every core.
 * - Every other site not hosting a core: an edge router homed by class
 *   (homing.ts) to the cores, or — when the cores lack the ports (after
 *   growth headroom) — to aggregation groups: one aggregation device per
 *   core, beside it, uplinked to that core, the pair cross-linked (a
 *   "square", one core port per group; for CRITICAL every member links to
 *   every core so a group has four exits), each group serving as many edges
 *   as its ports allow.
 * `reservedCorePorts` are kept free on each core for inter-region circuits.
 */
export function buildRegion(
  b: DesignBuilder,
  ctx: GenContext,
  region: string,
  sites: readonly Site[],
  reservedCorePorts: number,
): RegionCore {
  const { intent } = ctx;
  const r = intent.redundancy;
  const ranked = rankSites(sites).filter(isCoreCapable);
  const coreSites = r === 'CRITICAL' && ranked.length >= 2 ? ranked.slice(0, 2) : ranked.slice(0, 1);
  const nCores = r === 'NONE' ? 1 : 2;
  const demandGbps = sites.reduce((s, x) => s + siteDemandGbps(x, intent), 0);
  const cores = Array.from({ length: nCores }, (_, c) => {
    const site = coreSites[c % coreSites.length]!;
    return { id: b.device(site, 'core'), site };
  });
  if (nCores === 2) {
    for (let k = 0; k < peerLinks(r); k++) b.link(cores[0]!.id, cores[1]!.id, demandGbps / 2);
  }
  const coreSiteIds = new Set(coreSites.map((s) => s.id));
  const edges = sites.filter((s) => s.role !== 'datacenter' && !coreSiteIds.has(s.id));
  let spinesToCores = 0;
  for (const dc of sites.filter((s) => s.role === 'datacenter')) {
    spinesToCores += buildDatacenter(b, ctx, dc, cores.map((c) => c.id));
  }
  const maxCircuits = Math.max(0, ...edges.map((s) => homingCount(r, s)));
  const perUpstream = Math.ceil(maxCircuits / nCores);
  const free = usablePorts(intent, 'core') - (nCores === 2 ? peerLinks(r) : 0) - reservedCorePorts - spinesToCores / nCores;
  // Edges nearest the first core site first, so aggregation groups are compact.
  const ordered = [...edges].sort((x, y) => siteKm(coreSites[0]!, x) - siteKm(coreSites[0]!, y));
  if (edges.length * perUpstream <= free) {
    homeEdges(b, ctx, ordered, cores);
  } else {
    // Square aggregation: member a of a group uplinks to core a and the pair
    // is cross-linked, so a group costs one port per core. CRITICAL links
    // every member to every core: a square leaves a group two exits.
    const meshed = r === 'CRITICAL';
    const aggUplinks = meshed ? nCores : 1 + (nCores === 2 ? 1 : 0);
    const perGroup = Math.max(1, Math.floor((usablePorts(intent, 'distribution') - aggUplinks) / perUpstream));
    for (let g = 0; g * perGroup < ordered.length; g++) {
      const members = ordered.slice(g * perGroup, (g + 1) * perGroup);
      const groupDemand = members.reduce((s, x) => s + siteDemandGbps(x, intent), 0);
      const aggs = cores.map((core) => ({ id: b.device(core.site, 'distribution'), site: core.site }));
      aggs.forEach((agg, a) => {
        for (const [c, core] of cores.entries()) if (meshed || c === a) b.link(agg.id, core.id, groupDemand);
      });
      if (aggs.length === 2 && !meshed) b.link(aggs[0]!.id, aggs[1]!.id, groupDemand);
      homeEdges(b, ctx, members, aggs);
    }
  }
  return { region, cores, demandGbps };
}

const peerLinks = (r: Redundancy): number => (r === 'STANDARD' ? 1 : 2);

function homeEdges(
  b: DesignBuilder,
  ctx: GenContext,
  edges: readonly Site[],
  upstream: readonly { id: string; site: Site }[],
): void {
  edges.forEach((site, i) => {
    const edge = b.device(site, 'edge');
    const circuits = homingCount(ctx.intent.redundancy, site);
    for (const up of homingTargets(site, upstream, circuits, i)) b.link(edge, up, siteDemandGbps(site, ctx.intent));
  });
}

/** A datacenter's fabric (dc-fabric.ts); returns how many fabric-to-core links it made. */
function buildDatacenter(b: DesignBuilder, ctx: GenContext, dc: Site, cores: readonly string[]): number {
  const planes = buildDcFabric(b, dc, ctx.intent);
  const share = siteDemandGbps(dc, ctx.intent) / Math.max(1, planes.length * cores.length);
  for (const plane of planes) for (const core of cores) b.link(plane[0]!, core, share);
  return planes.length * cores.length;
}
