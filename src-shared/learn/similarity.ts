import type { Family } from '../model/topology';
import { intentDistance } from './features';
import type { LearningSample } from './sample';
import { normalCdf, wilsonInterval, type Interval } from './stats';

/**
 * Evidence from similar past intents: the samples of one family whose
 * intents lie within SIMILAR_RADIUS of the query (features.ts
 * intentDistance; a class step alone is 2 units, so "similar" keeps the
 * redundancy class), at most MAX_NEIGHBOURS nearest. When fewer than
 * MIN_SIMILAR are that close, the intent is unlike history: the nearest
 * FALLBACK_NEIGHBOURS are used and `familiar` is false.
 * O(n) per family and query (a linear scan; history is thousands of rows).
 */
export const SIMILAR_RADIUS = 1.5;
export const MAX_NEIGHBOURS = 25;
export const MIN_SIMILAR = 3;
export const FALLBACK_NEIGHBOURS = 5;

export interface Evidence {
  family: Family;
  /** Similar designs of this family and how many were feasible (met the class and constraints). */
  similar: number;
  feasible: number;
  interval: Interval;
  /** Distance to the nearest sample of the family (null with no history of it). */
  nearest: number | null;
  familiar: boolean;
}

/**
 * The samples of `family` the evidence rests on (the rule above): those
 * within SIMILAR_RADIUS, at most MAX_NEIGHBOURS nearest, or the nearest
 * FALLBACK_NEIGHBOURS when fewer than MIN_SIMILAR are that close.
 */
export function similarSamples(
  history: readonly LearningSample[],
  family: Family,
  x: readonly number[],
): { used: { sample: LearningSample; d: number }[]; nearest: number | null; familiar: boolean } {
  const scored: { sample: LearningSample; d: number }[] = [];
  for (const s of history) {
    if (s.family !== family) continue;
    scored.push({ sample: s, d: intentDistance(x, s.features) });
  }
  scored.sort((a, b) => a.d - b.d);
  const close = scored.filter((s) => s.d <= SIMILAR_RADIUS).slice(0, MAX_NEIGHBOURS);
  const familiar = close.length >= MIN_SIMILAR;
  return { used: familiar ? close : scored.slice(0, FALLBACK_NEIGHBOURS), nearest: scored[0]?.d ?? null, familiar };
}

export function familyEvidence(history: readonly LearningSample[], family: Family, x: readonly number[]): Evidence {
  const { used, nearest, familiar } = similarSamples(history, family, x);
  const feasible = used.filter((s) => s.sample.label.feasible).length;
  return {
    family,
    similar: used.length,
    feasible,
    interval: wilsonInterval(feasible, used.length),
    nearest,
    familiar,
  };
}

/**
 * The uncalibrated probability that a family succeeds for an intent: the
 * Wilson centre of its similar past intents' feasible rate (0.5 with no
 * evidence), times P(within budget) = Φ((ln budget − ln predicted cost) /
 * σ_cost) when the intent has a budget and the cost is predicted. The
 * predictor's calibration (predictor.ts, isotonic on held-out history) turns
 * it into the probability instant mode states. O(1).
 */
export function rawSuccessProbability(ev: Evidence, budgetUsd: number | undefined, predictedCostUsd: number | null, sigmaCost: number): number {
  let p = ev.similar === 0 ? 0.5 : (ev.interval.low + ev.interval.high) / 2;
  if (budgetUsd !== undefined && predictedCostUsd !== null && predictedCostUsd > 0) {
    p *= normalCdf((Math.log(budgetUsd) - Math.log(predictedCostUsd)) / Math.max(0.02, sigmaCost));
  }
  return p;
}
