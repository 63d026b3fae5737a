import { describe, expect, it } from 'vitest';
import { dominates, paretoFront, scale } from '../../src-renderer/features/options/pareto';

describe('Pareto front over cost, availability and latency', () => {
  const p = (id: string, costUsd: number, availability: number, latencyMs: number) => ({ id, costUsd, availability, latencyMs });

  it('keeps exactly the undominated options', () => {
    const pts = [p('cheap', 100, 0.99, 10), p('robust', 300, 0.9999, 10), p('worse', 320, 0.999, 12), p('fast', 400, 0.999, 2)];
    expect(dominates(pts[1]!, pts[2]!)).toBe(true);
    expect([...paretoFront(pts)].sort()).toEqual(['cheap', 'fast', 'robust']);
  });

  it('equal points do not dominate each other', () => {
    const pts = [p('a', 1, 0.9, 1), p('b', 1, 0.9, 1)];
    expect([...paretoFront(pts)].sort()).toEqual(['a', 'b']);
  });

  it('scale maps the domain onto the range and survives a flat domain', () => {
    expect(scale([0, 10], 0, 100)(5)).toBeCloseTo(50);
    expect(scale([0, 10], 0, 100)(0)).toBeGreaterThan(0); // margin: off the axis
    expect(scale([0, 10], 0, 100)(10)).toBeLessThan(100);
    expect(scale([3, 3], 0, 100)(3)).toBeCloseTo(50);
  });
});
