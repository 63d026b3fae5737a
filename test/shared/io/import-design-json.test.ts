import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportClab } from '../../../src-shared/io/clab-export';
import { exportDesignJson, importDesignJson } from '../../../src-shared/io/design-json';
import { detectFormat } from '../../../src-shared/io/detect';
import { exportGraphml } from '../../../src-shared/io/graphml-export';
import { exportNetboxCsv } from '../../../src-shared/io/netbox-csv';
import { exportNetboxJson } from '../../../src-shared/io/netbox-json';
import { sampleTopology } from './sample';
import { ZOO_DIR } from '../../helpers/data';

describe('importDesignJson', () => {
  it('reads a design through restoreTopology, filling schema defaults', () => {
    const { topology, report } = importDesignJson(
      JSON.stringify({ nodes: [{ id: 'a', name: 'a', role: 'core' }, { id: 'b', name: 'b', role: 'edge' }], links: [{ id: 'l', source: 'a', target: 'b' }] }),
    );
    expect(topology.links[0]).toMatchObject({ capacityGbps: 10, igpWeight: 1, srlgs: [] });
    expect(report.mapped).toEqual(['2 nodes', '1 links']);
    expect(report.guessed).toEqual([]);
  });

  it('guesses roles of hand-written nodes without one', () => {
    const { topology, report } = importDesignJson(JSON.stringify({ nodes: [{ id: 'spine-1' }, { id: 'x' }], links: [] }));
    expect(topology.nodes.map((n) => [n.name, n.role])).toEqual([['spine-1', 'spine'], ['x', 'edge']]);
    expect(report.guessed).toEqual([
      '2 nodes without a name are named by their id',
      'role of "spine-1": spine (from its name)',
      'role of "x": edge (from its degree 0)',
    ]);
  });

  it('gives schema and integrity problems with the field path', () => {
    expect(() => importDesignJson('{"nodes": [{"id": "a", "role": "core"}], "links": [{"id": "l", "source": "a", "target": "z"}]}')).toThrow(
      'design.json: invalid design: links.l.target: unknown node "z"',
    );
    expect(() => importDesignJson('{"nodes": [\n  {"id": "a"},\n  {"id": "b", "role": "boss"}\n], "links": []}')).toThrow(
      /^design\.json line 3: invalid design: nodes\.1\.role/,
    );
    expect(() => importDesignJson('{"nodes": [3], "links": []}')).toThrow('design.json line 1, field "nodes[0]": a node needs a text "id" (and "name")');
    expect(() => importDesignJson('nope')).toThrow(/^design\.json: not valid JSON/);
  });

  it('exports what it imports', () => {
    const t = sampleTopology();
    expect(importDesignJson(exportDesignJson(t)).topology).toEqual(t);
  });
});

describe('detectFormat', () => {
  const t = sampleTopology();
  it.each([
    ['net.graphml', exportGraphml(t), 'graphml'],
    ['export.txt', exportGraphml(t), 'graphml'],
    ['lab.clab.yml', exportClab(t), 'clab'],
    ['lab.yaml', exportClab(t), 'clab'],
    ['devices.csv', exportNetboxCsv(t)['devices.csv'], 'netbox-csv'],
    ['devices.json', exportNetboxJson(t)['devices.json'], 'netbox-json'],
    ['cables.json', exportNetboxJson(t)['cables.json'], 'netbox-json'],
    ['design.json', exportDesignJson(t), 'json'],
    ['germany50.xml', '<?xml version="1.0"?><network xmlns="http://sndlib.zib.de/network"></network>', 'sndlib'],
    ['abilene.txt', '?SNDlib native format; type: network; version: 1.0\nNODES (\n', 'sndlib'],
    ['notes.txt', 'hello', undefined],
  ])('%s → %s', (name, text, format) => {
    expect(detectFormat(name, text)).toBe(format);
  });

  it('detects every Topology Zoo file as GraphML', () => {
    const zoo = ZOO_DIR;
    expect(detectFormat('Abilene.graphml', readFileSync(join(zoo, 'Abilene.graphml'), 'utf8'))).toBe('graphml');
  });
});
