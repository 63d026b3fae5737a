import type { Topology } from '../model/topology';
import { repetitaDesign, type RepetitaDraft } from './repetita-design';
import { scanDemandColumns, scanDemandVolumes, type RepetitaDemandColumns, type RouterDemands } from './repetita-scan';

/**
 * REPETITA plain-text networks and demand matrices (Gay, Hartert, Vissicchio,
 * INFOCOM 2017; arXiv:1710.08665), as its Rocketfuel ISP backbones are
 * packaged: `NODES n`, a header `label x y`, one line per node; `EDGES m`, a
 * header `label src dest weight bw delay`, one line per DIRECTED edge (node
 * indices; IGP weight; capacity in kbit/s; delay in ms); `*.demands`:
 * `DEMANDS k`, a header `label src dest bw`, one directed demand per line
 * (kbit/s). O(file size).
 *
 * What the files do not say, the reader assumes and says (repetitaNotes):
 * - a node label is a Rocketfuel router name, a city followed by its router
 *   number ("San+Jose,+CA4062"): routers of one city stand in one site (a
 *   PoP), and the text after the last comma ("CA", "Ireland") is the region;
 * - the two directions of a link are one bidirectional link (as many links
 *   per node pair as the busier direction has edges), with the a→b edge's
 *   weight, capacity and delay (b→a's when only that exists);
 * - links joining the same two cities share a duct: one shared-risk group per
 *   city pair with two or more links (the files state no SRLGs).
 */
export interface RepetitaGraph {
  nodes: { label: string; x: number; y: number }[];
  edges: { label: string; src: number; dest: number; weight: number; bwKbps: number; delayMs: number }[];
}

export interface RepetitaDemand {
  label: string;
  src: number;
  dest: number;
  bwKbps: number;
}

export class RepetitaError extends Error {
  override name = 'RepetitaError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly detail: string,
  ) {
    super(`${file}: line ${line}: ${detail}`);
  }
}

/** The "NODES n" / "EDGES m" / "DEMANDS k" section at `at`, its header skipped: where its rows start and how many. */
function section(lines: string[], at: number, name: string, file: string): { start: number; count: number } {
  while (at < lines.length && lines[at]!.trim() === '') at++;
  const m = new RegExp(`^${name}\\s+(\\d+)\\s*$`).exec(lines[at]?.trim() ?? '');
  if (m === null) throw new RepetitaError(file, at + 1, `expected "${name} <count>", got "${(lines[at] ?? '').trim().slice(0, 40)}"`);
  return { start: at + 2, count: Number(m[1]) };
}

function fields(lines: string[], i: number, want: number, what: string, file: string): string[] {
  const f = (lines[i] ?? '').trim().split(/\s+/);
  if (f.length < want || f[0] === '') throw new RepetitaError(file, i + 1, `${what}: expected ${want} fields, got "${(lines[i] ?? '').trim().slice(0, 60)}"`);
  return f;
}

function number(f: string | undefined, i: number, what: string, file: string, min = 0): number {
  const v = Number(f);
  if (f === undefined || !Number.isFinite(v) || v < min) throw new RepetitaError(file, i + 1, `${what} "${f ?? ''}" is not a number ≥ ${min}`);
  return v;
}

/** Detects a REPETITA network (`NODES n` then `label x y`) or demand file (`DEMANDS k` then `label src dest bw`). */
export function repetitaKind(text: string): 'graph' | 'demands' | undefined {
  const head = text.replace(/^\uFEFF/, '').trimStart().split(/\r?\n/, 2).map((l) => l.trim());
  if (/^NODES\s+\d+$/.test(head[0] ?? '') && /^label\s+x\s+y$/.test(head[1] ?? '')) return 'graph';
  if (/^DEMANDS\s+\d+$/.test(head[0] ?? '') && /^label\s+src\s+dest\s+bw$/.test(head[1] ?? '')) return 'demands';
  return undefined;
}

export function parseRepetitaGraph(text: string, file = 'network.graph'): RepetitaGraph {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const ns = section(lines, 0, 'NODES', file);
  const nodes: RepetitaGraph['nodes'] = [];
  for (let i = ns.start; i < ns.start + ns.count; i++) {
    const f = fields(lines, i, 3, 'node', file);
    nodes.push({ label: f[0]!, x: number(f[1], i, 'x', file, -Infinity), y: number(f[2], i, 'y', file, -Infinity) });
  }
  const es = section(lines, ns.start + ns.count, 'EDGES', file);
  const edges: RepetitaGraph['edges'] = [];
  for (let i = es.start; i < es.start + es.count; i++) {
    const f = fields(lines, i, 6, 'edge', file);
    const src = number(f[1], i, 'src', file);
    const dest = number(f[2], i, 'dest', file);
    for (const [v, what] of [[src, 'src'], [dest, 'dest']] as const) {
      if (!Number.isInteger(v) || v >= nodes.length) throw new RepetitaError(file, i + 1, `edge ${f[0]}: ${what} ${v} is not one of the ${nodes.length} nodes (0–${nodes.length - 1})`);
    }
    edges.push({ label: f[0]!, src, dest, weight: number(f[3], i, 'weight', file, 1e-9), bwKbps: number(f[4], i, 'bw', file), delayMs: number(f[5], i, 'delay', file) });
  }
  return { nodes, edges };
}

export function parseRepetitaDemands(text: string, nodeCount: number, file = 'matrix.demands'): RepetitaDemand[] {
  return scanDemands(text, nodeCount) ?? parseDemandLines(text, nodeCount, file);
}

/** parseRepetitaDemands for a well-formed file, by one scan of its characters (repetita-scan.ts); null otherwise. */
function scanDemands(text: string, nodeCount: number): RepetitaDemand[] | null {
  const cols = scanDemandColumns(text, nodeCount, true);
  if (cols === null) return null;
  return cols.labels!.map((label, r) => ({ label, src: cols.src[r]!, dest: cols.dest[r]!, bwKbps: cols.bwKbps[r]! }));
}

/**
 * parseRepetitaDemands as columns, without labels and without an object per
 * demand (the command line's sweep reads 99k of them). The same rows; a file
 * the scan does not take goes through the line reader, which names the line.
 */
export function parseRepetitaDemandColumns(text: string, nodeCount: number, file = 'matrix.demands'): RepetitaDemandColumns {
  const cols = scanDemandColumns(text, nodeCount, false);
  if (cols !== null) return cols;
  const rows = parseDemandLines(text, nodeCount, file);
  return { src: Float64Array.from(rows, (d) => d.src), dest: Float64Array.from(rows, (d) => d.dest), bwKbps: Float64Array.from(rows, (d) => d.bwKbps), labels: null };
}

function parseDemandLines(text: string, nodeCount: number, file: string): RepetitaDemand[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const ds = section(lines, 0, 'DEMANDS', file);
  const out: RepetitaDemand[] = [];
  for (let i = ds.start; i < ds.start + ds.count; i++) {
    const f = fields(lines, i, 4, 'demand', file);
    const src = number(f[1], i, 'src', file);
    const dest = number(f[2], i, 'dest', file);
    for (const [v, what] of [[src, 'src'], [dest, 'dest']] as const) {
      if (!Number.isInteger(v) || v >= nodeCount) throw new RepetitaError(file, i + 1, `demand ${f[0]}: ${what} ${v} is not one of the network's ${nodeCount} nodes`);
    }
    out.push({ label: f[0]!, src, dest, bwKbps: number(f[3], i, 'bw', file) });
  }
  return out;
}

/** "San+Jose,+CA4062" → city "San Jose, CA", region "CA", name "San Jose, CA 4062". */
export function rocketfuelName(label: string): { name: string; city: string; region: string } {
  const text = label.replace(/\+/g, ' ').trim();
  const m = /^(.*?)(\d+)$/.exec(text);
  const city = (m?.[1] ?? text).trim() || text;
  const comma = city.lastIndexOf(',');
  const region = comma >= 0 ? city.slice(comma + 1).trim() || city : city;
  return { name: m ? `${city} ${m[2]}` : city, city, region };
}

const nodeId = (i: number): string => `r${i}`;
const slug = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'site';

/** The network as a design: routers in city sites, links with capacity (Gbit/s), IGP weight, delay and city-pair SRLGs. */
export function repetitaTopology(net: RepetitaGraph, name = 'REPETITA network'): Topology {
  // As restoreTopology would return it, without zod over a structure built here (repetita-design.ts).
  return repetitaDesign(repetitaDraft(net, name));
}

/** The design before the schema's defaults: what repetitaTopology hands to restoreTopology's rules. */
export function repetitaDraft(net: RepetitaGraph, name = 'REPETITA network'): RepetitaDraft {
  const named = net.nodes.map((n) => rocketfuelName(n.label));
  const siteOf = new Map<string, { id: string; name: string; region: string }>();
  for (const n of named) if (!siteOf.has(n.city)) siteOf.set(n.city, { id: `site-${slug(n.city)}-${siteOf.size}`, name: n.city, region: n.region });
  const pairs = new Map<string, { a: number; b: number; ab: RepetitaGraph['edges']; ba: RepetitaGraph['edges'] }>();
  for (const e of net.edges) {
    if (e.src === e.dest) continue;
    const [a, b] = e.src < e.dest ? [e.src, e.dest] : [e.dest, e.src];
    const key = `${a} ${b}`;
    const p = pairs.get(key) ?? { a, b, ab: [], ba: [] };
    (e.src < e.dest ? p.ab : p.ba).push(e);
    pairs.set(key, p);
  }
  const links: { id: string; source: string; target: string; capacityGbps?: number; igpWeight: number; latencyMs: number; cityPair: string }[] = [];
  for (const p of pairs.values()) {
    for (let k = 0; k < Math.max(p.ab.length, p.ba.length); k++) {
      const e = p.ab[k] ?? p.ba[k]!;
      const cities = [named[p.a]!.city, named[p.b]!.city].sort();
      links.push({
        id: `e${links.length}`,
        source: nodeId(p.a),
        target: nodeId(p.b),
        ...(e.bwKbps > 0 ? { capacityGbps: e.bwKbps / 1e6 } : {}),
        igpWeight: e.weight,
        latencyMs: e.delayMs,
        cityPair: cities[0] === cities[1] ? '' : `${cities[0]} – ${cities[1]}`,
      });
    }
  }
  const perPair = new Map<string, number>();
  for (const l of links) if (l.cityPair !== '') perPair.set(l.cityPair, (perPair.get(l.cityPair) ?? 0) + 1);
  return {
    name,
    sites: [...siteOf.values()].map((s) => ({ id: s.id, name: s.name, role: 'colo' as const, region: s.region })),
    nodes: net.nodes.map((_, i) => ({ id: nodeId(i), name: named[i]!.name, role: 'router' as const, site: siteOf.get(named[i]!.city)!.id, region: named[i]!.region })),
    links: links.map(({ cityPair, ...l }) => ({ ...l, srlgs: (perPair.get(cityPair) ?? 0) >= 2 ? [`duct ${cityPair}`] : [] })),
  };
}

/** Demands between the design's routers, in Gbit/s, as simulate's and analyze's traffic option takes them. */
export function repetitaDemands(demands: readonly RepetitaDemand[]): { source: string; target: string; volume: number }[] {
  return demands.filter((d) => d.src !== d.dest && d.bwKbps > 0).map((d) => ({ source: nodeId(d.src), target: nodeId(d.dest), volume: d.bwKbps / 1e6 }));
}

/**
 * repetitaDemands as columns: the same demands in the same order (a router's
 * demand to itself and zero ones left out), volume in Gbit/s; router i is
 * the device `routerId(i)`.
 */
export function repetitaDemandVolumes(cols: RepetitaDemandColumns): RouterDemands {
  const { src, dest, bwKbps } = cols;
  let k = 0;
  for (let r = 0; r < src.length; r++) if (src[r] !== dest[r] && bwKbps[r]! > 0) k++;
  const out: RouterDemands = { routers: true, src: new Float64Array(k), dest: new Float64Array(k), volume: new Float64Array(k) };
  k = 0;
  for (let r = 0; r < src.length; r++) {
    if (src[r] === dest[r] || !(bwKbps[r]! > 0)) continue;
    out.src[k] = src[r]!;
    out.dest[k] = dest[r]!;
    out.volume[k++] = bwKbps[r]! / 1e6;
  }
  return out;
}

/**
 * repetitaDemandVolumes(parseRepetitaDemandColumns(text, …)) as the command
 * line's sweep takes a matrix, read in one scan when the file is well formed
 * (repetita-scan.ts); otherwise through those two, which name the bad line.
 */
export function parseRepetitaDemandVolumes(text: string, nodeCount: number, file = 'matrix.demands'): RouterDemands {
  return scanDemandVolumes(text, nodeCount) ?? repetitaDemandVolumes(parseRepetitaDemandColumns(text, nodeCount, file));
}

/** The device id of REPETITA router i, as repetitaTopology names it. */
export const routerId = nodeId;

/** What the reader assumed, in words, for every report on a REPETITA file. */
export function repetitaNotes(net: RepetitaGraph, topology: Topology): string[] {
  const ducts = new Set(topology.links.flatMap((l) => l.srlgs)).size;
  const noBw = net.edges.filter((e) => e.bwKbps === 0).length;
  return [
    `${topology.nodes.length} routers in ${topology.sites.length} city sites (a Rocketfuel label names the city; the text after its last comma is taken as the region)`,
    `${net.edges.length} directed edges read as ${topology.links.length} bidirectional links (the a→b edge's weight, capacity and delay)`,
    `${ducts} shared-risk groups assumed: links joining the same two cities share a duct (the file states no SRLGs)`,
    ...(noBw > 0 ? [`${noBw} edges state no capacity: given the default 10 Gbit/s`] : []),
  ];
}
