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
 * Where to draw each node: canvas x/y when every node has them, else
 * longitude/latitude (equirectangular) when every node has those, else a
 * circle. Then scaled to fit the drawing with a margin.
 */
export function layoutPoints(nodes: readonly Device[], width: number, height: number, margin: number): Map<string, Point> {
  let raw: Point[];
  if (nodes.length > 0 && nodes.every((n) => n.x !== undefined && n.y !== undefined)) {
    raw = nodes.map((n) => ({ x: n.x!, y: n.y! }));
  } else if (nodes.length > 0 && nodes.every((n) => n.lat !== undefined && n.lon !== undefined)) {
    raw = nodes.map((n) => ({ x: n.lon!, y: -n.lat! }));
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
  const pos = layoutPoints(topology.nodes, width, height, 40);
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
