import type { ElkNode } from 'elkjs/lib/elk-api';
import type { Topology } from '../../../src-shared/model/topology';
import { DEVICE_ROLES } from '../../../src-shared/model/topology';

/**
 * Layout of big designs in two levels, because ELK on the whole graph takes
 * seconds at a few hundred devices: ELK places *sites* (one box per site,
 * links between sites merged), then the devices of a site are set in a grid
 * inside its box, ordered by role (core first). Devices without a site are
 * boxed by region, in chunks of CHUNK. Pure; O(n + m) plus ELK on the site graph.
 */
export const CLUSTER_ABOVE = 250;
const CHUNK = 12;
const CELL_W = 170;
const CELL_H = 60;
const PAD = 20;

export interface ClusterPlan {
  graph: ElkNode;
  members: Map<string, string[]>;
}

export function clusterOf(t: Topology): Map<string, string> {
  const byKey = new Map<string, number>();
  const out = new Map<string, string>();
  for (const n of t.nodes) {
    if (n.site !== undefined) {
      out.set(n.id, `site:${n.site}`);
      continue;
    }
    const key = `region:${n.region ?? '-'}`;
    const k = byKey.get(key) ?? 0;
    byKey.set(key, k + 1);
    out.set(n.id, `${key}:${Math.floor(k / CHUNK)}`);
  }
  return out;
}

export function clusterPlan(t: Topology, layoutOptions: Record<string, string>, radial: boolean): ClusterPlan {
  const of = clusterOf(t);
  const rank = new Map<string, number>(DEVICE_ROLES.map((r, i) => [r, i]));
  const members = new Map<string, string[]>();
  for (const n of [...t.nodes].sort((a, b) => rank.get(a.role)! - rank.get(b.role)!)) {
    const c = of.get(n.id)!;
    const xs = members.get(c);
    if (xs) xs.push(n.id);
    else members.set(c, [n.id]);
  }
  const seen = new Set<string>();
  const edges: { id: string; sources: [string]; targets: [string] }[] = [];
  const adjacency = new Map<string, string[]>();
  for (const l of t.links) {
    const a = of.get(l.source);
    const b = of.get(l.target);
    if (a === undefined || b === undefined || a === b) continue;
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push({ id: key, sources: [a], targets: [b] });
    (adjacency.get(a) ?? adjacency.set(a, []).get(a)!).push(b);
    (adjacency.get(b) ?? adjacency.set(b, []).get(b)!).push(a);
  }
  const children = [...members].map(([id, ms]) => {
    const cols = Math.ceil(Math.sqrt(ms.length));
    const rows = Math.ceil(ms.length / cols);
    return { id, width: cols * CELL_W + PAD, height: rows * CELL_H + PAD };
  });
  return { graph: { id: 'root', layoutOptions, children, edges: radial ? treeEdges(children.map((c) => c.id), adjacency) : edges }, members };
}

/** Breadth-first spanning forest of the cluster graph (ELK radial accepts only trees). */
function treeEdges(ids: string[], adjacency: Map<string, string[]>): NonNullable<ElkNode['edges']> {
  const seen = new Set<string>();
  const out: NonNullable<ElkNode['edges']> = [];
  const order = [...ids].sort((a, b) => (adjacency.get(b)?.length ?? 0) - (adjacency.get(a)?.length ?? 0));
  for (const root of order) {
    if (seen.has(root)) continue;
    seen.add(root);
    const queue = [root];
    for (let h = 0; h < queue.length; h++) {
      const u = queue[h]!;
      for (const v of adjacency.get(u) ?? []) {
        if (seen.has(v)) continue;
        seen.add(v);
        out.push({ id: `${u}|${v}`, sources: [u], targets: [v] });
        queue.push(v);
      }
    }
  }
  return out;
}

/** Device positions from the laid-out cluster graph: a grid inside each cluster box. */
export function placeMembers(result: ElkNode, plan: ClusterPlan, pinned: ReadonlySet<string>): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  for (const c of result.children ?? []) {
    const ms = plan.members.get(c.id) ?? [];
    const cols = Math.ceil(Math.sqrt(ms.length));
    ms.forEach((id, i) => {
      if (pinned.has(id)) return;
      out.set(id, { x: Math.round((c.x ?? 0) + PAD / 2 + (i % cols) * CELL_W), y: Math.round((c.y ?? 0) + PAD / 2 + Math.floor(i / cols) * CELL_H) });
    });
  }
  return out;
}

const GAP = 60;

/**
 * Instant first layout of a big design (no ELK): site boxes packed in rows,
 * ordered by region and then breadth-first along the links between sites,
 * so neighbouring sites sit near each other. O(n + m). The ELK algorithms
 * stay one keystroke away (L) for a more careful placement.
 */
export function shelfLayout(t: Topology): Map<string, { x: number; y: number }> {
  const plan = clusterPlan(t, {}, false);
  const regionOfSite = new Map(t.sites.map((s) => [`site:${s.id}`, s.region]));
  const regionOf = (c: string): string => regionOfSite.get(c) ?? (c.startsWith('region:') ? c.split(':')[1]! : '');
  const adjacency = new Map<string, string[]>();
  for (const e of plan.graph.edges ?? []) {
    const [a, b] = [e.sources[0]!, e.targets[0]!];
    (adjacency.get(a) ?? adjacency.set(a, []).get(a)!).push(b);
    (adjacency.get(b) ?? adjacency.set(b, []).get(b)!).push(a);
  }
  const boxes = plan.graph.children ?? [];
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const order: string[] = [];
  const seen = new Set<string>();
  const regions = [...new Set(boxes.map((b) => regionOf(b.id)))].sort();
  for (const region of regions) {
    for (const start of boxes.filter((b) => regionOf(b.id) === region).map((b) => b.id)) {
      if (seen.has(start)) continue;
      seen.add(start);
      const queue = [start];
      for (let h = 0; h < queue.length; h++) {
        const u = queue[h]!;
        order.push(u);
        for (const v of adjacency.get(u) ?? []) {
          if (!seen.has(v) && regionOf(v) === region) {
            seen.add(v);
            queue.push(v);
          }
        }
      }
    }
  }
  const area = boxes.reduce((a, b) => a + (b.width! + GAP) * (b.height! + GAP), 0);
  const rowWidth = Math.max(...boxes.map((b) => b.width!), Math.sqrt(area) * 1.6);
  let x = 0;
  let y = 0;
  let rowH = 0;
  const children = order.map((id) => {
    const b = byId.get(id)!;
    if (x > 0 && x + b.width! > rowWidth) {
      x = 0;
      y += rowH + GAP;
      rowH = 0;
    }
    const placed = { id, x, y };
    x += b.width! + GAP;
    rowH = Math.max(rowH, b.height!);
    return placed;
  });
  return placeMembers({ id: 'root', children }, plan, new Set(t.nodes.filter((n) => n.pinned === true).map((n) => n.id)));
}
