import type { PatchOp } from '../../../src-shared/optimise/patch';
import type { Topology } from '../../../src-shared/model/topology';

/**
 * One view of a proposed step: the base design plus everything the patch
 * adds, with the ids added and removed, so both show on one canvas.
 */
export function diffView(base: Topology, patch: readonly PatchOp[]): { topology: Topology; added: Set<string>; removed: Set<string> } {
  const added = new Set<string>();
  const removed = new Set<string>();
  const nodes = [...base.nodes];
  const links = [...base.links];
  for (const op of patch) {
    if (op.op === 'add-link') {
      links.push(op.link);
      added.add(op.link.id);
    } else if (op.op === 'remove-link') {
      removed.add(op.link.id);
    } else if (op.op === 'set-weight' || op.op === 'set-capacity') {
      added.add(op.linkId);
    } else if (op.op === 'add-device') {
      nodes.push(op.device);
      added.add(op.device.id);
      for (const l of op.links) {
        links.push(l);
        added.add(l.id);
      }
    } else {
      removed.add(op.device.id);
      op.links.forEach((l) => removed.add(l.id));
    }
  }
  return { topology: { ...base, nodes, links }, added, removed };
}

/**
 * The devices a step touches: added or removed devices and both ends of
 * every added, removed or re-weighted link. The diff canvas zooms to them, so
 * a one-link change in a 300-device design is seen, not a speck.
 */
export function changeFocus(topology: Topology, added: ReadonlySet<string>, removed: ReadonlySet<string>): string[] {
  const nodes = new Set(topology.nodes.map((n) => n.id));
  const focus = new Set<string>();
  const changed = (id: string): boolean => added.has(id) || removed.has(id);
  for (const id of [...added, ...removed]) if (nodes.has(id)) focus.add(id);
  for (const l of topology.links) {
    if (!changed(l.id)) continue;
    focus.add(l.source);
    focus.add(l.target);
  }
  return [...focus];
}
