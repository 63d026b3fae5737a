import { DesignBuilder, siteDemandGbps, usablePorts, type GenContext } from './builder';
import { siteKm } from './homing';
import { isImportantSite, rankSites } from './sites';
import type { Site, Topology } from '../model/topology';

/**
 * Hub-and-spoke, hierarchical as an architect draws it: the main hub at the
 * most important site (HQ first, then datacenter, region hub, colo —
 * applicability.ts requires one), and every region-hub site a hub too (a
 * regional hub stays a hub, uplinked to the main hub). Each other site is a
 * spoke of the nearest hub in its own region (else the nearest hub), on one
 * circuit; HQ, datacenter and region-hub spokes get a second circuit, to the
 * next-nearest hub site when there is one (else on a diverse duct to the same
 * hub), so STANDARD holds. A hub site whose spokes outgrow one device's ports
 * (after growth headroom) gets more hub devices, each linked to the first
 * (two links from STANDARD up) — a stack, never a 600-port box. The main hub site stays a single point of
 * failure: the family meets at most STANDARD. Circuits start at the spoke's
 * demand and are raised by the sizing pass (size.ts). O(sites · hubs).
 */
export function generateHubSpoke(ctx: GenContext): Topology {
  const b = new DesignBuilder(ctx, 'hub-spoke');
  const { intent } = ctx;
  const main = rankSites(ctx.sites)[0];
  if (!main) return b.build();
  const hubSites = [main, ...ctx.sites.filter((s) => s.role === 'region-hub' && s.id !== main.id)];
  const hubIds = new Set(hubSites.map((h) => h.id));
  const nearestHubs = (site: Site): Site[] =>
    [...hubSites]
      .filter((h) => h.id !== site.id)
      .sort((x, y) => Number(y.region === site.region) - Number(x.region === site.region) || siteKm(site, x) - siteKm(site, y));
  // With one spoke, its circuits are the main site's only way out: an important main site needs them doubled too.
  const onlySpoke = ctx.sites.length === 2 && isImportantSite(main.role);
  const circuitsOf = (site: Site): number => (intent.redundancy !== 'NONE' && (onlySpoke || isImportantSite(site.role)) ? 2 : 1);

  // Who homes where: [site, hub site] per circuit; regional hubs home to the main hub.
  const plan: { site: Site; hub: Site }[] = [];
  for (const site of ctx.sites) {
    if (site.id === main.id) continue;
    const hubs = site.role === 'region-hub' ? [main] : nearestHubs(site);
    const k = circuitsOf(site);
    for (let c = 0; c < k; c++) plan.push({ site, hub: hubs[Math.min(c, hubs.length - 1)]! });
  }
  // Hub devices per hub site: enough ports for its circuits (ports kept for the stack links).
  const perDevice = Math.max(1, usablePorts(intent, 'hub') - 2);
  const stacks = new Map<string, string[]>();
  const taken = new Map<string, number>();
  for (const h of hubSites) {
    const circuits = plan.filter((p) => p.hub.id === h.id).length + (h.id === main.id ? 0 : circuitsOf(h));
    const devices = Math.max(1, Math.ceil(circuits / perDevice));
    const ids = Array.from({ length: devices }, () => b.device(h, 'hub'));
    // Stack links in pairs from STANDARD up: one stack link must not cut a hub device's spokes off.
    const stackLinks = intent.redundancy === 'NONE' ? 1 : 2;
    for (let d = 1; d < ids.length; d++) for (let k = 0; k < stackLinks; k++) b.link(ids[d]!, ids[0]!, 0);
    stacks.set(h.id, ids);
  }
  const nextPort = (h: Site): string => {
    const k = taken.get(h.id) ?? 0;
    taken.set(h.id, k + 1);
    const ids = stacks.get(h.id)!;
    return ids[Math.min(ids.length - 1, Math.floor(k / perDevice))]!;
  };
  const spokeDevice = new Map<string, string>();
  for (const { site, hub } of plan) {
    let from = spokeDevice.get(site.id);
    if (from === undefined) {
      // A regional hub's uplink leaves from its first hub device.
      from = hubIds.has(site.id) ? stacks.get(site.id)![0]! : b.device(site, 'spoke');
      spokeDevice.set(site.id, from);
    }
    const demand = site.role === 'region-hub' ? regionDemand(ctx, site, plan) : siteDemandGbps(site, intent);
    b.link(from, nextPort(hub), demand);
  }
  return b.build();
}

/** What a regional hub carries towards the main hub: its own demand and its spokes'. */
function regionDemand(ctx: GenContext, hub: Site, plan: readonly { site: Site; hub: Site }[]): number {
  const spokes = new Set(plan.filter((p) => p.hub.id === hub.id).map((p) => p.site));
  let total = siteDemandGbps(hub, ctx.intent);
  for (const s of spokes) total += siteDemandGbps(s, ctx.intent);
  return total;
}
