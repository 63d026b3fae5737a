import { describe, expect, it } from 'vitest';
import { TopologySchema } from '../../../src-shared/model/topology';
import { chainScenarioOrder, findChains } from '../../../src-shared/sim/chains';
import { compileTopology } from '../../../src-shared/sim/csr';
import { claimUnits } from '../../../src-shared/sim/job';
import { pendantForest } from '../../../src-shared/sim/pendant';

/** A ring of 6 rings of 9 routers joined by chords, with a pendant on each ring: chains of 4 and 5 interior routers. */
function rings() {
  const nodes = [];
  const links = [];
  for (let i = 0; i < 6; i++) {
    for (let j = 0; j < 9; j++) nodes.push({ id: `r${i}-${j}`, name: `r${i}-${j}`, role: 'router' });
    for (let j = 0; j < 9; j++) links.push({ id: `l${i}-${j}`, source: `r${i}-${j}`, target: `r${i}-${(j + 1) % 9}`, igpWeight: 1 + ((i + j) % 3) });
    links.push({ id: `x${i}`, source: `r${i}-0`, target: `r${(i + 1) % 6}-4`, igpWeight: 2 });
    nodes.push({ id: `p${i}`, name: `p${i}`, role: 'router' });
    links.push({ id: `pl${i}`, source: `p${i}`, target: `r${i}-0`, igpWeight: 1 });
  }
  return TopologySchema.parse({ name: 'rings', nodes, links });
}

describe('claimUnits', () => {
  it('cuts every `size` scenarios when nothing is grouped, covering each scenario once', () => {
    expect([...claimUnits(10, 4)]).toEqual([0, 4, 8, 10]);
    expect([...claimUnits(3, 16)]).toEqual([0, 3]);
    expect([...claimUnits(0, 16)]).toEqual([0, 0]);
  });

  it('begins units only at allowed cuts, about `size` long, never inside a group', () => {
    // Groups [0,5) [5,7) [7,20) then singles 20..24.
    const cuts = [5, 7, 20, 21, 22, 23, 24];
    expect([...claimUnits(25, 6, cuts)]).toEqual([0, 7, 20, 25]);
    expect([...claimUnits(25, 1, cuts)]).toEqual([0, 5, 7, 20, 21, 22, 23, 24, 25]);
  });
});

describe('chainScenarioOrder cuts', () => {
  it("keep each chain's link and node failures inside one claimed unit, whatever the unit size", () => {
    const g = compileTopology(rings());
    const forest = pendantForest(g);
    const { chains } = findChains(forest.core);
    expect(chains.length).toBeGreaterThanOrEqual(12);
    const { order, cuts } = chainScenarioOrder(g, forest.coreNodes, forest.coreLinks, chains);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: g.linkIds.length + g.nodeIds.length }, (_, i) => i));
    const m = g.linkIds.length;
    const pos = new Int32Array(order.length);
    order.forEach((sc, p) => (pos[sc] = p));
    for (const size of [1, 3, 7, 16, 64]) {
      const units = claimUnits(order.length, size, cuts);
      const unitOf = (p: number): number => {
        let k = 0;
        while (units[k + 1]! <= p) k++;
        return k;
      };
      for (const c of chains) {
        const members = [...Array.from(c.links, (e) => pos[forest.coreLinks[e]!]!), ...Array.from(c.nodes, (v) => pos[m + forest.coreNodes[v]!]!)];
        expect(new Set(members.map(unitOf)).size).toBe(1);
      }
    }
  });

  it('put the pendant-tree failures first, in one claimed unit, so one worker routes their fan tables', () => {
    const g = compileTopology(rings());
    const forest = pendantForest(g);
    const { order, cuts } = chainScenarioOrder(g, forest.coreNodes, forest.coreLinks, findChains(forest.core).chains);
    const m = g.linkIds.length;
    const inCore = new Set([...forest.coreLinks, ...Array.from(forest.coreNodes, (v) => m + v)]);
    const trees = order.length - inCore.size;
    expect(trees).toBe(12); // 6 pendant routers and their links
    for (let p = 0; p < order.length; p++) expect(inCore.has(order[p]!)).toBe(p >= trees);
    for (const size of [1, 3, 16]) expect(claimUnits(order.length, size, cuts)[1]).toBeGreaterThanOrEqual(trees);
  });
});
