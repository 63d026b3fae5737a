import { describe, expect, it } from 'vitest';
import { compileTopology } from '../../../src-shared/sim/csr';
import { connectedComponents, findBridgesAndArticulationPoints } from '../../../src-shared/sim/connectivity';
import { topo } from './helpers';

describe('compileTopology', () => {
  it('drops self-loops and keeps parallel links as separate slots', () => {
    const g = compileTopology(topo(3, [[0, 1], [1, 1], [1, 2], [1, 2]]));
    expect(g.linkIds).toEqual(['e0', 'e2', 'e3']);
    expect([...g.offsets]).toEqual([0, 1, 4, 6]);
    expect([...g.targets.slice(1, 4)]).toEqual([0, 2, 2]);
    expect([...g.edgeLink.slice(1, 4)]).toEqual([0, 1, 2]);
  });
});

describe('findBridgesAndArticulationPoints', () => {
  it('a path: every link a bridge, inner nodes cut nodes', () => {
    const r = findBridgesAndArticulationPoints(compileTopology(topo(4, [[0, 1], [1, 2], [2, 3]])));
    expect(r.bridges).toEqual([0, 1, 2]);
    expect(r.articulationPoints).toEqual([1, 2]);
  });
  it('a parallel twin is never a bridge', () => {
    const r = findBridgesAndArticulationPoints(compileTopology(topo(3, [[0, 1], [0, 1], [1, 2]])));
    expect(r.bridges).toEqual([2]);
    expect(r.articulationPoints).toEqual([1]);
  });
  it('two triangles sharing a node (bow tie)', () => {
    const r = findBridgesAndArticulationPoints(
      compileTopology(topo(5, [[0, 1], [1, 2], [2, 0], [2, 3], [3, 4], [4, 2]])),
    );
    expect(r.bridges).toEqual([]);
    expect(r.articulationPoints).toEqual([2]);
  });
  it('a root with two children is a cut node; isolated nodes are not', () => {
    const r = findBridgesAndArticulationPoints(compileTopology(topo(4, [[0, 1], [0, 2]])));
    expect(r.articulationPoints).toEqual([0]);
    expect(r.bridges).toEqual([0, 1]);
  });
});

describe('connectedComponents', () => {
  it('counts components with failures', () => {
    const g = compileTopology(topo(5, [[0, 1], [1, 2], [3, 4]]));
    expect(connectedComponents(g).count).toBe(2);
    const failedNodes = new Uint8Array(5);
    failedNodes[1] = 1;
    const r = connectedComponents(g, failedNodes);
    expect(r.count).toBe(3);
    expect(r.componentOf[1]).toBe(-1);
    const failedLinks = new Uint8Array(3);
    failedLinks[2] = 1;
    expect(connectedComponents(g, undefined, failedLinks).count).toBe(3);
  });
});
