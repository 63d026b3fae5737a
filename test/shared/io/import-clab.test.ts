import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importClab } from '../../../src-shared/io/clab-import';
import { ImportError } from '../../../src-shared/io/report';

const fixture = readFileSync(join(process.cwd(), 'test/fixtures/io/dc-fabric.clab.yml'), 'utf8');

describe('importClab on a containerlab lab file', () => {
  const { topology, report } = importClab(fixture, 'dc-fabric.clab.yml');

  it('keeps every lab node in file order, including null and numeric-named nodes', () => {
    expect(topology.name).toBe('dc-fabric');
    expect(topology.nodes.map((n) => n.id)).toEqual(['spine1', 'spine2', 'leaf1', 'leaf2', 'border1', 'client1', '12', 'dummy0']);
    expect(topology.nodes.find((n) => n.id === 'border1')?.model).toBe('arista_ceos');
  });

  it('maps roles from groups and guesses the rest, saying which is which', () => {
    const role = (id: string) => topology.nodes.find((n) => n.id === id)?.role;
    expect([role('spine1'), role('leaf1')]).toEqual(['spine', 'leaf']);
    expect(report.mapped).toContain('role of "spine1": spine (group "spine")');
    // "tier-2" is no role; the name says leaf.
    expect(role('leaf2')).toBe('leaf');
    expect(report.guessed).toContain('role of "leaf2": leaf (from its name)');
    // border1 is named for the edge; client1 and "12" hang off one link each.
    expect(role('border1')).toBe('edge');
    expect(role('client1')).toBe('edge');
    expect(report.guessed.some((g) => g.startsWith('role of "12": edge (from its degree 1)'))).toBe(true);
  });

  it('keeps lab-internal links, brief and extended, and drops host and management links', () => {
    expect(topology.links).toHaveLength(8);
    expect(topology.links.at(-1)).toMatchObject({ source: 'spine2', target: 'border1', id: 'spine2:e1-3--border1:eth2' });
    const links = report.dropped.filter((d) => d.startsWith('link '));
    expect(links).toHaveLength(2);
    expect(links[0]).toContain('host:border1-eth9');
    // Node settings a design cannot hold are named, not silently lost.
    expect(report.dropped.filter((d) => !d.startsWith('link '))).toEqual([expect.stringMatching(/^node field "[\w-]+" \(\d+ nodes?\): not kept/)]);
    expect(report.guessed).toContain('8 links without capacity, IGP weight and latency: defaults used (10 Gbps, 1, 1 ms)');
  });
});

describe('importClab on the lab host', () => {
  it('drops a kind-host node and the links to it, not failing on them', () => {
    const { topology, report } = importClab('name: x\ntopology:\n  nodes:\n    a:\n    h: {kind: host}\n  links:\n    - endpoints: ["a:eth1", "h:eth0"]\n');
    expect(topology.links).toEqual([]);
    expect(report.dropped).toEqual(['node "h": kind host is the lab host, not a device', 'link 1: a:eth1 – h:eth0 leaves the lab']);
  });
});

describe('importClab errors name the file, line and field', () => {
  const fail = (text: string) => {
    try {
      importClab(text, 'lab.clab.yml');
    } catch (err) {
      expect(err).toBeInstanceOf(ImportError);
      return (err as ImportError).message;
    }
    throw new Error('expected an ImportError');
  };

  it('for broken YAML', () => {
    expect(fail('name: x\ntopology:\n  nodes: [a\n')).toMatch(/^lab\.clab\.yml line \d+: not valid YAML/);
  });
  it('for a missing topology', () => {
    expect(fail('name: x\n')).toBe('lab.clab.yml line 1, field "topology": missing "topology" mapping');
  });
  it('for a link to an unknown node', () => {
    const text = 'name: x\ntopology:\n  nodes:\n    a: {kind: linux}\n  links:\n    - endpoints: ["a:eth1", "b:eth1"]\n';
    expect(fail(text)).toBe('lab.clab.yml line 6, field "topology.links[0].endpoints": endpoint names unknown node "b"');
  });
  it('for an endpoint without an interface', () => {
    const text = 'name: x\ntopology:\n  nodes:\n    a:\n    b:\n  links:\n    - endpoints: ["a", "b:eth1"]\n';
    expect(fail(text)).toContain('line 7, field "topology.links[0].endpoints": endpoint "a" is not "node:interface"');
  });
  it('for a node that is not a mapping', () => {
    expect(fail('name: x\ntopology:\n  nodes:\n    a: 3\n')).toBe('lab.clab.yml line 4, field "topology.nodes.a": node must be a mapping');
  });
  it('for a bad NetTwin label', () => {
    const text = 'name: x\ntopology:\n  nodes:\n    a:\n      labels: {nettwin.lat: north}\n';
    expect(fail(text)).toContain('label nettwin.lat is not a number: "north"');
  });
});
