import type { Topology } from '../model/topology';
import { DesignBuilder, GenerateError, siteDemandGbps, type GenContext } from './builder';

/**
 * Full mesh: one router per site and a circuit between every pair, sized by
 * a gravity model (pair demand = dᵢ·dⱼ / Σd) but never below an even share
 * max(dᵢ, dⱼ) / (n − 1) of either end (so each site's circuits together
 * carry its demand), at least 1G. n sites need
 * n(n−1)/2 links, so the family is capped at FULL_MESH_MAX_SITES (500 sites,
 * 124,750 links); above it generation fails with a GenerateError saying so
 * rather than building a design no one would buy. With n ≥ 4 a full mesh
 * survives any two link failures and any site loss (CRITICAL). O(n²).
 */
export const FULL_MESH_MAX_SITES = 500;

export function generateFullMesh(ctx: GenContext): Topology {
  const n = ctx.sites.length;
  if (n > FULL_MESH_MAX_SITES) {
    throw new GenerateError(
      `full mesh of ${n} sites needs ${((n * (n - 1)) / 2).toLocaleString('en-US')} links; ` +
        `the family is limited to ${FULL_MESH_MAX_SITES} sites`,
    );
  }
  const b = new DesignBuilder(ctx, 'full-mesh');
  const routers = ctx.sites.map((s) => b.device(s, 'router'));
  const demand = ctx.sites.map((s) => siteDemandGbps(s, ctx.intent));
  const total = demand.reduce((a, x) => a + x, 0) || 1;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const gravity = (demand[i]! * demand[j]!) / total;
      // Never below an even share of either end's demand, so every site's links together carry it.
      const share = Math.max(demand[i]!, demand[j]!) / (n - 1);
      b.link(routers[i]!, routers[j]!, Math.max(1, gravity, share));
    }
  }
  return b.build();
}
