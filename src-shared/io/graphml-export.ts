import type { Topology } from '../model/topology';

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

/**
 * Topology → GraphML (undirected; parallel links and self-loops kept, as
 * GraphML allows both). Node and edge ids are the NetTwin ids, so an import
 * gives back the same ids. SRLGs are a JSON list in one string attribute.
 */
export function exportGraphml(topology: Topology): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const scope of ['graph', 'node', 'edge'] as const) {
    for (const k of GRAPHML_KEYS[scope]) {
      out.push(`  <key id="${k.id}" for="${scope}" attr.name="${k.name}" attr.type="${k.type}"/>`);
    }
  }
  const esc = (s: string) => xmlEscape(s.replace(XML_INVALID, ''));
  out.push('  <graph id="G" edgedefault="undirected">');
  out.push(
    `    ${data('g_name', topology.name)}${data('g_family', topology.family)}${data('g_seed', topology.seed)}${data('g_sites', JSON.stringify(topology.sites))}`,
  );
  for (const n of topology.nodes) {
    out.push(
      `    <node id="${esc(n.id)}">${data('n_label', n.name)}${data('n_lat', n.lat)}${data('n_lon', n.lon)}${data('n_role', n.role)}${data('n_site', n.site)}${data('n_region', n.region)}${data('n_ports', n.ports)}${data('n_model', n.model)}${data('n_cost', n.costUsd)}${data('n_x', n.x)}${data('n_y', n.y)}${data('n_pinned', n.pinned)}</node>`,
    );
  }
  for (const l of topology.links) {
    out.push(
      `    <edge id="${esc(l.id)}" source="${esc(l.source)}" target="${esc(l.target)}">${data('e_capacity', l.capacityGbps)}${data('e_igp', l.igpWeight)}${data('e_latency', l.latencyMs)}${data('e_distance', l.distanceKm)}${data('e_srlgs', JSON.stringify(l.srlgs))}${data('e_cost', l.costUsd)}</edge>`,
    );
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
