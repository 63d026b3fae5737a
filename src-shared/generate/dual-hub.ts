import type { Topology } from '../model/topology';
import { DesignBuilder, siteDemandGbps, type GenContext } from './builder';
import { homingCount, homingTargets } from './homing';
import { rankSites } from './sites';

/**
 * Dual hub: hub devices at the two most important sites (two hubs in the
 * same site when there is only one site), joined by one circuit per homing
 * level (1, 2 or 3 by class), and every other site dual-homed to both hubs;
 * CRITICAL adds a third circuit to the nearer hub so that no two link
 * failures isolate a spoke. Hub-to-hub capacity carries the larger hub's
 * share of all demand. O(sites).
 */
export function generateDualHub(ctx: GenContext): Topology {
  const b = new DesignBuilder(ctx, 'dual-hub');
  const ranked = rankSites(ctx.sites);
  const first = ranked[0];
  if (!first) return b.build();
  const second = ranked[1] ?? first;
  const hubs = [
    { id: b.device(first, 'hub'), site: first },
    { id: b.device(second, 'hub'), site: second },
  ];
  const redundancy = ctx.intent.redundancy;
  const interHub = redundancy === 'NONE' ? 1 : redundancy === 'CRITICAL' ? 3 : 2;
  const total = ctx.sites.reduce((sum, s) => sum + siteDemandGbps(s, ctx.intent), 0);
  for (let k = 0; k < interHub; k++) b.link(hubs[0]!.id, hubs[1]!.id, total / 2 / interHub);
  for (const site of ctx.sites) {
    if (site.id === first.id || site.id === second.id) continue;
    const spoke = b.device(site, 'spoke');
    // Dual-homing is the family's point: at least one circuit to each hub.
    const circuits = Math.max(2, homingCount(redundancy, site));
    const capacity = siteDemandGbps(site, ctx.intent);
    for (const hub of homingTargets(site, hubs, circuits)) b.link(spoke, hub, capacity);
  }
  return b.build();
}
