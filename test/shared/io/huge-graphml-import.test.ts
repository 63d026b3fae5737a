import { describe, expect, it } from 'vitest';
import {
  GRAPHML_MAX_NODES,
  GraphmlCancelled,
  GraphmlError,
  importGraphml,
  importGraphmlInSlices,
} from '../../../src-shared/io/graphml';
import { summariseReport } from '../../../src-shared/io/report-summary';
import { importTopology } from '../../../src-shared/io/formats';
import { zooGraphml } from './huge-graphml';

const bare = (nodes: number, tail = '</graph></graphml>'): string => {
  const parts = ['<?xml version="1.0"?><graphml><graph edgedefault="undirected">'];
  for (let i = 0; i < nodes; i++) parts.push(`<node id="n${i}"/>`);
  return parts.join('\n') + tail;
};
const errorOf = (f: () => unknown): GraphmlError => {
  try {
    f();
  } catch (err) {
    if (err instanceof GraphmlError) return err;
    throw err;
  }
  throw new Error('expected a GraphmlError');
};

describe('the huge GraphML generator', () => {
  it('is deterministic and shaped like a Topology Zoo file (~1.3 links a node, parallel links, self-loops)', () => {
    const a = zooGraphml(3000);
    expect(zooGraphml(3000)).toBe(a);
    expect(zooGraphml(3000, 2)).not.toBe(a);
    const edges = [...a.matchAll(/<edge source="(\d+)" target="(\d+)"/g)].map((m) => [m[1]!, m[2]!] as const);
    expect(a.match(/<node id=/g)!.length).toBe(3000);
    expect(edges.length / 3000).toBeGreaterThan(1.25);
    expect(edges.length / 3000).toBeLessThan(1.35);
    const pairs = new Set<string>();
    let parallel = 0;
    for (const [s, t] of edges) {
      const k = s < t ? `${s}-${t}` : `${t}-${s}`;
      if (pairs.has(k)) parallel++;
      pairs.add(k);
    }
    expect(parallel).toBeGreaterThan(20);
    expect(a).toContain('<key attr.name="LinkSpeedRaw"');
    expect(a).toContain('<key attr.name="Latitude"');
  });
});

describe('importing a huge GraphML', () => {
  const text = zooGraphml(5000);

  it('keeps every node and link of a 5,000-node file, with coordinates and speeds', () => {
    const { topology, report } = importTopology('graphml', { text, fileName: 'zoo5k.graphml' });
    const edges = text.match(/<edge /g)!.length;
    const loops = [...text.matchAll(/<edge source="(\d+)" target="(\d+)"/g)].filter((m) => m[1] === m[2]).length;
    expect(topology.nodes).toHaveLength(5000);
    expect(topology.links).toHaveLength(edges - loops);
    expect(topology.nodes.every((n) => n.lat !== undefined && n.lon !== undefined)).toBe(true);
    expect(topology.nodes[7]!.name).toBe('City 7');
    expect(topology.links.some((l) => l.capacityGbps === 100)).toBe(true);
    expect(report.dropped).toContain(`${loops} self-loops`);
  });

  it('reads in slices with progress by characters and pauses, to the same design', async () => {
    const seen: number[] = [];
    let pauses = 0;
    const sliced = await importGraphmlInSlices(text, 'zoo5k.graphml', {
      sliceChars: 256 * 1024,
      pause: async () => void pauses++,
      onProgress: (done, total) => {
        expect(total).toBe(text.length);
        seen.push(done);
      },
    });
    expect(sliced).toEqual(importGraphml(text, 'zoo5k.graphml'));
    expect(seen.length).toBeGreaterThanOrEqual(Math.floor(text.length / (256 * 1024)));
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(text.length);
    expect(pauses).toBe(seen.length);
  });

  it('stops when cancelled between slices', async () => {
    let slices = 0;
    await expect(
      importGraphmlInSlices(text, 'zoo5k.graphml', { sliceChars: 64 * 1024, pause: async () => void slices++, isCancelled: () => slices >= 2 }),
    ).rejects.toBeInstanceOf(GraphmlCancelled);
    expect(slices).toBe(2);
  });
});

describe('the documented limits', () => {
  it('refuses more nodes than the limit, naming the file, the count found and the limit', () => {
    const e = errorOf(() => importGraphml(zooGraphml(300), 'big.graphml', { maxNodes: 250, maxLinks: 10_000 }));
    expect(e.message).toBe(
      'big.graphml: 300 nodes, more than the 250 nodes NetTwin imports in one design (see docs/limits.md); split the network or import a region of it',
    );
  });

  it('refuses more links than the limit', () => {
    const text = zooGraphml(300);
    const e = errorOf(() => importGraphml(text, 'big.graphml', { maxNodes: 1000, maxLinks: 100 }));
    expect(e.message).toContain(`big.graphml: ${text.match(/<edge /g)!.length} links, more than the 100 links`);
  });

  it('stops reading at the limit: what lies beyond it is never parsed', () => {
    // Broken XML after the 11th node: a reader that went on would report that instead.
    const e = errorOf(() => importGraphml(bare(11, '<broken'), 'x.graphml', { maxNodes: 10, maxLinks: 10 }));
    expect(e.message).toMatch(/^x\.graphml: 11 nodes, more than the 10 nodes/);
    expect(() => importGraphml(bare(10, '<broken'), 'x.graphml', { maxNodes: 10, maxLinks: 10 })).toThrow(/broken XML/);
  });

  it(`holds at the real limit (${GRAPHML_MAX_NODES.toLocaleString('en-US')} nodes) and not one below`, () => {
    expect(importGraphml(bare(GRAPHML_MAX_NODES), 'max.graphml').topology.nodes).toHaveLength(GRAPHML_MAX_NODES);
    const e = errorOf(() => importGraphml(bare(GRAPHML_MAX_NODES + 1), 'over.graphml'));
    expect(e.message).toMatch(/^over\.graphml: 100,001 nodes, more than the 100,000 nodes/);
  });
});

describe('reports of huge imports', () => {
  it('folds one role guess per device into a line per source, and caps every list', () => {
    const { topology, report } = importTopology('graphml', { text: zooGraphml(5000), fileName: 'zoo.graphml' });
    expect(report.guessed.length).toBeGreaterThan(5000);
    const short = summariseReport(report);
    expect(short.guessed.length).toBeLessThanOrEqual(100);
    const folded = short.guessed.filter((l) => l.startsWith('role of ') && l.includes(' devices from '));
    const total = folded.reduce((n, l) => n + Number(/^role of ([\d,]+) devices/.exec(l)![1]!.replace(/,/g, '')), 0);
    expect(total).toBe(topology.nodes.length);
    const long = summariseReport({ mapped: [], guessed: [], dropped: Array.from({ length: 250 }, (_, i) => `d${i}`) });
    expect(long.dropped).toHaveLength(100);
    expect(long.dropped.at(-1)).toBe('… and 151 more');
    expect(summariseReport(report, 100_000)).toEqual(report); // small reports stay as they are
  });
});
