import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFamily as buildTopology, familyNotApplicable } from '../../../src-shared/generate/generate';
import { CORE_SITE_ROLES } from '../../../src-shared/generate/applicability';
import { planDcFabric } from '../../../src-shared/generate/dc-fabric';
import { greatCircleKm } from '../../../src-shared/generate/geo';
import type { Intent } from '../../../src-shared/model/intent';
import type { Family, Topology } from '../../../src-shared/model/topology';
import { compileTopology } from '../../../src-shared/sim/csr';
import { findBridgesAndArticulationPoints } from '../../../src-shared/sim/connectivity';
import { adjacency, byRole, hopsTo, intents, seeds } from './arbitraries';

const RUNS = 60;
/** Over random intents for which every family named applies (a family not applicable is not built). */
const prop = (families: Family[], body: (intent: Intent, seed: number) => void): void =>
  fc.assert(
    fc.property(intents, seeds, (intent, seed) => {
      fc.pre(families.every((f) => familyNotApplicable(intent, f, seed) === null));
      body(intent, seed);
    }),
    { numRuns: RUNS },
  );
const siteRole = (t: Topology): Map<string, string> => {
  const bySite = new Map(t.sites.map((s) => [s.id, s.role]));
  return new Map(t.nodes.map((d) => [d.id, bySite.get(d.site!)!]));
};

describe('family structure', () => {
  it('hub-spoke: hubs only at the main site and region hubs; a spoke links only to hubs, once (twice for an HQ, DC or region hub)', () => {
    prop(['hub-spoke'], (intent, seed) => {
      const t = buildTopology(intent, 'hub-spoke', seed);
      const where = siteRole(t);
      const role = new Map(t.nodes.map((d) => [d.id, d.role]));
      const hubSites = new Set(byRole(t, 'hub').map((h) => h.site));
      for (const h of byRole(t, 'hub')) expect(CORE_SITE_ROLES).toContain(where.get(h.id));
      for (const s of t.sites) if (s.role === 'region-hub') expect(hubSites.has(s.id)).toBe(true);
      const adj = adjacency(t);
      for (const sp of byRole(t, 'spoke')) {
        for (const n of adj.get(sp.id)!) expect(role.get(n)).toBe('hub');
        const important = ['hq', 'datacenter', 'region-hub'].includes(where.get(sp.id)!) && intent.redundancy !== 'NONE';
        // Two sites: the lone spoke's circuits are also the hub site's only way out, so they may be doubled.
        if (t.sites.length > 2) expect(adj.get(sp.id)).toHaveLength(important ? 2 : 1);
        else expect(adj.get(sp.id)!.length).toBeLessThanOrEqual(2);
      }
    });
  });

  it('dual-hub: hub devices at two core-capable sites at most; every spoke site reaches both sides in one hop, three hub devices for CRITICAL with two hub sites', () => {
    prop(['dual-hub'], (intent, seed) => {
      const t = buildTopology(intent, 'dual-hub', seed);
      const where = siteRole(t);
      const hubs = byRole(t, 'hub');
      const hubSite = new Map(hubs.map((h) => [h.id, h.site!]));
      for (const h of hubs) expect(CORE_SITE_ROLES).toContain(where.get(h.id));
      const sides = new Set(hubs.map((h) => h.site));
      expect(sides.size).toBeLessThanOrEqual(2);
      const adj = adjacency(t);
      const spokeSites = new Map<string, Set<string>>();
      for (const sp of byRole(t, 'spoke')) {
        for (const n of adj.get(sp.id)!) {
          if (!hubSite.has(n)) continue;
          spokeSites.set(sp.site!, new Set([...(spokeSites.get(sp.site!) ?? []), n]));
        }
      }
      for (const [, reached] of spokeSites) {
        if (sides.size === 2) expect(new Set([...reached].map((h) => hubSite.get(h))).size).toBe(2);
        if (intent.redundancy === 'CRITICAL' && sides.size === 2) expect(reached.size).toBeGreaterThanOrEqual(3);
      }
    });
  });

  it('tree: access links only to distribution, distribution only to core or access; every access is two hops from a core', () => {
    prop(['tree'], (intent, seed) => {
      const t = buildTopology(intent, 'tree', seed);
      const role = new Map(t.nodes.map((d) => [d.id, d.role]));
      const adj = adjacency(t);
      expect(byRole(t, 'access')).toHaveLength(t.sites.length);
      for (const [id, ns] of adj) {
        const mine = role.get(id);
        const allowed = mine === 'access' ? ['distribution'] : mine === 'distribution' ? ['core', 'access'] : ['core', 'distribution'];
        for (const n of ns) expect(allowed).toContain(role.get(n));
      }
      for (const a of byRole(t, 'access')) expect(hopsTo(adj, a.id, (id) => role.get(id) === 'core')).toBe(2);
    });
  });

  it('leaf-spine: a fabric inside each datacenter / colo whose spine layer carries the site demand; leaves only to spines of their site', () => {
    prop(['leaf-spine'], (intent, seed) => {
      const t = buildTopology(intent, 'leaf-spine', seed);
      const role = new Map(t.nodes.map((d) => [d.id, d.role]));
      const site = new Map(t.nodes.map((d) => [d.id, d.site]));
      for (const d of t.nodes) expect(['leaf', 'spine', 'super-spine']).toContain(d.role);
      const adj = adjacency(t);
      for (const s of t.sites) {
        const plan = planDcFabric(s, intent);
        const leaves = t.nodes.filter((d) => d.site === s.id && d.role === 'leaf');
        expect(leaves).toHaveLength(plan.leaves);
        expect(plan.fabricGbps).toBeGreaterThanOrEqual(plan.demandGbps - 1e-9);
        for (const leaf of leaves) {
          const up = adj.get(leaf.id)!;
          expect(up).toHaveLength(plan.uplinksPerLeaf);
          for (const n of up) {
            expect(role.get(n)).toBe('spine');
            expect(site.get(n)).toBe(s.id);
          }
        }
      }
      for (const l of t.links) {
        if (site.get(l.source) !== site.get(l.target)) expect(role.get(l.source)).not.toBe('leaf');
      }
    });
  });

  it('ring and dual ring: one router per site, degree 2 (4), and 2-connected from three sites up', () => {
    prop(['ring', 'dual-ring'], (intent, seed) => {
      for (const [family, degree] of [['ring', 2], ['dual-ring', 4]] as const) {
        const t = buildTopology(intent, family, seed);
        expect(t.nodes).toHaveLength(t.sites.length);
        if (t.sites.length < 3) continue;
        for (const ns of adjacency(t).values()) expect(ns).toHaveLength(degree);
        const { bridges, articulationPoints } = findBridgesAndArticulationPoints(compileTopology(t));
        expect(bridges).toEqual([]);
        expect(articulationPoints).toEqual([]);
      }
    });
  });

  it('partial mesh: every site is linked to its nearest other site', () => {
    prop(['partial-mesh'], (intent, seed) => {
      const t = buildTopology(intent, 'partial-mesh', seed);
      const adj = adjacency(t);
      const at = new Map(t.sites.map((s) => [s.id, s]));
      for (const d of t.nodes) {
        const me = at.get(d.site!)!;
        let best = Infinity;
        for (const o of t.nodes) {
          if (o.id === d.id) continue;
          const s = at.get(o.site!)!;
          best = Math.min(best, greatCircleKm(me.lat!, me.lon!, s.lat!, s.lon!));
        }
        const linked = adj.get(d.id)!.map((n) => {
          const s = at.get(t.nodes.find((x) => x.id === n)!.site!)!;
          return greatCircleKm(me.lat!, me.lon!, s.lat!, s.lon!);
        });
        if (t.nodes.length > 1) expect(Math.min(...linked)).toBeCloseTo(best, 6);
      }
    });
  });

  it('full mesh: exactly one link between every pair of sites', () => {
    prop(['full-mesh'], (intent, seed) => {
      const t = buildTopology(intent, 'full-mesh', seed);
      const n = t.nodes.length;
      expect(t.links).toHaveLength((n * (n - 1)) / 2);
      const pairs = new Set(t.links.map((l) => [l.source, l.target].sort().join('|')));
      expect(pairs.size).toBe(t.links.length);
    });
  });

  it('hybrid: cores only at HQ, DC, region-hub or colo sites; edges link only to cores or aggregation, within two hops of a core', () => {
    prop(['hybrid'], (intent, seed) => {
      const t = buildTopology(intent, 'hybrid', seed);
      const where = siteRole(t);
      const role = new Map(t.nodes.map((d) => [d.id, d.role]));
      const adj = adjacency(t);
      for (const c of byRole(t, 'core')) expect(CORE_SITE_ROLES).toContain(where.get(c.id));
      for (const e of byRole(t, 'edge')) {
        for (const n of adj.get(e.id)!) expect(['core', 'distribution']).toContain(role.get(n));
        expect(hopsTo(adj, e.id, (id) => role.get(id) === 'core')).toBeLessThanOrEqual(2);
      }
      for (const dc of t.sites.filter((s) => s.role === 'datacenter')) {
        const inDc = t.nodes.filter((d) => d.site === dc.id);
        expect(inDc.some((d) => d.role === 'spine' || d.role === 'super-spine')).toBe(true);
        expect(inDc.some((d) => d.role === 'leaf')).toBe(true);
      }
    });
  });
});
