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
