import type { Lane } from './skeleton-lane';
import { cfgIndex, plainBulk, type ChainAt, type ChainRun } from './skeleton-chain-bulk';
import type { ChainDeltas } from './skeleton-chain-delta';
import type { ChainDestContext } from './skeleton-chain-context';

/**
 * Every destination inside one intact chain c (ends A, B), all positions in
 * one pass. Toward the destination at position p (α_p from A), a branch
 * node u is strictly nearer through A (region 1) while d(u, A) − d(u, B) <
 * L − 2α_p, tied on equality, strictly nearer through B (region 2) beyond:
 * as p moves from A to B it is region 1 for p < first1(u), tied for
 * first1(u) ≤ p < first2(u) (at most a position or two), region 2 after.
 * A region-1 node has the same next hops toward the destination as toward A
 * and so has everything downstream of it: its mass, weighted by the
 * destination's in-mass, joins row A (region 2: row B), and one flow pass
 * per row carries every destination (skeleton.ts rowFlow). So a node's
 * weight in row A is its mass times the in-masses of positions [0,
 * first1(u)), a prefix sum, and what enters the half A–t at position p is
 * in(p) × the masses of nodes whose first1 lies beyond p (bucketed by
 * first1, suffix sums). Another intact chain whose two ends are both region
 * 1 (a prefix of positions) or both region 2 (a suffix) splits the same way
 * at every such position (its ends' distance difference does not move), so
 * its masses join in the same way; positions where its ends lie in
 * different regions or tie, tied nodes, the own chain's halves and the tie
 * pass are handled position by position, as the per-destination pass did.
 * Per chain O(branch nodes + chains + its length × the few per-position
 * items) instead of O(length × (branch nodes + chains)).
 */
export class ChainDestinations implements ChainRun {
  /** This run's first positions: its own arrays, or a chain delta's record patched for the run (skeleton-chain-delta.ts). */
  first1: Int32Array;
  first2: Int32Array;
  private readonly own1: Int32Array;
  private readonly own2: Int32Array;
  readonly pIn: Float64Array;
  readonly sIn: Float64Array;
  readonly tied: Int32Array;
  nTied = 0;
  nMid = 0;
  private readonly at: ChainAt = { c: 0, k: 0, L: 0, no: 0, oA: 0, oB: 0, wA: 0, wB: 0 };
  /** This call's chain delta (skeleton-chain-delta.ts) and the lane whose rows it builds: what put() adds there is checked. */
  private delta: ChainDeltas | null = null;
  private watch: Lane | null = null;
  private readonly tl: Int32Array;
  private readonly tdk: Float64Array;
  /** A tied node's next hops (adjacency indices). */
  private readonly hopScratch: Int32Array;
  /** Live chains (index into live) with positions where their ends are not both region 1 or both region 2: (x, lo, hi). */
  readonly middle: Int32Array;
  /** Per position p: tied nodes tAt[tStart[p] .. tStart[p + 1]), chains (index into live) mAt[mStart[p] ..]. */
  private readonly tStart: Int32Array;
  private readonly mStart: Int32Array;
  private readonly fillAt: Int32Array;
  private tAt = new Int32Array(64);
  private mAt = new Int32Array(64);
  // Per call of run(): the rows' offsets, the current position and its distances from A and B.
  private oA = 0;
  private oB = 0;
  private wA = 0;
  private wB = 0;
  private p = 0;
  private ap = 0;
  private bp = 0;

  constructor(
    readonly x: ChainDestContext,
    maxK: number,
  ) {
    const nb = x.sk.nb;
    this.first1 = this.own1 = new Int32Array(nb);
    this.first2 = this.own2 = new Int32Array(nb);
    this.pIn = new Float64Array(maxK + 1);
    this.sIn = new Float64Array(maxK + 1);
    this.tied = new Int32Array(nb);
    this.middle = new Int32Array(3 * x.chains.length);
    this.tStart = new Int32Array(maxK + 1);
    this.mStart = new Int32Array(maxK + 1);
    this.fillAt = new Int32Array(maxK);
    this.tl = new Int32Array(nb);
    this.tdk = new Float64Array(nb);
    let maxDeg = 0;
    for (let u = 0; u < nb; u++) maxDeg = Math.max(maxDeg, x.sk.adjOff[u + 1]! - x.sk.adjOff[u]!);
    this.hopScratch = new Int32Array(maxDeg);
  }

  /** Routes every destination inside chain c into the lanes' rows A and B and the chain's own links; false when none of its nodes receives. */
  run(
    c: number,
    inn: Float64Array,
    live: readonly number[],
    liveOff: readonly number[],
    liveLanes: readonly number[],
    lanes: readonly Lane[],
    delta: ChainDeltas | null = null,
    recorder: ChainDeltas | null = null,
  ): boolean {
    const x = this.x;
    const { sk, dist } = x;
    const ch = x.chains[c]!;
    const k = ch.nodes.length;
    const nb = sk.nb;
    const sl = sk.chainSl[c]!;
    const A = sk.slA[sl]!;
    const B = sk.slB[sl]!;
    const L = sk.lenOf[c]!;
    const no = sk.nOff[c]!;
    const al = sk.alpha;
    // In-masses of the positions (receivers only), before p and from p on.
    const { pIn, sIn } = this;
    pIn[0] = 0;
    let receives = false;
    for (let p = 0; p < k; p++) {
      const v = inn[ch.nodes[p]!]!;
      if (v > 0) receives = true;
      pIn[p + 1] = pIn[p]! + (v > 0 ? v : 0);
    }
    if (!receives) return false;
    sIn[k] = 0;
    for (let p = k - 1; p >= 0; p--) {
      const v = inn[ch.nodes[p]!]!;
      sIn[p] = sIn[p + 1]! + (v > 0 ? v : 0);
    }
    const at = this.at;
    at.c = c;
    at.k = k;
    at.L = L;
    at.no = no;
    at.oA = this.oA = x.row(A) * nb;
    at.oB = this.oB = x.row(B) * nb;
    at.wA = this.wA = A * nb;
    at.wB = this.wB = B * nb;
    const { oA, oB, wA, wB } = this;
    this.delta = delta;
    this.watch = delta !== null ? lanes[0]! : null;
    if (delta !== null && delta.covers(c)) delta.bulk(at, lanes);
    else {
      this.first1 = this.own1;
      this.first2 = this.own2;
      plainBulk(this, at, live, liveOff, liveLanes, lanes);
    }
    recorder?.record(at, lanes[0]!, live);
    const { first1, first2, tied, middle, nTied, nMid } = this;
    const { chA, chB } = sk;
    // What region-1 masses send into the half A–t at position p (first1 beyond p), region-2 into t–B (first2 at or before p).
    for (const l of lanes) {
      const { bA, bB, sA, sB } = l;
      sA[k - 1] = bA[k]!;
      for (let p = k - 2; p >= 0; p--) sA[p] = sA[p + 1]! + bA[p + 1]!;
      sB[0] = bB[0]!;
      for (let p = 1; p < k; p++) sB[p] = sB[p - 1]! + bB[p]!;
    }
    // Per position, the tied nodes (row A's order) and the chains handled there (live order), as lists.
    const tS = this.tStart;
    const mS = this.mStart;
    tS.fill(0, 0, k + 1);
    mS.fill(0, 0, k + 1);
    for (let i = 0; i < nTied; i++) for (let p = first1[tied[i]!]!; p < first2[tied[i]!]!; p++) tS[p + 1]!++;
    for (let q = 0; q < nMid; q += 3) for (let p = middle[q + 1]!; p < middle[q + 2]!; p++) mS[p + 1]!++;
    for (let p = 0; p < k; p++) {
      tS[p + 1]! += tS[p]!;
      mS[p + 1]! += mS[p]!;
    }
    if (this.tAt.length < tS[k]!) this.tAt = new Int32Array(2 * tS[k]!);
    if (this.mAt.length < mS[k]!) this.mAt = new Int32Array(2 * mS[k]!);
    const { tAt, mAt, fillAt } = this;
    fillAt.set(tS.subarray(0, k));
    for (let i = 0; i < nTied; i++) for (let p = first1[tied[i]!]!; p < first2[tied[i]!]!; p++) tAt[fillAt[p]!++] = tied[i]!;
    fillAt.set(mS.subarray(0, k));
    for (let q = 0; q < nMid; q += 3) for (let p = middle[q + 1]!; p < middle[q + 2]!; p++) mAt[fillAt[p]!++] = middle[q]!;
    const base = no + c;
    for (let p = 0; p < k; p++) {
      const inT = inn[ch.nodes[p]!]!;
      if (!(inT > 0)) continue;
      const ap = (this.ap = al[no + p]!);
      const bp = (this.bp = L - ap);
      this.p = p;
      for (const l of lanes) {
        l.dA = inT * l.sA[p]!;
        l.dB = inT * l.sB[p]!;
      }
      // Nodes tied at this position: their own masses wait for the tie pass.
      const tl = this.tl;
      let nt = 0;
      for (let q = tS[p]!; q < tS[p + 1]!; q++) {
        const u = tAt[q]!;
        tl[nt++] = u;
        this.tdk[u] = this.dkAt(u);
        for (const l of lanes) {
          const m = l.mOut[u]!;
          if (m !== 0) l.fl[u]! += inT * m;
        }
      }
      for (let q = mS[p]!; q < mS[p + 1]!; q++) {
        const xi = mAt[q]!;
        const c2 = live[xi]!;
        const a = chA[c2]!;
        const b = chB[c2]!;
        // Distances of its ends from the destination (dkAt written out: the hot loop on long chains).
        const kaA = dist[oA + a]! + ap;
        const kbA = dist[oB + a]! + bp;
        const da = kaA < kbA ? kaA : kbA;
        const kaB = dist[oA + b]! + ap;
        const kbB = dist[oB + b]! + bp;
        const db = kaB < kbB ? kaB : kbB;
        const h = cfgIndex(x, c2, da, db);
        const ra = p < first1[a]! ? 1 : p < first2[a]! ? 3 : 2;
        const rb = p < first1[b]! ? 1 : p < first2[b]! ? 3 : 2;
        for (let y = liveOff[xi]!; y < liveOff[xi + 1]!; y++) {
          const l = lanes[liveLanes[y]!]!;
          const ma = l.mA[h]!;
          const mb = l.mB[h]!;
          l.hist[h]! += inT;
          if (ma !== 0) {
            const v = inT * ma;
            if (ra === 1) {
              l.w[wA + a]! += v;
              l.dA += v;
            } else if (ra === 2) {
              l.w[wB + a]! += v;
              l.dB += v;
            } else l.fl[a]! += v;
          }
          if (mb !== 0) {
            const v = inT * mb;
            if (rb === 1) {
              l.w[wA + b]! += v;
              l.dA += v;
            } else if (rb === 2) {
              l.w[wB + b]! += v;
              l.dB += v;
            } else l.fl[b]! += v;
          }
        }
      }
      // Its own chain, as two halves: nodes [0, p) between A and t, (p, k) between t and B.
      const s1 = x.split(c, 0, p, this.dkAt(A), 0, 0, ap);
      const s2 = x.split(c, p + 1, k, 0, ap, this.dkAt(B), L);
      for (const l of lanes) {
        const P = l.pOut;
        const h1 = s1 & 1 ? (P[base + (s1 >> 1) + 1]! - P[base + (s1 >> 1)]!) / 2 : 0;
        const h2 = s2 & 1 ? (P[base + (s2 >> 1) + 1]! - P[base + (s2 >> 1)]!) / 2 : 0;
        const ma = P[base + (s1 >> 1)]! - P[base]! + h1;
        const mb = P[base + k]! - P[base + (s2 >> 1) + (s2 & 1)]! + h2;
        if (ma !== 0) this.put(l, A, inT * ma);
        if (mb !== 0) this.put(l, B, inT * mb);
      }
      if (nt > 0) this.tiePass(nt, sl, lanes);
      // Half A–t: links [0, p]; half t–B: links [p + 1, k]. The destination itself sends nothing.
      for (const l of lanes) {
        x.addSplit(l, c, 0, p, s1 >> 1, s1 & 1, inT);
        x.addSplit(l, c, p + 1, k, s2 >> 1, s2 & 1, inT);
        const res = l.res;
        const da = l.dA;
        const db = l.dB;
        if (da !== 0) for (let j = 0; j <= p; j++) res[sk.slotAB[base + j]!]! += da;
        if (db !== 0) for (let j = p + 1; j <= k; j++) res[sk.slotAB[base + j]! ^ 1]! += db;
      }
    }
    return true;
  }

  /**
   * Tied nodes at the current position, farthest first (a tied node sends
   * only to nearer nodes, so what reaches it from other tied nodes is in by
   * then): each splits its flow evenly over its next hops toward the
   * destination, found by scanning its links once. They were listed in row
   * A's settle order, nearest first; when their distances keep that order
   * (always with whole-number lengths) runs of equal distance are taken
   * from the far end, each in list order — what a stable sort by
   * decreasing distance gives.
   */
  private tiePass(nt: number, sl: number, lanes: readonly Lane[]): void {
    const tdk = this.tdk;
    const tl = this.tl;
    let sorted = true;
    for (let q = 1; q < nt && sorted; q++) sorted = tdk[tl[q - 1]!]! <= tdk[tl[q]!]!;
    if (!sorted) {
      tl.subarray(0, nt).sort((x, y) => tdk[y]! - tdk[x]!);
      for (let q = 0; q < nt; q++) this.tieNode(tl[q]!, sl, lanes);
      return;
    }
    let end = nt;
    while (end > 0) {
      let start = end - 1;
      while (start > 0 && tdk[tl[start - 1]!] === tdk[tl[end - 1]!]) start--;
      for (let q = start; q < end; q++) this.tieNode(tl[q]!, sl, lanes);
      end = start;
    }
  }

  /** One tied node u: its flow in each lane split evenly over its next hops toward the current destination. */
  private tieNode(u: number, sl: number, lanes: readonly Lane[]): void {
    const { adjOff, adjSl, adjTo, adjFromA, slChain, slSlotA } = this.x.sk;
    const du = this.tdk[u]!;
    const hops = this.hopScratch;
    let cnt = 0;
    for (let j = adjOff[u]!; j < adjOff[u + 1]!; j++) if (this.tieHop(j, du, sl)) hops[cnt++] = j;
    for (const l of lanes) {
      const f = l.fl[u]!;
      if (f === 0) continue;
      l.fl[u] = 0;
      const share = f / cnt;
      for (let q = 0; q < cnt; q++) {
        const j = hops[q]!;
        const i = adjSl[j]!;
        if (i === sl) {
          if (adjFromA[j] === 1) l.dA += share;
          else l.dB += share;
          continue;
        }
        const c2 = slChain[i]!;
        if (c2 < 0) l.res[slSlotA[i]! + (adjFromA[j] === 1 ? 0 : 1)]! += share;
        else if (adjFromA[j] === 1) l.tAB[c2]! += share;
        else l.tBA[c2]! += share;
        this.put(l, adjTo[j]!, share);
      }
    }
  }

  /** Distance of branch node v from the destination at the current position (Infinity when unreached). */
  private dkAt(v: number): number {
    const d = this.x.dist;
    const da = d[this.oA + v]!;
    if (da === Infinity) return Infinity;
    const ka = da + this.ap;
    const kb = d[this.oB + v]! + this.bp;
    return ka < kb ? ka : kb;
  }

  /** Whether adjacency entry j of a tied node at distance du is one of its next hops toward the current destination (chain skeleton link sl). */
  private tieHop(j: number, du: number, sl: number): boolean {
    const sk = this.x.sk;
    const i = sk.adjSl[j]!;
    const d = i === sl ? (sk.adjFromA[j] === 1 ? this.ap : this.bp) : this.x.slAlive[i] === 0 ? Infinity : this.dkAt(sk.adjTo[j]!) + sk.adjW[j]!;
    return du === d || Math.abs(du - d) <= 1e-12 * du;
  }

  /** A weighted mass at branch node u toward the current destination: row A, row B or (tied) the tie pass. */
  private put(l: Lane, u: number, x: number): void {
    const p = this.p;
    if (p < this.first1[u]!) {
      if (l === this.watch) this.delta!.check(this.wA + u, x);
      l.w[this.wA + u]! += x;
      l.dA += x;
    } else if (p >= this.first2[u]!) {
      if (l === this.watch) this.delta!.check(this.wB + u, x);
      l.w[this.wB + u]! += x;
      l.dB += x;
    } else l.fl[u]! += x;
  }
}
