import { restoreTopology, type Topology, type TopologyInput } from '../model/topology';
import { positionOf, tokenizeXml, XmlSyntaxError } from './graphml-xml';

/**
 * GraphML importer (Internet Topology Zoo and yEd flavours).
 *
 * Semantics follow ../shared/spec/analyze-contract.md: node identity is the
 * GraphML `id`; every `<edge>` is one link, numbered e0, e1, … in document
 * order after dropping self-loops (the file's own edge ids are ignored for
 * numbering); parallel links are kept; disconnected parts are legal; labels
 * may repeat or be missing. The graph is read as undirected whatever
 * `edgedefault` says. Complexity O(file size).
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

/** Larger files are refused before parsing (the biggest Topology Zoo file is < 1 MB). */
export const GRAPHML_MAX_CHARS = 64 * 1024 * 1024;

/** A located problem with the file; the message is one line naming file, place and problem. */
export class GraphmlError extends Error {
  override name = 'GraphmlError';
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(`${file}: ${line === undefined ? '' : `line ${line}, column ${column ?? 1}: `}${detail}`);
  }
}

interface KeyDef {
  name: string;
  for: string;
  yfiles: string | undefined;
}
interface DraftNode {
  id: string;
  data: Map<string, string>;
  label: string | undefined;
  x: number | undefined;
  y: number | undefined;
  group: boolean;
  offset: number;
}
interface DraftEdge {
  source: string;
  target: string;
  data: Map<string, string>;
  offset: number;
}

const local = (name: string): string => name.slice(name.indexOf(':') + 1);

function firstKey(data: Map<string, string>, names: readonly string[]): string | undefined {
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

/** Parses GraphML text. Throws GraphmlError (with line/column when known) on bad input. */
export function importGraphml(text: string, file = 'input.graphml'): GraphmlImport {
  if (text.length > GRAPHML_MAX_CHARS) {
    throw new GraphmlError(
      file,
      `file is ${(text.length / 1048576).toFixed(1)} MB, larger than the ${GRAPHML_MAX_CHARS / 1048576} MB limit for GraphML`,
    );
  }
  const start = text.search(/\S/);
  if (start < 0) throw new GraphmlError(file, 'not GraphML: the file is empty');
  if (text[start] !== '<' && !(text.charCodeAt(start) === 0xfeff && text[start + 1] === '<')) {
    const at = positionOf(text, start);
    throw new GraphmlError(file, `not GraphML: not XML (starts with ${JSON.stringify(text.slice(start, start + 12))})`, at.line, at.column);
  }
  const keys = new Map<string, KeyDef>();
  const nodes: DraftNode[] = [];
  const edges: DraftEdge[] = [];
  const graphData = new Map<string, string>();
  const path: string[] = [];
  const owners: (DraftNode | DraftEdge | 'graph' | null)[] = [];
  let dataKey: string | undefined;
  let dataText = '';
  let inLabel = false;
  let hyperedges = 0;
  let directed = false;
  const fail: (offset: number, detail: string) => never = (offset, detail) => {
    const at = positionOf(text, offset);
    throw new GraphmlError(file, detail, at.line, at.column);
  };
  const currentNode = (): DraftNode | undefined => {
    for (let i = owners.length - 1; i >= 0; i--) {
      const o = owners[i];
      if (o !== null && o !== 'graph' && o !== undefined && 'group' in o) return o;
    }
    return undefined;
  };
  try {
    tokenizeXml(text, {
      open(name, attrs, offset) {
        const tag = local(name);
        if (path.length === 0 && tag !== 'graphml') fail(offset, `not GraphML: root element is <${name}>, expected <graphml>`);
        path.push(tag);
        let owner: DraftNode | DraftEdge | 'graph' | null = null;
        if (tag === 'key') {
          const id = attrs.get('id');
          if (id === undefined) fail(offset, '<key> without an id');
          keys.set(id, {
            name: attrs.get('attr.name') ?? id,
            for: attrs.get('for') ?? 'all',
            yfiles: attrs.get('yfiles.type'),
          });
        } else if (tag === 'graph') {
          if (attrs.get('edgedefault') === 'directed') directed = true;
          const parentNode = currentNode();
          if (parentNode !== undefined) parentNode.group = true;
          owner = 'graph';
        } else if (tag === 'node') {
          const id = attrs.get('id');
          if (id === undefined || id === '') fail(offset, '<node> without an id');
          if (id.length > 200) fail(offset, `node id "${id.slice(0, 40)}…" is longer than 200 characters`);
          const node: DraftNode = { id, data: new Map(), label: undefined, x: undefined, y: undefined, group: false, offset };
          nodes.push(node);
          owner = node;
        } else if (tag === 'edge') {
          const source = attrs.get('source');
          const target = attrs.get('target');
          if (source === undefined || target === undefined) fail(offset, '<edge> without source or target');
          const edge: DraftEdge = { source, target, data: new Map(), offset };
          edges.push(edge);
          owner = edge;
        } else if (tag === 'hyperedge') {
          hyperedges++;
        } else if (tag === 'data') {
          dataKey = attrs.get('key');
          dataText = '';
        } else if (tag === 'NodeLabel') {
          inLabel = currentNode()?.label === undefined;
        } else if (tag === 'Geometry') {
          const node = currentNode();
          if (node !== undefined && node.x === undefined) {
            node.x = Number(attrs.get('x'));
            node.y = Number(attrs.get('y'));
          }
        }
        owners.push(owner);
      },
      close(name) {
        const tag = local(name);
        path.pop();
        owners.pop();
        if (tag === 'NodeLabel' && inLabel) {
          inLabel = false;
          const node = currentNode();
          if (node !== undefined && node.label === undefined) node.label = dataText.trim() || undefined;
        } else if (tag === 'data' && dataKey !== undefined) {
          const def = keys.get(dataKey);
          const keyName = (def?.name ?? dataKey).toLowerCase();
          let owner: DraftNode | DraftEdge | 'graph' | null | undefined;
          for (let i = owners.length - 1; i >= 0 && owner === undefined; i--) if (owners[i] !== null) owner = owners[i];
          if (owner === 'graph') graphData.set(keyName, dataText);
          else if (owner !== undefined && owner !== null && def?.yfiles === undefined) owner.data.set(keyName, dataText);
          dataKey = undefined;
        }
      },
      text(t) {
        if (dataKey !== undefined || inLabel) dataText += t;
      },
    });
  } catch (err) {
    if (err instanceof XmlSyntaxError) throw new GraphmlError(file, `broken XML: ${err.detail}`, err.line, err.column);
    throw err;
  }
  return buildTopology(text, file, { keys, nodes, edges, graphData, hyperedges, directed }, fail);
}

function buildTopology(
  text: string,
  file: string,
  p: {
    keys: Map<string, KeyDef>;
    nodes: DraftNode[];
    edges: DraftEdge[];
    graphData: Map<string, string>;
    hyperedges: number;
    directed: boolean;
  },
  fail: (offset: number, detail: string) => never,
): GraphmlImport {
  const report: GraphmlReport = { mapped: [], guessed: [], dropped: [] };
  const byId = new Map<string, DraftNode>();
  for (const n of p.nodes) {
    if (byId.has(n.id)) fail(n.offset, `duplicate node id "${n.id}"`);
    byId.set(n.id, n);
  }
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
    links.push({
      id: `e${links.length}`,
      source: e.source,
      target: e.target,
      ...(weight === undefined ? {} : { igpWeight: weight }),
      ...(capacity !== undefined ? { capacityGbps: capacity } : speedBps !== undefined ? { capacityGbps: speedBps / 1e9 } : {}),
    });
  }
  const groups = p.nodes.filter((n) => n.group && !used.has(n.id));
  const nodes = p.nodes.filter((n) => !(n.group && !used.has(n.id))).map((n) => toDevice(n));
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
  if (parallel > 0) report.mapped.push(`${parallel} parallel links kept as separate links`);
  if (selfLoops > 0) report.dropped.push(`${selfLoops} self-loops`);
  if (p.hyperedges > 0) report.dropped.push(`${p.hyperedges} hyperedges`);
  if (groups.length > 0) report.dropped.push(`${groups.length} yEd group nodes with no links`);
  if (p.directed) report.guessed.push('edgedefault="directed" read as undirected links');

  const name = (firstKey(p.graphData, ['label', 'Network', 'name']) ?? file.replace(/^.*[\\/]/, '').replace(/\.graphml$/i, '')).slice(0, 200);
  try {
    return { topology: restoreTopology({ name: name || 'Imported network', nodes, links }), report };
  } catch (err) {
    void text;
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
