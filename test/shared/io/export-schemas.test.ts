// @vitest-environment happy-dom
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { exportAnsible } from '../../../src-shared/io/ansible-export';
import { exportClab } from '../../../src-shared/io/clab-export';
import { parseCsv } from '../../../src-shared/io/csv';
import { exportGraphml } from '../../../src-shared/io/graphml-export';
import { tokenizeXml } from '../../../src-shared/io/graphml-xml';
import { exportNetboxCsv } from '../../../src-shared/io/netbox-csv';
import { exportNetboxJson } from '../../../src-shared/io/netbox-json';
import { exportSvg } from '../../../src-shared/io/svg-export';
import { exportTerraform } from '../../../src-shared/io/terraform-export';
import type { Topology } from '../../../src-shared/model/topology';
import { topologyArb } from './arbitraries';
import { ansibleHosts, clabSchemaErrors, clabValidator, netboxBundleProblems, terraformProblems } from './real-tools';
import { sampleTopology } from './sample';

// containerlab's and the NetBox provider's own definitions (test/fixtures/upstream), not transcriptions.
const validateClab = clabValidator;
// Read as YAML 1.1 below: containerlab's Go reader and Ansible's PyYAML are YAML 1.1 readers.
const designs = (): Topology[] => fc.sample(topologyArb, { numRuns: 60, seed: 42 }).concat(sampleTopology());

function parseXml(text: string): Document {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

describe('containerlab export', () => {
  it.each(designs().map((t, k) => [k, t] as const))('design %i matches clab.schema.json and wires each port once', (_k, t) => {
    const text = exportClab(t);
    expect(clabSchemaErrors(text)).toEqual([]);
    const doc = parseYaml(text, { version: '1.1' }) as { topology: { nodes: Record<string, unknown>; links?: Array<{ endpoints: string[] }> } };
    const ports = new Set<string>();
    for (const l of doc.topology.links ?? []) {
      for (const e of l.endpoints) {
        expect(doc.topology.nodes).toHaveProperty([e.split(':')[0]!]);
        expect(ports.has(e), `port ${e} used twice`).toBe(false);
        ports.add(e);
      }
    }
    expect(Object.keys(doc.topology.nodes)).toHaveLength(t.nodes.length);
    expect(doc.topology.links ?? []).toHaveLength(t.links.length);
  });

  it('the schema rejects what containerlab rejects', () => {
    expect(validateClab({ name: 'x', topology: { nodes: { a: { kind: 'nokia_srlinux', imag: 'typo' } } } })).toBe(false);
    expect(validateClab({ topology: { nodes: {} } })).toBe(false);
  });
});

describe('Terraform export', () => {
  it.each(designs().map((t, k) => [k, t] as const))('design %i matches the NetBox provider schema with resolvable references', (_k, t) => {
    const text = exportTerraform(t);
    const doc = JSON.parse(text) as { resource: Record<string, Record<string, unknown>> };
    expect(terraformProblems(text).problems).toEqual([]);
    for (const [, type, name] of text.matchAll(/\$\{([a-z_]+)\.([A-Za-z0-9_-]+)\.id\}/g)) {
      expect(doc.resource[type!], `${type}.${name}`).toHaveProperty([name!]);
    }
    expect(Object.keys(doc.resource['netbox_device'] ?? {})).toHaveLength(t.nodes.length);
    expect(Object.keys(doc.resource['netbox_cable'] ?? {})).toHaveLength(t.links.length);
    expect(Object.keys(doc.resource['netbox_device_interface'] ?? {})).toHaveLength(2 * t.links.length);
  });

  it('the schema rejects a device without its required site or a misspelt attribute', () => {
    const base = JSON.parse(exportTerraform(sampleTopology())) as { resource: { netbox_device: Record<string, Record<string, unknown>> } };
    const device = Object.values(base.resource.netbox_device)[0]!;
    delete device['site_id'];
    expect(terraformProblems(JSON.stringify(base)).problems).not.toEqual([]);
    device['site_id'] = 1;
    device['role'] = 'core';
    expect(terraformProblems(JSON.stringify(base)).problems).toEqual(['netbox_device.ber-core-1: role is not an argument of netbox_device']);
  });
});

describe('Ansible export', () => {
  it.each(designs().map((t, k) => [k, t] as const))('design %i is a YAML inventory whose groups and peers name real hosts', (_k, t) => {
    expect(ansibleHosts(exportAnsible(t)['hosts.yml']!)).toEqual({ hosts: expect.any(Array) as unknown, problems: [] });
    expect(ansibleHosts(exportAnsible(t)['hosts.yml']!).hosts).toHaveLength(t.nodes.length);
    const inv = parseYaml(exportAnsible(t)['hosts.yml']!, { version: '1.1' }) as {
      all: { hosts: Record<string, { interfaces: Array<{ peer: string; igp_metric: number }> }>; children: Record<string, { hosts: Record<string, null> }> };
    };
    const hosts = Object.keys(inv.all.hosts);
    expect(hosts).toHaveLength(t.nodes.length);
    for (const [group, g] of Object.entries(inv.all.children)) {
      expect(group).toMatch(/^(role|site|region)_[a-z0-9_]+$/);
      for (const h of Object.keys(g.hosts)) expect(hosts).toContain(h);
    }
    let ends = 0;
    for (const h of Object.values(inv.all.hosts)) {
      for (const i of h.interfaces) {
        expect(hosts).toContain(i.peer);
        expect(i.igp_metric).toBeGreaterThan(0);
        ends++;
      }
    }
    expect(ends).toBe(2 * t.links.length);
  });

  it('the host_vars layout puts each host in its own file and only membership in hosts.yml', () => {
    const t = sampleTopology();
    const files = exportAnsible(t, { layout: 'host_vars' });
    expect(Object.keys(files)).toHaveLength(1 + t.nodes.length);
    const inv = parseYaml(files['hosts.yml']!) as { all: { hosts: Record<string, unknown> } };
    expect(Object.values(inv.all.hosts).every((v) => v === null)).toBe(true);
    const core = parseYaml(files['host_vars/ber-core-1.yml']!) as { ansible_host: string; interfaces: Array<{ name: string; igp_metric: number }> };
    // The same names containerlab gives the deployed lab's containers.
    expect(core.ansible_host).toBe('clab-Sample-WAN-ber-core-1');
    expect(Object.keys((parseYaml(exportClab(t)) as { topology: { nodes: object } }).topology.nodes)).toContain('ber-core-1');
    expect(core.interfaces.map((i) => [i.name, i.igp_metric])).toEqual([['Ethernet1', 5], ['Ethernet2', 20], ['Ethernet3', 2]]);
  });
});

describe('NetBox, GraphML and SVG exports parse back', () => {
  it.each(designs().map((t, k) => [k, t] as const))('design %i', (_k, t) => {
    const csv = exportNetboxCsv(t);
    expect(netboxBundleProblems(csv).problems).toEqual([]);
    // One more site when some device stands in none: NetBox requires a site.
    const holding = t.nodes.some((n) => n.site === undefined) ? 1 : 0;
    for (const [file, rows] of [['sites', t.sites.length + holding], ['devices', t.nodes.length], ['cables', t.links.length]] as const) {
      const records = parseCsv(csv[`${file}.csv`], file);
      expect(records).toHaveLength(rows + 1);
      expect(new Set(records.map((r) => r.cells.length)).size).toBe(1);
    }
    const nbJson = exportNetboxJson(t);
    expect(netboxBundleProblems(nbJson).problems).toEqual([]);
    expect(JSON.parse(nbJson['devices.json'])).toHaveLength(t.nodes.length);
    expect(JSON.parse(nbJson['cables.json'])).toHaveLength(t.links.length);

    // happy-dom's XML parser rejects dotted attribute names (attr.name), which
    // XML allows; the project's strict tokenizer checks well-formedness instead.
    const opened: Array<[string, Map<string, string>]> = [];
    tokenizeXml(exportGraphml(t), { open: (name, attrs) => opened.push([name, attrs]), close: () => {}, text: () => {} });
    expect(opened.filter(([n]) => n === 'node')).toHaveLength(t.nodes.length);
    expect(opened.filter(([n]) => n === 'edge')).toHaveLength(t.links.length);
    expect(opened.find(([n]) => n === 'node')?.[1].get('id')).toBe(t.nodes[0]!.id);

    const svg = parseXml(exportSvg(t));
    expect(svg.documentElement.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(svg.querySelectorAll('#nodes circle')).toHaveLength(t.nodes.length);
    expect(svg.querySelectorAll('#links > *')).toHaveLength(t.links.length);
  });
});
