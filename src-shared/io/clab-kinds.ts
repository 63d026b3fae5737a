import type { DeviceRole } from '../model/topology';

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
 * The port name the device's own OS shows (what Ansible modules and configs
 * use), for the same index `clabPortName` wires: SR Linux e1-3 is
 * ethernet-1/3, cEOS eth3 is Ethernet3.
 */
export function osPortName(kind: string, index: number): string {
  switch (kind) {
    case 'nokia_srlinux':
    case 'srl':
      return `ethernet-1/${index}`;
    case 'arista_ceos':
    case 'ceos':
      return `Ethernet${index}`;
    case 'cisco_xrd':
      return `GigabitEthernet0/0/0/${index - 1}`;
    default:
      return `eth${index}`;
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
