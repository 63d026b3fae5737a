import { describe, expect, it } from 'vitest';
import { fitGrowth, forecast, grow } from '../../../src-shared/traffic/growth';

describe('traffic growth', () => {
  it('applies stated linear and compound rules', () => {
    expect(grow(100, { kind: 'compound', pctPerPeriod: 10 }, 2)).toBeCloseTo(121, 9);
    expect(grow(100, { kind: 'linear', pctPerPeriod: 10 }, 2)).toBeCloseTo(120, 9);
    expect(grow(100, { kind: 'compound', pctPerPeriod: 50 }, 1)).toBeCloseTo(150, 9);
  });

  it('recovers an exact compound rate with a zero-width interval', () => {
    const fit = fitGrowth([10, 11, 12.1, 13.31])!;
    expect(fit.rate).toBeCloseTo(0.1, 9);
    expect(fit.interval![0]).toBeCloseTo(0.1, 6);
    expect(fit.interval![1]).toBeCloseTo(0.1, 6);
    expect(forecast(fit, 2).expected).toBeCloseTo(13.31 * 1.21, 6);
  });

  it('widens the interval with noisy periods and keeps the truth inside it', () => {
    const noise = [1.04, 0.97, 1.03, 0.95, 1.02, 0.99, 1.05, 0.96];
    const values = noise.map((f, i) => 50 * 1.05 ** i * f);
    const fit = fitGrowth(values)!;
    expect(fit.interval![0]).toBeLessThan(0.05);
    expect(fit.interval![1]).toBeGreaterThan(0.05);
    expect(fit.interval![1] - fit.interval![0]).toBeGreaterThan(0.005);
    const f = forecast(fit, 4);
    expect(f.low).toBeLessThan(f.expected);
    expect(f.high).toBeGreaterThan(f.expected);
  });

  it('needs two measured periods, and gives no interval from two', () => {
    expect(fitGrowth([5])).toBeNull();
    expect(fitGrowth([0, 5])).toBeNull();
    const two = fitGrowth([4, 5])!;
    expect(two.rate).toBeCloseTo(0.25, 9);
    expect(two.interval).toBeNull();
  });
});
