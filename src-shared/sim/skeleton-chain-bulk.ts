import type { ChainDestContext } from './skeleton-chain-context';
import { regionOf, type Lane } from './skeleton-lane';

/**
 * The part of one chain's destination pass (skeleton-chain-dest.ts) that is
 * O(branch nodes + chains): where each branch node stops being nearer
 * through A and starts being nearer through B (first1, first2), its mass's
 * deposits in rows A and B, and the intact chains whose ends lie on one side
 * for a prefix or a suffix of the positions. The term helpers are the one
 * implementation of each deposit: the plain pass adds them (sign 1), the
 * delta (skeleton-chain-delta.ts) takes the recorded ones back (sign −1)
 * and adds the new ones.
 */
export interface ChainRun {
  readonly x: ChainDestContext;
  first1: Int32Array;
  first2: Int32Array;
  /** Tied nodes (first1 < first2) in row A's settle order, nTied of them. */
  readonly tied: Int32Array;
  nTied: number;
  /** (index into live, lo, hi) of the chains whose ends are on different sides somewhere, nMid entries (3 per chain). */
  readonly middle: Int32Array;
  nMid: number;
  /** In-masses of the positions before p (pIn) and from p on (sIn). */
  readonly pIn: Float64Array;
  readonly sIn: Float64Array;
}

/** The chain being routed: index, length, skeleton length, node offset, current rows' offsets (oA, oB) and rows A, B (wA, wB). */
export interface ChainAt {
  c: number;
  k: number;
  L: number;
  no: number;
  oA: number;
  oB: number;
  wA: number;
  wB: number;
}

/** first1[u], first2[u] for a node at da from A and db from B (distances of one row pair). */
export function setFirsts(r: ChainRun, at: ChainAt, u: number, da: number, db: number): void {
  const { firstOff, firstTwo, cfgOff } = r.x;
  const { k, L } = at;
  let f1 = k;
  let f2 = k;
  if (db !== Infinity) {
    if (firstOff !== null) {
      const v = L - (da - db);
      if (v < 0) f1 = f2 = 0;
      else if (v <= 2 * L) {
        f1 = firstOff[cfgOff![at.c]! + v]!;
        f2 = firstTwo![cfgOff![at.c]! + v]!;
      }
    } else {
      f1 = firstWhere(r, da, db, at.no, L, 0, k, 1);
      f2 = firstWhere(r, da, db, at.no, L, f1, k, 2);
    }
  }
  r.first1[u] = f1;
  r.first2[u] = f2;
}

/** First position in [lo, hi) whose destination node (d(A) = da, d(B) = db) is not in region 1 (want 1) or is in region 2 (want 2); hi if none. */
function firstWhere(r: ChainRun, da: number, db: number, no: number, L: number, lo: number, hi: number, want: number): number {
  const al = r.x.sk.alpha;
  let a = lo;
  let b = hi;
  while (a < b) {
    const mid = (a + b) >> 1;
    const g = regionOf(da + al[no + mid]!, db + L - al[no + mid]!);
    if (want === 1 ? g === 1 : g !== 2) a = mid + 1;
    else b = mid;
  }
  return a;
}

/** Where the deposits of one chain's pass go: a lane's rows, histogram and buckets (or a record of them), with the lane's split masses. */
export type Deposits = Pick<Lane, 'w' | 'hist' | 'bA' | 'bB' | 'mA' | 'mB'>;

/**
 * Row entries written (skeleton-chain-delta.ts): all when mask is null, else
 * only those i with mask[i] = want — the delta adds a row entry's terms one
 * by one, as the plain pass does, once an inexact term reached it.
 */
function addW(W: Float64Array, i: number, v: number, mask: Uint8Array | null, want: number): void {
  if (mask === null || mask[i] === want) W[i]! += v;
}

/** Node u's own mass m (negative: taken back) with first positions f1, f2: row A for the positions before f1, row B from f2 on. */
export function nodeTerm(r: ChainRun, at: ChainAt, l: Deposits, u: number, m: number, f1: number, f2: number, mask: Uint8Array | null = null, want = 0): void {
  if (f1 > 0) {
    addW(l.w, at.wA + u, m * r.pIn[f1]!, mask, want);
    l.bA[f1]! += m;
  }
  if (f2 < at.k) {
    addW(l.w, at.wB + u, m * r.sIn[f2]!, mask, want);
    l.bB[f2]! += m;
  }
}

/** Split configuration (index into a lane's hist) of live chain c2 whose ends are at da, db from the destination. */
export function cfgIndex(x: ChainDestContext, c2: number, da: number, db: number): number {
  const { cfgOff, cfgTable, sk } = x;
  const L2 = sk.lenOf[c2]!;
  return 2 * (sk.nOff[c2]! + c2) + (cfgTable !== null ? cfgTable[cfgOff![c2]! + db - da + L2]! : x.split(c2, 0, x.chains[c2]!.nodes.length, da, 0, db, L2));
}

/** Chain c2 (ends a, b) split as configuration h at w destinations joining row wX (bucket b at position p), times sign s. */
export function chainTerm(l: Deposits, h: number, w: number, wX: number, a: number, b: number, bucket: Float64Array, p: number, s: number, mask: Uint8Array | null, want: number): void {
  const ma = l.mA[h]!;
  const mb = l.mB[h]!;
  const sw = s * w;
  l.hist[h]! += sw;
  if (ma !== 0) addW(l.w, wX + a, sw * ma, mask, want);
  if (mb !== 0) addW(l.w, wX + b, sw * mb, mask, want);
  bucket[p]! += s * (ma + mb);
}

/** Positions where chain c2's ends a, b are both region 1: [0, spanLo), first1 of node u at o + u. */
export function spanLo(first1: Int32Array, o: number, a: number, b: number): number {
  const fa = first1[o + a]!;
  const fb = first1[o + b]!;
  return fa < fb ? fa : fb;
}

/** Positions where they are both region 2: [spanHi, k). */
export function spanHi(first2: Int32Array, o: number, a: number, b: number): number {
  const ga = first2[o + a]!;
  const gb = first2[o + b]!;
  return ga > gb ? ga : gb;
}

/** Live chain c2 (not the routed one) as seen from the rows at oA, oB: prefix and suffix deposits into lane l (sign s). */
export function chainTerms(r: ChainRun, at: ChainAt, l: Deposits, c2: number, oA: number, oB: number, lo: number, hi: number, s: number, mask: Uint8Array | null = null, want = 0): void {
  const { sk, dist } = r.x;
  const a = sk.chA[c2]!;
  const b = sk.chB[c2]!;
  const al = sk.alpha;
  if (lo > 0) {
    // Whole-number lengths: the table at d(b) − d(a) (a shift by α₀ cancels).
    const a0 = al[at.no]!;
    chainTerm(l, cfgIndex(r.x, c2, dist[oA + a]! + a0, dist[oA + b]! + a0), r.pIn[lo]!, at.wA, a, b, l.bA, lo, s, mask, want);
  }
  if (hi < at.k) {
    const bl = at.L - al[at.no + at.k - 1]!;
    chainTerm(l, cfgIndex(r.x, c2, dist[oB + a]! + bl, dist[oB + b]! + bl), r.sIn[hi]!, at.wB, a, b, l.bB, hi, s, mask, want);
  }
}

/** The plain pass: every reached node's first positions, every lane's node masses, every other live chain. */
export function plainBulk(r: ChainRun, at: ChainAt, live: readonly number[], liveOff: readonly number[], liveLanes: readonly number[], lanes: readonly Lane[]): void {
  const { dist, ord, reach, sk } = r.x;
  const { oA, oB, c } = at;
  // The chain is intact, so A and B reach the same live nodes (a row untouched by the failure may also hold failed ones, without mass).
  const len = reach[oA / sk.nb]!;
  const { first1, first2, tied } = r;
  let nTied = 0;
  for (let q = 0; q < len; q++) {
    const u = ord[oA + q]!;
    setFirsts(r, at, u, dist[oA + u]!, dist[oB + u]!);
    if (first1[u]! < first2[u]!) tied[nTied++] = u;
  }
  r.nTied = nTied;
  for (const l of lanes) {
    l.bA.fill(0, 0, at.k + 1);
    l.bB.fill(0, 0, at.k + 1);
    nodeTerms(r, at, l);
  }
  // Other intact chains: both ends region 1 on a prefix of positions, both region 2 on a suffix, the rest per position.
  const middle = r.middle;
  let nMid = 0;
  const { chA, chB } = sk;
  for (let xi = 0; xi < live.length; xi++) {
    const c2 = live[xi]!;
    if (c2 === c) continue;
    const a = chA[c2]!;
    if (dist[oA + a] === Infinity) continue;
    const lo = spanLo(first1, 0, a, chB[c2]!);
    const hi = spanHi(first2, 0, a, chB[c2]!);
    for (let y = liveOff[xi]!; y < liveOff[xi + 1]!; y++) chainTerms(r, at, lanes[liveLanes[y]!]!, c2, oA, oB, lo, hi, 1);
    if (lo < hi) {
      middle[nMid++] = xi;
      middle[nMid++] = lo;
      middle[nMid++] = hi;
    }
  }
  r.nMid = nMid;
}

/** Lane l's node masses (first positions already set), buckets zeroed before. */
export function nodeTerms(r: ChainRun, at: ChainAt, l: Lane): void {
  const dist = r.x.dist;
  const { nz, mOut } = l;
  for (let i = 0; i < l.nzCount; i++) {
    const u = nz[i]!;
    if (dist[at.oA + u] === Infinity) continue;
    nodeTerm(r, at, l, u, mOut[u]!, r.first1[u]!, r.first2[u]!);
  }
}
