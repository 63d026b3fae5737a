import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrationOf, compareWithVerified, summariseAccuracy, type MeasuredOption, type StatedOption } from '../../../src-shared/learn/accuracy';
import { parseIntent } from '../../../src-shared/model/intent';

const m = (costUsd: number, p95LatencyMs: number, availability: number) => ({ costUsd, p95LatencyMs, availability, downtimeMinPerYear: (1 - availability) * 525_600 });

describe('calibration of stated probabilities', () => {
  it('bins stated probabilities and gives the expected calibration error in points (hand-computed)', () => {
    // Bin 0.1–0.2: stated 0.1, 0.1 (mean 0.1), one of two happened (0.5) → |0.1 − 0.5| = 0.4, weight 2/5.
    // Bin 0.9–1.0: stated 0.9, 1.0, 0.95 (mean 0.95), all three happened → |0.95 − 1| = 0.05, weight 3/5.
    // ECE = 0.4 · 0.4 + 0.6 · 0.05 = 0.19 → 19 points.
    const c = calibrationOf([
      { stated: 0.1, happened: true },
      { stated: 0.1, happened: false },
      { stated: 0.9, happened: true },
      { stated: 1.0, happened: true },
      { stated: 0.95, happened: true },
    ]);
    expect(c.cases).toBe(5);
    expect(c.ecePoints).toBeCloseTo(19, 10);
    expect(c.bins).toHaveLength(10);
    expect(c.bins[1]).toEqual({ from: 0.1, to: 0.2, count: 2, meanStated: 0.1, observed: 0.5 });
    expect(c.bins[9]!.count).toBe(3);
    expect(c.bins[9]!.meanStated).toBeCloseTo(0.95, 12);
    expect(c.bins[9]!.observed).toBe(1);
    expect(c.bins[5]).toEqual({ from: 0.5, to: 0.6, count: 0, meanStated: null, observed: null });
  });

  it('a perfectly calibrated set has zero error; no cases have none', () => {
    const cases = [0, 0, 1, 1].map((h, i) => ({ stated: 0.55, happened: i % 2 === 0 }));
    expect(calibrationOf(cases).ecePoints).toBeCloseTo(5, 10); // stated 0.55, observed 0.5
    expect(calibrationOf([{ stated: 0.5, happened: true }, { stated: 0.5, happened: false }]).ecePoints).toBe(0);
    expect(calibrationOf([]).ecePoints).toBeNull();
  });
});

describe('instant against verified', () => {
  const verified: MeasuredOption[] = [
    { family: 'dual-hub', success: true, metrics: m(100, 20, 0.9999) },
    { family: 'tree', success: true, metrics: m(80, 25, 0.999) },
    { family: 'hub-spoke', success: false, metrics: m(50, 30, 0.99) },
  ];
  const stated = (family: StatedOption['family'], p: number, cost: number): StatedOption => ({
    family,
    successProbability: p,
    predicted: { costUsd: cost, p95LatencyMs: 22, availability: 0.9998 },
  });

  it('agreement, regret on the goal measure, and the error pairs (hand-computed)', () => {
    // Goal latency: verified best dual-hub (20 ms); instant picks tree (25 ms): regret (25 − 20) / 20 = 25 %.
    const c = compareWithVerified('latency', [stated('tree', 0.8, 88), stated('dual-hub', 0.6, 110), stated('hub-spoke', 0.3, 50)], verified);
    expect(c.agree).toBe(false);
    expect(c.regret).toBeCloseTo(0.25, 12);
    expect(c.cost).toEqual([{ predicted: 110, actual: 100 }, { predicted: 88, actual: 80 }, { predicted: 50, actual: 50 }]);
    expect(c.probabilities).toEqual([{ stated: 0.6, happened: true }, { stated: 0.8, happened: true }, { stated: 0.3, happened: false }]);
    const s = summariseAccuracy([c, compareWithVerified('latency', [stated('dual-hub', 0.9, 100)], verified)]);
    expect(s.top1Pct).toBe(50);
    expect(s.meanRegretPct).toBeCloseTo(12.5, 10);
    // Cost: |110−100|/100 = 10 %, |88−80|/80 = 10 %, 0, 0 → 5 %.
    expect(s.costMapePct).toBeCloseTo(5, 10);
    // Unavailability: predicted 2e-4 against 1e-4 (100 %), 1e-3 (80 %), 1e-2 (98 %), 1e-4 (100 %).
    expect(s.unavailabilityMapePct).toBeCloseTo((100 + 80 + 98 + 100) / 4, 8);
  });

  it('a pick that fails the intent is full regret; with no success there is none', () => {
    expect(compareWithVerified('cost', [stated('hub-spoke', 0.9, 50)], verified).regret).toBe(1);
    const none = verified.map((v) => ({ ...v, success: false }));
    const c = compareWithVerified('cost', [stated('hub-spoke', 0.9, 50)], none);
    expect(c.regret).toBe(0);
    expect(c.anySuccess).toBe(false);
  });
});

describe('the realistic intent set', () => {
  const dir = path.resolve('test', 'fixtures', 'intents', 'realistic');
  it('holds at least 20 valid intents of mixed classes, goals, budgets and limits', () => {
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.intent.json'));
    expect(files.length).toBeGreaterThanOrEqual(20);
    const intents = files.map((f) => {
      const r = parseIntent(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
      if (!r.ok) throw new Error(`${f}: ${r.problems.join('; ')}`);
      return r.intent;
    });
    expect(new Set(intents.map((i) => i.redundancy)).size).toBe(4);
    expect(new Set(intents.map((i) => i.goal)).size).toBe(4);
    expect(intents.filter((i) => i.budgetUsd !== undefined).length).toBeGreaterThanOrEqual(8);
    expect(intents.filter((i) => i.constraints.maxHops !== undefined).length).toBeGreaterThanOrEqual(8);
    expect(intents.filter((i) => i.constraints.maxLatencyMs !== undefined || i.constraints.latencyBudgets.length > 0).length).toBeGreaterThanOrEqual(6);
    // Real places: every intent names at least one explicit site with coordinates.
    for (const i of intents) expect(i.siteGroups.some((g) => g.sites?.some((s) => s.lat !== undefined))).toBe(true);
  });
});
