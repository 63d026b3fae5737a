import { routeLoads, type RoutingMatrix } from './routing-matrix';
import { EstimationSystem, type Measurements } from './system';

/**
 * Traffic-matrix estimation from link loads (y = A x, far fewer loads than
 * pairs, so the loads alone do not determine x):
 *
 * - gravity: x_st ∝ O_s · I_t (the simple gravity model). O and I are the
 *   traffic entering and leaving the network at each node when those edge
 *   counters are measured; otherwise each node's measured outgoing and
 *   incoming link load (transit included: a cruder prior, said in `notes`).
 *   Scaled so the routed prior carries the measured total load.
 * - tomogravity (Zhang, Roughan, Duffield, Greenberg, "Fast accurate
 *   computation of large-scale IP traffic matrices from link loads",
 *   SIGMETRICS 2003): the gravity prior corrected by weighted least squares,
 *   x = x_g + W Sᵀ (S W Sᵀ)⁻¹ (b − S x_g), W = diag(x_g) — the smallest
 *   change, relative to each prior entry, that fits the loads and totals; the
 *   correction lies in the row space of S, so the null-space part of the
 *   prior is kept. Solved matrix-free by conjugate gradients. Negative
 *   entries are set to zero and the correction repeated with the clipped
 *   estimate as weights (zeros stay zero), in place of the paper's iterative
 *   proportional fitting.
 * - nnls: min ‖S x − b‖² subject to x ≥ 0, accelerated projected gradient
 *   (FISTA, Beck & Teboulle 2009) started from the gravity prior, so among
 *   the matrices fitting equally well it returns one near the prior.
 *
 * Known demands are fixed: subtracted from loads and totals, never changed.
 * Cost per iteration O(nnz of A); iterations are capped (see options).
 */
export type TmMethod = 'gravity' | 'tomogravity' | 'nnls';
export const TM_METHODS: readonly TmMethod[] = ['gravity', 'tomogravity', 'nnls'];

export interface EstimateOptions {
  /** Conjugate-gradient iterations per tomogravity pass (default 200). */
  cgIterations?: number;
  /** Projected-gradient iterations for NNLS (default 300). */
  nnlsIterations?: number;
  /**
   * Stop when the residual is this share of the measurements (‖S x − b‖ / ‖b‖):
   * default 1e-4 for tomogravity, 1e-3 for NNLS — below SNMP counters' own
   * error (5-minute averages, polling jitter). Tests ask for exact fits.
   */
  tolerance?: number;
}

export interface FitRow {
  slot: number;
  measured: number;
  fitted: number;
}

export interface TmEstimate {
  method: TmMethod;
  /** Per pair of the routing matrix (known demands included as given). */
  x: Float64Array;
  /** Loads the estimate produces on every directed slot. */
  fitted: Float64Array;
  /** Measured vs fitted, per measured slot. */
  fit: FitRow[];
  /** ‖fitted − measured‖ / ‖measured‖ over the measured slots (0 = exact fit). */
  fitError: number;
  iterations: number;
  notes: string[];
}

const dot = (a: Float64Array, b: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

/** The gravity prior over free pairs, scaled to the measured total load. */
function gravityPrior(sys: EstimationSystem, m: Measurements, notes: string[]): Float64Array {
  const a = sys.a;
  const n = a.nodes;
  const k = a.src.length;
  const out = new Float64Array(n);
  const inn = new Float64Array(n);
  const fromTotals = sys.originKnown && sys.destinationKnown;
  if (fromTotals) {
    for (let i = 0; i < n; i++) {
      out[i] = sys.originRow[i]! >= 0 ? sys.b[sys.originRow[i]!]! : 0;
      inn[i] = sys.destRow[i]! >= 0 ? sys.b[sys.destRow[i]!]! : 0;
    }
  } else {
    notes.push('no complete edge totals: the gravity prior uses each node\u2019s measured link load (transit included)');
    for (let s = 0; s < a.slots; s++) {
      const r = sys.slotRow[s]!;
      if (r < 0) continue;
      const y = sys.b[r]!;
      out[a.slotFrom[s]!]! += y;
      inn[a.slotTo[s]!]! += y;
    }
  }
  let sumIn = 0;
  for (let i = 0; i < n; i++) sumIn += inn[i]!;
  const x = new Float64Array(k);
  if (sumIn <= 0) return x;
  for (let p = 0; p < k; p++) if (sys.free[p] === 1) x[p] = (out[a.src[p]!]! * inn[a.dst[p]!]!) / sumIn;
  if (!fromTotals && sys.measuredSlots > 0) {
    // Scale so the routed prior carries the measured total.
    const routed = sys.mul(x, new Float64Array(sys.rows));
    let have = 0;
    let want = 0;
    for (let r = 0; r < sys.measuredSlots; r++) {
      have += routed[r]!;
      want += sys.b[r]!;
    }
    if (have > 0) for (let p = 0; p < k; p++) x[p]! *= want / have;
  }
  return x;
}

/** Conjugate gradients on (S W Sᵀ + λI) z = r. Returns z and the iterations used. */
function solveWeighted(sys: EstimationSystem, w: Float64Array, r: Float64Array, maxIter: number, tol: number): { z: Float64Array; it: number } {
  const rows = sys.rows;
  const k = w.length;
  const tmp = new Float64Array(k);
  const apply = (v: Float64Array, out: Float64Array): void => {
    sys.mulT(v, tmp);
    for (let p = 0; p < k; p++) tmp[p]! *= w[p]!;
    sys.mul(tmp, out);
  };
  // Tiny Tikhonov term: totals rows and link rows are linearly dependent
  // (every pair enters and leaves once), so S W Sᵀ is singular.
  let trace = 0;
  const diag = new Float64Array(rows);
  for (let p = 0; p < k; p++) {
    const wp = w[p]!;
    if (wp !== 0) sys.forEachEntry(p, (r, v) => (diag[r]! += v * v * wp));
  }
  for (let i = 0; i < rows; i++) trace += diag[i]!;
  const lambda = rows > 0 ? (1e-9 * trace) / rows : 0;
  // Jacobi-preconditioned CG.
  const pre = diag.map((d) => 1 / (d + lambda || 1));
  const z = new Float64Array(rows);
  const res = Float64Array.from(r);
  const y = res.map((v, i) => v * pre[i]!);
  const dir = Float64Array.from(y);
  const q = new Float64Array(rows);
  let ry = dot(res, y);
  const stop = tol * tol * Math.max(1e-300, dot(sys.b, sys.b));
  let it = 0;
  for (; it < maxIter && dot(res, res) > stop; it++) {
    apply(dir, q);
    for (let i = 0; i < rows; i++) q[i]! += lambda * dir[i]!;
    const pq = dot(dir, q);
    if (!(pq > 0)) break;
    const alpha = ry / pq;
    for (let i = 0; i < rows; i++) {
      z[i]! += alpha * dir[i]!;
      res[i]! -= alpha * q[i]!;
      y[i] = res[i]! * pre[i]!;
    }
    const ry2 = dot(res, y);
    const beta = ry2 / ry;
    ry = ry2;
    for (let i = 0; i < rows; i++) dir[i] = y[i]! + beta * dir[i]!;
  }
  return { z, it };
}

function tomogravity(sys: EstimationSystem, prior: Float64Array, maxIter: number, tol: number): { x: Float64Array; it: number } {
  const k = prior.length;
  let peak = 0;
  for (let p = 0; p < k; p++) peak = Math.max(peak, prior[p]!);
  const x = Float64Array.from(prior);
  const w = prior.map((v, p) => (sys.free[p] === 1 ? Math.max(v, 1e-9 * peak) : 0));
  const sx = new Float64Array(sys.rows);
  const corr = new Float64Array(k);
  let its = 0;
  for (let pass = 0; pass < 4; pass++) {
    sys.mul(x, sx);
    const r = sys.b.map((v, i) => v - sx[i]!);
    const { z, it } = solveWeighted(sys, w, r, maxIter, tol);
    its += it;
    sys.mulT(z, corr);
    let negative = false;
    for (let p = 0; p < k; p++) {
      const v = x[p]! + w[p]! * corr[p]!;
      if (v < 0) negative = true;
      x[p] = Math.max(0, v);
      w[p] = sys.free[p] === 1 ? x[p]! : 0;
    }
    if (!negative) break;
  }
  return { x, it: its };
}

function nnls(sys: EstimationSystem, start: Float64Array, maxIter: number, tol: number): { x: Float64Array; it: number } {
  const k = start.length;
  const rows = sys.rows;
  // Lipschitz constant of the gradient: largest eigenvalue of SᵀS, by power iteration.
  let v = new Float64Array(k).map((_, p) => (sys.free[p] === 1 ? 1 : 0));
  const sv = new Float64Array(rows);
  let lip = 1;
  for (let i = 0; i < 30; i++) {
    sys.mul(v, sv);
    const w = sys.mulT(sv, new Float64Array(k));
    const norm = Math.sqrt(dot(w, w));
    if (norm === 0) break;
    lip = norm / Math.max(1e-300, Math.sqrt(dot(v, v)));
    v = w.map((x) => x / norm);
  }
  const step = 1 / (lip * 1.01);
  let x = Float64Array.from(start);
  const yv = Float64Array.from(start);
  let tk = 1;
  const grad = new Float64Array(k);
  const sy = new Float64Array(rows);
  const bb = dot(sys.b, sys.b);
  let it = 0;
  for (; it < maxIter; it++) {
    sys.mul(yv, sy);
    for (let i = 0; i < rows; i++) sy[i]! -= sys.b[i]!;
    if (dot(sy, sy) <= tol * tol * bb) break;
    sys.mulT(sy, grad);
    const next = new Float64Array(k);
    for (let p = 0; p < k; p++) next[p] = sys.free[p] === 1 ? Math.max(0, yv[p]! - step * grad[p]!) : 0;
    const t2 = (1 + Math.sqrt(1 + 4 * tk * tk)) / 2;
    const mom = (tk - 1) / t2;
    for (let p = 0; p < k; p++) yv[p] = Math.max(0, next[p]! + mom * (next[p]! - x[p]!));
    x = next;
    tk = t2;
  }
  return { x, it };
}

/** Estimates the matrix with one method; the fit report compares measured and fitted loads. */
export function estimateTrafficMatrix(a: RoutingMatrix, m: Measurements, method: TmMethod, opts: EstimateOptions = {}): TmEstimate {
  const sys = new EstimationSystem(a, m);
  const notes: string[] = [];
  const prior = gravityPrior(sys, m, notes);
  let x = prior;
  let iterations = 0;
  if (method === 'tomogravity') {
    const tol = opts.tolerance ?? 1e-4;
    const r = tomogravity(sys, prior, opts.cgIterations ?? 200, tol);
    x = r.x;
    iterations = r.it;
    // Loads that no non-negative matrix produces (counter noise, samples of
    // different instants, a hub that does not balance) leave a residual after
    // clipping: least-squares steps under x ≥ 0 started from the estimate
    // take it down while staying near it.
    const sx = sys.mul(x, new Float64Array(sys.rows));
    let res = 0;
    for (let i = 0; i < sys.rows; i++) res += (sx[i]! - sys.b[i]!) ** 2;
    if (res > tol * tol * sys.b.reduce((s, v) => s + v * v, 0)) {
      const polish = nnls(sys, x, opts.nnlsIterations ?? 300, tol);
      x = polish.x;
      iterations += polish.it;
      notes.push('the loads are not exactly consistent with any non-negative matrix: least-squares refinement applied after the tomogravity step');
    }
  } else if (method === 'nnls') {
    const r = nnls(sys, prior, opts.nnlsIterations ?? 300, opts.tolerance ?? 1e-3);
    x = r.x;
    iterations = r.it;
  }
  for (let p = 0; p < x.length; p++) if (sys.free[p] === 0) x[p] = sys.fixed[p]!;
  const fitted = routeLoads(a, x);
  const fit: FitRow[] = [];
  let num = 0;
  let den = 0;
  for (let s = 0; s < a.slots; s++) {
    const y = m.loads[s]!;
    if (Number.isNaN(y)) continue;
    fit.push({ slot: s, measured: y, fitted: fitted[s]! });
    num += (fitted[s]! - y) ** 2;
    den += y * y;
  }
  if (sys.measuredSlots === 0) notes.push('no link load measured: the estimate is the prior alone');
  return { method, x, fitted, fit, fitError: den > 0 ? Math.sqrt(num / den) : 0, iterations, notes };
}
