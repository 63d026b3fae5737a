import type { Device, DeviceRole } from '../model/topology';

/** The containerlab node kind and image a role is deployed as. */
export interface ClabKind {
  kind: string;
  image: string;
}

/**
 * Editable defaults: data-centre fabric roles run Nokia SR Linux (free image,
 * boots in a container), routed WAN/campus roles run Arista cEOS (image must
 * be imported by the user: Arista requires a login), firewalls a Linux host.
 * The UI shows this table and passes the user's edits to `exportClab`.
 */
export const DEFAULT_CLAB_KINDS: Readonly<Record<DeviceRole, ClabKind>> = {
  'super-spine': { kind: 'nokia_srlinux', image: 'ghcr.io/nokia/srlinux:24.10' },
  spine: { kind: 'nokia_srlinux', image: 'ghcr.io/nokia/srlinux:24.10' },
  leaf: { kind: 'nokia_srlinux', image: 'ghcr.io/nokia/srlinux:24.10' },
  core: { kind: 'arista_ceos', image: 'ceos:4.32.0F' },
  distribution: { kind: 'arista_ceos', image: 'ceos:4.32.0F' },
  access: { kind: 'arista_ceos', image: 'ceos:4.32.0F' },
  hub: { kind: 'arista_ceos', image: 'ceos:4.32.0F' },
  spoke: { kind: 'arista_ceos', image: 'ceos:4.32.0F' },
  edge: { kind: 'arista_ceos', image: 'ceos:4.32.0F' },
  router: { kind: 'arista_ceos', image: 'ceos:4.32.0F' },
  firewall: { kind: 'linux', image: 'ghcr.io/hellt/network-multitool' },
};

/** containerlab's kind for a Linux bridge: a LAN segment joining its members, not a routing device. */
export const CLAB_BRIDGE_KINDS: ReadonlySet<string> = new Set(['bridge', 'ovs-bridge']);

/** The kind and image a device is deployed as: its own platform (an imported lab's), else its role's. */
export function deviceKind(
  node: Pick<Device, 'role' | 'platform'>,
  kinds: Readonly<Record<DeviceRole, ClabKind>> = DEFAULT_CLAB_KINDS,
): { kind: string; image?: string | undefined; type?: string | undefined } {
  return node.platform ?? kinds[node.role];
}

/**
 * Data-plane port name of a kind, as containerlab expects it in link
 * endpoints (index from 1). SR Linux maps `e1-N` to ethernet-1/N; cEOS, cRPD,
 * SONiC and Linux use `ethN` (eth0 is management).
 */
export function clabPortName(kind: string, index: number): string {
  switch (kind) {
    case 'nokia_srlinux':
    case 'srl':
      return `e1-${index}`;
    case 'cisco_xrd':
      return `Gi0-0-0-${index - 1}`;
    default:
      return `eth${index}`;
  }
}

/**
 * The OS's name of a port containerlab knows by `clabName` (either form):
 * SR Linux `e1-3` → `ethernet-1/3` (`e1-3-1` → `ethernet-1/3/1`), cEOS
 * `eth3` → `Ethernet3`, XRd `Gi0-0-0-2` → `GigabitEthernet0/0/0/2`. Names the
 * OS already uses, and kinds without an alias scheme (Linux, Cumulus `swp12`),
 * stay as they are. So Ansible, NetBox and Terraform name the ports a lab's
 * devices actually show, whichever form the lab file used.
 */
export function osPortFromClab(kind: string, clabName: string): string {
  switch (kind) {
    case 'nokia_srlinux':
    case 'srl': {
      const m = /^e(\d+)-(\d+)(?:-(\d+))?$/.exec(clabName);
      return m ? `ethernet-${m[1]}/${m[2]}${m[3] === undefined ? '' : `/${m[3]}`}` : clabName;
    }
    case 'arista_ceos':
    case 'ceos': {
      const m = /^eth(\d+(?:_\d+)*)$/.exec(clabName);
      return m ? `Ethernet${m[1]!.replace(/_/g, '/')}` : clabName;
    }
    case 'cisco_xrd': {
      const m = /^Gi(\d+)-(\d+)-(\d+)-(\d+)$/.exec(clabName);
      return m ? `GigabitEthernet${m[1]}/${m[2]}/${m[3]}/${m[4]}` : clabName;
    }
    default:
      return clabName;
  }
}

/** `ansible_network_os` of a kind, for the collections that manage it. */
export const ANSIBLE_NETWORK_OS: Readonly<Record<string, string>> = {
  nokia_srlinux: 'nokia.srlinux.srlinux',
  srl: 'nokia.srlinux.srlinux',
  arista_ceos: 'arista.eos.eos',
  ceos: 'arista.eos.eos',
  juniper_crpd: 'junipernetworks.junos.junos',
  cisco_xrd: 'cisco.iosxr.iosxr',
  'sonic-vs': 'dellemc.enterprise_sonic.sonic',
};

/**
 * `ansible_connection` each collection's modules need (their docs): SR Linux
 * speaks JSON-RPC over HTTP(S), Junos NETCONF, the others CLI over SSH. Without
 * it Ansible falls back to plain ssh and the network modules fail.
 */
export const ANSIBLE_CONNECTION: Readonly<Record<string, string>> = {
  nokia_srlinux: 'ansible.netcommon.httpapi',
  srl: 'ansible.netcommon.httpapi',
  arista_ceos: 'ansible.netcommon.network_cli',
  ceos: 'ansible.netcommon.network_cli',
  juniper_crpd: 'ansible.netcommon.netconf',
  cisco_xrd: 'ansible.netcommon.network_cli',
  'sonic-vs': 'ansible.netcommon.network_cli',
};
