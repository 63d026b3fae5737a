import type { SiteRole, Topology } from '../model/topology';
import { compileTopology, type CompiledGraph } from '../sim/csr';

/**
 * A design prepared for validation: the CSR graph plus which site each
 * device stands in. Devices without a (known) site count as a site of their
 * own, named after the device, so imported designs still get site-level
 * hop and latency figures. O(n + m).
 */
export interface DesignIndex {
  readonly topology: Topology;
  readonly g: CompiledGraph;
  readonly siteIds: string[];
  readonly siteNames: string[];
  readonly siteRoles: (SiteRole | null)[];
  readonly siteRegions: string[];
  readonly siteDemandMbps: number[];
  /** Site index of each node. */
  readonly nodeSite: Int32Array;
  /** Node indices of each site. */
  readonly siteNodes: number[][];
}

export function indexDesign(t: Topology): DesignIndex {
  const g = compileTopology(t);
  const siteIds: string[] = [];
  const siteNames: string[] = [];
  const siteRoles: (SiteRole | null)[] = [];
  const siteRegions: string[] = [];
  const siteDemandMbps: number[] = [];
  const siteNodes: number[][] = [];
  const byId = new Map<string, number>();
  for (const s of t.sites) {
    if (byId.has(s.id)) continue;
    byId.set(s.id, siteIds.length);
    siteIds.push(s.id);
    siteNames.push(s.name);
    siteRoles.push(s.role);
    siteRegions.push(s.region);
    siteDemandMbps.push(s.bandwidthMbps ?? 0);
    siteNodes.push([]);
  }
  const nodeSite = new Int32Array(t.nodes.length);
  t.nodes.forEach((d, i) => {
    let si = d.site === undefined ? undefined : byId.get(d.site);
    if (si === undefined) {
      si = siteIds.length;
      siteIds.push(d.site ?? d.id);
      siteNames.push(d.site ?? d.name);
      siteRoles.push(null);
      siteRegions.push(d.region ?? '');
      siteDemandMbps.push(0);
      siteNodes.push([]);
      if (d.site !== undefined) byId.set(d.site, si);
    }
    nodeSite[i] = si;
    siteNodes[si]!.push(i);
  });
  return { topology: t, g, siteIds, siteNames, siteRoles, siteRegions, siteDemandMbps, nodeSite, siteNodes };
}

/** Link ids for link indices. */
export const linkIdsOf = (x: DesignIndex, links: Iterable<number>): string[] => [...links].map((e) => x.g.linkIds[e]!);
/** Node ids for node indices. */
export const nodeIdsOf = (x: DesignIndex, nodes: Iterable<number>): string[] => [...nodes].map((v) => x.g.nodeIds[v]!);
