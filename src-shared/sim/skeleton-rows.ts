import { MinHeap } from './shortest';
import type { SkeletonGraph } from './skeleton-graph';

/** Longest skeleton link (whole-number lengths) routed with Dial's buckets (one bucket per unit of length), else a heap. */
const DIAL_MAX_LENGTH = 1 << 16;

/**
 * Rows of a skeleton routing (skeleton.ts): per branch node s, the distances
 * of every branch node toward s, their settle order (nearest first) and each
 * node's next hops toward s. Two rows per branch node: row s with nothing
 * failed, routed once and kept; row nb + s under the current failure,
 * REPAIRED from row s when the failure takes a next hop in it (Ramalingam–
 * Reps: only the nodes that lose every shortest path move, and only they and
 * the nodes whose next hops lead to them or over a failed link get their hops
 * again). Every row used is a function of the failure alone (row s is the
 * same whatever came before, the repair reads only it), so each failure gives
 * the same figures in any order, on any thread.
 */
export class SkeletonRows {
  /** Row id's distances and settle order at id·nb, nodes settled per row. */
  readonly dist: Float64Array;
  readonly ord: Int32Array;
  readonly reach: Int32Array;
  /** Next hops of node u in row id: adjacency indices hops[hopStart[id·nb + u] …], hopCnt of them (a repaired row may point into row s's). */
  readonly hopStart: Int32Array;
  readonly hopCnt: Int32Array;
  readonly hops: Int32Array;
  private readonly nb: number;
  /** Row s routed with nothing failed; 1: row s serves this failure, 2: row nb + s. */
  private readonly rowBase: Uint8Array;
  private readonly rowDone: Uint8Array;
  private readonly allAlive: Uint8Array;
  /** The current failure: dead skeleton links, alive branch nodes and skeleton links. */
  private deadSl: readonly number[] = [];
  private kAlive: Uint8Array;
  private slAlive: Uint8Array;
  private readonly heap: MinHeap;
  /** Dial's buckets (whole-number lengths only, else null) and its entries: node, next in bucket. */
  private readonly bHead: Int32Array | null;
  private readonly eNode: Int32Array;
  private readonly eNext: Int32Array;
  /** Per row s (nothing failed) at s·nb: each reached node's place in its settle order. */
  private readonly place: Int32Array;
  /** Repair scratch: moved nodes (1), nodes queued to be decided (1), the moved nodes (then in their new settle order), the queue by place. */
  private readonly lost: Uint8Array;
  private readonly queued: Uint8Array;
  private readonly moved: Int32Array;
  private readonly asked: Int32Array;
  private readonly queue: MinHeap;
  /** Per row s repaired for the current failure: the nodes whose distance moved (lost every shortest path), movedCnt[s] of them at s·nb. */
  private readonly movedAt: Int32Array;
  private readonly movedCnt: Int32Array;
  private static readonly NONE = new Int32Array(0);

  constructor(
    private readonly sk: SkeletonGraph,
    whole: boolean,
  ) {
    const nb = (this.nb = sk.nb);
    const ns = sk.slA.length;
    let maxW = 0;
    for (const w of sk.slW) if (w > maxW) maxW = w;
    const dial = whole && maxW <= DIAL_MAX_LENGTH;
    // At most one entry per relaxation that lowers a distance (≤ directed adjacency entries) plus the source.
    this.bHead = dial ? new Int32Array(maxW + 1) : null;
    this.eNode = new Int32Array(dial ? sk.adjSl.length + 1 : 0);
    this.eNext = new Int32Array(dial ? sk.adjSl.length + 1 : 0);
    this.allAlive = new Uint8Array(ns).fill(1);
    this.kAlive = new Uint8Array(nb).fill(1);
    this.slAlive = this.allAlive;
    this.dist = new Float64Array(2 * nb * nb);
    this.ord = new Int32Array(2 * nb * nb);
    this.reach = new Int32Array(2 * nb);
    this.hopStart = new Int32Array(2 * nb * nb);
    this.hopCnt = new Int32Array(2 * nb * nb);
    this.hops = new Int32Array(2 * nb * 2 * ns);
    this.rowBase = new Uint8Array(nb);
    this.rowDone = new Uint8Array(nb);
    this.heap = new MinHeap(2 * ns + 4, nb);
    this.place = new Int32Array(nb * nb);
    this.lost = new Uint8Array(nb);
    this.queued = new Uint8Array(nb);
    this.moved = new Int32Array(nb);
    this.asked = new Int32Array(nb);
    this.queue = new MinHeap(nb + 4, nb);
    this.movedAt = new Int32Array(nb * nb);
    this.movedCnt = new Int32Array(nb);
  }

  /**
   * The nodes whose distance toward s under the current failure differs from
   * row s's (nothing failed): the ones the repair moved (a kept node keeps
   * its distance; a moved one lost every shortest path, so its distance grew
   * or it is cut off). Empty for a row the failure leaves untouched. Valid
   * after row(s) for this failure.
   */
  movedOf(s: number): Int32Array {
    return this.rowDone[s] === 2 ? this.movedAt.subarray(s * this.nb, s * this.nb + this.movedCnt[s]!) : SkeletonRows.NONE;
  }

  /** The failure the next rows are for; `same` when it equals the last one (its rows are kept). */
  setFailure(deadSl: readonly number[], kAlive: Uint8Array, slAlive: Uint8Array, same: boolean): void {
    this.deadSl = deadSl;
    this.kAlive = kAlive;
    this.slAlive = slAlive;
    if (!same) this.rowDone.fill(0);
  }

  /** The id of the row holding distances, order and next hops toward branch node s under the current failure. */
  row(s: number): number {
    const nb = this.nb;
    if (this.rowDone[s] === 1) return s;
    if (this.rowDone[s] === 2) return nb + s;
    if (this.rowBase[s] === 0) {
      this.route(s, this.allAlive, s);
      this.rowBase[s] = 1;
    }
    if (this.deadSl.length > 0 && this.touched(s)) {
      this.repair(s);
      this.rowDone[s] = 2;
      return nb + s;
    }
    this.rowDone[s] = 1;
    return s;
  }

  /** Whether a live node's next hop toward s in row s (nothing failed) is a failed skeleton link. */
  private touched(s: number): boolean {
    const off = s * this.nb;
    const { deadSl, kAlive, dist, hopStart, hopCnt, hops } = this;
    const { slA, slB, adjSl } = this.sk;
    for (const i of deadSl) {
      for (let e = 0; e < 2; e++) {
        const a = e === 0 ? slA[i]! : slB[i]!;
        if (kAlive[a] === 0 || dist[off + a] === Infinity) continue;
        const h = hopStart[off + a]!;
        for (let x = h; x < h + hopCnt[off + a]!; x++) if (adjSl[hops[x]!] === i) return true;
      }
    }
    return false;
  }

  /**
   * Row nb + s from row s under the current failure (Ramalingam–Reps). A
   * node keeps its distance when one of its next hops survives and leads to
   * a node that keeps its own; only the ends of failed links and the nodes
   * with a next hop into a moved node can lose theirs, so only they are
   * decided, nearest first (row s's order: a hop's end is decided before
   * the node). The moved ones (failed nodes among them) start from their
   * best live link into a kept node and settle among themselves by
   * Dijkstra. The order merges the kept nodes (row s's order) with the
   * moved ones (settle order) by distance. A kept node only loses next hops
   * (a neighbour's distance only grows), so its hops are row s's unless one
   * is dead or leads to a moved node — only nodes that were decided — and
   * those nodes and the moved ones get theirs by a scan. The same row, node
   * for node and hop for hop, as deciding every node in row s's order.
   */
  private repair(s: number): void {
    const nb = this.nb;
    const o0 = s * nb;
    const id = nb + s;
    const o1 = id * nb;
    const { dist: d, ord, hopStart, hopCnt, hops, lost, queued, moved, asked, slAlive, place } = this;
    const { adjOff, adjSl, adjTo, adjW, slA, slB } = this.sk;
    const r0 = this.reach[s]!;
    d.copyWithin(o1, o0, o0 + nb);
    // Decide the ends of failed links (and a failed s), then every node with a next hop into a moved one.
    const queue = this.queue;
    queue.clear();
    let na = 0;
    const ask = (u: number): void => {
      if (queued[u] === 1 || d[o0 + u] === Infinity) return;
      queued[u] = 1;
      asked[na++] = u;
      queue.push(u, place[o0 + u]!);
    };
    for (const i of this.deadSl) {
      ask(slA[i]!);
      ask(slB[i]!);
    }
    if (this.kAlive[s] === 0) ask(s);
    let nm = 0;
    while (queue.size > 0) {
      const u = queue.pop();
      let k = u === s && this.kAlive[s] === 1 ? 1 : 0;
      const h = hopStart[o0 + u]!;
      for (let y = h; y < h + hopCnt[o0 + u]! && k === 0; y++) {
        const j = hops[y]!;
        if (slAlive[adjSl[j]!] === 1 && lost[adjTo[j]!] === 0) k = 1;
      }
      if (k === 1) continue;
      lost[u] = 1;
      d[o1 + u] = Infinity;
      moved[nm++] = u;
      // Its neighbours one link farther had it as a next hop.
      const du = d[o0 + u]!;
      for (let j = adjOff[u]!; j < adjOff[u + 1]!; j++) {
        const v = adjTo[j]!;
        const dv = d[o0 + v]!;
        if (dv > du) ask(v);
      }
    }
    // The moved nodes in row s's order (the order the whole scan met them in).
    const byPlace = moved.subarray(0, nm).sort((x, y) => place[o0 + x]! - place[o0 + y]!);
    this.movedAt.set(byPlace, s * nb);
    this.movedCnt[s] = nm;
    // Moved nodes: best live link into a kept node, then Dijkstra among themselves.
    const heap = this.heap;
    heap.clear();
    const done = heap.mark;
    for (let q = 0; q < nm; q++) {
      const u = moved[q]!;
      done[u] = 0;
      let best = Infinity;
      for (let j = adjOff[u]!; j < adjOff[u + 1]!; j++) {
        if (slAlive[adjSl[j]!] === 0) continue;
        const v = adjTo[j]!;
        if (lost[v] === 1 || d[o0 + v] === Infinity) continue;
        const nd = d[o1 + v]! + adjW[j]!;
        if (nd < best) best = nd;
      }
      if (best < Infinity) {
        d[o1 + u] = best;
        heap.push(u, best);
      }
    }
    let settled = 0;
    while (heap.size > 0) {
      const u = heap.pop();
      if (done[u] === 1) continue;
      done[u] = 1;
      moved[settled++] = u;
      const du = d[o1 + u]!;
      for (let j = adjOff[u]!; j < adjOff[u + 1]!; j++) {
        if (slAlive[adjSl[j]!] === 0) continue;
        const v = adjTo[j]!;
        if (lost[v] === 0) continue;
        const nd = du + adjW[j]!;
        if (nd < d[o1 + v]!) {
          d[o1 + v] = nd;
          heap.push(v, nd);
        }
      }
    }
    // Settle order: kept nodes (row s's order, distances unchanged) merged with the moved ones by distance.
    let r = 0;
    if (nm === 0) {
      ord.copyWithin(o1, o0, o0 + r0);
      r = r0;
    } else {
      let q = 0;
      for (let x = 0; x < r0; x++) {
        const u = ord[o0 + x]!;
        if (lost[u] === 1) continue;
        const du = d[o1 + u]!;
        while (q < settled && d[o1 + moved[q]!]! < du) ord[o1 + r++] = moved[q++]!;
        ord[o1 + r++] = u;
      }
      while (q < settled) ord[o1 + r++] = moved[q++]!;
    }
    this.reach[id] = r;
    // Next hops: row s's where they all survive (every node not decided), else a scan.
    hopStart.copyWithin(o1, o0, o0 + nb);
    hopCnt.copyWithin(o1, o0, o0 + nb);
    let cur = id * adjSl.length;
    const rescan = (u: number): void => {
      hopStart[o1 + u] = cur;
      if (u !== s) cur = this.scanHops(u, o1, slAlive, cur);
      hopCnt[o1 + u] = cur - hopStart[o1 + u]!;
    };
    for (let q = 0; q < settled; q++) rescan(moved[q]!);
    for (let q = 0; q < na; q++) {
      const u = asked[q]!;
      if (lost[u] === 1) continue;
      const h = hopStart[o0 + u]!;
      const n = hopCnt[o0 + u]!;
      let intact = true;
      for (let y = h; y < h + n && intact; y++) {
        const j = hops[y]!;
        intact = slAlive[adjSl[j]!] === 1 && lost[adjTo[j]!] === 0;
      }
      if (!intact) rescan(u);
    }
    for (let q = 0; q < na; q++) {
      lost[asked[q]!] = 0;
      queued[asked[q]!] = 0;
    }
  }

  /** Writes node u's next hops in the row at offset o (live links whose far end is exactly one link nearer) from hops[cur]; returns the next free index. */
  private scanHops(u: number, o: number, alive: Uint8Array, cur: number): number {
    const d = this.dist;
    const { adjOff, adjSl, adjTo, adjW } = this.sk;
    const du = d[o + u]!;
    for (let j = adjOff[u]!; j < adjOff[u + 1]!; j++) {
      if (alive[adjSl[j]!] === 0) continue;
      const dv = d[o + adjTo[j]!]! + adjW[j]!;
      if (du === dv || Math.abs(du - dv) <= 1e-12 * du) this.hops[cur++] = j;
    }
    return cur;
  }

  /**
   * Dial's bucket queue for whole-number lengths (a cyclic array of
   * maxW + 1 buckets, stale entries skipped): the settle order row s needs
   * without a heap's log factor — rows are most of a skeleton routing.
   * Returns the number of nodes settled (their order in ord).
   */
  private dial(s: number, alive: Uint8Array, off: number): number {
    const bHead = this.bHead!;
    const { eNode, eNext, ord, dist: d } = this;
    const { adjOff, adjSl, adjTo, adjW } = this.sk;
    const done = this.heap.mark;
    const C = bHead.length;
    bHead.fill(-1);
    let cnt = 0;
    let pending = 1;
    eNode[0] = s;
    eNext[0] = -1;
    bHead[0] = cnt++;
    let r = 0;
    for (let D = 0; pending > 0; D++) {
      const b = D % C;
      while (bHead[b] !== -1) {
        const e = bHead[b]!;
        bHead[b] = eNext[e]!;
        pending--;
        const u = eNode[e]!;
        if (done[u] === 1 || d[off + u] !== D) continue;
        done[u] = 1;
        ord[off + r++] = u;
        for (let j = adjOff[u]!; j < adjOff[u + 1]!; j++) {
          if (alive[adjSl[j]!] === 0) continue;
          const v = adjTo[j]!;
          const nd = D + adjW[j]!;
          if (nd < d[off + v]!) {
            d[off + v] = nd;
            const x = nd % C;
            eNode[cnt] = v;
            eNext[cnt] = bHead[x]!;
            bHead[x] = cnt++;
            pending++;
          }
        }
      }
    }
    return r;
  }

  /** Distances toward s on the skeleton links marked in `alive`, into row `id`, with order and next hops. */
  private route(s: number, alive: Uint8Array, id: number): void {
    const nb = this.nb;
    const off = id * nb;
    const d = this.dist;
    d.fill(Infinity, off, off + nb);
    const heap = this.heap;
    heap.clear();
    const done = heap.mark;
    done.fill(0);
    d[off + s] = 0;
    let r = 0;
    const { adjOff, adjSl, adjTo, adjW } = this.sk;
    if (this.bHead !== null) r = this.dial(s, alive, off);
    else heap.push(s, 0);
    while (heap.size > 0) {
      const u = heap.pop();
      if (done[u] === 1) continue;
      done[u] = 1;
      this.ord[off + r++] = u;
      const du = d[off + u]!;
      for (let j = adjOff[u]!; j < adjOff[u + 1]!; j++) {
        if (alive[adjSl[j]!] === 0) continue;
        const w = adjTo[j]!;
        const nd = du + adjW[j]!;
        if (nd < d[off + w]!) {
          d[off + w] = nd;
          heap.push(w, nd);
        }
      }
    }
    this.reach[id] = r;
    for (let x = 0; x < r; x++) this.place[off + this.ord[off + x]!] = x;
    // Next hops toward s, once per row: a destination inside a chain reuses its ends' rows.
    let cur = id * adjSl.length;
    for (let x = 0; x < r; x++) {
      const u = this.ord[off + x]!;
      this.hopStart[off + u] = cur;
      if (u !== s) cur = this.scanHops(u, off, alive, cur);
      this.hopCnt[off + u] = cur - this.hopStart[off + u]!;
    }
  }
}
