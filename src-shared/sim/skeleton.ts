import type { ChainIndex } from './chains';
import type { CompiledGraph } from './csr';
import type { FailureMasks } from './incremental';
import { MinHeap, onShortestPath } from './shortest';
import { buildSkeletonGraph, type SkeletonGraph } from './skeleton-graph';
import { addPieces } from './skeleton-pieces';
import { newLane, regionOf, type Lane } from './skeleton-lane';

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
  /** Adjacency of each branch node: skeleton link, the other end, its length, and whether the node is its A end. */
  private readonly adjOff: Int32Array;
  private readonly adjSl: Int32Array;
  private readonly adjTo: Int32Array;
  private readonly adjW: Float64Array;
  private readonly adjFromA: Uint8Array;
  /** Per direct skeleton link: its directed slot from its A end. */
  private readonly slSlotA: Int32Array;
  /** Per chain: offset into the flat per-node arrays (k entries; per-link and prefix arrays use nOff + c, k + 1 entries). */
  private readonly nOff: Int32Array;
  private readonly alpha: Float64Array; // distance of each chain node from A
  private readonly lenOf: Float64Array;
  private readonly slotAB: Int32Array; // per chain link: the directed slot toward B
  private readonly chainSl: Int32Array;
  /** Per chain: skeleton ends, and (whole-number lengths only) its split for each Δ = d(B) − d(A) in [−L, L] at cfgOff + Δ + L. */
  private readonly chA: Int32Array;
  private readonly chB: Int32Array;
  private readonly cfgOff: Int32Array | null;
  private readonly cfgTable: Int32Array | null;
  readonly slots: number;
  private readonly nb: number;
  // Per-solve scratch shared by every mass vector (lane) of one call.
  private readonly dist: Float64Array; // nb × nb
  private readonly ord: Int32Array; // nb × nb settle order
  private readonly reach: Int32Array; // nodes settled per row
  /** Per row s and node u: its next hops toward s (adjacency indices) at rowHops[s·2S + rowHopStart[s·nb + u] …], rowHopCnt of them. */
  private readonly rowHopStart: Int32Array;
  private readonly rowHopCnt: Int32Array;
  private readonly rowHops: Int32Array;
  private readonly rowDone: Uint8Array;
  private readonly heap: MinHeap;
  private readonly kAlive: Uint8Array;
  private readonly slAlive: Uint8Array;
  private readonly mIn: Float64Array;
  private readonly dk: Float64Array;
  private readonly order: Int32Array;
  private readonly placed: Uint8Array;
  private readonly comp: Int32Array;
  private readonly sk: SkeletonGraph;
  /** The DAG toward the current destination by position in `order`, and its φ (buildDag). */
  private readonly dagStart: Int32Array;
  private readonly dagHops: Int32Array;
  private readonly phiA: Float64Array;
  private readonly phiB: Float64Array;
  private readonly code: Uint8Array;
  /** toChain's per-group lists, reused. */
  private readonly varying: number[] = [];
  private readonly fixed: number[] = [];
  private readonly fixedX: number[] = [];
  private readonly need: number[] = [];
  /** Sum of all link weights + 1: bounds every distance (margins of toChain's window). */
  private readonly distScale: number;
  private readonly lanes: Lane[] = [];

  constructor(
    readonly g: CompiledGraph,
    private readonly ci: ChainIndex,
  ) {
    const k = (this.sk = buildSkeletonGraph(g, ci));
    this.slots = k.slots;
    this.kOf = k.kOf;
    this.kNodes = k.kNodes;
    this.slA = k.slA;
    this.slB = k.slB;
    this.slW = k.slW;
    this.slChain = k.slChain;
    this.slLink = k.slLink;
    this.slSlotA = k.slSlotA;
    this.nOff = k.nOff;
    this.alpha = k.alpha;
    this.lenOf = k.lenOf;
    this.slotAB = k.slotAB;
    this.chainSl = k.chainSl;
    this.distScale = k.distScale;
    this.chA = k.chA;
    this.chB = k.chB;
    this.adjOff = k.adjOff;
    this.adjSl = k.adjSl;
    this.adjTo = k.adjTo;
    this.adjW = k.adjW;
    this.adjFromA = k.adjFromA;
    const nb = (this.nb = k.nb);
    const chains = ci.chains;
    const ns = k.slA.length;
    // Whole-number link weights (hop counts, integer IGP metrics): distances are whole, so
    // Δ = d(B) − d(A) takes one of 2L + 1 values and each chain's split is a table lookup.
    const whole = g.weights.every((w) => Number.isInteger(w) && w > 0) && this.lenOf.every((l) => l < 1 << 20);
    if (whole) {
      this.cfgOff = new Int32Array(chains.length + 1);
      for (let c = 0; c < chains.length; c++) this.cfgOff[c + 1] = this.cfgOff[c]! + 2 * this.lenOf[c]! + 1;
      this.cfgTable = new Int32Array(this.cfgOff[chains.length]!);
      for (let c = 0; c < chains.length; c++) {
        const L = this.lenOf[c]!;
        for (let d = -L; d <= L; d++) this.cfgTable[this.cfgOff[c]! + d + L] = this.split(c, 0, chains[c]!.nodes.length, 0, 0, d, L);
      }
    } else {
      this.cfgOff = null;
      this.cfgTable = null;
    }
    this.dagStart = new Int32Array(nb + 2);
    this.dagHops = new Int32Array(2 * ns + nb + 1);
    this.phiA = new Float64Array(nb + 1);
    this.phiB = new Float64Array(nb + 1);
    this.code = new Uint8Array(nb + 1);
    this.dist = new Float64Array(nb * nb);
    this.ord = new Int32Array(nb * nb);
    this.reach = new Int32Array(nb);
    this.rowHopStart = new Int32Array(nb * nb);
    this.rowHopCnt = new Int32Array(nb * nb);
    this.rowHops = new Int32Array(nb * 2 * ns);
    this.rowDone = new Uint8Array(nb);
    this.heap = new MinHeap(2 * ns + 4, nb);
    this.kAlive = new Uint8Array(nb);
    this.slAlive = new Uint8Array(ns);
    this.mIn = new Float64Array(nb);
    this.dk = new Float64Array(nb + 1).fill(Infinity);
    this.order = new Int32Array(nb + 1);
    this.placed = new Uint8Array(nb + 1);
    this.comp = new Int32Array(nb);
  }

  /**
   * Directed loads (CSR slots 2e, 2e + 1) of the core under the failure `f`
   * for masses out/inn (core-indexed), written into `res`. The failed
   * elements must leave every chain either intact or with its failed
   * elements forming one run (a single failed node or link, a failed chain
   * interior, a failed branch node): what N-1 sweeps ask.
   */
  loads(f: FailureMasks | null, out: Float64Array, inn: Float64Array, res: Float64Array): void {
    this.loadsMany(f, [out], inn, [res]);
  }

  /**
   * loads() for several out-mass vectors sharing one in-mass vector: each
   * destination's distances, order, chain splits and next hops are found
   * once and carry every vector's flow (the chain terms of compressed.ts ask
   * three such routings of one graph).
   */
  loadsMany(f: FailureMasks | null, outs: readonly Float64Array[], inn: Float64Array, ress: readonly Float64Array[]): void {
    const nb = this.nb;
    const chains = this.ci.chains;
    const ns = this.slA.length;
    const { kAlive, slAlive, mIn, nOff } = this;
    const R = outs.length;
    while (this.lanes.length < R) this.lanes.push(newLane(nb, nOff[chains.length]!, chains.length));
    const lanes = this.lanes.slice(0, R);
    lanes.forEach((l, r) => {
      l.out = outs[r]!;
      l.res = ress[r]!;
      l.res.fill(0);
      l.hist.fill(0);
      l.tAB.fill(0);
      l.tBA.fill(0);
    });
    this.rowDone.fill(0);
    for (let u = 0; u < nb; u++) {
      const v = this.kNodes[u]!;
      const alive = f !== null && f.nodes[v] === 1 ? 0 : 1;
      kAlive[u] = alive;
      mIn[u] = alive === 1 ? inn[v]! : 0;
      for (const l of lanes) l.mOut[u] = alive === 1 ? l.out[v]! : 0;
    }
    for (let i = 0; i < ns; i++) {
      const e = this.slLink[i]!;
      slAlive[i] = kAlive[this.slA[i]!] === 1 && kAlive[this.slB[i]!] === 1 && (e < 0 || f === null || f.links[e] === 0) ? 1 : 0;
    }
    // Chains: prefix sums of out; broken chains leave pendant pieces at their ends.
    const pieces: number[] = []; // (chain, lo, hi, end: 0 = A, 1 = B) quadruples
    // Intact chains whose nodes send in some lane (their split matters per destination), with those lanes:
    // lanes liveLanes[liveOff[x] .. liveOff[x + 1]) for live[x].
    const live: number[] = [];
    const liveOff: number[] = [0];
    const liveLanes: number[] = [];
    const sending: number[] = [];
    for (let c = 0; c < chains.length; c++) {
      const ch = chains[c]!;
      const k = ch.nodes.length;
      const po = nOff[c]! + c;
      sending.length = 0;
      for (let r = 0; r < R; r++) {
        const l = lanes[r]!;
        const P = l.pOut;
        P[po] = 0;
        for (let i = 0; i < k; i++) P[po + i + 1] = P[po + i]! + l.out[ch.nodes[i]!]!;
        if (P[po + k]! === 0) continue;
        sending.push(r);
        // Masses each split configuration sends to A and to B.
        const ho = 2 * po;
        for (let sp = 0; sp <= k; sp++) {
          l.mA[ho + 2 * sp] = P[po + sp]! - P[po];
          l.mB[ho + 2 * sp] = P[po + k]! - P[po + sp]!;
          if (sp < k) {
            const half = (P[po + sp + 1]! - P[po + sp]!) / 2;
            l.mA[ho + 2 * sp + 1] = P[po + sp]! - P[po] + half;
            l.mB[ho + 2 * sp + 1] = P[po + k]! - P[po + sp + 1]! + half;
          }
        }
      }
      let first = -1; // element positions: link j = 2j, node i = 2i + 1
      let last = -1;
      if (f !== null) {
        for (let j = 0; j <= k; j++) {
          if (f.links[ch.links[j]!] === 1) {
            if (first < 0) first = 2 * j;
            last = 2 * j;
          }
          if (j < k && f.nodes[ch.nodes[j]!] === 1) {
            if (first < 0) first = 2 * j + 1;
            last = 2 * j + 1;
          }
        }
      }
      const sl = this.chainSl[c]!;
      if (first < 0 && slAlive[sl] === 1) {
        if (sending.length > 0) {
          live.push(c);
          liveLanes.push(...sending);
          liveOff.push(liveLanes.length);
        }
        continue;
      }
      slAlive[sl] = 0;
      // A failed end takes its link into the chain down with it (failureMasks).
      if (first < 0) throw new RangeError('skeleton routing: a failed chain end whose links are not failed');
      const aEnd = first >> 1; // nodes [0, aEnd) before the first failed element
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
      const ch = chains[c]!;
      const u = this.kOf[pieces[p + 3] === 0 ? ch.a : ch.b]!;
      for (let i = pieces[p + 1]!; i < pieces[p + 2]!; i++) {
        mIn[u]! += inn[ch.nodes[i]!]!;
        for (const l of lanes) l.mOut[u]! += l.out[ch.nodes[i]!]!;
      }
    }
    // Destinations.
    for (let u = 0; u < nb; u++) if (kAlive[u] === 1 && mIn[u]! > 0) this.toBranch(u, live, liveOff, liveLanes, lanes);
    for (let c = 0; c < chains.length; c++) if (slAlive[this.chainSl[c]!] === 1) this.toChain(c, inn, live, liveOff, liveLanes, lanes);
    // Intact chains: transit, plus each split configuration's flow in the lanes where the chain sends.
    for (let c = 0; c < chains.length; c++) {
      if (slAlive[this.chainSl[c]!] === 0) continue;
      const k = chains[c]!.nodes.length;
      const lo = nOff[c]! + c;
      for (const l of lanes) {
        const res = l.res;
        const ab = l.tAB[c]!;
        const ba = l.tBA[c]!;
        if (ab === 0 && ba === 0) continue;
        for (let j = 0; j <= k; j++) {
          const s = this.slotAB[lo + j]!;
          res[s]! += ab;
          res[s ^ 1]! += ba;
        }
      }
    }
    for (let x = 0; x < live.length; x++) {
      const c = live[x]!;
      const k = chains[c]!.nodes.length;
      const ho = 2 * (nOff[c]! + c);
      for (let y = liveOff[x]!; y < liveOff[x + 1]!; y++) {
        const l = lanes[liveLanes[y]!]!;
        for (let cfg = 0; cfg < 2 * k + 2; cfg++) {
          const h = l.hist[ho + cfg]!;
          if (h !== 0) this.addSplit(l, c, 0, k, cfg >> 1, cfg & 1, h);
        }
      }
    }
    for (const l of lanes) addPieces(this.sk, this.ci.chains, { kAlive, slAlive, mIn, comp: this.comp }, pieces, l, inn);
  }

  /**
   * Loads on chain c's links [lo .. hi] (nodes lo..hi-1 between them) when
   * nodes [lo, s) head toward the low end, node s splits if `tie`, the rest
   * head high; each node sends out·w.
   */
  private addSplit(l: Lane, c: number, lo: number, hi: number, s: number, tie: number, w: number): void {
    const base = this.nOff[c]! + c;
    const P = l.pOut;
    const res = l.res;
    const firstHigh = s + tie;
    const half = tie === 1 ? (P[base + s + 1]! - P[base + s]!) / 2 : 0;
    for (let j = lo; j <= hi; j++) {
      const slot = this.slotAB[base + j]!;
      // Toward B on link j: nodes in [firstHigh, j) plus half the tie node when s < j.
      let up = j > firstHigh ? P[base + j]! - P[base + firstHigh]! : 0;
      if (s < j) up += half;
      // Toward A on link j: nodes in [j, s) plus half the tie node when s ≥ j.
      let down = j < s ? P[base + s]! - P[base + j]! : 0;
      if (s >= j) down += half;
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
    const { adjOff, adjSl, adjTo, adjW, slAlive } = this;
    while (heap.size > 0) {
      const u = heap.pop();
      if (done[u] === 1) continue;
      done[u] = 1;
      this.ord[off + r++] = u;
      const du = d[off + u]!;
      for (let j = adjOff[u]!; j < adjOff[u + 1]!; j++) {
        if (slAlive[adjSl[j]!] === 0) continue;
        const w = adjTo[j]!;
        const nd = du + adjW[j]!;
        if (nd < d[off + w]!) {
          d[off + w] = nd;
          heap.push(w, nd);
        }
      }
    }
    this.reach[s] = r;
    // Next hops toward s, once per row: a destination inside a chain reuses its ends' rows (pass()).
    const hb = s * adjSl.length;
    let cur = 0;
    for (let x = 0; x < r; x++) {
      const u = this.ord[off + x]!;
      this.rowHopStart[off + u] = cur;
      const du = d[off + u]!;
      if (u !== s) {
        for (let j = adjOff[u]!; j < adjOff[u + 1]!; j++) {
          if (slAlive[adjSl[j]!] === 0) continue;
          const dv = d[off + adjTo[j]!]! + adjW[j]!;
          if (du === dv || Math.abs(du - dv) <= 1e-12 * du) this.rowHops[hb + cur++] = j;
        }
      }
      this.rowHopCnt[off + u] = cur - this.rowHopStart[off + u]!;
    }
    return off;
  }

  /**
   * Chain splits toward one destination: each lane's chain masses into fp,
   * configurations (× inT) into its histogram. With `xs`, only those entries
   * of `live`; with `keep`, masses go to fc and each (entry, configuration)
   * is recorded instead of counted (a group's constant part, counted once
   * per group with the group's total weight).
   */
  private chainSplits(
    live: readonly number[],
    liveOff: readonly number[],
    liveLanes: readonly number[],
    skip: number,
    inT: number,
    lanes: readonly Lane[],
    xs: readonly number[] | null = null,
    keep: number[] | null = null,
    sparse = false,
  ): void {
    const { dk, chA, chB, nOff, cfgOff, cfgTable, lenOf } = this;
    const chains = this.ci.chains;
    const n = xs === null ? live.length : xs.length;
    for (let q = 0; q < n; q++) {
      const x = xs === null ? q : xs[q]!;
      const c = live[x]!;
      if (c === skip) continue;
      const a = chA[c]!;
      const b = chB[c]!;
      const dA = dk[a]!;
      if (dA === Infinity) continue;
      const L = lenOf[c]!;
      const cfg = cfgTable !== null ? cfgTable[cfgOff![c]! + dk[b]! - dA + L]! : this.split(c, 0, chains[c]!.nodes.length, dA, 0, dk[b]!, L);
      const h = 2 * (nOff[c]! + c) + cfg;
      if (keep !== null) keep.push(x, h);
      for (let y = liveOff[x]!; y < liveOff[x + 1]!; y++) {
        const l = lanes[liveLanes[y]!]!;
        if (keep !== null) {
          l.fc[a]! += l.mA[h]!;
          l.fc[b]! += l.mB[h]!;
        } else if (sparse) {
          // toChain: straight into the group's weighted flows and this destination's φ products.
          const ma = l.mA[h]!;
          const mb = l.mB[h]!;
          l.fl[a]! += inT * ma;
          l.fl[b]! += inT * mb;
          l.dA += ma * this.phiA[a]! + mb * this.phiA[b]!;
          l.dB += ma * this.phiB[a]! + mb * this.phiB[b]!;
          l.hist[h]! += inT;
        } else {
          l.fp[a]! += l.mA[h]!;
          l.fp[b]! += l.mB[h]!;
          l.hist[h]! += inT;
        }
      }
    }
  }


  /**
   * Next hops of the nodes in `order` (len, increasing distance dk) toward
   * the destination, stored by position (dagStart/dagHops). `dest` is the
   * destination's skeleton index (nb for a chain node, whose chain `cut` is
   * split at it with halves of length hA from A and hB from B). For a chain
   * node also φA, φB: the share of a unit of flow at each node that enters
   * the half from A (from B), so each destination of a group sharing this
   * DAG gets its flow into the halves as a dot product.
   */
  private buildDag(len: number, dest: number, cut: number, rA: number, rB: number, hA: number, hB: number): void {
    const { dk, order, adjOff, adjSl, adjTo, adjW, adjFromA, slAlive, dist, rowHops, rowHopStart, rowHopCnt, dagStart, dagHops, phiA, phiB } = this;
    const nb = this.nb;
    const cutSl = cut >= 0 ? this.chainSl[cut]! : -1;
    const oA = rA * nb;
    const oB = rB * nb;
    const hbA = rA * adjSl.length;
    const hbB = rB * adjSl.length;
    let cur = 0;
    for (let r = 0; r < len; r++) {
      dagStart[r] = cur;
      const u = order[r]!;
      if (u === dest) continue;
      const du = dk[u]!;
      const first = cur;
      // Toward a branch node, or toward a chain node from a node clearly nearer through one end
      // (its next hops are then that end's, skeleton.ts header): the row's list. Else scan.
      const region = cut < 0 ? 1 : regionOf(dist[oA + u]! + hA, dist[oB + u]! + hB);
      const from = cut < 0 ? 0 : region === 1 ? (u === rA ? 2 : 0) : region === 2 ? (u === rB ? 3 : 1) : 4;
      if (from === 0 || from === 1) {
        const o = (from === 0 ? oA : oB) + u;
        const hb = (from === 0 ? hbA : hbB) + rowHopStart[o]!;
        const cnt = rowHopCnt[o]!;
        for (let x = 0; x < cnt; x++) dagHops[cur++] = rowHops[hb + x]!;
      } else if (from === 2 || from === 3) {
        // The end itself, nearer through its own half: that half is its only next hop.
        for (let j = adjOff[u]!; j < adjOff[u + 1]!; j++) {
          if (adjSl[j] === cutSl && adjFromA[j] === (from === 2 ? 1 : 0)) {
            dagHops[cur++] = j;
            break;
          }
        }
      } else {
        for (let j = adjOff[u]!; j < adjOff[u + 1]!; j++) {
          const i = adjSl[j]!;
          if (i === cutSl) {
            const w = adjFromA[j] === 1 ? hA : hB;
            if (du === w || Math.abs(du - w) <= 1e-12 * du) dagHops[cur++] = j;
            continue;
          }
          if (slAlive[i] === 0) continue;
          const d = dk[adjTo[j]!]! + adjW[j]!;
          if (du === d || Math.abs(du - d) <= 1e-12 * du) dagHops[cur++] = j;
        }
      }
      if (cut >= 0) {
        let a = 0;
        let b = 0;
        for (let x = first; x < cur; x++) {
          const j = dagHops[x]!;
          if (adjSl[j] === cutSl) {
            if (adjFromA[j] === 1) a += 1;
            else b += 1;
          } else {
            a += phiA[adjTo[j]!]!;
            b += phiB[adjTo[j]!]!;
          }
        }
        const k = cur - first;
        phiA[u] = k > 0 ? a / k : 0;
        phiB[u] = k > 0 ? b / k : 0;
      }
    }
    dagStart[len] = cur;
  }

  /**
   * ECMP flow down the DAG of buildDag: each lane's fl holds the (already
   * weighted) masses; flow into a destination's halves is left to φ.
   */
  private flowPass(len: number, dest: number, cut: number, lanes: readonly Lane[]): void {
    const { order, slChain, slSlotA, adjSl, adjTo, adjFromA, dagStart, dagHops } = this;
    const cutSl = cut >= 0 ? this.chainSl[cut]! : -1;
    for (let r = len - 1; r >= 0; r--) {
      const u = order[r]!;
      if (u === dest) continue;
      const a = dagStart[r]!;
      const b = dagStart[r + 1]!;
      if (b === a) continue;
      const k = b - a;
      for (const l of lanes) {
        const f = l.fl[u]!;
        if (f === 0) continue;
        const share = f / k;
        for (let x = a; x < b; x++) {
          const j = dagHops[x]!;
          const i = adjSl[j]!;
          if (i === cutSl) continue;
          l.fl[adjTo[j]!]! += share;
          const c = slChain[i]!;
          const fromA = adjFromA[j] === 1;
          if (c < 0) l.res[slSlotA[i]! + (fromA ? 0 : 1)]! += share;
          else if (fromA) l.tAB[c]! += share;
          else l.tBA[c]! += share;
        }
      }
    }
  }

  private toBranch(t: number, live: readonly number[], liveOff: readonly number[], liveLanes: readonly number[], lanes: readonly Lane[]): void {
    const off = this.row(t);
    const len = this.reach[t]!;
    const { dk, order } = this;
    const inT = this.mIn[t]!;
    for (let r = 0; r < len; r++) {
      const u = this.ord[off + r]!;
      order[r] = u;
      dk[u] = this.dist[off + u]!;
      for (const l of lanes) l.fp[u] = l.mOut[u]!;
    }
    this.chainSplits(live, liveOff, liveLanes, -1, inT, lanes);
    for (let r = 0; r < len; r++) {
      const u = order[r]!;
      for (const l of lanes) l.fl[u] = l.fp[u]! * inT;
    }
    this.buildDag(len, t, -1, t, t, 0, 0);
    this.flowPass(len, t, -1, lanes);
    for (let r = 0; r < len; r++) dk[order[r]!] = Infinity;
  }

  /**
   * Every destination inside chain c. Consecutive destinations whose
   * branch nodes fall the same way (nearer through A, through B, or tied)
   * share one DAG (skeleton.ts header), so they share one flow pass over the
   * sum of their weighted masses; each one's flow into its own halves is
   * its masses' dot product with φA, φB. Within a group only what changes
   * per destination is touched: the halves' masses, the chains whose ends
   * fall on different sides (or tie), the distances of their ends.
   */
  private toChain(c: number, inn: Float64Array, live: readonly number[], liveOff: readonly number[], liveLanes: readonly number[], lanes: readonly Lane[]): void {
    const nb = this.nb;
    const ch = this.ci.chains[c]!;
    const k = ch.nodes.length;
    const sl = this.chainSl[c]!;
    const A = this.slA[sl]!;
    const B = this.slB[sl]!;
    const L = this.lenOf[c]!;
    let receives = false;
    for (let p = 0; p < k && !receives; p++) receives = inn[ch.nodes[p]!]! > 0;
    if (!receives) return;
    const oA = this.row(A);
    const oB = this.row(B);
    const lenA = this.reach[A]!;
    const lenB = this.reach[B]!;
    const { dk, order, placed, dist, ord, code, phiA, phiB } = this;
    const base = this.nOff[c]! + c;
    let len = 0;
    let open = false;
    // Chains whose ends lie on one side for the whole group keep their split: counted once per group.
    const { varying, fixed, fixedX, need } = this; // fixed: (live entry, histogram index) pairs
    let groupIn = 0;
    let lo = -Infinity;
    let hi = Infinity;
    let ties = false;
    const eps = 1e-8 * this.distScale;
    for (let p = 0; p < k; p++) {
      const inT = inn[ch.nodes[p]!]!;
      if (!(inT > 0)) continue;
      const ap = this.alpha[this.nOff[c]! + p]!;
      const bp = L - ap;
      // Same partition as the group? Clearly inside its window of α − β: yes; else check each node.
      const delta = ap - bp;
      let same = open && !ties && delta > lo + eps && delta < hi - eps;
      if (open && !same) {
        same = true;
        for (let r = 0; r < len && same; r++) {
          const u = order[r]!;
          if (regionOf(dist[oA + u]! + ap, dist[oB + u]! + bp) !== code[u]) same = false;
        }
      }
      if (!same) {
        if (open) this.closeGroup(len, c, groupIn, liveOff, liveLanes, lanes);
        for (let r = 0; r < len; r++) placed[order[r]!] = 0;
        // Merge the two settle orders by their shifted keys; each node's first appearance is at its distance.
        let i = 0;
        let j = 0;
        len = 0;
        while (i < lenA || j < lenB) {
          const u1 = i < lenA ? ord[oA + i]! : -1;
          const u2 = j < lenB ? ord[oB + j]! : -1;
          const k1 = u1 >= 0 ? dist[oA + u1]! + ap : Infinity;
          const k2 = u2 >= 0 ? dist[oB + u2]! + bp : Infinity;
          const first = k1 <= k2;
          const u = first ? u1 : u2;
          if (first) i++;
          else j++;
          if (placed[u] === 1) continue;
          placed[u] = 1;
          order[len++] = u;
          dk[u] = first ? k1 : k2;
          code[u] = regionOf(dist[oA + u]! + ap, dist[oB + u]! + bp);
          for (const l of lanes) {
            l.fl[u] = 0;
            l.fc[u] = 0;
          }
        }
        this.buildDag(len, nb, c, A, B, ap, bp);
        varying.length = 0;
        fixed.length = 0;
        groupIn = 0;
        fixedX.length = 0;
        for (let x = 0; x < live.length; x++) {
          const d = live[x]!;
          if (d === c || placed[this.chA[d]!] === 0) continue;
          const ca = code[this.chA[d]!]!;
          if (ca !== 3 && ca === code[this.chB[d]!]) fixedX.push(x);
          else varying.push(x);
        }
        this.chainSplits(live, liveOff, liveLanes, c, 0, lanes, fixedX, fixed);
        // The group's constant masses (own and fixed chains'): their φ products once, their flow at its end.
        for (const l of lanes) {
          let a = 0;
          let b = 0;
          for (let r = 0; r < len; r++) {
            const u = order[r]!;
            const m = l.mOut[u]! + l.fc[u]!;
            a += m * phiA[u]!;
            b += m * phiB[u]!;
          }
          l.cA = a;
          l.cB = b;
        }
        // The window of α − β in which no node changes side, and the nodes whose distance matters per destination.
        lo = -Infinity;
        hi = Infinity;
        ties = false;
        for (let r = 0; r < len; r++) {
          const u = order[r]!;
          const dd = dist[oB + u]! - dist[oA + u]!;
          if (code[u] === 1) hi = Math.min(hi, dd);
          else if (code[u] === 2) lo = Math.max(lo, dd);
          else ties = true;
        }
        need.length = 0;
        need.push(A, B);
        for (const x of varying) need.push(this.chA[live[x]!]!, this.chB[live[x]!]!);
        open = true;
      }
      groupIn += inT;
      // This destination's distances where they matter, and its splits.
      for (const u of need) dk[u] = Math.min(dist[oA + u]! + ap, dist[oB + u]! + bp);
      // Its own chain, as two halves: nodes [0, p) between A and t, (p, k) between t and B.
      const s1 = this.split(c, 0, p, dk[A]!, 0, 0, ap);
      const s2 = this.split(c, p + 1, k, 0, ap, dk[B]!, L);
      for (const l of lanes) {
        const P = l.pOut;
        const h1 = s1 & 1 ? (P[base + (s1 >> 1) + 1]! - P[base + (s1 >> 1)]!) / 2 : 0;
        const h2 = s2 & 1 ? (P[base + (s2 >> 1) + 1]! - P[base + (s2 >> 1)]!) / 2 : 0;
        const ma = P[base + (s1 >> 1)]! - P[base]! + h1;
        const mb = P[base + k]! - P[base + (s2 >> 1) + (s2 & 1)]! + h2;
        l.fl[A]! += inT * ma;
        l.fl[B]! += inT * mb;
        l.dA = l.cA + ma * phiA[A]! + mb * phiA[B]!;
        l.dB = l.cB + ma * phiB[A]! + mb * phiB[B]!;
      }
      this.chainSplits(live, liveOff, liveLanes, c, inT, lanes, varying, null, true);
      // Half A–t: links [0, p]; half t–B: links [p + 1, k]. The destination itself sends nothing
      // (it lies outside both halves' node ranges).
      for (const l of lanes) {
        this.addSplit(l, c, 0, p, s1 >> 1, s1 & 1, inT);
        this.addSplit(l, c, p + 1, k, s2 >> 1, s2 & 1, inT);
        const res = l.res;
        const a = l.dA * inT;
        const b = l.dB * inT;
        if (a !== 0) for (let x = 0; x <= p; x++) res[this.slotAB[base + x]!]! += a;
        if (b !== 0) for (let x = p + 1; x <= k; x++) res[this.slotAB[base + x]! ^ 1]! += b;
      }
    }
    if (open) this.closeGroup(len, c, groupIn, liveOff, liveLanes, lanes);
    for (let r = 0; r < len; r++) {
      const u = order[r]!;
      placed[u] = 0;
      dk[u] = Infinity;
    }
  }

  /** Ends a group of toChain: its flow pass, and its constant chain splits counted with its total weight. */
  private closeGroup(len: number, c: number, groupIn: number, liveOff: readonly number[], liveLanes: readonly number[], lanes: readonly Lane[]): void {
    for (const l of lanes) {
      for (let r = 0; r < len; r++) {
        const u = this.order[r]!;
        l.fl[u]! += groupIn * (l.mOut[u]! + l.fc[u]!);
      }
    }
    this.flowPass(len, this.nb, c, lanes);
    const fixed = this.fixed;
    for (let q = 0; q < fixed.length; q += 2) {
      const x = fixed[q]!;
      for (let y = liveOff[x]!; y < liveOff[x + 1]!; y++) lanes[liveLanes[y]!]!.hist[fixed[q + 1]!]! += groupIn;
    }
  }
}
