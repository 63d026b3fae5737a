import { describe, expect, it } from 'vitest';
import { TopologySchema, type Topology } from '../../../src-shared/model/topology';
import { compileTopology } from '../../../src-shared/sim/csr';
import { analyzeThreads } from '../../../src-main/workers/sweep';

/** A closed ladder of `rungs` rungs: every router has degree 3, so no chains and no skeleton. */
function ladder(rungs: number): Topology {
  const nodes = [];
  const links = [];
  for (let i = 0; i < rungs; i++) {
    for (const side of ['a', 'b']) nodes.push({ id: `${side}${i}`, name: `${side}${i}`, role: 'router' });
    links.push({ id: `r${i}`, source: `a${i}`, target: `b${i}`, igpWeight: 1 });
    for (const side of ['a', 'b']) links.push({ id: `${side}l${i}`, source: `${side}${i}`, target: `${side}${(i + 1) % rungs}`, igpWeight: 1 + (i % 3) });
  }
  return TopologySchema.parse({ name: 'ladder', nodes, links });
}

/** One ring of 8 branch routers whose links are each a chain of `k` degree-2 routers; a pendant on each branch router. */
function chainRing(k: number): Topology {
  const nodes = [];
  const links = [];
  for (let i = 0; i < 8; i++) {
    nodes.push({ id: `b${i}`, name: `b${i}`, role: 'router' }, { id: `p${i}`, name: `p${i}`, role: 'router' });
    links.push({ id: `p${i}`, source: `p${i}`, target: `b${i}`, igpWeight: 1 }, { id: `x${i}`, source: `b${i}`, target: `b${(i + 3) % 8}`, igpWeight: 40 });
    let prev = `b${i}`;
    for (let j = 0; j < k; j++) {
      nodes.push({ id: `c${i}-${j}`, name: `c${i}-${j}`, role: 'router' });
      links.push({ id: `l${i}-${j}`, source: prev, target: `c${i}-${j}`, igpWeight: 1 });
      prev = `c${i}-${j}`;
    }
    links.push({ id: `l${i}-${k}`, source: prev, target: `b${(i + 1) % 8}`, igpWeight: 1 });
  }
  return TopologySchema.parse({ name: 'chain ring', nodes, links });
}

describe('analyzeThreads', () => {
  const big = compileTopology(ladder(300));

  it('uses every thread allowed on a large sweep without a skeleton, but never more than the cores spare', () => {
    expect(analyzeThreads(big, 2, 2)).toBe(2);
    expect(analyzeThreads(big, 8, 3)).toBe(3);
    expect(analyzeThreads(big, 2, 1)).toBe(1);
    expect(analyzeThreads(big, 1, 4)).toBe(1);
  });

  it('runs a small sweep on one thread', () => {
    expect(analyzeThreads(compileTopology(ladder(20)), 2, 2)).toBe(1);
  });

  it('on the skeleton, adds a thread only when half the shared work outweighs a worker start plus the setup it repeats', () => {
    // 8 chains, 16 branch-node/direct failures, 8 tree roots: the setup rivals the sweep, one thread.
    expect(analyzeThreads(compileTopology(chainRing(60)), 2, 2)).toBe(1);
  });
});
