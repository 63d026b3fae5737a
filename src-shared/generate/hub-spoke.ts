import { DesignBuilder, siteDemandGbps, type GenContext } from './builder';
import { homingCount } from './homing';
import { rankSites } from './sites';
import type { Topology } from '../model/topology';

/**
 * Hub-and-spoke: one hub device at the most important site (HQ first, then
 * datacenter, region hub…), one spoke device at every other site, each
 * spoke on a circuit to the hub sized for its demand. Where the class asks
 * for more than one circuit (STANDARD: HQ, datacenter and region-hub spokes;
 * HIGH/CRITICAL: every spoke) the spoke gets parallel circuits — the hub
 * itself stays a single point of failure, so this family can meet at most
 * STANDARD. With a single spoke, the hub site's class sets the circuit
 * count too. O(sites).
 */
export function generateHubSpoke(ctx: GenContext): Topology {
  const b = new DesignBuilder(ctx, 'hub-spoke');
  const ranked = rankSites(ctx.sites);
  const hubSite = ranked[0];
  if (!hubSite) return b.build();
  const hub = b.device(hubSite, 'hub');
  // With one spoke, its circuits are the hub site's only way out: an important hub site needs them doubled too.
  const onlySpoke = ctx.sites.length === 2;
  for (const site of ctx.sites) {
    if (site.id === hubSite.id) continue;
    const spoke = b.device(site, 'spoke');
    const circuits = Math.max(homingCount(ctx.intent.redundancy, site), onlySpoke ? homingCount(ctx.intent.redundancy, hubSite) : 1);
    const capacity = siteDemandGbps(site, ctx.intent);
    for (let k = 0; k < circuits; k++) b.link(spoke, hub, capacity);
  }
  return b.build();
}
