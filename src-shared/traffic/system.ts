import type { RoutingMatrix } from './routing-matrix';

/**
 * The linear system the estimators fit: rows are the measured directed link
 * loads, then the known per-node totals (traffic entering the network at a
 * node: its row of the matrix; leaving at a node: its column), all after
 * subtracting the demands already known; columns are the pairs still unknown.
 * Multiplications are matrix-free on the sparse routing matrix: O(nnz).
 */
export interface Measurements {
  /** Directed load per slot (2e: link e source→target, 2e + 1 reverse); NaN where not measured. */
  loads: Float64Array;
  /** Traffic entering the network at each node (NaN: unknown). */
  origin?: Float64Array | undefined;
  /** Traffic leaving the network at each node (NaN: unknown). */
  destination?: Float64Array | undefined;
  /** Demands known exactly (e.g. from NetFlow on a few routers); kept as given. */
  known?: readonly { s: number; t: number; volume: number }[] | undefined;
}

export class EstimationSystem {
  readonly rows: number;
  /** Right-hand side after subtracting known demands. */
  readonly b: Float64Array;
  /** 1 = unknown pair (estimated), 0 = known pair (fixed). */
  readonly free: Uint8Array;
  /** Fixed values of known pairs (0 elsewhere). */
  readonly fixed: Float64Array;
  readonly slotRow: Int32Array;
  readonly originRow: Int32Array;
  readonly destRow: Int32Array;
  readonly measuredSlots: number;
  readonly originKnown: boolean;
  readonly destinationKnown: boolean;
  /** S itself, column-wise, rows already mapped (measured slots, then totals); known pairs have empty columns. */
  private readonly sOff: Int32Array;
  private readonly sRow: Int32Array;
  private readonly sVal: Float64Array;

  constructor(
    readonly a: RoutingMatrix,
    m: Measurements,
  ) {
    const n = a.nodes;
    const k = a.src.length;
    if (m.loads.length !== a.slots) throw new Error(`link loads: ${m.loads.length} values for ${a.slots} directed links`);
    this.free = new Uint8Array(k).fill(1);
    this.fixed = new Float64Array(k);
    for (const d of m.known ?? []) {
      const p = d.s >= 0 && d.t >= 0 && d.s < n && d.t < n ? a.pairIndex[d.s * n + d.t]! : -1;
      if (p < 0) throw new Error(`known demand ${d.s}→${d.t}: routing does not connect the pair`);
      if (!(d.volume >= 0)) throw new Error(`known demand ${d.s}→${d.t}: volume must be a non-negative number`);
      this.free[p] = 0;
      this.fixed[p] = d.volume;
    }
    const fixedLoads = new Float64Array(a.slots);
    const fixedOut = new Float64Array(n);
    const fixedIn = new Float64Array(n);
    for (let p = 0; p < k; p++) {
      const v = this.fixed[p]!;
      if (v === 0) continue;
      for (let j = a.colOff[p]!; j < a.colOff[p + 1]!; j++) fixedLoads[a.rows[j]!]! += a.vals[j]! * v;
      fixedOut[a.src[p]!]! += v;
      fixedIn[a.dst[p]!]! += v;
    }
    const b: number[] = [];
    this.slotRow = new Int32Array(a.slots).fill(-1);
    for (let s = 0; s < a.slots; s++) {
      const y = m.loads[s]!;
      if (Number.isNaN(y)) continue;
      this.slotRow[s] = b.length;
      b.push(Math.max(0, y - fixedLoads[s]!));
    }
    this.measuredSlots = b.length;
    const totals = (v: Float64Array | undefined, fixedPart: Float64Array, out: Int32Array): boolean => {
      out.fill(-1);
      if (v === undefined) return false;
      let all = true;
      for (let i = 0; i < n; i++) {
        if (Number.isNaN(v[i]!)) {
          all = false;
          continue;
        }
        out[i] = b.length;
        b.push(Math.max(0, v[i]! - fixedPart[i]!));
      }
      return all;
    };
    this.originRow = new Int32Array(n);
    this.destRow = new Int32Array(n);
    this.originKnown = totals(m.origin, fixedOut, this.originRow);
    this.destinationKnown = totals(m.destination, fixedIn, this.destRow);
    this.rows = b.length;
    this.b = Float64Array.from(b);
    // Compact S once so every multiplication is one tight loop (estimators run hundreds).
    this.sOff = new Int32Array(k + 1);
    let nnz = 0;
    const sRow = new Int32Array(a.vals.length + 2 * k);
    const sVal = new Float64Array(a.vals.length + 2 * k);
    for (let p = 0; p < k; p++) {
      if (this.free[p] === 1) {
        for (let j = a.colOff[p]!; j < a.colOff[p + 1]!; j++) {
          const r = this.slotRow[a.rows[j]!]!;
          if (r < 0) continue;
          sRow[nnz] = r;
          sVal[nnz++] = a.vals[j]!;
        }
        const o = this.originRow[a.src[p]!]!;
        if (o >= 0) {
          sRow[nnz] = o;
          sVal[nnz++] = 1;
        }
        const d = this.destRow[a.dst[p]!]!;
        if (d >= 0) {
          sRow[nnz] = d;
          sVal[nnz++] = 1;
        }
      }
      this.sOff[p + 1] = nnz;
    }
    this.sRow = sRow.slice(0, nnz);
    this.sVal = sVal.slice(0, nnz);
  }

  /** Σ over column p of S of f(row, value) — for diagonals and the like. */
  forEachEntry(p: number, f: (row: number, value: number) => void): void {
    for (let j = this.sOff[p]!; j < this.sOff[p + 1]!; j++) f(this.sRow[j]!, this.sVal[j]!);
  }

  /** out = S x over the free pairs (x indexed by pair). */
  mul(x: Float64Array, out: Float64Array): Float64Array {
    out.fill(0);
    const { sOff, sRow, sVal } = this;
    for (let p = 0; p < x.length; p++) {
      const v = x[p]!;
      if (v === 0) continue;
      for (let j = sOff[p]!, end = sOff[p + 1]!; j < end; j++) out[sRow[j]!]! += sVal[j]! * v;
    }
    return out;
  }

  /** out = Sᵀ z (0 on known pairs). */
  mulT(z: Float64Array, out: Float64Array): Float64Array {
    const { sOff, sRow, sVal } = this;
    for (let p = 0; p < out.length; p++) {
      let acc = 0;
      for (let j = sOff[p]!, end = sOff[p + 1]!; j < end; j++) acc += sVal[j]! * z[sRow[j]!]!;
      out[p] = acc;
    }
    return out;
  }
}
