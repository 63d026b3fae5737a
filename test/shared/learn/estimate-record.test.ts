import { describe, expect, it } from 'vitest';
import { estimateFamilies } from '../../../src-shared/learn/estimate';
import { estimateRecord, estimateRecordPending, measureEstimateRecord, RECORD_DESIGNS, rememberEstimateRecord } from '../../../src-shared/learn/estimate-record';
import { samplesForIntents } from '../../../src-shared/learn/history';
import { intentOfShape } from '../../../src-shared/learn/intents';
import type { LearningSample } from '../../../src-shared/learn/sample';

/** History's share of the analytic estimate: the verdict's record (Jeffreys) and the unsized cost residual. */
const history: LearningSample[] = samplesForIntents(
  [
    intentOfShape({ sites: 5, regions: 1, redundancy: 'HIGH', goal: 'cost', mix: 0 }),
    intentOfShape({ sites: 8, regions: 2, redundancy: 'STANDARD', goal: 'latency', mix: 1 }),
    { ...intentOfShape({ sites: 6, regions: 1, redundancy: 'HIGH', goal: 'cost', mix: 0 }), budgetUsd: 2_000_000 },
  ],
  { origin: 'bootstrap', softwareVersion: 'test', now: 0 },
);

describe('estimate record', () => {
  it('counts how often the estimate\u2019s verdict held on history\u2019s designs and states it by Jeffreys\u2019 rule', () => {
    expect(history.length).toBeGreaterThan(10);
    expect(history.length).toBeLessThanOrEqual(RECORD_DESIGNS);
    const r = estimateRecord(history);
    expect(r.designs).toBe(history.length);
    // Every design of these small intents is sized in the estimate: its verdict is the measured one.
    expect(r.held).toBe(r.saidMeets);
    expect(r.metAnyway).toBe(0);
    expect(r.saidMeets).toBeGreaterThan(0);
    expect(r.saidFails).toBeGreaterThan(0);
    expect(r.pIfMeets).toBeCloseTo((r.held + 0.5) / (r.saidMeets + 1), 12);
    expect(r.pIfFails).toBeCloseTo(0.5 / (r.saidFails + 1), 12);
  });

  it('a design whose measured label contradicts the estimate lowers the stated probability', () => {
    const base = estimateRecord(history);
    const meets = history.find((s) => estimateFamilies(s.intent, { families: [s.family!] }).estimates[0]?.success)!;
    const flipped = history.map((s) => (s === meets ? { ...s, label: { ...s.label, success: false } } : s));
    const r = estimateRecord(flipped);
    expect(r.held).toBe(base.held - 1);
    expect(r.pIfMeets).toBeLessThan(base.pIfMeets);
    expect(r.pIfMeets).toBeCloseTo((base.held - 1 + 0.5) / (base.saidMeets + 1), 12);
  });

  it('the cost residual of a family is measured against its unsized skeleton (never below 1: sizing only raises links)', () => {
    const r = estimateRecord(history);
    for (const [family, c] of Object.entries(r.costResidual)) {
      expect(c.ratio, family).toBeGreaterThanOrEqual(1 - 1e-9);
      expect(Number.isFinite(c.logSigma)).toBe(true);
    }
  });

  it('a record measured elsewhere (the app\u2019s worker) is kept for the same designs and answered without measuring again', () => {
    const other = history.slice(0, -1);
    const pool = estimateRecordPending(other);
    expect(pool).not.toBeNull();
    const measured = measureEstimateRecord(pool!);
    expect(measured).toEqual(estimateRecord(other));
    // A marker record: estimateRecord must hand it back as it is, not recompute.
    const marker = { ...measured, designs: -1 };
    rememberEstimateRecord(pool!, marker);
    expect(estimateRecordPending(other)).toBeNull();
    expect(estimateRecord(other)).toBe(marker);
    // Other designs are measured afresh.
    expect(estimateRecordPending(history)).not.toBeNull();
    expect(estimateRecord(history).designs).toBe(history.length);
  });
});
