import type { CompiledGraph } from './csr';
import { DagWalker, RepairedDag } from './dagwalk';
import { SlotDelta, type DestinationDelta, type DestinationState, type FailureMasks } from './incremental';
import { failureMasks, type RoutingEngine } from './routing';

/**
 * Chains of degree-2 nodes on a core graph (no pendant trees left): a chain
 * runs from end A through interior nodes x1..xk (k ≥ 1, each with exactly two
 * link slots) to end B ≠ A, over links l0 (A–x1) … lk (xk–B).
 *
 * Any single failure on a chain (one of its links or interior nodes) leaves
 * the same graph G' = core minus the chain's interior, with the surviving
 * interior hanging off A and B as two paths (pendant trees). For product-form
 * demand out[s]·in[t], traffic on G' is then the traffic of G' with A's masses
 * raised by its tail's (αo, αi) and B's by (βo, βi); link loads are bilinear
 * in those:
 *
 *   L = L0 + αo·Qout_A + αi·Qin_A + βo·Qout_B + βi·Qin_B + αo·βi·F(A→B) + βo·αi·F(B→A)
 *
 * with L0 the loads of G' (interior traffic gone), Qout_A = Σ_t in_t F'(A→t),
 * Qin_A = Σ_s out_s F'(s→A), F' the unit ECMP flow on G'. These seven vectors
 * cost one incremental repair (all interior nodes failed) plus a walk of the
 * repaired DAG per destination, once per chain; each of the chain's 2k + 1
 * scenarios is then O(m). On networks of long chains (Topology Zoo Kdl) most
 * scenarios lie on chains.
 */
export interface Chain {
  readonly a: number;
  readonly b: number;
  /** Interior nodes, from A to B. */
  readonly nodes: Int32Array;
  /** Links, from A to B (nodes.length + 1 of them). */
  readonly links: Int32Array;
}

export interface ChainIndex {
  readonly chains: Chain[];
  /** Chain of each core link (-1: none) and its position in chain.links. */
  readonly chainOfLink: Int32Array;
  readonly posOfLink: Int32Array;
  /** Chain of each core node (-1: none, ends included) and its position in chain.nodes. */
  readonly chainOfNode: Int32Array;
  readonly posOfNode: Int32Array;
}

/** Finds every chain with two distinct ends (cycles of degree-2 nodes and loops back to one end are left out). O(n + m). */
export function findChains(g: CompiledGraph): ChainIndex {
  const n = g.nodeIds.length;
  const m = g.linkIds.length;
  const deg2 = (v: number): boolean => g.offsets[v + 1]! - g.offsets[v]! === 2;
  const chainOfLink = new Int32Array(m).fill(-1);
  const posOfLink = new Int32Array(m).fill(-1);
  const chainOfNode = new Int32Array(n).fill(-1);
  const posOfNode = new Int32Array(n).fill(-1);
  const seen = new Uint8Array(n);
  const chains: Chain[] = [];
  // Walks from x out through slot s until a node that is not degree 2; returns [end, nodes, links].
  const walk = (x: number, s: number): [number, number[], number[]] => {
    const nodes: number[] = [];
    const links: number[] = [];
    let u = x;
    let slot = s;
    for (;;) {
      const e = g.edgeLink[slot]!;
      links.push(e);
      const v = g.targets[slot]!;
      if (!deg2(v) || v === x) return [v, nodes, links];
      nodes.push(v);
      // Leave v by its other slot.
      const o = g.offsets[v]!;
      slot = g.edgeLink[o]! === e ? o + 1 : o;
      u = v;
      if (nodes.length > n) return [u, nodes, links]; // cannot happen; guards a malformed graph
    }
  };
  for (let x = 0; x < n; x++) {
    if (!deg2(x) || seen[x] === 1) continue;
    const o = g.offsets[x]!;
    const [a, left, leftLinks] = walk(x, o);
    const [b, right, rightLinks] = walk(x, o + 1);
    for (const v of left) seen[v] = 1;
    for (const v of right) seen[v] = 1;
    seen[x] = 1;
    if (a === x || b === x || a === b || deg2(a) || deg2(b)) continue; // a cycle, or both ends the same node
    const nodes = [...left.reverse(), x, ...right];
    const links = [...leftLinks.reverse(), ...rightLinks];
    const id = chains.length;
    chains.push({ a, b, nodes: Int32Array.from(nodes), links: Int32Array.from(links) });
    nodes.forEach((v, i) => ((chainOfNode[v] = id), (posOfNode[v] = i)));
    links.forEach((e, i) => ((chainOfLink[e] = id), (posOfLink[e] = i)));
  }
  return { chains, chainOfLink, posOfLink, chainOfNode, posOfNode };
}

/** The seven per-slot vectors of one chain (see the file comment). */
export interface ChainTerms {
  readonly l0: Float64Array;
  readonly qOutA: Float64Array;
  readonly qInA: Float64Array;
  readonly qOutB: Float64Array;
  readonly qInB: Float64Array;
  readonly fAB: Float64Array;
  readonly fBA: Float64Array;
  /** The chain's interior failed, as masks (its links excluded from the maximum). */
  readonly masks: FailureMasks;
}

/**
 * Computes ChainTerms on the engine's graph for masses out/in (the engine's
 * demands must be out[s]·in[t] for s ≠ t).
 */
export function chainTerms(engine: RoutingEngine, chain: Chain, out: Float64Array, inn: Float64Array): ChainTerms {
  const g = engine.g;
  const slots = engine.slots;
  const masks = failureMasks(g, Array.from(chain.nodes), []);
  const terms: ChainTerms = {
    l0: Float64Array.from(engine.baseLoad),
    qOutA: new Float64Array(slots),
    qInA: new Float64Array(slots),
    qOutB: new Float64Array(slots),
    qInB: new Float64Array(slots),
    fAB: new Float64Array(slots),
    fBA: new Float64Array(slots),
    masks,
  };
  const walker = new DagWalker(g);
  const dests = engine.destinationNodes;
  const touched = new Uint8Array(dests.length);
  const delta = new SlotDelta(slots);
  const { a, b } = chain;
  const visit = (i: number, st: DestinationState, change: DestinationDelta | null): void => {
    const t = dests[i]!;
    if (masks.nodes[t] === 1) return;
    const w = new RepairedDag(g, st, change, masks);
    if (t !== a) walker.push(w, [a], [inn[t]!], terms.qOutA);
    if (t !== b) walker.push(w, [b], [inn[t]!], terms.qOutB);
    if (t === b) walker.push(w, [a], [1], terms.fAB);
    if (t === a) walker.push(w, [b], [1], terms.fBA);
    if (t === a || t === b) {
      const src: number[] = [];
      const wt: number[] = [];
      for (let v = 0; v < g.nodeIds.length; v++) {
        if (v !== t && masks.nodes[v] === 0 && out[v]! > 0) {
          src.push(v);
          wt.push(out[v]!);
        }
      }
      walker.push(w, src, wt, t === a ? terms.qInA : terms.qInB);
    }
  };
  engine.failureDelta(masks, delta, (i, st, change) => {
    touched[i] = 1;
    visit(i, st, change);
  });
  for (let s = 0; s < slots; s++) terms.l0[s]! += delta.value[s]!;
  for (let i = 0; i < dests.length; i++) if (touched[i] === 0) visit(i, engine.destinationState(i), null);
  return terms;
}

/**
 * An order of the N-1 scenarios (links 0..m-1, then nodes as m + v) that puts
 * each chain's links and interior nodes next to each other, so the worker
 * that claims them computes that chain's terms once. The failures inside
 * pendant trees come first, in runs of TREE_RUN with no cut inside, so on a
 * network with few of them one worker routes the fan tables they need
 * (compressed.ts, routed on first use) instead of every worker. The rest
 * keep their order, after the chains. Returns the permutation (position ->
 * scenario) and the positions where a claimed unit may begin: every TREE_RUN
 * tree failures, each chain's first, then every position after the chains
 * (SweepJob.cuts).
 */
export function chainScenarioOrder(
  g: CompiledGraph,
  coreNodes: Int32Array,
  coreLinks: Int32Array,
  chains: readonly Chain[],
): { order: Int32Array; cuts: number[] } {
  const m = g.linkIds.length;
  const total = m + g.nodeIds.length;
  const order = new Int32Array(total);
  const placed = new Uint8Array(total);
  let k = 0;
  const put = (i: number): void => {
    if (placed[i] === 0) {
      placed[i] = 1;
      order[k++] = i;
    }
  };
  const cuts: number[] = [];
  // Tree failures: every scenario that is not a core link or a core node.
  const inCore = new Uint8Array(total);
  for (const e of coreLinks) inCore[e] = 1;
  for (const v of coreNodes) inCore[m + v] = 1;
  for (let i = 0; i < total; i++) {
    if (inCore[i] === 1) continue;
    if (k > 0 && k % TREE_RUN === 0) cuts.push(k);
    put(i);
  }
  for (const c of chains) {
    if (k > 0) cuts.push(k);
    for (let i = 0; i < c.links.length; i++) {
      put(coreLinks[c.links[i]!]!);
      if (i < c.nodes.length) put(m + coreNodes[c.nodes[i]!]!);
    }
  }
  for (let i = 0; i < total; i++) {
    if (k > 0 && placed[i] === 0) cuts.push(k);
    put(i);
  }
  return { order, cuts };
}

/** Tree failures one claimed unit holds at most (each costs a closed-form pass; their fan tables a few routings). */
const TREE_RUN = 512;
