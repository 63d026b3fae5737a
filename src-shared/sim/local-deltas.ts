import type { CompiledGraph } from './csr';
import { addDestinationLoads } from './ecmp';
import { DestinationDelta, sortByKeyDesc, type DestinationState, type FailureMasks, type SlotDelta } from './incremental';
import { mayTouch, type RoutingEngine } from './routing';
import { onShortestPath as onShortestPathImport } from './shortest';
import type { LoadOpLog } from './slot-delta';
import { TwinDestinations } from './twin-dests';

// Bound once: run from source (tsx), an imported function is read through a getter on every call.
const onShortestPath = onShortestPathImport;

/**
 * RoutingEngine.failureDeltas with a closed form for failures local to one
 * node — what nearly every failure of a hierarchical WAN is: a branch
 * router's uplink, the branch router itself, or a duct holding only its
 * uplinks. Same contract: `outs[k]` receives the change of every directed
 * link load under `fs[k]`.
 *
 * A failure is local to node b when every failed link ends at b and no
 * other node fails. For a destination c ≠ b that no neighbour of b reaches
 * through b (no shortest path to c enters b), nothing but b's own traffic
 * moves: every other node keeps its distance and next hops (its shortest
 * paths avoid b, so avoid the failed links), and b, which carries only its
 * own demand, sends it over its surviving shortest-path links instead — or
 * nowhere, when b failed or was cut off. The change is then exact and
 * short: b's old shares leave and its new shares arrive, each carried on
 * from the next hop X along X's own ECMP split toward c (the unit flow
 * from X, computed once per destination and next hop). This is the same
 * re-flow the incremental update (incremental.ts) performs — which walks
 * and sorts every node downstream of b for every destination — so the sums
 * agree to rounding (the order of additions differs; local-deltas.test.ts
 * compares both with routing from scratch on hand-built and generated
 * designs).
 *
 * Every other (failure, destination) pair — c = b, a neighbour routing
 * through b, a failure that is not local — goes to the incremental update
 * unchanged. Zero or negative IGP weights (where distance alone does not
 * order a DAG) send everything there.
 */
export class LocalFailureDeltas {
  private readonly g: CompiledGraph;
  private readonly general: DestinationDelta;
  private readonly row: Float64Array;
  /** demand(u, c) of the destination being worked on. */
  private demandTo: Float64Array;
  // demand(u, t) per destination t, built on first use (capacity runs call failureDeltas block after block).
  private columns: Float64Array | null | undefined = undefined;
  private columnOf = new Int32Array(0);
  private readonly positiveWeights: boolean;
  // Unit flows of the current destination, per next-hop node: entries [from, to) of the pool.
  private readonly unitFrom: Int32Array;
  private readonly unitTo: Int32Array;
  private readonly unitStamp: Int32Array;
  private stamp = 0;
  private walkMark = 0;
  private poolSlot = new Int32Array(1024);
  private poolValue = new Float64Array(1024);
  private poolLen = 0;
  // Scratch of a unit-flow walk.
  private readonly seen: Int32Array;
  private readonly walk: Int32Array;
  private readonly frac: Float64Array;
  private readonly hops: Int32Array;
  private readonly seeds: Int32Array;
  private readonly isSeed: Int32Array;
  // Per seed (by node): its new hops hopList[hopFrom..hopTo), whether it kept an old one, its change of inflow.
  private readonly hopList: Int32Array;
  private readonly hopFrom: Int32Array;
  private readonly hopTo: Int32Array;
  private readonly keptOld: Uint8Array;
  private readonly inflowChange: Float64Array;
  // The nodes each unit flow passes (x included): poolNodes[nodesFrom[x]..nodesTo[x]).
  private readonly nodesFrom: Int32Array;
  private readonly nodesTo: Int32Array;
  private poolNodes = new Int32Array(1024);
  private poolNodesLen = 0;
  private seedMark = 0;
  /** Unit-flow entries walked so far (computed, checked or carried): the closed form's work, counted. */
  private walked = 0;
  /** Twin destinations (twin-dests.ts), found on the first call; false when there are none. */
  private twins: TwinDestinations | false | undefined = undefined;
  /** Where the closed form being computed logs its additions (twin-dests.ts), or null. */
  private log: LoadOpLog | null = null;
  /** Pairs answered from a twin destination's log (twin-dests.ts) over every call, for the bench and tests. */
  get twinReplays(): number {
    return this.twins ? this.twins.replayed : 0;
  }
  /** (closed form, incremental) pairs of the last call, for the bench and tests. */
  closedForm = 0;
  incremental = 0;

  constructor(private readonly engine: RoutingEngine) {
    const g = engine.g;
    const n = g.nodeIds.length;
    this.g = g;
    this.general = new DestinationDelta(g, engine.traffic);
    this.row = new Float64Array(n);
    this.demandTo = this.row;
    this.positiveWeights = g.weights.every((w) => w > 0);
    this.unitFrom = new Int32Array(n);
    this.unitTo = new Int32Array(n);
    this.unitStamp = new Int32Array(n);
    this.seen = new Int32Array(n);
    this.walk = new Int32Array(n);
    this.frac = new Float64Array(n);
    let maxDeg = 0;
    for (let u = 0; u < n; u++) maxDeg = Math.max(maxDeg, g.offsets[u + 1]! - g.offsets[u]!);
    this.hops = new Int32Array(maxDeg + 1);
    this.seeds = new Int32Array(n);
    this.isSeed = new Int32Array(n);
    this.hopList = new Int32Array(g.targets.length);
    this.hopFrom = new Int32Array(n);
    this.hopTo = new Int32Array(n);
    this.keptOld = new Uint8Array(n);
    this.inflowChange = new Float64Array(n);
    this.nodesFrom = new Int32Array(n);
    this.nodesTo = new Int32Array(n);
  }

  /** As RoutingEngine.failureDeltas: destinations ascending, each failure's change added into its `outs[k]`. */
  failureDeltas(fs: readonly FailureMasks[], outs: readonly SlotDelta[]): void {
    const engine = this.engine;
    const g = this.g;
    const dests = engine.destinationNodes;
    this.closedForm = 0;
    this.incremental = 0;
    // Where a failure's seeds carry transit (a meshed core), the check fails for most destinations and
    // only costs: after CLOSED_TRIAL misses, a failure keeps trying only while hits are 4× its misses, else it goes to the
    // incremental update. Where its answers walk long unit flows (a mesh: long paths, each flow computed for
    // one or two failures), they cost more than the update: after CLOSED_TRIAL answers, a failure keeps trying
    // only while it walks at most CLOSED_WALK entries an answer. Both rules count, never time, so a design's
    // loads do not depend on the machine. Either path gives the same loads to rounding; this only picks the cheaper.
    const hits = new Int32Array(fs.length);
    const misses = new Int32Array(fs.length);
    const walkedBy = new Float64Array(fs.length);
    const twins = (this.twins ??= TwinDestinations.build(g, engine.traffic, dests) ?? false);
    if (twins !== false) twins.startBlock(fs.length);
    for (let i = 0; i < dests.length; i++) {
      const c = dests[i]!;
      const st = engine.destinationState(i);
      const row = this.rowTo(c);
      this.demandTo = row;
      this.stamp++;
      this.poolLen = 0;
      this.poolNodesLen = 0;
      for (let k = 0; k < fs.length; k++) {
        const f = fs[k]!;
        if (!mayTouch(g, st.dist, f)) continue;
        // A twin's change replayed (twin-dests.ts) counts as its twin's path did, so later choices stay as they were.
        const replayed = twins === false ? null : twins.replay(k, c, f, outs[k]!);
        if (replayed !== null) {
          if (replayed.closed) hits[k]!++;
          else misses[k]!++;
          walkedBy[k]! += replayed.walked;
          continue;
        }
        const log = twins === false ? null : twins.begin(k, i, c, f);
        const w0 = walkedBy[k]!;
        if (f.nodes[c] === 1) addDestinationLoads(g, st.dagOff, st.slots, st.flow, -1, outs[k]!);
        else if (this.positiveWeights && (misses[k]! < CLOSED_TRIAL || 4 * misses[k]! <= hits[k]!) && (hits[k]! < CLOSED_TRIAL || walkedBy[k]! <= CLOSED_WALK * hits[k]!) && this.tryClosed(c, st, f, outs[k]!, walkedBy, k, log)) {
          this.closedForm++;
          hits[k]!++;
          if (log !== null && twins !== false) twins.end(k, c, true, walkedBy[k]! - w0);
        } else {
          misses[k]!++;
          this.incremental++;
          if (log !== null) log.length = 0; // a closed form that said no added nothing; cleared all the same
          this.general.opLog = log;
          this.general.apply(c, st, f, outs[k]!, false, row);
          this.general.opLog = null;
          if (log !== null && twins !== false) twins.end(k, c, false, walkedBy[k]! - w0);
        }
      }
    }
  }

  /** closed(), its walked entries added to walkedBy[k], its additions to `log` when given (nothing when false). */
  private tryClosed(c: number, st: DestinationState, f: FailureMasks, out: SlotDelta, walkedBy: Float64Array, k: number, log: LoadOpLog | null): boolean {
    const w0 = this.walked;
    this.log = log;
    const ok = this.closed(c, st, f, out);
    this.log = null;
    walkedBy[k]! += this.walked - w0;
    return ok;
  }

  /** demand(u, c) for every u: a column of the table built once, or filled afresh on designs too large for one. */
  private rowTo(c: number): Float64Array {
    const n = this.g.nodeIds.length;
    const traffic = this.engine.traffic;
    if (this.columns === undefined) {
      this.columns = null;
      if (n <= COLUMNS_MAX_NODES) {
        const dests = this.engine.destinationNodes;
        this.columns = new Float64Array(dests.length * n);
        this.columnOf = new Int32Array(n).fill(-1);
        for (let i = 0; i < dests.length; i++) {
          const t = dests[i]!;
          this.columnOf[t] = i;
          for (let u = 0; u < n; u++) this.columns[i * n + u] = traffic.demand(u, t);
        }
      }
    }
    if (this.columns !== null && this.columnOf[c]! >= 0) return this.columns.subarray(this.columnOf[c]! * n, (this.columnOf[c]! + 1) * n);
    for (let u = 0; u < n; u++) this.row[u] = traffic.demand(u, c);
    return this.row;
  }

  /**
   * The change of destination c's loads under f, when it stays among the
   * seeds (nodes that lose a next hop): every node a carried share passes
   * on its way to c keeps its split, a seed left with no next hop is
   * reached by no shortest path and has no seed beside it. False (nothing
   * added) otherwise.
   */
  private closed(c: number, st: DestinationState, f: FailureMasks, out: SlotDelta): boolean {
    const { offsets, targets, edgeLink, weights, linkSource, linkTarget } = this.g;
    const { dist, flow, dagOff, slots } = st;
    const fN = f.nodes;
    const fL = f.links;
    const seeds = this.seeds;
    const isSeed = this.isSeed;
    const mark = ++this.seedMark;
    let ns = 0;
    // Seeds: live ends of a failed link that was one of their next hops (as incremental.ts seeds them;
    // a failed node's links are all in linkList). Unreachable nodes carry nothing and stay unreachable.
    for (const e of f.linkList) {
      const a = linkSource[e]!;
      const b = linkTarget[e]!;
      const w = weights[e]!;
      if (fN[a] !== 1 && isSeed[a] !== mark && dist[a] !== Infinity && onShortestPath(dist[a]!, dist[b]!, w)) {
        isSeed[a] = mark;
        seeds[ns++] = a;
      }
      if (fN[b] !== 1 && isSeed[b] !== mark && dist[b] !== Infinity && onShortestPath(dist[b]!, dist[a]!, w)) {
        isSeed[b] = mark;
        seeds[ns++] = b;
      }
    }
    // Each seed's new next hops, into the hop list (hopFrom..hopTo per seed). A seed that keeps
    // some keeps its distance, and its new hops are the surviving old ones. One that keeps none
    // takes a longer route: allowed only when no shortest path to c enters it (so nobody else moves)
    // and no neighbour is a seed (so every neighbour's distance stands); its hops are then those on
    // its best surviving link, as incremental.ts finds them.
    const hops = this.hopList;
    let nh = 0;
    for (let i = 0; i < ns; i++) {
      const b = seeds[i]!;
      this.hopFrom[b] = nh;
      for (let j = dagOff[b]!; j < dagOff[b + 1]!; j++) if (fL[edgeLink[slots[j]!]!] !== 1) hops[nh++] = slots[j]!;
      this.keptOld[b] = nh > this.hopFrom[b] ? 1 : 0;
      if (nh === this.hopFrom[b]) {
        let best = Infinity;
        for (let s = offsets[b]!; s < offsets[b + 1]!; s++) {
          const x = targets[s]!;
          if (isSeed[x] === mark) return false;
          for (let j = dagOff[x]!; j < dagOff[x + 1]!; j++) if (targets[slots[j]!] === b) return false;
          if (fL[edgeLink[s]!] === 1) continue;
          const d = dist[x]! + weights[edgeLink[s]!]!;
          if (d < best) best = d;
        }
        if (best < Infinity) {
          for (let s = offsets[b]!; s < offsets[b + 1]!; s++) {
            if (fL[edgeLink[s]!] === 1) continue;
            if (onShortestPath(best, dist[targets[s]!]!, weights[edgeLink[s]!]!)) hops[nh++] = s;
          }
        }
      }
      this.hopTo[b] = nh;
    }
    // Shares leave and arrive at non-seeds and go on along their baseline split: none of those
    // nodes may be a seed (whose split changes). Checked before anything is written.
    for (const v of f.nodeList) if (dist[v] !== Infinity && this.demandTo[v] !== 0 && !this.clean(v, c, st, mark)) return false;
    for (let i = 0; i < ns; i++) {
      const b = seeds[i]!;
      for (let j = dagOff[b]!; j < dagOff[b + 1]!; j++) {
        const t = targets[slots[j]!]!;
        if (isSeed[t] !== mark && !this.clean(t, c, st, mark)) return false;
      }
      for (let j = this.hopFrom[b]!; j < this.hopTo[b]!; j++) {
        const t = targets[hops[j]!]!;
        if (isSeed[t] !== mark && !this.clean(t, c, st, mark)) return false;
      }
    }
    // A failed node's own demand leaves (what it relayed leaves with each sender's shares below).
    for (const v of f.nodeList) {
      if (dist[v] === Infinity || this.demandTo[v] === 0) continue;
      this.carryFrom(v, -this.demandTo[v]!, c, st, out.value);
    }
    // Seeds by decreasing distance: a seed's change of inflow (from seeds above it) is complete
    // before it splits, as incremental.ts re-flows them.
    sortByKeyDesc(seeds, ns, dist);
    const dIn = this.inflowChange;
    for (let i = 0; i < ns; i++) dIn[seeds[i]!] = 0;
    const v = out.value;
    for (let i = 0; i < ns; i++) {
      const b = seeds[i]!;
      const fb = flow[b]!;
      const a0 = dagOff[b]!;
      const b0 = dagOff[b + 1]!;
      if (fb !== 0 && b0 > a0) {
        const share = fb / (b0 - a0);
        for (let j = a0; j < b0; j++) this.send(b, slots[j]!, -share, c, st, v, mark);
      }
      const f1 = this.keptOld[b] === 1 ? fb + dIn[b]! : this.demandTo[b]!;
      const k = this.hopTo[b]! - this.hopFrom[b]!;
      if (k === 0 || f1 <= 0) continue;
      const share = f1 / k;
      for (let j = this.hopFrom[b]!; j < this.hopTo[b]!; j++) this.send(b, hops[j]!, share, c, st, v, mark);
    }
    return true;
  }

  /** `amount` sent from b over adjacency slot s: into a seed's inflow change, else on along the far end's split. */
  private send(b: number, s: number, amount: number, c: number, st: DestinationState, v: Float64Array, mark: number): void {
    const { targets, edgeLink, linkSource } = this.g;
    const e = edgeLink[s]!;
    const x = 2 * e + (linkSource[e] === b ? 0 : 1);
    v[x]! += amount;
    if (this.log !== null) this.log.push(x, amount);
    const t = targets[s]!;
    if (this.isSeed[t] === mark) this.inflowChange[t]! += amount;
    else this.carryFrom(t, amount, c, st, v);
  }

  /** Whether no node on x's way to c (x included) is a seed of the current failure. */
  private clean(x: number, c: number, st: DestinationState, mark: number): boolean {
    if (x === c) return true;
    if (this.unitStamp[x] !== this.stamp) this.unitFlow(x, st);
    const nodes = this.poolNodes;
    this.walked += this.nodesTo[x]! - this.nodesFrom[x]!;
    for (let j = this.nodesFrom[x]!; j < this.nodesTo[x]!; j++) if (this.isSeed[nodes[j]!] === mark) return false;
    return true;
  }

  /** Adds `amount` entering at x and carried on x's baseline ECMP split toward c. */
  private carryFrom(x: number, amount: number, c: number, st: DestinationState, v: Float64Array): void {
    if (x === c) return;
    if (this.unitStamp[x] !== this.stamp) this.unitFlow(x, st);
    const ps = this.poolSlot;
    const pv = this.poolValue;
    this.walked += this.unitTo[x]! - this.unitFrom[x]!;
    const log = this.log;
    if (log === null) for (let j = this.unitFrom[x]!; j < this.unitTo[x]!; j++) v[ps[j]!]! += amount * pv[j]!;
    else {
      for (let j = this.unitFrom[x]!; j < this.unitTo[x]!; j++) {
        const d = amount * pv[j]!;
        v[ps[j]!]! += d;
        log.push(ps[j]!, d);
      }
    }
  }

  /** One unit sent from x toward the current destination on the baseline DAG: the share each directed slot carries, into the pool. */
  private unitFlow(x: number, st: DestinationState): void {
    const { targets, edgeLink, linkSource } = this.g;
    const { dist, dagOff, slots } = st;
    const seen = this.seen;
    const walk = this.walk;
    const frac = this.frac;
    const mark = ++this.walkMark;
    // Every node below x in the DAG, then by decreasing distance (each node's inflow is complete before it splits).
    let len = 0;
    walk[len++] = x;
    seen[x] = mark;
    for (let i = 0; i < len; i++) {
      const u = walk[i]!;
      frac[u] = 0;
      for (let j = dagOff[u]!; j < dagOff[u + 1]!; j++) {
        const w = targets[slots[j]!]!;
        if (seen[w] !== mark) {
          seen[w] = mark;
          walk[len++] = w;
        }
      }
    }
    sortByKeyDesc(walk, len, dist);
    if (this.poolNodesLen + len > this.poolNodes.length) {
      const grown = new Int32Array(2 * (this.poolNodesLen + len));
      grown.set(this.poolNodes.subarray(0, this.poolNodesLen));
      this.poolNodes = grown;
    }
    this.nodesFrom[x] = this.poolNodesLen;
    this.poolNodes.set(walk.subarray(0, len), this.poolNodesLen);
    this.poolNodesLen += len;
    this.nodesTo[x] = this.poolNodesLen;
    frac[x] = 1;
    const from = this.poolLen;
    for (let i = 0; i < len; i++) {
      const u = walk[i]!;
      const a = dagOff[u]!;
      const z = dagOff[u + 1]!;
      const fu = frac[u]!;
      if (z === a || fu === 0) continue;
      const share = fu / (z - a);
      for (let j = a; j < z; j++) {
        const s = slots[j]!;
        const e = edgeLink[s]!;
        frac[targets[s]!]! += share;
        this.push(2 * e + (linkSource[e] === u ? 0 : 1), share);
      }
    }
    this.unitFrom[x] = from;
    this.unitTo[x] = this.poolLen;
    this.walked += len + this.poolLen - from;
    this.unitStamp[x] = this.stamp;
  }

  private push(slot: number, value: number): void {
    if (this.poolLen === this.poolSlot.length) {
      const s = new Int32Array(2 * this.poolLen);
      const v = new Float64Array(2 * this.poolLen);
      s.set(this.poolSlot);
      v.set(this.poolValue);
      this.poolSlot = s;
      this.poolValue = v;
    }
    this.poolSlot[this.poolLen] = slot;
    this.poolValue[this.poolLen++] = value;
  }
}

/** Largest design whose demand columns are kept (8 n² bytes: 32 MB at 2,048 nodes, as traffic.ts's dense table). */
const COLUMNS_MAX_NODES = 2048;

/** Misses of the closed form a failure is allowed before the rate decides (see failureDeltas). */
const CLOSED_TRIAL = 16;

/**
 * Mean unit-flow entries walked (computed, checked, carried) per closed-form answer above which a
 * failure goes to the incremental update after CLOSED_TRIAL answers (see failureDeltas). At 500
 * sites the hierarchical families walk 8–36 per answer, the partial mesh ~140 (long meshed paths,
 * each unit flow used by one or two failures of a block): there the closed form cost more than the
 * incremental update it replaces (capacity run −17 % with the mesh's failures all incremental).
 */
const CLOSED_WALK = 64;

