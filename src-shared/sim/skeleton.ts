import type { ChainIndex } from './chains';
import type { CompiledGraph } from './csr';
import type { FailureMasks } from './incremental';
import { MinHeap, onShortestPath } from './shortest';

/**
 * ECMP link loads of product-form traffic out[s]·in[t] (s ≠ t) on a core
 * graph (no pendant trees), routed on its SKELETON: the branch nodes (every
 * node not inside a chain of degree-2 nodes, chains.ts) joined by direct links
 * and by whole chains as single links of the chain's length. Exact, with
 * chain nodes in closed form as sources and as destinations:
 *
 * - Distances: one Dijkstra per branch node on the skeleton (all pairs). A
 *   chain node x at distance α from end A and β from end B is at
 *   min(d(v, A) + α, d(v, B) + β) from branch node v (a path that enters the
 *   chain at the far end passes x anyway).
 * - Toward a destination t, a node inside an intact chain heads to A when
 *   α + d(A, t) < β + d(B, t), to B when greater, both (half each, ECMP) on
 *   a tie; the nodes heading to A are a prefix of the chain. Their masses join
 *   A's and B's, and their flow on the chain's links follows from prefix sums.
 *   A branch node sends through a chain only when the whole chain lies on a
 *   shortest path (d(A) = L + d(B)); then every chain node heads to B too.
 * - A destination inside chain C splits C's skeleton link into its two halves
 *   (ends A–t and t–B); each half is a chain in the sense above.
 * - Flow toward t on the skeleton in order of decreasing distance (ECMP even
 *   split over next hops, each parallel link or chain one next hop, as
 *   per-hop ECMP over the full graph's adjacency does).
 * - A failure breaks chains into pieces that hang off a surviving end (or
 *   off nothing): pendant paths, whose traffic enters at that end (masses
 *   added) and whose links carry out(below)·(in(component) − in(below)) up and
 *   (out(component) − out(below))·in(below) down (pendant.ts).
 *
 * Per destination the work is O(skeleton + chains) instead of O(n + m), and
 * per chain O(its length) per configuration of the split (histogram of
 * destinations per split), so a network made of long chains (Topology Zoo
 * Kdl: 647 core nodes, 51 branch nodes) routes each scenario on ~50 nodes.
 */
export class SkeletonRouting {
  /** Branch nodes: skeleton index -> core node; core node -> skeleton index (-1 inside a chain). */
  readonly kNodes: Int32Array;
  readonly kOf: Int32Array;
  /** Skeleton links: ends (skeleton indices), length, chain (-1 for a direct link), core link of a direct one. */
  private readonly slA: Int32Array;
  private readonly slB: Int32Array;
  private readonly slW: Float64Array;
  private readonly slChain: Int32Array;
  private readonly slLink: Int32Array;
  private readonly adjOff: Int32Array;
  private readonly adjSl: Int32Array;
  /** Per chain: offset into the flat per-node arrays (k entries) and per-link arrays (k + 1), length, skeleton link. */
  private readonly nOff: Int32Array;
  private readonly alpha: Float64Array; // distance of each chain node from A
  private readonly lenOf: Float64Array;
  private readonly slotAB: Int32Array; // per chain link: the directed slot toward B
  private readonly chainSl: Int32Array;
  readonly slots: number;
  private readonly nb: number;
  // Per-solve scratch.
  private readonly dist: Float64Array; // nb × nb
  private readonly ord: Int32Array; // nb × nb settle order
  private readonly reach: Int32Array; // nodes settled per row
  private readonly rowDone: Uint8Array;
  private readonly heap: MinHeap;
  private readonly kAlive: Uint8Array;
  private readonly slAlive: Uint8Array;
  private readonly mOut: Float64Array;
  private readonly mIn: Float64Array;
  private readonly pOut: Float64Array; // per chain: k + 1 prefix sums of out
  private readonly hist: Float64Array; // per chain: 2k + 2 split configurations
  private readonly tAB: Float64Array;
  private readonly tBA: Float64Array;
  private readonly dk: Float64Array;
  private readonly fl: Float64Array;
  private readonly order: Int32Array;
  private readonly placed: Uint8Array;
  private readonly comp: Int32Array;
  private readonly hop: Int32Array;

  constructor(
    readonly g: CompiledGraph,
    private readonly ci: ChainIndex,
  ) {
    const n = g.nodeIds.length;
    const m = g.linkIds.length;
    this.slots = 2 * m;
    this.kOf = new Int32Array(n).fill(-1);
    const kn: number[] = [];
    for (let v = 0; v < n; v++) {
      if (ci.chainOfNode[v]! < 0) {
        this.kOf[v] = kn.length;
        kn.push(v);
      }
    }
    this.kNodes = Int32Array.from(kn);
    const nb = (this.nb = kn.length);
    const chains = ci.chains;
    const direct: number[] = [];
    for (let e = 0; e < m; e++) if (ci.chainOfLink[e]! < 0) direct.push(e);
    const ns = direct.length + chains.length;
    this.slA = new Int32Array(ns);
    this.slB = new Int32Array(ns);
    this.slW = new Float64Array(ns);
    this.slChain = new Int32Array(ns).fill(-1);
    this.slLink = new Int32Array(ns).fill(-1);
    direct.forEach((e, i) => {
      this.slA[i] = this.kOf[g.linkSource[e]!]!;
      this.slB[i] = this.kOf[g.linkTarget[e]!]!;
      this.slW[i] = g.weights[e]!;
      this.slLink[i] = e;
    });
    this.nOff = new Int32Array(chains.length + 1);
    for (let c = 0; c < chains.length; c++) this.nOff[c + 1] = this.nOff[c]! + chains[c]!.nodes.length;
    const totalK = this.nOff[chains.length]!;
    this.alpha = new Float64Array(totalK);
    this.lenOf = new Float64Array(chains.length);
    this.slotAB = new Int32Array(totalK + chains.length);
    this.chainSl = new Int32Array(chains.length);
    chains.forEach((c, id) => {
      const i = direct.length + id;
      this.chainSl[id] = i;
      this.slA[i] = this.kOf[c.a]!;
      this.slB[i] = this.kOf[c.b]!;
      this.slChain[i] = id;
      let a = 0;
      const lo = this.nOff[id]!;
      for (let j = 0; j <= c.nodes.length; j++) {
        const e = c.links[j]!;
        const before = j === 0 ? c.a : c.nodes[j - 1]!;
        this.slotAB[lo + id + j] = 2 * e + (g.linkSource[e] === before ? 0 : 1);
        a += g.weights[e]!;
        if (j < c.nodes.length) this.alpha[lo + j] = a;
      }
      this.lenOf[id] = a;
      this.slW[i] = a;
    });
    const deg = new Int32Array(nb + 1);
    for (let i = 0; i < ns; i++) {
      deg[this.slA[i]! + 1]!++;
      deg[this.slB[i]! + 1]!++;
    }
    for (let u = 0; u < nb; u++) deg[u + 1]! += deg[u]!;
    this.adjOff = deg.slice();
    const fill = deg.slice(0, nb);
    this.adjSl = new Int32Array(2 * ns);
    for (let i = 0; i < ns; i++) {
      this.adjSl[fill[this.slA[i]!]!++] = i;
      this.adjSl[fill[this.slB[i]!]!++] = i;
    }
    let maxDeg = 0;
    for (let u = 0; u < nb; u++) maxDeg = Math.max(maxDeg, this.adjOff[u + 1]! - this.adjOff[u]!);
    this.hop = new Int32Array(maxDeg + 1);
    this.dist = new Float64Array(nb * nb);
    this.ord = new Int32Array(nb * nb);
    this.reach = new Int32Array(nb);
    this.rowDone = new Uint8Array(nb);
    this.heap = new MinHeap(2 * ns + 4, nb);
    this.kAlive = new Uint8Array(nb);
    this.slAlive = new Uint8Array(ns);
    this.mOut = new Float64Array(nb);
    this.mIn = new Float64Array(nb);
    this.pOut = new Float64Array(totalK + chains.length);
    this.hist = new Float64Array(2 * totalK + 2 * chains.length);
    this.tAB = new Float64Array(chains.length);
    this.tBA = new Float64Array(chains.length);
    this.dk = new Float64Array(nb + 1).fill(Infinity);
    this.fl = new Float64Array(nb + 1);
    this.order = new Int32Array(nb + 1);
    this.placed = new Uint8Array(nb + 1);
    this.comp = new Int32Array(nb);
  }

  /** Branch nodes / core nodes: below ~½ the skeleton pays for its all-pairs table. */
  get branchNodes(): number {
    return this.nb;
  }

  /**
   * Directed loads (2e toward linkTarget… as csr slots) of the core under the
   * failure `f` for masses out/inn (core-indexed), written into `res`. The
   * failed elements must leave every chain either intact or with its dead
   * elements forming one run (a single failed node or link, a failed chain
   * interior, a failed branch node): what N-1 sweeps ask.
   */
  loads(f: FailureMasks | null, out: Float64Array, inn: Float64Array, res: Float64Array): void {
    const nb = this.nb;
    const chains = this.ci.chains;
    const ns = this.slA.length;
    const { kAlive, slAlive, mOut, mIn, pOut, hist, tAB, tBA, nOff } = this;
    res.fill(0);
    hist.fill(0);
    tAB.fill(0);
    tBA.fill(0);
    this.rowDone.fill(0);
    for (let u = 0; u < nb; u++) {
      const v = this.kNodes[u]!;
      kAlive[u] = f !== null && f.nodes[v] === 1 ? 0 : 1;
      mOut[u] = kAlive[u] === 1 ? out[v]! : 0;
      mIn[u] = kAlive[u] === 1 ? inn[v]! : 0;
    }
    for (let i = 0; i < ns; i++) {
      const e = this.slLink[i]!;
      slAlive[i] = kAlive[this.slA[i]!] === 1 && kAlive[this.slB[i]!] === 1 && (e < 0 || f === null || f.links[e] === 0) ? 1 : 0;
    }
    // Chains: prefix sums of out; broken chains leave pendant pieces at their ends.
    const pieces: number[] = []; // (chain, lo, hi, end: 0 = A, 1 = B) quadruples
    for (let c = 0; c < chains.length; c++) {
      const ch = chains[c]!;
      const k = ch.nodes.length;
      const po = nOff[c]! + c;
      pOut[po] = 0;
      for (let i = 0; i < k; i++) pOut[po + i + 1] = pOut[po + i]! + out[ch.nodes[i]!]!;
      let first = -1; // element positions: link j = 2j, node i = 2i + 1
      let last = -1;
      if (f !== null) {
        for (let j = 0; j <= k; j++) {
          const deadLink = f.links[ch.links[j]!] === 1;
          const deadNode = j < k && f.nodes[ch.nodes[j]!] === 1;
          if (deadLink) {
            if (first < 0) first = 2 * j;
            last = 2 * j;
          }
          if (deadNode) {
            if (first < 0) first = 2 * j + 1;
            last = 2 * j + 1;
          }
        }
      }
      const sl = this.chainSl[c]!;
      if (first < 0 && slAlive[sl] === 1) continue;
      slAlive[sl] = 0;
      // A failed end takes its link into the chain down with it (failureMasks).
      if (first < 0) throw new RangeError('skeleton routing: a failed chain end whose links are not failed');
      const aEnd = first >> 1; // nodes [0, aEnd) before the first dead element
      const bStart = (last + 1) >> 1; // nodes [bStart, k) after the last one
      for (let i = aEnd; i < bStart; i++) {
        if (f === null || f.nodes[ch.nodes[i]!] !== 1) throw new RangeError('skeleton routing: a chain with more than one run of failures');
      }
      // A piece before the first failure hangs off A (alive: were A failed, its link would be the first failure).
      if (aEnd > 0) pieces.push(c, 0, aEnd, 0);
      if (bStart < k) pieces.push(c, bStart, k, 1);
    }
    for (let p = 0; p < pieces.length; p += 4) {
      const c = pieces[p]!;
      const end = pieces[p + 3]!;
      const ch = chains[c]!;
      const u = this.kOf[end === 0 ? ch.a : ch.b]!;
      for (let i = pieces[p + 1]!; i < pieces[p + 2]!; i++) {
        mOut[u]! += out[ch.nodes[i]!]!;
        mIn[u]! += inn[ch.nodes[i]!]!;
      }
    }
    // Chains carrying interior traffic (sources), the only ones whose split matters per destination.
    const live: number[] = [];
    for (let c = 0; c < chains.length; c++) if (slAlive[this.chainSl[c]!] === 1 && pOut[nOff[c]! + c + chains[c]!.nodes.length]! > 0) live.push(c);
    // Destinations.
    for (let u = 0; u < nb; u++) if (kAlive[u] === 1 && mIn[u]! > 0) this.toBranch(u, live, res);
    for (let c = 0; c < chains.length; c++) {
      if (slAlive[this.chainSl[c]!] === 0) continue;
      const ch = chains[c]!;
      for (let p = 0; p < ch.nodes.length; p++) {
        const w = inn[ch.nodes[p]!]!;
        if (w > 0) this.toChainNode(c, p, w, live, res);
      }
    }
    // Intact chains: transit plus each split configuration's flow.
    for (let c = 0; c < chains.length; c++) {
      if (slAlive[this.chainSl[c]!] === 0) continue;
      const k = chains[c]!.nodes.length;
      const lo = nOff[c]! + c; // link j of chain c at slotAB[lo + j]; prefix sums at pOut[lo + i]
      const ho = 2 * (nOff[c]! + c);
      for (let j = 0; j <= k; j++) {
        const s = this.slotAB[lo + j]!;
        res[s]! += tAB[c]!;
        res[s ^ 1]! += tBA[c]!;
      }
      for (let cfg = 0; cfg < 2 * k + 2; cfg++) {
        const h = hist[ho + cfg]!;
        if (h === 0) continue;
        const s = cfg >> 1;
        const tie = cfg & 1;
        this.addSplit(c, 0, k, s, tie, h, res);
      }
    }
    this.addPieces(pieces, out, inn, res);
  }

  /**
   * Loads on chain c's links [lo .. hi] (nodes lo..hi-1 between them) when
   * nodes [lo, s) head toward the low end, node s splits if `tie`, the rest
   * head high; each node sends out·w.
   */
  private addSplit(c: number, lo: number, hi: number, s: number, tie: number, w: number, res: Float64Array): void {
    const base = this.nOff[c]! + c;
    const P = this.pOut;
    const firstHigh = s + tie;
    for (let j = lo; j <= hi; j++) {
      const slot = this.slotAB[base + j]!;
      // Toward B on link j: nodes in [firstHigh, j) plus half the tie node when s < j.
      let up = j > firstHigh ? P[base + j]! - P[base + firstHigh]! : 0;
      if (tie === 1 && s < j) up += (P[base + s + 1]! - P[base + s]!) / 2;
      // Toward A on link j: nodes in [j, s) plus half the tie node when s ≥ j.
      let down = j < s ? P[base + s]! - P[base + j]! : 0;
      if (tie === 1 && s >= j) down += (P[base + s + 1]! - P[base + s]!) / 2;
      if (up !== 0) res[slot]! += w * up;
      if (down !== 0) res[slot ^ 1]! += w * down;
    }
  }

  /** Split of chain nodes [lo, hi) between a low end at distance dL (position posL) and a high end at dR (posR). Returns 2s + tie. */
  private split(c: number, lo: number, hi: number, dL: number, posL: number, dR: number, posR: number): number {
    const al = this.alpha;
    const base = this.nOff[c]!;
    // Heads low while (α − posL) + dL < (posR − α) + dR; binary search on the monotone difference.
    let a = lo;
    let b = hi;
    while (a < b) {
      const mid = (a + b) >> 1;
      const x = al[base + mid]!;
      const toL = x - posL + dL;
      const toR = posR - x + dR;
      if (toL < toR && !onShortestPath(toR, toL, 0)) a = mid + 1;
      else b = mid;
    }
    if (a < hi) {
      const x = al[base + a]!;
      const toL = x - posL + dL;
      const toR = posR - x + dR;
      if (onShortestPath(toL, toR, 0) || onShortestPath(toR, toL, 0)) return 2 * a + 1;
    }
    return 2 * a;
  }

  /** Out mass of chain c's nodes [lo, hi). */
  private massOf(c: number, lo: number, hi: number): number {
    const base = this.nOff[c]! + c;
    return this.pOut[base + hi]! - this.pOut[base + lo]!;
  }

  /** Distances from every branch node to branch node s (row s), settle order in ord. */
  private row(s: number): number {
    const nb = this.nb;
    const off = s * nb;
    if (this.rowDone[s] === 1) return off;
    this.rowDone[s] = 1;
    const d = this.dist;
    d.fill(Infinity, off, off + nb);
    const heap = this.heap;
    heap.clear();
    const done = heap.mark;
    done.fill(0);
    d[off + s] = 0;
    heap.push(s, 0);
    let r = 0;
    while (heap.size > 0) {
      const u = heap.pop();
      if (done[u] === 1) continue;
      done[u] = 1;
      this.ord[off + r++] = u;
      const du = d[off + u]!;
      for (let j = this.adjOff[u]!; j < this.adjOff[u + 1]!; j++) {
        const i = this.adjSl[j]!;
        if (this.slAlive[i] === 0) continue;
        const w = this.slA[i] === u ? this.slB[i]! : this.slA[i]!;
        const nd = du + this.slW[i]!;
        if (nd < d[off + w]!) {
          d[off + w] = nd;
          heap.push(w, nd);
        }
      }
    }
    this.reach[s] = r;
    return off;
  }

  /** Adds chain splits toward one destination: masses into fl, configurations into hist. */
  private chainSplits(live: readonly number[], skip: number, inT: number): void {
    const chains = this.ci.chains;
    const dk = this.dk;
    const fl = this.fl;
    for (const c of live) {
      if (c === skip) continue;
      const i = this.chainSl[c]!;
      const a = this.slA[i]!;
      const b = this.slB[i]!;
      const dA = dk[a]!;
      if (dA === Infinity) continue;
      const k = chains[c]!.nodes.length;
      const cfg = this.split(c, 0, k, dA, 0, dk[b]!, this.lenOf[c]!);
      const s = cfg >> 1;
      const tie = cfg & 1;
      const half = tie === 1 ? this.massOf(c, s, s + 1) / 2 : 0;
      fl[a]! += this.massOf(c, 0, s) + half;
      fl[b]! += this.massOf(c, s + tie, k) + half;
      this.hist[2 * (this.nOff[c]! + c) + cfg]! += inT;
    }
  }

  /**
   * ECMP pass toward the destination over the skeleton: nodes in `order`
   * (len, increasing distance dk), flow fl already holding each node's mass.
   * `dest` is the destination's skeleton index (nb for a chain node, whose
   * chain `cut` is split at it with halves of length hA (from A) and hB).
   * Returns the flows entering the halves from A and from B.
   */
  private pass(len: number, dest: number, cut: number, hA: number, hB: number, inT: number, res: Float64Array): [number, number] {
    const { dk, fl, order, hop, slA, slB, slW, slChain, slLink, slAlive, adjOff, adjSl, tAB, tBA } = this;
    const { linkSource } = this.g;
    const cutSl = cut >= 0 ? this.chainSl[cut]! : -1;
    let intoA = 0;
    let intoB = 0;
    for (let r = len - 1; r >= 0; r--) {
      const u = order[r]!;
      if (u === dest) continue;
      const f = fl[u]!;
      if (f === 0) continue;
      const du = dk[u]!;
      let k = 0;
      for (let j = adjOff[u]!; j < adjOff[u + 1]!; j++) {
        const i = adjSl[j]!;
        if (i === cutSl) {
          if (onShortestPath(du, 0, slA[i] === u ? hA : hB)) hop[k++] = i;
          continue;
        }
        if (slAlive[i] === 0) continue;
        const w = slA[i] === u ? slB[i]! : slA[i]!;
        if (onShortestPath(du, dk[w]!, slW[i]!)) hop[k++] = i;
      }
      if (k === 0) continue;
      const share = f / k;
      for (let j = 0; j < k; j++) {
        const i = hop[j]!;
        const fromA = slA[i] === u;
        if (i === cutSl) {
          if (fromA) intoA += share;
          else intoB += share;
          continue;
        }
        const w = fromA ? slB[i]! : slA[i]!;
        fl[w]! += share;
        const c = slChain[i]!;
        if (c < 0) {
          const e = slLink[i]!;
          res[2 * e + (linkSource[e] === this.kNodes[u] ? 0 : 1)]! += share * inT;
        } else if (fromA) tAB[c]! += share * inT;
        else tBA[c]! += share * inT;
      }
    }
    return [intoA, intoB];
  }

  private toBranch(t: number, live: readonly number[], res: Float64Array): void {
    const off = this.row(t);
    const len = this.reach[t]!;
    const { dk, fl, order, mOut } = this;
    const inT = this.mIn[t]!;
    for (let r = 0; r < len; r++) {
      const u = this.ord[off + r]!;
      order[r] = u;
      dk[u] = this.dist[off + u]!;
      fl[u] = mOut[u]!;
    }
    this.chainSplits(live, -1, inT);
    this.pass(len, t, -1, 0, 0, inT, res);
    for (let r = 0; r < len; r++) dk[order[r]!] = Infinity;
  }

  private toChainNode(c: number, p: number, inT: number, live: readonly number[], res: Float64Array): void {
    const nb = this.nb;
    const ch = this.ci.chains[c]!;
    const k = ch.nodes.length;
    const sl = this.chainSl[c]!;
    const A = this.slA[sl]!;
    const B = this.slB[sl]!;
    const L = this.lenOf[c]!;
    const ap = this.alpha[this.nOff[c]! + p]!;
    const bp = L - ap;
    const oA = this.row(A);
    const oB = this.row(B);
    const { dk, fl, order, placed, mOut, dist, ord } = this;
    // Merge the two settle orders by their shifted keys; each node's first appearance is at its distance.
    const lenA = this.reach[A]!;
    const lenB = this.reach[B]!;
    let i = 0;
    let j = 0;
    let len = 0;
    while (i < lenA || j < lenB) {
      const u1 = i < lenA ? ord[oA + i]! : -1;
      const u2 = j < lenB ? ord[oB + j]! : -1;
      const k1 = u1 >= 0 ? dist[oA + u1]! + ap : Infinity;
      const k2 = u2 >= 0 ? dist[oB + u2]! + bp : Infinity;
      const u = k1 <= k2 ? u1 : u2;
      const key = k1 <= k2 ? k1 : k2;
      if (k1 <= k2) i++;
      else j++;
      if (placed[u] === 1) continue;
      placed[u] = 1;
      order[len++] = u;
      dk[u] = key;
      fl[u] = mOut[u]!;
    }
    dk[nb] = 0;
    // The destination's own chain, as two halves: nodes [0, p) between A and t, (p, k) between t and B.
    const s1 = this.split(c, 0, p, dk[A]!, 0, 0, ap);
    const s2 = this.split(c, p + 1, k, 0, ap, dk[B]!, L);
    const h1 = s1 & 1 ? this.massOf(c, s1 >> 1, (s1 >> 1) + 1) / 2 : 0;
    const h2 = s2 & 1 ? this.massOf(c, s2 >> 1, (s2 >> 1) + 1) / 2 : 0;
    fl[A]! += this.massOf(c, 0, s1 >> 1) + h1;
    fl[B]! += this.massOf(c, (s2 >> 1) + (s2 & 1), k) + h2;
    this.chainSplits(live, c, inT);
    const [intoA, intoB] = this.pass(len, nb, c, ap, bp, inT, res);
    // Half A–t: links [0, p]; half t–B: links [p + 1, k]. The destination itself sends nothing
    // (it lies outside both halves' node ranges).
    const base = this.nOff[c]! + c;
    this.addSplit(c, 0, p, s1 >> 1, s1 & 1, inT, res);
    this.addSplit(c, p + 1, k, s2 >> 1, s2 & 1, inT, res);
    for (let l = 0; l <= p; l++) res[this.slotAB[base + l]!]! += intoA * inT;
    for (let l = p + 1; l <= k; l++) res[this.slotAB[base + l]! ^ 1]! += intoB * inT;
    for (let r = 0; r < len; r++) {
      const u = order[r]!;
      placed[u] = 0;
      dk[u] = Infinity;
    }
  }

  /** Pendant pieces of broken chains: closed-form loads with their component's masses. */
  private addPieces(pieces: readonly number[], out: Float64Array, inn: Float64Array, res: Float64Array): void {
    if (pieces.length === 0) return;
    const chains = this.ci.chains;
    const nb = this.nb;
    // Components of the surviving skeleton with every mass they hold.
    const comp = this.comp.fill(-1);
    const cOut: number[] = [];
    const cIn: number[] = [];
    const stack: number[] = [];
    for (let r = 0; r < nb; r++) {
      if (this.kAlive[r] === 0 || comp[r] !== -1) continue;
      const id = cOut.length;
      cOut.push(0);
      cIn.push(0);
      comp[r] = id;
      stack.push(r);
      while (stack.length > 0) {
        const u = stack.pop()!;
        cOut[id]! += this.mOut[u]!;
        cIn[id]! += this.mIn[u]!;
        for (let j = this.adjOff[u]!; j < this.adjOff[u + 1]!; j++) {
          const i = this.adjSl[j]!;
          if (this.slAlive[i] === 0) continue;
          const w = this.slA[i] === u ? this.slB[i]! : this.slA[i]!;
          if (comp[w] === -1) {
            comp[w] = id;
            stack.push(w);
          }
        }
      }
    }
    for (let c = 0; c < chains.length; c++) {
      const sl = this.chainSl[c]!;
      if (this.slAlive[sl] === 0) continue;
      const id = comp[this.slA[sl]!]!;
      for (const v of chains[c]!.nodes) {
        cOut[id]! += out[v]!;
        cIn[id]! += inn[v]!;
      }
    }
    for (let p = 0; p < pieces.length; p += 4) {
      const c = pieces[p]!;
      const lo = pieces[p + 1]!;
      const hi = pieces[p + 2]!;
      const end = pieces[p + 3]!;
      const ch = chains[c]!;
      const base = this.nOff[c]! + c;
      const id = comp[this.kOf[end === 0 ? ch.a : ch.b]!]!;
      const CO = cOut[id]!;
      const CI = cIn[id]!;
      // Walk from the far side toward the attachment; S = the nodes beyond each link.
      let so = 0;
      let si = 0;
      if (end === 1) {
        // Hanging off B: link j joins nodes j-1 and j (or B); beyond it toward A lie [lo, j).
        for (let j = lo + 1; j <= hi; j++) {
          so += out[ch.nodes[j - 1]!]!;
          si += inn[ch.nodes[j - 1]!]!;
          const slot = this.slotAB[base + j]!; // toward B = out of S
          res[slot]! += so * (CI - si);
          res[slot ^ 1]! += (CO - so) * si;
        }
      } else {
        // Hanging off A: link j joins nodes j-1 (or A) and j; beyond it toward B lie [j, hi).
        for (let j = hi - 1; j >= lo; j--) {
          so += out[ch.nodes[j]!]!;
          si += inn[ch.nodes[j]!]!;
          const slot = this.slotAB[base + j]!; // toward B = into S
          res[slot ^ 1]! += so * (CI - si);
          res[slot]! += (CO - so) * si;
        }
      }
    }
  }
}
