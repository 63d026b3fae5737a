import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSndlib, SndlibError, sndlibTopology } from '../../../src-shared/io/sndlib';

const fixture = fs.readFileSync(path.resolve(__dirname, '../../fixtures/sim/westeurope.sndlib.txt'), 'utf8');

// The fixture is the project's own file (SNDlib's data is under ZIB's licence and stays out of the
// repository); `npm run bench:sndlib` reads every SNDlib file in ../shared when it is there.
describe('parseSndlib', () => {
  it('reads a native file as it is (7 nodes, 9 links, 12 demands, 15,000 Mbit/s)', () => {
    const net = parseSndlib(fixture, 'westeurope.txt');
    expect(net.meta['unit']).toBe('MBITPERSEC');
    expect(net.unitGbps).toBe(0.001);
    expect(net.nodes).toHaveLength(7);
    expect(net.nodes[0]).toEqual({ id: 'LON', lon: -0.1276, lat: 51.5072 });
    expect(net.links).toHaveLength(9);
    expect(net.links[0]).toMatchObject({ id: 'LON_AMS', source: 'AMS', target: 'LON', capacity: 10000 });
    expect(net.links[2]).toMatchObject({ id: 'LON_DUB', source: 'DUB', target: 'LON', capacity: 2500 });
    expect(net.demands).toHaveLength(12);
    expect(net.demands[0]).toEqual({ id: 'LON_FRA', source: 'LON', target: 'FRA', value: 3000 });
    expect(net.demands.reduce((s, d) => s + d.value, 0)).toBeCloseTo(15000, 9);
    const t = sndlibTopology(net, 'westeurope');
    expect(t.links[2]!.capacityGbps).toBeCloseTo(2.5, 12);
  });

  it('names file and line on bad input', () => {
    expect(() => parseSndlib('hello world', 'x.txt')).toThrow(/^x\.txt: line 1: expected a section/);
    expect(() => parseSndlib('NODES (\n  A ( 1 2 )\n', 'y.txt')).toThrow(SndlibError);
    expect(() => parseSndlib('NODES (\n  A ( 1 2 )\n)\nLINKS (\n  L ( A B ) 1 0 0 0 ( )\n)\n', 'z.txt')).toThrow(/z\.txt: line 5: link L names unknown node "B"/);
    expect(() => parseSndlib('NODES (\n  A ( x 2 )\n)\n', 'w.txt')).toThrow(/line 2: NODES entry: longitude is not a number/);
  });
});
