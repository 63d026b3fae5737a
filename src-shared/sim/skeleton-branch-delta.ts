import type { SkeletonGraph } from './skeleton-graph';
import type { Lane } from './skeleton-lane';

/** What the branch-destination delta reads of a skeleton routing (skeleton.ts). */
export interface BranchDeltaContext {
  readonly sk: SkeletonGraph;
  /** Row tables (skeleton-rows.ts): row s at s·nb holds the nothing-failed distances toward s. */
  readonly dist: Float64Array;
  row(s: number): number;
  movedOf(s: number): Int32Array;
  /** Split configuration of chain c whose ends are at dA, dB from the destination (2s + tie). */
  cfg(c: number, dA: number, dB: number): number;
}

/** Most branch nodes recorded: the record holds nb² deposits (32 MB at 2,048), beside rows of 40·nb² bytes. */
const MAX_BRANCH = 2048;

/** Sums of masses this exact: every term a multiple of 1/2 below 2^51, so any order of adding gives the same double. */
const EXACT_LIMIT = 2 ** 50;

/**
 * Branch destinations of a skeleton routing under a failure, from the
 * nothing-failed routing's (Ramalingam–Reps at the level of deposits).
 *
 * Toward branch destination t, toBranch (skeleton.ts) deposits in row t
 * each live node's mass × in(t), and for each intact chain that sends its
 * split configuration's masses at its two ends × in(t) (and counts the
 * configuration in the lane's histogram). Under a failure a deposit differs
 * from the nothing-failed one only for a node whose distance toward t moved
 * (the row repair's moved nodes) or whose mass changed (a failed node, a
 * broken chain's piece joining its end), and for a chain one of whose ends
 * moved or that is no longer intact. So row t is the recorded one, less
 * those items' old deposits plus their new ones: O(moved + changed) per
 * destination instead of O(branch nodes + chains) — a failure moves 1.7–4.7 %
 * of the (row, router) distances on the real Topology Zoo Kdl.
 *
 * Exact, not approximately equal: used only when every out- and in-mass is
 * a whole number and their totals' product is below 2^50, so every deposit
 * is a multiple of 1/2 (a tie halves a chain node's mass) far below 2^53
 * and any order of adding and subtracting gives the same double as the
 * routing from scratch. Uniform traffic (each router and its pendant tree's
 * size) always is; other masses take the routing from scratch.
 */
export class BranchDeltas {
  /** Per branch destination: recorded deposits in row t at t·nb; whether recorded; in(t) then. */
  private readonly baseW: Float64Array;
  private readonly has: Uint8Array;
  private readonly baseIn: Float64Array;
  /** Lane 0's masses at the branch nodes in the recorded routing (read by skeleton-chain-delta.ts too). */
  readonly baseM: Float64Array;
  /** Chains that sent in the recorded routing (its intact chains with mass). */
  readonly baseLive: Uint8Array;
  /** The histogram the branch destinations left (before any chain destination). */
  private readonly baseHist: Float64Array;
  /** This call: chains intact and sending; nodes whose mass changed (nChanged of them); stamps for de-duplication. */
  readonly liveNow: Uint8Array;
  readonly changed: Int32Array;
  nChanged = 0;
  private readonly nodeStamp: Int32Array;
  private readonly chainStamp: Int32Array;
  private stamp = 0;
  /** Chains that no longer send intact (broken by the failure, or at a failed end), nLost of them. */
  readonly lost: Int32Array;
  nLost = 0;
  /** Rows taken from the record this call (1). */
  readonly done: Uint8Array;

  /** Copies of the mass vectors the record was made with. */
  private readonly out: Float64Array;
  private readonly inn: Float64Array;

  private constructor(
    private readonly x: BranchDeltaContext,
    out: Float64Array,
    inn: Float64Array,
    histLength: number,
  ) {
    this.out = Float64Array.from(out);
    this.inn = Float64Array.from(inn);
    const nb = x.sk.nb;
    const chains = x.sk.chA.length;
    this.baseW = new Float64Array(nb * nb);
    this.has = new Uint8Array(nb);
    this.baseIn = new Float64Array(nb);
    this.baseM = new Float64Array(nb);
    this.baseLive = new Uint8Array(chains);
    this.baseHist = new Float64Array(histLength);
    this.liveNow = new Uint8Array(chains);
    this.changed = new Int32Array(nb);
    this.nodeStamp = new Int32Array(nb);
    this.chainStamp = new Int32Array(chains);
    this.lost = new Int32Array(chains);
    this.done = new Uint8Array(nb);
  }

  /** A recorder for the nothing-failed routing of these masses, or null when sums of them are not exact (see above) or the skeleton is too large to record. */
  static forMasses(x: BranchDeltaContext, out: Float64Array, inn: Float64Array, histLength: number): BranchDeltas | null {
    if (x.sk.nb > MAX_BRANCH) return null;
    let so = 0;
    let si = 0;
    for (let v = 0; v < out.length; v++) {
      const o = out[v]!;
      const i = inn[v]!;
      if (!Number.isInteger(o) || !Number.isInteger(i) || o < 0 || i < 0) return null;
      so += o;
      si += i;
    }
    return so * si < EXACT_LIMIT ? new BranchDeltas(x, out, inn, histLength) : null;
  }

  /** Whether these are the recorded masses (compared by value: a caller may reuse an array). */
  sameMasses(out: Float64Array, inn: Float64Array): boolean {
    if (out.length !== this.out.length || inn.length !== this.inn.length) return false;
    for (let v = 0; v < out.length; v++) if (out[v] !== this.out[v] || inn[v] !== this.inn[v]) return false;
    return true;
  }

  /** Recording: lane 0's masses and which chains send, before the branch destinations. */
  recordStart(l: Lane, mIn: Float64Array, live: readonly number[], liveOff: readonly number[], liveLanes: readonly number[]): void {
    this.baseM.set(l.mOut);
    this.baseIn.set(mIn);
    this.baseLive.fill(0);
    for (let q = 0; q < live.length; q++) if (liveLanes[liveOff[q]!] === 0) this.baseLive[live[q]!] = 1;
  }

  /** Recording: row t as toBranch left it in lane 0. */
  recordRow(l: Lane, t: number): void {
    const nb = this.x.sk.nb;
    this.baseW.set(l.w.subarray(t * nb, t * nb + nb), t * nb);
    this.has[t] = 1;
  }

  /** Recording: the histogram once every branch destination is in. */
  recordEnd(l: Lane): void {
    this.baseHist.set(l.hist);
  }

  /**
   * Start of a call under a failure, lane 0 holding the recorded masses:
   * finds the nodes whose mass changed and the chains no longer sending
   * intact, and starts lane 0's histogram from the recorded one.
   */
  begin(l: Lane, live: readonly number[], liveOff: readonly number[], liveLanes: readonly number[]): void {
    const nb = this.x.sk.nb;
    this.liveNow.fill(0);
    for (let q = 0; q < live.length; q++) if (liveLanes[liveOff[q]!] === 0) this.liveNow[live[q]!] = 1;
    this.nLost = 0;
    for (let c = 0; c < this.baseLive.length; c++) if (this.baseLive[c] === 1 && this.liveNow[c] === 0) this.lost[this.nLost++] = c;
    this.nChanged = 0;
    for (let u = 0; u < nb; u++) if (l.mOut[u] !== this.baseM[u]) this.changed[this.nChanged++] = u;
    l.hist.set(this.baseHist);
    this.done.fill(0);
  }

  /**
   * Recording: deposits that every later call's chain destinations make in
   * the same rows (skeleton-chain-delta.ts) join the recorded rows, so a row
   * taken from the record holds them already (sums of exact terms).
   */
  foldIn(G: Float64Array): void {
    const nb = this.x.sk.nb;
    for (let t = 0; t < nb; t++) {
      if (this.has[t] === 0) continue;
      for (let i = t * nb; i < t * nb + nb; i++) this.baseW[i]! += G[i]!;
    }
  }

  /** Whether branch destination t (in-mass inT now) can be taken from the record. */
  covers(t: number, inT: number): boolean {
    return this.has[t] === 1 && this.baseIn[t] === inT;
  }

  /**
   * Row t of lane 0 for the current failure: the recorded deposits, with
   * each moved or re-massed node's and each moved or broken chain's old
   * deposit replaced by its new one. Row t is empty on entry.
   */
  apply(l: Lane, t: number, inT: number): void {
    const x = this.x;
    const { sk, dist } = x;
    const nb = sk.nb;
    const wo = t * nb;
    const W = l.w;
    W.set(this.baseW.subarray(wo, wo + nb), wo);
    this.done[t] = 1;
    const off = x.row(t) * nb; // this failure's row (row t itself when untouched)
    const stamp = ++this.stamp;
    const moved = x.movedOf(t);
    const { nodeStamp, chainStamp } = this;
    const node = (u: number): void => {
      if (nodeStamp[u] === stamp) return;
      nodeStamp[u] = stamp;
      const was = dist[wo + u] !== Infinity ? this.baseM[u]! * inT : 0;
      const now = dist[off + u] !== Infinity ? l.mOut[u]! * inT : 0;
      if (was !== now) W[wo + u]! += now - was;
    };
    const chain = (c: number): void => {
      if (chainStamp[c] === stamp) return;
      chainStamp[c] = stamp;
      const a = sk.chA[c]!;
      const b = sk.chB[c]!;
      if (this.baseLive[c] === 1 && dist[wo + a] !== Infinity) {
        const h = 2 * (sk.nOff[c]! + c) + x.cfg(c, dist[wo + a]!, dist[wo + b]!);
        l.hist[h]! -= inT;
        W[wo + a]! -= inT * l.mA[h]!;
        W[wo + b]! -= inT * l.mB[h]!;
      }
      if (this.liveNow[c] === 1 && dist[off + a] !== Infinity) {
        const h = 2 * (sk.nOff[c]! + c) + x.cfg(c, dist[off + a]!, dist[off + b]!);
        l.hist[h]! += inT;
        W[wo + a]! += inT * l.mA[h]!;
        W[wo + b]! += inT * l.mB[h]!;
      }
    };
    for (let q = 0; q < this.nChanged; q++) node(this.changed[q]!);
    for (let q = 0; q < moved.length; q++) {
      const u = moved[q]!;
      node(u);
      for (let j = sk.adjOff[u]!; j < sk.adjOff[u + 1]!; j++) {
        const c = sk.slChain[sk.adjSl[j]!]!;
        if (c >= 0) chain(c);
      }
    }
    for (let q = 0; q < this.nLost; q++) chain(this.lost[q]!);
  }

  /**
   * End of the branch destinations: a recorded destination not taken from
   * the record this call (failed, no in-mass now, or a new in-mass routed
   * from scratch) leaves the histogram what it had added.
   */
  finish(l: Lane): void {
    const { sk, dist } = this.x;
    const nb = sk.nb;
    for (let t = 0; t < nb; t++) {
      if (this.has[t] === 0 || this.done[t] === 1) continue;
      const inT = this.baseIn[t]!;
      const wo = t * nb;
      for (let c = 0; c < this.baseLive.length; c++) {
        if (this.baseLive[c] === 0 || dist[wo + sk.chA[c]!] === Infinity) continue;
        l.hist[2 * (sk.nOff[c]! + c) + this.x.cfg(c, dist[wo + sk.chA[c]!]!, dist[wo + sk.chB[c]!]!)]! -= inT;
      }
    }
  }
}
