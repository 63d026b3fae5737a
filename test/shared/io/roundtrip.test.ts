import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportClab } from '../../../src-shared/io/clab-export';
import { importClab } from '../../../src-shared/io/clab-import';
import { exportDesignJson, importDesignJson } from '../../../src-shared/io/design-json';
import { importTopology } from '../../../src-shared/io/formats';
import { exportGraphml } from '../../../src-shared/io/graphml-export';
import { exportNetboxCsv, importNetboxCsv, importNetboxCsvBundle } from '../../../src-shared/io/netbox-csv';
import { exportNetboxJson, importNetboxJson, importNetboxJsonBundle } from '../../../src-shared/io/netbox-json';
import type { Topology } from '../../../src-shared/model/topology';
import { topologyArb } from './arbitraries';
import { sampleTopology } from './sample';
import { ZOO_DIR, zooFiles } from '../../helpers/data';

/**
 * What each format can carry. containerlab and NetBox have no place for the
 * design's name, family or seed; containerlab keeps only the sites that
 * devices stand in (a site is a node label there). Everything else must come
 * back exactly: ids, names, roles, coordinates, ports, link weights, SRLGs.
 */
const withoutDesignMeta = (t: Topology) => ({ ...t, name: undefined, family: undefined, seed: undefined });
const bySiteId = (t: Topology) => [...t.sites].sort((a, b) => (a.id < b.id ? -1 : 1));
const clabCarries = (t: Topology) => {
  const used = new Set(t.nodes.map((n) => n.site));
  return { ...withoutDesignMeta(t), sites: bySiteId({ ...t, sites: t.sites.filter((s) => used.has(s.id)) }) };
};

/**
 * A lab's kinds, images and port names (`platform`, `sourcePort`/`targetPort`)
 * travel through containerlab and design JSON only; NetBox and GraphML name
 * ports by the same plan but do not carry the containerlab forms.
 */
const withoutLabFacts = (t: Topology): Topology => ({
  ...t,
  nodes: t.nodes.map(({ platform: _p, attributes: _a, ...n }) => n),
  links: t.links.map(({ sourcePort: _s, targetPort: _t, attributes: _a, ...l }) => l),
});
/** GraphML carries foreign attributes, not a lab's kinds or ports. */
const withoutLabPlatform = (t: Topology): Topology => ({
  ...t,
  nodes: t.nodes.map(({ platform: _p, ...n }) => n),
  links: t.links.map(({ sourcePort: _s, targetPort: _t, ...l }) => l),
});

/** GraphML import drops self-loops (the analyze contract's link semantics); all else comes back. */
const withoutSelfLoops = (t: Topology) => withoutLabPlatform({ ...t, links: t.links.filter((l) => l.source !== l.target) });

const FORMATS = [
  {
    name: 'GraphML',
    trip: (t: Topology) => importTopology('graphml', { text: exportGraphml(t), fileName: 't.graphml' }).topology,
    carries: withoutSelfLoops,
  },
  {
    name: 'design JSON',
    trip: (t: Topology) => importDesignJson(exportDesignJson(t)).topology,
    carries: (t: Topology) => t,
  },
  {
    name: 'containerlab',
    trip: (t: Topology) => importClab(exportClab(t)).topology,
    carries: clabCarries,
  },
  {
    name: 'NetBox CSV',
    trip: (t: Topology) => importNetboxCsvBundle(exportNetboxCsv(t)).topology,
    carries: (t: Topology) => withoutDesignMeta(withoutLabFacts(t)),
  },
  {
    name: 'NetBox JSON',
    trip: (t: Topology) => importNetboxJsonBundle(exportNetboxJson(t)).topology,
    carries: (t: Topology) => withoutDesignMeta(withoutLabFacts(t)),
  },
] as const;

describe.each(FORMATS)('round trip through $name', ({ trip, carries }) => {
  it('gives back the sample design', () => {
    const t = sampleTopology();
    expect(carries(trip(t))).toEqual(carries(t));
  });

  it('gives back random designs (ids, names and numbers tools dislike)', () => {
    fc.assert(
      fc.property(topologyArb, (t) => {
        expect(carries(trip(t))).toEqual(carries(t));
      }),
      { numRuns: 150, seed: 20261124 },
    );
  });

  it('is stable: a second trip changes nothing', () => {
    const once = trip(sampleTopology());
    expect(trip(once)).toEqual(once);
  });
});

describe('import → export → import of real files', () => {
  const read = (name: string) => readFileSync(join(process.cwd(), 'test/fixtures/io', name), 'utf8');
  const netboxCsv = () =>
    importNetboxCsv({ devices: read('netbox/devices.csv'), cables: read('netbox/cables.csv'), sites: read('netbox/sites.csv') }).topology;
  const netboxJson = () =>
    importNetboxJson({ devices: read('netbox/devices.json'), cables: read('netbox/cables.json'), sites: read('netbox/sites.json') }).topology;
  const clab = () => importClab(read('dc-fabric.clab.yml')).topology;

  it.each(FORMATS.map((f) => [f.name, f] as const))('a containerlab lab through %s', (_name, f) => {
    const first = clab();
    expect(f.carries(f.trip(first))).toEqual(f.carries(first));
  });

  it.each(FORMATS.map((f) => [f.name, f] as const))('a NetBox CSV export through %s', (_name, f) => {
    const first = netboxCsv();
    expect(f.carries(f.trip(first))).toEqual(f.carries(first));
  });

  it.each(FORMATS.map((f) => [f.name, f] as const))('a NetBox API export through %s', (_name, f) => {
    const first = netboxJson();
    expect(f.carries(f.trip(first))).toEqual(f.carries(first));
  });
});

describe('import → export → import of every Topology Zoo file (labels repeat there)', () => {
  const zoo = ZOO_DIR;
  const files = zooFiles();
  const designs = files.map((f) => [f, importTopology('graphml', { text: readFileSync(join(zoo, f), 'utf8'), fileName: f }).topology] as const);

  it.each(FORMATS.map((f) => [f.name, f] as const))('through %s', (_name, f) => {
    expect(files).toHaveLength(251);
    for (const [file, first] of designs) expect(f.carries(f.trip(first)), file).toEqual(f.carries(first));
  });
});
