import fs from 'node:fs';
import path from 'node:path';
import { geoBounds, geoContains, geoPath } from 'd3-geo';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import ELK from 'elkjs/lib/elk.bundled.js';
import { shelfLayout } from '../../src-renderer/canvas/layout/clusters';
import { applyElkLayout, toElkGraph } from '../../src-renderer/canvas/layout/elkGraph';
import { isRibbon, layoutPlan } from '../../src-renderer/canvas/layout/plan';
import { DEVICE_H, DEVICE_W, hiddenDeviceLabels } from '../../src-renderer/canvas/views/deviceLabels';
import { countryFeatures, geoLayout, MAP_H, MAP_W, project, worldProjection } from '../../src-renderer/canvas/views/geo';
import { intersects, pickLabels, type LabelBox } from '../../src-renderer/canvas/views/labels';
import { overviewFlow, overviewLabelBoxes, overviewLayout, siteDrillFlow } from '../../src-renderer/canvas/views/overviewFlow';
import { regionLayout, siteLayout } from '../../src-renderer/canvas/views/overviewLayout';
import { pairLabel, siteGraph } from '../../src-renderer/canvas/views/siteGraph';
import { defaultView } from '../../src-renderer/canvas/views/viewChoice';
import { generateDesign } from '../../src-shared/generate/generate';
import { importGraphml } from '../../src-shared/io/graphml';
import { IntentSchema } from '../../src-shared/model/intent';
import { TopologySchema, type Topology } from '../../src-shared/model/topology';
import { ZOO_DIR } from '../helpers/data';
import { benchTopology } from '../../scripts/bench/ui-fixtures';

/** Three sites and a device without one; capacities chosen so every sum is distinct. */
function threeSites(): Topology {
  return TopologySchema.parse({
    name: 'three sites',
    sites: [
      { id: 'A', name: 'Alpha', role: 'hq', region: 'eu', lat: 48.85, lon: 2.35, bandwidthMbps: 20000 },
      { id: 'B', name: 'Bravo', role: 'branch', region: 'eu' },
      { id: 'C', name: 'Charlie', role: 'branch', region: 'us' },
    ],
    nodes: [
      { id: 'a1', name: 'a1', role: 'core', site: 'A' },
      { id: 'a2', name: 'a2', role: 'core', site: 'A' },
      { id: 'b1', name: 'b1', role: 'spoke', site: 'B', lat: 50, lon: 8 },
      { id: 'b2', name: 'b2', role: 'spoke', site: 'B', lat: 52, lon: 10 },
      { id: 'c1', name: 'c1', role: 'spoke', site: 'C' },
      { id: 'x', name: 'Lone PoP', role: 'router', region: 'us', lat: 40.71, lon: -74.0 },
    ],
    links: [
      { id: 'l1', source: 'a1', target: 'a2', capacityGbps: 400 },
      { id: 'l2', source: 'a1', target: 'b1', capacityGbps: 10 },
      { id: 'l3', source: 'b2', target: 'a2', capacityGbps: 40 },
      { id: 'l4', source: 'b1', target: 'c1', capacityGbps: 100 },
      { id: 'l5', source: 'c1', target: 'x', capacityGbps: 1 },
    ],
  });
}

describe('site aggregation', () => {
  it('one node per site (a device without a site stands alone), links merged per site pair with count and capacity', () => {
    const g = siteGraph(threeSites());
    expect(g.sites.map((s) => s.id).sort()).toEqual(['dev:x', 'site:A', 'site:B', 'site:C']);
    const pair = (a: string, b: string) => g.pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
    expect(pair('site:A', 'site:B')).toMatchObject({ links: 2, capacityGbps: 50 });
    expect(pair('site:A', 'site:B')!.linkIds.sort()).toEqual(['l2', 'l3']);
    expect(pair('site:B', 'site:C')).toMatchObject({ links: 1, capacityGbps: 100 });
    expect(pair('site:C', 'dev:x')).toMatchObject({ links: 1, capacityGbps: 1 });
    expect(g.pairs).toHaveLength(3); // the link inside A is no pair
    const A = g.sites.find((s) => s.id === 'site:A')!;
    expect(A).toMatchObject({ name: 'Alpha', region: 'eu', internalLinks: 1, externalGbps: 50, bandwidthMbps: 20000, lat: 48.85, lon: 2.35 });
    expect(A.deviceIds).toEqual(['a1', 'a2']);
    expect(g.sites.find((s) => s.id === 'site:B')).toMatchObject({ externalGbps: 150, lat: 51, lon: 9 }); // mean of its devices
    expect(g.sites.find((s) => s.id === 'site:C')!.lat).toBeUndefined();
    expect(g.sites.find((s) => s.id === 'dev:x')).toMatchObject({ name: 'Lone PoP', region: 'us', lat: 40.71 });
    expect(g.siteOf.get('b2')).toBe('site:B');
  });

  it('the pair totals add up to every link between sites, on a generated 1,000-device design', () => {
    const t = TopologySchema.parse(benchTopology(1000));
    const g = siteGraph(t);
    const between = t.links.filter((l) => g.siteOf.get(l.source) !== g.siteOf.get(l.target));
    expect(g.pairs.reduce((a, p) => a + p.links, 0)).toBe(between.length);
    expect(g.pairs.reduce((a, p) => a + p.capacityGbps, 0)).toBeCloseTo(between.reduce((a, l) => a + l.capacityGbps, 0), 6);
    expect(g.sites.reduce((a, s) => a + s.internalLinks, 0)).toBe(t.links.length - between.length);
    expect(g.sites).toHaveLength(100);
  });

  it('labels say links and capacity', () => {
    expect(pairLabel({ links: 1, capacityGbps: 400 })).toBe('1 link · 400 Gbps');
    expect(pairLabel({ links: 3, capacityGbps: 1200 })).toBe('3 links · 1.2 Tbps');
  });

  it('drill-down shows the site\'s devices, its inside links, and one merged edge per device and neighbouring site', () => {
    const t = threeSites();
    const f = siteDrillFlow(t, siteGraph(t), 'site:B');
    expect(f.nodes.filter((n) => n.type === 'device').map((n) => n.id).sort()).toEqual(['b1', 'b2']);
    expect(f.nodes.filter((n) => n.type === 'site').map((n) => n.id).sort()).toEqual(['site:A', 'site:C']);
    expect(f.edges.map((e) => e.id).sort()).toEqual(['b1|site:A', 'b1|site:C', 'b2|site:A']);
  });

  it('a hub site with 100 neighbours drills down readably: each neighbour over the devices it links to', () => {
    // 8 devices at the hub; neighbour i links to hub device (3i mod 8), so name order and link order disagree.
    const hub = Array.from({ length: 8 }, (_, k) => ({ id: `h${k}`, name: `hub-${k}`, role: 'core' as const, site: 'H' }));
    const far = Array.from({ length: 100 }, (_, i) => ({ id: `n${i}`, name: `pop-${String(i).padStart(3, '0')}`, role: 'edge' as const, site: `N${i}` }));
    const t = TopologySchema.parse({
      name: 'hub',
      sites: [{ id: 'H', name: 'Hub', role: 'hq', region: 'eu' }, ...far.map((_, i) => ({ id: `N${i}`, name: `PoP ${i}`, role: 'branch', region: 'eu' }))],
      nodes: [...hub, ...far],
      links: far.map((n, i) => ({ id: `l${i}`, source: `h${(3 * i) % 8}`, target: n.id, srlgs: [] })),
    });
    const f = siteDrillFlow(t, siteGraph(t), 'site:H');
    expect(f.nodes.filter((n) => n.type === 'site')).toHaveLength(100);
    const drift = f.edges.map((e) => Math.abs(f.centres.get(e.source)!.x - f.centres.get(e.target)!.x));
    const blockW = Math.max(...hub.map((d) => f.centres.get(d.id)!.x)) - Math.min(...hub.map((d) => f.centres.get(d.id)!.x));
    // Nearly vertical edges: on average a neighbour is within a quarter of the hub's width of its device.
    expect(drift.reduce((a, b) => a + b, 0) / drift.length).toBeLessThan(blockW / 4);
    // No two neighbour discs on the same spot.
    const spots = new Set(f.nodes.filter((n) => n.type === 'site').map((n) => `${Math.round(n.position.x)},${Math.round(n.position.y)}`));
    expect(spots.size).toBe(100);
  });
});

describe('overview layouts', () => {
  const t = TopologySchema.parse(benchTopology(1000));
  const g = siteGraph(t);

  it('region boxes hold exactly their sites and never overlap', () => {
    const l = regionLayout(g);
    expect(l.regions.map((r) => r.label).sort()).toEqual(['amer', 'apac', 'emea', 'latam']);
    for (const s of g.sites) {
      const p = l.sites.get(s.id)!;
      const inside = l.regions.filter((r) => p.x > r.x && p.x < r.x + r.width && p.y > r.y && p.y < r.y + r.height);
      expect(inside.map((r) => r.label)).toEqual([s.region]);
    }
    for (const a of l.regions) for (const b of l.regions) if (a !== b) expect(intersects({ ...a, priority: 0 }, { ...b, priority: 0 })).toBe(false);
  });

  it('the site layout places every site, no two on the same spot, deterministically', () => {
    const a = siteLayout(g);
    const b = siteLayout(g);
    expect(a.sites.size).toBe(g.sites.length);
    expect([...a.sites]).toEqual([...b.sites]);
    const spots = new Set([...a.sites.values()].map((p) => `${p.x},${p.y}`));
    expect(spots.size).toBe(g.sites.length);
    for (const p of a.sites.values()) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  });

  it('big designs open at the site level, small ones and site-less imports at the device level', () => {
    expect(defaultView(t)).toBe('sites');
    expect(defaultView(TopologySchema.parse(benchTopology(200)))).toBe('devices');
    const flat = { ...t, nodes: t.nodes.map(({ site: _s, ...n }) => n) };
    expect(defaultView(flat)).toBe('devices');
  });
});

describe('labels never overlap', () => {
  const box = fc.record({
    x: fc.double({ min: -500, max: 500, noNaN: true }),
    y: fc.double({ min: -500, max: 500, noNaN: true }),
    width: fc.double({ min: 1, max: 200, noNaN: true }),
    height: fc.double({ min: 1, max: 60, noNaN: true }),
    priority: fc.integer({ min: 0, max: 100 }),
  });

  it('no two shown boxes intersect, the first by priority is shown, and every hidden box is covered by a shown one', () => {
    fc.assert(
      fc.property(fc.array(box, { minLength: 1, maxLength: 120 }), (raw) => {
        const boxes: LabelBox[] = raw.map((b, i) => ({ ...b, id: `b${i}` }));
        const shown = pickLabels(boxes);
        const kept = boxes.filter((b) => shown.has(b.id));
        for (let i = 0; i < kept.length; i++) for (let j = i + 1; j < kept.length; j++) expect(intersects(kept[i]!, kept[j]!)).toBe(false);
        const top = [...boxes].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : 1))[0]!;
        expect(shown.has(top.id)).toBe(true);
        for (const h of boxes.filter((b) => !shown.has(b.id))) expect(kept.some((k) => intersects(k, h))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('on a 1,000-device design\'s site and geographic views, at every zoom from the whole design to close up', () => {
    const t = TopologySchema.parse(benchTopology(1000));
    const g = siteGraph(t);
    for (const kind of ['sites', 'regions'] as const) {
      const flow = overviewFlow(kind, g, overviewLayout(kind, g));
      let before = 0;
      for (const zoom of [0.05, 0.1, 0.2, 0.4, 0.8, 1.6]) {
        const boxes = overviewLabelBoxes(flow, g, zoom);
        const shown = pickLabels(boxes);
        const kept = boxes.filter((b) => shown.has(b.id));
        // Every pair checked, overlaps collected and asserted once (an expect per pair was most of this test's time).
        const overlaps: string[] = [];
        for (let i = 0; i < kept.length; i++) for (let j = i + 1; j < kept.length; j++) if (intersects(kept[i]!, kept[j]!)) overlaps.push(`${kind} @${zoom}: ${kept[i]!.id} × ${kept[j]!.id}`);
        expect(overlaps).toEqual([]);
        const names = kept.filter((b) => b.id.startsWith('site:') && !b.id.includes('|')).length;
        expect(names).toBeGreaterThanOrEqual(before); // zooming in never loses a name
        before = names;
      }
      expect(before).toBe(g.sites.length); // close up, every site is named
    }
  });

  it('devices stacked on one spot keep one name: the most important', () => {
    const t = threeSites();
    const stacked = { ...t, nodes: t.nodes.map((n) => ({ ...n, x: n.id === 'c1' ? 1000 : 10, y: n.id === 'c1' ? 1000 : 10 })) };
    const hidden = hiddenDeviceLabels(stacked);
    expect([...hidden].sort()).toEqual(['a2', 'b1', 'b2', 'x']); // a1: core with the most links; c1 stands apart
  });
});

describe('geographic view', () => {
  const cities = [
    { name: 'London', lat: 51.5074, lon: -0.1278, country: 'United Kingdom' },
    { name: 'New York', lat: 40.7128, lon: -74.006, country: 'United States of America' },
    { name: 'Tokyo', lat: 35.6762, lon: 139.6503, country: 'Japan' },
    { name: 'Sydney', lat: -33.8688, lon: 151.2093, country: 'Australia' },
    { name: 'São Paulo', lat: -23.5505, lon: -46.6333, country: 'Brazil' },
    { name: 'Prague', lat: 50.0755, lon: 14.4378, country: 'Czechia' },
  ];

  it('known cities land inside their country on the basemap, in the right order, and project back', () => {
    const path = geoPath(worldProjection());
    const features = countryFeatures().features;
    for (const c of cities) {
      const f = features.find((x) => x.properties?.['name'] === c.country);
      expect(f, c.country).toBeDefined();
      expect(geoContains(f!, [c.lon, c.lat]), `${c.name} in ${c.country}`).toBe(true);
      const [[x0, y0], [x1, y1]] = path.bounds(f!);
      const p = project(c.lat, c.lon);
      expect(p.x, c.name).toBeGreaterThan(x0);
      expect(p.x, c.name).toBeLessThan(x1);
      expect(p.y, c.name).toBeGreaterThan(y0);
      expect(p.y, c.name).toBeLessThan(y1);
      const back = worldProjection().invert!([p.x, p.y])!;
      expect(back[0]).toBeCloseTo(c.lon, 6);
      expect(back[1]).toBeCloseTo(c.lat, 6);
    }
    const at = Object.fromEntries(cities.map((c) => [c.name, project(c.lat, c.lon)]));
    expect(at['New York']!.x).toBeLessThan(at['London']!.x);
    expect(at['London']!.x).toBeLessThan(at['Prague']!.x);
    expect(at['Prague']!.x).toBeLessThan(at['Tokyo']!.x);
    expect(at['London']!.y).toBeLessThan(at['Sydney']!.y);
    // Greenwich on the central meridian, the equator across the middle of the map.
    expect(project(0, 0)).toEqual({ x: expect.closeTo(MAP_W / 2, 6), y: expect.closeTo(MAP_H / 2, 6) });
    expect(geoBounds(countryFeatures())[0][0]).toBeLessThan(-170); // the whole world is there
  });

  it('sites without coordinates are set beside the map and listed', () => {
    const g = siteGraph(threeSites());
    const l = geoLayout(g);
    expect(l.unplaced).toEqual(['site:C']);
    expect(l.sites.get('site:C')!.x).toBeGreaterThan(Math.max(l.sites.get('site:A')!.x, l.sites.get('dev:x')!.x, l.sites.get('site:B')!.x));
    expect(l.regions[0]!.label).toBe('No coordinates (1)');
    expect(l.sites.get('site:A')).toEqual(project(48.85, 2.35));
  });

  it('an imported Topology Zoo network keeps its coordinates: every located PoP is on the map', () => {
    const text = fs.readFileSync(path.join(ZOO_DIR, 'DialtelecomCz.graphml'), 'utf8');
    const { topology } = importGraphml(text, 'DialtelecomCz.graphml');
    const g = siteGraph(topology);
    expect(topology.nodes.length).toBe(193);
    const located = topology.nodes.filter((n) => n.lat !== undefined && n.lon !== undefined);
    expect(located.length).toBeGreaterThan(150);
    const l = geoLayout(g);
    expect(l.unplaced.length).toBe(topology.nodes.length - located.length);
    const cz = countryFeatures().features.find((f) => f.properties?.['name'] === 'Czechia')!;
    const inCz = located.filter((n) => geoContains(cz, [n.lon!, n.lat!])).length;
    expect(inCz / located.length).toBeGreaterThan(0.9);
    // The unlocated PoPs' box stands beside the country at its scale: no taller than the located sites' extent
    // plus its title, so fitting the view shows Czechia, not a column fifty times its height.
    const ys = located.map((n) => l.sites.get(g.sites.find((s) => s.deviceIds.includes(n.id))!.id)!.y);
    const xs = located.map((n) => l.sites.get(g.sites.find((s) => s.deviceIds.includes(n.id))!.id)!.x);
    const extent = Math.max(Math.max(...ys) - Math.min(...ys), (Math.max(...xs) - Math.min(...xs)) / 2);
    const box = l.regions[0]!;
    expect(box.label).toBe(`No coordinates (${l.unplaced.length})`);
    expect(box.height).toBeLessThan(extent * 1.3);
    expect(box.x).toBeGreaterThan(Math.max(...xs));
    for (const id of l.unplaced) {
      const p = l.sites.get(id)!;
      expect(p.x > box.x && p.x < box.x + box.width && p.y > box.y && p.y < box.y + box.height, id).toBe(true);
    }
  });
});

describe('layout plan: no algorithm hangs on a big design', () => {
  const intent = IntentSchema.parse(JSON.parse(fs.readFileSync(path.resolve('resources/examples/global-enterprise.intent.json'), 'utf8')));
  const hybrid = generateDesign(intent, 'hybrid', 1).topology;

  it('small designs are laid out device by device', () => {
    expect(layoutPlan(threeSites(), 'force')).toEqual({ level: 'devices', notice: null });
  });
  it('force and stress on ~160 devices run on the sites and say so; layered still on the devices', () => {
    expect(hybrid.nodes.length).toBeGreaterThan(100);
    expect(layoutPlan(hybrid, 'layered').level).toBe('devices');
    for (const a of ['force', 'stress'] as const) {
      const p = layoutPlan(hybrid, a);
      expect(p.level).not.toBe('devices');
      expect(p.notice).toMatch(/Force|Stress/);
    }
  });
  it('a first layout that ELK draws as a ribbon is replaced by the site packing, which is not one', async () => {
    // The shipped global-enterprise hybrid (163 devices): ELK layered puts its branches in one long layer.
    const elk = applyElkLayout(await new ELK().layout(toElkGraph(hybrid, 'layered')), hybrid);
    expect(isRibbon(elk, DEVICE_W, DEVICE_H)).toBe(true);
    expect(isRibbon(shelfLayout(hybrid), DEVICE_W, DEVICE_H)).toBe(false);
    // A small design may be wide: it still fits the screen readably.
    const row = new Map(Array.from({ length: 20 }, (_, i) => [`d${i}`, { x: i * 200, y: 0 }]));
    expect(isRibbon(row, DEVICE_W, DEVICE_H)).toBe(false);
    const longRow = new Map(Array.from({ length: 120 }, (_, i) => [`d${i}`, { x: (i % 60) * 200, y: Math.floor(i / 60) * 100 }]));
    expect(isRibbon(longRow, DEVICE_W, DEVICE_H)).toBe(true);
  }, 60_000);
  it('5,000 devices: layered on 500 sites is too much, the sites are packed instead, with a notice', () => {
    const big = TopologySchema.parse(benchTopology(5000));
    const p = layoutPlan(big, 'layered');
    expect(p.level).toBe('packing');
    expect(p.notice).toContain('500 sites');
  });
});
