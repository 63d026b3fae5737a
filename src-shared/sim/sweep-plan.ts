import { blocksCoverCore } from './block-fans';
import { coreBlocks, type CoreBlocks } from './blocks';
import type { ChainIndex } from './chains';
import { bridgesAndCutNodes, dfsForest } from './connectivity';
import type { PendantForest } from './pendant';

/**
 * What a chain-compressed N-1 sweep (compressed.ts) routes, decided once for
 * the sweep and for the prediction of its work (skeletonWork, used to choose
 * how many threads `analyze` runs).
 */

/**
 * Route on the skeleton when chain interiors are at least this share of the
 * core: its per-scenario cost is (branch nodes)² + destinations × chains,
 * against the incremental engine's destinations × affected region.
 */
const SKELETON_SHARE = 0.5;

/** Largest skeleton routed that way: its all-pairs tables take 12 bytes × branch nodes² (2,000 -> 48 MB). */
const SKELETON_MAX_BRANCH = 2000;

/** Whether a core of `cn` nodes with these chains is routed on its skeleton (the rule above). */
export function onSkeleton(cn: number, chains: ChainIndex): boolean {
  const interior = chains.chains.reduce((k, c) => k + c.nodes.length, 0);
  return interior >= SKELETON_SHARE * cn && cn - interior <= SKELETON_MAX_BRANCH;
}

/**
 * Core nodes whose fan-out and fan-in tables a skeleton sweep needs: every
 * tree root, and both ends of each chain that is a bridge (bridgeTerms).
 */
export function fanRoots(forest: PendantForest, chains: ChainIndex, bridge: Uint8Array): Set<number> {
  const roots = new Set<number>();
  for (const x of forest.stripped) roots.add(forest.coreIndex[forest.rootOf[x]!]!);
  for (const c of chains.chains) {
    if (bridge[c.links[0]!] === 1) {
      roots.add(c.a);
      roots.add(c.b);
    }
  }
  return roots;
}

/**
 * Whose tables route the whole core: one representative per routed block (a
 * root when the block has one: a node failure there takes the outside's
 * change from it) and the roots outside every routed block and every bridge
 * chain (`global`); the other roots of each block get theirs composed from
 * the block's own routing and its representative's (`inBlock`), a root
 * inside a bridge chain from its ends' in closed form (`inBridgeChain`).
 */
export function fanPlan(
  blocks: CoreBlocks,
  roots: ReadonlySet<number>,
  chains: ChainIndex,
  bridge: Uint8Array,
): { rep: Int32Array; global: number[]; inBlock: number[][]; inBridgeChain: number[] } {
  const rep = new Int32Array(blocks.nodes.length).fill(-1);
  blocks.nodes.forEach((nodes, b) => {
    for (const v of nodes) if (rep[b]! < 0 || (roots.has(v) && !roots.has(rep[b]!))) rep[b] = v;
  });
  const inBridgeChain = [...roots].filter((a) => chains.chainOfNode[a]! >= 0 && bridge[chains.chains[chains.chainOfNode[a]!]!.links[0]!] === 1);
  const global = [...roots].filter((a) => blocks.blockOfNode[a]! < 0 && !inBridgeChain.includes(a));
  for (const z of rep) if (z >= 0) global.push(z);
  const inBlock = blocks.nodes.map(() => [] as number[]);
  for (const a of roots) {
    const b = blocks.blockOfNode[a]!;
    if (b >= 0 && rep[b] !== a) inBlock[b]!.push(a);
  }
  return { rep, global, inBlock, inBridgeChain };
}

/**
 * The predicted work of an N-1 max-load sweep routed on the skeleton, in
 * whole skeleton routings; null when the core is not routed that way.
 * `setup` is what every worker repeats before its first scenario: the
 * baseline and the fan-out and fan-in of each node in fanPlan's `global`
 * (about one routing each, measured on the Kdl-shaped graph: 16-lane batches
 * ~0.7 routing per lane, a fan-in ~0.25), or, when the routed blocks cover
 * every link that is not a bridge, each block's own baseline and its ports'
 * tables in it (block-fans.ts), its share of a routing each. `sweep` is what the workers share:
 * one routing per chain outside every routed block for its terms (a 3-lane
 * routing plus four one-destination ones, ~1.1 measured) and one per failure
 * of a branch node or direct link outside them; a routed block of b of the
 * core's cn nodes costs b / cn of a routing for its own baseline, each of its
 * tables, chains, branch nodes and direct links; bridge chains and tree
 * failures are closed forms, next to nothing.
 */
export function skeletonWork(forest: PendantForest, chains: ChainIndex): { setup: number; sweep: number } | null {
  const core = forest.core;
  const cn = forest.coreNodes.length;
  if (!onSkeleton(cn, chains)) return null;
  const bridge = new Uint8Array(core.linkIds.length);
  for (const e of bridgesAndCutNodes(core, dfsForest(core)).bridges) bridge[e] = 1;
  const blocks = coreBlocks(core, bridge);
  const plan = fanPlan(blocks, fanRoots(forest, chains, bridge), chains, bridge);
  const share = blocks.nodes.map((x) => x.length / cn);
  let sweep = 0;
  blocks.nodes.forEach((_, b) => (sweep += share[b]! * (1 + plan.inBlock[b]!.length)));
  for (const c of chains.chains) {
    const b = blocks.blockOfLink[c.links[0]!]!;
    if (bridge[c.links[0]!] === 1) continue;
    sweep += 1.1 * (b >= 0 ? share[b]! : 1);
  }
  for (let v = 0; v < cn; v++) {
    if (chains.chainOfNode[v]! >= 0) continue;
    const b = blocks.blockOfNode[v]!;
    sweep += b >= 0 ? share[b]! : 1;
  }
  for (let e = 0; e < core.linkIds.length; e++) {
    if (chains.chainOfLink[e]! >= 0 || bridge[e] === 1) continue;
    const b = blocks.blockOfLink[e]!;
    sweep += b >= 0 ? share[b]! : 1;
  }
  if (!blocksCoverCore(blocks, bridge)) return { setup: 1 + plan.global.length, sweep };
  // A tree of routed blocks: the tables compose from each block's own routing and its ports' tables there (block-fans.ts).
  let setup = 1;
  blocks.nodes.forEach((nodes, b) => {
    let ports = 0;
    for (const v of nodes) {
      for (let k = core.offsets[v]!; k < core.offsets[v + 1]!; k++) {
        if (bridge[core.edgeLink[k]!] === 1) {
          ports++;
          break;
        }
      }
    }
    setup += share[b]! * (1 + ports);
  });
  return { setup, sweep };
}

/**
 * skeletonWork for a sweep whose caller visits every load (impact-chains.ts):
 * the block path finds maxima only, so each chain's terms and each branch-node
 * or direct-link failure route the whole core, as before the block path (the
 * same figures main's skeletonWork gave; the set-up counted once per tree root).
 */
export function visitingWork(forest: PendantForest, chains: ChainIndex): { setup: number; sweep: number } | null {
  const cn = forest.coreNodes.length;
  if (!onSkeleton(cn, chains)) return null;
  const roots = new Set<number>();
  for (const x of forest.stripped) roots.add(forest.coreIndex[forest.rootOf[x]!]!);
  let interior = 0;
  let chainLinks = 0;
  for (const c of chains.chains) {
    interior += c.nodes.length;
    chainLinks += c.links.length;
  }
  const direct = forest.core.linkIds.length - chainLinks;
  return { setup: 1 + roots.size, sweep: 1.1 * chains.chains.length + (cn - interior) + direct };
}
