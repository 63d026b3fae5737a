import type { Topology } from '../../src-shared/model/topology';
import type { DeviceNode, LinkEdge } from './types';

/** React Flow nodes and edges are views of the model, built here and nowhere else. */
export function toFlowNodes(t: Topology): DeviceNode[] {
  return t.nodes.map((n) => ({
    id: n.id,
    type: 'device',
    position: { x: n.x ?? 0, y: n.y ?? 0 },
    data: { label: n.name, role: n.role, site: n.site ?? null, region: n.region ?? null },
  }));
}

export function toFlowEdges(t: Topology): LinkEdge[] {
  return t.links.map((l) => ({
    id: l.id,
    source: l.source,
    target: l.target,
    data: { capacityGbps: l.capacityGbps, igpWeight: l.igpWeight, latencyMs: l.latencyMs },
  }));
}

export const hasLayout = (t: Topology): boolean => t.nodes.every((n) => n.x !== undefined && n.y !== undefined);
