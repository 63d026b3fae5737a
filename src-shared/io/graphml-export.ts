import type { Topology } from '../model/topology';
import { ROLE_COLOURS } from './role-style';

/**
 * GraphML keys NetTwin writes. Coordinates use Topology Zoo's attribute
 * names (`Latitude`, `Longitude`, `label`) so other tools that read Zoo files
 * read ours; the rest are NetTwin attributes. Sites have no GraphML element,
 * so the site list travels as JSON text in the graph-level `nettwin.sites`.
 */
export const GRAPHML_KEYS = {
  graph: [
    { id: 'g_name', name: 'label', type: 'string' },
    { id: 'g_family', name: 'nettwin.family', type: 'string' },
    { id: 'g_seed', name: 'nettwin.seed', type: 'long' },
    { id: 'g_sites', name: 'nettwin.sites', type: 'string' },
  ],
  node: [
    { id: 'n_label', name: 'label', type: 'string' },
    { id: 'n_lat', name: 'Latitude', type: 'double' },
    { id: 'n_lon', name: 'Longitude', type: 'double' },
    { id: 'n_role', name: 'role', type: 'string' },
    { id: 'n_site', name: 'site', type: 'string' },
    { id: 'n_region', name: 'region', type: 'string' },
    { id: 'n_ports', name: 'ports', type: 'int' },
    { id: 'n_model', name: 'model', type: 'string' },
    { id: 'n_cost', name: 'costUsd', type: 'double' },
    { id: 'n_x', name: 'x', type: 'double' },
    { id: 'n_y', name: 'y', type: 'double' },
    { id: 'n_pinned', name: 'pinned', type: 'boolean' },
  ],
  edge: [
    { id: 'e_capacity', name: 'capacityGbps', type: 'double' },
    { id: 'e_igp', name: 'igpWeight', type: 'double' },
    { id: 'e_latency', name: 'latencyMs', type: 'double' },
    { id: 'e_distance', name: 'distanceKm', type: 'double' },
    { id: 'e_srlgs', name: 'srlgs', type: 'string' },
    { id: 'e_cost', name: 'costUsd', type: 'double' },
  ],
} as const;

/** Escapes text for XML content and double-quoted attributes. */
export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]!};`);
}

/** Characters XML 1.0 cannot carry at all; dropped rather than written invalid. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function data(key: string, value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  return `<data key="${key}">${xmlEscape(String(value).replace(XML_INVALID, ''))}</data>`;
}

/** yEd's namespace and the size of a drawn node, in yEd's units (pixels at 100 %). */
const YED_NS = 'http://www.yworks.com/xml/graphml';
const NODE_SIZE = 30;

/**
 * Where yEd draws each node: the canvas position when the design has one,
 * else its coordinates projected (longitude east, latitude north, 12 px a
 * degree), else a grid — so the file opens laid out, not as one pile.
 */
function yedPositions(topology: Topology): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  const placed = topology.nodes.filter((n) => n.x !== undefined && n.y !== undefined);
  const located = topology.nodes.filter((n) => n.lat !== undefined && n.lon !== undefined);
  const columns = Math.max(1, Math.ceil(Math.sqrt(topology.nodes.length)));
  topology.nodes.forEach((n, k) => {
    if (placed.length === topology.nodes.length) out.set(n.id, { x: n.x!, y: n.y! });
    else if (located.length === topology.nodes.length) out.set(n.id, { x: n.lon! * 12, y: -n.lat! * 12 });
    else out.set(n.id, { x: (k % columns) * 3 * NODE_SIZE, y: Math.floor(k / columns) * 3 * NODE_SIZE });
  });
  return out;
}

/** Foreign attribute names of a scope, each with its own key id (ours come first, so clashes keep ours). */
function foreignKeys(items: ReadonlyArray<{ attributes?: Record<string, string> | undefined }>, ours: ReadonlyArray<{ name: string }>, prefix: string): Map<string, string> {
  const taken = new Set(ours.map((k) => k.name.toLowerCase()));
  const keys = new Map<string, string>();
  for (const item of items) {
    for (const name of Object.keys(item.attributes ?? {})) {
      if (keys.has(name) || taken.has(name.toLowerCase())) continue;
      taken.add(name.toLowerCase());
      keys.set(name, `${prefix}${keys.size}`);
    }
  }
  return keys;
}

/**
 * Topology → GraphML (undirected; parallel links and self-loops kept, as
 * GraphML allows both). Node and edge ids are the NetTwin ids, so an import
 * gives back the same ids. SRLGs are a JSON list in one string attribute.
 * Attributes an import kept (Topology Zoo's Country, LinkLabel …) are written
 * back under their own names. yEd graphics (nodegraphics/edgegraphics) give
 * each node its label, a position and its role's colour, so the file opens
 * drawn in yEd; other GraphML readers ignore them.
 */
export function exportGraphml(topology: Topology): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="${YED_NS}" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">`,
  ];
  for (const scope of ['graph', 'node', 'edge'] as const) {
    for (const k of GRAPHML_KEYS[scope]) {
      out.push(`  <key id="${k.id}" for="${scope}" attr.name="${k.name}" attr.type="${k.type}"/>`);
    }
  }
  const esc = (s: string) => xmlEscape(s.replace(XML_INVALID, ''));
  const nodeKeys = foreignKeys(topology.nodes, GRAPHML_KEYS.node, 'na');
  const edgeKeys = foreignKeys(topology.links, GRAPHML_KEYS.edge, 'ea');
  for (const [scope, keys] of [['node', nodeKeys], ['edge', edgeKeys]] as const) {
    for (const [name, id] of keys) out.push(`  <key id="${id}" for="${scope}" attr.name="${esc(name)}" attr.type="string"/>`);
  }
  out.push('  <key id="y_node" for="node" yfiles.type="nodegraphics"/>', '  <key id="y_edge" for="edge" yfiles.type="edgegraphics"/>');
  const foreign = (attributes: Record<string, string> | undefined, keys: Map<string, string>) =>
    Object.entries(attributes ?? {}).map(([k, v]) => (keys.has(k) ? data(keys.get(k)!, v) : '')).join('');
  const at = yedPositions(topology);
  const half = NODE_SIZE / 2;
  out.push('  <graph id="G" edgedefault="undirected">');
  out.push(
    `    ${data('g_name', topology.name)}${data('g_family', topology.family)}${data('g_seed', topology.seed)}${data('g_sites', JSON.stringify(topology.sites))}`,
  );
  for (const n of topology.nodes) {
    const p = at.get(n.id)!;
    const yed =
      `<data key="y_node"><y:ShapeNode><y:Geometry x="${p.x - half}" y="${p.y - half}" width="${NODE_SIZE}" height="${NODE_SIZE}"/>` +
      `<y:Fill color="#${ROLE_COLOURS[n.role]}" transparent="false"/><y:BorderStyle color="#000000" type="line" width="1.0"/>` +
      `<y:NodeLabel modelName="sides" modelPosition="s">${esc(n.name)}</y:NodeLabel><y:Shape type="ellipse"/></y:ShapeNode></data>`;
    out.push(
      `    <node id="${esc(n.id)}">${data('n_label', n.name)}${data('n_lat', n.lat)}${data('n_lon', n.lon)}${data('n_role', n.role)}${data('n_site', n.site)}${data('n_region', n.region)}${data('n_ports', n.ports)}${data('n_model', n.model)}${data('n_cost', n.costUsd)}${data('n_x', n.x)}${data('n_y', n.y)}${data('n_pinned', n.pinned)}${foreign(n.attributes, nodeKeys)}${yed}</node>`,
    );
  }
  for (const l of topology.links) {
    out.push(
      `    <edge id="${esc(l.id)}" source="${esc(l.source)}" target="${esc(l.target)}">${data('e_capacity', l.capacityGbps)}${data('e_igp', l.igpWeight)}${data('e_latency', l.latencyMs)}${data('e_distance', l.distanceKm)}${data('e_srlgs', JSON.stringify(l.srlgs))}${data('e_cost', l.costUsd)}${foreign(l.attributes, edgeKeys)}<data key="y_edge"><y:PolyLineEdge><y:LineStyle color="#7F8C8D" type="line" width="1.0"/></y:PolyLineEdge></data></edge>`,
    );
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
