import { DEVICE_ROLES, type Device, type Topology } from '../model/topology';
import { xmlEscape } from './graphml-export';
import { ROLE_COLOURS } from './role-style';

export interface SvgOptions {
  width?: number;
  height?: number;
  /** Node labels under each node (off for very large drawings). */
  labels?: boolean;
  /** Role colour legend in the top-left corner. */
  legend?: boolean;
  /** Ids of failed nodes and links, drawn dashed and grey (what-if view). */
  failed?: ReadonlySet<string>;
}

interface Point {
  x: number;
  y: number;
}

/**
 * Where to draw each node: canvas x/y when every node has them; else
 * longitude/latitude (equirectangular, north up) when at least half the
 * nodes have them, the others placed at the mean of their placed neighbours
 * (repeated, so chains of unplaced nodes fill in) or, failing that, in a row
 * under the map; else a circle. Then scaled to fit with a margin.
 */
export function layoutPoints(
  nodes: readonly Device[],
  width: number,
  height: number,
  margin: number,
  links: ReadonlyArray<{ source: string; target: string }> = [],
): Map<string, Point> {
  let raw: Point[];
  const located = nodes.filter((n) => n.lat !== undefined && n.lon !== undefined).length;
  if (nodes.length > 0 && nodes.every((n) => n.x !== undefined && n.y !== undefined)) {
    raw = nodes.map((n) => ({ x: n.x!, y: n.y! }));
  } else if (nodes.length > 0 && located * 2 >= nodes.length) {
    raw = geoPoints(nodes, links);
  } else {
    raw = nodes.map((_, k) => {
      const a = (2 * Math.PI * k) / Math.max(1, nodes.length) - Math.PI / 2;
      return { x: Math.cos(a), y: Math.sin(a) };
    });
  }
  // A loop, not Math.min(...xs): spreading 200k numbers overflows the call stack.
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const p of raw) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  if (raw.length === 0) minX = maxX = minY = maxY = 0;
  const spanX = maxX - minX || 1;
  const spanY = maxY - minY || 1;
  const scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
  const offX = (width - spanX * scale) / 2;
  const offY = (height - spanY * scale) / 2;
  return new Map(nodes.map((n, k) => [n.id, { x: offX + (raw[k]!.x - minX) * scale, y: offY + (raw[k]!.y - minY) * scale }]));
}

function geoPoints(nodes: readonly Device[], links: ReadonlyArray<{ source: string; target: string }>): Point[] {
  const index = new Map(nodes.map((n, k) => [n.id, k]));
  const pts: Array<Point | undefined> = nodes.map((n) =>
    n.lat !== undefined && n.lon !== undefined ? { x: n.lon, y: -n.lat } : undefined,
  );
  const neighbours: number[][] = nodes.map(() => []);
  for (const l of links) {
    const a = index.get(l.source);
    const b = index.get(l.target);
    if (a === undefined || b === undefined || a === b) continue;
    neighbours[a]!.push(b);
    neighbours[b]!.push(a);
  }
  // Each round places the nodes next to placed ones; at most n rounds, O(n·m) worst case.
  for (let changed = true; changed; ) {
    changed = false;
    const next = pts.slice();
    pts.forEach((p, k) => {
      if (p !== undefined) return;
      const near = neighbours[k]!.map((j) => pts[j]).filter((q): q is Point => q !== undefined);
      if (near.length === 0) return;
      next[k] = { x: near.reduce((s, q) => s + q.x, 0) / near.length, y: near.reduce((s, q) => s + q.y, 0) / near.length };
      changed = true;
    });
    pts.splice(0, pts.length, ...next);
  }
  const placed = pts.filter((p): p is Point => p !== undefined);
  const minX = placed.reduce((m, p) => Math.min(m, p.x), Infinity);
  const maxX = placed.reduce((m, p) => Math.max(m, p.x), -Infinity);
  const maxY = placed.reduce((m, p) => Math.max(m, p.y), -Infinity);
  const loose = pts.filter((p) => p === undefined).length;
  let k = 0;
  return pts.map((p) => p ?? { x: minX + ((maxX - minX) * (k++ + 0.5)) / loose, y: maxY + 2 });
}

const r2 = (v: number) => Math.round(v * 100) / 100;

/**
 * Topology → standalone SVG document: links as lines (parallel links bowed
 * apart, self-loops as small rings), nodes as circles in their role colour
 * with the name beneath. Pure string; the app rasterises it for PNG.
 */
export function exportSvg(topology: Topology, options: SvgOptions = {}): string {
  const width = options.width ?? 1200;
  const height = options.height ?? 800;
  const radius = topology.nodes.length > 200 ? 4 : 9;
  const pos = layoutPoints(topology.nodes, width, height, 40, topology.links);
  const failed = options.failed ?? new Set<string>();
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<title>${xmlEscape(topology.name)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    '<g id="links" stroke="#7f8c8d" stroke-width="1.5" fill="none">',
  ];
  // Count links per unordered pair so parallel ones can be bowed apart.
  const seen = new Map<string, number>();
  for (const l of topology.links) {
    const a = pos.get(l.source);
    const b = pos.get(l.target);
    if (!a || !b) continue;
    const style = failed.has(l.id) ? ' stroke="#bdc3c7" stroke-dasharray="4 3"' : '';
    const id = ` data-id="${xmlEscape(l.id)}"`;
    if (l.source === l.target) {
      out.push(`<circle${id} cx="${r2(a.x)}" cy="${r2(a.y - radius * 1.6)}" r="${r2(radius * 0.9)}"${style}/>`);
      continue;
    }
    const pair = l.source < l.target ? `${l.source}\u0000${l.target}` : `${l.target}\u0000${l.source}`;
    const k = seen.get(pair) ?? 0;
    seen.set(pair, k + 1);
    if (k === 0) {
      out.push(`<line${id} x1="${r2(a.x)}" y1="${r2(a.y)}" x2="${r2(b.x)}" y2="${r2(b.y)}"${style}/>`);
    } else {
      // Alternate sides, growing: +12, -12, +24, -24 … pixels off the straight line.
      const bend = 12 * Math.ceil(k / 2) * (k % 2 === 1 ? 1 : -1);
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const len = Math.hypot(dx, dy) || 1;
      const cx = (a.x + b.x) / 2 - (dy / len) * bend;
      const cy = (a.y + b.y) / 2 + (dx / len) * bend;
      out.push(`<path${id} d="M${r2(a.x)} ${r2(a.y)} Q${r2(cx)} ${r2(cy)} ${r2(b.x)} ${r2(b.y)}"${style}/>`);
    }
  }
  out.push('</g>', '<g id="nodes" stroke="#ffffff" stroke-width="1.5">');
  for (const n of topology.nodes) {
    const p = pos.get(n.id)!;
    const down = failed.has(n.id);
    const fill = down ? '#bdc3c7' : `#${ROLE_COLOURS[n.role]}`;
    out.push(
      `<circle data-id="${xmlEscape(n.id)}" data-role="${n.role}" cx="${r2(p.x)}" cy="${r2(p.y)}" r="${radius}" fill="${fill}"${down ? ' stroke="#7f8c8d" stroke-dasharray="2 2"' : ''}/>`,
    );
  }
  out.push('</g>');
  if (options.labels ?? topology.nodes.length <= 300) {
    out.push('<g id="labels" fill="#2c3e50" text-anchor="middle">');
    for (const n of topology.nodes) {
      const p = pos.get(n.id)!;
      out.push(`<text x="${r2(p.x)}" y="${r2(p.y + radius + 12)}">${xmlEscape(n.name)}</text>`);
    }
    out.push('</g>');
  }
  if (options.legend ?? true) {
    const used = DEVICE_ROLES.filter((r) => topology.nodes.some((n) => n.role === r));
    out.push('<g id="legend" fill="#2c3e50">');
    used.forEach((role, k) => {
      out.push(`<circle cx="16" cy="${16 + k * 16}" r="5" fill="#${ROLE_COLOURS[role]}"/><text x="26" y="${20 + k * 16}">${role}</text>`);
    });
    out.push('</g>');
  }
  out.push('</svg>', '');
  return out.join('\n');
}
