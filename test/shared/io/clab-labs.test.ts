import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportAnsible } from '../../../src-shared/io/ansible-export';
import { exportClab } from '../../../src-shared/io/clab-export';
import { importClab } from '../../../src-shared/io/clab-import';
import { exportNetboxCsv } from '../../../src-shared/io/netbox-csv';
import { CLAB_LAB_COUNT, clabLabs } from '../../helpers/upstream';
import { clabSchemaErrors, netboxBundleProblems } from './real-tools';

type Cfg = Record<string, unknown>;
interface Lab {
  topology: { defaults?: Cfg; kinds?: Record<string, Cfg>; groups?: Record<string, Cfg>; nodes: Record<string, Cfg | null>; links?: Array<{ endpoints: string[] }> };
}

/**
 * What containerlab itself deploys for each node, worked out from the lab
 * file by containerlab's documented precedence (node, group, kind, defaults),
 * independently of the importer.
 */
function deployed(lab: Lab): Record<string, { kind?: unknown; image?: unknown; type?: unknown }> {
  const t = lab.topology;
  const out: Record<string, { kind?: unknown; image?: unknown; type?: unknown }> = {};
  for (const [name, raw] of Object.entries(t.nodes)) {
    const node = raw ?? {};
    const group = typeof node['group'] === 'string' ? (t.groups?.[node['group']] ?? {}) : {};
    const kind = node['kind'] ?? group['kind'] ?? t.defaults?.['kind'];
    const kindCfg = typeof kind === 'string' ? (t.kinds?.[kind] ?? {}) : {};
    const pick = (f: string) => node[f] ?? group[f] ?? kindCfg[f] ?? t.defaults?.[f];
    // A bridge is the host's Linux bridge: no image or type is deployed for it.
    out[name] = kind === 'bridge' ? { kind } : { kind, image: pick('image'), type: pick('type') };
  }
  return out;
}

const endpoints = (lab: Lab) => (lab.topology.links ?? []).map((l) => [...l.endpoints].sort().join(' – ')).sort();

describe(`import → export of ${CLAB_LAB_COUNT} real containerlab labs (srl-labs/containerlab lab-examples)`, () => {
  it.each(clabLabs())('%s keeps every kind, image, type and interface name', (file, text) => {
    const original = parse(text) as Lab;
    const first = importClab(text, file);
    const exported = exportClab(first.topology);
    expect(clabSchemaErrors(exported), file).toEqual([]);
    const back = parse(exported) as Lab;
    expect(deployed(back)).toEqual(deployed(original));
    expect(endpoints(back)).toEqual(endpoints(original));
    // Read back, the design is the same one: nothing drifts on a second trip.
    expect(importClab(exported, file).topology).toEqual(first.topology);
    // Ansible and NetBox name the same ports, as the device OS shows them.
    const hosts = parse(exportAnsible(first.topology)['hosts.yml']!, { version: '1.1' }) as { all: { hosts: Record<string, { interfaces: Array<{ name: string }> }> } };
    const netbox = exportNetboxCsv(first.topology);
    expect(netboxBundleProblems(netbox).problems).toEqual([]);
    const ansiblePorts = Object.entries(hosts.all.hosts).flatMap(([h, v]) => v.interfaces.map((i) => `${h},${i.name}`)).sort();
    const netboxPorts = netbox['interfaces.csv'].split('\r\n').slice(1, -1).map((r) => r.split(',').slice(0, 2).join(',')).sort();
    expect(netboxPorts).toEqual(ansiblePorts);
  });

  it('reads SR Linux, cEOS and XRd port names as the devices show them', () => {
    const labs = Object.fromEntries(clabLabs());
    const ports = (file: string) => {
      const t = importClab(labs[file]!, file).topology;
      const hosts = parse(exportAnsible(t)['hosts.yml']!, { version: '1.1' }) as { all: { hosts: Record<string, { interfaces: Array<{ name: string }> }> } };
      return Object.fromEntries(Object.entries(hosts.all.hosts).map(([h, v]) => [h, v.interfaces.map((i) => i.name)]));
    };
    expect(ports('srlceos01.clab.yml')).toEqual({ srl: ['ethernet-1/1'], ceos: ['Ethernet1'] });
    expect(ports('srlxrd01.clab.yml')).toEqual({ srl: ['ethernet-1/1'], xrd: ['GigabitEthernet0/0/0/0'] });
    expect(ports('clos02.clab.yml')['spine1']).toEqual(['ethernet-1/1', 'ethernet-1/2', 'ethernet-1/3']);
  });

  it('takes kind and image from groups: (frr01) and kinds: (clos02)', () => {
    const labs = Object.fromEntries(clabLabs());
    const frr = importClab(labs['frr01.clab.yml']!, 'frr01.clab.yml').topology;
    expect(frr.nodes.find((n) => n.id === 'router1')?.platform).toEqual({ kind: 'linux', image: 'quay.io/frrouting/frr:10.5.1' });
    expect(frr.nodes.find((n) => n.id === 'PC1')?.platform).toEqual({ kind: 'linux', image: 'wbitt/network-multitool:3.22.2' });
    const clos = importClab(labs['clos02.clab.yml']!, 'clos02.clab.yml').topology;
    expect(clos.nodes.find((n) => n.id === 'spine1')?.platform).toEqual({ kind: 'nokia_srlinux', image: 'ghcr.io/nokia/srlinux', type: 'ixrd3' });
  });

  it('reads kind bridge as a LAN segment, not a core router, and says so', () => {
    const labs = Object.fromEntries(clabLabs());
    const r = importClab(labs['br01.clab.yml']!, 'br01.clab.yml');
    const bridge = r.topology.nodes.find((n) => n.id === 'br-clab')!;
    expect(bridge.role).toBe('access');
    expect(bridge.platform).toEqual({ kind: 'bridge' });
    expect(r.report.mapped.join('\n')).toContain('kind bridge is a LAN segment');
    expect(r.report.guessed.join('\n')).not.toContain('br-clab');
    const back = parse(exportClab(r.topology)) as Lab;
    expect(back.topology.nodes['br-clab']).toMatchObject({ kind: 'bridge' });
    expect(back.topology.nodes['br-clab']).not.toHaveProperty('image');
  });
});
