import type { CompiledGraph } from './csr';

/**
 * Whether a connected graph stays in one piece when a few elements fail,
 * answered near the failure instead of by numbering every component.
 *
 * The availability model's Monte Carlo (availability.ts) evaluates ~10⁴
 * failure states of one to three elements per design; numbering the
 * components of the whole surviving graph for each was ~40 % of its time
 * at 500 sites, though nearly every state leaves a redundant design whole.
 *
 * Why the boundary decides: call a live node a boundary node when it ends a
 * failed link or neighbours a failed node. In a connected graph, every
 * surviving component holds a boundary node — a component without one has
 * every link of its nodes intact and alive, so it is a whole component of
 * the original graph, i.e. the whole graph, which holds the failed
 * elements. So the survivors are connected exactly when all boundary nodes
 * meet. Searches start at every boundary node at once (breadth first,
 * round by round), union–find merges two searches when one reaches a node
 * the other holds, and the answer is "connected" as soon as one set is
 * left; it is "not connected" as soon as some set has nothing left to
 * explore while another remains (its component is closed and lacks a
 * boundary node). In a redundant design the searches meet within a few
 * hops; a state that splits the graph costs at most one pass over the
 * closed side plus what the others explored meanwhile.
 */
export class SurvivorConnectivity {
  /** Whether the intact graph is one component (the argument above needs it); false: every call answers null. */
  readonly baseConnected: boolean;
  private readonly g: CompiledGraph;
  // Per node: the stamp of the call that reached it and the search (by seed index) that did.
  private readonly stampOf: Int32Array;
  private readonly searchOf: Int32Array;
  private stamp = 0;
  private readonly queue: Int32Array;
  // Union–find over searches, with the number of queued nodes per set root.
  private parent: Int32Array;
  private pending: Int32Array;

  constructor(g: CompiledGraph) {
    const n = g.nodeIds.length;
    this.g = g;
    this.stampOf = new Int32Array(n);
    this.searchOf = new Int32Array(n);
    this.queue = new Int32Array(n);
    this.parent = new Int32Array(16);
    this.pending = new Int32Array(16);
    this.baseConnected = n > 0 && this.reachAll();
  }

  /** One search from node 0 over the intact graph. */
  private reachAll(): boolean {
    const { offsets, targets } = this.g;
    const n = this.g.nodeIds.length;
    const seen = new Uint8Array(n);
    let tail = 0;
    this.queue[tail++] = 0;
    seen[0] = 1;
    for (let head = 0; head < tail; head++) {
      const u = this.queue[head]!;
      for (let k = offsets[u]!; k < offsets[u + 1]!; k++) {
        const v = targets[k]!;
        if (seen[v] === 0) {
          seen[v] = 1;
          this.queue[tail++] = v;
        }
      }
    }
    return tail === n;
  }

  private find(i: number): number {
    const p = this.parent;
    while (p[i] !== i) {
      p[i] = p[p[i]!]!;
      i = p[i]!;
    }
    return i;
  }

  /**
   * The components of the survivors — live nodes (failedNodes 0) joined by
   * live links (failedLinks 0, both ends live): 1 when they are one
   * (`componentOf` left as it was); k > 1 when they are k, with
   * `componentOf` numbering them 0..k−1 (-1 for failed nodes; the numbers
   * differ from connectivity's, the partition is the same); -1 when the
   * question is not answered here (the intact graph is not connected, or no
   * live node borders a failure — then count them in full).
   * `failedNodeList` / `failedLinkList` list the set entries (a failed
   * node's own links need not be listed).
   *
   * Past the first split the searches go on: a set with nothing left to
   * explore is a whole component (a "piece"); once at most one set is still
   * open, that set is every live node outside the pieces (each component
   * holds a boundary node, so no other is left). A state that cuts off a
   * branch costs the branch, not the network.
   */
  components(
    failedNodes: Uint8Array,
    failedLinks: Uint8Array,
    failedNodeList: readonly number[],
    failedLinkList: readonly number[],
    componentOf: Int32Array,
  ): number {
    if (!this.baseConnected) return -1;
    const { offsets, targets, edgeLink, linkSource, linkTarget } = this.g;
    const stamp = ++this.stamp;
    const stampOf = this.stampOf;
    const searchOf = this.searchOf;
    const queue = this.queue;
    let seeds = 0;
    let tail = 0;
    const seed = (v: number): void => {
      if (failedNodes[v] === 1 || stampOf[v] === stamp) return;
      if (seeds === this.parent.length) this.grow();
      stampOf[v] = stamp;
      searchOf[v] = seeds;
      this.parent[seeds] = seeds;
      this.pending[seeds] = 1;
      seeds++;
      queue[tail++] = v;
    };
    for (const x of failedNodeList) for (let k = offsets[x]!; k < offsets[x + 1]!; k++) seed(targets[k]!);
    for (const e of failedLinkList) {
      seed(linkSource[e]!);
      seed(linkTarget[e]!);
    }
    if (seeds === 0) return -1;
    // Sets still exploring, and sets closed (whole components), by root: pending −1 marks closed.
    let open = seeds;
    let pieces = 0;
    // Breadth first from every seed at once: the queue holds each search's frontier in turn.
    for (let head = 0; head < tail && open > 1; head++) {
      const u = queue[head]!;
      let r = this.find(searchOf[u]!);
      for (let k = offsets[u]!; k < offsets[u + 1]!; k++) {
        if (failedLinks[edgeLink[k]!] === 1) continue;
        const v = targets[k]!;
        if (failedNodes[v] === 1) continue;
        if (stampOf[v] !== stamp) {
          stampOf[v] = stamp;
          searchOf[v] = r;
          this.pending[r]!++;
          queue[tail++] = v;
          continue;
        }
        const s = this.find(searchOf[v]!);
        if (s === r) continue;
        // Two searches meet: one set, whose queued nodes are both sets' queued nodes.
        this.parent[s] = r;
        this.pending[r]! += this.pending[s]!;
        open--;
        r = this.find(r);
      }
      // u is explored; a set with nothing queued is closed: a whole component.
      if (--this.pending[r]! === 0) {
        this.pending[r] = -1;
        pieces++;
        open--;
      }
    }
    // One set is left open: an open set has a queued node, so the loop ran until open was 1, and
    // merging two open sets leaves that set a queued node besides the one explored (never 0 open).
    if (pieces === 0) return 1;
    // The pieces 0..pieces−1 (any numbering will do), the open set's component `pieces`.
    const rest = pieces;
    componentOf.fill(rest);
    for (const x of failedNodeList) componentOf[x] = -1;
    let next = 0;
    const pieceOf = this.pieceScratch(seeds);
    for (let i = 0; i < tail; i++) {
      const v = queue[i]!;
      const r = this.find(searchOf[v]!);
      if (this.pending[r] !== -1) continue;
      if (pieceOf[r] === -1) pieceOf[r] = next++;
      componentOf[v] = pieceOf[r]!;
    }
    return pieces + 1;
  }

  private pieces = new Int32Array(16);
  private pieceScratch(seeds: number): Int32Array {
    if (this.pieces.length < seeds) this.pieces = new Int32Array(this.parent.length);
    this.pieces.fill(-1, 0, seeds);
    return this.pieces;
  }

  private grow(): void {
    const p = new Int32Array(2 * this.parent.length);
    p.set(this.parent);
    const q = new Int32Array(2 * this.pending.length);
    q.set(this.pending);
    this.parent = p;
    this.pending = q;
  }
}
