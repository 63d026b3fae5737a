import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORE_SITE_ROLES, notApplicableFamilies } from '../../../src-shared/generate/applicability';
import { generateAll, type Design, type SkippedFamily } from '../../../src-shared/generate/generate';
import { isGazetteerPlace } from '../../../src-shared/generate/gazetteer';
import { greatCircleKm } from '../../../src-shared/generate/geo';
import { IntentSchema, type Intent } from '../../../src-shared/model/intent';
import type { Topology } from '../../../src-shared/model/topology';

/**
 * Realistic intents written for these tests, not by the generators (a
 * retailer, a bank on five continents at CRITICAL, a cloud provider's 15
 * regions, a 20-branch SD-WAN at STANDARD, a 12-building university, one
 * 10 Tbit/s data centre), and what an architect would reject in any design
 * generated for them (issue 16).
 */
const DIR = path.join(__dirname, '../../fixtures/intents/scenarios');
const FILES = fs.readdirSync(DIR).filter((f) => f.endsWith('.intent.json')).sort();

const cache = new Map<string, { intent: Intent; designs: Design[]; skipped: SkippedFamily[] }>();
function scenario(file: string): { intent: Intent; designs: Design[]; skipped: SkippedFamily[] } {
  let x = cache.get(file);
  if (!x) {
    const intent = IntentSchema.parse(JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')));
    x = { intent, ...generateAll(intent, 1) };
    cache.set(file, x);
  }
  return x;
}

const HUB_ROLES = new Set(['core', 'hub', 'super-spine', 'spine', 'leaf']);

function interRegionLinks(t: Topology): { a: string; b: string; km: number; gbps: number }[] {
  const site = new Map(t.sites.map((s) => [s.id, s]));
  const dev = new Map(t.nodes.map((d) => [d.id, site.get(d.site!)!]));
  return t.links
    .map((l) => ({ sa: dev.get(l.source)!, sb: dev.get(l.target)!, gbps: l.capacityGbps }))
    .filter((x) => x.sa.region !== x.sb.region)
    .map((x) => ({ a: x.sa.region, b: x.sb.region, km: greatCircleKm(x.sa.lat!, x.sa.lon!, x.sb.lat!, x.sb.lon!), gbps: x.gbps }));
}

describe('the scenario set', () => {
  it('has the six intents the tests are written for', () => {
    expect(FILES).toEqual([
      'bank-5-continents.intent.json',
      'cloud-15-regions.intent.json',
      'dc-10tbps.intent.json',
      'metro-campus-12.intent.json',
      'retail-chain.intent.json',
      'sdwan-20-branches.intent.json',
    ]);
  });
});

// Generating, pricing and validating every family of the 200-branch bank takes a few seconds.
describe.each(FILES)('%s', { timeout: 120_000 }, (file) => {
  it('puts core, hub and fabric devices only at HQ, datacenter, region-hub or colo sites (leaf and spine only in datacenters and colos)', () => {
    const { designs } = scenario(file);
    expect(designs.length).toBeGreaterThan(0);
    for (const d of designs) {
      const role = new Map(d.topology.sites.map((s) => [s.id, s.role]));
      for (const n of d.topology.nodes) {
        if (!HUB_ROLES.has(n.role)) continue;
        const at = role.get(n.site!)!;
        if (n.role === 'core' || n.role === 'hub') expect(CORE_SITE_ROLES, `${d.family}: ${n.id}`).toContain(at);
        else expect(['datacenter', 'colo'], `${d.family}: ${n.id}`).toContain(at);
      }
    }
  });

  it('places every synthetic site at a gazetteer place (never in the sea) and keeps explicit coordinates', () => {
    const { intent, designs } = scenario(file);
    const given = new Map<string, [number, number]>();
    for (const g of intent.siteGroups) for (const s of g.sites ?? []) if (s.lat !== undefined) given.set(s.name, [s.lat, s.lon!]);
    for (const s of designs[0]!.topology.sites) {
      const e = given.get(s.name);
      if (e) expect([s.lat, s.lon]).toEqual(e);
      else expect(isGazetteerPlace(s.lat!, s.lon!), `${s.name} at ${s.lat}, ${s.lon}`).toBe(true);
    }
  });

  it('never uses leaf-spine as a WAN: not applicable unless every site is a datacenter or colo; no leaf links out of its site', () => {
    const { intent, designs, skipped } = scenario(file);
    const dcOnly = intent.siteGroups.every((g) => g.role === 'datacenter' || g.role === 'colo');
    const ls = skipped.find((s) => s.family === 'leaf-spine');
    if (dcOnly) expect(ls).toBeUndefined();
    else expect(ls).toMatchObject({ notApplicable: true, reason: expect.stringMatching(/^not applicable, because leaf-spine \(Clos\) is a datacenter fabric/) });
    for (const d of designs) {
      const site = new Map(d.topology.nodes.map((n) => [n.id, n.site]));
      const role = new Map(d.topology.nodes.map((n) => [n.id, n.role]));
      for (const l of d.topology.links) {
        if (site.get(l.source) === site.get(l.target)) continue;
        expect(role.get(l.source), `${d.family} ${l.id}`).not.toBe('leaf');
        expect(role.get(l.target), `${d.family} ${l.id}`).not.toBe('leaf');
      }
    }
  });

  it('joins regions without a full mesh across oceans: fewer region pairs than a mesh, never the two farthest regions', () => {
    const { designs } = scenario(file);
    for (const d of designs.filter((x) => x.family === 'hybrid')) {
      const regions = [...new Set(d.topology.sites.map((s) => s.region))];
      if (regions.length < 4) continue;
      const links = interRegionLinks(d.topology);
      const pairs = new Set(links.map((l) => [l.a, l.b].sort().join('|')));
      expect(pairs.size).toBeLessThan((regions.length * (regions.length - 1)) / 2);
      // The farthest pair of core sites is never joined directly.
      const at = new Map<string, { lat: number; lon: number }>();
      for (const n of d.topology.nodes) if (n.role === 'core' && !at.has(n.region!)) at.set(n.region!, { lat: n.lat!, lon: n.lon! });
      let far = ['', ''];
      let farKm = 0;
      for (const [r1, p] of at) for (const [r2, q] of at) if (greatCircleKm(p.lat, p.lon, q.lat, q.lon) > farKm) [far, farKm] = [[r1, r2], greatCircleKm(p.lat, p.lon, q.lat, q.lon)];
      expect(pairs.has([...far].sort().join('|'))).toBe(false);
    }
  });

  it('lists every family exactly once: built, or not applicable with a reason', () => {
    const { designs, skipped } = scenario(file);
    expect(designs.length + skipped.length).toBe(9);
    for (const s of skipped) expect(s.reason).toMatch(/^not applicable, because .{20,}/);
    // The intent wizard lists the same families with the same words before generating (from roles and counts alone).
    const { intent } = scenario(file);
    expect(notApplicableFamilies(intent).map((x) => `${x.family}: not applicable, because ${x.reason}`)).toEqual(
      skipped.map((x) => `${x.family}: ${x.reason}`),
    );
  });
});

describe('what each scenario must show', { timeout: 120_000 }, () => {
  it('a 10 Tbit/s datacenter gets a fabric whose spine layer carries at least 10 Tbit/s (leaf-spine and hybrid)', () => {
    const { designs } = scenario('dc-10tbps.intent.json');
    const fabrics = designs.filter((d) => d.family === 'leaf-spine' || d.family === 'hybrid');
    expect(fabrics.map((d) => d.family)).toEqual(['leaf-spine', 'hybrid']);
    for (const d of fabrics) {
      const role = new Map(d.topology.nodes.map((n) => [n.id, n.role]));
      const up = d.topology.links.filter((l) => role.get(l.source) === 'leaf' || role.get(l.target) === 'leaf');
      const gbps = up.reduce((s, l) => s + l.capacityGbps, 0);
      expect(gbps).toBeGreaterThanOrEqual(10_000);
      // 40 racks × 40 servers at 25G on 64-port leaves with 5 uplinks: 28 leaves for the servers; 12 Tbit/s with headroom needs 24.
      expect(d.topology.nodes.filter((n) => n.role === 'leaf').length).toBe(28);
    }
  });

  it('the bank at CRITICAL: the dual hub validates CRITICAL with the existing validator, and passes its capacity check', () => {
    const { designs } = scenario('bank-5-continents.intent.json');
    const d = designs.find((x) => x.family === 'dual-hub')!;
    expect(d.validation.redundancyAchieved).toBe('CRITICAL');
    const failing = d.validation.checks.filter((c) => (c.id.startsWith('redundancy') || c.id === 'capacity' || c.id === 'ports') && !c.passed);
    expect(failing.map((c) => `${c.id}: ${c.message}`)).toEqual([]);
  });

  it('the bank: hub-spoke keeps its regional hubs as hubs, no hub over its ports, no site on three parallel circuits', () => {
    const { designs } = scenario('bank-5-continents.intent.json');
    const d = designs.find((x) => x.family === 'hub-spoke')!;
    const t = d.topology;
    const hubSites = new Set(t.nodes.filter((n) => n.role === 'hub').map((n) => n.site));
    for (const s of t.sites.filter((x) => x.role === 'region-hub')) expect(hubSites.has(s.id)).toBe(true);
    expect(d.validation.checks.find((c) => c.id === 'ports')?.passed).toBe(true);
    const perSite = new Map<string, number>();
    const site = new Map(t.nodes.map((n) => [n.id, n.site!]));
    for (const l of t.links) {
      if (site.get(l.source) === site.get(l.target)) continue;
      for (const end of [l.source, l.target]) if (t.nodes.find((n) => n.id === end)!.role === 'spoke') perSite.set(site.get(end)!, (perSite.get(site.get(end)!) ?? 0) + 1);
    }
    expect(Math.max(...perSite.values())).toBeLessThanOrEqual(2);
  });

  it('the bank: inter-region circuits are sized from the traffic model, with no blanket 100G floor', () => {
    const { designs } = scenario('bank-5-continents.intent.json');
    const links = interRegionLinks(designs.find((x) => x.family === 'hybrid')!.topology);
    expect(links.length).toBeGreaterThan(0);
    expect(Math.min(...links.map((l) => l.gbps))).toBeLessThan(100);
  });

  it('the cloud provider: 15 regions on a ring with chords, not 105 region pairs', () => {
    const { designs } = scenario('cloud-15-regions.intent.json');
    for (const family of ['hybrid', 'leaf-spine'] as const) {
      const links = interRegionLinks(designs.find((x) => x.family === family)!.topology);
      const pairs = new Set(links.map((l) => [l.a, l.b].sort().join('|')));
      expect(pairs.size, family).toBeGreaterThanOrEqual(15);
      expect(pairs.size, family).toBeLessThanOrEqual(25);
    }
  });

  it('the retail chain and the SD-WAN: hub-spoke meets STANDARD with its hubs at the HQ (a stack when one box lacks ports) and a spoke per store', () => {
    for (const file of ['retail-chain.intent.json', 'sdwan-20-branches.intent.json']) {
      const d = scenario(file).designs.find((x) => x.family === 'hub-spoke')!;
      expect(d.validation.redundancyAchieved, file).toBe('STANDARD');
      expect(d.validation.checks.find((c) => c.id === 'ports')?.passed, file).toBe(true);
      const hq = d.topology.sites.find((s) => s.role === 'hq')!.id;
      expect(new Set(d.topology.nodes.filter((n) => n.role === 'hub').map((n) => n.site)), file).toEqual(new Set([hq]));
      expect(d.topology.nodes.filter((n) => n.role === 'spoke').length, file).toBe(d.topology.sites.length - 1);
    }
  });
});
