import type { Topology } from '../model/topology';
import { DesignBuilder, siteDemandGbps, type GenContext } from './builder';
import { buildDcFabric } from './dc-fabric';
import { backbonePairs } from './backbone';

/**
 * Leaf-spine is a datacenter fabric, never a WAN (applicability.ts lists the
 * family as not applicable when any site is not a datacenter or colo): every
 * site gets its own fabric sized from its servers and traffic (dc-fabric.ts),
 * and the sites are joined plane by plane — spine (or super-spine) j of each
 * site to spine j of the other — over a latency-aware backbone (backbone.ts:
 * the shortest ring plus chords; one circuit per plane between two sites),
 * so the planes are disjoint
 * paths: u planes survive u − 1 failures. Inter-site circuits start at a
 * share of the smaller site's demand per plane; the sizing pass (size.ts)
 * raises them for the traffic model under failures. O(devices).
 */
export function generateLeafSpine(ctx: GenContext): Topology {
  const b = new DesignBuilder(ctx, 'leaf-spine');
  const tops = ctx.sites.map((site) => ({ site, planes: buildDcFabric(b, site, ctx.intent) }));
  const n = tops.length;
  if (n < 2) return b.build();
  const pairs: [number, number][] = n === 2 ? [[0, 1]] : backbonePairs(ctx.sites);
  for (const [x, y] of pairs) {
    const a = tops[x]!;
    const c = tops[y]!;
    const planes = Math.min(a.planes.length, c.planes.length);
    const share = Math.min(siteDemandGbps(a.site, ctx.intent), siteDemandGbps(c.site, ctx.intent)) / planes;
    for (let j = 0; j < planes; j++) b.link(a.planes[j]![0]!, c.planes[j]![0]!, share);
  }
  return b.build();
}
