import type { ElkNode } from 'elkjs/lib/elk-api';
import type { Topology } from '../../../src-shared/model/topology';

export type LayoutAlgorithm = 'layered' | 'force' | 'radial' | 'stress';

const NODE_W = 150;
const NODE_H = 40;

export const ALGORITHM_OPTIONS: Record<LayoutAlgorithm, Record<string, string>> = {
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
    edges: (algorithm === 'radial' ? spanningForest(t) : t.links.filter((l) => l.source !== l.target)).map((l) => ({
      id: l.id,
      sources: [l.source],
      targets: [l.target],
    })),
  };
}

/**
 * ELK's radial layout accepts only trees: lay out a breadth-first spanning
 * forest rooted at the best-connected device of each component (the other
 * links are still drawn, just not used for placement). O(n + m).
 */
export function spanningForest(t: Topology): Topology['links'] {
  const adj = new Map<string, Topology['links']>();
  for (const n of t.nodes) adj.set(n.id, []);
  for (const l of t.links) {
    if (l.source === l.target) continue;
    adj.get(l.source)?.push(l);
    adj.get(l.target)?.push(l);
  }
  const byDegree = [...t.nodes].sort((a, b) => adj.get(b.id)!.length - adj.get(a.id)!.length);
  const seen = new Set<string>();
  const out: Topology['links'] = [];
  for (const root of byDegree) {
    if (seen.has(root.id)) continue;
    seen.add(root.id);
    const queue = [root.id];
    for (let head = 0; head < queue.length; head++) {
      const u = queue[head]!;
      for (const l of adj.get(u)!) {
        const v = l.source === u ? l.target : l.source;
        if (seen.has(v)) continue;
        seen.add(v);
        out.push(l.source === u ? l : { ...l, source: u, target: v });
        queue.push(v);
      }
    }
  }
  return out;
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
