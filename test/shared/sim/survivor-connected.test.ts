import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDesign } from '../../../src-shared/generate/generate';
import { importGraphml } from '../../../src-shared/io/graphml';
import { mulberry32 } from '../../../src-shared/lib/rng';
import { IntentSchema } from '../../../src-shared/model/intent';
import type { Family } from '../../../src-shared/model/topology';
import { availability } from '../../../src-shared/sim/availability';
import { connectedComponents } from '../../../src-shared/sim/connectivity';
import { compileTopology, type CompiledGraph } from '../../../src-shared/sim/csr';
import { SurvivorConnectivity } from '../../../src-shared/sim/survivor-connected';
import { ZOO_DIR, zooFiles } from '../../helpers/data';
import { retailChain } from '../../helpers/retail-intents';
import { topo } from './helpers';

type Edge = [number, number];

/** Graphs of the shapes availability meets: trees, rings with chords, stars, dual-homed leaves, parallel links, meshes; some in two parts. */
function randomGraph(r: () => number, shape: number): { n: number; edges: Edge[] } {
  const n = 3 + Math.floor(r() * 38);
  const edges: Edge[] = [];
  const pick = (k: number): number => Math.floor(r() * k);
  if (shape === 0) for (let v = 1; v < n; v++) edges.push([pick(v), v]); // tree
  if (shape === 1) {
    for (let v = 0; v < n; v++) edges.push([v, (v + 1) % n]); // ring with chords
    for (let k = pick(4); k > 0; k--) edges.push([pick(n), pick(n)]);
  }
  if (shape === 2) for (let v = 1; v < n; v++) edges.push([0, v]); // star
  if (shape === 3) {
    // A core of 2–5 hubs in a ring, every other node dual- or single-homed.
    const hubs = Math.min(n - 1, 2 + pick(4));
    for (let h = 0; h < hubs; h++) edges.push([h, (h + 1) % hubs]);
    for (let v = hubs; v < n; v++) {
      edges.push([v, pick(hubs)]);
      if (r() < 0.7) edges.push([v, pick(hubs)]);
    }
  }
  if (shape === 4) {
    for (let v = 1; v < n; v++) edges.push([pick(v), v]); // a mesh: a tree plus random links, some parallel
    for (let k = pick(n); k > 0; k--) {
      const e: Edge = [pick(n), pick(n)];
      edges.push(e);
      if (r() < 0.2) edges.push([e[0], e[1]]);
    }
  }
  if (shape === 5) {
    // Two parts: the intact graph is not connected.
    const h = Math.max(1, Math.floor(n / 2));
    for (let v = 1; v < h; v++) edges.push([pick(v), v]);
    for (let v = h + 1; v < n; v++) edges.push([h + pick(v - h), v]);
  }
  return { n, edges: edges.filter(([a, b]) => a !== b) };
}

/** Same partition of the live nodes (failed nodes -1 in both). */
function samePartition(a: Int32Array, b: Int32Array): boolean {
  const ab = new Map<number, number>();
  const ba = new Map<number, number>();
  for (let v = 0; v < a.length; v++) {
    if ((a[v]! < 0) !== (b[v]! < 0)) return false;
    if (a[v]! < 0) continue;
    if ((ab.get(a[v]!) ?? b[v]!) !== b[v]! || (ba.get(b[v]!) ?? a[v]!) !== a[v]!) return false;
    ab.set(a[v]!, b[v]!);
    ba.set(b[v]!, a[v]!);
  }
  return true;
}

describe('survivor components near the failure (survivor-connected.ts)', () => {
  it('give the full count’s partition for random failures of 1–5 elements on 600 random graphs', () => {
    const r = mulberry32(20261207);
    const outcomes = { one: 0, split: 0, notAnswered: 0 };
    for (let trial = 0; trial < 600; trial++) {
      const { n, edges } = randomGraph(r, trial % 6);
      const g: CompiledGraph = compileTopology(topo(n, edges));
      const m = g.linkIds.length;
      const sc = new SurvivorConnectivity(g);
      expect(sc.baseConnected).toBe(connectedComponents(g).count === 1);
      for (let state = 0; state < 12; state++) {
        const failedNodes = new Uint8Array(n);
        const failedLinks = new Uint8Array(m);
        const nodeList: number[] = [];
        const linkList: number[] = [];
        for (let k = 1 + Math.floor(r() * 5); k > 0; k--) {
          if (r() < 0.4) {
            const v = Math.floor(r() * n);
            if (failedNodes[v] === 0) nodeList.push(v);
            failedNodes[v] = 1;
          } else if (m > 0) {
            const e = Math.floor(r() * m);
            if (failedLinks[e] === 0) linkList.push(e);
            failedLinks[e] = 1;
          }
        }
        const want = connectedComponents(g, failedNodes, failedLinks);
        const componentOf = new Int32Array(n).fill(-7);
        const got = sc.components(failedNodes, failedLinks, nodeList, linkList, componentOf);
        if (got === -1) {
          outcomes.notAnswered++;
          // Not answered only when the argument does not hold: the intact graph in parts, or no live node at a failure.
          const bordered = nodeList.some((x) => Array.from(g.targets.subarray(g.offsets[x], g.offsets[x + 1])).some((v) => failedNodes[v] === 0))
            || linkList.some((e) => failedNodes[g.linkSource[e]!] === 0 || failedNodes[g.linkTarget[e]!] === 0);
          expect(!sc.baseConnected || !bordered).toBe(true);
          continue;
        }
        expect(got, `trial ${trial} state ${state}`).toBe(want.count);
        if (got === 1) {
          outcomes.one++;
          continue;
        }
        outcomes.split++;
        expect(samePartition(componentOf, want.componentOf), `trial ${trial} state ${state}`).toBe(true);
      }
    }
    // Every branch is exercised: whole, split, and not answered.
    expect(outcomes.one).toBeGreaterThan(1000);
    expect(outcomes.split).toBeGreaterThan(1000);
    expect(outcomes.notAnswered).toBeGreaterThan(100);
  });

  it('leave the availability report unchanged: generated designs of every family and Topology Zoo networks, against the full count', () => {
    const designs = [];
    for (const [sites, cls] of [[60, 'HIGH'], [40, 'STANDARD'], [30, 'CRITICAL']] as const) {
      const intent = IntentSchema.parse(retailChain(sites, cls, 'cost'));
      for (const family of ['hub-spoke', 'dual-hub', 'tree', 'partial-mesh', 'hybrid', 'ring', 'dual-ring'] as Family[]) {
        try {
          designs.push(generateDesign(intent, family, 1).topology);
        } catch {
          // A family not applicable to these sites: the others are enough.
        }
      }
    }
    expect(designs.length).toBeGreaterThanOrEqual(15);
    const zoo = zooFiles().filter((_, i) => i % 12 === 0);
    expect(zoo.length).toBeGreaterThanOrEqual(20);
    for (const f of zoo) designs.push(importGraphml(fs.readFileSync(path.join(ZOO_DIR, f), 'utf8'), f).topology);
    let sampled = 0;
    for (const t of designs) {
      for (const seed of [1, 5]) {
        const fast = availability(t, { seed, samples: 2500 });
        const full = availability(t, { seed, samples: 2500, countInFull: true });
        expect(fast).toEqual(full);
        if (fast.method === 'monte-carlo') sampled++;
      }
    }
    // The shortcut runs on sampled states only: most of these must have been sampled.
    expect(sampled).toBeGreaterThan(40);
  });
});
