import { describe, expect, it } from 'vitest';
import {
  calibrate,
  calibratedCost,
  calibratedValue,
  factorInWords,
  logRatioInterval,
  MIN_CALIBRATION_DESIGNS,
  rateRatioInterval,
  t975,
  type OutcomeRow,
} from '../../../src-shared/learn/calibration';
import { annuityFactor } from '../../../src-shared/cost/cost';

const row = (topologyId: string, metric: string, predicted: number | null, actual: number, source = 'invoices.csv'): OutcomeRow => ({
  topologyId, metric, predicted, actual, source,
});

describe('calibration from measured outcomes', () => {
  it('t quantiles match the table and the expansion beyond it (R qt(0.975, df))', () => {
    expect(t975(1)).toBeCloseTo(12.7062, 4);
    expect(t975(4)).toBeCloseTo(2.7764, 4);
    expect(t975(30)).toBeCloseTo(2.0423, 4);
    expect(t975(40)).toBeCloseTo(2.0211, 4);
    expect(t975(100)).toBeCloseTo(1.9840, 4);
    expect(() => t975(0)).toThrow(RangeError);
  });

  it('circuits 17 % above the price book: geometric mean ratio and t-interval on hand-computed figures', () => {
    // Five designs, price book 1,000 USD a month each; invoices 1,100 / 1,200 / 1,150 / 1,250 / 1,180.
    // By hand (logs of the ratios): mean 0.16122, sd 0.05258, t(4) = 2.7764 →
    // factor e^0.16122 = 1.17493, interval e^(0.16122 ∓ 0.06528) = 1.10736 … 1.24663.
    const rows = ['a', 'b', 'c', 'd', 'e'].map((id, i) => row(id, 'circuitsMonthlyUsd', 1000, [1100, 1200, 1150, 1250, 1180][i]!));
    const [c] = calibrate(rows, new Map([['a', 'Retail WAN']]));
    expect(c!.metric).toBe('circuitsMonthlyUsd');
    expect(c!.method).toBe('log-ratio-t');
    expect(c!.designs).toBe(5);
    expect(c!.moreNeeded).toBe(0);
    expect(c!.factor).toBeCloseTo(1.174932, 5);
    expect(c!.interval!.low).toBeCloseTo(1.107359, 5);
    expect(c!.interval!.high).toBeCloseTo(1.246629, 5);
    expect(c!.statement).toBe("this organisation's circuits cost 17 % above the price book (95 % interval 11–25 % above, 5 designs)");
    expect(c!.evidence.map((e) => e.designName)).toEqual(['Retail WAN', 'b', 'c', 'd', 'e']);
    expect(c!.evidence[0]!.ratio).toBeCloseTo(1.1, 12);
  });

  it('a design measured several times counts once (its rows averaged), and an interval straddling 1 says so', () => {
    // Designs' ratios 0.9, 1.0, 1.2, 0.8 — the first from two invoices (850 and 950 against 1,000).
    // By hand: factor 0.96411, t(3) interval 0.73323 … 1.26770.
    const rows = [
      row('a', 'mrcUsd', 1000, 850), row('a', 'mrcUsd', 1000, 950),
      row('b', 'mrcUsd', 500, 500), row('c', 'mrcUsd', 2000, 2400), row('d', 'mrcUsd', 100, 80),
    ];
    const [c] = calibrate(rows);
    expect(c!.designs).toBe(4);
    expect(c!.evidence[0]!.rows).toBe(2);
    expect(c!.factor).toBeCloseTo(0.964114, 5);
    expect(c!.interval!.low).toBeCloseTo(0.733228, 5);
    expect(c!.interval!.high).toBeCloseTo(1.267704, 5);
    expect(c!.statement).toContain('4 % below the price book (95 % interval 27 % below to 27 % above, 4 designs)');
  });

  it('too few designs: no number, says how many more are needed', () => {
    const rows = [row('a', 'latencyMs', 20, 25), row('a', 'latencyMs', 20, 27), row('b', 'latencyMs', 30, 33)];
    const [c] = calibrate(rows);
    expect(c!.designs).toBe(2);
    expect(c!.factor).toBeNull();
    expect(c!.interval).toBeNull();
    expect(c!.moreNeeded).toBe(MIN_CALIBRATION_DESIGNS - 2);
    expect(c!.statement).toBe('p95 latency: 2 designs with measured and predicted figures; 2 more needed before a correction factor is stated (at least 4).');
    expect(calibratedValue(100, c!)).toBeNull();
  });

  it('rows without a prediction or with a zero are left out and named, and do not count towards the minimum', () => {
    const rows = [
      row('a', 'utilisation', 0.5, 0.6), row('b', 'utilisation', 0.4, 0.5), row('c', 'utilisation', 0.3, 0.3),
      row('d', 'utilisation', null, 0.7), row('e', 'utilisation', 0.2, 0),
    ];
    const [c] = calibrate(rows);
    expect(c!.designs).toBe(3);
    expect(c!.moreNeeded).toBe(1);
    expect(c!.excluded.map((x) => [x.designId, x.reason])).toEqual([
      ['d', 'no prediction stored with its measurements'],
      ['e', 'a measured figure of 0 has no ratio'],
    ]);
  });

  it('incidents: rate ratio of totals (zeros allowed) with a seeded bootstrap interval that contains it', () => {
    const rows = [row('a', 'incidents', 2, 3), row('b', 'incidents', 1, 0), row('c', 'incidents', 4, 6), row('d', 'incidents', 3, 5)];
    const [c] = calibrate(rows);
    expect(c!.method).toBe('rate-ratio-bootstrap');
    expect(c!.designs).toBe(4); // the design with no incident counts: a rate can be zero
    expect(c!.factor).toBeCloseTo(14 / 10, 12);
    expect(c!.interval!.low).toBeLessThan(1.4);
    expect(c!.interval!.high).toBeGreaterThan(1.4);
    expect(c!.interval!.low).toBeGreaterThanOrEqual(0);
    // The same evidence gives the same interval; identical ratios collapse it.
    expect(calibrate(rows)[0]!.interval).toEqual(c!.interval);
    const same = rateRatioInterval([{ measured: 2, predicted: 1 }, { measured: 4, predicted: 2 }, { measured: 6, predicted: 3 }], 7);
    expect(same.factor).toBe(2);
    expect(same.interval.low).toBeCloseTo(2, 12);
    expect(same.interval.high).toBeCloseTo(2, 12);
  });

  it('a single metric per calibration; metrics this version does not know are not guessed at', () => {
    const rows = [row('a', 'capexUsd', 100, 110), row('a', 'jitterMs', 1, 2)];
    expect(calibrate(rows).map((c) => c.metric)).toEqual(['capexUsd']);
  });

  it('identical ratios give a zero-width interval; words for "the same"', () => {
    const r = logRatioInterval([1, 1, 1, 1]);
    expect(r).toEqual({ factor: 1, interval: { low: 1, high: 1 } });
    expect(factorInWords('latencyMs', 1.001, { low: 0.99, high: 1.01 }, 4)).toBe(
      "this organisation's measured p95 latency is the same as the twin's prediction (95 % interval 1 % below to 1 % above, 4 designs)",
    );
  });

  it('a cost with factors applied: capex and monthly recomputed into the TCO, the monthly factor not stacked on circuits', () => {
    const cost = { capexUsd: 100_000, mrcUsd: 5_000, monthly: { circuitsUsd: 3_000, supportUsd: 2_000, colocationUsd: 0, fibreMaintenanceUsd: 0 }, termYears: 5, discountRatePct: 8 };
    const annual = 12 * annuityFactor(5, 8);
    const circuits = { factor: 1.2, interval: { low: 1.1, high: 1.3 } };
    const c1 = calibratedCost(cost, { circuitsMonthlyUsd: circuits })!;
    expect(c1.applied).toEqual(['circuits']);
    expect(c1.mrcUsd.value).toBeCloseTo(5_600, 9); // 2,000 + 3,000 × 1.2
    expect(c1.mrcUsd.low).toBeCloseTo(5_300, 9);
    expect(c1.totalUsd.value).toBeCloseTo(100_000 + 5_600 * annual, 6);
    expect(c1.capexUsd.value).toBe(100_000);
    const c2 = calibratedCost(cost, { circuitsMonthlyUsd: circuits, mrcUsd: { factor: 1.1, interval: { low: 1, high: 1.2 } }, capexUsd: { factor: 0.9, interval: { low: 0.8, high: 1 } } })!;
    expect(c2.applied).toEqual(['capex', 'monthly recurring']);
    expect(c2.mrcUsd.value).toBeCloseTo(5_500, 9);
    expect(c2.totalUsd.low).toBeCloseTo(80_000 + 5_000 * annual, 6);
    expect(c2.totalUsd.high).toBeCloseTo(100_000 + 6_000 * annual, 6);
    expect(calibratedCost(cost, { capexUsd: { factor: null, interval: null } })).toBeNull();
  });
});
