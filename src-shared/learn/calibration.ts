import { annuityFactor, type CostBreakdown } from '../cost/cost';
import { hash32, mulberry32 } from '../lib/rng';
import { OUTCOME_METRICS, type OutcomeMetric } from './outcomes';
import { mean, quantile, type Interval } from './stats';

/**
 * Calibration from measured outcomes: what simulation cannot know — how this
 * organisation's invoices, traffic and failures differ from the price book
 * and the twin's models — learnt as one correction factor per metric with a
 * 95 % interval (docs/learning.md, "Calibration").
 *
 * The unit of evidence is a design, not a row: a design's rows of one metric
 * (several months of invoices, several measurement periods) are averaged
 * into one measured and one predicted figure, so a design measured twelve
 * times does not count as twelve designs.
 *
 * Two methods, chosen per metric by what its values can be:
 * - cost, latency, utilisation (positive): the factor is the geometric mean
 *   of the designs' ratios measured / predicted, with a Student-t interval
 *   on the mean log ratio (ratios are multiplicative: 2× above and 2× below
 *   are symmetric in logs). Assumes the log ratios are roughly normal and the
 *   designs independent. A design with a zero figure has no log ratio and is
 *   left out, named.
 * - incidents (counts, zero is common): the rate ratio Σ measured / Σ
 *   predicted over designs, with a 95 % percentile bootstrap interval over
 *   designs (BOOTSTRAP_RESAMPLES resamples, seeded from the evidence so the
 *   same outcomes give the same interval). Assumes designs are exchangeable.
 * Below MIN_CALIBRATION_DESIGNS designs no factor is stated: the answer says
 * how many more are needed.
 */
export const MIN_CALIBRATION_DESIGNS = 4;
export const BOOTSTRAP_RESAMPLES = 2000;

export type CalibrationMethod = 'log-ratio-t' | 'rate-ratio-bootstrap';

const METHOD: Record<OutcomeMetric, CalibrationMethod> = {
  utilisation: 'log-ratio-t',
  latencyMs: 'log-ratio-t',
  incidents: 'rate-ratio-bootstrap',
  capexUsd: 'log-ratio-t',
  mrcUsd: 'log-ratio-t',
  circuitsMonthlyUsd: 'log-ratio-t',
};

export const METHOD_WORDS: Record<CalibrationMethod, string> = {
  'log-ratio-t': 'geometric mean of measured / predicted per design, 95 % Student-t interval on the log ratios',
  'rate-ratio-bootstrap': `total measured / total predicted over designs, 95 % percentile bootstrap over designs (${BOOTSTRAP_RESAMPLES} resamples)`,
};

/** How a factor reads in a sentence: "<subject> 18 % above <reference>". */
const WORDS: Record<OutcomeMetric, { subject: string; reference: string }> = {
  circuitsMonthlyUsd: { subject: 'circuits cost', reference: 'the price book' },
  capexUsd: { subject: 'one-time (capex) spend is', reference: 'the price book' },
  mrcUsd: { subject: 'monthly recurring cost is', reference: 'the price book' },
  latencyMs: { subject: 'measured p95 latency is', reference: "the twin's prediction" },
  utilisation: { subject: 'peak link utilisation is', reference: "the twin's prediction (gravity traffic)" },
  incidents: { subject: 'failure incidents are', reference: "the twin's prediction (MTBF model)" },
};

/** The label a metric carries on every surface. */
export const CALIBRATION_LABELS: Record<OutcomeMetric, string> = {
  circuitsMonthlyUsd: 'Circuit cost',
  capexUsd: 'One-time cost (capex)',
  mrcUsd: 'Monthly recurring cost',
  latencyMs: 'p95 latency',
  utilisation: 'Peak link utilisation',
  incidents: 'Failure incidents',
};

/** One measured outcome row as stored (OutcomeRecord) — what calibration reads. */
export interface OutcomeRow {
  topologyId: string;
  metric: string;
  predicted: number | null;
  actual: number;
  source: string;
}

/** One design's part in a factor: its averaged figures and their ratio. */
export interface CalibrationEvidence {
  designId: string;
  designName: string;
  rows: number;
  predicted: number;
  measured: number;
  ratio: number;
  sources: string[];
}

export interface Calibration {
  /** Stable id of the learnt effect (its switch is stored under it). */
  id: string;
  metric: OutcomeMetric;
  method: CalibrationMethod;
  /** Designs that entered the factor. */
  designs: number;
  /** How many more designs are needed before a factor is stated (0 when it is). */
  moreNeeded: number;
  /** measured / predicted; null when too few designs. */
  factor: number | null;
  interval: Interval | null;
  statement: string;
  evidence: CalibrationEvidence[];
  excluded: { designId: string; designName: string; reason: string }[];
}

export const calibrationId = (metric: OutcomeMetric): string => `calibration:${metric}`;

/** Two-sided 95 % Student-t quantiles for 1..30 degrees of freedom. */
const T975 = [
  12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139, 2.200985, 2.178813,
  2.160369, 2.144787, 2.13145, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963, 2.079614, 2.073873, 2.068658, 2.063899,
  2.059539, 2.055529, 2.051831, 2.048407, 2.04523, 2.042272,
];

/**
 * The 0.975 quantile of Student's t with `df` degrees of freedom: the table
 * to 30, then the Cornish–Fisher expansion in 1/df (Abramowitz & Stegun
 * 26.7.5), within 2e-6 of the exact value from 30 on.
 */
export function t975(df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`degrees of freedom ${df} must be a positive integer`);
  if (df <= T975.length) return T975[df - 1]!;
  const z = 1.959963984540054;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3);
}

/** Geometric mean ratio with a Student-t 95 % interval on the mean log ratio (n ≥ 2). */
export function logRatioInterval(ratios: readonly number[]): { factor: number; interval: Interval } {
  const logs = ratios.map((r) => Math.log(r));
  const n = logs.length;
  const m = mean(logs);
  const sd = Math.sqrt(logs.reduce((a, l) => a + (l - m) ** 2, 0) / (n - 1));
  const half = (t975(n - 1) * sd) / Math.sqrt(n);
  return { factor: Math.exp(m), interval: { low: Math.exp(m - half), high: Math.exp(m + half) } };
}

/** Σ measured / Σ predicted with a seeded percentile bootstrap over the pairs. */
export function rateRatioInterval(pairs: readonly { measured: number; predicted: number }[], seed: number, resamples = BOOTSTRAP_RESAMPLES): { factor: number; interval: Interval } {
  const ratio = (xs: readonly { measured: number; predicted: number }[]) =>
    xs.reduce((a, p) => a + p.measured, 0) / xs.reduce((a, p) => a + p.predicted, 0);
  const rng = mulberry32(seed);
  const n = pairs.length;
  const draws: number[] = [];
  for (let b = 0; b < resamples; b++) {
    const pick = Array.from({ length: n }, () => pairs[Math.floor(rng() * n)]!);
    draws.push(ratio(pick));
  }
  return { factor: ratio(pairs), interval: { low: quantile(draws, 0.025), high: quantile(draws, 0.975) } };
}

const pctOff = (f: number): number => Math.round(Math.abs(f - 1) * 100);
const side = (f: number): string => (f >= 1 ? 'above' : 'below');

/** "18 % above the price book (95 % interval 9–27 %, 6 designs)". */
export function factorInWords(metric: OutcomeMetric, factor: number, interval: Interval, designs: number): string {
  const w = WORDS[metric];
  const head = pctOff(factor) === 0 ? `the same as ${w.reference}` : `${pctOff(factor)} % ${side(factor)} ${w.reference}`;
  const lo = interval.low;
  const hi = interval.high;
  const range =
    lo >= 1 || hi <= 1
      ? `${Math.min(pctOff(lo), pctOff(hi))}–${Math.max(pctOff(lo), pctOff(hi))} % ${side(factor)}`
      : `${pctOff(lo)} % below to ${pctOff(hi)} % above`;
  return `this organisation's ${w.subject} ${head} (95 % interval ${range}, ${designs} design${designs === 1 ? '' : 's'})`;
}

function tooFewInWords(metric: OutcomeMetric, designs: number, more: number): string {
  return (
    `${CALIBRATION_LABELS[metric]}: ${designs} design${designs === 1 ? '' : 's'} with measured and predicted figures; ` +
    `${more} more needed before a correction factor is stated (at least ${MIN_CALIBRATION_DESIGNS}).`
  );
}

/**
 * One calibration per metric that has any measured row, in OUTCOME_METRICS
 * order. `names` gives design names for the evidence (the id when absent).
 * O(rows + designs · resamples).
 */
export function calibrate(rows: readonly OutcomeRow[], names: ReadonlyMap<string, string> = new Map()): Calibration[] {
  const out: Calibration[] = [];
  for (const metric of OUTCOME_METRICS) {
    const mine = rows.filter((r) => r.metric === metric);
    if (mine.length === 0) continue;
    out.push(calibrateMetric(metric, mine, names));
  }
  return out; // rows of a metric this version does not know (a newer file's) are not guessed at
}

function calibrateMetric(metric: OutcomeMetric, rows: readonly OutcomeRow[], names: ReadonlyMap<string, string>): Calibration {
  const method = METHOD[metric];
  const byDesign = new Map<string, OutcomeRow[]>();
  for (const r of rows) byDesign.set(r.topologyId, [...(byDesign.get(r.topologyId) ?? []), r]);
  const evidence: CalibrationEvidence[] = [];
  const excluded: Calibration['excluded'] = [];
  for (const [designId, list] of byDesign) {
    const designName = names.get(designId) ?? designId;
    const paired = list.filter((r) => r.predicted !== null);
    if (paired.length === 0) {
      excluded.push({ designId, designName, reason: 'no prediction stored with its measurements' });
      continue;
    }
    const predicted = mean(paired.map((r) => r.predicted!));
    const measured = mean(paired.map((r) => r.actual));
    if (predicted <= 0 || (method === 'log-ratio-t' && measured <= 0)) {
      excluded.push({ designId, designName, reason: `a ${predicted <= 0 ? 'predicted' : 'measured'} figure of 0 has no ratio` });
      continue;
    }
    evidence.push({ designId, designName, rows: paired.length, predicted, measured, ratio: measured / predicted, sources: [...new Set(paired.map((r) => r.source))] });
  }
  const n = evidence.length;
  const base = { id: calibrationId(metric), metric, method, designs: n, evidence, excluded };
  if (n < MIN_CALIBRATION_DESIGNS) {
    const more = MIN_CALIBRATION_DESIGNS - n;
    return { ...base, moreNeeded: more, factor: null, interval: null, statement: tooFewInWords(metric, n, more) };
  }
  const { factor, interval } =
    method === 'log-ratio-t'
      ? logRatioInterval(evidence.map((e) => e.ratio))
      : rateRatioInterval(evidence, hash32(`${metric}|${evidence.map((e) => `${e.designId}:${e.measured}:${e.predicted}`).join(',')}`));
  return { ...base, moreNeeded: 0, factor, interval, statement: factorInWords(metric, factor, interval, n) };
}

/** A figure with a factor applied: the value and its 95 % range from the factor's interval. */
export interface Calibrated {
  value: number;
  low: number;
  high: number;
}

/** `value` × the factor (null when the calibration states none). */
export function calibratedValue(value: number, c: Pick<Calibration, 'factor' | 'interval'>): Calibrated | null {
  if (c.factor === null || c.interval === null) return null;
  return { value: value * c.factor, low: value * c.interval.low, high: value * c.interval.high };
}

type CostFactor = Pick<Calibration, 'factor' | 'interval'>;

/** The cost factors that can apply to a price-book cost. */
export type CostFactors = Partial<Record<'capexUsd' | 'mrcUsd' | 'circuitsMonthlyUsd', CostFactor>>;

export interface CalibratedCost {
  capexUsd: Calibrated;
  mrcUsd: Calibrated;
  /** The TCO over the design's term, recomputed from the calibrated capex and monthly cost. */
  totalUsd: Calibrated;
  /** Which factors were applied, in words. */
  applied: string[];
}

const unit: Calibrated = { value: 1, low: 1, high: 1 };
const asRange = (f: CostFactor | undefined): Calibrated =>
  f?.factor != null && f.interval != null ? { value: f.factor, low: f.interval.low, high: f.interval.high } : unit;

/**
 * A price-book cost with the organisation's factors: capex × the capex
 * factor; the monthly cost × the monthly factor, or, without one, its
 * circuits × the circuits factor (the monthly factor already covers
 * circuits, so the two are never stacked); the TCO recomputed as capex +
 * 12 × monthly × annuity (cost/cost.ts). The range takes every factor at its
 * low end together and at its high end together (as if fully correlated:
 * wider than independence would give, never narrower). Null when no factor
 * applies.
 */
export function calibratedCost(cost: Pick<CostBreakdown, 'capexUsd' | 'mrcUsd' | 'monthly' | 'termYears' | 'discountRatePct'>, factors: CostFactors): CalibratedCost | null {
  const capexF = asRange(factors.capexUsd);
  const mrcF = asRange(factors.mrcUsd);
  const circuitsF = asRange(factors.circuitsMonthlyUsd);
  const applied: string[] = [];
  if (capexF !== unit) applied.push('capex');
  if (mrcF !== unit) applied.push('monthly recurring');
  else if (circuitsF !== unit) applied.push('circuits');
  if (applied.length === 0) return null;
  const annual = 12 * annuityFactor(cost.termYears, cost.discountRatePct);
  const at = (k: keyof Calibrated) => {
    const capex = cost.capexUsd * capexF[k];
    const mrc = mrcF !== unit ? cost.mrcUsd * mrcF[k] : cost.mrcUsd + cost.monthly.circuitsUsd * (circuitsF[k] - 1);
    return { capex, mrc, total: capex + mrc * annual };
  };
  const v = at('value');
  const lo = at('low');
  const hi = at('high');
  return {
    capexUsd: { value: v.capex, low: lo.capex, high: hi.capex },
    mrcUsd: { value: v.mrc, low: lo.mrc, high: hi.mrc },
    totalUsd: { value: v.total, low: lo.total, high: hi.total },
    applied,
  };
}
