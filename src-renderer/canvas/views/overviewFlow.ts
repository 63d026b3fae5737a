import type { Edge, Node } from '@xyflow/react';
import { DEVICE_ROLES, type Topology } from '../../../src-shared/model/topology';
import { toFlowEdge, toFlowNode } from '../toFlow';
import type { DeviceNode, LinkEdge } from '../types';
import { geoLayout } from './geo';
import { labelBoxAt, labelBoxUnder, type LabelBox } from './labels';
import { regionLayout, siteLayout, type OverviewLayout, type Point } from './overviewLayout';
import { pairLabel, pairStroke, siteDiameter, type SiteGraph, type SiteInfo } from './siteGraph';

export type OverviewKind = 'sites' | 'regions' | 'geo';
export type DesignViewMode = 'devices' | OverviewKind;

export type SiteData = {
  label: string;
  devices: number;
  region: string;
  detail: string;
  diameter: number;
  /** Geographic view: the marker keeps its screen size whatever the zoom. */
  constant: boolean;
  /** A neighbour shown around a drilled-down site. */
  neighbour: boolean;
};
export type SiteNode = Node<SiteData, 'site'>;
export type RegionData = { label: string; detail: string; aside: boolean };
export type RegionNode = Node<RegionData, 'region'>;
export type PairData = { label: string; stroke: number; constant: boolean; links: number; capacityGbps: number };
export type PairEdge = Edge<PairData, 'sitePair'>;
export type BasemapNode = Node<Record<string, never>, 'basemap'>;
export type OverviewNode = SiteNode | RegionNode | DeviceNode | BasemapNode;
export type OverviewEdge = PairEdge | LinkEdge;

export interface OverviewFlow {
  nodes: OverviewNode[];
  edges: OverviewEdge[];
  /** Marker centres, for label placement. */
  centres: Map<string, Point>;
  /** Label priority of each site (bigger sites first). */
  unplaced: string[];
}

/** Geographic markers: screen pixels (they do not grow with zoom). */
export const GEO_MARKER_PX = (devices: number): number => Math.round(Math.min(40, 10 + 3 * Math.sqrt(devices)));

const gbps = (x: number): string => (x >= 1000 ? `${+(x / 1000).toFixed(1)} Tbps` : `${+x.toFixed(1)} Gbps`);

export function siteDetail(s: SiteInfo): string {
  const bw = s.bandwidthMbps !== undefined ? ` · access ${gbps(s.bandwidthMbps / 1000)}` : '';
  return `${s.deviceIds.length} device${s.deviceIds.length === 1 ? '' : 's'} · ${gbps(s.externalGbps)} to other sites${bw}`;
}

/** The layout each overview uses. */
export function overviewLayout(kind: OverviewKind, g: SiteGraph): OverviewLayout & { unplaced: string[] } {
  if (kind === 'geo') return geoLayout(g);
  return { ...(kind === 'regions' ? regionLayout(g) : siteLayout(g)), unplaced: [] };
}

/** React Flow nodes and edges of an overview (built here and nowhere else). */
export function overviewFlow(kind: OverviewKind, g: SiteGraph, layout: OverviewLayout & { unplaced: string[] }): OverviewFlow {
  const constant = kind === 'geo';
  const nodes: OverviewNode[] = layout.regions.map(
    (r): RegionNode => ({
      id: r.id,
      type: 'region',
      position: { x: r.x, y: r.y },
      width: r.width,
      height: r.height,
      style: { width: r.width, height: r.height },
      zIndex: -1,
      selectable: false,
      draggable: false,
      focusable: false,
      data: { label: r.label, detail: `${r.sites} site${r.sites === 1 ? '' : 's'} · ${r.devices} device${r.devices === 1 ? '' : 's'}`, aside: r.id === 'region:(no coordinates)' },
    }),
  );
  const centres = new Map<string, Point>();
  for (const s of g.sites) {
    const c = layout.sites.get(s.id)!;
    centres.set(s.id, c);
    const d = constant ? 2 : siteDiameter(s.deviceIds.length); // geographic: 2 flow units (OverviewParts GEO_NODE), the disc is drawn at screen size
    nodes.push({
      id: s.id,
      type: 'site',
      position: { x: c.x - d / 2, y: c.y - d / 2 },
      draggable: false,
      data: { label: s.name, devices: s.deviceIds.length, region: s.region, detail: siteDetail(s), diameter: constant ? GEO_MARKER_PX(s.deviceIds.length) : d, constant, neighbour: false },
    });
  }
  const edges: OverviewEdge[] = g.pairs.map((p) => ({
    id: p.id,
    type: 'sitePair',
    source: p.a,
    target: p.b,
    data: { label: pairLabel(p), stroke: pairStroke(p.capacityGbps), constant, links: p.links, capacityGbps: p.capacityGbps },
  }));
  return { nodes, edges, centres, unplaced: layout.unplaced };
}

/**
 * The label boxes of an overview at a zoom: site names under their markers
 * (bigger sites first), then link summaries at edge midpoints. Labels may
 * cross another site's disc (they have an opaque backing); they never cross
 * each other.
 */
export function overviewLabelBoxes(flow: OverviewFlow, g: SiteGraph, zoom: number): LabelBox[] {
  const byId = new Map(g.sites.map((s) => [s.id, s]));
  const boxes: LabelBox[] = [];
  for (const n of flow.nodes) {
    if (n.type !== 'site') continue;
    const c = flow.centres.get(n.id);
    if (c === undefined) continue;
    const s = byId.get(n.id);
    const below = n.data.constant ? (n.data.diameter / 2 + 2) / zoom : n.data.diameter / 2 + 2 / zoom;
    boxes.push(labelBoxUnder(n.id, c, below, n.data.label, zoom, 1e6 + (s?.deviceIds.length ?? 0) * 1000 + Math.min(999, s?.externalGbps ?? 0)));
  }
  for (const e of flow.edges) {
    if (e.type !== 'sitePair' || e.data === undefined) continue;
    const a = flow.centres.get(e.source);
    const b = flow.centres.get(e.target);
    if (a === undefined || b === undefined) continue;
    boxes.push(labelBoxAt(e.id, { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, e.data.label, zoom, e.data.capacityGbps));
  }
  return boxes;
}

const DEV_W = 170;
const DEV_H = 90;
const PER_ROW = 8;

/**
 * Drill-down into one site: its devices in rows by role (core first), the
 * links inside the site, and each neighbouring site as one marker above,
 * joined to the devices that reach it by one merged edge per device.
 */
export function siteDrillFlow(t: Topology, g: SiteGraph, siteId: string): OverviewFlow {
  const site = g.sites.find((s) => s.id === siteId);
  const centres = new Map<string, Point>();
  if (site === undefined) return { nodes: [], edges: [], centres, unplaced: [] };
  const inSite = new Set(site.deviceIds);
  const rank = new Map<string, number>(DEVICE_ROLES.map((r, i) => [r, i]));
  const devices = t.nodes.filter((n) => inSite.has(n.id)).sort((a, b) => rank.get(a.role)! - rank.get(b.role)! || (a.name < b.name ? -1 : 1));
  // Neighbouring sites and the merged device→site edges.
  const toSite = new Map<string, { links: number; capacityGbps: number; device: string; site: string }>();
  const internal: Topology['links'] = [];
  for (const l of t.links) {
    const sIn = inSite.has(l.source);
    const tIn = inSite.has(l.target);
    if (sIn && tIn) internal.push(l);
    else if (sIn || tIn) {
      const device = sIn ? l.source : l.target;
      const other = g.siteOf.get(sIn ? l.target : l.source);
      if (other === undefined) continue;
      const key = `${device}|${other}`;
      const e = toSite.get(key) ?? { links: 0, capacityGbps: 0, device, site: other };
      e.links++;
      e.capacityGbps += l.capacityGbps;
      toSite.set(key, e);
    }
  }
  // The site's devices in rows by role (x first: the neighbours are placed over the devices they link to).
  // Columns are spread to the width of the neighbours' rows (ten discs 200 apart), so edges drop rather than fan in.
  const deviceRows: (typeof devices)[] = [];
  for (const d of devices) {
    const last = deviceRows.at(-1);
    if (last === undefined || last[0]!.role !== d.role || last.length === PER_ROW) deviceRows.push([d]);
    else last.push(d);
  }
  const neighbourCount = new Set([...toSite.values()].map((e) => e.site)).size;
  const widest = Math.max(1, ...deviceRows.map((r) => r.length));
  const colW = Math.max(DEV_W, (Math.min(10, neighbourCount) * 200) / widest);
  const devicePos = new Map<string, Point>();
  deviceRows.forEach((r, row) => r.forEach((d, col) => devicePos.set(d.id, { x: col * colW, y: row * DEV_H })));
  // Neighbours ordered by where their links land (the mean x of the devices
  // they link to), dealt round the rows so each row spans that order: every
  // disc sits over its own devices and the merged edges run nearly straight
  // down instead of a hundred-line fan (a hub site with ~100 neighbours).
  const bary = new Map<string, { sum: number; n: number }>();
  for (const e of toSite.values()) {
    const b = bary.get(e.site) ?? { sum: 0, n: 0 };
    b.sum += (devicePos.get(e.device)?.x ?? 0) * e.links;
    b.n += e.links;
    bary.set(e.site, b);
  }
  const byId = new Map(g.sites.map((s) => [s.id, s]));
  const neighbours = [...bary.keys()].sort((a, b) => bary.get(a)!.sum / bary.get(a)!.n - bary.get(b)!.sum / bary.get(b)!.n || (byId.get(a)!.name < byId.get(b)!.name ? -1 : 1));
  const nodes: OverviewNode[] = [];
  const rowsOfNeighbours = Math.ceil(neighbours.length / 10);
  const blockW = (widest - 1) * colW + DEV_W;
  neighbours.forEach((id, i) => {
    const s = byId.get(id)!;
    const row = i % rowsOfNeighbours;
    const slot = Math.floor(i / rowsOfNeighbours);
    const inRow = Math.ceil((neighbours.length - row) / rowsOfNeighbours);
    // Slots spread over the device block (at least 200 apart), rows staggered so lower discs do not hide upper edges.
    const step = Math.max(200, blockW / Math.max(1, inRow));
    const stagger = rowsOfNeighbours > 1 ? (row / rowsOfNeighbours) * step : 0;
    const c = { x: blockW / 2 + (slot - (inRow - 1) / 2) * step + stagger - (rowsOfNeighbours > 1 ? step / 2 : 0), y: row * 130 };
    centres.set(id, c);
    const d = 40;
    nodes.push({
      id,
      type: 'site',
      position: { x: c.x - d / 2, y: c.y - d / 2 },
      draggable: false,
      data: { label: s.name, devices: s.deviceIds.length, region: s.region, detail: siteDetail(s), diameter: d, constant: false, neighbour: true },
    });
  });
  const top = rowsOfNeighbours * 130 + 80;
  for (const d of devices) {
    const p = devicePos.get(d.id)!;
    const pos = { x: p.x, y: top + p.y };
    centres.set(d.id, { x: pos.x + 75, y: pos.y + 20 });
    nodes.push({ ...toFlowNode(d), position: pos, draggable: false });
  }
  const edges: OverviewEdge[] = internal.map((l) => toFlowEdge(l));
  for (const e of toSite.values()) {
    edges.push({
      id: `${e.device}|${e.site}`,
      type: 'sitePair',
      source: e.device,
      target: e.site,
      data: { label: pairLabel(e), stroke: pairStroke(e.capacityGbps), constant: false, links: e.links, capacityGbps: e.capacityGbps },
    });
  }
  return { nodes, edges, centres, unplaced: [] };
}
