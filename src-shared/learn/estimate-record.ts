import { TOPOLOGY_FAMILIES, type Family } from '../model/topology';
import { hash32 } from '../lib/rng';
import { costDesign } from '../cost/cost';
import { DEFAULT_PRICE_BOOK } from '../cost/pricebook';
import { estimateFamilies, skeletonOf } from './estimate';
import type { LearningSample } from './sample';
import { mean } from './stats';

/**
 * History's share of the analytic estimate (estimate.ts): how often the
 * estimate's verdict held, and how far its cost is off where links were not
 * sized, measured on designs history holds (generated and measured in full).
 *
 * - Which designs: up to RECORD_DESIGNS of the current model's generated
 *   samples (origin not 'zoo': a real network has no family) of at most
 *   RECORD_MAX_SITES sites, the ones with the smallest hash of their id
 *   (deterministic, and stable as history grows). The realistic set of the
 *   learning bench is never in history, so it is held out from this too.
 * - Verdict: each design's family estimated for its intent and seed, the
 *   estimate's success against the sample's label. The probability stated
 *   for an estimate that says "meets" is the posterior mean under Jeffreys'
 *   prior, (held + ½) / (said + 1); for one that says "fails", (met anyway +
 *   ½) / (said + 1) (Brown, Cai & DasGupta 2001, "Interval estimation for a
 *   binomial proportion", Statistical Science 16). Never 0 or 1: a verdict
 *   without the capacity check is not a proof.
 * - Cost residual, per family: the same designs' unsized skeleton priced
 *   (sizing 'never') against the measured cost; the geometric mean of
 *   measured / estimated corrects an estimate whose links were not sized
 *   (large intents), with the log-ratio spread as its interval. Families
 *   with fewer than MIN_RESIDUAL_DESIGNS such designs take the pooled ratio.
 * O(RECORD_DESIGNS · small estimate): 1–3 s CPU, memoised per predictor
 * (predictor.ts) and while the designs it rests on are the same.
 */
export const RECORD_DESIGNS = 60;
export const RECORD_MAX_SITES = 20;
export const MIN_RESIDUAL_DESIGNS = 3;
/** Draws of the availability model per recorded design (its headline is not read here; the sweep is exact). */
const RECORD_AVAILABILITY_SAMPLES = 100;

export interface EstimateRecord {
  designs: number;
  /** Estimates that said "meets", and how many of those designs met the intent. */
  saidMeets: number;
  held: number;
  /** Estimates that said "fails", and how many of those designs met it anyway. */
  saidFails: number;
  metAnyway: number;
  /** P(success) stated for each verdict. */
  pIfMeets: number;
  pIfFails: number;
  /** Per family: measured / unsized-estimate cost (geometric mean), its log spread and the designs behind it. */
  costResidual: Record<Family, { ratio: number; logSigma: number; designs: number }>;
}

/** The last record and the designs it was measured on: history grows, the pool rarely changes (memo across refits). */
let last: { key: string; record: EstimateRecord } | null = null;

export function estimateRecord(history: readonly LearningSample[]): EstimateRecord {
  const pool = recordPool(history);
  const key = poolKey(pool);
  if (last?.key !== key) last = { key, record: measureRecord(pool) };
  return last.record;
}

/**
 * The designs the record of `history` rests on, or null when it is already
 * measured. Measuring regenerates up to 60 designs (~0.5–1.5 s): the app
 * does it in a worker (measureEstimateRecord) and hands the answer back
 * (rememberEstimateRecord), so the host thread never stalls on it.
 */
export function estimateRecordPending(history: readonly LearningSample[]): LearningSample[] | null {
  const pool = recordPool(history);
  return last?.key === poolKey(pool) ? null : pool;
}

/** The record of designs chosen by estimateRecordPending (anywhere: it reads nothing else). */
export function measureEstimateRecord(pool: readonly LearningSample[]): EstimateRecord {
  return measureRecord(pool);
}

/** Keeps a record measured elsewhere for the same designs; estimateRecord then answers with it. */
export function rememberEstimateRecord(pool: readonly LearningSample[], record: EstimateRecord): void {
  last = { key: poolKey(pool), record };
}

function poolKey(pool: readonly LearningSample[]): string {
  return pool.map((s) => `${s.id}:${s.metrics.costUsd}:${s.label.success}`).join('|');
}

function recordPool(history: readonly LearningSample[]): LearningSample[] {
  return history
    .filter((s) => s.family !== null && s.origin !== 'zoo' && siteCount(s) <= RECORD_MAX_SITES)
    .map((s) => ({ s, h: hash32(`record:${s.id}`) }))
    .sort((a, b) => a.h - b.h)
    .slice(0, RECORD_DESIGNS)
    .map((x) => x.s);
}

function measureRecord(pool: readonly LearningSample[]): EstimateRecord {
  let saidMeets = 0;
  let held = 0;
  let saidFails = 0;
  let metAnyway = 0;
  const logs = new Map<Family, number[]>();
  for (const s of pool) {
    const family = s.family!;
    // The record reads cost and verdict only: the availability model's headline is not needed, so few draws.
    const auto = estimateFamilies(s.intent, { seed: s.seed, families: [family], availabilitySamples: RECORD_AVAILABILITY_SAMPLES }).estimates[0];
    if (!auto) continue;
    if (auto.success) {
      saidMeets++;
      if (s.label.success) held++;
    } else {
      saidFails++;
      if (s.label.success) metAnyway++;
    }
    // The unsized skeleton's price alone (no checks): what an estimate above the sizing limit starts from.
    const rawUsd = auto.sized ? costDesign(skeletonOf(s.intent, family, s.seed, DEFAULT_PRICE_BOOK, 'never').topology, DEFAULT_PRICE_BOOK).totalUsd : auto.estimated.costUsd;
    if (rawUsd > 0 && s.metrics.costUsd > 0) {
      const l = logs.get(family) ?? [];
      l.push(Math.log(s.metrics.costUsd / rawUsd));
      logs.set(family, l);
    }
  }
  const all = [...logs.values()].flat();
  const spread = (xs: number[]) => (xs.length > 1 ? Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2))) : 0);
  const pooled = { ratio: all.length ? Math.exp(mean(all)) : 1, logSigma: spread(all), designs: all.length };
  const costResidual = {} as EstimateRecord['costResidual'];
  for (const f of TOPOLOGY_FAMILIES) {
    const own = logs.get(f) ?? [];
    costResidual[f] = own.length >= MIN_RESIDUAL_DESIGNS ? { ratio: Math.exp(mean(own)), logSigma: spread(own), designs: own.length } : pooled;
  }
  return {
    designs: saidMeets + saidFails,
    saidMeets,
    held,
    saidFails,
    metAnyway,
    pIfMeets: (held + 0.5) / (saidMeets + 1),
    pIfFails: (metAnyway + 0.5) / (saidFails + 1),
    costResidual,
  };
}

function siteCount(s: LearningSample): number {
  return s.intent.siteGroups.reduce((a, g) => a + Math.max(g.count ?? 0, g.sites?.length ?? 0), 0);
}
