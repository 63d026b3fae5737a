import { TOPOLOGY_FAMILIES, type Family } from '../model/topology';
import { hash32 } from '../lib/rng';
import { estimateFamilies } from './estimate';
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
 *   for an estimate that says "meets" is the Laplace rule (held + 1) /
 *   (said + 2); for one that says "fails", (met anyway + 1) / (said + 2).
 *   Never 0 or 1: a verdict without the capacity check is not a proof.
 * - Cost residual, per family: the same designs' unsized skeleton priced
 *   (sizing 'never') against the measured cost; the geometric mean of
 *   measured / estimated corrects an estimate whose links were not sized
 *   (large intents), with the log-ratio spread as its interval. Families
 *   with fewer than MIN_RESIDUAL_DESIGNS such designs take the pooled ratio.
 * O(RECORD_DESIGNS · small estimate): well under a second; memoised per
 * predictor (predictor.ts).
 */
export const RECORD_DESIGNS = 36;
export const RECORD_MAX_SITES = 30;
export const MIN_RESIDUAL_DESIGNS = 3;

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

export function estimateRecord(history: readonly LearningSample[]): EstimateRecord {
  const pool = history
    .filter((s) => s.family !== null && s.origin !== 'zoo' && siteCount(s) <= RECORD_MAX_SITES)
    .map((s) => ({ s, h: hash32(`record:${s.id}`) }))
    .sort((a, b) => a.h - b.h)
    .slice(0, RECORD_DESIGNS)
    .map((x) => x.s);
  let saidMeets = 0;
  let held = 0;
  let saidFails = 0;
  let metAnyway = 0;
  const logs = new Map<Family, number[]>();
  for (const s of pool) {
    const family = s.family!;
    const auto = estimateFamilies(s.intent, { seed: s.seed, families: [family] }).estimates[0];
    if (!auto) continue;
    if (auto.success) {
      saidMeets++;
      if (s.label.success) held++;
    } else {
      saidFails++;
      if (s.label.success) metAnyway++;
    }
    const raw = auto.sized ? estimateFamilies(s.intent, { seed: s.seed, families: [family], sizing: 'never' }).estimates[0] : auto;
    if (raw && raw.estimated.costUsd > 0 && s.metrics.costUsd > 0) {
      const l = logs.get(family) ?? [];
      l.push(Math.log(s.metrics.costUsd / raw.estimated.costUsd));
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
    pIfMeets: (held + 1) / (saidMeets + 2),
    pIfFails: (metAnyway + 1) / (saidFails + 2),
    costResidual,
  };
}

function siteCount(s: LearningSample): number {
  return s.intent.siteGroups.reduce((a, g) => a + Math.max(g.count ?? 0, g.sites?.length ?? 0), 0);
}
