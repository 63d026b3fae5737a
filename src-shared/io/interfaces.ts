import type { Topology } from '../model/topology';

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
 * Gives every link end a port on its device, numbered 1, 2, 3 … per device in
 * link order, named by `nameFor` (vendors name ports differently). A self-loop
 * takes two ports on the same device. Deterministic: the same topology always
 * gets the same names, so exports diff cleanly. O(n + m).
 */
export function assignInterfaces(
  topology: Pick<Topology, 'nodes' | 'links'>,
  nameFor: (deviceId: string, index: number) => string,
): InterfacePlan {
  const next = new Map<string, number>();
  const take = (id: string) => {
    const k = (next.get(id) ?? 0) + 1;
    next.set(id, k);
    return nameFor(id, k);
  };
  const byLink = new Map<string, { source: string; target: string }>();
  const byDevice = new Map<string, Port[]>(topology.nodes.map((n) => [n.id, []]));
  for (const l of topology.links) {
    const source = take(l.source);
    const target = take(l.target);
    byLink.set(l.id, { source, target });
    byDevice.get(l.source)?.push({ name: source, linkId: l.id, peerId: l.target, peerPort: target });
    byDevice.get(l.target)?.push({ name: target, linkId: l.id, peerId: l.source, peerPort: source });
  }
  return { byLink, byDevice };
}

/** Generic port naming for inventories (NetBox, Ansible, Terraform): eth1, eth2 … */
export const genericPortName = (_deviceId: string, index: number): string => `eth${index}`;

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
