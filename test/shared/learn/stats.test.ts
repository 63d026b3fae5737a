import { describe, expect, it } from 'vitest';
import { mape, quantile, wilsonInterval } from '../../../src-shared/learn/stats';
import { fitRidge, predictRidge } from '../../../src-shared/learn/ridge';
import { paretoFront } from '../../../src-shared/learn/pareto';

describe('wilsonInterval', () => {
  it('is [0, 1] with no trials', () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });
  it('matches the textbook value for 19 of 20', () => {
    // Wilson 95 % for 19/20: 0.7639 – 0.9911 (e.g. Newcombe 1998, method 3).
    const w = wilsonInterval(19, 20);
    expect(w.low).toBeCloseTo(0.7639, 3);
    expect(w.high).toBeCloseTo(0.9911, 3);
  });
  it('stays inside [0, 1] at the extremes and narrows as n grows', () => {
    const none = wilsonInterval(0, 10);
    expect(none.low).toBe(0);
    expect(none.high).toBeGreaterThan(0.2);
    const all = wilsonInterval(10, 10);
    expect(all.high).toBe(1);
    expect(wilsonInterval(500, 1000).high - wilsonInterval(500, 1000).low).toBeLessThan(
      wilsonInterval(5, 10).high - wilsonInterval(5, 10).low,
    );
  });
  it('rejects impossible counts', () => {
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
  });
});

describe('ridge regression', () => {
  it('recovers an exact line with tiny regularisation', () => {
    const X = [[0], [1], [2], [3], [4]];
    const y = X.map(([x]) => 3 + 2 * x!);
    const m = fitRidge(X, y, 1e-9);
    expect(predictRidge(m, [10])).toBeCloseTo(23, 5);
  });
  it('shrinks the slope towards zero as lambda grows', () => {
    const X = [[0], [1], [2], [3]];
    const y = [0, 1, 2, 3];
    const slope = (lambda: number) => predictRidge(fitRidge(X, y, lambda), [1]) - predictRidge(fitRidge(X, y, lambda), [0]);
    expect(slope(0.001)).toBeCloseTo(1, 2);
    expect(slope(100)).toBeLessThan(0.1);
  });
});

describe('small helpers', () => {
  it('quantile interpolates like numpy', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([5], 0.95)).toBe(5);
  });
  it('mape is the mean relative error in percent', () => {
    expect(mape([{ predicted: 110, actual: 100 }, { predicted: 80, actual: 100 }])).toBeCloseTo(15);
  });
  it('pareto front drops dominated points only', () => {
    const pts = [[1, 5], [2, 2], [5, 1], [3, 3], [2, 2]];
    expect(paretoFront(pts, (p) => p)).toEqual([[1, 5], [2, 2], [5, 1], [2, 2]]);
  });
});
