import type { BranchDeltas } from './skeleton-branch-delta';
import { chainTerms, nodeTerm, setFirsts, spanHi, spanLo, nodeTerms, type ChainAt, type ChainRun, type Deposits } from './skeleton-chain-bulk';
import type { Lane } from './skeleton-lane';

/** Most (chain, branch node) pairs recorded: two Int32 and two Float64 tables of that size (48 MB at the limit). */
const MAX_PAIRS = 2 ** 21;

/** Every safe deposit a multiple of 2^-11 below 2^40 (total out × total in): sums of them are exact, in any order. */
const EXACT_LIMIT = 2 ** 40;
const EXACT_SCALE = 2048;

/** Sorts a[0 .. n) ascending in place: a handful of chains, no allocation. */
function sortFew(a: Int32Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= 0 && a[j]! > v) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
}

/**
 * Chain destinations of a skeleton routing under a failure, with their
 * O(branch nodes + chains) part (skeleton-chain-bulk.ts) taken from the
 * nothing-failed routing's (the chain-destination companion of
 * skeleton-branch-delta.ts, whose record it shares).
 *
 * Routing the destinations inside intact chain c (ends A, B) deposits, for
 * each node u, its mass × the in-masses of a prefix or suffix of c's
 * positions in rows A and B, at positions first1(u), first2(u) that depend
 * only on u's distances toward A and B; and for each other intact chain its
 * split's end masses the same way. Under a failure only nodes whose distance
 * toward A or B moved (the row repair's moved nodes) or whose mass changed,
 * and chains with such an end or no longer intact, deposit otherwise. So a
 * routed chain adds its recorded deposits to rows A and B (one vector each),
 * takes back its changed items' recorded deposits and adds their new ones;
 * its first positions, buckets, tied nodes and per-position chains are the
 * recorded ones with the changed items redone. The histogram gets every
 * recorded chain's counts once per call, less those of chains no longer
 * routed. The per-position part (ties, own chain, chains whose ends part)
 * is routed as before.
 *
 * Exact, not approximately equal: every deposit of the bulk part is a
 * multiple of 2^-11 below 2^40 — whole masses (BranchDeltas' condition)
 * times whole in-masses, halves at a chain's tie — so a row entry holding
 * only such terms comes out the same whatever the order of adding. The one
 * term that can break that is a tied node's share of its flow over 3, 5, …
 * next hops (ChainDestinations.put): the entry it reaches is marked dirty,
 * and from then on the call adds that entry's bulk terms one by one in the
 * plain pass's order (dirtyPass), as the plain pass does.
 */
export class ChainDeltas {
  private readonly nb: number;
  /** Per chain routed in the record: first positions at c·nb + u, deposits into rows A and B at 2c·nb and (2c + 1)·nb, buckets bA then bB at 2(nOff[c] + c), tied nodes, per-position chains (c2, lo, hi). */
  private readonly f1: Int32Array;
  private readonly f2: Int32Array;
  private readonly D: Float64Array;
  private readonly bAB: Float64Array;
  /** Per chain: views of its rows of f1, f2 (a run reads them in place, patched at the moved nodes and restored after: undo). */
  private readonly f1Of: Int32Array[] = [];
  private readonly f2Of: Int32Array[] = [];
  private readonly undoNode: Int32Array;
  private readonly undo1: Int32Array;
  private readonly undo2: Int32Array;
  private nUndo = 0;
  private undoChain = -1;
  private readonly tiedOf: Int32Array[] = [];
  private readonly midOf: Int32Array[] = [];
  private readonly has: Uint8Array;
  /** Every recorded chain's row deposits (folded into BranchDeltas' rows at the end of the record) and histogram counts. */
  private readonly G: Float64Array;
  private readonly H: Float64Array;
  /** This call's lane 0, skeleton links alive, the chain being routed. */
  private lane: Lane | null = null;
  private slAlive: Uint8Array | null = null;
  private cur = -1;
  /** This call: whether the delta is used, each live chain's index into live, stamps, changed nodes and chains. */
  private active = false;
  private readonly xiOf: Int32Array;
  private readonly nodeStamp: Int32Array;
  private readonly chainStamp: Int32Array;
  private stamp = 0;
  private readonly nodes: Int32Array;
  private readonly marked: Int32Array;
  private readonly fresh: Int32Array;
  /** Row entries of lane 0 an inexact term reached this call (1), and the list of them. */
  readonly dirty: Uint8Array;
  readonly dirtyList: number[] = [];
  /** Row entries marked dirty over all calls (the tests check the path is reached). */
  marks = 0;
  /** Where deposits nobody reads go: rows (nb²), histogram, buckets. */
  private readonly sinkW: Float64Array;
  private readonly sinkH: Float64Array;
  private readonly scratch: Float64Array;

  private constructor(
    private readonly bd: BranchDeltas,
    private readonly r: ChainRun,
    private readonly movedOf: (s: number) => Int32Array,
    histLength: number,
    chainNodes: number,
  ) {
    const nb = (this.nb = r.x.sk.nb);
    const chains = r.x.chains.length;
    this.f1 = new Int32Array(chains * nb);
    this.f2 = new Int32Array(chains * nb);
    this.D = new Float64Array(2 * chains * nb);
    for (let c = 0; c < chains; c++) {
      this.f1Of.push(this.f1.subarray(c * nb, c * nb + nb));
      this.f2Of.push(this.f2.subarray(c * nb, c * nb + nb));
    }
    this.undoNode = new Int32Array(nb);
    this.undo1 = new Int32Array(nb);
    this.undo2 = new Int32Array(nb);
    this.bAB = new Float64Array(2 * (chainNodes + chains));
    this.has = new Uint8Array(chains);
    this.G = new Float64Array(nb * nb);
    this.H = new Float64Array(histLength);
    this.xiOf = new Int32Array(chains);
    this.nodeStamp = new Int32Array(nb);
    this.chainStamp = new Int32Array(chains);
    this.nodes = new Int32Array(nb);
    this.marked = new Int32Array(chains);
    this.fresh = new Int32Array(3 * chains);
    this.dirty = new Uint8Array(nb * nb);
    this.sinkW = new Float64Array(nb * nb);
    this.sinkH = new Float64Array(histLength);
    this.scratch = new Float64Array(2 * (r.x.chains.reduce((m, c) => Math.max(m, c.nodes.length), 1) + 1));
  }

  /** A recorder beside BranchDeltas' (same masses), or null when the deposits could be inexact or the record too large. */
  static forMasses(bd: BranchDeltas, r: ChainRun, movedOf: (s: number) => Int32Array, out: Float64Array, inn: Float64Array, histLength: number, chainNodes: number): ChainDeltas | null {
    if (r.x.chains.length * r.x.sk.nb > MAX_PAIRS) return null;
    let so = 0;
    let si = 0;
    for (let v = 0; v < out.length; v++) {
      so += out[v]!;
      si += inn[v]!;
    }
    return so * si < EXACT_LIMIT ? new ChainDeltas(bd, r, movedOf, histLength, chainNodes) : null;
  }

  /** Recording: chain c's first positions, deposits, buckets, tied nodes and per-position chains (lane 0 after the bulk part). */
  record(at: ChainAt, l: Lane, live: readonly number[]): void {
    const { r, nb, sinkW } = this;
    const c = at.c;
    const k = at.k;
    this.has[c] = 1;
    this.f1.set(r.first1.subarray(0, nb), c * nb);
    this.f2.set(r.first2.subarray(0, nb), c * nb);
    const o = 2 * (r.x.sk.nOff[c]! + c);
    this.bAB.set(l.bA.subarray(0, k + 1), o);
    this.bAB.set(l.bB.subarray(0, k + 1), o + k + 1);
    this.tiedOf[c] = r.tied.slice(0, r.nTied);
    const mid = r.middle.slice(0, r.nMid);
    for (let q = 0; q < mid.length; q += 3) mid[q] = live[mid[q]!]!;
    this.midOf[c] = mid;
    // Rows A and B alone (one row when A = B), then its histogram counts.
    sinkW.fill(0, at.wA, at.wA + nb);
    sinkW.fill(0, at.wB, at.wB + nb);
    this.baseTerms(at, { w: sinkW, hist: this.H, bA: this.scratch, bB: this.scratch, mA: l.mA, mB: l.mB }, 1);
    this.D.set(sinkW.subarray(at.wA, at.wA + nb), 2 * c * nb);
    if (at.wB !== at.wA) this.D.set(sinkW.subarray(at.wB, at.wB + nb), (2 * c + 1) * nb);
    for (let u = 0; u < nb; u++) {
      this.G[at.wA + u]! += sinkW[at.wA + u]!;
      if (at.wB !== at.wA) this.G[at.wB + u]! += sinkW[at.wB + u]!;
    }
  }

  /** End of the record: the rows BranchDeltas recorded take every chain's deposits. */
  recordEnd(): void {
    this.bd.foldIn(this.G);
  }

  /**
   * Start of the chain destinations under a failure (BranchDeltas.begin and
   * its rows ran, lane 0 holding the recorded masses). The rows taken from
   * BranchDeltas' record hold every recorded chain's deposits (G); the
   * others get them now. Used only when every live chain sends in lane 0
   * alone; otherwise G is taken back out and the call routes plainly (false).
   * The deposits and counts of recorded chains that will not be routed
   * (broken, or at a failed end) are taken back.
   */
  begin(lanes: readonly Lane[], live: readonly number[], liveOff: readonly number[], liveLanes: readonly number[], slAlive: Uint8Array, inn: Float64Array): boolean {
    const l = (this.lane = lanes[0]!);
    this.slAlive = slAlive;
    let use = true;
    for (let xi = 0; xi < live.length && use; xi++) {
      if (liveOff[xi + 1]! - liveOff[xi]! !== 1 || liveLanes[liveOff[xi]!] !== 0) use = false;
      else this.xiOf[live[xi]!] = xi;
    }
    const { G, H, nb, bd, D } = this;
    const W = l.w;
    for (let t = 0; t < nb; t++) {
      const s = bd.done[t] === 1 ? (use ? 0 : -1) : use ? 1 : 0;
      if (s !== 0) for (let i = t * nb; i < t * nb + nb; i++) W[i]! += s * G[i]!;
    }
    this.active = use;
    if (!use) return false;
    for (const i of this.dirtyList) this.dirty[i] = 0;
    this.dirtyList.length = 0;
    for (let h = 0; h < H.length; h++) if (H[h] !== 0) l.hist[h]! += H[h]!;
    const { sk, chains } = this.r.x;
    const dep = { w: this.sinkW, hist: l.hist, bA: this.scratch, bB: this.scratch, mA: l.mA, mB: l.mB };
    for (let c = 0; c < chains.length; c++) {
      if (this.has[c] === 0 || slAlive[sk.chainSl[c]!] === 1) continue;
      const at = this.baseAt(c, inn);
      this.baseTerms(at, dep, -1);
      for (let e = 0; e < 2; e++) {
        const w = e === 0 ? at.wA : at.wB;
        const d = (2 * c + e) * nb;
        for (let u = 0; u < nb; u++) W[w + u]! -= D[d + u]!;
      }
    }
    return true;
  }

  /** A term x just added to lane 0's row entry i: the entry is dirty from now on unless x is safe (see above). */
  check(i: number, x: number): void {
    if (this.dirty[i] !== 0 || Number.isInteger(x * EXACT_SCALE)) return;
    this.dirty[i] = 1;
    this.dirtyList.push(i);
    this.marks++;
    // The entry holds every routed chain's recorded deposits (G): take back those of the chains after this one,
    // which the plain pass adds later (their terms come one by one from now on, dirtyPass).
    const { nb, D, r, chainStamp, slAlive } = this;
    const sk = r.x.sk;
    const s = (i - (i % nb)) / nb;
    const u = i % nb;
    const stamp = ++this.stamp;
    const W = this.lane!.w;
    for (let j = sk.adjOff[s]!; j < sk.adjOff[s + 1]!; j++) {
      const c2 = sk.slChain[sk.adjSl[j]!]!;
      if (c2 <= this.cur || chainStamp[c2] === stamp || this.has[c2] === 0 || slAlive![sk.chainSl[c2]!] === 0) continue;
      chainStamp[c2] = stamp;
      const sl = sk.chainSl[c2]!;
      if (sk.slA[sl] === s) W[i]! -= D[2 * c2 * nb + u]!;
      if (sk.slB[sl] === s && sk.slA[sl] !== s) W[i]! -= D[(2 * c2 + 1) * nb + u]!;
    }
  }

  /** End of the call's chain destinations. */
  end(): void {
    this.restore();
    this.active = false;
  }

  /** The record's first positions of the last chain run, as recorded again. */
  private restore(): void {
    if (this.undoChain < 0) return;
    const a = this.f1Of[this.undoChain]!;
    const b = this.f2Of[this.undoChain]!;
    for (let q = this.nUndo - 1; q >= 0; q--) {
      a[this.undoNode[q]!] = this.undo1[q]!;
      b[this.undoNode[q]!] = this.undo2[q]!;
    }
    this.nUndo = 0;
    this.undoChain = -1;
  }

  /** Whether chain c's bulk part comes from the record this call. */
  covers(c: number): boolean {
    return this.active && this.has[c] === 1;
  }

  /** Chain c's bulk part for the current failure (ChainDestinations.run computed pIn, sIn and the rows). */
  bulk(at: ChainAt, lanes: readonly Lane[]): void {
    const { r, nb, bd, nodeStamp, chainStamp, dirty } = this;
    const { sk, dist, ord, reach } = r.x;
    const c = at.c;
    const k = at.k;
    const cb = c * nb;
    const { bAB } = this;
    this.restore();
    const l = lanes[0]!;
    const o = 2 * (sk.nOff[c]! + c);
    for (let p = 0; p <= k; p++) {
      l.bA[p] = bAB[o + p]!;
      l.bB[p] = bAB[o + k + 1 + p]!;
    }
    const { wA, wB, oA, oB } = at;
    this.cur = c;
    const movA = this.movedOf(wA / nb);
    const movB = this.movedOf(wB / nb);
    const stamp = ++this.stamp;
    let nn = 0;
    let nm = 0;
    const nodes = this.nodes;
    const marked = this.marked;
    for (let e = 0; e < 2; e++) {
      const mov = e === 0 ? movA : movB;
      for (let q = 0; q < mov.length; q++) {
        const u = mov[q]!;
        if (nodeStamp[u] === stamp) continue;
        nodeStamp[u] = stamp;
        nodes[nn++] = u;
        for (let j = sk.adjOff[u]!; j < sk.adjOff[u + 1]!; j++) {
          const c2 = sk.slChain[sk.adjSl[j]!]!;
          if (c2 >= 0 && c2 !== c && chainStamp[c2] !== stamp) {
            chainStamp[c2] = stamp;
            marked[nm++] = c2;
          }
        }
      }
    }
    const nMoved = nn;
    for (let q = 0; q < bd.nChanged; q++) {
      const u = bd.changed[q]!;
      if (nodeStamp[u] === stamp) continue;
      nodeStamp[u] = stamp;
      nodes[nn++] = u;
    }
    for (let q = 0; q < bd.nLost; q++) {
      const c2 = bd.lost[q]!;
      if (c2 !== c && chainStamp[c2] !== stamp) {
        chainStamp[c2] = stamp;
        marked[nm++] = c2;
      }
    }
    sortFew(marked, nm);
    const { baseM, baseLive, liveNow } = bd;
    // Recorded deposits out (read from the record before it is patched), then the moved nodes' first positions patched in place.
    for (let q = 0; q < nn; q++) {
      const u = nodes[q]!;
      if (baseM[u] !== 0 && dist[wA + u] !== Infinity) nodeTerm(r, at, l, u, -baseM[u]!, this.f1[cb + u]!, this.f2[cb + u]!, dirty, 0);
    }
    for (let q = 0; q < nm; q++) {
      const c2 = marked[q]!;
      const a = sk.chA[c2]!;
      const b = sk.chB[c2]!;
      if (baseLive[c2] === 1 && dist[wA + a] !== Infinity) chainTerms(r, at, l, c2, wA, wB, spanLo(this.f1, cb, a, b), spanHi(this.f2, cb, a, b), -1, dirty, 0);
    }
    const first1 = (r.first1 = this.f1Of[c]!);
    const first2 = (r.first2 = this.f2Of[c]!);
    this.undoChain = c;
    for (let q = 0; q < nMoved; q++) {
      const u = nodes[q]!;
      this.undoNode[q] = u;
      this.undo1[q] = first1[u]!;
      this.undo2[q] = first2[u]!;
      setFirsts(r, at, u, dist[oA + u]!, dist[oB + u]!);
    }
    this.nUndo = nMoved;
    for (let q = 0; q < nn; q++) {
      const u = nodes[q]!;
      if (l.mOut[u] !== 0 && dist[oA + u] !== Infinity) nodeTerm(r, at, l, u, l.mOut[u]!, first1[u]!, first2[u]!, dirty, 0);
    }
    // Changed chains' new deposits; the new per-position ones (lo < hi) kept in chain order, to merge.
    let nf = 0;
    const fresh = this.fresh;
    for (let q = 0; q < nm; q++) {
      const c2 = marked[q]!;
      const a = sk.chA[c2]!;
      const b = sk.chB[c2]!;
      if (liveNow[c2] === 1 && dist[oA + a] !== Infinity) {
        const lo = spanLo(first1, 0, a, b);
        const hi = spanHi(first2, 0, a, b);
        chainTerms(r, at, l, c2, oA, oB, lo, hi, 1, dirty, 0);
        if (lo < hi) {
          fresh[nf++] = c2;
          fresh[nf++] = lo;
          fresh[nf++] = hi;
        }
      }
    }
    for (let y = 1; y < lanes.length; y++) {
      lanes[y]!.bA.fill(0, 0, k + 1);
      lanes[y]!.bB.fill(0, 0, k + 1);
      nodeTerms(r, at, lanes[y]!);
    }
    // Tied nodes in row A's order: the recorded list when neither row moved (then row A's order is the recorded one).
    if (movA.length === 0 && movB.length === 0) {
      r.tied.set(this.tiedOf[c]!);
      r.nTied = this.tiedOf[c]!.length;
    } else {
      let nt = 0;
      const len = reach[oA / nb]!;
      for (let q = 0; q < len; q++) {
        const u = ord[oA + q]!;
        if (first1[u]! < first2[u]!) r.tied[nt++] = u;
      }
      r.nTied = nt;
    }
    // Per-position chains in live order (= chain order): unchanged recorded ones merged with the new ones.
    const mid = this.midOf[c]!;
    const out = r.middle;
    let n = 0;
    let f = 0;
    for (let q = 0; q <= mid.length; q += 3) {
      const c2 = q < mid.length ? mid[q]! : Infinity;
      while (f < nf && fresh[f]! < c2) {
        out[n++] = this.xiOf[fresh[f]!]!;
        out[n++] = fresh[f + 1]!;
        out[n++] = fresh[f + 2]!;
        f += 3;
      }
      if (q === mid.length || chainStamp[c2] === stamp) continue;
      out[n++] = this.xiOf[c2]!;
      out[n++] = mid[q + 1]!;
      out[n++] = mid[q + 2]!;
    }
    r.nMid = n;
    if (this.dirtyList.length > 0) this.dirtyPass(at, l);
  }

  /**
   * Rows A and B's dirty entries (an inexact term reached them earlier this
   * call): this chain's bulk terms into them one by one, in the plain pass's
   * order — the node's own mass, then the chains ending there in live order.
   * bulk() left them out.
   */
  private dirtyPass(at: ChainAt, l: Lane): void {
    const { r, nb, dirty, chainStamp, nodeStamp } = this;
    const { sk, dist } = r.x;
    const stamp = ++this.stamp;
    const dep = { w: l.w, hist: this.sinkH, bA: this.scratch, bB: this.scratch, mA: l.mA, mB: l.mB };
    let nm = 0;
    const marked = this.marked;
    for (const i of this.dirtyList) {
      const w = i - (i % nb);
      if (w !== at.wA && w !== at.wB) continue;
      const u = i - w;
      if (nodeStamp[u] === stamp) continue;
      nodeStamp[u] = stamp;
      if (l.mOut[u] !== 0 && dist[at.oA + u] !== Infinity) nodeTerm(r, at, dep, u, l.mOut[u]!, r.first1[u]!, r.first2[u]!, dirty, 1);
      for (let j = sk.adjOff[u]!; j < sk.adjOff[u + 1]!; j++) {
        const c2 = sk.slChain[sk.adjSl[j]!]!;
        if (c2 >= 0 && c2 !== at.c && chainStamp[c2] !== stamp && this.bd.liveNow[c2] === 1) {
          chainStamp[c2] = stamp;
          marked[nm++] = c2;
        }
      }
    }
    if (nm === 0) return;
    sortFew(marked, nm);
    for (let q = 0; q < nm; q++) {
      const c2 = marked[q]!;
      const a = sk.chA[c2]!;
      const b = sk.chB[c2]!;
      if (dist[at.oA + a] === Infinity) continue;
      chainTerms(r, at, dep, c2, at.oA, at.oB, spanLo(r.first1, 0, a, b), spanHi(r.first2, 0, a, b), 1, dirty, 1);
    }
  }

  /** Chain c as the record routed it: its ends' rows with nothing failed, pIn and sIn for in-masses inn. */
  private baseAt(c: number, inn: Float64Array): ChainAt {
    const { sk, chains } = this.r.x;
    const nodes = chains[c]!.nodes;
    const k = nodes.length;
    const { pIn, sIn } = this.r;
    pIn[0] = 0;
    for (let p = 0; p < k; p++) pIn[p + 1] = pIn[p]! + (inn[nodes[p]!]! > 0 ? inn[nodes[p]!]! : 0);
    sIn[k] = 0;
    for (let p = k - 1; p >= 0; p--) sIn[p] = sIn[p + 1]! + (inn[nodes[p]!]! > 0 ? inn[nodes[p]!]! : 0);
    const sl = sk.chainSl[c]!;
    const wA = sk.slA[sl]! * this.nb;
    const wB = sk.slB[sl]! * this.nb;
    return { c, k, L: sk.lenOf[c]!, no: sk.nOff[c]!, oA: wA, oB: wB, wA, wB };
  }

  /** Chain c's recorded bulk deposits (pIn, sIn for c in r), times sign s, into dep: its nodes' and the recorded live chains'. */
  private baseTerms(at: ChainAt, dep: Deposits, s: number): void {
    const { r, nb, bd } = this;
    const { sk, dist } = r.x;
    const cb = at.c * nb;
    const { wA, wB } = at;
    for (let u = 0; u < nb; u++) {
      const m = bd.baseM[u]!;
      if (m !== 0 && dist[wA + u] !== Infinity) nodeTerm(r, at, dep, u, s * m, this.f1[cb + u]!, this.f2[cb + u]!);
    }
    for (let c2 = 0; c2 < sk.chA.length; c2++) {
      if (c2 === at.c || bd.baseLive[c2] === 0 || dist[wA + sk.chA[c2]!] === Infinity) continue;
      const a = sk.chA[c2]!;
      const b = sk.chB[c2]!;
      chainTerms(r, at, dep, c2, wA, wB, spanLo(this.f1, cb, a, b), spanHi(this.f2, cb, a, b), s);
    }
  }
}
