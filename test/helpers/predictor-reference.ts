/**
 * The predictor's fit as it was first written (session 30, before the fast
 * paths): ridge fitted per target, k-NN residuals searched per target and
 * per call, similar samples found by sorting every sample of the family.
 * Kept here, in the tests only, as the plain computation the fast fit
 * (src-shared/learn/predictor.ts fitPredictorModel) must equal bit for bit:
 * compare JSON.stringify of both. Do not "fix" or speed this copy up.
 */
import { TOPOLOGY_FAMILIES, type Family } from '../../src-shared/model/topology';
import type { LearningSample } from '../../src-shared/learn/sample';
import { hash32 } from '../../src-shared/lib/rng';
import { mape, mean, wilsonInterval } from '../../src-shared/learn/stats';
import { calibrationOf } from '../../src-shared/learn/accuracy';
import { applyIsotonic, fitIsotonic, type IsotonicMap } from '../../src-shared/learn/isotonic';
import { rawSuccessProbability, MAX_NEIGHBOURS, MIN_SIMILAR, FALLBACK_NEIGHBOURS, SIMILAR_RADIUS, type Evidence } from '../../src-shared/learn/similarity';
import { intentDistance } from '../../src-shared/learn/features';
import { CALIBRATION_FLOOR, K_FOLDS, MIN_CALIBRATION_PAIRS, type PredictorFit } from '../../src-shared/learn/predictor';
import { KNN_RESIDUAL, MIN_FAMILY_SAMPLES, RIDGE_LAMBDA } from '../../src-shared/learn/predictor-models';

interface Ridge {
  means: number[];
  scales: number[];
  coef: number[];
  intercept: number;
}

function choleskySolve(A: Float64Array, b: Float64Array, d: number): Float64Array {
  const L = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * d + j]!;
      for (let k = 0; k < j; k++) s -= L[i * d + k]! * L[j * d + k]!;
      if (i === j) {
        if (s <= 0) throw new RangeError('ridge: matrix not positive definite');
        L[i * d + i] = Math.sqrt(s);
      } else {
        L[i * d + j] = s / L[j * d + j]!;
      }
    }
  }
  const yv = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= L[i * d + k]! * yv[k]!;
    yv[i] = s / L[i * d + i]!;
  }
  const x = new Float64Array(d);
  for (let i = d - 1; i >= 0; i--) {
    let s = yv[i]!;
    for (let k = i + 1; k < d; k++) s -= L[k * d + i]! * x[k]!;
    x[i] = s / L[i * d + i]!;
  }
  return x;
}

export function referenceFitRidge(X: readonly (readonly number[])[], y: readonly number[], lambda: number): Ridge {
  const n = X.length;
  const d = X[0]!.length;
  const means = new Array<number>(d).fill(0);
  const scales = new Array<number>(d).fill(0);
  for (const row of X) for (let j = 0; j < d; j++) means[j]! += row[j]! / n;
  for (const row of X) for (let j = 0; j < d; j++) scales[j]! += (row[j]! - means[j]!) ** 2 / n;
  for (let j = 0; j < d; j++) scales[j] = Math.sqrt(scales[j]!) || 1;
  const ym = y.reduce((a, b) => a + b, 0) / n;
  const A = new Float64Array(d * d);
  const r = new Float64Array(d);
  const z = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const row = X[i]!;
    for (let j = 0; j < d; j++) z[j] = (row[j]! - means[j]!) / scales[j]!;
    const yi = y[i]! - ym;
    for (let j = 0; j < d; j++) {
      r[j]! += z[j]! * yi;
      for (let k = 0; k <= j; k++) A[j * d + k]! += z[j]! * z[k]!;
    }
  }
  for (let j = 0; j < d; j++) {
    A[j * d + j]! += lambda;
    for (let k = 0; k < j; k++) A[k * d + j] = A[j * d + k]!;
  }
  return { means, scales, coef: Array.from(choleskySolve(A, r, d)), intercept: ym };
}

function predictRidge(m: Ridge, x: readonly number[]): number {
  let s = m.intercept;
  for (let j = 0; j < m.coef.length; j++) s += (m.coef[j]! * (x[j]! - m.means[j]!)) / m.scales[j]!;
  return s;
}

export function referenceSimilarSamples(history: readonly LearningSample[], family: Family, x: readonly number[]) {
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

function familyEvidence(history: readonly LearningSample[], family: Family, x: readonly number[]): Evidence {
  const { used, nearest, familiar } = referenceSimilarSamples(history, family, x);
  const feasible = used.filter((s) => s.sample.label.feasible).length;
  return { family, similar: used.length, feasible, interval: wilsonInterval(feasible, used.length), nearest, familiar };
}

const TARGETS = ['cost', 'p95', 'downtime'] as const;
type Target = (typeof TARGETS)[number];
const toTarget: Record<Target, (s: LearningSample) => number> = {
  cost: (s) => Math.log(Math.max(1, s.metrics.costUsd)),
  p95: (s) => Math.log(1 + s.metrics.p95LatencyMs),
  downtime: (s) => Math.log(0.01 + s.metrics.downtimeMinPerYear),
};
const fromTarget: Record<Target, (v: number) => number> = {
  cost: (v) => Math.exp(v),
  p95: (v) => Math.max(0, Math.exp(v) - 1),
  downtime: (v) => Math.max(0, Math.exp(v) - 0.01),
};
interface TargetModel {
  ridge: Ridge;
  rows: Float64Array[];
  residuals: number[];
  lo: Float64Array;
  hi: Float64Array;
}

function standardise(r: Ridge, x: readonly number[]): Float64Array {
  const z = new Float64Array(x.length);
  for (let j = 0; j < x.length; j++) z[j] = (x[j]! - r.means[j]!) / r.scales[j]!;
  return z;
}

function fitTarget(samples: readonly LearningSample[], t: Target): TargetModel {
  const X = samples.map((s) => s.features);
  const y = samples.map(toTarget[t]);
  const ridge = referenceFitRidge(X, y, RIDGE_LAMBDA);
  const rows = X.map((x) => standardise(ridge, x));
  const residuals = X.map((x, i) => y[i]! - predictRidge(ridge, x));
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
    lo[j] = lo[j]! - 0.25 * span;
    hi[j] = hi[j]! + 0.25 * span;
  }
  return { ridge, rows, residuals, lo, hi };
}

function predictTarget(m: TargetModel, raw: readonly number[], k = KNN_RESIDUAL): number {
  const x = raw.map((v, j) => Math.min(m.hi[j] ?? v, Math.max(m.lo[j] ?? v, v)));
  const base = predictRidge(m.ridge, x);
  const z = standardise(m.ridge, x);
  const bd = new Float64Array(k).fill(Infinity);
  const br = new Float64Array(k);
  for (let i = 0; i < m.rows.length; i++) {
    const row = m.rows[i]!;
    let d = 0;
    for (let j = 0; j < z.length; j++) d += (z[j]! - row[j]!) ** 2;
    if (d >= bd[k - 1]!) continue;
    let p = k - 1;
    while (p > 0 && bd[p - 1]! > d) {
      bd[p] = bd[p - 1]!;
      br[p] = br[p - 1]!;
      p--;
    }
    bd[p] = d;
    br[p] = m.residuals[i]!;
  }
  let w = 0;
  let s = 0;
  for (let q = 0; q < k; q++) {
    if (!Number.isFinite(bd[q]!)) break;
    const wi = 1 / (Math.sqrt(bd[q]!) + 0.05);
    w += wi;
    s += wi * br[q]!;
  }
  return base + (w > 0 ? s / w : 0);
}

function fitFamilies(samples: readonly LearningSample[]) {
  const models = new Map<Family, { family: Family; n: number; targets: Record<Target, TargetModel> }>();
  for (const family of TOPOLOGY_FAMILIES) {
    const own = samples.filter((s) => s.family === family);
    if (own.length < MIN_FAMILY_SAMPLES) continue;
    const targets = {} as Record<Target, TargetModel>;
    for (const t of TARGETS) targets[t] = fitTarget(own, t);
    models.set(family, { family, n: own.length, targets });
  }
  return models;
}

const clamp = (p: number) => Math.min(1 - CALIBRATION_FLOOR, Math.max(CALIBRATION_FLOOR, p));
const calibrateWith = (m: IsotonicMap | null, raw: number) => clamp(m ? applyIsotonic(m, raw) : raw);
const foldOf = (id: string): number => hash32(`fold:${id}`) % K_FOLDS;

/** fitPredictorModel as first written. */
export function referenceFitPredictorModel(history: readonly LearningSample[]): PredictorFit {
  const usable = history.filter((s) => s.family !== null);
  const models = fitFamilies(usable);
  const resid: Record<Target, number[]> = { cost: [], p95: [], downtime: [] };
  const famResid = new Map<Family, Record<Target, number[]>>();
  const costPairs: { predicted: number; actual: number }[] = [];
  const p95Pairs: { predicted: number; actual: number }[] = [];
  const downErr: number[] = [];
  const downRel: number[] = [];
  const probe: { fold: number; s: LearningSample; ev: Evidence; lnCost: number }[] = [];
  for (let f = 0; f < K_FOLDS; f++) {
    const train = usable.filter((s) => foldOf(s.id) !== f);
    const test = usable.filter((s) => foldOf(s.id) === f);
    if (test.length === 0 || train.length === 0) continue;
    const fm = fitFamilies(train);
    for (const s of test) {
      const m = fm.get(s.family!);
      if (!m) continue;
      const fr = famResid.get(s.family!) ?? { cost: [], p95: [], downtime: [] };
      famResid.set(s.family!, fr);
      for (const t of TARGETS) {
        const r = toTarget[t](s) - predictTarget(m.targets[t], s.features);
        resid[t].push(r);
        fr[t].push(r);
      }
      const lnCost = predictTarget(m.targets.cost, s.features);
      probe.push({ fold: f, s, ev: familyEvidence(train, s.family!, s.features), lnCost });
      costPairs.push({ predicted: fromTarget.cost(lnCost), actual: s.metrics.costUsd });
      p95Pairs.push({ predicted: fromTarget.p95(predictTarget(m.targets.p95, s.features)), actual: s.metrics.p95LatencyMs });
      const dErr = Math.abs(fromTarget.downtime(predictTarget(m.targets.downtime, s.features)) - s.metrics.downtimeMinPerYear);
      downErr.push(dErr);
      downRel.push(dErr / Math.max(1, s.metrics.downtimeMinPerYear));
    }
  }
  const rms = (xs: number[], fallback: number) => (xs.length ? Math.sqrt(mean(xs.map((x) => x * x))) : fallback);
  const sigma = { cost: rms(resid.cost, 1), p95: rms(resid.p95, 1), downtime: rms(resid.downtime, 2) };
  const familySigma = (f: Family, t: Target): number => {
    const r = famResid.get(f)?.[t] ?? [];
    return r.length >= MIN_FAMILY_SAMPLES ? rms(r, sigma[t]) : sigma[t];
  };
  const pairs = probe.map((q) => ({
    fold: q.fold,
    x: rawSuccessProbability(q.ev, q.s.intent.budgetUsd, fromTarget.cost(q.lnCost), familySigma(q.s.family!, 'cost')),
    y: q.s.label.success ? 1 : 0,
  }));
  const mapOf = (xs: typeof pairs): IsotonicMap | null => (xs.length >= MIN_CALIBRATION_PAIRS ? fitIsotonic(xs) : null);
  const isotonic = mapOf(pairs);
  const crossFitted = Array.from({ length: K_FOLDS }, (_, f) => mapOf(pairs.filter((p) => p.fold !== f)));
  const heldOut = {
    samples: costPairs.length,
    calibration: calibrationOf(pairs.map((p) => ({ stated: calibrateWith(crossFitted[p.fold]!, p.x), happened: p.y === 1 }))),
    costMapePct: mape(costPairs),
    p95MapePct: mape(p95Pairs),
    downtimeMaeMin: downErr.length ? mean(downErr) : NaN,
    downtimeMapePct: downRel.length ? 100 * mean(downRel) : NaN,
  };
  const perFamily = {} as PredictorFit['familySigma'];
  for (const f of TOPOLOGY_FAMILIES) perFamily[f] = { cost: familySigma(f, 'cost'), p95: familySigma(f, 'p95'), downtime: familySigma(f, 'downtime') };
  return { trainedOn: usable.length, models: [...models.values()], sigma, familySigma: perFamily, isotonic, heldOut };
}
