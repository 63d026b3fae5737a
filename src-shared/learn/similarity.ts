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
  const own: LearningSample[] = [];
  const ds: number[] = [];
  for (const s of history) {
    if (s.family !== family) continue;
    own.push(s);
    ds.push(intentDistance(x, s.features));
  }
  const { used, first, familiar } = similarPicks(ds);
  return { used: used.map((i) => ({ sample: own[i]!, d: ds[i]! })), nearest: first === undefined ? null : ds[first]!, familiar };
}

/**
 * The rule above on distances alone: the indices of the samples used, nearest
 * first, ties to the earlier sample (a stable sort by distance, as it was
 * written). The used ones are always a prefix of that order (those within the
 * radius come first), so only the MAX_NEIGHBOURS nearest are kept, in a small
 * sorted buffer: O(n) instead of sorting every sample of the family for each
 * query (the predictor's cross-validation asks this for every sample).
 */
function similarPicks(ds: readonly number[]): { used: number[]; first: number | undefined; familiar: boolean } {
  const keep = Math.max(MAX_NEIGHBOURS, FALLBACK_NEIGHBOURS);
  let order: number[];
  if (ds.some(Number.isNaN)) {
    // NaN compares equal to everything in a sort: keep the plain sort's own answer for it.
    order = ds.map((_, i) => i).sort((a, b) => ds[a]! - ds[b]!);
  } else {
    const bd = new Float64Array(keep);
    const bi = new Int32Array(keep);
    let held = 0;
    for (let i = 0; i < ds.length; i++) {
      const d = ds[i]!;
      if (held === keep && d >= bd[keep - 1]!) continue;
      let p = Math.min(held, keep - 1);
      while (p > 0 && bd[p - 1]! > d) {
        bd[p] = bd[p - 1]!;
        bi[p] = bi[p - 1]!;
        p--;
      }
      bd[p] = d;
      bi[p] = i;
      if (held < keep) held++;
    }
    order = Array.from(bi.subarray(0, held));
  }
  const close = order.filter((i) => ds[i]! <= SIMILAR_RADIUS).slice(0, MAX_NEIGHBOURS);
  const familiar = close.length >= MIN_SIMILAR;
  return { used: familiar ? close : order.slice(0, FALLBACK_NEIGHBOURS), first: order[0], familiar };
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
