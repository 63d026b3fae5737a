import { TOPOLOGY_FAMILIES, type Family } from '../model/topology';
import { classKey, intentClass, type IntentClass } from './features';
import type { HeldOutError } from './predictor';
import type { LearningSample } from './sample';
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
  predictor: { [K in keyof HeldOutError]: HeldOutError[K] | null } & { trainedOn: number };
  outcomes: OutcomeComparisonRow[];
}

export const SUCCESS_DEFINITION =
  'A design succeeds for its intent when its validation passed (connectivity, the required redundancy levels, hops, latency budgets, ports, oversubscription, capacity, budget), its failure sweep met the redundancy class (HIGH/CRITICAL: no single link or device failure disconnects survivors; CRITICAL: no two link failures either), and it is within budget.';

/** The report crosses the IPC boundary as JSON: null instead of NaN. */
const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

const rateOf = (xs: readonly LearningSample[]) => {
  const s = xs.filter((x) => x.label.success).length;
  return { successes: s, total: xs.length, rate: xs.length ? s / xs.length : 0, interval: wilsonInterval(s, xs.length) };
};

export function learningReport(
  history: readonly LearningSample[],
  predictor: { heldOut: HeldOutError; trainedOn: number },
  outcomes: readonly { metric: string; predicted: number | null; actual: number }[] = [],
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
    outcomes: outcomeRows,
  };
}
