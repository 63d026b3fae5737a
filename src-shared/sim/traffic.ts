import type { CompiledGraph } from './csr';
import type { Demands } from './ecmp';

/**
 * Traffic matrices: demand(s, t) for every ordered node pair.
 *
 * - uniform: 1 unit between every ordered pair (the analyze contract);
 * - gravity: demand ∝ mass(s) · mass(t), masses from site users/bandwidth or
 *   from the capacity a node terminates (Roughan 2005, "Simplifying the
 *   synthesis of Internet traffic matrices");
 * - hub-centric: only hub ↔ non-hub pairs (and hub ↔ hub), as in hub-and-spoke
 *   enterprise WANs where branches talk to data centres;
 * - explicit: a list of (source, target, volume), e.g. an SNDlib demand file.
 * Matrices are scaled so that the total volume is stated in `totalVolume`.
 */
export interface TrafficMatrix extends Demands {
  readonly kind: 'uniform' | 'gravity' | 'hub-centric' | 'explicit';
  /** Sum of all demands. */
  readonly totalVolume: number;
  /** Explicit matrices: every non-zero demand once, in O(#demands) (a dense n² pass would be 4·10⁸ lookups at 20,000 nodes). */
  forEachDemand?(fn: (s: number, t: number, volume: number) => void): void;
  /** Explicit matrices: the demands forEachDemand walks, as columns in the same order (for tight loops). */
  readonly list?: DemandColumns;
  /** Explicit matrices of up to DENSE_DEMANDS_MAX_NODES nodes: demand(s, t) at [t · n + s] (one destination's row side by side). */
  readonly byDestination?: Float64Array;
  /** True when swapping a and b leaves every demand as it was: demand(π s, π t) = demand(s, t) (twin-replay.ts). */
  interchangeable?(a: number, b: number): boolean;
}

/** Product form demand(s,t) = out[s] · in[t] (s ≠ t): uniform, gravity and hub-centric. */
class ProductMatrix implements TrafficMatrix {
  readonly totalVolume: number;
  constructor(
    readonly kind: TrafficMatrix['kind'],
    private readonly out: Float64Array,
    private readonly inn: Float64Array,
    private readonly mask: ((s: number, t: number) => boolean) | null = null,
    private readonly hub: Uint8Array | null = null,
  ) {
    let so = 0;
    let si = 0;
    let diag = 0;
    for (let i = 0; i < out.length; i++) {
      so += out[i]!;
      si += inn[i]!;
      diag += out[i]! * inn[i]!;
    }
    let total = so * si - diag;
    if (hub !== null) {
      // Non-hub to non-hub pairs send nothing.
      let no = 0;
      let ni = 0;
      let nd = 0;
      for (let k = 0; k < out.length; k++) {
        if (hub[k] === 1) continue;
        no += out[k]!;
        ni += inn[k]!;
        nd += out[k]! * inn[k]!;
      }
      total -= no * ni - nd;
    }
    this.totalVolume = total;
  }
  demand(s: number, t: number): number {
    if (s === t) return 0;
    if (this.mask !== null && !this.mask(s, t)) return 0;
    return this.out[s]! * this.inn[t]!;
  }
  receives(t: number): boolean {
    return this.inn[t]! > 0;
  }
  interchangeable(a: number, b: number): boolean {
    return this.mask === null && this.hub === null && this.out[a] === this.out[b] && this.inn[a] === this.inn[b];
  }
  /** Σ over components of demand among its nodes, in O(n) (hub masks counted per component). */
  connectedVolume(componentOf: Int32Array, components: number): number {
    const o = new Float64Array(components);
    const i = new Float64Array(components);
    const diag = new Float64Array(components);
    const ho = new Float64Array(components);
    const hi = new Float64Array(components);
    const hd = new Float64Array(components);
    const isHub = this.hub;
    for (let u = 0; u < componentOf.length; u++) {
      const c = componentOf[u]!;
      if (c < 0) continue;
      o[c]! += this.out[u]!;
      i[c]! += this.inn[u]!;
      diag[c]! += this.out[u]! * this.inn[u]!;
      if (isHub !== null && isHub[u] === 0) {
        ho[c]! += this.out[u]!;
        hi[c]! += this.inn[u]!;
        hd[c]! += this.out[u]! * this.inn[u]!;
      }
    }
    let total = 0;
    // With a hub mask, pairs of two non-hubs send nothing: subtract them.
    for (let c = 0; c < components; c++) total += o[c]! * i[c]! - diag[c]! - (ho[c]! * hi[c]! - hd[c]!);
    return total;
  }
}

export function uniformTraffic(g: CompiledGraph): TrafficMatrix {
  const ones = new Float64Array(g.nodeIds.length).fill(1);
  return new ProductMatrix('uniform', ones, ones);
}

/**
 * Gravity model with node masses (any non-negative numbers; all-zero falls
 * back to uniform). Scaled so the mean demand per ordered pair is 1, which
 * keeps loads comparable with the uniform matrix.
 */
export function gravityTraffic(g: CompiledGraph, mass: Float64Array): TrafficMatrix {
  const m = gravityMasses(mass);
  return new ProductMatrix('gravity', m, m);
}

/** Gravity masses scaled so the mean demand per ordered pair is 1 (all ones when degenerate). */
export function gravityMasses(mass: Float64Array): Float64Array {
  const n = mass.length;
  let sum = 0;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    sum += mass[i]!;
    sq += mass[i]! * mass[i]!;
  }
  const pairs = n * (n - 1);
  if (sum <= 0 || pairs === 0 || sum * sum - sq <= 0) return new Float64Array(n).fill(1);
  const scale = Math.sqrt(pairs / (sum * sum - sq));
  return mass.map((x) => x * scale);
}

/** Node masses for gravity: the capacity (Gbit/s) each node terminates. */
export function capacityMass(g: CompiledGraph): Float64Array {
  const mass = new Float64Array(g.nodeIds.length);
  for (let e = 0; e < g.linkIds.length; e++) {
    mass[g.linkSource[e]!]! += g.capacities[e]!;
    mass[g.linkTarget[e]!]! += g.capacities[e]!;
  }
  return mass;
}

/** Hub-centric: every non-hub exchanges 1 unit each way with every hub; hubs exchange among themselves. */
export function hubTraffic(g: CompiledGraph, isHub: Uint8Array): TrafficMatrix {
  const ones = new Float64Array(g.nodeIds.length).fill(1);
  return new ProductMatrix('hub-centric', ones, ones, (s, t) => isHub[s] === 1 || isHub[t] === 1, isHub);
}

/**
 * Dense lookup below this many nodes (n² doubles: 32 MB at 2,048): a sweep
 * asks demand(u, c) for every node its failures move, and two Map lookups per
 * call were a tenth of Sprint's impact sweep. Larger matrices keep per-row Maps.
 */
const DENSE_DEMANDS_MAX_NODES = 2048;

/** Does an explicit demand count? A node's demand to itself and zero or invalid volumes do not. */
const counted = (d: { s: number; t: number; volume: number }): boolean => d.s !== d.t && d.volume > 0;

/**
 * Total volume of explicit demands as explicitTraffic states it (same terms,
 * same order), without building the matrix: the sweep's report needs only this.
 */
export function explicitTotal(demands: readonly { s: number; t: number; volume: number }[]): number {
  let total = 0;
  for (const d of demands) if (counted(d)) total += d.volume;
  return total;
}

/** explicitTotal of demands given as columns (same terms, same order). */
export function explicitColumnsTotal(cols: DemandColumns): number {
  let total = 0;
  for (let i = 0; i < cols.s.length; i++) if (cols.s[i] !== cols.t[i] && cols.volume[i]! > 0) total += cols.volume[i]!;
  return total;
}

/** Explicit demands as three columns (how they cross to a sweep worker: transferred, never one object per demand). */
export interface DemandColumns {
  s: Int32Array;
  t: Int32Array;
  volume: Float64Array;
}

/** Explicit demands (s, t, volume); repeated pairs add up. Sparse per destination. */
export function explicitTraffic(g: CompiledGraph, demands: readonly { s: number; t: number; volume: number }[]): TrafficMatrix {
  const n = g.nodeIds.length;
  if (n <= DENSE_DEMANDS_MAX_NODES && demands.every((d) => Number.isInteger(d.s) && Number.isInteger(d.t) && d.s >= 0 && d.t >= 0 && d.s < n && d.t < n)) {
    const cols: DemandColumns = { s: new Int32Array(demands.length), t: new Int32Array(demands.length), volume: new Float64Array(demands.length) };
    demands.forEach((d, i) => {
      cols.s[i] = d.s;
      cols.t[i] = d.t;
      cols.volume[i] = d.volume;
    });
    return explicitTrafficColumns(g, cols);
  }
  return sparseExplicit(n, demands.length, (i) => demands[i]!);
}

/**
 * explicitTraffic of demands given as columns. Up to DENSE_DEMANDS_MAX_NODES
 * nodes, with every index a node, the matrix is built straight into its dense
 * table without the per-destination Maps (a worker spent ~0.1 s building
 * Sprint's 99k demands into Maps it never read): the same sums in the same
 * order, the same demand list in the same order (destinations by first
 * appearance, then sources by first appearance), so every figure is identical.
 */
export function explicitTrafficColumns(g: CompiledGraph, cols: DemandColumns): TrafficMatrix {
  const n = g.nodeIds.length;
  const len = cols.s.length;
  if (n > DENSE_DEMANDS_MAX_NODES) return sparseExplicit(n, len, (i) => ({ s: cols.s[i]!, t: cols.t[i]!, volume: cols.volume[i]! }));
  const S = cols.s;
  const T = cols.t;
  const V = cols.volume;
  // byDest[t·n + s]: a destination's demands side by side (DestinationDelta reads one destination at a time).
  const byDest = new Float64Array(n * n);
  const rowRank = new Int32Array(n).fill(-1);
  const rowOrder = new Int32Array(n);
  const rowSize = new Int32Array(n);
  let rows = 0;
  let count = 0;
  let total = 0;
  for (let i = 0; i < len; i++) {
    const s = S[i]!;
    const t = T[i]!;
    const v = V[i]!;
    // An index that is not a node (any demand, counted or not): the sparse form, from the start. Checked
    // here rather than in a pass of its own: each sweep worker builds this once, a loop that mostly runs
    // before it is optimised (~10 ms a pass over Sprint's 99k demands).
    if (s < 0 || s >= n || t < 0 || t >= n) return sparseExplicit(n, len, (j) => ({ s: S[j]!, t: T[j]!, volume: V[j]! }));
    if (s === t || !(v > 0)) continue; // as `counted`
    if (rowRank[t] === -1) {
      rowRank[t] = rows;
      rowOrder[rows++] = t;
    }
    const k = t * n + s;
    // A positive volume makes the entry non-zero for good: zero means "first time this pair".
    if (byDest[k] === 0) {
      count++;
      rowSize[t]!++;
    }
    byDest[k]! += v; // (Map's `(row.get(s) ?? 0) + v`: 0 + v the first time)
    total += v;
  }
  const cursor = new Int32Array(n);
  let at = 0;
  for (let r = 0; r < rows; r++) {
    const t = rowOrder[r]!;
    cursor[t] = at;
    at += rowSize[t]!;
  }
  const src = new Int32Array(count);
  const dst = new Int32Array(count);
  const vol = new Float64Array(count);
  const placed = new Uint8Array(n * n);
  for (let i = 0; i < len; i++) {
    const s = S[i]!;
    const t = T[i]!;
    if (s === t || !(V[i]! > 0)) continue;
    const k = t * n + s;
    if (placed[k] === 1) continue;
    placed[k] = 1;
    const j = cursor[t]!++;
    src[j] = s;
    dst[j] = t;
    vol[j] = byDest[k]!;
  }
  const receives = new Uint8Array(n);
  for (let r = 0; r < rows; r++) receives[rowOrder[r]!] = 1;
  const inRange = (x: number): boolean => x >= 0 && x < n;
  return {
    kind: 'explicit',
    totalVolume: total,
    demand: (s, t) => (inRange(s) && inRange(t) ? byDest[t * n + s]! : 0),
    receives: (t) => inRange(t) && receives[t] === 1,
    forEachDemand: (fn) => {
      for (let i = 0; i < count; i++) fn(src[i]!, dst[i]!, vol[i]!);
    },
    list: { s: src, t: dst, volume: vol },
    byDestination: byDest,
  };
}

/** Explicit demands in per-destination Maps: above the dense size, or with an index that is not a node. */
function sparseExplicit(n: number, len: number, at: (i: number) => { s: number; t: number; volume: number }): TrafficMatrix {
  const byDest = new Map<number, Map<number, number>>();
  let total = 0;
  for (let i = 0; i < len; i++) {
    const d = at(i);
    if (!counted(d)) continue;
    let row = byDest.get(d.t);
    if (row === undefined) {
      row = new Map<number, number>();
      byDest.set(d.t, row);
    }
    row.set(d.s, (row.get(d.s) ?? 0) + d.volume);
    total += d.volume;
  }
  // The same demands as flat arrays, in the Maps' order (rows by first appearance), so every
  // sum over them adds in the order it always did; forEachDemand walks these, not the Maps.
  let count = 0;
  for (const row of byDest.values()) count += row.size;
  const src = new Int32Array(count);
  const dst = new Int32Array(count);
  const vol = new Float64Array(count);
  let k = 0;
  for (const [t, row] of byDest) {
    for (const [s, v] of row) {
      src[k] = s;
      dst[k] = t;
      vol[k++] = v;
    }
  }
  const receives = new Uint8Array(n);
  for (const t of byDest.keys()) if (t >= 0 && t < n) receives[t] = 1;
  const inRange = (x: number): boolean => x >= 0 && x < n;
  const dense = n <= DENSE_DEMANDS_MAX_NODES && count > 0 ? new Float64Array(n * n) : null;
  if (dense !== null) for (let i = 0; i < count; i++) if (inRange(src[i]!) && inRange(dst[i]!)) dense[src[i]! * n + dst[i]!] = vol[i]!;
  return {
    kind: 'explicit',
    totalVolume: total,
    demand:
      dense !== null
        ? (s, t) => (inRange(s) && inRange(t) ? dense[s * n + t]! : (byDest.get(t)?.get(s) ?? 0))
        : (s, t) => byDest.get(t)?.get(s) ?? 0,
    receives: (t) => (inRange(t) ? receives[t] === 1 : byDest.has(t)),
    forEachDemand: (fn) => {
      for (let i = 0; i < count; i++) fn(src[i]!, dst[i]!, vol[i]!);
    },
    list: { s: src, t: dst, volume: vol },
  };
}

/**
 * Total demand between surviving nodes that share a component: the volume a
 * network can still deliver. `componentOf` is -1 for failed nodes.
 * O(n) for product-form and hub matrices, O(#demands) for explicit ones.
 */
export function deliverableVolume(t: TrafficMatrix, componentOf: Int32Array, components: number): number {
  const n = componentOf.length;
  if (t instanceof ProductMatrix) return t.connectedVolume(componentOf, components);
  let total = 0;
  if (t.list !== undefined) {
    // forEachDemand's walk without a call per demand (Sprint: 99k demands in every scenario that splits the network).
    const { s: src, t: dst, volume } = t.list;
    for (let i = 0; i < src.length; i++) {
      const cs = componentOf[src[i]!]!;
      if (src[i] !== dst[i] && cs >= 0 && cs === componentOf[dst[i]!]) total += volume[i]!;
    }
    return total;
  }
  if (t.forEachDemand !== undefined) {
    t.forEachDemand((s, d, v) => {
      if (s !== d && componentOf[s]! >= 0 && componentOf[s] === componentOf[d]) total += v;
    });
    return total;
  }
  for (let s = 0; s < n; s++) {
    const cs = componentOf[s]!;
    if (cs < 0) continue;
    for (let d = 0; d < n; d++) if (d !== s && componentOf[d] === cs) total += t.demand(s, d);
  }
  return total;
}
