/**
 * Small statistics used by the learning twin. Pure functions, no allocation
 * beyond their result.
 */

/** Two-sided 95 % normal quantile. */
export const Z95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/**
 * Wilson score interval for a binomial proportion: `successes` out of `n`.
 * Unlike the normal ("Wald") interval it stays inside [0, 1] and is honest
 * for small n and for rates near 0 or 1; with n = 0 it is [0, 1].
 * O(1). Reference: E. B. Wilson (1927), "Probable inference, the law of
 * succession, and statistical inference", JASA 22(158).
 */
export function wilsonInterval(successes: number, n: number, z = Z95): Interval {
  if (n <= 0) return { low: 0, high: 1 };
  if (successes < 0 || successes > n) throw new RangeError(`successes ${successes} outside 0..${n}`);
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // At p = 0 or 1 the bound is exactly 0 or 1; floating point would leave 1e-16 off.
  return { low: successes === 0 ? 0 : Math.max(0, centre - half), high: successes === n ? 1 : Math.min(1, centre + half) };
}

/** Linear-interpolated quantile (type 7, as R and numpy) of an unsorted list; NaN when empty. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const s = Float64Array.from(values).sort(); // typed-array sort is numeric and several times faster
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(s.length - 1, lo + 1);
  return s[lo]! + (h - lo) * (s[hi]! - s[lo]!);
}

export const mean = (xs: readonly number[]): number =>
  xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length;

/** Mean absolute percentage error, in percent; pairs with actual = 0 are skipped. */
export function mape(pairs: readonly { predicted: number; actual: number }[]): number {
  const terms = pairs.filter((p) => p.actual !== 0).map((p) => Math.abs(p.predicted - p.actual) / Math.abs(p.actual));
  return terms.length === 0 ? NaN : 100 * mean(terms);
}

/** Standard normal CDF (Abramowitz & Stegun 26.2.17, |error| < 7.5e-8). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const d = 0.3989422804014327 * Math.exp((-x * x) / 2);
  const p = d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return x >= 0 ? 1 - p : p;
}

/** Rounds to `digits` significant digits (for stable, readable reports). */
export function roundSig(x: number, digits = 4): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const k = digits - Math.ceil(Math.log10(Math.abs(x)));
  const f = 10 ** k;
  return Math.round(x * f) / f;
}
