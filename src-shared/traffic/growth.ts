/**
 * Traffic growth per period: a stated rule (linear or compound, % per
 * period) or a compound rate fitted to measured periods with a 95 %
 * interval. The fit is ordinary least squares on ln(load) against the
 * period index (exponential growth is a straight line there); the interval
 * is the slope's t-interval with n − 2 degrees of freedom, mapped back to a
 * rate. Two periods give a rate without an interval; fewer give nothing.
 */
export type GrowthRule = { kind: 'compound'; pctPerPeriod: number } | { kind: 'linear'; pctPerPeriod: number };

/** Load `ahead` periods after `base` under a rule (linear: the same absolute step each period, % of base). */
export function grow(base: number, rule: GrowthRule, ahead: number): number {
  const r = rule.pctPerPeriod / 100;
  return rule.kind === 'compound' ? base * (1 + r) ** ahead : base * (1 + r * ahead);
}

export interface GrowthFit {
  /** Compound rate per period (0.05 = 5 %). */
  rate: number;
  /** 95 % interval of the rate; null with only two periods. */
  interval: [number, number] | null;
  periods: number;
  /** The fitted load at the last period (smoothed), the base for a forecast. */
  lastFitted: number;
}

// Two-sided 97.5 % quantiles of Student's t for 1..30 degrees of freedom (standard tables); 1.96 beyond.
const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];
const tQuantile = (dof: number): number => (dof <= 30 ? T975[dof - 1]! : 1.96);

/** Fits compound growth to loads of consecutive periods (non-positive values are skipped with their index kept). */
export function fitGrowth(values: readonly number[]): GrowthFit | null {
  const pts = values.flatMap((v, i) => (v > 0 && Number.isFinite(v) ? [[i, Math.log(v)] as const] : []));
  const n = pts.length;
  if (n < 2) return null;
  const mx = pts.reduce((s, [x]) => s + x, 0) / n;
  const my = pts.reduce((s, [, y]) => s + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const [x, y] of pts) {
    sxx += (x - mx) ** 2;
    sxy += (x - mx) * (y - my);
  }
  const b = sxy / sxx;
  const a = my - b * mx;
  const last = values.length - 1;
  let interval: [number, number] | null = null;
  if (n > 2) {
    let sse = 0;
    for (const [x, y] of pts) sse += (y - a - b * x) ** 2;
    const se = Math.sqrt(sse / (n - 2) / sxx);
    const t = tQuantile(n - 2);
    interval = [Math.exp(b - t * se) - 1, Math.exp(b + t * se) - 1];
  }
  return { rate: Math.exp(b) - 1, interval, periods: n, lastFitted: Math.exp(a + b * last) };
}

export interface Forecast {
  /** Expected load `ahead` periods after the last measured one. */
  expected: number;
  /** From the rate interval's ends (equal to expected without an interval). */
  low: number;
  high: number;
}

/** Forecast from a fit: the smoothed last load grown at the fitted rate and at the ends of its interval. */
export function forecast(fit: GrowthFit, ahead: number): Forecast {
  const at = (r: number): number => fit.lastFitted * (1 + r) ** ahead;
  return { expected: at(fit.rate), low: at(fit.interval?.[0] ?? fit.rate), high: at(fit.interval?.[1] ?? fit.rate) };
}
