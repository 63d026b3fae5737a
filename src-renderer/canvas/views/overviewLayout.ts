import { siteDiameter, type SiteGraph } from './siteGraph';

/**
 * Layouts of the site graph, written for speed (thousands of sites in tens of
 * milliseconds, no ELK): ELK's force and stress take seconds at a hundred
 * nodes (docs/views.md). Pure and deterministic, so they run the same in the
 * renderer, in Node (bench:ui) and in tests.
 */
export interface Point {
  x: number;
  y: number;
}

export interface RegionBox {
  id: string;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  sites: number;
  devices: number;
}

export interface OverviewLayout {
  /** Site node id → centre of its marker. */
  sites: Map<string, Point>;
  regions: RegionBox[];
}

const LABEL_ROOM_W = 120;
const LABEL_ROOM_H = 46;
const PAD = 30;
const HEADER = 44;
const GAP = 70;

/** Breadth-first order of `ids` along the pairs, biggest site first in each component. */
function neighbourOrder(ids: string[], adjacency: Map<string, string[]>, size: Map<string, number>): string[] {
  const inSet = new Set(ids);
  const start = [...ids].sort((a, b) => size.get(b)! - size.get(a)! || (a < b ? -1 : 1));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of start) {
    if (seen.has(s)) continue;
    seen.add(s);
    const queue = [s];
    for (let h = 0; h < queue.length; h++) {
      const u = queue[h]!;
      out.push(u);
      for (const v of adjacency.get(u) ?? []) {
        if (inSet.has(v) && !seen.has(v)) {
          seen.add(v);
          queue.push(v);
        }
      }
    }
  }
  return out;
}

function adjacencyOf(g: SiteGraph): Map<string, string[]> {
  const adj = new Map<string, string[]>();
  for (const p of g.pairs) {
    (adj.get(p.a) ?? adj.set(p.a, []).get(p.a)!).push(p.b);
    (adj.get(p.b) ?? adj.set(p.b, []).get(p.b)!).push(p.a);
  }
  return adj;
}

/**
 * Region grouping: a labelled box per region around the site layout of the
 * region's own sites and links; boxes packed in rows, biggest region first.
 */
export function regionLayout(g: SiteGraph): OverviewLayout {
  const byRegion = new Map<string, SiteGraph['sites']>();
  for (const s of g.sites) (byRegion.get(s.region) ?? byRegion.set(s.region, []).get(s.region)!).push(s);
  const regionOf = new Map(g.sites.map((s) => [s.id, s.region]));
  const parts = [...byRegion].map(([region, sites]) => {
    const sub: SiteGraph = { sites, pairs: g.pairs.filter((p) => regionOf.get(p.a) === region && regionOf.get(p.b) === region), siteOf: g.siteOf };
    const inner = siteLayout(sub);
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const s of sites) {
      const p = inner.sites.get(s.id)!;
      const r = siteDiameter(s.deviceIds.length) / 2;
      x0 = Math.min(x0, p.x - r - LABEL_ROOM_W / 2);
      x1 = Math.max(x1, p.x + r + LABEL_ROOM_W / 2);
      y0 = Math.min(y0, p.y - r);
      y1 = Math.max(y1, p.y + r + LABEL_ROOM_H);
    }
    const devices = sites.reduce((a, s) => a + s.deviceIds.length, 0);
    return { region, sites, inner, x0, y0, width: Math.max(x1 - x0, region.length * 11 + 120) + 2 * PAD, height: y1 - y0 + 2 * PAD, devices };
  });
  parts.sort((a, b) => b.devices - a.devices || (a.region < b.region ? -1 : 1));
  const area = parts.reduce((a, b) => a + (b.width + GAP) * (b.height + REGION_GAP_Y), 0);
  const rowWidth = Math.max(...parts.map((b) => b.width), Math.sqrt(area) * 1.5);
  let x = 0;
  let y = 0;
  let rowH = 0;
  const out = new Map<string, Point>();
  const regions: RegionBox[] = [];
  for (const b of parts) {
    if (x > 0 && x + b.width > rowWidth) {
      x = 0;
      y += rowH + REGION_GAP_Y;
      rowH = 0;
    }
    for (const s of b.sites) {
      const p = b.inner.sites.get(s.id)!;
      out.set(s.id, { x: Math.round(x + PAD + p.x - b.x0), y: Math.round(y + PAD + p.y - b.y0) });
    }
    regions.push({ id: `region:${b.region}`, label: b.region, x, y, width: b.width, height: b.height, sites: b.sites.length, devices: b.devices });
    x += b.width + GAP;
    rowH = Math.max(rowH, b.height);
  }
  return { sites: out, regions };
}

/** Room above each region box for its name, which keeps its screen size (styles.css .region-box__head). */
const REGION_GAP_Y = 160;

/**
 * The seed of the site layout: a box per region, its sites in a grid inside
 * in breadth-first order along their links (neighbours sit near each other);
 * boxes packed in rows, biggest region first. O(sites + pairs).
 */
function gridLayout(g: SiteGraph): OverviewLayout {
  const adjacency = adjacencyOf(g);
  const size = new Map(g.sites.map((s) => [s.id, s.deviceIds.length]));
  const byRegion = new Map<string, string[]>();
  for (const s of g.sites) (byRegion.get(s.region) ?? byRegion.set(s.region, []).get(s.region)!).push(s.id);
  const diameter = new Map(g.sites.map((s) => [s.id, siteDiameter(s.deviceIds.length)]));
  const boxes: (RegionBox & { order: string[]; cols: number; cellW: number; cellH: number })[] = [];
  for (const [region, ids] of byRegion) {
    const order = neighbourOrder(ids, adjacency, size);
    const dMax = Math.max(...ids.map((id) => diameter.get(id)!));
    const cellW = dMax + LABEL_ROOM_W;
    const cellH = dMax + LABEL_ROOM_H;
    const cols = Math.max(1, Math.ceil(Math.sqrt(ids.length * 1.4)));
    const rows = Math.ceil(ids.length / cols);
    boxes.push({
      id: `region:${region}`,
      label: region,
      x: 0,
      y: 0,
      width: Math.max(cols * cellW, region.length * 11 + 120) + 2 * PAD,
      height: rows * cellH + PAD + HEADER,
      sites: ids.length,
      devices: ids.reduce((a, id) => a + size.get(id)!, 0),
      order,
      cols,
      cellW,
      cellH,
    });
  }
  boxes.sort((a, b) => b.devices - a.devices || (a.label < b.label ? -1 : 1));
  const area = boxes.reduce((a, b) => a + (b.width + GAP) * (b.height + GAP), 0);
  const rowWidth = Math.max(...boxes.map((b) => b.width), Math.sqrt(area) * 1.5);
  let x = 0;
  let y = 0;
  let rowH = 0;
  const sites = new Map<string, Point>();
  for (const b of boxes) {
    if (x > 0 && x + b.width > rowWidth) {
      x = 0;
      y += rowH + GAP;
      rowH = 0;
    }
    b.x = x;
    b.y = y;
    b.order.forEach((id, i) => {
      sites.set(id, { x: x + PAD + (i % b.cols) * b.cellW + b.cellW / 2, y: y + HEADER + Math.floor(i / b.cols) * b.cellH + b.cellH / 2 - 10 });
    });
    x += b.width + GAP;
    rowH = Math.max(rowH, b.height);
  }
  return { sites, regions: boxes.map(({ id, label, x: bx, y: by, width, height, sites: n, devices }) => ({ id, label, x: bx, y: by, width, height, sites: n, devices })) };
}

/**
 * The site view: a force-directed placement (Fruchterman–Reingold, repulsion
 * only between sites within a few ideal lengths, found through a uniform
 * grid, so one iteration is O(sites + pairs)), started from the region
 * layout so regions stay together and the result is deterministic.
 */
export function siteLayout(g: SiteGraph, iterations = 120): OverviewLayout {
  const seed = gridLayout(g);
  const ids = g.sites.map((s) => s.id);
  const n = ids.length;
  const index = new Map(ids.map((id, i) => [id, i]));
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const x0 = new Float64Array(n);
  const y0 = new Float64Array(n);
  const r = new Float64Array(n);
  g.sites.forEach((s, i) => {
    const p = seed.sites.get(s.id)!;
    x[i] = x0[i] = p.x;
    y[i] = y0[i] = p.y;
    r[i] = siteDiameter(s.deviceIds.length) / 2;
  });
  const edges = g.pairs.map((p) => [index.get(p.a)!, index.get(p.b)!] as const);
  const k = 150 + Math.max(0, ...r) * 0.8;
  const cell = 2 * k;
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  for (let it = 0; it < iterations; it++) {
    const temp = k * 1.5 * (1 - it / iterations) + 2;
    dx.fill(0);
    dy.fill(0);
    nearPairs(x, y, cell, (i, j) => {
      let ddx = x[i]! - x[j]!;
      let ddy = y[i]! - y[j]!;
      let d2 = ddx * ddx + ddy * ddy;
      if (d2 < 1e-6) {
        // Coincident sites: push apart along a fixed direction (deterministic).
        ddx = 1 + ((i * 7 + j) % 5);
        ddy = 1 + ((i * 3 + j) % 7);
        d2 = ddx * ddx + ddy * ddy;
      }
      const d = Math.sqrt(d2);
      if (d > cell) return;
      const want = k + r[i]! + r[j]!;
      const f = (want * want) / d;
      dx[i] = dx[i]! + (ddx / d) * f;
      dy[i] = dy[i]! + (ddy / d) * f;
      dx[j] = dx[j]! - (ddx / d) * f;
      dy[j] = dy[j]! - (ddy / d) * f;
    });
    for (const [a, b] of edges) {
      const ddx = x[a]! - x[b]!;
      const ddy = y[a]! - y[b]!;
      const d = Math.sqrt(ddx * ddx + ddy * ddy) || 1;
      const f = (d * d) / k;
      dx[a] = dx[a]! - (ddx / d) * f;
      dy[a] = dy[a]! - (ddy / d) * f;
      dx[b] = dx[b]! + (ddx / d) * f;
      dy[b] = dy[b]! + (ddy / d) * f;
    }
    for (let i = 0; i < n; i++) {
      // A weak pull back to the seed keeps unlinked sites and regions where the region layout put them.
      dx[i] = dx[i]! + (x0[i]! - x[i]!) * 0.05 * k * 0.02;
      dy[i] = dy[i]! + (y0[i]! - y[i]!) * 0.05 * k * 0.02;
      const len = Math.sqrt(dx[i]! * dx[i]! + dy[i]! * dy[i]!);
      if (len === 0) continue;
      const step = Math.min(len, temp);
      x[i] = x[i]! + (dx[i]! / len) * step;
      y[i] = y[i]! + (dy[i]! / len) * step;
    }
  }
  separate(x, y, r, 60);
  const sites = new Map<string, Point>();
  ids.forEach((id, i) => sites.set(id, { x: Math.round(x[i]!), y: Math.round(y[i]!) }));
  return { sites, regions: [] };
}

/**
 * Pushes apart any two discs closer than their radii plus `gap` (room for a
 * name between them), a few passes over a uniform grid. The force layout's
 * links pull well-connected sites onto each other; this keeps them readable.
 */
function separate(x: Float64Array, y: Float64Array, r: Float64Array, gap: number, passes = 40): void {
  const cell = 2 * Math.max(1, ...r) + gap;
  for (let pass = 0; pass < passes; pass++) {
    let moved = false;
    nearPairs(x, y, cell, (i, j) => {
      const want = r[i]! + r[j]! + gap;
      let ddx = x[j]! - x[i]!;
      let ddy = y[j]! - y[i]!;
      let d = Math.sqrt(ddx * ddx + ddy * ddy);
      if (d >= want) return;
      if (d < 1e-6) {
        ddx = 1;
        ddy = ((i + j) % 3) - 1;
        d = Math.sqrt(ddx * ddx + ddy * ddy);
      }
      const push = (want - d) / 2 + 0.5;
      x[i] = x[i]! - (ddx / d) * push;
      y[i] = y[i]! - (ddy / d) * push;
      x[j] = x[j]! + (ddx / d) * push;
      y[j] = y[j]! + (ddy / d) * push;
      moved = true;
    });
    if (!moved) return;
  }
}

/**
 * Calls `fn(i, j)` (i < j) for every pair of points in the same or adjacent
 * cells of a uniform grid of `cell`, built from the positions at the start;
 * each i's cell is read when i is visited, so `fn` may move points. Shared by
 * the force layout's repulsion and `separate`. O(n) for spread-out points.
 */
function nearPairs(x: Float64Array, y: Float64Array, cell: number, fn: (i: number, j: number) => void): void {
  const n = x.length;
  const grid = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const key = `${Math.floor(x[i]! / cell)},${Math.floor(y[i]! / cell)}`;
    (grid.get(key) ?? grid.set(key, []).get(key)!).push(i);
  }
  for (let i = 0; i < n; i++) {
    const cx = Math.floor(x[i]! / cell);
    const cy = Math.floor(y[i]! / cell);
    for (let gx = cx - 1; gx <= cx + 1; gx++) {
      for (let gy = cy - 1; gy <= cy + 1; gy++) {
        for (const j of grid.get(`${gx},${gy}`) ?? []) if (j > i) fn(i, j);
      }
    }
  }
}
