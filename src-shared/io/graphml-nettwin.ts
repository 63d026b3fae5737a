import { z } from 'zod';
import { FamilySchema, SiteSchema, restoreTopology, type Topology } from '../model/topology';
import { GRAPHML_KEYS } from './graphml-export';
import { tokenizeXml } from './graphml-xml';
import { ImportError, type ImportResult } from './report';
import { guessRoles, roleFromText } from './roles';

interface Extras {
  graph: Map<string, string>;
  nodes: Map<string, Map<string, string>>;
  /** Every edge in document order, self-loops included, with its GraphML id. */
  edges: Array<{ id: string | undefined; source: string; target: string; data: Map<string, string> }>;
}

const OUR_NAMES = new Set<string>([...GRAPHML_KEYS.graph, ...GRAPHML_KEYS.node, ...GRAPHML_KEYS.edge].map((k) => k.name));

/**
 * Collects the NetTwin attributes of a GraphML file (the keys
 * `exportGraphml` declares), which the general GraphML reader leaves aside.
 * The text has already passed that reader, so it is well-formed XML.
 */
function readExtras(text: string): Extras {
  const keyName = new Map<string, string>();
  const extras: Extras = { graph: new Map(), nodes: new Map(), edges: [] };
  let owner: Map<string, string> | undefined;
  let key: string | undefined;
  let value = '';
  let depth = 0;
  tokenizeXml(text, {
    open(name, attrs) {
      const tag = name.slice(name.indexOf(':') + 1);
      depth++;
      if (tag === 'key') {
        const id = attrs.get('id');
        const attrName = attrs.get('attr.name');
        if (id !== undefined && attrName !== undefined && OUR_NAMES.has(attrName)) keyName.set(id, attrName);
      } else if (tag === 'graph' && depth === 2) {
        owner = extras.graph;
      } else if (tag === 'node') {
        owner = new Map();
        extras.nodes.set(attrs.get('id') ?? '', owner);
      } else if (tag === 'edge') {
        owner = new Map();
        extras.edges.push({ id: attrs.get('id'), source: attrs.get('source') ?? '', target: attrs.get('target') ?? '', data: owner });
      } else if (tag === 'data') {
        key = keyName.get(attrs.get('key') ?? '');
        value = '';
      }
    },
    close(name) {
      depth--;
      const tag = name.slice(name.indexOf(':') + 1);
      if (tag === 'data' && key !== undefined && owner !== undefined) owner.set(key, value);
      if (tag === 'data') key = undefined;
    },
    text(t) {
      if (key !== undefined) value += t;
    },
  });
  return extras;
}

/**
 * Completes a GraphML import with NetTwin's own attributes when the file has
 * them (a NetTwin export): roles, sites, ports, model, positions, link ids,
 * latency, distance, SRLGs and costs, so GraphML round-trips a design. Roles
 * missing from the file are guessed from names and degree. Self-loops stay
 * dropped, as the GraphML reader's link numbering requires.
 */
export function withNettwinAttributes(text: string, file: string, result: ImportResult): ImportResult {
  const extras = readExtras(text);
  const report = { ...result.report, guessed: result.report.guessed.filter((g) => !g.startsWith('device role ')) };
  const bad = (field: string, detail: string): never => {
    throw new ImportError(file, detail, undefined, field);
  };
  const num = (data: Map<string, string> | undefined, k: string, field: string) => {
    const v = data?.get(k);
    if (v === undefined || v.trim() === '') return undefined;
    const n = Number(v);
    return Number.isFinite(n) ? n : bad(field, `"${v}" is not a number`);
  };

  let mapped = 0;
  const draft = result.topology.nodes.map(({ role: _ignored, ...n }) => {
    const data = extras.nodes.get(n.id);
    const out: Omit<Topology['nodes'][number], 'role'> & { role?: Topology['nodes'][number]['role'] } = { ...n };
    const roleText = data?.get('role');
    const role = roleText === undefined ? undefined : roleFromText(roleText);
    if (role !== undefined && role === roleText) {
      out.role = role;
      mapped++;
    } else if (role !== undefined) {
      // A yEd or hand-made file's own role words ("Core", "PE router").
      out.role = role;
      report.guessed.push(`role of "${n.name}": ${role} (from role "${roleText}")`);
    }
    const site = data?.get('site');
    if (site) out.site = site;
    const f = `node "${n.id}"`;
    const ports = num(data, 'ports', `${f} ports`);
    if (ports !== undefined) out.ports = ports;
    const model = data?.get('model');
    if (model) out.model = model;
    const cost = num(data, 'costUsd', `${f} costUsd`);
    if (cost !== undefined) out.costUsd = cost;
    const x = num(data, 'x', `${f} x`);
    const y = num(data, 'y', `${f} y`);
    if (x !== undefined) out.x = x;
    if (y !== undefined) out.y = y;
    // A NetTwin node without a canvas position: the yEd geometry the reader took is only a drawing.
    if (data?.has('role') && x === undefined) delete out.x;
    if (data?.has('role') && y === undefined) delete out.y;
    // The reader takes coordinates only as a pair (Zoo semantics); a design may hold one.
    const lat = num(data, 'Latitude', `${f} Latitude`);
    const lon = num(data, 'Longitude', `${f} Longitude`);
    if (out.lat === undefined && lon === undefined && lat !== undefined) out.lat = lat;
    if (out.lon === undefined && lat === undefined && lon !== undefined) out.lon = lon;
    const pinned = data?.get('pinned');
    if (pinned !== undefined) out.pinned = pinned === 'true';
    return out;
  });
  if (mapped > 0) report.mapped.push(`${mapped} device roles from the role attribute`);
  const nodes = guessRoles(draft, result.topology.links, report);

  // The reader keeps non-loop edges in document order: pair them up again.
  const edges = extras.edges.filter((e) => e.source !== e.target);
  const used = new Set<string>();
  const links = result.topology.links.map((l, k) => {
    const e = edges[k];
    if (e === undefined || e.source !== l.source || e.target !== l.target) return l;
    const f = `edge ${k}`;
    const out = { ...l };
    if (e.id !== undefined && e.id !== '' && !used.has(e.id) && e.data.size > 0) out.id = e.id;
    used.add(out.id);
    const latency = num(e.data, 'latencyMs', `${f} latencyMs`);
    if (latency !== undefined) out.latencyMs = latency;
    const distance = num(e.data, 'distanceKm', `${f} distanceKm`);
    if (distance !== undefined) out.distanceKm = distance;
    // A NetTwin edge states its distance or has none; the reader's estimate from coordinates would add one.
    else if (e.data.has('capacityGbps')) delete out.distanceKm;
    const cost = num(e.data, 'costUsd', `${f} costUsd`);
    if (cost !== undefined) out.costUsd = cost;
    const srlgs = e.data.get('srlgs');
    if (srlgs !== undefined) out.srlgs = parseJson(srlgs, z.array(z.string()), `${f} srlgs`, bad);
    return out;
  });
  if (used.size !== links.length) {
    // Some ids could not be restored: fall back to the reader's e0… numbering for all.
    links.forEach((l, k) => (l.id = result.topology.links[k]!.id));
  }

  const sitesText = extras.graph.get('nettwin.sites');
  const sites = sitesText === undefined ? [] : parseJson(sitesText, z.array(SiteSchema), 'graph nettwin.sites', bad);
  const family = FamilySchema.safeParse(extras.graph.get('nettwin.family'));
  const seed = num(extras.graph, 'nettwin.seed', 'graph nettwin.seed');
  if (sites.length > 0) report.mapped.push(`${sites.length} sites`);
  try {
    const topology = restoreTopology({
      ...result.topology,
      ...(family.success ? { family: family.data } : {}),
      ...(seed !== undefined ? { seed } : {}),
      sites,
      nodes,
      links,
    });
    return { topology, report };
  } catch (err) {
    throw new ImportError(file, err instanceof Error ? err.message : String(err));
  }
}

function parseJson<T>(text: string, schema: z.ZodType<T>, field: string, bad: (f: string, d: string) => never): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return bad(field, 'not valid JSON');
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : bad(field, parsed.error.issues[0]?.message ?? 'invalid');
}
