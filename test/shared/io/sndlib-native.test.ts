import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSndlib, SndlibError, sndlibTopology } from '../../../src-shared/io/sndlib';

const fixture = fs.readFileSync(path.resolve(__dirname, '../../fixtures/sim/abilene.sndlib.txt'), 'utf8');
const shared = path.resolve(__dirname, '../../../../shared/data/sndlib/native');

describe('parseSndlib', () => {
  it('reads abilene as it is (12 nodes, 15 links, 132 demands, 3,000,002 Mbit/s)', () => {
    const net = parseSndlib(fixture, 'abilene.txt');
    expect(net.meta['unit']).toBe('MBITPERSEC');
    expect(net.unitGbps).toBe(0.001);
    expect(net.nodes).toHaveLength(12);
    expect(net.nodes[0]).toEqual({ id: 'ATLAM5', lon: -84.3833, lat: 33.75 });
    expect(net.links).toHaveLength(15);
    expect(net.links[0]).toMatchObject({ id: 'ATLAM5_ATLAng', source: 'ATLAng', target: 'ATLAM5', capacity: 9920 });
    expect(net.demands).toHaveLength(132);
    expect(net.demands[0]).toEqual({ id: 'IPLSng_STTLng', source: 'IPLSng', target: 'STTLng', value: 3580 });
    expect(net.demands.reduce((s, d) => s + d.value, 0)).toBeCloseTo(3000002, 3);
    const t = sndlibTopology(net, 'abilene');
    expect(t.links[0]!.capacityGbps).toBeCloseTo(9.92, 12);
  });

  it('agrees with the counts in the SNDlib README for every shared native file', () => {
    if (!fs.existsSync(shared)) return expect.fail(`missing ${shared}`);
    const readme = fs.readFileSync(path.join(shared, '../README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| ([\w-]+) \| (\d+) \| (\d+) \| \d+ \| (\d+) \| (\d+) \|/gm)];
    expect(rows.length).toBeGreaterThan(10);
    for (const [, name, nodes, links, demands, total] of rows) {
      const net = parseSndlib(fs.readFileSync(path.join(shared, `${name}.txt`), 'utf8'), `${name}.txt`);
      expect([net.nodes.length, net.links.length, net.demands.length], name).toEqual([Number(nodes), Number(links), Number(demands)]);
      expect(Math.round(net.demands.reduce((s, d) => s + d.value, 0)), name).toBe(Number(total));
    }
  });

  it('names file and line on bad input', () => {
    expect(() => parseSndlib('hello world', 'x.txt')).toThrow(/^x\.txt: line 1: expected a section/);
    expect(() => parseSndlib('NODES (\n  A ( 1 2 )\n', 'y.txt')).toThrow(SndlibError);
    expect(() => parseSndlib('NODES (\n  A ( 1 2 )\n)\nLINKS (\n  L ( A B ) 1 0 0 0 ( )\n)\n', 'z.txt')).toThrow(/z\.txt: line 5: link L names unknown node "B"/);
    expect(() => parseSndlib('NODES (\n  A ( x 2 )\n)\n', 'w.txt')).toThrow(/line 2: NODES entry: longitude is not a number/);
  });
});
