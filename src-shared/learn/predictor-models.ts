import { TOPOLOGY_FAMILIES, type Family } from '../model/topology';
import { fitRidgeShared, predictRidge, type RidgeModel } from './ridge';
import type { LearningSample } from './sample';

/**
 * The predictor's per-family models (predictor.ts): ridge regression of log
 * targets on the intent features, corrected by the inverse-distance mean
 * residual of the KNN_RESIDUAL nearest training rows (standardised space).
 * Fitting them is O(F · n · d²); rebuilding them from their ridge
 * coefficients (modelsFrom, a stored fit) is O(n · d).
 */
export const RIDGE_LAMBDA = 0.3;
export const KNN_RESIDUAL = 5;
/** Fewest samples of a family for a model of its own. */
export const MIN_FAMILY_SAMPLES = 8;

export const TARGETS = ['cost', 'p95', 'downtime'] as const;
export type Target = (typeof TARGETS)[number];

export const toTarget: Record<Target, (s: LearningSample) => number> = {
  cost: (s) => Math.log(Math.max(1, s.metrics.costUsd)),
  p95: (s) => Math.log(1 + s.metrics.p95LatencyMs),
  downtime: (s) => Math.log(0.01 + s.metrics.downtimeMinPerYear),
};
export const fromTarget: Record<Target, (v: number) => number> = {
  cost: (v) => Math.exp(v),
  p95: (v) => Math.max(0, Math.exp(v) - 1),
  downtime: (v) => Math.max(0, Math.exp(v) - 0.01),
};

export interface TargetModel {
  ridge: RidgeModel;
  /** Standardised training rows and their residuals, for the k-NN correction. */
  rows: Float64Array[];
  residuals: number[];
  /** Per feature, the range a prediction may use (history's range widened by EXTRAPOLATION_MARGIN). */
  lo: Float64Array;
  hi: Float64Array;
}

/**
 * How far beyond the range of history a feature may be taken, as a share of
 * that range. The model is linear in log space, so unbounded extrapolation
 * gives absurd figures ($0, $1e23) — worst for a feature that never varied in
 * a family's history (its standardised value explodes when a new intent
 * changes it). Past this margin predictions saturate instead, and the
 * recommender's novelty note says the intent is unlike history.
 */
const EXTRAPOLATION_MARGIN = 0.25;

export interface FamilyModel {
  family: Family;
  n: number;
  targets: Record<Target, TargetModel>;
}
function standardise(r: RidgeModel, x: readonly number[]): Float64Array {
  const z = new Float64Array(x.length);
  for (let j = 0; j < x.length; j++) z[j] = (x[j]! - r.means[j]!) / r.scales[j]!;
  return z;
}

/**
 * The three targets' models on one family's rows. Their ridge means and
 * scales, the standardised rows and the feature range depend on the rows
 * alone, so they are computed once and shared (the same arrays) — which lets
 * predictTargets find the neighbours once for all three. Each model is the
 * one fitted for its target alone, bit for bit.
 */
function fitTargets(samples: readonly LearningSample[]): Record<Target, TargetModel> {
  const X = samples.map((s) => s.features);
  const ys = TARGETS.map((t) => samples.map(toTarget[t]));
  return targetsFrom(X, ys, fitRidgeShared(X, ys, RIDGE_LAMBDA));
}

/** The three targets' models from their ridge fits (sharing means and scales): the rows, residuals and range, O(n · d). */
function targetsFrom(X: readonly (readonly number[])[], ys: readonly (readonly number[])[], ridges: readonly RidgeModel[]): Record<Target, TargetModel> {
  const rows = X.map((x) => standardise(ridges[0]!, x));
  const d = X[0]?.length ?? 0;
  const lo = new Float64Array(d).fill(Infinity);
  const hi = new Float64Array(d).fill(-Infinity);
  for (const x of X) {
    for (let j = 0; j < d; j++) {
      lo[j] = Math.min(lo[j]!, x[j]!);
      hi[j] = Math.max(hi[j]!, x[j]!);
    }
  }
  for (let j = 0; j < d; j++) {
    const span = hi[j]! - lo[j]!;
    lo[j] = lo[j]! - EXTRAPOLATION_MARGIN * span;
    hi[j] = hi[j]! + EXTRAPOLATION_MARGIN * span;
  }
  const out = {} as Record<Target, TargetModel>;
  TARGETS.forEach((t, q) => {
    const ridge = ridges[q]!;
    const y = ys[q]!;
    out[t] = { ridge, rows, residuals: X.map((x, i) => y[i]! - predictRidge(ridge, x)), lo, hi };
  });
  return out;
}

/** The features held within the range the model may extrapolate to. */
function bounded(m: TargetModel, x: readonly number[]): number[] {
  return x.map((v, j) => Math.min(m.hi[j] ?? v, Math.max(m.lo[j] ?? v, v)));
}

/** The k nearest rows of `z` (squared distances, row indices) by insertion into a small sorted buffer (ties keep the earlier row). */
function nearestRows(rows: readonly Float64Array[], z: Float64Array, k: number): { bd: Float64Array; bi: Int32Array } {
  const bd = new Float64Array(k).fill(Infinity);
  const bi = new Int32Array(k);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    let d = 0;
    for (let j = 0; j < z.length; j++) d += (z[j]! - row[j]!) ** 2;
    if (d >= bd[k - 1]!) continue;
    let p = k - 1;
    while (p > 0 && bd[p - 1]! > d) {
      bd[p] = bd[p - 1]!;
      bi[p] = bi[p - 1]!;
      p--;
    }
    bd[p] = d;
    bi[p] = i;
  }
  return { bd, bi };
}

/** The ridge prediction at `x` (already bounded) plus the inverse-distance mean residual of its neighbours. */
function corrected(m: TargetModel, x: readonly number[], near: { bd: Float64Array; bi: Int32Array }): number {
  const base = predictRidge(m.ridge, x);
  let w = 0;
  let s = 0;
  for (let q = 0; q < near.bd.length; q++) {
    if (!Number.isFinite(near.bd[q]!)) break;
    const wi = 1 / (Math.sqrt(near.bd[q]!) + 0.05);
    w += wi;
    s += wi * m.residuals[near.bi[q]!]!;
  }
  return base + (w > 0 ? s / w : 0);
}

function predictTarget(m: TargetModel, raw: readonly number[], k = KNN_RESIDUAL): number {
  const x = bounded(m, raw);
  return corrected(m, x, nearestRows(m.rows, standardise(m.ridge, x), k));
}

/** The three targets of one family at `raw`: one neighbour search when the models share their rows (fitTargets), else one each. */
export function predictTargets(ms: Record<Target, TargetModel>, raw: readonly number[]): Record<Target, number> {
  const { cost, p95, downtime } = ms;
  const shared = [p95, downtime].every(
    (m) => m.rows === cost.rows && m.lo === cost.lo && m.hi === cost.hi && m.ridge.means === cost.ridge.means && m.ridge.scales === cost.ridge.scales,
  );
  if (!shared) return { cost: predictTarget(cost, raw), p95: predictTarget(p95, raw), downtime: predictTarget(downtime, raw) };
  const x = bounded(cost, raw);
  const near = nearestRows(cost.rows, standardise(cost.ridge, x), KNN_RESIDUAL);
  return { cost: corrected(cost, x, near), p95: corrected(p95, x, near), downtime: corrected(downtime, x, near) };
}

export function fitFamilies(samples: readonly LearningSample[]): Map<Family, FamilyModel> {
  const models = new Map<Family, FamilyModel>();
  for (const family of TOPOLOGY_FAMILIES) {
    const own = samples.filter((s) => s.family === family);
    if (own.length < MIN_FAMILY_SAMPLES) continue;
    models.set(family, { family, n: own.length, targets: fitTargets(own) });
  }
  return models;
}

/** A family's models reduced to their ridge fits: with the family's samples, all modelsFrom needs (a stored fit). */
export interface FamilyRidges {
  family: Family;
  n: number;
  means: readonly number[];
  scales: readonly number[];
  coef: Record<Target, readonly number[]>;
  intercept: Record<Target, number>;
}

export function ridgesOf(models: readonly FamilyModel[]): FamilyRidges[] {
  return models.map((m) => ({
    family: m.family,
    n: m.n,
    means: m.targets.cost.ridge.means,
    scales: m.targets.cost.ridge.scales,
    coef: { cost: m.targets.cost.ridge.coef, p95: m.targets.p95.ridge.coef, downtime: m.targets.downtime.ridge.coef },
    intercept: { cost: m.targets.cost.ridge.intercept, p95: m.targets.p95.ridge.intercept, downtime: m.targets.downtime.ridge.intercept },
  }));
}

/**
 * The models fitFamilies(samples) gives, from their ridge fits (ridgesOf):
 * the rows, residuals and ranges are computed again by the same code from
 * the same samples — the same models bit for bit, in O(n · d) instead of
 * O(n · d²). Null when the ridges do not fit these samples (another family
 * set or size, another feature count).
 */
export function modelsFrom(samples: readonly LearningSample[], ridges: readonly FamilyRidges[]): FamilyModel[] | null {
  const out: FamilyModel[] = [];
  let next = 0;
  for (const family of TOPOLOGY_FAMILIES) {
    const own = samples.filter((s) => s.family === family);
    if (own.length < MIN_FAMILY_SAMPLES) continue;
    const r = ridges[next++];
    const d = own[0]!.features.length;
    if (r?.family !== family || r.n !== own.length || r.means.length !== d || r.scales.length !== d) return null;
    if (TARGETS.some((t) => r.coef[t].length !== d)) return null;
    const X = own.map((s) => s.features);
    const ys = TARGETS.map((t) => own.map(toTarget[t]));
    const fits = TARGETS.map((t) => ({ means: r.means, scales: r.scales, coef: r.coef[t], intercept: r.intercept[t] }));
    out.push({ family, n: own.length, targets: targetsFrom(X, ys, fits) });
  }
  return next === ridges.length ? out : null;
}
