import { describe, expect, it } from 'vitest';
import { applyElkLayout, spanningForest, toElkGraph } from '../../src-renderer/canvas/layout/elkGraph';
import { squareWithTail } from './fixtures';

describe('ELK graph', () => {
  it('radial gets a spanning tree (n - 1 links for a connected design), other algorithms every link', () => {
    const t = squareWithTail();
    expect(spanningForest(t)).toHaveLength(4);
    expect(toElkGraph(t, 'radial').edges).toHaveLength(4);
    expect(toElkGraph(t, 'layered').edges).toHaveLength(5);
    const ends = new Set(spanningForest(t).flatMap((l) => [l.source, l.target]));
    expect(ends.size).toBe(5);
  });

  it('pinned devices are fixed for ELK and never moved by a layout result', () => {
    const t = { ...squareWithTail() };
    t.nodes = t.nodes.map((n) => (n.id === 'a' ? { ...n, pinned: true, x: 500, y: 600 } : n));
    const g = toElkGraph(t, 'force');
    expect(g.children!.find((c) => c.id === 'a')!.layoutOptions).toMatchObject({ 'elk.noLayout': 'true' });
    const result = { id: 'root', children: t.nodes.map((n) => ({ id: n.id, x: 1, y: 2 })) };
    const positions = applyElkLayout(result, t);
    expect(positions.has('a')).toBe(false);
    expect(positions.get('b')).toEqual({ x: 1, y: 2 });
  });
});

describe('clustered layout of big designs', () => {
  it('boxes devices by site, merges links between sites, and grids members inside their box', async () => {
    const { clusterPlan, placeMembers } = await import('../../src-renderer/canvas/layout/clusters');
    const t = squareWithTail();
    const plan = clusterPlan(t, { 'elk.algorithm': 'layered' }, false);
    expect([...plan.members.keys()]).toEqual(['site:s1', 'site:s2']);
    expect(plan.members.get('site:s1')).toEqual(['a', 'b', 'c', 'd']); // cores before distribution
    expect(plan.graph.edges).toHaveLength(1); // d-e is the only link between sites
    const result = { id: 'root', children: [{ id: 'site:s1', x: 100, y: 0 }, { id: 'site:s2', x: 0, y: 500 }] };
    const pos = placeMembers(result, plan, new Set(['b']));
    expect(pos.get('a')).toEqual({ x: 110, y: 10 });
    expect(pos.get('c')).toEqual({ x: 110, y: 70 }); // second row of a 2-column grid
    expect(pos.has('b')).toBe(false); // pinned
    expect(pos.get('e')).toEqual({ x: 10, y: 510 });
  });
});

describe('shelf layout', () => {
  it('places every device, keeps devices of a site together and boxes apart', async () => {
    const { shelfLayout } = await import('../../src-renderer/canvas/layout/clusters');
    const t = squareWithTail();
    const pos = shelfLayout(t);
    expect([...pos.keys()].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    const s1 = ['a', 'b', 'c', 'd'].map((id) => pos.get(id)!);
    const e = pos.get('e')!;
    // e's site box starts past the right edge of s1's box, or below it.
    const right = Math.max(...s1.map((p) => p.x)) + 150;
    const bottom = Math.max(...s1.map((p) => p.y)) + 40;
    expect(e.x >= right || e.y >= bottom).toBe(true);
  });
});
