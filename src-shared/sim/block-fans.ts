import type { CoreBlocks } from './blocks';
import type { DfsForest } from './connectivity';
import type { CompiledGraph } from './csr';

/**
 * Fan-out and fan-in tables (compressed.ts: Qout_z = Σ_t in_t F(z→t), Qin_z
 * = Σ_s out_s F(s→z), nothing failed) outside a node's own block, composed
 * from the blocks' own routings instead of routing the whole core: when
 * every link that is not a bridge lies in a routed block (blocks.ts), the
 * core is a tree of blocks joined by bridges, and from z
 *
 * - into block Y everything enters at Y's port facing z (the first node of Y
 *   a search from z meets): on Y's links z's tables are that port's own
 *   tables in Y alone, each node of Y holding what hangs off it (the flow
 *   from the port to what lies beyond Y's other ports runs through Y as to
 *   those ports; what hangs off the port itself never enters Y);
 * - across a bridge, away from z, runs the in-mass of its far side (fan-out)
 *   and toward z its out-mass (fan-in); nothing the other way.
 */
export interface BlockFanContext {
  core: CompiledGraph;
  blocks: CoreBlocks;
  bridge: Uint8Array;
  dfs: DfsForest;
  /** Prefix sums of the core masses in the DFS discovery order. */
  preOut: Float64Array;
  preIn: Float64Array;
  /** The tables of `port` (a core node of block b) in block b alone: [out, in], slots of the block's own links. */
  portFans(b: number, port: number): [Float64Array, Float64Array];
}

/** True when every core link that is not a bridge lies in a routed block (the tables then compose). */
export function blocksCoverCore(blocks: CoreBlocks, bridge: Uint8Array): boolean {
  for (let e = 0; e < bridge.length; e++) if (bridge[e] === 0 && blocks.blockOfLink[e]! < 0) return false;
  return true;
}

/** z's fan-out and fan-in on every core slot outside z's own routed block (if any); zero on that block's links. */
export function outsideFans(ctx: BlockFanContext, z: number): [Float64Array, Float64Array] {
  const { core, blocks, bridge, dfs, preOut, preIn } = ctx;
  const n = core.nodeIds.length;
  const qo = new Float64Array(2 * core.linkIds.length);
  const qi = new Float64Array(2 * core.linkIds.length);
  const own = blocks.blockOfNode[z]!;
  const entered = new Uint8Array(blocks.nodes.length);
  const seen = new Uint8Array(n);
  const queue = new Int32Array(n);
  // The component's masses: its DFS root's subtree is one run of the discovery order.
  let root = z;
  while (dfs.parent[root]! >= 0) root = dfs.parent[root]!;
  const r0 = dfs.disc[root]!;
  const r1 = r0 + dfs.subtree[root]!;
  const compOut = preOut[r1]! - preOut[r0]!;
  const compIn = preIn[r1]! - preIn[r0]!;
  let head = 0;
  let tail = 0;
  queue[tail++] = z;
  seen[z] = 1;
  while (head < tail) {
    const u = queue[head++]!;
    const b = blocks.blockOfNode[u]!;
    if (b >= 0 && b !== own && entered[b] === 0) {
      entered[b] = 1; // u is b's port facing z
      const [lo, li] = ctx.portFans(b, u);
      blocks.links[b]!.forEach((e, j) => {
        qo[2 * e] = lo[2 * j]!;
        qo[2 * e + 1] = lo[2 * j + 1]!;
        qi[2 * e] = li[2 * j]!;
        qi[2 * e + 1] = li[2 * j + 1]!;
      });
    }
    for (let k = core.offsets[u]!; k < core.offsets[u + 1]!; k++) {
      const v = core.targets[k]!;
      if (seen[v] === 1) continue;
      seen[v] = 1;
      queue[tail++] = v;
      const e = core.edgeLink[k]!;
      if (bridge[e] === 0) continue;
      // A bridge is a DFS tree link; the child's subtree is one side.
      const c = dfs.parent[v] === u && dfs.parentLink[v] === e ? v : u;
      const lo = dfs.disc[c]!;
      const hi = lo + dfs.subtree[c]!;
      const farOut = c === v ? preOut[hi]! - preOut[lo]! : compOut - (preOut[hi]! - preOut[lo]!);
      const farIn = c === v ? preIn[hi]! - preIn[lo]! : compIn - (preIn[hi]! - preIn[lo]!);
      const away = core.linkSource[e] === u ? 2 * e : 2 * e + 1;
      qo[away] = farIn;
      qi[away ^ 1] = farOut;
    }
  }
  return [qo, qi];
}
