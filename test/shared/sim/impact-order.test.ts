import { describe, expect, it } from 'vitest';
import { TopologySchema } from '../../../src-shared/model/topology';
import { findChains } from '../../../src-shared/sim/chains';
import { compileTopology } from '../../../src-shared/sim/csr';
import { chainGroupedOrder } from '../../../src-shared/sim/impact-order';
import { claimUnits } from '../../../src-shared/sim/job';
import { pendantForest } from '../../../src-shared/sim/pendant';
import { buildScenarios } from '../../../src-shared/sim/scenarios';

/** Two triangles of branch routers joined by chains of 1–3 routers, a pendant pair, a parallel link. */
function design() {
  const links: [string, string][] = [['a', 'b'], ['b', 'c'], ['c', 'a'], ['d', 'e'], ['e', 'f'], ['f', 'd'], ['a', 'x1'], ['x1', 'd'], ['b', 'y1'], ['y1', 'y2'], ['y2', 'y3'], ['y3', 'e'], ['c', 'z1'], ['z1', 'z2'], ['z2', 'f'], ['a', 'b'], ['f', 'p1'], ['p1', 'p2']];
  const ids = [...new Set(links.flat())];
  return TopologySchema.parse({ name: 'order', nodes: ids.map((id) => ({ id, name: id, role: 'router' })), links: links.map(([s, t], i) => ({ id: `l${i}`, source: s, target: t })) });
}

describe('chainGroupedOrder', () => {
  it("puts each chain's single failures side by side, each group starting a claimable unit, every other scenario a unit of its own", () => {
    const t = design();
    const g = compileTopology(t);
    const scenarios = buildScenarios(t, g, { classes: ['n1-links', 'n1-nodes', 'sites'] });
    const r = chainGroupedOrder(g, scenarios)!;
    expect([...r.order].sort((x, y) => x - y)).toEqual(scenarios.map((_, i) => i)); // a permutation
    const forest = pendantForest(g);
    const chains = findChains(forest.core);
    expect(chains.chains).toHaveLength(3);
    const coreLinkOf = new Map<number, number>();
    forest.coreLinks.forEach((e, j) => coreLinkOf.set(e, j));
    const chainOf = (i: number): number => {
      const s = scenarios[i]!;
      if (s.nodes.length + s.links.length !== 1) return -1;
      if (s.links.length === 1) return coreLinkOf.has(s.links[0]!) ? chains.chainOfLink[coreLinkOf.get(s.links[0]!)!]! : -1;
      return forest.isCore[s.nodes[0]!] === 1 ? chains.chainOfNode[forest.coreIndex[s.nodes[0]!]!]! : -1;
    };
    const groups = [...r.order].map(chainOf);
    // Chains first, each contiguous with 2k + 1 scenarios (k + 1 links, k routers), then the rest.
    const seen: number[] = [];
    groups.forEach((c, p) => {
      if (c >= 0 && (p === 0 || groups[p - 1] !== c)) seen.push(c);
      if (p > 0 && groups[p - 1]! < 0) expect(c, `position ${p}: a chain after the rest`).toBe(-1);
    });
    expect(seen.sort()).toEqual([0, 1, 2]);
    for (let c = 0; c < 3; c++) expect(groups.filter((x) => x === c)).toHaveLength(2 * chains.chains[c]!.nodes.length + 1);
    // Units claimed with these cuts never split a chain's group, whatever the unit size.
    for (const size of [1, 2, 5, 64]) {
      const units = claimUnits(scenarios.length, size, r.cuts);
      for (let k = 1; k < units.length - 1; k++) {
        const p = units[k]!;
        expect(groups[p - 1]! >= 0 && groups[p - 1] === groups[p], `unit boundary ${p} inside chain ${groups[p]}`).toBe(false);
      }
    }
  });

  it('keeps the design order (null) when no scenario lies on a chain', () => {
    const t = TopologySchema.parse({
      name: 'mesh',
      nodes: ['a', 'b', 'c', 'd'].map((id) => ({ id, name: id, role: 'router' })),
      links: [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'a'], ['a', 'c'], ['b', 'd']].map(([s, d], i) => ({ id: `l${i}`, source: s, target: d })),
    });
    const g = compileTopology(t);
    expect(chainGroupedOrder(g, buildScenarios(t, g, { classes: ['n1-links', 'n1-nodes'] }))).toBeNull();
  });
});
