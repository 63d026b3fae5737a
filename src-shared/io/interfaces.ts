import type { DeviceRole, Topology } from '../model/topology';
import { DEFAULT_CLAB_KINDS, clabPortName, deviceKind, osPortFromClab, type ClabKind } from './clab-kinds';

/** One end of a link as a device port. */
export interface Port {
  name: string;
  linkId: string;
  peerId: string;
  peerPort: string;
}

export interface InterfacePlan {
  /** Port names for each link: on its source device and on its target device. */
  byLink: Map<string, { source: string; target: string }>;
  /** Ports of each device, in link order. */
  byDevice: Map<string, Port[]>;
}

/**
 * The one port naming every export uses. Each link end takes the port an
 * imported lab gave it (`sourcePort`/`targetPort`), else the next free port
 * of its device's kind (`e1-1`, `eth1` …, skipping names the lab already
 * uses). `clab` gives the names containerlab wires (link endpoints); `os`
 * the same ports as the device's OS shows them (ethernet-1/1, Ethernet1), for
 * Ansible, NetBox and Terraform — so all four files describe the same cables.
 */
export function portPlan(
  topology: Pick<Topology, 'nodes' | 'links'>,
  form: 'clab' | 'os',
  kinds: Readonly<Record<DeviceRole, ClabKind>> = DEFAULT_CLAB_KINDS,
): InterfacePlan {
  const kindOf = new Map(topology.nodes.map((n) => [n.id, deviceKind(n, kinds).kind]));
  const used = new Map<string, Set<string>>();
  const claim = (id: string, name: string) => {
    let set = used.get(id);
    if (!set) used.set(id, (set = new Set()));
    set.add(name);
  };
  for (const l of topology.links) {
    if (l.sourcePort !== undefined) claim(l.source, l.sourcePort);
    if (l.targetPort !== undefined) claim(l.target, l.targetPort);
  }
  const next = new Map<string, number>();
  const given = new Map<string, string>();
  for (const l of topology.links) {
    for (const [end, id, port] of [['s', l.source, l.sourcePort], ['t', l.target, l.targetPort]] as const) {
      if (port !== undefined) continue;
      const kind = kindOf.get(id) ?? 'linux';
      let k = next.get(id) ?? 0;
      let name: string;
      do name = clabPortName(kind, ++k);
      while (used.get(id)?.has(name));
      next.set(id, k);
      claim(id, name);
      given.set(`${end}\u0000${l.id}`, name);
    }
  }
  const named = (end: 's' | 't', id: string, port: string | undefined, linkId: string) => {
    const clab = port ?? given.get(`${end}\u0000${linkId}`)!;
    return form === 'clab' ? clab : osPortFromClab(kindOf.get(id) ?? 'linux', clab);
  };
  const byLink = new Map<string, { source: string; target: string }>();
  const byDevice = new Map<string, Port[]>(topology.nodes.map((n) => [n.id, []]));
  for (const l of topology.links) {
    const source = named('s', l.source, l.sourcePort, l.id);
    const target = named('t', l.target, l.targetPort, l.id);
    byLink.set(l.id, { source, target });
    byDevice.get(l.source)?.push({ name: source, linkId: l.id, peerId: l.target, peerPort: target });
    byDevice.get(l.target)?.push({ name: target, linkId: l.id, peerId: l.source, peerPort: source });
  }
  return { byLink, byDevice };
}

/**
 * Names safe for tools that use them as identifiers (container names,
 * Terraform resource names, Ansible hosts): only characters outside
 * `disallowed`, starting with a letter, unique (case-insensitively) within
 * one export, in input order. Equal inputs get `-2`, `-3` … suffixes.
 */
export function safeNameList(texts: readonly string[], disallowed: RegExp = /[^A-Za-z0-9_.-]+/g): string[] {
  const used = new Set<string>();
  return texts.map((text) => {
    let base = text.replace(disallowed, '-').replace(/^-+|-+$/g, '');
    if (!/^[A-Za-z]/.test(base)) base = `n${base}`;
    base = base.slice(0, 60);
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base}-${k}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** `safeNameList` keyed by the (unique) input strings. */
export function safeNames(ids: readonly string[], disallowed?: RegExp): Map<string, string> {
  const names = safeNameList(ids, disallowed);
  return new Map(ids.map((id, k) => [id, names[k]!]));
}

/** Readable identifiers for devices, from their names (which may repeat), keyed by device id. */
export function deviceNames(nodes: ReadonlyArray<{ id: string; name: string }>): Map<string, string> {
  const names = safeNameList(nodes.map((n) => n.name));
  return new Map(nodes.map((n, k) => [n.id, names[k]!]));
}
