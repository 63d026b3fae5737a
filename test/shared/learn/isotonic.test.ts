import { describe, expect, it } from 'vitest';
import { applyIsotonic, fitIsotonic } from '../../../src-shared/learn/isotonic';

describe('isotonic regression (pool adjacent violators)', () => {
  it('pools violating neighbours and interpolates between block centres (hand-computed)', () => {
    // y = 1, 0, 0, 1 at x = 1..4: (1, 1) and (2, 0) pool to 0.5 at x 1.5; then (3, 0) pools to 1/3 at x 2; (4, 1) stays.
    const m = fitIsotonic([{ x: 1, y: 1 }, { x: 2, y: 0 }, { x: 3, y: 0 }, { x: 4, y: 1 }]);
    expect(m.xs).toEqual([2, 4]);
    expect(m.ys[0]).toBeCloseTo(1 / 3, 12);
    expect(m.ys[1]).toBe(1);
    expect(applyIsotonic(m, 3)).toBeCloseTo(2 / 3, 12);
    expect(applyIsotonic(m, 0)).toBeCloseTo(1 / 3, 12);
    expect(applyIsotonic(m, 9)).toBe(1);
  });

  it('keeps an already increasing sequence, pools ties in x, and is the identity when fitted on nothing', () => {
    const m = fitIsotonic([{ x: 0.2, y: 0 }, { x: 0.5, y: 0 }, { x: 0.5, y: 1 }, { x: 0.9, y: 1 }]);
    expect(m).toEqual({ xs: [0.2, 0.5, 0.9], ys: [0, 0.5, 1] });
    expect(applyIsotonic(fitIsotonic([]), 0.37)).toBe(0.37);
  });
});
