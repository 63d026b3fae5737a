import { blockGraph, coreBlocks, type CoreBlocks } from './blocks';
import { blocksCoverCore, outsideFans, type BlockFanContext } from './block-fans';
import { connectedComponents, dfsForest, bridgesAndCutNodes, type DfsForest } from './connectivity';
import type { CompiledGraph } from './csr';
import { chainTerms, findChains, type ChainIndex, type ChainTerms } from './chains';
import { DagWalker, RepairedDag } from './dagwalk';
import { addDestinationLoads, type Demands } from './ecmp';
import { SlotDelta, type FailureMasks } from './incremental';
import { pendantForest, type PendantForest } from './pendant';
import { splitComponents, treeMax, type SplitComponents } from './tree-loads';
import { bridgeTerms, chainRootFans, type BridgeContext } from './bridge-chain-terms';
import { fanPlan, fanRoots, onSkeleton } from './sweep-plan';
import { failureMasks, RoutingEngine, SweepCancelled } from './routing';
import { SkeletonRouting } from './skeleton';
import type { FailureSpec } from './sweep';

/** The predicted work of a skeleton sweep whose every load is visited (sweep-plan.ts), as the impact sweep asks it (impact-chains.ts). */
export { visitingWork as skeletonWork } from './sweep-plan';

/** Receives a directed load and its link (full-graph index); a link may be reported once per direction. */
export type LoadVisitor = (link: number, load: number) => void;

/**
 * N-1 sweep (single link or node failures) for product-form traffic
 * demand(s, t) = out[s] · in[t], on the core left after stripping pendant
 * trees (pendant.ts). Exact, and much cheaper on access-heavy networks:
 *
 * - core links carry what a core-only routing with node masses (Σ out / Σ in
 *   of each core node's tree) gives: RoutingEngine on the core graph;
 * - a tree link above subtree S in component C carries
 *   out(S) · (in(C) − in(S)) upward and (out(C) − out(S)) · in(S) downward;
 * - a failure inside a tree only lowers the masses of its root a by the part
 *   cut off (δout, δin); core loads then change linearly:
 *   Δ = −δout · Qout[a] − δin · Qin[a], where Qout[a] = Σ_t in_t F(t, a) is a's
 *   fan-out and Qin[a] = Σ_s out_s F(a, s) its fan-in (F = unit ECMP flow).
 *   Both are computed once per root; no cross term arises because s ≠ t.
 * Per scenario: the core engine's incremental update (core failures only)
 * plus an O(n + m) scan. Reference for the linearity argument: traffic
 * matrices as sums of rank-one terms, cf. Medina et al., "Traffic matrix
 * estimation", SIGCOMM 2002 (gravity = rank one).
 */
const routeHere = (slots: number, route: (into: Float64Array) => void): Float64Array => {
  const into = new Float64Array(slots);
  route(into);
  return into;
};

export class CompressedSweep {
  readonly forest: PendantForest;
  /** Per-destination incremental routing on the core, or null when the skeleton routes it. */
  private readonly engine: RoutingEngine | null;
  /** Skeleton routing (skeleton.ts) when chains make up enough of the core, else null. */
  private readonly skel: SkeletonRouting | null;
  /** Core loads with nothing failed. */
  private readonly coreBase: Float64Array;
  private readonly slots: number;
  private readonly scratch: Float64Array;
  private readonly subOut: Float64Array;
  private readonly subIn: Float64Array;
  private readonly compOf: Int32Array; // core component per full-graph node (via its root)
  private readonly compOut: number[] = [];
  private readonly compIn: number[] = [];
  private readonly coreBridge: Uint8Array;
  /** DFS forest of the core and prefix sums of the core masses in its discovery order (sides of bridges). */
  private readonly coreDfs: DfsForest;
  private readonly preOut: Float64Array;
  private readonly preIn: Float64Array;
  private readonly qOut = new Map<number, Float64Array>();
  private readonly qIn = new Map<number, Float64Array>();
  private readonly delta: SlotDelta;
  private readonly treeTop: Int32Array;
  private readonly coreLinkIndex: Int32Array;
  private readonly cOut: Float64Array;
  private readonly cIn: Float64Array;
  private readonly chains: ChainIndex;
  /** Per-chain terms, oldest first; dropped beyond CHAIN_CACHE_BYTES. */
  private readonly chainCache = new Map<number, ChainTerms & { split: SplitComponents }>();
  private chainCacheBytes = 0;
  /** 2-edge-connected blocks answered alone (blocks.ts; skeleton path only), their sweeps (built when first asked), representatives. */
  private readonly blocks: CoreBlocks | null = null;
  private readonly blockSweeps: (CompressedSweep | undefined)[] = [];
  private readonly blockRep: Int32Array = new Int32Array(0);
  /** Per routed block: the nodes inside it that need fan tables, composed on first use (composeFans). */
  private readonly blockRoots: number[][] = [];
  /** Per routed block: its ports (local indices), found when first asked. */
  private readonly ports: (number[] | undefined)[] = [];
  /** Roots inside bridge chains, their tables composed on first use (composeChainFans). */
  private readonly chainRoots: ReadonlySet<number> = new Set();
  /** Per block: the largest nothing-failed load outside it. */
  private readonly outsideMax: Float64Array = new Float64Array(0);
  private baseTree = -1;
  /** Roots whose tables are routed on first use (ensureFans), or null once routed. */
  private pendingFans: readonly number[] | null = null;
  /** Full-graph node at the source end of each core link. */
  private readonly linkFrom: Int32Array;

  constructor(
    readonly g: CompiledGraph,
    private readonly out: Float64Array,
    private readonly inn: Float64Array,
    tick?: (done: number, total: number) => boolean,
    /** The nothing-failed skeleton loads: `route` fills them (given, another worker's copy may come back instead: shared-core-base.ts). */
    skeletonBase: (slots: number, route: (into: Float64Array) => void) => Float64Array = routeHere,
  ) {
    const n = g.nodeIds.length;
    const f = (this.forest = pendantForest(g));
    this.subOut = Float64Array.from(out);
    this.subIn = Float64Array.from(inn);
    for (const x of f.stripped) {
      this.subOut[f.parent[x]!]! += this.subOut[x]!;
      this.subIn[f.parent[x]!]! += this.subIn[x]!;
    }
    const cn = f.coreNodes.length;
    const cOut = new Float64Array(cn);
    const cIn = new Float64Array(cn);
    for (let i = 0; i < cn; i++) {
      cOut[i] = this.subOut[f.coreNodes[i]!]!;
      cIn[i] = this.subIn[f.coreNodes[i]!]!;
    }
    this.cOut = cOut;
    this.cIn = cIn;
    this.chains = findChains(f.core);
    this.slots = 2 * f.core.linkIds.length;
    this.scratch = new Float64Array(this.slots);
    this.skel = onSkeleton(cn, this.chains) ? new SkeletonRouting(f.core, this.chains) : null;
    if (this.skel !== null) {
      this.engine = null;
      const skel = this.skel;
      this.coreBase = skeletonBase(this.slots, (into) => skel.loads(null, cOut, cIn, into));
    } else {
      const demands: Demands = { demand: (s, t) => (s === t ? 0 : cOut[s]! * cIn[t]!), receives: (t) => cIn[t]! > 0 };
      this.engine = new RoutingEngine(f.core, demands, undefined, tick);
      this.coreBase = this.engine.baseLoad;
    }
    this.delta = new SlotDelta(this.slots);
    const comps = connectedComponents(f.core);
    this.compOf = new Int32Array(n);
    for (let v = 0; v < n; v++) this.compOf[v] = comps.componentOf[f.coreIndex[f.rootOf[v]!]!]!;
    for (let c = 0; c < comps.count; c++) {
      this.compOut.push(0);
      this.compIn.push(0);
    }
    for (let i = 0; i < cn; i++) {
      this.compOut[comps.componentOf[i]!]! += cOut[i]!;
      this.compIn[comps.componentOf[i]!]! += cIn[i]!;
    }
    this.coreBridge = new Uint8Array(f.core.linkIds.length);
    this.coreDfs = dfsForest(f.core);
    const structure = bridgesAndCutNodes(f.core, this.coreDfs);
    for (const e of structure.bridges) this.coreBridge[e] = 1;
    this.preOut = new Float64Array(cn + 1);
    this.preIn = new Float64Array(cn + 1);
    for (let i = 0; i < this.coreDfs.visited; i++) {
      this.preOut[i + 1] = this.preOut[i]! + cOut[this.coreDfs.order[i]!]!;
      this.preIn[i + 1] = this.preIn[i]! + cIn[this.coreDfs.order[i]!]!;
    }
    this.treeTop = new Int32Array(n);
    this.linkFrom = Int32Array.from(f.core.linkSource, (u) => f.coreNodes[u]!);
    this.coreLinkIndex = new Int32Array(g.linkIds.length).fill(-1);
    f.coreLinks.forEach((e, j) => (this.coreLinkIndex[e] = j));
    if (this.skel === null) {
      // Fan-in / fan-out of every core node that has a tree hanging from it.
      const roots = new Set<number>();
      for (const x of f.stripped) roots.add(f.coreIndex[f.rootOf[x]!]!);
      this.computeFans([...roots], tick);
      return;
    }
    const blocks = (this.blocks = coreBlocks(f.core, this.coreBridge));
    // Tree roots and bridge chains' ends; a root inside a routed block gets its tables composed (composeFans).
    const plan = fanPlan(blocks, fanRoots(f, this.chains, this.coreBridge), this.chains, this.coreBridge);
    this.blockRep = plan.rep;
    this.blockRoots = plan.inBlock;
    this.chainRoots = new Set(plan.inBridgeChain);
    this.outsideMax = new Float64Array(blocks.nodes.length);
    for (let s = 0; s < this.slots; s++) {
      const own = blocks.blockOfLink[s >> 1]!;
      const v = this.coreBase[s]!;
      for (let b = 0; b < blocks.nodes.length; b++) if (b !== own && v > this.outsideMax[b]!) this.outsideMax[b] = v;
    }
    if (!blocksCoverCore(blocks, this.coreBridge)) {
      // Routed when a scenario first asks (ensureFans): a sweep split over threads computes them in the one
      // thread that meets the tree scenarios (chainScenarioOrder keeps those in one unit), not in each.
      this.pendingFans = plan.global;
      return;
    }
    // A tree of routed blocks joined by bridges: every table composes from the blocks' own routings (block-fans.ts).
    const ctx: BlockFanContext = {
      core: f.core,
      blocks,
      bridge: this.coreBridge,
      dfs: this.coreDfs,
      preOut: this.preOut,
      preIn: this.preIn,
      portFans: (b, port) => {
        const ports = this.portsOf(b);
        return this.blockSweep(b).fanTables(ports)[ports.indexOf(blocks.localNode[port]!)]!;
      },
    };
    for (const z of plan.global) {
      const [qo, qi] = outsideFans(ctx, z);
      const b = blocks.blockOfNode[z]!;
      if (b >= 0) this.ownBlockFans(b, [z], [[qo, qi]]);
      this.qOut.set(z, qo);
      this.qIn.set(z, qi);
    }
  }

  /** Local indices of block b's ports (nodes with a bridge), whose tables in b alone compose the others' (block-fans.ts). */
  private portsOf(b: number): number[] {
    let p = this.ports[b];
    if (p === undefined) {
      const core = this.forest.core;
      p = this.ports[b] = [];
      for (const v of this.blocks!.nodes[b]!) {
        for (let k = core.offsets[v]!; k < core.offsets[v + 1]!; k++) {
          if (this.coreBridge[core.edgeLink[k]!] === 1) {
            p.push(this.blocks!.localNode[v]!);
            break;
          }
        }
      }
    }
    return p;
  }

  /** Writes the tables of core nodes `list` of block b in b alone onto b's links of `into` (each [out, in]). */
  private ownBlockFans(b: number, list: readonly number[], into: readonly [Float64Array, Float64Array][]): void {
    const blocks = this.blocks!;
    const local = this.blockSweep(b).fanTables(list.map((v) => blocks.localNode[v]!));
    const links = blocks.links[b]!;
    into.forEach(([qo, qi], i) => {
      const [lo, li] = local[i]!;
      links.forEach((e, j) => {
        qo[2 * e] = lo[2 * j]!;
        qo[2 * e + 1] = lo[2 * j + 1]!;
        qi[2 * e] = li[2 * j]!;
        qi[2 * e + 1] = li[2 * j + 1]!;
      });
    });
  }

  /**
   * Fan-out and fan-in tables of core nodes `list` (qOut, qIn): on the
   * skeleton, ROOT_BATCH fan-outs (a alone sends, out = e_a) share one
   * routing and each fan-in (a alone receives, in = e_a) is one routing to
   * a single destination; on the per-destination engine, one walk of each
   * destination's DAG.
   */
  private computeFans(list: readonly number[], tick?: (done: number, total: number) => boolean): void {
    const cn = this.cOut.length;
    const { cOut, cIn } = this;
    for (const a of list) {
      this.qOut.set(a, new Float64Array(this.slots));
      this.qIn.set(a, new Float64Array(this.slots));
    }
    if (this.skel !== null) {
      for (let i = 0; i < list.length; i += ROOT_BATCH) {
        const batch = list.slice(i, i + ROOT_BATCH);
        const units = batch.map((a) => {
          const u = new Float64Array(cn);
          u[a] = 1;
          return u;
        });
        this.skel.loadsMany(null, units, cIn, batch.map((a) => this.qOut.get(a)!));
        batch.forEach((a, j) => this.skel!.loads(null, cOut, units[j]!, this.qIn.get(a)!));
        if (tick !== undefined && !tick(i + batch.length, list.length)) throw new SweepCancelled();
      }
      return;
    }
    if (list.length === 0) return;
    const core = this.forest.core;
    const engine = this.engine!;
    const dests = engine.destinationNodes;
    const wanted = new Set(list); // tables already made are not added to again
    const walker = new DagWalker(core);
    const none = failureMasks(core, [], []);
    for (let i = 0; i < dests.length; i++) {
      const t = dests[i]!;
      const st = engine.destinationState(i);
      const qi = wanted.has(t) ? this.qIn.get(t) : undefined;
      if (qi !== undefined) addDestinationLoads(core, st.dagOff, st.slots, st.flow, 1 / cIn[t]!, { add: (s, v) => (qi[s]! += v) });
      const dag = new RepairedDag(core, st, null, none);
      for (const a of list) if (a !== t) walker.push(dag, [a], [cIn[t]!], this.qOut.get(a)!);
    }
    // A node that receives nothing is no destination of the engine, but what flows to it per unit of in-mass is
    // still asked (a block's port whose own side holds no in-mass: block-fans.ts): one routing toward it alone.
    for (const a of list) {
      if (cIn[a]! > 0) continue;
      const toA = new RoutingEngine(core, { demand: (s, t) => (t === a && s !== a ? cOut[s]! : 0), receives: (t) => t === a });
      this.qIn.get(a)!.set(toA.baseLoad);
    }
  }

  /** Routes the set-up's fan tables if they were left for first use. */
  private ensureFans(): void {
    const list = this.pendingFans;
    if (list === null) return;
    this.pendingFans = null;
    this.computeFans(list);
  }

  /** Fan-out table of core node `a` (a tree root, a bridge chain's end, a block's representative). */
  private fanOut(a: number): Float64Array {
    this.ensureFans();
    if (!this.qOut.has(a)) this.compose(a);
    return this.qOut.get(a)!;
  }

  private fanIn(a: number): Float64Array {
    this.ensureFans();
    if (!this.qIn.has(a)) this.compose(a);
    return this.qIn.get(a)!;
  }

  /** Composes the tables of a root fanPlan left out of the set-up: inside a routed block, or inside a bridge chain. */
  private compose(a: number): void {
    const b = this.blocks!.blockOfNode[a]!;
    if (b >= 0) this.composeFans(b);
    else this.composeChainFans(this.chains.chainOfNode[a]!);
  }

  /**
   * Tables of the roots inside routed block b (blocks.ts): on the block's
   * links its own routing's (every node holding what hangs off it), outside
   * it its representative's (what crosses into a side runs from or to the
   * side's port, whichever node of the block it started at or ends at).
   */
  private composeFans(b: number): void {
    const list = this.blockRoots[b]!;
    const z = this.blockRep[b]!;
    const tables = list.map((): [Float64Array, Float64Array] => [Float64Array.from(this.qOut.get(z)!), Float64Array.from(this.qIn.get(z)!)]);
    this.ownBlockFans(b, list, tables);
    list.forEach((r, i) => {
      this.qOut.set(r, tables[i]![0]);
      this.qIn.set(r, tables[i]![1]);
    });
  }

  /** Fan-out and fan-in tables of these nodes of this sweep's core (a block's own sweep, for composeFans). */
  fanTables(nodes: readonly number[]): [Float64Array, Float64Array][] {
    this.ensureFans();
    this.computeFans(nodes.filter((a) => !this.qOut.has(a)));
    return nodes.map((a) => [this.qOut.get(a)!, this.qIn.get(a)!]);
  }

  private blockSweep(b: number): CompressedSweep {
    let sub = this.blockSweeps[b];
    if (sub === undefined) {
      const part = blockGraph(this.forest.core, this.blocks!, b, this.cOut, this.cIn);
      sub = this.blockSweeps[b] = new CompressedSweep(part.graph, part.out, part.inn);
    }
    return sub;
  }

  /** True when the core is routed on its skeleton (skeleton.ts) rather than per destination. */
  get onSkeleton(): boolean {
    return this.skel !== null;
  }

  /** Largest directed load with nothing failed. */
  baselineMax(): number {
    let max = 0;
    for (const v of this.coreBase) if (v > max) max = v;
    return Math.max(max, this.treeMax(this.compOf, this.compOut, this.compIn, -1, -1));
  }

  /** True when this sweep can answer the scenario (one element fails). */
  handles(spec: FailureSpec): boolean {
    return spec.nodes.length + spec.links.length === 1;
  }

  /**
   * Largest directed link load after a single link or node failure. With
   * `visit`, every directed load it looks at is also reported with its link
   * (full-graph index), so a caller can weigh each by that link's capacity
   * (the impact sweep's utilisation); links it reports nothing for carry 0.
   */
  maxLoad(spec: FailureSpec, visit?: LoadVisitor): number {
    const f = this.forest;
    const g = this.g;
    const failedNode = spec.nodes.length === 1 ? spec.nodes[0]! : -1;
    const failedLink = spec.links.length === 1 ? spec.links[0]! : -1;
    const d = this.delta;
    d.reset();
    let coreFailed: ReturnType<typeof failureMasks> | null = null;
    // Mass changes for tree links: comp masses per core component, and a cut subtree.
    let compOut = this.compOut;
    let compIn = this.compIn;
    let compOf = this.compOf;
    let cut = -1; // stripped node whose subtree leaves its component (failed link above it, or failed node)
    const coreLinkOf = (e: number): number => (f.isCore[g.linkSource[e]!] === 1 && f.isCore[g.linkTarget[e]!] === 1 ? this.coreLinkIndex[e]! : -1);
    const ce0 = failedLink >= 0 ? coreLinkOf(failedLink) : -1;
    const cv0 = failedNode >= 0 ? f.coreIndex[failedNode]! : -1;
    // The block path finds the maximum only; a caller visiting every load (impact-chains.ts) takes the paths that report each.
    if (this.blocks !== null && visit === undefined) {
      const b = ce0 >= 0 ? this.blocks.blockOfLink[ce0]! : cv0 >= 0 ? this.blocks.blockOfNode[cv0]! : -1;
      if (b >= 0) return this.blockMax(b, ce0, cv0, failedNode);
    }
    const chain = ce0 >= 0 ? this.chains.chainOfLink[ce0]! : cv0 >= 0 ? this.chains.chainOfNode[cv0]! : -1;
    if (chain >= 0 && this.chainUsable(chain)) {
      return ce0 >= 0 ? this.chainMax(chain, this.chains.posOfLink[ce0]!, false, visit) : this.chainMax(chain, this.chains.posOfNode[cv0]!, true, visit);
    }
    if (failedLink >= 0 && coreLinkOf(failedLink) >= 0) {
      const ce = coreLinkOf(failedLink);
      coreFailed = failureMasks(f.core, [], [ce]);
      if (this.coreBridge[ce] === 1) ({ compOut, compIn, compOf } = this.splitComponents(coreFailed));
    } else if (failedNode >= 0 && f.isCore[failedNode] === 1) {
      coreFailed = failureMasks(f.core, [f.coreIndex[failedNode]!], []);
      ({ compOut, compIn, compOf } = this.splitComponents(coreFailed));
    } else {
      // A tree element: the subtree below it (node: itself included) leaves the core's view.
      cut = failedNode >= 0 ? failedNode : f.parentLink[g.linkSource[failedLink]!] === failedLink ? g.linkSource[failedLink]! : g.linkTarget[failedLink]!;
      const a = f.coreIndex[f.rootOf[cut]!]!;
      const qo = this.fanOut(a);
      const qi = this.fanIn(a);
      const dOut = this.subOut[cut]!;
      const dIn = this.subIn[cut]!;
      for (let s = 0; s < d.value.length; s++) d.value[s] = -dOut * qo[s]! - dIn * qi[s]!;
    }
    let max = 0;
    const base = this.coreBase;
    if (coreFailed !== null && this.skel !== null) {
      const loads = this.scratch;
      this.skel.loads(coreFailed, this.cOut, this.cIn, loads);
      for (let s = 0; s < loads.length; s++) {
        if (loads[s]! > max) max = loads[s]!;
        if (visit !== undefined && coreFailed.links[s >> 1] !== 1) visit(f.coreLinks[s >> 1]!, loads[s]!);
      }
      return Math.max(max, this.treeMax(compOf, compOut, compIn, cut, failedNode, visit));
    }
    if (coreFailed !== null) this.engine!.failureDelta(coreFailed, d);
    for (let s = 0; s < base.length; s++) {
      if (coreFailed !== null && coreFailed.links[s >> 1] === 1) continue;
      const v = base[s]! + d.value[s]!;
      if (v > max) max = v;
      if (visit !== undefined) visit(f.coreLinks[s >> 1]!, v);
    }
    return Math.max(max, this.treeMax(compOf, compOut, compIn, cut, failedNode, visit));
  }

  /**
   * Largest load after core link `ce` or core node `cv` of block `b` fails
   * (blocks.ts): the block routed alone; outside it each link's
   * nothing-failed load less what its component lost (the failed node, and
   * what a cut node's failure separates from it) times the fan tables of the
   * block's representative; the pendant trees in closed form.
   */
  private blockMax(b: number, ce: number, cv: number, failedNode: number): number {
    const blocks = this.blocks!;
    const sub = this.blockSweep(b);
    if (ce >= 0) {
      if (this.baseTree < 0) this.baseTree = this.treeMax(this.compOf, this.compOut, this.compIn, -1, -1);
      return Math.max(sub.maxLoad({ nodes: [], links: [blocks.localLink[ce]!] }), this.outsideMax[b]!, this.baseTree);
    }
    let max = sub.maxLoad({ nodes: [blocks.localNode[cv]!], links: [] });
    this.ensureFans();
    const z = this.blockRep[b]!;
    const qo = this.qOut.get(z)!;
    const qi = this.qIn.get(z)!;
    const fm = failureMasks(this.forest.core, [cv], []);
    const split = this.splitComponents(fm);
    const base = this.coreBase;
    const own = blocks.blockOfLink;
    const from = this.linkFrom;
    for (let s = 0; s < base.length; s++) {
      const e = s >> 1;
      if (own[e] === b || fm.links[e] === 1) continue;
      // What this link's component lost: the failed node, and all a cut node's failure separates from it.
      const x = from[e]!;
      const dIn = this.compIn[this.compOf[x]!]! - split.compIn[split.compOf[x]!]!;
      const dOut = this.compOut[this.compOf[x]!]! - split.compOut[split.compOf[x]!]!;
      const v = base[s]! - dIn * qi[s]! - dOut * qo[s]!;
      if (v > max) max = v;
    }
    return Math.max(max, this.treeMax(split.compOf, split.compOut, split.compIn, -1, failedNode));
  }

  /** A chain's failures take the closed form when both its ends receive traffic (chains.ts); else the engine runs. */
  private chainUsable(id: number): boolean {
    if (this.skel !== null) return true; // the skeleton routes to every node, receiver or not
    const c = this.chains.chains[id]!;
    return this.cIn[c.a]! > 0 && this.cIn[c.b]! > 0;
  }

  private termsOf(id: number): ChainTerms & { split: SplitComponents } {
    let t = this.chainCache.get(id);
    if (t !== undefined) return t;
    const c = this.chains.chains[id]!;
    const terms =
      this.skel === null ? chainTerms(this.engine!, c, this.cOut, this.cIn) : this.coreBridge[c.links[0]!] === 1 ? this.bridgeTerms(id) : this.skelTerms(id);
    t = { ...terms, split: this.splitComponents(terms.masks) };
    this.chainCache.set(id, t);
    const bytes = 7 * 8 * this.slots + 4 * this.g.nodeIds.length;
    this.chainCacheBytes += bytes;
    for (const [k] of this.chainCache) {
      if (this.chainCacheBytes <= CHAIN_CACHE_BYTES || k === id) break;
      this.chainCache.delete(k);
      this.chainCacheBytes -= bytes;
    }
    return t;
  }

  /** Terms of a chain that is a bridge and its roots' tables, in closed form (bridge-chain-terms.ts). */
  private bridgeContext(): BridgeContext {
    return {
      core: this.forest.core,
      dfs: this.coreDfs,
      preOut: this.preOut,
      preIn: this.preIn,
      cOut: this.cOut,
      cIn: this.cIn,
      base: this.coreBase,
      slots: this.slots,
      fanOut: (a) => this.fanOut(a),
      fanIn: (a) => this.fanIn(a),
    };
  }

  private bridgeTerms(id: number): ChainTerms {
    return bridgeTerms(this.bridgeContext(), this.chains.chains[id]!);
  }

  private composeChainFans(id: number): void {
    for (const [x, qo, qi] of chainRootFans(this.bridgeContext(), this.chains.chains[id]!, this.chainRoots)) {
      this.qOut.set(x, qo);
      this.qIn.set(x, qi);
    }
  }

  /** The same seven vectors from the skeleton: loads are bilinear in the masses, each term one routing. */
  private skelTerms(id: number): ChainTerms {
    const c = this.chains.chains[id]!;
    const skel = this.skel!;
    const masks = failureMasks(this.forest.core, Array.from(c.nodes), []);
    const v = (): Float64Array => new Float64Array(this.slots);
    const t = { l0: v(), qOutA: v(), qInA: v(), qOutB: v(), qInB: v(), fAB: v(), fBA: v(), masks };
    const eA = new Float64Array(this.cOut.length);
    const eB = new Float64Array(this.cOut.length);
    eA[c.a] = 1;
    eB[c.b] = 1;
    skel.loadsMany(masks, [this.cOut, eA, eB], this.cIn, [t.l0, t.qOutA, t.qOutB]);
    skel.loads(masks, this.cOut, eA, t.qInA);
    skel.loads(masks, this.cOut, eB, t.qInB);
    skel.loads(masks, eA, eB, t.fAB);
    skel.loads(masks, eB, eA, t.fBA);
    return t;
  }

  /**
   * Largest load after chain `id` loses its link `pos` (node = false) or its
   * interior node `pos` (node = true): the chain's bilinear terms on the core,
   * then the two tails and every pendant tree in closed form, with the
   * components of G' (a bridge chain splits its component) and each tail
   * joining its end's component.
   */
  private chainMax(id: number, pos: number, node: boolean, visit?: LoadVisitor): number {
    const c = this.chains.chains[id]!;
    const t = this.termsOf(id);
    const k = c.nodes.length;
    const pO = new Float64Array(k + 1);
    const pI = new Float64Array(k + 1);
    for (let i = 0; i < k; i++) {
      pO[i + 1] = pO[i]! + this.cOut[c.nodes[i]!]!;
      pI[i + 1] = pI[i]! + this.cIn[c.nodes[i]!]!;
    }
    const aEnd = pos; // A's tail: interior nodes [0, aEnd)
    const bStart = node ? pos + 1 : pos; // B's tail: [bStart, k)
    const ao = pO[aEnd]!;
    const ai = pI[aEnd]!;
    const bo = pO[k]! - pO[bStart]!;
    const bi = pI[k]! - pI[bStart]!;
    let max = 0;
    const fl = t.masks.links;
    for (let s = 0; s < t.l0.length; s++) {
      if (fl[s >> 1] === 1) continue;
      const v = t.l0[s]! + ao * t.qOutA[s]! + ai * t.qInA[s]! + bo * t.qOutB[s]! + bi * t.qInB[s]! + ao * bi * t.fAB[s]! + bo * ai * t.fBA[s]!;
      if (v > max) max = v;
      if (visit !== undefined) visit(this.forest.coreLinks[s >> 1]!, v);
    }
    const f = this.forest;
    const { split } = t;
    const compA = split.compOf[f.coreNodes[c.a]!]!;
    const compB = split.compOf[f.coreNodes[c.b]!]!;
    const compOut = split.compOut.slice();
    const compIn = split.compIn.slice();
    compOut[compA]! += ao;
    compIn[compA]! += ai;
    compOut[compB]! += bo;
    compIn[compB]! += bi;
    const tree = (so: number, si: number, comp: number, link: number): void => {
      const up = so * (compIn[comp]! - si);
      const down = (compOut[comp]! - so) * si;
      if (up > max) max = up;
      if (down > max) max = down;
      if (visit !== undefined) visit(this.forest.coreLinks[link]!, Math.max(up, down));
    };
    // A's tail hangs by links 0 … aEnd − 1 (link i above nodes i …), B's by links bStart + 1 … k.
    for (let i = 0; i < aEnd; i++) tree(ao - pO[i]!, ai - pI[i]!, compA, c.links[i]!);
    for (let i = bStart; i < k; i++) tree(pO[i + 1]! - pO[bStart]!, pI[i + 1]! - pI[bStart]!, compB, c.links[i + 1]!);
    // Pendant trees on the tails belong to their end's component now.
    const compOf = split.compOf.slice();
    const chainOf = this.chains.chainOfNode;
    const posOf = this.chains.posOfNode;
    for (const y of f.stripped) {
      const r = f.coreIndex[f.rootOf[y]!]!;
      if (chainOf[r] !== id) continue;
      const p = posOf[r]!;
      if (p < aEnd) compOf[y] = compA;
      else if (p >= bStart) compOf[y] = compB;
    }
    return Math.max(max, this.treeMax(compOf, compOut, compIn, -1, node ? f.coreNodes[c.nodes[pos]!]! : -1, visit));
  }

  private splitComponents(fm: FailureMasks): SplitComponents {
    return splitComponents(this.forest, this.subOut, this.subIn, fm);
  }

  /** Largest closed-form load on tree links (tree-loads.ts); with `visit`, each tree link's load too. */
  private treeMax(compOf: Int32Array, compOut: number[], compIn: number[], cut: number, failedNode: number, visit?: LoadVisitor): number {
    return treeMax(this.forest, this.subOut, this.subIn, this.treeTop, compOf, compOut, compIn, cut, failedNode, visit);
  }
}

/** Tree roots whose fan-out vectors share one skeleton routing (each a lane of loadsMany). */
const ROOT_BATCH = 16;

/** Memory for cached per-chain terms (7 slot vectors each) of one sweep. */
const CHAIN_CACHE_BYTES = 256 * 1024 * 1024;
