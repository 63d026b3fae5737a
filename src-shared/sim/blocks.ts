import { connectedComponents } from './connectivity';
import { buildCsr, type CompiledGraph } from './csr';

/**
 * 2-edge-connected blocks of a core graph (no pendant trees), for answering a
 * failure inside one block by routing that block alone (compressed.ts).
 *
 * Removing the bridges leaves the blocks. A shortest path between two nodes
 * of block X never leaves X (it would have to cross one bridge twice), so
 * traffic from s to t crosses X entering at the node where s's side hangs
 * off X (a "port") and leaving at t's; toward t, the DAG inside X is the DAG
 * toward t's port. Hence for product-form demand out[s]·in[t]:
 *
 * - X's links carry what X alone carries with every node v of X holding the
 *   masses of all that hangs off it through bridges (M(v): v's component in
 *   the core without X's links), pairs on one side hanging off v cancelling
 *   as v's self-pair;
 * - a failure inside X (one of its links or nodes) leaves every unit flow
 *   outside X as it was: traffic between a side and X runs to or from the
 *   side's port whichever node of X it ends at. Outside X a link's load is
 *   then its nothing-failed load less what its component lost (in δin and
 *   out δout: the failed node's own masses, and for a cut node everything
 *   its failure separates from that link) times the fan-in and fan-out of
 *   any node z of X, Qin_z and Qout_z (nothing failed; compressed.ts keeps
 *   them for tree roots): base − δin·Qin_z − δout·Qout_z. A link failure
 *   inside X is no bridge, so nothing is lost and the outside keeps its
 *   loads.
 *
 * So such a failure costs one routing of its block (tens of nodes on the
 * Kdl-shaped network, whose 647-node core splits into 24 blocks of up to 51
 * nodes joined by bridges) instead of one of the whole core.
 */
export interface CoreBlocks {
  /** Block of each core link (-1: a bridge, or a block not answered alone). */
  readonly blockOfLink: Int32Array;
  /** Block of each core node (-1: a node with bridges only, or a block not answered alone). */
  readonly blockOfNode: Int32Array;
  /** Per block: its core nodes (local index = position) and links. */
  readonly nodes: Int32Array[];
  readonly links: Int32Array[];
  /** Core node / link -> index inside its block (-1 outside every block). */
  readonly localNode: Int32Array;
  readonly localLink: Int32Array;
}

/**
 * The blocks answered alone: at most `maxShare` of the core's nodes each (a
 * block nearly as large as the core would cost as much as the core itself).
 * `bridge` marks the core's bridges.
 */
export function coreBlocks(core: CompiledGraph, bridge: Uint8Array, maxShare = 0.5): CoreBlocks {
  const n = core.nodeIds.length;
  const m = core.linkIds.length;
  const comps = connectedComponents(core, undefined, bridge);
  const blockOfComp = new Int32Array(comps.count).fill(-1);
  const nodes: number[][] = [];
  const links: number[][] = [];
  const localNode = new Int32Array(n).fill(-1);
  const localLink = new Int32Array(m).fill(-1);
  const blockOfLink = new Int32Array(m).fill(-1);
  for (let e = 0; e < m; e++) {
    if (bridge[e] === 1) continue;
    const c = comps.componentOf[core.linkSource[e]!]!;
    if (comps.sizes[c]! > maxShare * n) continue;
    let b = blockOfComp[c]!;
    if (b < 0) {
      b = blockOfComp[c] = nodes.length;
      nodes.push([]);
      links.push([]);
    }
    blockOfLink[e] = b;
    localLink[e] = links[b]!.length;
    links[b]!.push(e);
  }
  for (let v = 0; v < n; v++) {
    const b = blockOfComp[comps.componentOf[v]!]!;
    if (b < 0 || comps.sizes[comps.componentOf[v]!]! < 2) continue;
    localNode[v] = nodes[b]!.length;
    nodes[b]!.push(v);
  }
  const blockOfNode = new Int32Array(n).fill(-1);
  for (let v = 0; v < n; v++) if (localNode[v]! >= 0) blockOfNode[v] = blockOfComp[comps.componentOf[v]!]!;
  return { blockOfLink, blockOfNode, nodes: nodes.map((x) => Int32Array.from(x)), links: links.map((x) => Int32Array.from(x)), localNode, localLink };
}

/**
 * Block `b` as a graph of its own, with each node's masses M(v): its own
 * plus everything hanging off it through bridges (its component in the core
 * without the block's links).
 */
export function blockGraph(
  core: CompiledGraph,
  blocks: CoreBlocks,
  b: number,
  out: Float64Array,
  inn: Float64Array,
): { graph: CompiledGraph; out: Float64Array; inn: Float64Array } {
  const bn = blocks.nodes[b]!;
  const bl = blocks.links[b]!;
  const own = new Uint8Array(core.linkIds.length);
  for (const e of bl) own[e] = 1;
  const comps = connectedComponents(core, undefined, own);
  const compOut = new Float64Array(comps.count);
  const compIn = new Float64Array(comps.count);
  for (let v = 0; v < out.length; v++) {
    compOut[comps.componentOf[v]!]! += out[v]!;
    compIn[comps.componentOf[v]!]! += inn[v]!;
  }
  const mOut = new Float64Array(bn.length);
  const mIn = new Float64Array(bn.length);
  bn.forEach((v, i) => {
    mOut[i] = compOut[comps.componentOf[v]!]!;
    mIn[i] = compIn[comps.componentOf[v]!]!;
  });
  const pick = <T extends Float64Array | Uint32Array>(src: T, make: (k: number) => T): T => {
    const r = make(bl.length);
    bl.forEach((e, j) => (r[j] = src[e]!));
    return r;
  };
  const src = new Uint32Array(bl.length);
  const tgt = new Uint32Array(bl.length);
  bl.forEach((e, j) => {
    src[j] = blocks.localNode[core.linkSource[e]!]!;
    tgt[j] = blocks.localNode[core.linkTarget[e]!]!;
  });
  const graph = buildCsr(
    Array.from(bn, (v) => core.nodeIds[v]!),
    Array.from(bl, (e) => core.linkIds[e]!),
    src,
    tgt,
    pick(core.weights, (k) => new Float64Array(k)),
    pick(core.capacities, (k) => new Float64Array(k)),
    pick(core.latencies, (k) => new Float64Array(k)),
    pick(core.linkOrigin, (k) => new Uint32Array(k)),
  );
  return { graph, out: mOut, inn: mIn };
}
