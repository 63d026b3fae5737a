import type { ChainIndex } from './chains';
import type { CompiledGraph } from './csr';
import type { FailureMasks } from './incremental';
import { buildSkeletonGraph, type SkeletonGraph } from './skeleton-graph';
import { addPieces } from './skeleton-pieces';
import { ChainDestinations } from './skeleton-chain-dest';
import { newLane, type Lane } from './skeleton-lane';
import { SkeletonRows } from './skeleton-rows';
import { rowFlow } from './skeleton-row-flow';
import { BranchDeltas, type BranchDeltaContext } from './skeleton-branch-delta';
import { ChainDeltas } from './skeleton-chain-delta';
import { addChainSplit, chainSplit } from './skeleton-splits';

/** Most memory the lanes' per-row masses of one loadsMany take together (a 2,000-branch skeleton: 2 lanes at a time). */
const LANE_BYTES = 64 * 2 ** 20;

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
 *   per-hop ECMP over the full graph's adjacency does). Flow is linear in
 *   the masses, and toward a chain node a branch node strictly nearer
 *   through A flows as it would toward A: every destination leaves its
 *   weighted masses in the rows of the branch nodes whose next hops it
 *   shares, and one pass per row carries them all (rowFlow); only nodes tied
 *   between A and B are passed per destination. All destinations inside one
 *   chain are routed in one pass (skeleton-chain-dest.ts).
 * - Rows are routed once with nothing failed; a failure repairs only the
 *   rows whose next hops it takes (skeleton-rows.ts).
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
  /** Distances, order and next hops toward each branch node under the current failure (skeleton-rows.ts). */
  private readonly rows: SkeletonRows;
  private readonly kAlive: Uint8Array;
  private readonly slAlive: Uint8Array;
  private readonly mIn: Float64Array;
  private readonly comp: Int32Array;
  private readonly sk: SkeletonGraph;
  /** Whole-number lengths and distances: per chain and v = L − (d(A) − d(B)), the first positions a node stops being nearer through A / is nearer through B (skeleton-chain-dest.ts). */
  private readonly firstOff: Int32Array | null = null;
  private readonly firstTwo: Int32Array | null = null;
  private readonly chainDest: ChainDestinations;
  private readonly maxK: number;
  /** Rows (branch nodes) some destination left weighted masses in (rowFlow). */
  private readonly wRow: Uint8Array;
  /** Rows holding the nothing-failed routing (row()); every skeleton link alive; this call's failed skeleton links. */
  private readonly deadSl: number[] = [];
  /** This call's failed skeleton links i and branch nodes (ns + u), as the last call's (row()). */
  private readonly deadKey: number[] = [];
  private readonly lanes: Lane[] = [];
  /** Branch destinations under a failure from the first nothing-failed single-lane routing (skeleton-branch-delta.ts); null: not exact for its masses. */
  private branchDelta: BranchDeltas | null | undefined = undefined;
  /** Chain destinations' bulk part under a failure from the same record (skeleton-chain-delta.ts); null: not exact or too large. */
  private chainDelta: ChainDeltas | null = null;

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
        for (let d = -L; d <= L; d++) this.cfgTable[this.cfgOff[c]! + d + L] = chainSplit(k, c, 0, chains[c]!.nodes.length, 0, 0, d, L);
      }
    } else {
      this.cfgOff = null;
      this.cfgTable = null;
    }
    let totalW = 0;
    for (const w of g.weights) totalW += w;
    // Regions by table lookup need |d(A) − d(B) + 2α − L| ≥ 1 to decide as regionOf's 1e-9 relative band does: distances below 1e9.
    if (this.cfgOff !== null && totalW < 1e9) {
      this.firstOff = new Int32Array(this.cfgOff[chains.length]!);
      this.firstTwo = new Int32Array(this.cfgOff[chains.length]!);
      for (let c = 0; c < chains.length; c++) {
        const L = this.lenOf[c]!;
        const k = chains[c]!.nodes.length;
        const o = this.cfgOff[c]!;
        for (let v = 0; v <= 2 * L; v++) {
          let f1 = 0;
          while (f1 < k && 2 * this.alpha[this.nOff[c]! + f1]! < v) f1++;
          let f2 = f1;
          while (f2 < k && 2 * this.alpha[this.nOff[c]! + f2]! <= v) f2++;
          this.firstOff[o + v] = f1;
          this.firstTwo[o + v] = f2;
        }
      }
    }
    this.maxK = chains.reduce((x, c) => Math.max(x, c.nodes.length), 1);
    this.wRow = new Uint8Array(nb);
    this.rows = new SkeletonRows(k, whole);
    this.kAlive = new Uint8Array(nb);
    this.slAlive = new Uint8Array(ns);
    this.mIn = new Float64Array(nb);
    this.comp = new Int32Array(nb);
    this.chainDest = new ChainDestinations(
      {
        sk: k,
        chains,
        dist: this.rows.dist,
        ord: this.rows.ord,
        reach: this.rows.reach,
        slAlive: this.slAlive,
        cfgOff: this.cfgOff,
        cfgTable: this.cfgTable,
        firstOff: this.firstOff,
        firstTwo: this.firstTwo,
        row: (s) => this.rows.row(s),
        split: (c, lo, hi, dL, posL, dR, posR) => chainSplit(k, c, lo, hi, dL, posL, dR, posR),
        addSplit: (l, c, lo, hi, s, tie, w) => addChainSplit(k, l, c, lo, hi, s, tie, w),
      },
      this.maxK,
    );
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
    // Each lane holds a row of weighted masses per branch node (nb² doubles): above LANE_BYTES, lanes go in turns.
    const most = Math.max(1, Math.floor(LANE_BYTES / (8 * nb * nb)));
    if (R > most) {
      for (let r = 0; r < R; r += most) this.loadsMany(f, outs.slice(r, r + most), inn, ress.slice(r, r + most));
      return;
    }
    while (this.lanes.length < R) this.lanes.push(newLane(nb, nOff[chains.length]!, chains.length, this.maxK));
    const lanes = this.lanes.slice(0, R);
    lanes.forEach((l, r) => {
      l.out = outs[r]!;
      l.res = ress[r]!;
      l.res.fill(0);
      l.hist.fill(0);
      l.tAB.fill(0);
      l.tBA.fill(0);
    });
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
    for (const l of lanes) {
      let nz = 0;
      for (let u = 0; u < nb; u++) if (l.mOut[u] !== 0) l.nz[nz++] = u;
      l.nzCount = nz;
    }
    // Rows depend on the failed skeleton links, and whether a row is used untouched also on the failed
    // branch nodes: the same ones as the last call keep its rows (a chain's terms route one failure five times).
    const dead = this.deadSl;
    const key = this.deadKey;
    let same = true;
    let nd = 0;
    for (let i = 0; i < ns + nb; i++) {
      if (i < ns ? slAlive[i] === 1 : kAlive[i - ns] === 1) continue;
      if (nd >= key.length || key[nd] !== i) same = false;
      key[nd++] = i;
    }
    if (nd !== key.length) same = false;
    key.length = nd;
    dead.length = 0;
    for (const i of key) if (i < ns) dead.push(i);
    this.rows.setFailure(dead, kAlive, slAlive, same);
    // Destinations. Branch ones: under a failure, lane 0 from the recorded nothing-failed routing when it
    // has the same masses (only what moved is redone); that routing is recorded when first made.
    let record: BranchDeltas | null = null;
    let delta: BranchDeltas | null = null;
    if (f === null && R === 1 && this.branchDelta === undefined) {
      record = this.branchDelta = BranchDeltas.forMasses(this.deltaContext(), outs[0]!, inn, lanes[0]!.hist.length);
      record?.recordStart(lanes[0]!, mIn, live, liveOff, liveLanes);
      if (record !== null) this.chainDelta = ChainDeltas.forMasses(record, this.chainDest, (s) => this.rows.movedOf(s), outs[0]!, inn, lanes[0]!.hist.length, nOff[chains.length]!);
    } else if (f !== null && this.branchDelta != null && this.branchDelta.sameMasses(outs[0]!, inn)) {
      delta = this.branchDelta;
      delta.begin(lanes[0]!, live, liveOff, liveLanes);
    }
    for (let u = 0; u < nb; u++) {
      if (kAlive[u] === 0 || !(mIn[u]! > 0)) continue;
      if (delta !== null && delta.covers(u, mIn[u]!)) {
        delta.apply(lanes[0]!, u, mIn[u]!);
        this.toBranch(u, live, liveOff, liveLanes, lanes, 1);
      } else this.toBranch(u, live, liveOff, liveLanes, lanes, 0);
      record?.recordRow(lanes[0]!, u);
    }
    record?.recordEnd(lanes[0]!);
    delta?.finish(lanes[0]!);
    const chainRec = record !== null ? this.chainDelta : null;
    const chainD = delta !== null && this.chainDelta?.begin(lanes, live, liveOff, liveLanes, slAlive, inn) === true ? this.chainDelta : null;
    for (let c = 0; c < chains.length; c++) {
      if (slAlive[this.chainSl[c]!] === 1 && this.chainDest.run(c, inn, live, liveOff, liveLanes, lanes, chainD, chainRec)) {
        this.wRow[this.chA[c]!] = 1;
        this.wRow[this.chB[c]!] = 1;
      }
    }
    chainD?.end();
    chainRec?.recordEnd();
    // Every destination's masses are in the rows now: one flow pass per row.
    for (let s = 0; s < nb; s++) {
      if (this.wRow[s] === 0) continue;
      this.wRow[s] = 0;
      rowFlow(this.sk, this.rows, s, lanes);
    }
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
          if (h !== 0) addChainSplit(this.sk, l, c, 0, k, cfg >> 1, cfg & 1, h);
        }
      }
    }
    for (const l of lanes) addPieces(this.sk, this.ci.chains, { kAlive, slAlive, mIn, comp: this.comp }, pieces, l, inn);
  }

  /**
   * Destination branch node t: every node's mass and the masses the intact
   * chains send into their ends (each split configuration counted × in(t) in
   * the lane's histogram), × in(t), straight into row t (empty until now:
   * every branch destination is routed before the chain destinations).
   */
  private toBranch(t: number, live: readonly number[], liveOff: readonly number[], liveLanes: readonly number[], lanes: readonly Lane[], first: number): void {
    const id = this.rows.row(t);
    const off = id * this.nb;
    const wo = t * this.nb;
    const dist = this.rows.dist;
    const inT = this.mIn[t]!;
    this.wRow[t] = 1;
    if (first >= lanes.length) return;
    for (let r = first; r < lanes.length; r++) {
      const l = lanes[r]!;
      const { nz, mOut: mo, w: W } = l;
      for (let i = 0; i < l.nzCount; i++) {
        const u = nz[i]!;
        if (dist[off + u] !== Infinity) W[wo + u]! += mo[u]! * inT;
      }
    }
    const { chA, chB, nOff, cfgOff, cfgTable, lenOf } = this;
    const chains = this.ci.chains;
    for (let x = 0; x < live.length; x++) {
      if (liveLanes[liveOff[x + 1]! - 1]! < first) continue; // sends only in lanes taken from the record (ascending)
      const c = live[x]!;
      const a = chA[c]!;
      const b = chB[c]!;
      const dA = dist[off + a]!;
      if (dA === Infinity) continue;
      const dB = dist[off + b]!;
      const L = lenOf[c]!;
      const cfg = cfgTable !== null ? cfgTable[cfgOff![c]! + dB - dA + L]! : chainSplit(this.sk, c, 0, chains[c]!.nodes.length, dA, 0, dB, L);
      const h = 2 * (nOff[c]! + c) + cfg;
      for (let y = liveOff[x]!; y < liveOff[x + 1]!; y++) {
        if (liveLanes[y]! < first) continue;
        const l = lanes[liveLanes[y]!]!;
        l.hist[h]! += inT;
        l.w[wo + a]! += inT * l.mA[h]!;
        l.w[wo + b]! += inT * l.mB[h]!;
      }
    }
  }

  /** What skeleton-branch-delta.ts reads of this routing. */
  private deltaContext(): BranchDeltaContext {
    const { cfgOff, cfgTable, lenOf, sk } = this;
    const chains = this.ci.chains;
    return {
      sk,
      dist: this.rows.dist,
      row: (s) => this.rows.row(s),
      movedOf: (s) => this.rows.movedOf(s),
      cfg: (c, dA, dB) => (cfgTable !== null ? cfgTable[cfgOff![c]! + dB - dA + lenOf[c]!]! : chainSplit(sk, c, 0, chains[c]!.nodes.length, dA, 0, dB, lenOf[c]!)),
    };
  }
}
