import type { Intent } from '../model/intent';
import { portsFor, usablePorts } from './builder';

/**
 * Clos fabric shape. Sizing: a leaf with P ports and u uplinks has (P − u)
 * host ports at the access speed a, so its oversubscription is
 * (P − u)·a / (u·U) for uplink speed U; the spine count is the smallest u
 * with that at most the intent's maximum, i.e. u ≥ P·a / (R·U + a), and at
 * least 1/2/2/3 by class (CRITICAL needs three uplinks to survive two link
 * failures). Spine ports here are those left after the growth headroom
 * (builder.ts usablePorts). 3-stage when every leaf fits on a spine.
 * Otherwise 5-stage: pods of leaves, each with its own spines; spine j of
 * every pod joins the K super-spines of plane j (K = 2, 1 for NONE), so a pod
 * holds (spine ports − K) leaves and there are ceil(leaves / that) pods (at
 * least three for CRITICAL, so no super-spine hangs on two links).
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
