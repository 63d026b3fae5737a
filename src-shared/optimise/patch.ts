import type { Device, Link, Topology } from '../model/topology';

/**
 * An optimisation step as data: a list of operations on a design that can
 * be applied, inverted (undo) and compared (replay). Applying checks that
 * the design is in the state the step expects, so an approval or an undo
 * that no longer fits (the design changed meanwhile) fails loudly instead
 * of corrupting it. O(nodes + links) per application.
 */
export type PatchOp =
  | { op: 'remove-link'; link: Link }
  | { op: 'add-link'; link: Link }
  | { op: 'set-weight'; linkId: string; from: number; to: number }
  /** A circuit's speed step or an added LAG member (capacity/plan.ts): routing is unchanged, capacity is not. */
  | { op: 'set-capacity'; linkId: string; from: CapacityState; to: CapacityState }
  | { op: 'remove-device'; device: Device; links: Link[] }
  | { op: 'add-device'; device: Device; links: Link[] };

/** A link's capacity and LAG members (each member one circuit of capacity / members). */
export interface CapacityState {
  gbps: number;
  members: number;
}

export class PatchConflictError extends Error {
  override name = 'PatchConflictError';
}

export function applyPatch(t: Topology, ops: readonly PatchOp[]): Topology {
  let nodes = [...t.nodes];
  let links = [...t.links];
  for (const o of ops) {
    switch (o.op) {
      case 'remove-link': {
        const i = links.findIndex((l) => l.id === o.link.id);
        if (i < 0) throw new PatchConflictError(`link ${o.link.id} is no longer in the design`);
        links.splice(i, 1);
        break;
      }
      case 'add-link':
        if (links.some((l) => l.id === o.link.id)) throw new PatchConflictError(`link ${o.link.id} already exists`);
        if (!nodes.some((d) => d.id === o.link.source) || !nodes.some((d) => d.id === o.link.target)) {
          throw new PatchConflictError(`link ${o.link.id} joins a device that is no longer in the design`);
        }
        links.push(o.link);
        break;
      case 'set-weight': {
        const i = links.findIndex((l) => l.id === o.linkId);
        if (i < 0) throw new PatchConflictError(`link ${o.linkId} is no longer in the design`);
        if (links[i]!.igpWeight !== o.from) {
          throw new PatchConflictError(`link ${o.linkId} has weight ${links[i]!.igpWeight}, expected ${o.from}`);
        }
        links[i] = { ...links[i]!, igpWeight: o.to };
        break;
      }
      case 'set-capacity': {
        const i = links.findIndex((l) => l.id === o.linkId);
        if (i < 0) throw new PatchConflictError(`link ${o.linkId} is no longer in the design`);
        if (Math.abs(links[i]!.capacityGbps - o.from.gbps) > 1e-9) {
          throw new PatchConflictError(`link ${o.linkId} has ${links[i]!.capacityGbps} Gbit/s, expected ${o.from.gbps}`);
        }
        links[i] = { ...links[i]!, capacityGbps: o.to.gbps, lagMembers: o.to.members };
        break;
      }
      case 'remove-device': {
        if (!nodes.some((d) => d.id === o.device.id)) throw new PatchConflictError(`device ${o.device.id} is no longer in the design`);
        const ids = new Set(o.links.map((l) => l.id));
        const attached = links.filter((l) => l.source === o.device.id || l.target === o.device.id);
        if (attached.length !== ids.size || attached.some((l) => !ids.has(l.id))) {
          throw new PatchConflictError(`the links of device ${o.device.id} changed`);
        }
        nodes = nodes.filter((d) => d.id !== o.device.id);
        links = links.filter((l) => !ids.has(l.id));
        break;
      }
      case 'add-device':
        if (nodes.some((d) => d.id === o.device.id)) throw new PatchConflictError(`device ${o.device.id} already exists`);
        nodes.push(o.device);
        for (const l of o.links) {
          if (links.some((x) => x.id === l.id)) throw new PatchConflictError(`link ${l.id} already exists`);
          links.push(l);
        }
        break;
    }
  }
  return { ...t, nodes, links };
}

/** The operations that undo `ops` (reverse order, each inverted). */
export function invertPatch(ops: readonly PatchOp[]): PatchOp[] {
  return [...ops].reverse().map((o): PatchOp => {
    switch (o.op) {
      case 'remove-link':
        return { op: 'add-link', link: o.link };
      case 'add-link':
        return { op: 'remove-link', link: o.link };
      case 'set-weight':
        return { op: 'set-weight', linkId: o.linkId, from: o.to, to: o.from };
      case 'set-capacity':
        return { op: 'set-capacity', linkId: o.linkId, from: o.to, to: o.from };
      case 'remove-device':
        return { op: 'add-device', device: o.device, links: o.links };
      case 'add-device':
        return { op: 'remove-device', device: o.device, links: o.links };
    }
  });
}
