import type { Intent } from '../model/intent';
import type { Site } from '../model/topology';
import { portsFor, siteDemandGbps, type DesignBuilder } from './builder';
import { planFabric, uplinksForOversubscription } from './clos';

/**
 * A datacenter's (or colo's) leaf-spine fabric, sized from the site's own
 * inputs — its servers (or racks × serversPerRack), the server port speed
 * (constraints.accessPortGbps, default 25G), the fabric oversubscription
 * (constraints.maxOversubscription, default 3:1) and its bandwidth — by port
 * arithmetic an architect can check:
 * - uplinks per leaf u = spines per pod: the fewest with
 *   (P − u)·a ≤ R·u·U for leaf ports P, server speed a, uplink speed U
 *   (constraints.fabricUplinkGbps, default 100G), at least 2 (3 for
 *   CRITICAL, 1 for NONE); each leaf has P − u server ports;
 * - leaves: enough server ports for the servers, and enough uplink capacity
 *   (leaves × u × U) for the site's traffic with growth headroom — so a
 *   10 Tbit/s datacenter gets a spine layer that carries at least 12 Tbit/s
 *   (20 % headroom) — at least two leaves from STANDARD up;
 * - 3-stage while every leaf fits on a spine (ports after growth headroom),
 *   else 5-stage pods under super-spines (leaf-spine.ts planFabric), each
 *   spine's super-spine links carrying its pod's uplink capacity.
 * Defaults are documented in docs/planning-model.md.
 */
export interface DcFabricPlan {
  servers: number | null;
  uplinksPerLeaf: number;
  serverPortsPerLeaf: number;
  leaves: number;
  /** Spine-layer capacity in Gbit/s: leaves × uplinks × uplink speed. */
  fabricGbps: number;
  /** Server-facing capacity in Gbit/s. */
  serverGbps: number;
  demandGbps: number;
  stages: 3 | 5;
  pods: number;
  spinesPerPod: number;
  superPerPlane: number;
  /** One sentence with the port arithmetic. */
  explanation: string;
}

export function planDcFabric(site: Site, intent: Intent): DcFabricPlan {
  const c = intent.constraints;
  const minSpines = { NONE: 1, STANDARD: 2, HIGH: 2, CRITICAL: 3 }[intent.redundancy];
  const P = portsFor(intent, 'leaf');
  const u = Math.max(minSpines, Math.min(uplinksForOversubscription(P, c.accessPortGbps, c.fabricUplinkGbps, c.maxOversubscription), P - 1));
  const hostPorts = Math.max(1, P - u);
  const demandGbps = siteDemandGbps(site, intent);
  const servers = site.servers ?? null;
  const forServers = servers === null ? 0 : Math.ceil(servers / hostPorts);
  const forTraffic = Math.ceil(demandGbps / (u * c.fabricUplinkGbps));
  const leaves = Math.max(intent.redundancy === 'NONE' ? 1 : 2, forServers, forTraffic);
  const shape = planFabric(leaves, intent);
  const fabricGbps = leaves * u * c.fabricUplinkGbps;
  const serverGbps = leaves * hostPorts * c.accessPortGbps;
  const why =
    `${site.name}: ${fmt(demandGbps)} with headroom` +
    (servers === null ? '' : `, ${servers} servers at ${c.accessPortGbps}G`) +
    ` → ${leaves} leaves × ${u} uplinks × ${c.fabricUplinkGbps}G = ${fmt(fabricGbps)} through ` +
    `${shape.stages === 3 ? `${u} spines (3-stage)` : `${shape.pods} pods of ${u} spines under ${u}×${shape.superPerPlane} super-spines (5-stage)`}; ` +
    `${leaves * hostPorts} server ports (${fmt(serverGbps)}), ${(serverGbps / fabricGbps).toFixed(2)}:1`;
  return {
    servers,
    uplinksPerLeaf: u,
    serverPortsPerLeaf: hostPorts,
    leaves,
    fabricGbps,
    serverGbps,
    demandGbps,
    stages: shape.stages,
    pods: shape.pods,
    spinesPerPod: u,
    superPerPlane: shape.superPerPlane,
    explanation: why,
  };
}

const fmt = (gbps: number): string => (gbps >= 1000 ? `${(gbps / 1000).toFixed(1)} Tbit/s` : `${Math.round(gbps)} Gbit/s`);

/**
 * Builds the planned fabric inside `site`; returns its top-layer devices
 * (spines, or super-spines in 5-stage), one list per plane: what the WAN
 * (cores, other datacenters) connects to.
 */
export function buildDcFabric(b: DesignBuilder, site: Site, intent: Intent): string[][] {
  const plan = planDcFabric(site, intent);
  const U = intent.constraints.fabricUplinkGbps;
  const planes: string[][] = Array.from({ length: plan.spinesPerPod }, () => []);
  const supers: string[][] = [];
  if (plan.stages === 5) {
    for (let j = 0; j < plan.spinesPerPod; j++) {
      supers.push(Array.from({ length: plan.superPerPlane }, () => b.device(site, 'super-spine')));
    }
  }
  let left = plan.leaves;
  for (let p = 0; p < plan.pods && left > 0; p++) {
    const inPod = Math.min(left, Math.ceil(plan.leaves / plan.pods));
    left -= inPod;
    const spines = Array.from({ length: plan.spinesPerPod }, () => b.device(site, 'spine'));
    for (let l = 0; l < inPod; l++) {
      const leaf = b.device(site, 'leaf');
      for (const s of spines) b.link(leaf, s, U);
    }
    spines.forEach((s, j) => {
      // A spine's super-spine links carry its pod's uplink capacity, shared over the plane's super-spines.
      for (const sup of supers[j] ?? []) b.link(s, sup, (inPod * U) / plan.superPerPlane);
      if (plan.stages === 3) planes[j]!.push(s);
    });
  }
  return plan.stages === 5 ? supers : planes;
}
