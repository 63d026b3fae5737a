import type { DeviceRole, Topology, TopologyInput } from '../model/topology';
import { CLAB_LABEL } from './clab-export';
import { CLAB_BRIDGE_KINDS, DEFAULT_CLAB_KINDS } from './clab-kinds';
import { portPlan } from './interfaces';
import { finishImport } from './finish';
import {
  ImportError,
  emptyReport,
  uniqueId,
  type DraftNode,
  type ImportResult,
} from './report';
import { roleFromText } from './roles';
import { buildSites, type SiteDraft } from './sites';
import { isRecord, parseYaml } from './yaml-doc';

type LinkInput = TopologyInput['links'][number];

/** Node fields the design keeps (kind/image/type as `platform`, labels, group as role hint). */
const NODE_FIELDS_KEPT = new Set(['kind', 'image', 'type', 'group', 'labels']);

/** Endpoints that are not lab nodes (host side of veths, management, tunnels). */
const SPECIAL_NODES = new Set(['host', 'mgmt-net', 'macvlan', 'vxlan', 'vxlan-stitch', 'dummy']);

/**
 * containerlab topology file → topology. Reads nodes with containerlab's
 * inheritance (node, then its `groups:` entry, then `kinds:`, then
 * `defaults:`) for kind, image, type and labels; brief and extended veth
 * links with their interface names; and the `nettwin.*` labels/vars that
 * `exportClab` writes. Kind, image, type and port names are kept on the
 * design (`platform`, `sourcePort`/`targetPort`) so the lab exports back as
 * it was — unless they are exactly what the export would derive anyway (a
 * NetTwin export read back). A `kind: bridge` node is a LAN segment: kept as
 * a layer-2 device (role access) and reported. Links to the host or the
 * management network are dropped and reported.
 */
export function importClab(text: string, file = 'topology.clab.yml'): ImportResult {
  const src = parseYaml(text, file);
  const report = emptyReport();
  const root = src.value;
  if (!isRecord(root)) throw new ImportError(file, 'expected a mapping with "name" and "topology"', 1);
  const topo = root['topology'];
  if (!isRecord(topo)) throw new ImportError(file, 'missing "topology" mapping', src.lineOf([]), 'topology');
  const nodesIn = topo['nodes'];
  if (!isRecord(nodesIn)) {
    throw new ImportError(file, 'expected a mapping of nodes', src.lineOf(['topology']), 'topology.nodes');
  }
  const defaults = isRecord(topo['defaults']) ? topo['defaults'] : {};
  const kinds = isRecord(topo['kinds']) ? topo['kinds'] : {};
  const groups = isRecord(topo['groups']) ? topo['groups'] : {};
  const platforms = new Map<string, NonNullable<Topology['nodes'][number]['platform']>>();
  let bridges = 0;
  const unkept = new Map<string, number>();

  const nodes: DraftNode[] = [];
  const idOfKey = new Map<string, string>();
  const siteDrafts = new Map<string, SiteDraft>();
  const usedIds = new Set<string>();
  const hostKeys = new Set<string>();
  const order = src.keysAt(['topology', 'nodes']).filter((k) => Object.hasOwn(nodesIn, k));
  for (const key of order.length === Object.keys(nodesIn).length ? order : Object.keys(nodesIn)) {
    const raw = nodesIn[key];
    const where = ['topology', 'nodes', key];
    // Lines are looked up only for an error: getIn per node would make big labs O(n²).
    const line = () => src.lineOf(where);
    const field = `topology.nodes.${key}`;
    if (raw !== null && !isRecord(raw)) throw new ImportError(file, 'node must be a mapping', line(), field);
    const cfg = raw ?? {};
    const groupName = str(cfg['group']);
    const groupCfg = groupName !== undefined && isRecord(groups[groupName]) ? groups[groupName] : {};
    const kind = str(cfg['kind']) ?? str(groupCfg['kind']) ?? str(defaults['kind']);
    if (kind === 'host') {
      report.dropped.push(`node "${key}": kind host is the lab host, not a device`);
      hostKeys.add(key);
      continue;
    }
    const kindCfg = kind !== undefined && isRecord(kinds[kind]) ? kinds[kind] : {};
    // containerlab's precedence: node, group, kind, defaults.
    const inherited = (field: string) =>
      str(cfg[field]) ?? str(groupCfg[field]) ?? str(kindCfg[field]) ?? str(defaults[field]);
    const labels: Record<string, unknown> = {
      ...(isRecord(defaults['labels']) ? defaults['labels'] : {}),
      ...(isRecord(kindCfg['labels']) ? kindCfg['labels'] : {}),
      ...(isRecord(groupCfg['labels']) ? groupCfg['labels'] : {}),
      ...(isRecord(cfg['labels']) ? cfg['labels'] : {}),
    };
    const label = (k: string) => str(labels[`${CLAB_LABEL}${k}`]);
    const num = (k: string) => {
      const v = label(k);
      if (v === undefined) return undefined;
      const n = Number(v);
      if (!Number.isFinite(n)) throw new ImportError(file, `label ${CLAB_LABEL}${k} is not a number: "${v}"`, line(), `${field}.labels`);
      return n;
    };
    const id = label('id') ?? key;
    if (usedIds.has(id)) throw new ImportError(file, `duplicate node id "${id}"`, line(), field);
    usedIds.add(id);
    idOfKey.set(key, id);
    const node: DraftNode = { id, name: label('name') ?? key };
    if (kind !== undefined) {
      const image = inherited('image');
      const type = inherited('type');
      platforms.set(id, { kind, ...(image !== undefined ? { image: image.slice(0, 300) } : {}), ...(type !== undefined ? { type: type.slice(0, 100) } : {}) });
    }
    for (const f of Object.keys(cfg)) {
      if (!NODE_FIELDS_KEPT.has(f)) unkept.set(f, (unkept.get(f) ?? 0) + 1);
    }
    const bridge = kind !== undefined && CLAB_BRIDGE_KINDS.has(kind);
    const role = bridge
      ? { role: 'access' as const, guessed: false, from: `kind ${kind}` }
      : readRole(label('role'), groupName ?? str(kindCfg['group']));
    if (bridge) {
      node.role = 'access';
      bridges++;
      report.mapped.push(`node "${key}": kind ${kind} is a LAN segment (a Linux bridge joining its members, no routing): kept as a layer-2 device with role access, exported back as kind ${kind}`);
    } else if (role.role !== undefined) {
      node.role = role.role;
      (role.guessed ? report.guessed : report.mapped).push(`role of "${node.name}": ${role.role} (${role.from})`);
    }
    const set = <K extends keyof DraftNode>(k: K, v: DraftNode[K] | undefined) => {
      if (v !== undefined) node[k] = v;
    };
    set('region', label('region'));
    set('lat', num('lat'));
    set('lon', num('lon'));
    set('ports', num('ports'));
    // A foreign lab's kind is the best model hint; a NetTwin export says model itself.
    set('model', label('model') ?? (label('id') === undefined ? kind : undefined));
    set('costUsd', num('cost-usd'));
    set('x', num('x'));
    set('y', num('y'));
    if (label('pinned') !== undefined) node.pinned = label('pinned') === 'true';
    // Foreign attributes a GraphML import kept (nettwin.attr.Country …).
    const attrPrefix = `${CLAB_LABEL}attr.`;
    for (const [k, v] of Object.entries(labels)) {
      const text = str(v);
      if (k.startsWith(attrPrefix) && k.length > attrPrefix.length && text !== undefined) (node.attributes ??= {})[k.slice(attrPrefix.length, attrPrefix.length + 100)] = text.slice(0, 1000);
    }
    const site = label('site');
    if (site !== undefined) {
      node.site = site;
      if (!siteDrafts.has(site)) {
        siteDrafts.set(site, {
          id: site,
          name: label('site-name'),
          role: label('site-role'),
          region: label('site-region') ?? label('region'),
          lat: num('site-lat'),
          lon: num('site-lon'),
          users: num('site-users'),
          bandwidthMbps: num('site-bandwidth-mbps'),
        });
      }
    }
    nodes.push(node);
  }
  report.mapped.push(`${nodes.length} nodes`);

  for (const [f, n] of unkept) report.dropped.push(`node field "${f}" (${n} node${n === 1 ? '' : 's'}): not kept, a design has no place for it`);
  if (bridges > 0) report.mapped.push(`${bridges} LAN segment${bridges === 1 ? '' : 's'} (bridge)`);

  const links = readLinks(topo['links'], src, file, idOfKey, hostKeys, report);
  const name = str(root['name']);
  const result = finishImport(
    { ...(name ? { name: name.slice(0, 200) } : {}), sites: buildSites(siteDrafts.values(), report), nodes, links },
    report,
    file,
  );
  return keepLabFacts(result, platforms, report);
}

/**
 * Puts the lab's kinds, images and types on the nodes where they differ from
 * their role's default, and its port names on the links unless they are all
 * what the exporter's numbering gives (our own export read back): then the
 * design stays free to take the user's kind table and renumbering.
 */
function keepLabFacts(
  result: ImportResult,
  platforms: ReadonlyMap<string, NonNullable<Topology['nodes'][number]['platform']>>,
  report: ReturnType<typeof emptyReport>,
): ImportResult {
  const t = result.topology;
  let kept = 0;
  const nodes = t.nodes.map((n) => {
    const p = platforms.get(n.id);
    const d = DEFAULT_CLAB_KINDS[n.role];
    if (p === undefined || (p.kind === d.kind && p.image === d.image && p.type === undefined)) return n;
    kept++;
    return { ...n, platform: p };
  });
  const numbered = portPlan({ nodes, links: t.links.map(({ sourcePort: _s, targetPort: _t, ...l }) => l) }, 'clab');
  const renumbered = t.links.some((l) => {
    const p = numbered.byLink.get(l.id)!;
    return p.source !== l.sourcePort || p.target !== l.targetPort;
  });
  const links = renumbered ? t.links : t.links.map(({ sourcePort: _s, targetPort: _t, ...l }) => l);
  if (kept > 0) report.mapped.push(`kind, image and type of ${kept} nodes kept for export (the others are their role's default)`);
  if (renumbered) report.mapped.push(`interface names of ${t.links.length} links kept for export`);
  return { topology: { ...t, nodes, links }, report };
}

function readRole(
  label: string | undefined,
  group: string | undefined,
): { role?: DeviceRole; guessed: boolean; from: string } {
  const fromLabel = label === undefined ? undefined : roleFromText(label);
  if (fromLabel !== undefined) return { role: fromLabel, guessed: label !== fromLabel, from: `label "${label}"` };
  const fromGroup = group === undefined ? undefined : roleFromText(group);
  if (fromGroup !== undefined) return { role: fromGroup, guessed: group !== fromGroup, from: `group "${group}"` };
  return { guessed: false, from: '' };
}

function readLinks(
  raw: unknown,
  src: ReturnType<typeof parseYaml>,
  file: string,
  idOfKey: Map<string, string>,
  hostKeys: ReadonlySet<string>,
  report: ReturnType<typeof emptyReport>,
): LinkInput[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new ImportError(file, 'expected a list of links', src.lineOf(['topology', 'links']), 'topology.links');
  const used = new Set<string>();
  const links: LinkInput[] = [];
  let defaulted = 0;
  raw.forEach((item: unknown, k) => {
    const line = () => src.lineOf(['topology', 'links', k]);
    const field = `topology.links[${k}]`;
    if (!isRecord(item)) throw new ImportError(file, 'link must be a mapping', line(), field);
    const type = str(item['type']);
    if (type !== undefined && type !== 'veth') {
      report.dropped.push(`link ${k + 1}: type ${type} does not join two lab devices`);
      return;
    }
    const ends = endpoints(item['endpoints'], file, line, field);
    if (ends.some((e) => SPECIAL_NODES.has(e.node) || hostKeys.has(e.node))) {
      report.dropped.push(`link ${k + 1}: ${ends.map((e) => `${e.node}:${e.port}`).join(' – ')} leaves the lab`);
      return;
    }
    const [a, b] = ends as [Endpoint, Endpoint];
    const source = idOfKey.get(a.node);
    const target = idOfKey.get(b.node);
    if (source === undefined || target === undefined) {
      const missing = source === undefined ? a.node : b.node;
      throw new ImportError(file, `endpoint names unknown node "${missing}"`, line(), `${field}.endpoints`);
    }
    const vars = isRecord(item['vars']) && isRecord(item['vars']['nettwin']) ? item['vars']['nettwin'] : undefined;
    if (vars === undefined) defaulted++;
    const wanted = str(vars?.['id']);
    const id = uniqueId(wanted ?? `${a.node}:${a.port}--${b.node}:${b.port}`, used);
    const link: LinkInput = { id, source, target };
    if (a.port !== '') link.sourcePort = a.port.slice(0, 100);
    if (b.port !== '') link.targetPort = b.port.slice(0, 100);
    for (const key of ['capacityGbps', 'igpWeight', 'latencyMs', 'distanceKm', 'costUsd'] as const) {
      const v = vars?.[key];
      if (v === undefined) continue;
      if (typeof v !== 'number') throw new ImportError(file, `${key} must be a number`, line(), `${field}.vars.nettwin.${key}`);
      link[key] = v;
    }
    const attributes = vars?.['attributes'];
    if (attributes !== undefined) {
      if (!isRecord(attributes) || !Object.values(attributes).every((v) => typeof v === 'string')) {
        throw new ImportError(file, 'attributes must map names to strings', line(), `${field}.vars.nettwin.attributes`);
      }
      link.attributes = attributes as Record<string, string>;
    }
    const srlgs = vars?.['srlgs'];
    if (srlgs !== undefined) {
      if (!Array.isArray(srlgs) || !srlgs.every((s) => typeof s === 'string')) {
        throw new ImportError(file, 'srlgs must be a list of strings', line(), `${field}.vars.nettwin.srlgs`);
      }
      link.srlgs = srlgs;
    }
    links.push(link);
  });
  report.mapped.push(`${links.length} links`);
  if (defaulted > 0) {
    report.guessed.push(`${defaulted} links without capacity, IGP weight and latency: defaults used (10 Gbps, 1, 1 ms)`);
  }
  return links;
}

interface Endpoint {
  node: string;
  port: string;
}

/** Brief form "node:port" or extended form {node, interface}. */
function endpoints(raw: unknown, file: string, line: () => number | undefined, field: string): Endpoint[] {
  if (!Array.isArray(raw) || raw.length !== 2) {
    throw new ImportError(file, 'a link needs exactly two endpoints', line(), `${field}.endpoints`);
  }
  return raw.map((e: unknown) => {
    if (typeof e === 'string') {
      const at = e.indexOf(':');
      if (at <= 0 || at === e.length - 1) {
        throw new ImportError(file, `endpoint "${e}" is not "node:interface"`, line(), `${field}.endpoints`);
      }
      return { node: e.slice(0, at), port: e.slice(at + 1) };
    }
    if (isRecord(e) && typeof e['node'] === 'string') {
      return { node: e['node'], port: str(e['interface']) ?? '' };
    }
    throw new ImportError(file, 'endpoint must be "node:interface" or {node, interface}', line(), `${field}.endpoints`);
  });
}

/** YAML scalars as text: clab labels may be numbers. */
function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}
