import { mulberry32 } from '../../../src-shared/lib/rng';
import { TopologySchema, type Topology } from '../../../src-shared/model/topology';

/**
 * The real Topology Zoo Kdl is not the long-chain graph the chain path was
 * first measured on: 206 branch routers, 201 chains of 1–14 routers (most of
 * 1–3), 73 pendant routers. Graphs of that shape are built here — dozens of
 * branch routers in a sparse mesh, short chains, pendant trees, parallel
 * links, unequal weights, latencies and capacities — and the sweep job run in
 * the order the pool deals it (impact-order.ts), the job choosing the chain
 * path by itself; every field of every single failure is compared with the
 * per-destination repair (the general path). The capacities are set so that
 * many links sit near 100 %: overloadedLinks counts every link's load, not
 * only the largest.
 */
export function kdlShaped(seed: number, branch: number, longest = 3, halfWeights = false): Topology {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const nodes: number[] = Array.from({ length: branch }, (_, i) => i);
  let total = branch;
  const links: { a: number; b: number; w: number; lat: number; cap: number }[] = [];
  const add = (a: number, b: number): void => {
    const w = rnd() < 0.7 ? 1 : int(2, 4);
    links.push({ a, b, w: halfWeights && rnd() < 0.3 ? w + 0.5 : w, lat: 0.5 * int(1, 8), cap: [0.4, 0.6, 1, 2][int(0, 3)]! });
  };
  // A ring through the branch routers keeps them connected; chords make the mesh; each skeleton link is a chain of 0–3 routers.
  const join = (a: number, b: number): void => {
    let prev = a;
    const len = rnd() < 0.3 ? 0 : int(1, longest);
    for (let i = 0; i < len; i++) {
      nodes.push(total);
      add(prev, total);
      prev = total++;
    }
    add(prev, b);
  };
  for (let i = 0; i < branch; i++) join(i, (i + 1) % branch);
  for (let k = 0; k < branch; k++) join(int(0, branch - 1), int(0, branch - 1));
  // Parallel links between branch routers, and pendant trees (some two deep).
  for (let k = 0; k < 3; k++) {
    const a = int(0, branch - 1);
    add(a, (a + 1) % branch);
  }
  for (let k = 0; k < Math.floor(branch / 3); k++) {
    const at = int(0, total - 1);
    nodes.push(total);
    add(at, total++);
    if (rnd() < 0.4) {
      nodes.push(total);
      add(total - 1, total++);
      if (rnd() < 0.3) add(total - 2, (nodes.push(total), total++));
    }
  }
  return TopologySchema.parse({
    name: `kdl-shaped-${seed}`,
    nodes: nodes.map((i) => ({ id: `n${i}`, name: `n${i}`, role: 'router', ...(i % 5 === 0 ? { site: `s${i % 4}` } : {}) })),
    sites: [0, 1, 2, 3].map((s) => ({ id: `s${s}`, name: `site ${s}`, role: 'branch', region: 'r' })),
    links: links.filter((l) => l.a !== l.b).map((l, i) => ({ id: `e${i}`, source: `n${l.a}`, target: `n${l.b}`, igpWeight: l.w, latencyMs: l.lat, capacityGbps: l.cap })),
  });
}

