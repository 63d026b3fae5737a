import { relatencyLink } from '../../src-shared/model/latency';
import type { Device, DeviceRole, Link, Topology } from '../../src-shared/model/topology';

/**
 * Pure edits of the design model. Each returns a new Topology and keeps every
 * untouched device and link object by reference, so the canvas can reuse the
 * views of what did not change (and undo snapshots share structure).
 */

export type Point = { x: number; y: number };

/** Copied devices and the links among them, with their original ids. */
export interface Clipboard {
  nodes: Device[];
  links: Link[];
}

/** The first `${prefix}${k}` (k = 1, 2, …) not in `taken`. */
export function freshId(prefix: string, taken: ReadonlySet<string>): string {
  let k = 1;
  while (taken.has(`${prefix}${k}`)) k++;
  return `${prefix}${k}`;
}

const nodeIds = (t: Topology): Set<string> => new Set(t.nodes.map((n) => n.id));
const linkIds = (t: Topology): Set<string> => new Set(t.links.map((l) => l.id));

export function addDevice(t: Topology, role: DeviceRole, at: Point): { topology: Topology; id: string } {
  const taken = nodeIds(t);
  const id = freshId(`${role}-`, taken);
  const names = new Set(t.nodes.map((n) => n.name));
  const name = freshId(`${role}-`, names);
  const device: Device = { id, name, role, ports: 48, x: Math.round(at.x), y: Math.round(at.y) };
  return { topology: { ...t, nodes: [...t.nodes, device] }, id };
}

/** Joins two devices. Parallel links are allowed (they are redundancy); a self-loop is not. */
export function connect(t: Topology, source: string, target: string): { topology: Topology; id: string } | null {
  if (source === target) return null;
  const ids = nodeIds(t);
  if (!ids.has(source) || !ids.has(target)) return null;
  const id = freshId('link-', linkIds(t));
  const link: Link = { id, source, target, capacityGbps: 10, igpWeight: 1, latencyMs: 1, srlgs: [] };
  return { topology: { ...t, links: [...t.links, link] }, id };
}

/** Removes devices (with every link at them) and links. */
export function deleteElements(t: Topology, nodes: Iterable<string>, links: Iterable<string>): Topology {
  const goneNodes = new Set(nodes);
  const goneLinks = new Set(links);
  if (goneNodes.size === 0 && goneLinks.size === 0) return t;
  return {
    ...t,
    nodes: t.nodes.filter((n) => !goneNodes.has(n.id)),
    links: t.links.filter((l) => !goneLinks.has(l.id) && !goneNodes.has(l.source) && !goneNodes.has(l.target)),
  };
}

/** Moves devices; positions are rounded to whole pixels (what is stored). */
export function moveNodes(t: Topology, positions: ReadonlyMap<string, Point>): Topology {
  if (positions.size === 0) return t;
  let changed = false;
  const nodes = t.nodes.map((n) => {
    const p = positions.get(n.id);
    if (!p) return n;
    const x = Math.round(p.x);
    const y = Math.round(p.y);
    if (n.x === x && n.y === y) return n;
    changed = true;
    return { ...n, x, y };
  });
  return changed ? { ...t, nodes } : t;
}

export type DevicePatch = Partial<Pick<Device, 'name' | 'role' | 'site' | 'region' | 'ports' | 'model' | 'pinned'>>;
export type LinkPatch = Partial<Pick<Link, 'capacityGbps' | 'igpWeight' | 'latencyMs' | 'distanceKm' | 'srlgs' | 'transport'>>;

export function updateDevice(t: Topology, id: string, patch: DevicePatch): Topology {
  return { ...t, nodes: t.nodes.map((n) => (n.id === id ? stripUndefined({ ...n, ...patch }) : n)) };
}

export function updateLink(t: Topology, id: string, patch: LinkPatch): Topology {
  return { ...t, links: t.links.map((l) => (l.id === id ? stripUndefined({ ...l, ...patch }) : l)) };
}

/**
 * Sets (or clears, with undefined) a link's route factor and recomputes its
 * latency and length from its sites' geography through the one latency
 * model (model/latency.ts); a latency-derived IGP weight follows. Without
 * site coordinates only the factor is stored.
 */
export function setLinkRouteFactor(t: Topology, id: string, routeFactor: number | undefined): Topology {
  return {
    ...t,
    links: t.links.map((l) => {
      if (l.id !== id) return l;
      const { routeFactor: _old, ...rest } = l;
      return relatencyLink(t, routeFactor === undefined ? rest : { ...rest, routeFactor });
    }),
  };
}

/** exactOptionalPropertyTypes: a cleared optional field is absent, not `undefined`. */
function stripUndefined<T extends object>(o: T): T {
  const out = { ...o } as Record<string, unknown>;
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out as T;
}

export function copyElements(t: Topology, nodes: Iterable<string>): Clipboard | null {
  const ids = new Set(nodes);
  if (ids.size === 0) return null;
  return {
    nodes: t.nodes.filter((n) => ids.has(n.id)),
    links: t.links.filter((l) => ids.has(l.source) && ids.has(l.target)),
  };
}

/** Pastes a clipboard with fresh ids and names, shifted by `offset`. Returns the new device ids. */
export function paste(t: Topology, clip: Clipboard, offset: Point): { topology: Topology; nodeIds: string[]; linkIds: string[] } {
  const takenNodes = nodeIds(t);
  const takenNames = new Set(t.nodes.map((n) => n.name));
  const takenLinks = linkIds(t);
  const rename = new Map<string, string>();
  const nodes = clip.nodes.map((n) => {
    const id = freshId(`${n.id}-copy-`, takenNodes);
    takenNodes.add(id);
    const name = freshId(`${n.name} copy `, takenNames);
    takenNames.add(name);
    rename.set(n.id, id);
    const { pinned: _pinned, ...rest } = n;
    return { ...rest, id, name, x: Math.round((n.x ?? 0) + offset.x), y: Math.round((n.y ?? 0) + offset.y) };
  });
  const links = clip.links.map((l) => {
    const id = freshId('link-', takenLinks);
    takenLinks.add(id);
    return { ...l, id, source: rename.get(l.source)!, target: rename.get(l.target)! };
  });
  return {
    topology: { ...t, nodes: [...t.nodes, ...nodes], links: [...t.links, ...links] },
    nodeIds: nodes.map((n) => n.id),
    linkIds: links.map((l) => l.id),
  };
}
