import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importNetboxCsv } from '../../../src-shared/io/netbox-csv';
import { importNetboxJson } from '../../../src-shared/io/netbox-json';
import { ImportError } from '../../../src-shared/io/report';

const read = (name: string) => readFileSync(join(process.cwd(), 'test/fixtures/io/netbox', name), 'utf8');

describe('importNetboxCsv on NetBox table exports (BOM, quoted cells, verbose headers)', () => {
  const { topology, report } = importNetboxCsv({
    devices: read('devices.csv'),
    cables: read('cables.csv'),
    sites: read('sites.csv'),
  });
  const node = (name: string) => topology.nodes.find((n) => n.name === name);

  it('reads devices, including a quoted name with a comma and a multi-line comment', () => {
    expect(topology.nodes.map((n) => n.name)).toEqual([
      'ams-core-01', 'ams-core-02', 'fra-edge-01', 'fra-fw, primary', 'con-srv-01', 'lon-r1',
    ]);
    expect(node('ams-core-01')).toMatchObject({ site: 'AMS1', region: 'Europe', lat: 52.3, lon: 4.9, model: 'MX204' });
  });

  it('reads NetBox role names as roles and reports each', () => {
    expect(node('ams-core-01')?.role).toBe('core');
    expect(node('fra-edge-01')?.role).toBe('edge');
    expect(node('fra-fw, primary')?.role).toBe('firewall');
    expect(report.guessed).toContain('role of "ams-core-01": core (NetBox role "Core Router")');
    expect(report.dropped).toContain('NetBox role "Console Server" of "con-srv-01" has no NetTwin equivalent');
    expect(report.guessed.some((g) => g.startsWith('role of "lon-r1": router'))).toBe(true);
  });

  it('turns interface cables into links with length in km, dropping a cable to an unknown device', () => {
    expect(topology.links.map((l) => [l.source, l.target])).toEqual([
      ['ams-core-01', 'fra-edge-01'],
      ['ams-core-01', 'ams-core-02'],
      ['ams-core-02', 'fra-edge-01'],
      ['fra-edge-01', 'fra-fw, primary'],
      ['ams-core-02', 'lon-r1'],
    ]);
    expect(topology.links[0]).toMatchObject({ id: 'WAN-AMS-FRA-1', distanceKm: 420 });
    expect(topology.links[1]?.distanceKm).toBeCloseTo(0.003);
    expect(report.dropped).toContain('cables.csv line 6: device "fra-fw-02" is not in the devices list');
  });

  it('takes sites with regions and coordinates from the sites file and guesses site roles', () => {
    expect(topology.sites.map((s) => [s.id, s.region, s.lat])).toEqual([
      ['AMS1', 'Europe', 52.3],
      ['FRA2', 'Europe', 50.11],
      ['LON1', 'UK', 51.5],
    ]);
    expect(topology.sites.every((s) => s.role === 'campus')).toBe(true);
    expect(report.guessed).toContain('site role of "AMS1": campus');
  });

  it('names file, line and column on bad input', () => {
    const bad = (devices: string, cables = 'Device A,Device B\n') => () => importNetboxCsv({ devices, cables });
    expect(bad('Name,Latitude\nx,north\n')).toThrow('devices.csv line 2, field "latitude": "north" is not a number');
    expect(bad('Name,Role\n"unterminated,core\n')).toThrow('devices.csv line 2: unterminated quoted field');
    expect(bad('Role\ncore\n')).toThrow('devices.csv line 1, field "name": missing column "name"');
    expect(bad('Name\na\nb\n', 'Device A,Device B,Length\na,b,3 furlongs\n')).toThrow(
      'cables.csv line 2, field "length_unit": unknown length unit "furlongs"',
    );
    expect(bad('Name\n', 'Label\n')).toThrow(ImportError);
  });
});

describe('importNetboxJson on API list responses', () => {
  it('reads v4 devices, cables and sites; drops console and circuit cables', () => {
    const { topology, report } = importNetboxJson({
      devices: read('devices.json'),
      cables: read('cables.json'),
      sites: read('sites.json'),
    });
    expect(topology.nodes.map((n) => [n.id, n.role, n.site])).toEqual([
      ['ams-core-01', 'core', 'AMS1'],
      ['ams-core-02', 'core', 'AMS1'],
      ['fra-edge-01', 'edge', 'FRA2'],
      ['con-srv-01', 'edge', 'FRA2'],
    ]);
    expect(topology.links).toHaveLength(2);
    expect(topology.links[0]).toMatchObject({ id: 'WAN-AMS-FRA-1', source: 'ams-core-01', target: 'fra-edge-01', distanceKm: 420 });
    expect(topology.links[1]).toMatchObject({ id: 'cable-502', distanceKm: 0.003 });
    expect(report.dropped.filter((d) => d.includes('not on device interfaces'))).toHaveLength(2);
    expect(topology.sites.find((s) => s.id === 'AMS1')).toMatchObject({ region: 'Europe', lat: 52.3, lon: 4.94 });
  });

  it('reads pre-3.3 cables (termination_a/termination_b) given as a bare array', () => {
    const { topology } = importNetboxJson({ devices: read('devices.json'), cables: read('cables-v3.2.json') });
    expect(topology.links).toEqual([
      expect.objectContaining({ id: 'old-style', source: 'ams-core-01', target: 'ams-core-02', distanceKm: 2 }),
    ]);
  });

  it('accepts a single devices response', () => {
    expect(importNetboxJson(read('devices.json')).topology.nodes).toHaveLength(4);
  });

  it('names the file, line and field on bad input', () => {
    expect(() => importNetboxJson('{"devices": 3}')).toThrow('netbox.json line 1, field "devices": "devices" must be a list or {results: [...]}');
    expect(() => importNetboxJson('{"devices": [{"id": 1}]}')).toThrow('netbox.json line 1, field "devices[0].name": missing or not text');
    const devices = read('devices.json').replace('"name": "fra-edge-01"', '"name": 7.5e999');
    expect(() => importNetboxJson({ devices })).toThrow('devices.json line 26, field "devices[2].name": missing or not text');
    const cables = read('cables.json').replace('"length": 420', '"length": "far"');
    expect(() => importNetboxJson({ devices: read('devices.json'), cables })).toThrow('cables.json line 6, field "length": "far" is not a length');
    expect(() => importNetboxJson({ devices: '[', cables: '[]' })).toThrow(/^devices\.json: not valid JSON/);
  });
});
