import type { Site, Topology } from '../model/topology';
import { isCoreCapable } from './applicability';
import { DesignBuilder, type GenContext } from './builder';
import { routeKm } from './geo';
import { backbonePairs } from './backbone';
import { buildRegion, type RegionCore } from './hybrid-region';
import { rankSites, sitesByRegion } from './sites';

/**
 * Hybrid: the enterprise design most architects end up drawing — per region
 * a core (pair) at an HQ, datacenter, region-hub or colo site, datacenters as
 * leaf-spine fabrics, branches homed by class (hybrid-region.ts); a region
 * with no such site is served by the nearest region that has one (its
 * branches home there: no core router in a branch). The regions are joined
 * by a latency-aware backbone, one plane per core device (core j of every
 * region to core j of the others):
 * - two regions: every core to every core;
 * - three or more: a ring in the shortest tour of the regions' core sites
 *   (exact up to 8 regions, else nearest neighbour improved by 2-opt) over
 *   route distances (geo.ts: metro, terrestrial and subsea route factors),
 *   plus chords between the closest pairs whose path round the ring is more
 *   than CHORD_STRETCH times their direct route — never a full mesh across
 *   oceans (backbone.ts).
 * Inter-region circuits start at half the smaller region's demand per plane
 * and are sized by the traffic model under failures (size.ts), with no
 * blanket speed floor. O(sites + regions²) (+ 8! tours at most).
 */
export function generateHybrid(ctx: GenContext): Topology {
  const b = new DesignBuilder(ctx, 'hybrid');
  const groups = foldCorelessRegions(ctx.sites);
  const R = groups.length;
  const reserved = R <= 1 ? 0 : R === 2 ? 2 : 4;
  const cores = groups.map(([region, sites]) => buildRegion(b, ctx, region, sites, reserved));
  const join = (a: RegionCore, c: RegionCore, i: number, j: number): void => {
    const from = a.cores[i % a.cores.length]!;
    const to = c.cores[j % c.cores.length]!;
    const planes = Math.max(a.cores.length, 1);
    b.link(from.id, to.id, Math.min(a.demandGbps, c.demandGbps) / 2 / planes);
  };
  const planes = cores[0]?.cores.length ?? 0;
  if (R === 2) {
    for (let i = 0; i < planes; i++) for (let j = 0; j < planes; j++) join(cores[0]!, cores[1]!, i, j);
  } else if (R >= 3) {
    const at = cores.map((c) => c.cores[0]!.site);
    for (const [x, y] of backbonePairs(at)) for (let j = 0; j < planes; j++) join(cores[x]!, cores[y]!, j, j);
  }
  return b.build();
}

/** Regions in order of first appearance; a region without a core-capable site joins the nearest one that has. */
function foldCorelessRegions(sites: readonly Site[]): [string, Site[]][] {
  const regions = [...sitesByRegion(sites)];
  const withCore = regions.filter(([, s]) => s.some(isCoreCapable));
  if (withCore.length === 0) return regions;
  const out = new Map(withCore.map(([r, s]) => [r, [...s]]));
  for (const [region, list] of regions) {
    if (out.has(region)) continue;
    const here = list[0]!;
    let best = withCore[0]![0];
    let bestKm = Infinity;
    for (const [r, s] of withCore) {
      const core = rankSites(s.filter(isCoreCapable))[0]!;
      const km = routeKm(here.lat ?? 0, here.lon ?? 0, core.lat ?? 0, core.lon ?? 0);
      if (km < bestKm) {
        bestKm = km;
        best = r;
      }
    }
    out.get(best)!.push(...list);
  }
  return [...out];
}
