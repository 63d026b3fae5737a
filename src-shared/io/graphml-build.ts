import { restoreTopology, type Topology, type TopologyInput } from '../model/topology';
import { GRAPHML_KEYS } from './graphml-export';
import { GraphmlError } from './graphml-limits';

/** Attribute names (lower case) the reader maps to design fields; every other attribute is kept as it is. */
const NODE_MAPPED = new Set(['label', 'name', 'latitude', 'lat', 'longitude', 'lon', 'lng', ...GRAPHML_KEYS.node.map((k) => k.name.toLowerCase())]);
const EDGE_MAPPED = new Set([
  'igpweight', 'weight', 'metric', 'cost', 'linkweight', 'linkspeedraw', 'capacitygbps', 'capacity',
  ...GRAPHML_KEYS.edge.map((k) => k.name.toLowerCase()),
]);
/** Bounds on what is kept per element (the model's limits). */
const MAX_ATTRIBUTES = 50;
const MAX_VALUE = 1000;

/**
 * The second half of the GraphML reader: from the elements read (drafts) to
 * a checked Topology and the import report. Node identity is the GraphML
 * `id`; links are numbered e0, e1, … in document order after dropping
 * self-loops; parallel links are kept. O(nodes + links).
 */

export interface GraphmlReport {
  mapped: string[];
  guessed: string[];
  dropped: string[];
}

export interface GraphmlImport {
  topology: Topology;
  report: GraphmlReport;
}

export interface KeyDef {
  name: string;
  for: string;
  yfiles: string | undefined;
}
export interface DraftNode {
  id: string;
  data: Map<string, string>;
  label: string | undefined;
  x: number | undefined;
  y: number | undefined;
  group: boolean;
  offset: number;
}
export interface DraftEdge {
  source: string;
  target: string;
  data: Map<string, string>;
  offset: number;
}

export interface GraphmlDrafts {
  keys: Map<string, KeyDef>;
  nodes: DraftNode[];
  edges: DraftEdge[];
  graphData: Map<string, string>;
  hyperedges: number;
  directed: boolean;
}

export function firstKey(data: Map<string, string>, names: readonly string[]): string | undefined {
  for (const n of names) {
    const v = data.get(n.toLowerCase());
    if (v !== undefined && v.trim() !== '') return v.trim();
  }
  return undefined;
}

function positive(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const v = Number(text);
  return Number.isFinite(v) && v > 0 ? v : undefined;
}

/** Checks ids and ends, numbers the links, fills geography and writes the report. `fail` locates a problem by offset. */
export function buildTopology(file: string, p: GraphmlDrafts, fail: (offset: number, detail: string) => never): GraphmlImport {
  const report: GraphmlReport = { mapped: [], guessed: [], dropped: [] };
  const byId = new Map<string, DraftNode>();
  for (const n of p.nodes) {
    if (byId.has(n.id)) fail(n.offset, `duplicate node id "${n.id}"`);
    byId.set(n.id, n);
  }
  // The data maps are keyed by lower-case names; the key declarations hold the file's own spelling.
  const spelled = new Map<string, string>();
  for (const def of p.keys.values()) if (!spelled.has(def.name.toLowerCase())) spelled.set(def.name.toLowerCase(), def.name);
  const kept = { node: new Set<string>(), edge: new Set<string>(), cut: 0 };
  const foreign = (data: Map<string, string>, mapped: ReadonlySet<string>, scope: 'node' | 'edge'): Record<string, string> | undefined => {
    let out: Record<string, string> | undefined;
    for (const [k, v] of data) {
      if (mapped.has(k) || v.trim() === '') continue;
      const name = (spelled.get(k) ?? k).slice(0, 100);
      out ??= {};
      if (Object.keys(out).length >= MAX_ATTRIBUTES) {
        kept.cut++;
        continue;
      }
      if (v.length > MAX_VALUE) kept.cut++;
      out[name] = v.slice(0, MAX_VALUE);
      kept[scope].add(name);
    }
    return out;
  };
  const used = new Set<string>();
  let selfLoops = 0;
  const pairSeen = new Set<string>();
  let parallel = 0;
  let weighted = 0;
  let withSpeed = 0;
  const links: TopologyInput['links'] = [];
  for (const e of p.edges) {
    for (const end of [e.source, e.target]) {
      if (!byId.has(end)) fail(e.offset, `edge ${e.source} -> ${e.target} names unknown node "${end}"`);
    }
    used.add(e.source);
    used.add(e.target);
    if (e.source === e.target) {
      selfLoops++;
      continue;
    }
    const pair = e.source < e.target ? `${e.source}\u0000${e.target}` : `${e.target}\u0000${e.source}`;
    if (pairSeen.has(pair)) parallel++;
    pairSeen.add(pair);
    const weight = positive(firstKey(e.data, ['igpWeight', 'weight', 'metric', 'cost', 'LinkWeight']));
    const speedBps = positive(firstKey(e.data, ['LinkSpeedRaw']));
    const capacity = positive(firstKey(e.data, ['capacityGbps', 'capacity']));
    if (weight !== undefined) weighted++;
    if (speedBps !== undefined || capacity !== undefined) withSpeed++;
    const attributes = foreign(e.data, EDGE_MAPPED, 'edge');
    links.push({
      id: `e${links.length}`,
      source: e.source,
      target: e.target,
      ...(attributes === undefined ? {} : { attributes }),
      ...(weight === undefined ? {} : { igpWeight: weight }),
      ...(capacity !== undefined ? { capacityGbps: capacity } : speedBps !== undefined ? { capacityGbps: speedBps / 1e9 } : {}),
    });
  }
  const groups = p.nodes.filter((n) => n.group && !used.has(n.id));
  const nodes = p.nodes.filter((n) => !(n.group && !used.has(n.id))).map((n) => {
    const d = toDevice(n);
    const attributes = foreign(n.data, NODE_MAPPED, 'node');
    return attributes === undefined ? d : { ...d, attributes };
  });
  const located = nodes.filter((n) => n.lat !== undefined).length;
  const latencyFromGeo = fillLatency(nodes, links);

  report.mapped.push(`${nodes.length} nodes (GraphML node id kept as device id)`, `${links.length} links numbered e0…e${Math.max(0, links.length - 1)} in document order`);
  if (located > 0) report.mapped.push(`${located} nodes with Latitude/Longitude`);
  if (weighted > 0) report.mapped.push(`${weighted} links with an IGP weight`);
  if (withSpeed > 0) report.mapped.push(`${withSpeed} links with a link speed (capacity)`);
  const unlabeled = p.nodes.filter((n) => labelOf(n) === undefined).length;
  if (unlabeled > 0) report.guessed.push(`${unlabeled} nodes without a label are named by their id`);
  report.guessed.push('device role "router" for every node');
  if (weighted < links.length) report.guessed.push(`${links.length - weighted} links without a weight route by hop count (weight 1)`);
  if (withSpeed < links.length) report.guessed.push(`${links.length - withSpeed} links without a speed get 10 Gbit/s`);
  if (latencyFromGeo > 0) report.guessed.push(`${latencyFromGeo} link latencies from great-circle distance (200 km per ms)`);
  const list = (names: Set<string>) => [...names].sort().join(', ');
  if (kept.node.size > 0) report.mapped.push(`node attributes kept as they are (no design field; written back by the GraphML export): ${list(kept.node)}`);
  if (kept.edge.size > 0) report.mapped.push(`link attributes kept as they are (no design field; written back by the GraphML export): ${list(kept.edge)}`);
  if (kept.cut > 0) report.dropped.push(`${kept.cut} attribute values beyond ${MAX_ATTRIBUTES} per element or cut at ${MAX_VALUE} characters`);
  const graphOnly = [...p.graphData.keys()].filter((k) => !['label', 'network', 'name'].includes(k) && !GRAPHML_KEYS.graph.some((g) => g.name.toLowerCase() === k));
  if (graphOnly.length > 0) report.dropped.push(`graph attributes with no design field: ${graphOnly.map((k) => spelled.get(k) ?? k).sort().join(', ')}`);
  if (parallel > 0) report.mapped.push(`${parallel} parallel links kept as separate links`);
  if (selfLoops > 0) report.dropped.push(`${selfLoops} self-loop${selfLoops === 1 ? '' : 's'}`);
  if (p.hyperedges > 0) report.dropped.push(`${p.hyperedges} hyperedges`);
  if (groups.length > 0) report.dropped.push(`${groups.length} yEd group nodes with no links`);
  if (p.directed) report.guessed.push('edgedefault="directed" read as undirected links');

  const name = (firstKey(p.graphData, ['label', 'Network', 'name']) ?? file.replace(/^.*[\\/]/, '').replace(/\.graphml$/i, '')).slice(0, 200);
  try {
    return { topology: restoreTopology({ name: name || 'Imported network', nodes, links }), report };
  } catch (err) {
    throw new GraphmlError(file, err instanceof Error ? err.message : String(err));
  }
}

function labelOf(n: DraftNode): string | undefined {
  const l = n.label ?? firstKey(n.data, ['label', 'name']);
  return l === undefined || l.trim() === '' ? undefined : l.trim();
}

function toDevice(n: DraftNode): TopologyInput['nodes'][number] {
  const lat = Number(firstKey(n.data, ['Latitude', 'lat']));
  const lon = Number(firstKey(n.data, ['Longitude', 'lon', 'lng']));
  const hasGeo = Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 && firstKey(n.data, ['Latitude', 'lat']) !== undefined && firstKey(n.data, ['Longitude', 'lon', 'lng']) !== undefined;
  const country = firstKey(n.data, ['Country', 'region']);
  return {
    id: n.id,
    name: (labelOf(n) ?? n.id).slice(0, 200),
    role: 'router',
    ...(country === undefined ? {} : { region: country.slice(0, 100) }),
    ...(hasGeo ? { lat, lon } : {}),
    ...(n.x !== undefined && Number.isFinite(n.x) && n.y !== undefined && Number.isFinite(n.y) ? { x: n.x, y: n.y } : {}),
  };
}

/** Latency from great-circle distance where both ends are located (light in fibre ≈ 200 km/ms). */
function fillLatency(nodes: TopologyInput['nodes'], links: TopologyInput['links']): number {
  const at = new Map(nodes.map((n) => [n.id, n]));
  let count = 0;
  for (const l of links) {
    const a = at.get(l.source);
    const b = at.get(l.target);
    if (a?.lat === undefined || a.lon === undefined || b?.lat === undefined || b.lon === undefined) continue;
    const km = haversineKm(a.lat, a.lon, b.lat, b.lon);
    l.distanceKm = km;
    l.latencyMs = Math.max(0.01, km / 200);
    count++;
  }
  return count;
}

function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
