import { restoreTopology, TOPOLOGY_FORMAT_VERSION, type Topology } from '../model/topology';

/**
 * The design repetitaTopology builds, as restoreTopology would return it,
 * without running the schema over every field: the reader itself built this
 * structure from a file it has already checked line by line (numbers finite,
 * weights positive, node indices in range), so re-validating it with zod cost
 * 40–70 ms (cold) of the command line's main thread on Sprint, on the path
 * before the sweep's workers get their job. The user's file is still fully
 * checked (parseRepetitaGraph); here only the few things the parser does not
 * bound are checked by hand (string lengths, counts, finite numbers), and
 * anything outside them goes through restoreTopology, so a bad value gives
 * exactly the error it always gave. Defaults are applied as the schema
 * applies them, keys in the schema's order (repetita-design.test.ts compares
 * the two on generated and edge-case networks, key order included).
 */
export interface RepetitaDraft {
  name: string;
  sites: { id: string; name: string; role: 'colo'; region: string }[];
  nodes: { id: string; name: string; role: 'router'; site: string; region: string }[];
  links: { id: string; source: string; target: string; capacityGbps?: number; igpWeight: number; latencyMs: number; srlgs: string[] }[];
}

const text = (s: string, max: number): boolean => s.length >= 1 && s.length <= max;

/** True when the schema would accept the draft unchanged but for its defaults (see TopologySchema). */
function plainDraft(d: RepetitaDraft): boolean {
  if (d.name.length > 200 || d.nodes.length > 200_000 || d.links.length > 1_000_000) return false;
  const siteIds = new Set<string>();
  for (const s of d.sites) {
    if (!text(s.id, 200) || !text(s.name, 200) || !text(s.region, 100) || siteIds.has(s.id)) return false;
    siteIds.add(s.id);
  }
  const nodeIds = new Set<string>();
  for (const n of d.nodes) {
    if (!text(n.id, 200) || !text(n.name, 200) || !text(n.site, 200) || !text(n.region, 100) || nodeIds.has(n.id)) return false;
    if (d.sites.length > 0 && !siteIds.has(n.site)) return false;
    nodeIds.add(n.id);
  }
  const linkIds = new Set<string>();
  for (const l of d.links) {
    if (!text(l.id, 200) || !text(l.source, 200) || !text(l.target, 200) || linkIds.has(l.id)) return false;
    if (!nodeIds.has(l.source) || !nodeIds.has(l.target)) return false;
    if (l.capacityGbps !== undefined && !(Number.isFinite(l.capacityGbps) && l.capacityGbps > 0)) return false;
    if (!(Number.isFinite(l.igpWeight) && l.igpWeight > 0) || !(Number.isFinite(l.latencyMs) && l.latencyMs >= 0)) return false;
    for (const g of l.srlgs) if (!text(g, 100)) return false;
    linkIds.add(l.id);
  }
  return true;
}

/** restoreTopology(draft), by hand for a draft the checks above accept. */
export function repetitaDesign(d: RepetitaDraft): Topology {
  if (!plainDraft(d)) return restoreTopology(d);
  return {
    formatVersion: TOPOLOGY_FORMAT_VERSION,
    name: d.name,
    sites: d.sites.map((s) => ({ id: s.id, name: s.name, role: s.role, region: s.region })),
    nodes: d.nodes.map((n) => ({ id: n.id, name: n.name, role: n.role, site: n.site, region: n.region, ports: 48 })),
    links: d.links.map((l) => ({
      id: l.id,
      source: l.source,
      target: l.target,
      capacityGbps: l.capacityGbps ?? 10,
      igpWeight: l.igpWeight,
      latencyMs: l.latencyMs,
      srlgs: [...l.srlgs],
    })),
  };
}
