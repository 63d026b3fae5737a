import type { Device, Link, Topology } from '../../src-shared/model/topology';
import type { DeviceNode, LinkEdge } from './types';

/** React Flow nodes and edges are views of the model, built here and nowhere else. */
export function toFlowNode(n: Device, selected = false): DeviceNode {
  return {
    id: n.id,
    type: 'device',
    position: { x: n.x ?? 0, y: n.y ?? 0 },
    selected,
    data: { label: n.name, role: n.role, site: n.site ?? null, region: n.region ?? null, pinned: n.pinned === true },
  };
}

export function toFlowEdge(l: Link, selected = false): LinkEdge {
  return {
    id: l.id,
    type: 'link',
    source: l.source,
    target: l.target,
    selected,
    data: { capacityGbps: l.capacityGbps, igpWeight: l.igpWeight, latencyMs: l.latencyMs, srlgs: l.srlgs },
  };
}

export const hasLayout = (t: Topology): boolean => t.nodes.every((n) => n.x !== undefined && n.y !== undefined);

/**
 * Views for a new model state, reusing the previous view object of every
 * device/link whose model object is unchanged (same reference) and whose
 * selection did not change, so memoised nodes do not re-render.
 */
export function reconcile<M extends { id: string }, V extends { id: string; selected?: boolean }>(
  prevViews: readonly V[],
  prevModel: readonly M[] | null,
  nextModel: readonly M[],
  selected: ReadonlySet<string>,
  build: (m: M, selected: boolean) => V,
): V[] {
  const prevModelById = new Map<string, M>();
  prevModel?.forEach((m) => prevModelById.set(m.id, m));
  const prevViewById = new Map<string, V>();
  prevViews.forEach((v) => prevViewById.set(v.id, v));
  return nextModel.map((m) => {
    const sel = selected.has(m.id);
    const view = prevViewById.get(m.id);
    if (view && prevModelById.get(m.id) === m && (view.selected ?? false) === sel) return view;
    if (view && prevModelById.get(m.id) === m) return { ...view, selected: sel };
    return build(m, sel);
  });
}
