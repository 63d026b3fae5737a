import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFamily as buildTopology } from '../../../src-shared/generate/generate';
import { planFabric } from '../../../src-shared/generate/clos';
import { greatCircleKm } from '../../../src-shared/generate/geo';
import type { Intent } from '../../../src-shared/model/intent';
import { compileTopology } from '../../../src-shared/sim/csr';
import { findBridgesAndArticulationPoints } from '../../../src-shared/sim/connectivity';
import { adjacency, byRole, hopsTo, intents, seeds } from './arbitraries';

const RUNS = 60;
const prop = (body: (intent: Intent, seed: number) => void): void =>
  fc.assert(fc.property(intents, seeds, body), { numRuns: RUNS });

describe('family structure', () => {
  it('hub-spoke: one hub; every other device is a spoke linked only to the hub', () => {
    prop((intent, seed) => {
      const t = buildTopology(intent, 'hub-spoke', seed);
      const hubs = byRole(t, 'hub');
      expect(hubs).toHaveLength(1);
      const adj = adjacency(t);
      for (const s of byRole(t, 'spoke')) expect(new Set(adj.get(s.id))).toEqual(new Set([hubs[0]!.id]));
      expect(t.nodes).toHaveLength(t.sites.length);
    });
  });

  it('dual-hub: two hubs joined directly; every spoke reaches both hubs in one hop', () => {
    prop((intent, seed) => {
      const t = buildTopology(intent, 'dual-hub', seed);
      const hubs = byRole(t, 'hub').map((h) => h.id);
      expect(hubs).toHaveLength(2);
      const adj = adjacency(t);
      expect(adj.get(hubs[0]!)).toContain(hubs[1]);
      for (const s of byRole(t, 'spoke')) expect(new Set(adj.get(s.id))).toEqual(new Set(hubs));
    });
  });

  it('tree: access links only to distribution, distribution only to core or access; every access is two hops from a core', () => {
    prop((intent, seed) => {
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

  it('leaf-spine: leaves link only to spines of their pod and every leaf to every one of them; 5-stage only when leaves outgrow a spine', () => {
    prop((intent, seed) => {
      const t = buildTopology(intent, 'leaf-spine', seed);
      const role = new Map(t.nodes.map((d) => [d.id, d.role]));
      const adj = adjacency(t);
      const leaves = byRole(t, 'leaf');
      expect(leaves).toHaveLength(t.sites.length);
      const plan = planFabric(leaves.length, intent);
      expect(byRole(t, 'super-spine').length > 0).toBe(plan.stages === 5);
      // Pods: leaves sharing the same spine set; within it, complete bipartite.
      const pods = new Map<string, string[]>();
      for (const leaf of leaves) {
        const spines = adj.get(leaf.id)!;
        for (const s of spines) expect(role.get(s)).toBe('spine');
        expect(new Set(spines).size).toBe(spines.length);
        expect(spines).toHaveLength(plan.spinesPerPod);
        const key = [...spines].sort().join(',');
        pods.set(key, [...(pods.get(key) ?? []), leaf.id]);
      }
      expect(pods.size).toBe(plan.stages === 3 ? 1 : Math.min(plan.pods, Math.ceil(leaves.length / plan.leavesPerPod)));
      for (const [key, members] of pods) {
        for (const spine of key.split(',')) {
          const down = adj.get(spine)!.filter((n) => role.get(n) === 'leaf');
          expect(new Set(down)).toEqual(new Set(members));
        }
      }
      for (const sup of byRole(t, 'super-spine')) for (const n of adj.get(sup.id)!) expect(role.get(n)).toBe('spine');
    });
  });

  it('ring and dual ring: one router per site, degree 2 (4), and 2-connected from three sites up', () => {
    prop((intent, seed) => {
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
    prop((intent, seed) => {
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
    prop((intent, seed) => {
      const t = buildTopology(intent, 'full-mesh', seed);
      const n = t.nodes.length;
      expect(t.links).toHaveLength((n * (n - 1)) / 2);
      const pairs = new Set(t.links.map((l) => [l.source, l.target].sort().join('|')));
      expect(pairs.size).toBe(t.links.length);
    });
  });

  it('hybrid: every region has its core; edges link only to cores or aggregation, within two hops of a core', () => {
    prop((intent, seed) => {
      const t = buildTopology(intent, 'hybrid', seed);
      const role = new Map(t.nodes.map((d) => [d.id, d.role]));
      const adj = adjacency(t);
      const coreRegions = new Set(byRole(t, 'core').map((c) => c.region));
      for (const s of t.sites) expect(coreRegions.has(s.region)).toBe(true);
      for (const e of byRole(t, 'edge')) {
        for (const n of adj.get(e.id)!) expect(['core', 'distribution']).toContain(role.get(n));
        expect(hopsTo(adj, e.id, (id) => role.get(id) === 'core')).toBeLessThanOrEqual(2);
      }
      for (const dc of t.sites.filter((s) => s.role === 'datacenter')) {
        const inDc = t.nodes.filter((d) => d.site === dc.id);
        expect(inDc.some((d) => d.role === 'spine')).toBe(true);
        expect(inDc.some((d) => d.role === 'leaf')).toBe(true);
      }
    });
  });
});
