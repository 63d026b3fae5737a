import { TOPOLOGY_FAMILIES, type Family } from '../model/topology';
import type { LearningSample } from './sample';
import { fitFamilies, fromTarget, MIN_FAMILY_SAMPLES, modelsFrom, predictTargets, ridgesOf, TARGETS, toTarget, type FamilyModel, type FamilyRidges, type Target } from './predictor-models';
import { hash32 } from '../lib/rng';
import { MINUTES_PER_YEAR } from './availability';
import { mape, mean } from './stats';
import { calibrationOf, type Calibration } from './accuracy';
import { applyIsotonic, fitIsotonic, type IsotonicMap } from './isotonic';
import { familyEvidence, rawSuccessProbability } from './similarity';
import { estimateRecord, type EstimateRecord } from './estimate-record';

/**
 * The predictor: for each family, ridge regression of log targets on the
 * intent features (features.ts), corrected by the mean residual of the K
 * nearest training samples of that family (standardised feature space,
 * inverse-distance weights) — a linear trend plus a local correction, in
 * the spirit of "regression kriging" (Hengl et al. 2007). Targets:
 * ln cost, ln(1 + p95 ms), ln(0.01 + downtime min/yr). Intervals are
 * ±1.96 × the held-out residual spread of each target for the family (all
 * families pooled when it has fewer than MIN_FAMILY_SAMPLES residuals), in
 * log space, so multiplicative. Refit whenever history changes (`fitPredictor`):
 * O(F · n · d²) to fit, O(n_f · d) per prediction.
 * Held-out error: K_FOLDS-fold cross-validation, folds by a hash of the
 * sample id (deterministic, and stable as history grows).
 *
 * Success probabilities are calibrated the same way: for every held-out
 * sample the uncalibrated P(success) (similarity.ts, from the other folds'
 * evidence and cost model) is paired with whether it succeeded, and an
 * isotonic map (isotonic.ts) fitted on all pairs turns a stated raw
 * probability into the frequency it had. The reliability the report shows
 * is cross-fitted — each fold's pairs calibrated by a map fitted on the
 * other folds — so it is not flattered by calibrating on itself. Outputs
 * are kept within [CALIBRATION_FLOOR, 1 − CALIBRATION_FLOOR]: history never
 * proves certainty.
 */
export const CALIBRATION_FLOOR = 0.01;
/** Fewest held-out pairs for a calibration map; below it raw probabilities are stated as they are. */
export const MIN_CALIBRATION_PAIRS = 50;
export const K_FOLDS = 5;

export interface Prediction {
  costUsd: number;
  p95LatencyMs: number;
  downtimeMinPerYear: number;
  availability: number;
  intervals: {
    costUsd: [number, number];
    p95LatencyMs: [number, number];
    availability: [number, number];
  };
}

export interface HeldOutError {
  samples: number;
  costMapePct: number;
  p95MapePct: number;
  /** Mean absolute error of availability, in minutes of downtime a year. */
  downtimeMaeMin: number;
  /** Mean relative error of downtime, in percent, with actual values floored at 1 minute a year. */
  downtimeMapePct: number;
  /** Stated P(success) (calibrated, cross-fitted) against held-out outcomes. */
  calibration: Calibration;
}

export interface Predictor {
  readonly trainedOn: number;
  readonly families: readonly Family[];
  /** Residual spread (log space) per target, from cross-validation. */
  readonly sigma: Record<Target, number>;
  readonly heldOut: HeldOutError;
  predict(family: Family, features: readonly number[]): Prediction | null;
  /** A raw success probability (similarity.ts rawSuccessProbability) as the frequency it had on held-out history. */
  calibrate(raw: number): number;
  /** How the analytic estimate (estimate.ts) fared on designs in history: its verdict's record and cost residuals (memoised). */
  estimateRecord(): EstimateRecord;
}


const foldOf = (id: string): number => hash32(`fold:${id}`) % K_FOLDS;

/**
 * What a fit learns, as plain data: it is fitted in a worker (the app's
 * planning worker, ~0.3–1 s CPU on the shipped knowledge base) and the
 * predictor built from it on the host (predictorFromFit) at once.
 */
export interface PredictorFit {
  trainedOn: number;
  models: FamilyModel[];
  sigma: Record<Target, number>;
  /** Per family, the held-out spread of each target (the overall one where the family has too few residuals). */
  familySigma: Record<Family, Record<Target, number>>;
  isotonic: IsotonicMap | null;
  heldOut: HeldOutError;
}

/** Fits on `history` (samples without a family are ignored) and measures held-out error. */
export function fitPredictor(history: readonly LearningSample[]): Predictor {
  return predictorFromFit(fitPredictorModel(history), history);
}

/** The predictor of a fit of `history` (fitPredictorModel, wherever it ran); O(1) beyond the fit. */
export function predictorFromFit(fit: PredictorFit, history: readonly LearningSample[]): Predictor {
  const usable = history.filter((s) => s.family !== null);
  const models = new Map(fit.models.map((m) => [m.family, m]));
  const { sigma, isotonic, heldOut } = fit;
  const familySigma = (f: Family, t: Target): number => fit.familySigma[f][t];
  const Z = 1.96;
  let record: EstimateRecord | null = null;
  return {
    trainedOn: fit.trainedOn,
    estimateRecord: () => (record ??= estimateRecord(usable)),
    families: [...models.keys()],
    sigma,
    heldOut,
    calibrate: (raw) => calibrateWith(isotonic, raw),
    predict(family, x) {
      const m = models.get(family);
      if (!m) return null;
      const { cost: c, p95: p, downtime: d } = predictTargets(m.targets, x);
      // Downtime cannot exceed a year: the upper end of a wide interval must not give a negative availability.
      const avail = (down: number) => 1 - Math.min(MINUTES_PER_YEAR, fromTarget.downtime(down)) / MINUTES_PER_YEAR;
      const sc = familySigma(family, 'cost');
      const sp = familySigma(family, 'p95');
      const sd = familySigma(family, 'downtime');
      return {
        costUsd: fromTarget.cost(c),
        p95LatencyMs: fromTarget.p95(p),
        downtimeMinPerYear: fromTarget.downtime(d),
        availability: avail(d),
        intervals: {
          costUsd: [fromTarget.cost(c - Z * sc), fromTarget.cost(c + Z * sc)],
          p95LatencyMs: [fromTarget.p95(p - Z * sp), fromTarget.p95(p + Z * sp)],
          availability: [avail(d + Z * sd), avail(d - Z * sd)],
        },
      };
    },
  };
}

const clamp = (p: number) => Math.min(1 - CALIBRATION_FLOOR, Math.max(CALIBRATION_FLOOR, p));
const calibrateWith = (m: IsotonicMap | null, raw: number) => clamp(m ? applyIsotonic(m, raw) : raw);

/**
 * What cross-validation finds: everything in a fit but the final models, and
 * nearly all of its time (K_FOLDS refits, every sample predicted and its
 * similar samples found).
 */
type HeldOutFindings = Omit<PredictorFit, 'models'>;

/** The fit itself: per-family models, held-out spreads and error, the calibration map. O(F · n · d²) + K_FOLDS refits. */
export function fitPredictorModel(history: readonly LearningSample[]): PredictorFit {
  const usable = history.filter((s) => s.family !== null);
  const { trainedOn, sigma, familySigma, isotonic, heldOut } = crossValidate(usable);
  return { trainedOn, models: [...fitFamilies(usable).values()], sigma, familySigma, isotonic, heldOut };
}

/**
 * A fit as kept between runs (src-main/services/predictor-fit-store.ts, under
 * a digest of the history it read): the final models reduced to their ridge
 * fits, everything else as it is. A few kilobytes.
 */
export interface CompactFit extends HeldOutFindings {
  ridges: FamilyRidges[];
}

export function compactFit(fit: PredictorFit): CompactFit {
  const { trainedOn, sigma, familySigma, isotonic, heldOut } = fit;
  return { trainedOn, sigma, familySigma, isotonic, heldOut, ridges: ridgesOf(fit.models) };
}

/** The fit compactFit kept, for the same `history`, bit for bit (modelsFrom: O(n · d)); null when it does not fit this history. */
export function expandFit(history: readonly LearningSample[], c: CompactFit): PredictorFit | null {
  const models = modelsFrom(history.filter((s) => s.family !== null), c.ridges);
  if (models === null) return null;
  const { trainedOn, sigma, familySigma, isotonic, heldOut } = c;
  return { trainedOn, models, sigma, familySigma, isotonic, heldOut };
}

function crossValidate(usable: readonly LearningSample[]): HeldOutFindings {
  const resid: Record<Target, number[]> = { cost: [], p95: [], downtime: [] };
  const famResid = new Map<Family, Record<Target, number[]>>();
  const costPairs: { predicted: number; actual: number }[] = [];
  const p95Pairs: { predicted: number; actual: number }[] = [];
  const downErr: number[] = [];
  const downRel: number[] = [];
  // Per held-out sample: fold, raw P(success) ingredients (evidence, predicted ln cost), outcome.
  const probe: { fold: number; s: LearningSample; ev: ReturnType<typeof familyEvidence>; lnCost: number }[] = [];
  const folds = usable.map((s) => foldOf(s.id));
  for (let f = 0; f < K_FOLDS; f++) {
    const train = usable.filter((_, i) => folds[i] !== f);
    const test = usable.filter((_, i) => folds[i] === f);
    if (test.length === 0 || train.length === 0) continue;
    const fm = fitFamilies(train);
    // familyEvidence reads the family's own samples in history order: hand it those alone, not all of train each time.
    const trainOf = new Map<Family, LearningSample[]>();
    for (const s of train) {
      const own = trainOf.get(s.family!) ?? [];
      own.push(s);
      trainOf.set(s.family!, own);
    }
    for (const s of test) {
      const m = fm.get(s.family!);
      if (!m) continue;
      const fr = famResid.get(s.family!) ?? { cost: [], p95: [], downtime: [] };
      famResid.set(s.family!, fr);
      const predicted = predictTargets(m.targets, s.features);
      for (const t of TARGETS) {
        const r = toTarget[t](s) - predicted[t];
        resid[t].push(r);
        fr[t].push(r);
      }
      const lnCost = predicted.cost;
      probe.push({ fold: f, s, ev: familyEvidence(trainOf.get(s.family!) ?? [], s.family!, s.features), lnCost });
      costPairs.push({ predicted: fromTarget.cost(lnCost), actual: s.metrics.costUsd });
      p95Pairs.push({ predicted: fromTarget.p95(predicted.p95), actual: s.metrics.p95LatencyMs });
      const dErr = Math.abs(fromTarget.downtime(predicted.downtime) - s.metrics.downtimeMinPerYear);
      downErr.push(dErr);
      downRel.push(dErr / Math.max(1, s.metrics.downtimeMinPerYear));
    }
  }
  const rms = (xs: number[], fallback: number) => (xs.length ? Math.sqrt(mean(xs.map((x) => x * x))) : fallback);
  const sigma = { cost: rms(resid.cost, 1), p95: rms(resid.p95, 1), downtime: rms(resid.downtime, 2) };
  // Per-family spread when the family has enough held-out residuals, else the overall one.
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
  const heldOut: HeldOutError = {
    samples: costPairs.length,
    calibration: calibrationOf(pairs.map((p) => ({ stated: calibrateWith(crossFitted[p.fold]!, p.x), happened: p.y === 1 }))),
    costMapePct: mape(costPairs),
    p95MapePct: mape(p95Pairs),
    downtimeMaeMin: downErr.length ? mean(downErr) : NaN,
    downtimeMapePct: downRel.length ? 100 * mean(downRel) : NaN,
  };
  const perFamily = {} as PredictorFit['familySigma'];
  for (const f of TOPOLOGY_FAMILIES) perFamily[f] = { cost: familySigma(f, 'cost'), p95: familySigma(f, 'p95'), downtime: familySigma(f, 'downtime') };
  return { trainedOn: usable.length, sigma, familySigma: perFamily, isotonic, heldOut };
}
