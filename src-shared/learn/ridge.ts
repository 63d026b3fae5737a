/**
 * Ridge regression (Tikhonov-regularised least squares) on standardised
 * features: minimise ‖y − Xβ − b‖² + λ‖β‖². Features are centred and scaled
 * to unit variance, the intercept is not penalised, and the normal equations
 * (XᵀX + λI)β = Xᵀy are solved by Cholesky decomposition.
 * Fit: O(n·d² + d³); predict: O(d). Reference: Hoerl & Kennard (1970),
 * "Ridge regression: biased estimation for nonorthogonal problems",
 * Technometrics 12(1); Hastie, Tibshirani & Friedman, ESL §3.4.1.
 */
export interface RidgeModel {
  readonly means: readonly number[];
  readonly scales: readonly number[];
  readonly coef: readonly number[];
  readonly intercept: number;
}

export function fitRidge(X: readonly (readonly number[])[], y: readonly number[], lambda: number): RidgeModel {
  return fitRidgeShared(X, [y], lambda)[0]!;
}

/**
 * One ridge model per target in `ys`, all on the same rows X: the means,
 * scales, XᵀX + λI and its Cholesky factor depend on X alone, so they are
 * computed once (the predictor fits three targets on every family's rows).
 * Each model is the one fitRidge(X, ys[t], λ) gives, bit for bit: every
 * sum is taken in the same order. The models share their means and scales arrays.
 */
export function fitRidgeShared(X: readonly (readonly number[])[], ys: readonly (readonly number[])[], lambda: number): RidgeModel[] {
  const n = X.length;
  if (n === 0) throw new RangeError('ridge: no training rows');
  const d = X[0]!.length;
  const means = new Array<number>(d).fill(0);
  const scales = new Array<number>(d).fill(0);
  for (const row of X) for (let j = 0; j < d; j++) means[j]! += row[j]! / n;
  for (const row of X) for (let j = 0; j < d; j++) scales[j]! += (row[j]! - means[j]!) ** 2 / n;
  for (let j = 0; j < d; j++) scales[j] = Math.sqrt(scales[j]!) || 1;
  const yms = ys.map((y) => y.reduce((a, b) => a + b, 0) / n);
  const A = new Float64Array(d * d);
  const rs = ys.map(() => new Float64Array(d));
  const z = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const row = X[i]!;
    for (let j = 0; j < d; j++) z[j] = (row[j]! - means[j]!) / scales[j]!;
    for (let t = 0; t < ys.length; t++) {
      const r = rs[t]!;
      const yi = ys[t]![i]! - yms[t]!;
      for (let j = 0; j < d; j++) r[j]! += z[j]! * yi;
    }
    for (let j = 0; j < d; j++) for (let k = 0; k <= j; k++) A[j * d + k]! += z[j]! * z[k]!;
  }
  for (let j = 0; j < d; j++) {
    A[j * d + j]! += lambda;
    for (let k = 0; k < j; k++) A[k * d + j] = A[j * d + k]!;
  }
  const L = choleskyFactor(A, d);
  return rs.map((r, t) => ({ means, scales, coef: Array.from(choleskySolveWith(L, r, d)), intercept: yms[t]! }));
}

export function predictRidge(m: RidgeModel, x: readonly number[]): number {
  let s = m.intercept;
  for (let j = 0; j < m.coef.length; j++) s += (m.coef[j]! * (x[j]! - m.means[j]!)) / m.scales[j]!;
  return s;
}

/** The lower-triangular L with A = LLᵀ (row-major d×d); throws when A is not positive definite. O(d³). */
function choleskyFactor(A: Float64Array, d: number): Float64Array {
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
  return L;
}

/** Solves LLᵀ x = b by forward and back substitution. O(d²). */
function choleskySolveWith(L: Float64Array, b: Float64Array, d: number): Float64Array {
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
