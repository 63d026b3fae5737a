import type { Topology } from '../model/topology';
import { DesignBuilder, type GenContext } from './builder';
import { buildRegion, type RegionCore } from './hybrid-region';
import { sitesByRegion } from './sites';

/**
 * Hybrid: the enterprise design most architects end up drawing — per region
 * a core (pair), datacenters as leaf-spine fabrics, branches as single-,
 * dual- or triple-homed spokes by class (hybrid-region.ts), and the regions
 * joined by a resilient core: with two regions every core to every core;
 * with three to six, core j of every region to core j of every other (a
 * mesh per core plane); beyond six, a ring per core plane in west-to-east
 * order of the region centroids, plus a chord to the region opposite on the
 * ring to halve the diameter. Inter-region circuits carry half the smaller
 * region's demand per plane, at least the fabric uplink speed.
 * O(sites + regions²).
 */
export function generateHybrid(ctx: GenContext): Topology {
  const b = new DesignBuilder(ctx, 'hybrid');
  const regions = [...sitesByRegion(ctx.sites)].map(([region, sites]) => ({
    region,
    sites,
    lon: sites.reduce((s, x) => s + (x.lon ?? 0), 0) / sites.length,
  }));
  regions.sort((a, b2) => a.lon - b2.lon || (a.region < b2.region ? -1 : 1));
  const R = regions.length;
  const reserved = R <= 1 ? 0 : R === 2 ? 2 : R <= 6 ? R - 1 : 3;
  const cores = regions.map((x) => buildRegion(b, ctx, x.region, x.sites, reserved));
  const uplink = ctx.intent.constraints.fabricUplinkGbps;
  const join = (a: RegionCore, c: RegionCore, i: number, j: number): void => {
    const from = a.cores[i % a.cores.length]!;
    const to = c.cores[j % c.cores.length]!;
    const planes = Math.max(a.cores.length, 1);
    b.link(from.id, to.id, Math.max(uplink, Math.min(a.demandGbps, c.demandGbps) / 2 / planes));
  };
  const planes = cores[0]?.cores.length ?? 0;
  if (R === 2) {
    for (let i = 0; i < planes; i++) for (let j = 0; j < planes; j++) join(cores[0]!, cores[1]!, i, j);
  } else if (R <= 6) {
    for (let x = 0; x < R; x++) for (let y = x + 1; y < R; y++) for (let j = 0; j < planes; j++) join(cores[x]!, cores[y]!, j, j);
  } else {
    const half = Math.floor(R / 2);
    for (let x = 0; x < R; x++) {
      for (let j = 0; j < planes; j++) {
        join(cores[x]!, cores[(x + 1) % R]!, j, j);
        // Chords from the first half only, so each opposite pair is joined once.
        if (x < half) join(cores[x]!, cores[x + half]!, j, j);
      }
    }
  }
  return b.build();
}
