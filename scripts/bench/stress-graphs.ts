/**
 * Stress graphs for `npm run bench:sim` (SYNTHETIC, built here, seeded):
 * shapes real networks have and generated designs lack.
 *
 * - chainHeavy: the shape of the Topology Zoo "Kdl" network (754 routers,
 *   899 links; the file is not in test/data nor ../shared, so its figures are
 *   reproduced, not its map): a sparse backbone of branch routers whose links
 *   are long chains of degree-2 routers, plus pendant access routers.
 * - ladder: two parallel chains with rungs (rail/motorway fibre routes):
 *   every node has degree 3 and almost every shortest path crosses many rungs.
 */
import { TopologySchema, type Topology } from '../../src-shared/model/topology';

function lcg(seed: number): (k: number) => number {
  let s = seed;
  return (k) => ((s = (s * 1103515245 + 12345) & 0x7fffffff), s % k);
}

type Node = { id: string; name: string; role: 'core' | 'distribution' | 'access' };
type Link = { id: string; source: string; target: string; igpWeight: number };

/** `branches` backbone routers, `chainNodes` degree-2 routers on their links, `pendants` access routers. */
export function chainHeavy(name: string, branches: number, skeletonLinks: number, chainNodes: number, pendants: number, seed = 3): Topology {
  const rand = lcg(seed);
  const nodes: Node[] = [];
  const links: Link[] = [];
  const link = (a: string, b: string): void => void links.push({ id: `e${links.length}`, source: a, target: b, igpWeight: 1 });
  for (let i = 0; i < branches; i++) nodes.push({ id: `b${i}`, name: `b${i}`, role: 'core' });
  // Backbone: a spanning tree between nearby branch routers, then extra links between near ones.
  const pairs: [number, number][] = [];
  for (let i = 1; i < branches; i++) pairs.push([i, Math.max(0, i - 1 - rand(4))]);
  while (pairs.length < skeletonLinks) {
    const a = rand(branches);
    const b = (a + 2 + rand(8)) % branches;
    if (a !== b) pairs.push([a, b]);
  }
  // Chain lengths: most short, a few very long (0..20 interior routers), summing to chainNodes.
  const lengths = new Array<number>(pairs.length).fill(0);
  for (let k = 0; k < chainNodes; k++) lengths[rand(3) === 0 ? rand(pairs.length) : rand(Math.ceil(pairs.length / 4))]!++;
  let x = 0;
  pairs.forEach(([a, b], j) => {
    let prev = `b${a}`;
    for (let k = 0; k < lengths[j]!; k++) {
      const id = `c${x++}`;
      nodes.push({ id, name: id, role: 'distribution' });
      link(prev, id);
      prev = id;
    }
    link(prev, `b${b}`);
  });
  const interior = nodes.length;
  for (let k = 0; k < pendants; k++) {
    const id = `p${k}`;
    const at = nodes[rand(2) === 0 ? rand(interior) : rand(nodes.length)]!.id;
    nodes.push({ id, name: id, role: 'access' });
    link(id, at);
  }
  return TopologySchema.parse({ name, nodes, links });
}

/** A ladder of `rungs` rungs (2·rungs routers, 3·rungs − 2 links), ends closed into a ring when `ring`. */
export function ladder(name: string, rungs: number, ring: boolean): Topology {
  const nodes: Node[] = [];
  const links: Link[] = [];
  const link = (a: string, b: string): void => void links.push({ id: `e${links.length}`, source: a, target: b, igpWeight: 1 });
  for (let i = 0; i < rungs; i++) {
    nodes.push({ id: `u${i}`, name: `u${i}`, role: 'core' }, { id: `d${i}`, name: `d${i}`, role: 'core' });
    link(`u${i}`, `d${i}`);
    if (i > 0) {
      link(`u${i - 1}`, `u${i}`);
      link(`d${i - 1}`, `d${i}`);
    }
  }
  if (ring) {
    link(`u${rungs - 1}`, `u0`);
    link(`d${rungs - 1}`, `d0`);
  }
  return TopologySchema.parse({ name, nodes, links });
}

/** Kdl's size and shape: 754 routers, 899 links, about 100 backbone routers. */
export const kdlLike = (): Topology => chainHeavy('chain-heavy 754/899 (Kdl-like)', 100, 245, 550, 104);
