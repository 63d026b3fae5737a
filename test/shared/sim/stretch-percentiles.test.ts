import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentiles, percentilesBySelection, percentilesOfRuns } from '../../../src-shared/sim/stretch-percentiles';

/**
 * The impact sweep finds a scenario's stretch p50 and p95 by selection
 * instead of sorting every changed ratio. An order statistic is one value
 * whatever the order of ties, so the figures must equal the sort's exactly:
 * few and many ratios (quickselect's partitions beyond 16), ties, ratios
 * below and above 1, and implicit ones placed between them.
 */
describe('stretch percentiles by selection', () => {
  const ratio = fc.oneof(
    fc.constantFrom(0.5, 0.9, 1.25, 2, 3.5, 1e-3, 1e6),
    fc.double({ min: 0.01, max: 50, noNaN: true }),
    fc.integer({ min: 1, max: 8 }).map((k) => 1 + k / 8),
  );

  it('equals the sorted nearest rank, every field, Object.is', () => {
    fc.assert(
      fc.property(fc.array(ratio, { maxLength: 3000, size: 'max' }), fc.nat(400), (values, ones) => {
        const buf = new Float64Array(values.length + 7).fill(123); // beyond count: never read
        buf.set(values);
        const got = percentilesBySelection(buf, values.length, ones);
        const want = percentiles(values, ones);
        expect(Object.is(got.p50, want.p50) && Object.is(got.p95, want.p95) && Object.is(got.max, want.max), JSON.stringify({ got, want })).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps the values it was given (only their order changes)', () => {
    const values = Array.from({ length: 1000 }, (_, i) => ((i * 7919) % 1000) / 100 + 0.005);
    const buf = Float64Array.from(values);
    percentilesBySelection(buf, buf.length, 30);
    expect([...buf].sort((a, b) => a - b)).toEqual([...values].sort((a, b) => a - b));
  });

  it('known cases: implicit ones between the ratios below and above 1', () => {
    const f = (v: number[], ones: number): { p50: number; p95: number; max: number } => percentilesBySelection(Float64Array.from(v), v.length, ones);
    expect(f([], 0)).toEqual({ p50: 1, p95: 1, max: 1 });
    expect(f([2, 3], 18)).toEqual({ p50: 1, p95: 2, max: 3 });
    expect(f([10, 0.25, 9, 0.5], 6)).toEqual({ p50: 1, p95: 10, max: 10 });
    expect(f([10, 0.25, 9, 0.5], 0)).toEqual({ p50: 0.5, p95: 10, max: 10 });
    expect(f([0.5, 0.25], 0)).toEqual({ p50: 0.25, p95: 0.5, max: 1 });
  });
});

/**
 * A chain's failures share most of their changed ratios (impact-chains.ts):
 * those are kept as sorted runs and counted, not copied into each scenario's
 * buffer. The figures must be the sort's of everything together, exactly.
 */
describe('stretch percentiles over sorted runs', () => {
  const ratio = fc.oneof(fc.constantFrom(0.5, 0.9, 1, 1.25, 2, 3.5), fc.double({ min: 0.01, max: 50, noNaN: true }), fc.integer({ min: 1, max: 8 }).map((k) => 1 + k / 8));
  it('equals the sorted nearest rank of runs, own values and ones together, Object.is', () => {
    fc.assert(
      fc.property(fc.array(fc.array(ratio, { maxLength: 400 }), { maxLength: 6 }), fc.array(ratio, { maxLength: 400 }), fc.nat(300), (runs, own, ones) => {
        const sorted = runs.map((r) => Float64Array.from(r).sort());
        const buf = new Float64Array(own.length + 5).fill(-7); // beyond count: never read
        buf.set(own);
        const got = percentilesOfRuns(sorted, buf, own.length, ones);
        const want = percentiles([...runs.flat(), ...own], ones);
        expect(Object.is(got.p50, want.p50) && Object.is(got.p95, want.p95) && Object.is(got.max, want.max), JSON.stringify({ got, want })).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('known cases: the ones between runs below and above 1, empty runs', () => {
    const f = (runs: number[][], own: number[], ones: number): { p50: number; p95: number; max: number } => percentilesOfRuns(runs.map((r) => Float64Array.from(r)), Float64Array.from(own), own.length, ones);
    expect(f([[]], [], 0)).toEqual({ p50: 1, p95: 1, max: 1 });
    expect(f([[2, 3]], [], 18)).toEqual({ p50: 1, p95: 2, max: 3 });
    expect(f([[0.25, 10]], [9, 0.5], 6)).toEqual({ p50: 1, p95: 10, max: 10 });
    expect(f([[0.25], [0.5]], [], 0)).toEqual({ p50: 0.25, p95: 0.5, max: 1 });
    expect(f([[1.5, 1.5, 1.5], [1.5]], [0.5], 0)).toEqual({ p50: 1.5, p95: 1.5, max: 1.5 });
  });
});
