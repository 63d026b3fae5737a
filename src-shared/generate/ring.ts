import type { Topology } from '../model/topology';
import { DesignBuilder, siteDemandGbps, type GenContext } from './builder';
import { hilbertOrder } from './order';

/**
 * Ring and dual ring: one router per site, sites joined in Hilbert-curve
 * order (a short tour) and the ring closed. A ring is 2-connected (it
 * survives any one link or node failure: HIGH), each span sized for half
 * the total demand (traffic can go either way round). The dual ring adds a
 * second, counter-rotating ring over the same spans (each ring half the
 * capacity); both rings of a span share its duct SRLG, so two duct cuts
 * still split it: it adds capacity and link protection, not CRITICAL
 * (validate/redundancy.ts counts a duct as one risk). Two sites give
 * parallel circuits on diverse routes. O(n log n).
 */
export function generateRing(ctx: GenContext): Topology {
  return buildRings(ctx, 'ring', 1);
}

export function generateDualRing(ctx: GenContext): Topology {
  return buildRings(ctx, 'dual-ring', 2);
}

function buildRings(ctx: GenContext, family: 'ring' | 'dual-ring', rings: number): Topology {
  const b = new DesignBuilder(ctx, family);
  const order = hilbertOrder(ctx.sites);
  const routers = order.map((s) => b.device(s, 'router'));
  const n = routers.length;
  if (n < 2) return b.build();
  const total = ctx.sites.reduce((s, x) => s + siteDemandGbps(x, ctx.intent), 0);
  const span = total / 2 / rings;
  for (let ring = 0; ring < rings; ring++) {
    // n = 2: the closing span is a second circuit between the same two sites.
    // The second ring runs over the same spans: its circuits lie in the first ring's ducts.
    for (let i = 0; i < n; i++) b.link(routers[i]!, routers[(i + 1) % n]!, span, { sameDuct: ring > 0 && n > 2 });
  }
  return b.build();
}
