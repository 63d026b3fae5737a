import type { Goal } from '../model/intent';
import type { Family } from '../model/topology';
import { regret } from './goal';
import type { DesignMetrics } from './sample';
import { mape } from './stats';

/**
 * How good the instant estimate is against what verification measured: the
 * one implementation used by the learning benchmark and by the learning
 * report (the Learn view's reliability diagram and accuracy over time).
 *
 * - Top-1 agreement: instant's first family is verified's first family.
 * - Regret: how much worse instant's pick is on the goal's own measure
 *   (goal.ts) than verified's pick; a pick that fails the intent, or that
 *   verification could not build, counts as 1 (100 %); when no family met
 *   the intent there is nothing to regret (0).
 * - Calibration: stated probabilities against what happened, in
 *   RELIABILITY_BINS equal-width bins of the stated probability; the
 *   expected calibration error (ECE) is Σ_b (n_b / N) · |mean stated_b −
 *   observed frequency_b|, in percentage points (Naeini, Cooper &
 *   Hauskrecht 2015, "Obtaining well calibrated probabilities using
 *   Bayesian binning", AAAI; Guo et al. 2017, "On calibration of modern
 *   neural networks", ICML). O(N).
 */
export const RELIABILITY_BINS = 10;

export interface ReliabilityBin {
  /** Stated probability range [from, to) (the last bin includes 1). */
  from: number;
  to: number;
  count: number;
  /** Mean stated probability of the bin's cases (null when empty). */
  meanStated: number | null;
  /** Share of the bin's cases that happened (null when empty). */
  observed: number | null;
}

export interface Calibration {
  bins: ReliabilityBin[];
  cases: number;
  /** Expected calibration error in percentage points (null with no cases). */
  ecePoints: number | null;
}

/** Stated probabilities (0–1) and what happened, binned; see RELIABILITY_BINS. */
export function calibrationOf(cases: readonly { stated: number; happened: boolean }[], binCount = RELIABILITY_BINS): Calibration {
  const sums = Array.from({ length: binCount }, () => ({ n: 0, stated: 0, hits: 0 }));
  for (const c of cases) {
    if (!Number.isFinite(c.stated)) continue;
    const p = Math.min(1, Math.max(0, c.stated));
    const b = sums[Math.min(binCount - 1, Math.floor(p * binCount))]!;
    b.n++;
    b.stated += p;
    if (c.happened) b.hits++;
  }
  const n = sums.reduce((a, b) => a + b.n, 0);
  let ece = 0;
  const bins = sums.map((b, i) => {
    if (b.n > 0) ece += (b.n / n) * Math.abs(b.stated / b.n - b.hits / b.n);
    return { from: i / binCount, to: (i + 1) / binCount, count: b.n, meanStated: b.n ? b.stated / b.n : null, observed: b.n ? b.hits / b.n : null };
  });
  return { bins, cases: n, ecePoints: n ? 100 * ece : null };
}

/** One family as instant mode stated it. */
export interface StatedOption {
  family: Family;
  successProbability: number;
  predicted: { costUsd: number | null; p95LatencyMs: number | null; availability: number | null };
}

/** One family as verification measured it. */
export interface MeasuredOption {
  family: Family;
  success: boolean;
  metrics: Pick<DesignMetrics, 'costUsd' | 'p95LatencyMs' | 'availability' | 'downtimeMinPerYear'>;
}

export interface IntentComparison {
  /** Instant's first family is verified's first (both best first). */
  agree: boolean;
  /** 0–1; see the module comment. */
  regret: number;
  /** Whether any family met the intent. */
  anySuccess: boolean;
  cost: { predicted: number; actual: number }[];
  p95: { predicted: number; actual: number }[];
  /** Availability as downtime: MAPE of unavailability is what an availability error means (99.9 vs 99.99 %). */
  unavailability: { predicted: number; actual: number }[];
  probabilities: { stated: number; happened: boolean }[];
}

/** Compares instant's ranked options with verified's ranked measurements of the same intent. O(F²). */
export function compareWithVerified(goal: Goal, instant: readonly StatedOption[], verified: readonly MeasuredOption[]): IntentComparison {
  const best = verified[0];
  const pick = instant[0] ? verified.find((v) => v.family === instant[0]!.family) : undefined;
  const anySuccess = verified.some((v) => v.success);
  let r = 0;
  if (best && best.success) r = !pick || !pick.success ? 1 : Math.min(1, regret(goal, pick.metrics, best.metrics));
  const out: IntentComparison = {
    agree: best !== undefined && pick?.family === best.family,
    regret: r,
    anySuccess,
    cost: [],
    p95: [],
    unavailability: [],
    probabilities: [],
  };
  for (const v of verified) {
    const o = instant.find((x) => x.family === v.family);
    if (!o) continue;
    out.probabilities.push({ stated: o.successProbability, happened: v.success });
    const p = o.predicted;
    if (p.costUsd !== null) out.cost.push({ predicted: p.costUsd, actual: v.metrics.costUsd });
    if (p.p95LatencyMs !== null && Number.isFinite(v.metrics.p95LatencyMs)) out.p95.push({ predicted: p.p95LatencyMs, actual: v.metrics.p95LatencyMs });
    if (p.availability !== null) out.unavailability.push({ predicted: 1 - p.availability, actual: 1 - v.metrics.availability });
  }
  return out;
}

export interface AccuracySummary {
  intents: number;
  /** Percent of intents where instant's first family is verified's first. */
  top1Pct: number | null;
  /** Mean regret in percent. */
  meanRegretPct: number | null;
  costMapePct: number | null;
  p95MapePct: number | null;
  unavailabilityMapePct: number | null;
  /** MAPE of availability itself (tiny by construction: 99.9 % against 99.99 % is 0.09 %). */
  availabilityMapePct: number | null;
  calibration: Calibration;
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Sums comparisons of many intents into the figures the bench and the report print. */
export function summariseAccuracy(rows: readonly IntentComparison[]): AccuracySummary {
  const n = rows.length;
  return {
    intents: n,
    top1Pct: n ? (100 * rows.filter((r) => r.agree).length) / n : null,
    meanRegretPct: n ? (100 * rows.reduce((a, r) => a + r.regret, 0)) / n : null,
    costMapePct: finite(mape(rows.flatMap((r) => r.cost))),
    p95MapePct: finite(mape(rows.flatMap((r) => r.p95))),
    unavailabilityMapePct: finite(mape(rows.flatMap((r) => r.unavailability))),
    availabilityMapePct: finite(mape(rows.flatMap((r) => r.unavailability.map((u) => ({ predicted: 1 - u.predicted, actual: 1 - u.actual }))))),
    calibration: calibrationOf(rows.flatMap((r) => r.probabilities)),
  };
}
