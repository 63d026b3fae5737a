import { describe, expect, it } from 'vitest';
import { exportAnsible } from '../../../src-shared/io/ansible-export';
import { exportClab } from '../../../src-shared/io/clab-export';
import { exportNetboxCsv } from '../../../src-shared/io/netbox-csv';
import { exportNetboxJson } from '../../../src-shared/io/netbox-json';
import { exportTerraform } from '../../../src-shared/io/terraform-export';
import { restoreTopology } from '../../../src-shared/model/topology';
import { ZOO_COUNT } from '../../helpers/data';
import { checkDesign, mustShowDesigns } from './must-show';
import { ansibleHosts, clabSchemaErrors, clabValidator, netboxBundleProblems, terraformProblems } from './real-tools';
import { sampleTopology } from './sample';

describe('the checks against the real definitions catch what the tools reject', () => {
  it('containerlab: a negative numeric label, an unknown node field, a missing topology', () => {
    const lab = (labels: Record<string, unknown>) => ({ name: 'x', topology: { nodes: { a: { kind: 'nokia_srlinux', labels } } } });
    expect(clabValidator(lab({ 'nettwin.lon': '-3.7' }))).toBe(true);
    // What the transcription had lost: containerlab's labels are strings or numbers >= 0.
    expect(clabValidator(lab({ 'nettwin.lon': -3.7 }))).toBe(false);
    expect(clabValidator(lab({ 'nettwin.name': '' }))).toBe(false);
    expect(clabValidator({ name: 'x', topology: { nodes: { a: { kind: 'nokia_srlinux', imag: 'typo' } } } })).toBe(false);
    expect(clabValidator({ topology: { nodes: {} } })).toBe(false);
  });

  it('Ansible: a host NO written plain is read as False and its group memberships are lost', () => {
    const text = 'all:\n  hosts:\n    NO:\n    SE:\n  children:\n    role_core:\n      hosts:\n        NO:\n        SE:\n';
    const read = ansibleHosts(text);
    expect(read.hosts).toEqual(['SE']);
    expect(read.problems.length).toBeGreaterThanOrEqual(2);
    const t = restoreTopology({ nodes: [{ id: 'no', name: 'NO', role: 'core' }, { id: 'on', name: 'on', role: 'core' }, { id: 'y', name: 'y', role: 'edge' }], links: [] });
    const ours = ansibleHosts(exportAnsible(t)['hosts.yml']!);
    expect(ours).toEqual({ hosts: ['NO', 'on', 'y'], problems: [] });
  });

  it('NetBox: 3 decimals of length, a 65-character device name, a cable end with no interface, an unknown column', () => {
    const good = exportNetboxCsv(sampleTopology());
    expect(netboxBundleProblems(good).problems).toEqual([]);
    const bad = { ...good };
    bad['cables.csv'] = good['cables.csv'].replace(/,585\.00,km,/, ',585.123,km,');
    bad['devices.csv'] = good['devices.csv'].replace('ber-core-1,', `${'x'.repeat(65)},`);
    bad['interfaces.csv'] = good['interfaces.csv'].split('\r\n').slice(0, -2).join('\r\n') + '\r\n';
    bad['sites.csv'] = good['sites.csv'].replace(/^name,/, 'nmae,');
    const problems = netboxBundleProblems(bad).problems.join('\n');
    expect(problems).toContain('"585.123" does not fit 8 digits with 2 decimals');
    expect(problems).toContain('is longer than 64');
    expect(problems).toContain('is no interface of interfaces.csv');
    expect(problems).toContain('column "nmae" is not accepted by SiteImportForm');
  });

  it('NetBox JSON: the import shape passes; the REST read shape, a nested value and an unknown key do not', () => {
    const good = exportNetboxJson(sampleTopology());
    expect(netboxBundleProblems(good).problems).toEqual([]);
    const devices = JSON.parse(good['devices.json']) as Array<Record<string, unknown>>;
    const cables = JSON.parse(good['cables.json']) as Array<Record<string, unknown>>;
    // What GET /api/dcim/devices/ returns: related objects nested, which the import form cannot read.
    const rest = devices.map((d) => ({ ...d, site: { id: 1, name: d['site'] }, device_type: { model: d['device_type'] } }));
    const bad = {
      ...good,
      'devices.json': JSON.stringify(rest),
      'cables.json': JSON.stringify(cables.map((c, k) => (k === 0 ? { ...c, length: '585.123' } : c))),
      'sites.json': JSON.stringify((JSON.parse(good['sites.json']) as object[]).map((x) => ({ ...x, nmae: 'x' }))),
    };
    const problems = netboxBundleProblems(bad).problems.join('\n');
    expect(problems).toContain('devices.json[0].site: {"id":1,');
    expect(problems).toContain('"585.123" does not fit 8 digits with 2 decimals');
    expect(problems).toContain('sites.json: key "nmae" is not accepted by SiteImportForm');
  });

  it('Terraform: an unbounded provider version, a length with 3 decimals, an unknown or missing attribute', () => {
    const good = exportTerraform(sampleTopology());
    expect(terraformProblems(good).problems).toEqual([]);
    const doc = JSON.parse(good) as { terraform: { required_providers: { netbox: { version: string } } }; resource: Record<string, Record<string, Record<string, unknown>>> };
    doc.terraform.required_providers.netbox.version = '>= 3.8.0';
    const cable = Object.values(doc.resource['netbox_cable']!)[0]!;
    cable['length'] = 1.234;
    const device = Object.values(doc.resource['netbox_device']!)[0]!;
    delete device['site_id'];
    device['device_role_id'] = 1;
    const problems = terraformProblems(JSON.stringify(doc)).problems.join('\n');
    expect(problems).toContain('has no upper bound');
    expect(problems).toContain("length 1.234 does not fit NetBox's 2 decimals");
    expect(problems).toContain('required site_id missing');
    expect(problems).toContain('device_role_id is not an argument of netbox_device');
  });

  it('containerlab: the sample exports with zero schema errors, read as YAML 1.1', () => {
    expect(clabSchemaErrors(exportClab(sampleTopology()))).toEqual([]);
  });
});

describe('must show: every Topology Zoo network, GÉANT and the example intents, checked against the real tools', () => {
  it('containerlab schema 0 errors, inventory hosts = devices, NetBox rows valid, Terraform lengths valid', () => {
    const designs = mustShowDesigns();
    // 251 Zoo networks + GÉANT + at least one family per example intent.
    expect(designs.length).toBeGreaterThanOrEqual(ZOO_COUNT + 1 + 3);
    const rows = designs.map((d) => checkDesign(d.source, d.topology));
    for (const r of rows) {
      expect({ source: r.source, clab: r.clabErrors, ansible: r.ansibleProblems, netbox: r.netboxProblems, netboxJson: r.netboxJsonProblems, terraform: r.terraformProblems, sample: r.sample }).toEqual({
        source: r.source, clab: 0, ansible: 0, netbox: 0, netboxJson: 0, terraform: 0, sample: [],
      });
      expect(r.ansibleHosts, r.source).toBe(r.devices);
      expect(r.netboxDevices, r.source).toBe(r.devices);
      expect(r.netboxCables, r.source).toBe(r.links);
      expect(r.netboxInterfaces, r.source).toBe(2 * r.links);
    }
    // The GÉANT family holds the host NO (Norway) that YAML 1.1 reads as False.
    expect(rows.filter((r) => /geant/i.test(r.source)).length).toBeGreaterThanOrEqual(5);
  }, 300_000); // ~35 s alone on an idle core: 279 designs, 11,000 devices, 25,600 links in four formats
});
