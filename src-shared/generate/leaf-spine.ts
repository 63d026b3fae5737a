import type { Intent } from '../model/intent';
import type { Site, Topology } from '../model/topology';
import { DesignBuilder, portsFor, usablePorts, type GenContext } from './builder';
import { isImportantSite, rankSites, sitesByRegion } from './sites';

/**
 * Leaf-spine (Clos) across sites: every site's router is a leaf; spines sit
 * at the anchor sites (HQ, datacenters, region hubs, colos; the top two
 * ranked sites when there are fewer than two anchors). Spine j of every pod
 * and the super-spines of plane j stand at anchor j (round-robin), so a site
 * outage or a cut duct between anchors takes whole planes out, never a
 * pod's last spine or a plane's reach to the pods.
 *
 * Sizing: a leaf with P ports and u uplinks has (P − u) host ports at the
 * access speed a, so its oversubscription is (P − u)·a / (u·U) for uplink
 * speed U; the spine count is the smallest u with that at most the intent's
 * maximum, i.e. u ≥ P·a / (R·U + a), and at least 1/2/2/3 by class
 * (CRITICAL needs three uplinks to survive two link failures).
 *
 * Spine ports here are those left after the growth headroom (builder.ts
 * usablePorts). 3-stage when every leaf fits on a spine. Otherwise
 * 5-stage: pods of leaves, each with its own spines; spine j of every pod
 * joins the K super-spines of plane j (K = 2, 1 for NONE), so a pod holds
 * (spine ports − K) leaves and there are ceil(leaves / that) pods (at least
 * three for CRITICAL, so no super-spine hangs on two links). O(leaves × spines).
 */
export interface FabricPlan {
  stages: 3 | 5;
  spinesPerPod: number;
  pods: number;
  leavesPerPod: number;
  superPerPlane: number;
}

/** Smallest uplink count u with (P − u)·a ≤ R·u·U. */
export function uplinksForOversubscription(leafPorts: number, accessGbps: number, uplinkGbps: number, maxRatio: number): number {
  return Math.max(1, Math.ceil((leafPorts * accessGbps) / (maxRatio * uplinkGbps + accessGbps)));
}

export function planFabric(leaves: number, intent: Intent): FabricPlan {
  const c = intent.constraints;
  const minSpines = { NONE: 1, STANDARD: 2, HIGH: 2, CRITICAL: 3 }[intent.redundancy];
  const leafPorts = portsFor(intent, 'leaf');
  const wanted = uplinksForOversubscription(leafPorts, c.accessPortGbps, c.fabricUplinkGbps, c.maxOversubscription);
  const spinesPerPod = Math.max(minSpines, Math.min(wanted, leafPorts - 1));
  // Plan on the ports left after growth headroom, so the fabric can grow in place.
  const spinePorts = usablePorts(intent, 'spine');
  if (leaves <= spinePorts) return { stages: 3, spinesPerPod, pods: 1, leavesPerPod: leaves, superPerPlane: 0 };
  const superPerPlane = intent.redundancy === 'NONE' ? 1 : 2;
  const capacity = Math.max(1, spinePorts - superPerPlane);
  let pods = Math.ceil(leaves / capacity);
  if (intent.redundancy === 'CRITICAL') pods = Math.max(3, pods);
  return { stages: 5, spinesPerPod, pods, leavesPerPod: Math.ceil(leaves / pods), superPerPlane };
}

/** Where fabric devices go: anchor sites, or the two top-ranked sites when there are too few. */
function anchorSites(sites: readonly Site[]): Site[] {
  const ranked = rankSites(sites);
  const anchors = ranked.filter((s) => isImportantSite(s.role) || s.role === 'colo');
  return anchors.length >= 2 ? anchors : ranked.slice(0, Math.min(2, ranked.length));
}

export function generateLeafSpine(ctx: GenContext): Topology {
  const b = new DesignBuilder(ctx, 'leaf-spine');
  if (ctx.sites.length === 0) return b.build();
  const { intent } = ctx;
  const uplink = intent.constraints.fabricUplinkGbps;
  // Leaves region by region so a pod stays within (or near) one region.
  const ordered = [...sitesByRegion(ctx.sites).values()].flat();
  const plan = planFabric(ordered.length, intent);
  const anchors = anchorSites(ctx.sites);
  const at = (i: number): Site => anchors[i % anchors.length]!;
  const planes: string[][] = [];
  for (let j = 0; j < plan.spinesPerPod && plan.stages === 5; j++) {
    const plane: string[] = [];
    for (let k = 0; k < plan.superPerPlane; k++) plane.push(b.device(at(j), 'super-spine'));
    planes.push(plane);
  }
  for (let p = 0; p < plan.pods; p++) {
    const members = ordered.slice(p * plan.leavesPerPod, (p + 1) * plan.leavesPerPod);
    if (members.length === 0) continue;
    const spines: string[] = [];
    for (let j = 0; j < plan.spinesPerPod; j++) {
      const spine = b.device(at(j), 'spine');
      spines.push(spine);
      for (const sup of planes[j] ?? []) b.link(spine, sup, uplink);
    }
    for (const site of members) {
      const leaf = b.device(site, 'leaf');
      for (const spine of spines) b.link(leaf, spine, uplink);
    }
  }
  return b.build();
}
