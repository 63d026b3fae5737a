import { TOPOLOGY_FAMILIES, type Family } from '../model/topology';
import { classKey, intentClass, type IntentClass } from './features';
import { compareForGoal } from './goal';
import { fitPredictor, type HeldOutError, type Predictor } from './predictor';
import { recommendInstant, type Recommendation } from './recommend';
import type { LearningSample } from './sample';
import { compareWithVerified, summariseAccuracy, type Calibration, type MeasuredOption } from './accuracy';
import { mape, wilsonInterval, type Interval } from './stats';

/**
 * The learning report: success rates per family × intent class (size band,
 * redundancy class, goal, region band) with Wilson 95 % intervals, the trend
 * of success over time (history split chronologically into about
 * TREND_BUCKETS parts, never splitting samples recorded at the same time), what the real networks in history look like, the
 * predictor's held-out error, and measured outcomes against predictions.
 * O(samples) plus the predictor's cross-validation.
 */
export const TREND_BUCKETS = 5;

export interface RateRow {
  family: Family;
  intentClass: IntentClass;
  successes: number;
  total: number;
  rate: number;
  interval: Interval;
}

export interface OutcomeComparisonRow {
  metric: string;
  count: number;
  /** Null when no row of the metric had a prediction. */
  mapePct: number | null;
  meanPredicted: number | null;
  meanActual: number | null;
}

export interface LearningReport {
  samples: number;
  byOrigin: Record<string, number>;
  successDefinition: string;
  perFamily: { family: Family; successes: number; total: number; rate: number; interval: Interval }[];
  perClass: RateRow[];
  trend: { from: number; to: number; samples: number; rate: number; interval: Interval }[];
  realNetworks: { count: number; byRedundancy: Record<string, number> };
  /** Held-out errors; null until history is large enough to cross-validate. */
  predictor: { [K in Exclude<keyof HeldOutError, 'calibration'>]: HeldOutError[K] | null } & { trainedOn: number };
  /** Reliability of the stated P(success) on held-out history (cross-fitted; accuracy.ts). */
  reliability: Calibration;
  /** Instant recommendations replayed against the verified ones in history, period by period. */
  accuracyOverTime: AccuracyPeriod[];
  outcomes: OutcomeComparisonRow[];
}

/**
 * One period of verified recommendations: each verified intent of the
 * period answered by instant mode from the history recorded before the
 * period began (as the user would have been answered then) and compared with
 * what verification measured (accuracy.ts).
 */
export interface AccuracyPeriod {
  from: number;
  to: number;
  intents: number;
  /** Designs the period's instant answers were made from. */
  trainedOn: number;
  top1Pct: number;
  meanRegretPct: number;
}

/** Fewest designs of history before a period for its instant answers to be replayed. */
export const MIN_REPLAY_HISTORY = 40;

export const SUCCESS_DEFINITION =
  'A design succeeds for its intent when its validation passed (connectivity, the required redundancy levels, hops, latency budgets, ports, oversubscription, capacity, budget), its failure sweep met the redundancy class (HIGH/CRITICAL: no single link or device failure disconnects survivors; CRITICAL: no two link failures either), and it is within budget.';

/** The report crosses the IPC boundary as JSON: null instead of NaN. */
const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

const rateOf = (xs: readonly LearningSample[]) => {
  const s = xs.filter((x) => x.label.success).length;
  return { successes: s, total: xs.length, rate: xs.length ? s / xs.length : 0, interval: wilsonInterval(s, xs.length) };
};

/** A measured outcome beside the twin's prediction (outcomes:import), as the report reads it. */
export interface ReportOutcome {
  metric: string;
  predicted: number | null;
  actual: number;
}

export function learningReport(
  history: readonly LearningSample[],
  predictor: Pick<Predictor, 'heldOut' | 'trainedOn'>,
  outcomes: readonly ReportOutcome[] = [],
  /** accuracyOverTime(history), when computed elsewhere (a worker, or kept from an earlier report). */
  accuracy: AccuracyPeriod[] = accuracyOverTime(history),
): LearningReport {
  const designed = history.filter((s) => s.family !== null);
  const byOrigin: Record<string, number> = {};
  for (const s of history) byOrigin[s.origin] = (byOrigin[s.origin] ?? 0) + 1;
  const perFamily = TOPOLOGY_FAMILIES.map((family) => ({ family, ...rateOf(designed.filter((s) => s.family === family)) })).filter((r) => r.total > 0);
  const groups = new Map<string, { family: Family; cls: IntentClass; xs: LearningSample[] }>();
  for (const s of designed) {
    const cls = intentClass({
      sites: Math.round(Math.exp(s.features[0]!)),
      regions: Math.round(Math.exp(s.features[1]!)),
      redundancy: s.intent.redundancy,
      goal: s.intent.goal,
    });
    const key = `${s.family}|${classKey(cls)}`;
    const g = groups.get(key) ?? { family: s.family!, cls, xs: [] };
    g.xs.push(s);
    groups.set(key, g);
  }
  const perClass = [...groups.values()]
    .map((g) => ({ family: g.family, intentClass: g.cls, ...rateOf(g.xs) }))
    .sort((a, b) => (classKey(a.intentClass) < classKey(b.intentClass) ? -1 : classKey(a.intentClass) > classKey(b.intentClass) ? 1 : 0) || TOPOLOGY_FAMILIES.indexOf(a.family) - TOPOLOGY_FAMILIES.indexOf(b.family));
  const chrono = [...designed].sort((a, b) => a.createdAt - b.createdAt);
  const trend = [];
  // Buckets of about n / TREND_BUCKETS samples, cut only where the time changes (one batch stays whole).
  const target = Math.max(1, Math.ceil(chrono.length / TREND_BUCKETS));
  let start = 0;
  for (let i = 1; i <= chrono.length; i++) {
    const cut = i === chrono.length || (i - start >= target && chrono[i]!.createdAt !== chrono[i - 1]!.createdAt);
    if (!cut) continue;
    const part = chrono.slice(start, i);
    const r = rateOf(part);
    trend.push({ from: part[0]!.createdAt, to: part[part.length - 1]!.createdAt, samples: part.length, rate: r.rate, interval: r.interval });
    start = i;
  }
  const zoo = history.filter((s) => s.origin === 'zoo');
  const byRedundancy: Record<string, number> = {};
  for (const s of zoo) {
    const r = s.label.redundancyAchieved ?? 'disconnected';
    byRedundancy[r] = (byRedundancy[r] ?? 0) + 1;
  }
  const metrics = [...new Set(outcomes.map((o) => o.metric))].sort();
  const outcomeRows = metrics.map((metric) => {
    const pairs = outcomes.filter((o) => o.metric === metric && o.predicted !== null).map((o) => ({ predicted: o.predicted!, actual: o.actual }));
    const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
    return {
      metric,
      count: pairs.length,
      mapePct: finite(mape(pairs)),
      meanPredicted: finite(mean(pairs.map((p) => p.predicted))),
      meanActual: finite(mean(pairs.map((p) => p.actual))),
    };
  });
  return {
    samples: history.length,
    byOrigin,
    successDefinition: SUCCESS_DEFINITION,
    perFamily,
    perClass,
    trend,
    realNetworks: { count: zoo.length, byRedundancy },
    predictor: {
      samples: predictor.heldOut.samples,
      costMapePct: finite(predictor.heldOut.costMapePct),
      p95MapePct: finite(predictor.heldOut.p95MapePct),
      downtimeMaeMin: finite(predictor.heldOut.downtimeMaeMin),
      downtimeMapePct: finite(predictor.heldOut.downtimeMapePct),
      trainedOn: predictor.trainedOn,
    },
    reliability: predictor.heldOut.calibration,
    accuracyOverTime: accuracy,
    outcomes: outcomeRows,
  };
}

/**
 * Verified recommendations in history (origin 'verified': every family of one
 * intent measured at one time), cut into at most TREND_BUCKETS periods of
 * about equal count; each period's intents answered by instant mode fitted on
 * the history recorded before the period (skipped below MIN_REPLAY_HISTORY
 * designs). The best seed of each family stands for it, ranked as verified
 * mode ranks (success first, then the goal measure).
 * O(periods · fit + verified intents · instant).
 */
/**
 * What accuracyOverTime reads, as a key: the verified samples and how much
 * history came before the last of them (history only grows, and samples
 * recorded after every verified recommendation change no period).
 */
export function accuracyKey(history: readonly LearningSample[]): string {
  const verified = history.filter((s) => s.origin === 'verified' && s.family !== null);
  if (verified.length === 0) return '';
  const last = Math.max(...verified.map((s) => s.createdAt));
  const before = history.filter((s) => s.createdAt <= last && s.family !== null).length;
  return `${before}|${verified.map((s) => `${s.id}@${s.createdAt}`).join(',')}`;
}

export function accuracyOverTime(
  history: readonly LearningSample[],
  /** The instant answer being measured: recommendInstant (analytic estimate + history); tests of the replay itself pass history alone. */
  instant: (intent: LearningSample['intent'], before: readonly LearningSample[], predictor: Predictor) => Recommendation = (i, b, p) => recommendInstant(i, b, p),
): AccuracyPeriod[] {
  const groups = new Map<string, LearningSample[]>();
  for (const s of history) {
    if (s.origin !== 'verified' || s.family === null) continue;
    const key = `${s.createdAt}|${JSON.stringify(s.intent)}`;
    const g = groups.get(key) ?? [];
    g.push(s);
    groups.set(key, g);
  }
  const ordered = [...groups.values()].sort((a, b) => a[0]!.createdAt - b[0]!.createdAt);
  const size = Math.max(1, Math.ceil(ordered.length / TREND_BUCKETS));
  const out: AccuracyPeriod[] = [];
  for (let i = 0; i < ordered.length; i += size) {
    const part = ordered.slice(i, i + size);
    const start = part[0]![0]!.createdAt;
    const before = history.filter((s) => s.createdAt < start && s.family !== null);
    if (before.length < MIN_REPLAY_HISTORY) continue;
    const predictor = fitPredictor(before);
    const rows = part.map((g) => {
      const intent = g[0]!.intent;
      const ranked = [...g].sort((a, b) => Number(b.label.success) - Number(a.label.success) || compareForGoal(intent.goal, a.metrics, b.metrics));
      const measured: MeasuredOption[] = [];
      for (const s of ranked) if (!measured.some((m) => m.family === s.family)) measured.push({ family: s.family!, success: s.label.success, metrics: s.metrics });
      return compareWithVerified(intent.goal, instant(intent, before, predictor).options, measured);
    });
    const sum = summariseAccuracy(rows);
    out.push({ from: start, to: part.at(-1)![0]!.createdAt, intents: rows.length, trainedOn: before.length, top1Pct: sum.top1Pct ?? 0, meanRegretPct: sum.meanRegretPct ?? 0 });
  }
  return out;
}
