import type { ElkNode } from 'elkjs/lib/elk-api';
import type { Topology } from '../../../src-shared/model/topology';

export type LayoutAlgorithm = 'layered' | 'force' | 'radial' | 'stress';

const NODE_W = 150;
const NODE_H = 40;

const ALGORITHM_OPTIONS: Record<LayoutAlgorithm, Record<string, string>> = {
  layered: {
    'elk.algorithm': 'layered',
    'elk.direction': 'DOWN',
    'elk.layered.spacing.nodeNodeBetweenLayers': '80',
    'elk.spacing.nodeNode': '30',
    'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
  },
  force: { 'elk.algorithm': 'force', 'elk.spacing.nodeNode': '60' },
  radial: { 'elk.algorithm': 'radial', 'elk.spacing.nodeNode': '40' },
  stress: { 'elk.algorithm': 'stress', 'elk.stress.desiredEdgeLength': '160' },
};

/** Pure: the model as an ELK graph. Pinned nodes keep their coordinates (fixed position). */
export function toElkGraph(t: Topology, algorithm: LayoutAlgorithm): ElkNode {
  return {
    id: 'root',
    layoutOptions: { ...ALGORITHM_OPTIONS[algorithm], 'elk.separateConnectedComponents': 'true' },
    children: t.nodes.map((n) => ({
      id: n.id,
      width: NODE_W,
      height: NODE_H,
      ...(n.pinned === true && n.x !== undefined && n.y !== undefined
        ? { x: n.x, y: n.y, layoutOptions: { 'elk.position': `(${n.x},${n.y})`, 'elk.noLayout': 'true' } }
        : {}),
    })),
    edges: t.links
      .filter((l) => l.source !== l.target)
      .map((l) => ({ id: l.id, sources: [l.source], targets: [l.target] })),
  };
}

/** Pure: positions from an ELK result; pinned nodes are never moved. */
export function applyElkLayout(result: ElkNode, t: Topology): Map<string, { x: number; y: number }> {
  const pinned = new Set(t.nodes.filter((n) => n.pinned === true).map((n) => n.id));
  const out = new Map<string, { x: number; y: number }>();
  for (const c of result.children ?? []) {
    if (pinned.has(c.id) || c.x === undefined || c.y === undefined) continue;
    out.set(c.id, { x: Math.round(c.x), y: Math.round(c.y) });
  }
  return out;
}
