import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { exportClab } from '../../../src-shared/io/clab-export';
import { parseCsv } from '../../../src-shared/io/csv';
import { exportSvg, layoutPoints } from '../../../src-shared/io/svg-export';
import { sweepRowsFrom, sweepToCsv } from '../../../src-shared/io/sweep-csv';
import { interfaceType, UNASSIGNED_SITE } from '../../../src-shared/io/netbox-export-model';
import { exportTerraform } from '../../../src-shared/io/terraform-export';
import { restoreTopology } from '../../../src-shared/model/topology';
import { sampleTopology } from './sample';

describe('exportClab', () => {
  it('chooses kind and image per role, with user overrides, and names ports per kind', () => {
    const doc = parseYaml(exportClab(sampleTopology(), { kinds: { firewall: { kind: 'linux', image: 'alpine:3' } } })) as {
      name: string;
      topology: { nodes: Record<string, { kind: string; image: string; labels: Record<string, unknown> }>; links: Array<{ endpoints: string[] }> };
    };
    expect(doc.name).toBe('Sample-WAN');
    expect(doc.topology.nodes['leaf-1']).toMatchObject({ kind: 'nokia_srlinux', image: 'ghcr.io/nokia/srlinux:24.10' });
    expect(doc.topology.nodes['ber-core-1']).toMatchObject({ kind: 'arista_ceos' });
    expect(doc.topology.nodes['fw1']).toMatchObject({ kind: 'linux', image: 'alpine:3' });
    // Node names come from device names made container-safe; the id travels as a label.
    expect(doc.topology.nodes['Munich-edge-A']?.labels['nettwin.id']).toBe('muc:edge');
    expect(doc.topology.links[0]?.endpoints).toEqual(['ber-core-1:eth1', 'ber-core-2:eth1']);
    expect(doc.topology.links.at(-1)?.endpoints).toEqual(['leaf-1:e1-2', 'leaf-1:e1-3']);
  });
});

describe('exportTerraform', () => {
  it('picks the NetBox interface type from link speed', () => {
    expect([1, 10, 25, 40, 100, 400, 800].map(interfaceType)).toEqual([
      '1000base-t', '10gbase-x-sfpp', '25gbase-x-sfp28', '40gbase-x-qsfpp', '100gbase-x-qsfp28', '400gbase-x-qsfpdd', 'other',
    ]);
  });

  it('puts devices without a site into a placeholder site, since NetBox requires one', () => {
    const t = restoreTopology({ nodes: [{ id: 'a', name: 'a', role: 'core' }], links: [] });
    const doc = JSON.parse(exportTerraform(t)) as { resource: Record<string, Record<string, Record<string, unknown>>> };
    expect(doc.resource['netbox_site']).toEqual({ 'nettwin-unassigned': { name: UNASSIGNED_SITE, slug: 'nettwin-unassigned', status: 'active' } });
    expect(doc.resource['netbox_device']?.['a']?.['site_id']).toBe('${netbox_site.nettwin-unassigned.id}');
  });

  it('joins cables to device interfaces with speed in kbit/s and length in km', () => {
    const doc = JSON.parse(exportTerraform(sampleTopology())) as { resource: Record<string, Record<string, Record<string, unknown>>> };
    expect(doc.resource['netbox_cable']?.['l2']).toMatchObject({
      a_termination: [{ object_type: 'dcim.interface', object_id: '${netbox_device_interface.ber-core-1_Ethernet2.id}' }],
      b_termination: [{ object_type: 'dcim.interface', object_id: '${netbox_device_interface.muc-edge_Ethernet1.id}' }],
      length: 585,
      length_unit: 'km',
    });
    expect(doc.resource['netbox_device_interface']?.['ber-core-1_Ethernet1']).toMatchObject({ type: '100gbase-x-qsfp28', speed: 100_000_000 });
  });
});

describe('sweepToCsv', () => {
  it('writes the five leading columns, then any other fields first seen, quoting as needed', () => {
    const text = sweepToCsv([
      { scenario: 'link l1', kind: 'link', disconnectedPairs: 0, strandedDemand: 0, maxUtilisation: 0.42 },
      { scenario: 'node "a", site b', kind: 'node', disconnectedPairs: 3, strandedDemand: 12.5, maxUtilisation: 1.1, failed: ['a', 'b'], extra: { x: 1 } },
    ]);
    expect(parseCsv(text, 'sweep.csv').map((r) => r.cells)).toEqual([
      ['scenario', 'kind', 'disconnectedPairs', 'strandedDemand', 'maxUtilisation', 'failed', 'extra'],
      ['link l1', 'link', '0', '0', '0.42', '', ''],
      ['node "a", site b', 'node', '3', '12.5', '1.1', 'a;b', '{"x":1}'],
    ]);
  });
});

describe('exportSvg', () => {
  it('places nodes by canvas position, else by coordinates, else on a circle', () => {
    const t = sampleTopology();
    const byXy = layoutPoints(t.nodes.map((n, k) => ({ ...n, x: k * 10, y: 0 })), 200, 100, 10);
    expect(byXy.get('ber-core-1')?.x).toBeLessThan(byXy.get('leaf-1')!.x);
    const geo = layoutPoints(
      [
        { ...t.nodes[0]!, x: undefined, lat: 52, lon: 13 },
        { ...t.nodes[1]!, x: undefined, lat: 48, lon: 11 },
      ].map(({ x: _x, ...n }) => n),
      200, 200, 10,
    );
    // North is up: the higher latitude has the smaller y.
    expect(geo.get('ber-core-1')!.y).toBeLessThan(geo.get('ber-core-2')!.y);
  });

  it('places nodes without coordinates between their located neighbours', () => {
    const t = restoreTopology({
      nodes: [
        { id: 'w', name: 'w', role: 'core', lat: 0, lon: 0 },
        { id: 'e', name: 'e', role: 'core', lat: 0, lon: 10 },
        { id: 'n', name: 'n', role: 'core', lat: 10, lon: 5 },
        { id: 'mid', name: 'mid', role: 'router' },
        { id: 'far', name: 'far', role: 'router' },
      ],
      links: [{ id: 'a', source: 'mid', target: 'w' }, { id: 'b', source: 'mid', target: 'e' }],
    });
    const p = layoutPoints(t.nodes, 1000, 1000, 0, t.links);
    expect(p.get('mid')!.x).toBeCloseTo((p.get('w')!.x + p.get('e')!.x) / 2);
    expect(p.get('mid')!.y).toBeCloseTo(p.get('w')!.y);
    // An isolated unlocated node goes in a row below the map, not on top of it.
    expect(p.get('far')!.y).toBeGreaterThan(p.get('w')!.y);
  });

  it('colours nodes by role, bows parallel links and marks failed elements', () => {
    const svg = exportSvg(sampleTopology(), { failed: new Set(['fw1', 'l3b']) });
    expect(svg).toContain('data-role="core" cx=');
    expect(svg).toContain('fill="#c0392b"');
    expect(svg).toMatch(/<path data-id="l3b" d="M[^"]+ Q[^"]+"[^>]*stroke-dasharray/);
    expect(svg).toMatch(/<circle data-id="fw1"[^>]*fill="#bdc3c7"/);
    expect(svg).toContain('<text x="');
    expect(svg).toContain('Munich edge, &quot;A&quot;');
  });

  it('draws an empty design', () => {
    expect(exportSvg(restoreTopology({ nodes: [], links: [] }))).toContain('</svg>');
  });
});

describe('sweepRowsFrom', () => {
  it('reads rows stored as a list, under scenarios, or in the analyze contract shape', () => {
    const row = { scenario: 'link l1', kind: 'link', disconnectedPairs: 1, strandedDemand: 0, maxUtilisation: 0.5 };
    expect(sweepRowsFrom([row])).toEqual([row]);
    expect(sweepRowsFrom({ scenarios: [row], summary: {} })).toEqual([row]);
    expect(
      sweepRowsFrom({
        graph: { nodes: 2 },
        linkFailures: [{ link: 'e0', disconnectedPairs: 1, maxLinkLoad: 2 }],
        nodeFailures: [{ node: 'a', disconnectedPairs: 0 }],
      }),
    ).toEqual([
      { scenario: 'link e0', kind: 'link', link: 'e0', disconnectedPairs: 1, maxLinkLoad: 2 },
      { scenario: 'node a', kind: 'node', node: 'a', disconnectedPairs: 0 },
    ]);
    expect(sweepRowsFrom({ summary: 'nothing per scenario' })).toEqual([]);
    expect(sweepRowsFrom(null)).toEqual([]);
  });
});
