import type { Topology } from '../model/topology';
import { DesignBuilder, siteDemandGbps, usablePorts, type GenContext } from './builder';
import { atLeast, homingCount, homingTargets, siteKm } from './homing';
import { rankSites, sitesByRegion } from './sites';

/**
 * Three-tier tree (core / distribution / access), the campus-and-WAN
 * hierarchy:
 * - core: one device (NONE) or a linked pair (otherwise) at the most
 *   important site;
 * - distribution: per region, at the region's most important site, enough
 *   devices that each serves at most (ports left after growth headroom −
 *   core uplinks) access
 *   devices; in pairs from HIGH up so every access device has two parents.
 *   Every distribution device links to every core device (one core link
 *   for NONE);
 * - access: one device per site, homed to 1 or 2 distribution devices by
 *   class (STANDARD dual-homes HQ, datacenter and region-hub sites).
 * A tree cannot survive two link failures at a dual-homed leaf, so this
 * family meets at most HIGH. O(sites).
 */
export function generateTree(ctx: GenContext): Topology {
  const b = new DesignBuilder(ctx, 'tree');
  const { intent } = ctx;
  const r = intent.redundancy;
  const ranked = rankSites(ctx.sites);
  const coreSite = ranked[0];
  if (!coreSite) return b.build();
  const total = ctx.sites.reduce((s, x) => s + siteDemandGbps(x, intent), 0);
  const cores = [b.device(coreSite, 'core')];
  if (atLeast(r, 'STANDARD')) {
    cores.push(b.device(coreSite, 'core'));
    b.link(cores[0]!, cores[1]!, total / 2);
  }
  const coreUplinks = r === 'NONE' ? 1 : cores.length;
  const perDist = Math.max(1, usablePorts(intent, 'distribution') - coreUplinks);
  for (const [, regionSites] of sitesByRegion(ctx.sites)) {
    const distSite = rankSites(regionSites)[0]!;
    const demand = regionSites.reduce((s, x) => s + siteDemandGbps(x, intent), 0);
    const paired = atLeast(r, 'HIGH') || regionSites.some((s) => homingCount(r, s) > 1);
    const groups = Math.ceil(regionSites.length / perDist);
    // Access sites nearest first, so each distribution group is geographically compact.
    const ordered = [...regionSites].sort((x, y) => siteKm(distSite, x) - siteKm(distSite, y));
    for (let gi = 0; gi < groups; gi++) {
      const members = ordered.slice(gi * perDist, (gi + 1) * perDist);
      const dists = [b.device(distSite, 'distribution')];
      if (paired) dists.push(b.device(distSite, 'distribution'));
      for (const d of dists) {
        for (let c = 0; c < coreUplinks; c++) b.link(d, cores[c]!, demand / groups / dists.length);
      }
      const upstream = dists.map((id) => ({ id, site: distSite }));
      members.forEach((site, mi) => {
        const access = b.device(site, 'access');
        const circuits = Math.min(2, homingCount(r, site));
        for (const up of homingTargets(site, upstream, Math.min(circuits, dists.length), mi)) {
          b.link(access, up, siteDemandGbps(site, intent));
        }
      });
    }
  }
  return b.build();
}
