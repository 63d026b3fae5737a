import type { CompiledGraph } from './csr';
import { dfsForest, type DfsForest } from './connectivity';

/**
 * Disconnected node pairs after failures, from the DFS tree's block-cut
 * structure rather than by deleting elements one at a time.
 *
 * - A bridge (p, u), u the DFS child, separates u's subtree (s nodes) from
 *   the rest of its component (C − s): s · (C − s) pairs.
 * - Removing node v splits its component into the subtrees of children u
 *   with low[u] ≥ disc[v] (every child when v is a DFS root) and the rest.
 *   Pairs among the C − 1 survivors that end up in different pieces:
 *   ((C − 1)² − Σ piece²) / 2. Pairs that include v itself are not counted.
 * O(n + m) for all single failures together (Hopcroft & Tarjan 1973,
 * "Efficient algorithms for graph manipulation", CACM 16(6)).
 */
export function singleFailurePairs(g: CompiledGraph, f: DfsForest = dfsForest(g)): { links: Float64Array; nodes: Float64Array } {
  const n = g.nodeIds.length;
  const links = new Float64Array(g.linkIds.length);
  const sepSum = new Float64Array(n);
  const sepSq = new Float64Array(n);
  for (let i = 0; i < f.visited; i++) {
    const u = f.order[i]!;
    const p = f.parent[u]!;
    if (p < 0) continue;
    const s = f.subtree[u]!;
    const C = f.componentSize[f.componentOf[u]!]!;
    if (f.low[u]! > f.disc[p]!) links[f.parentLink[u]!] = s * (C - s);
    if (f.parent[p]! < 0 || f.low[u]! >= f.disc[p]!) {
      sepSum[p]! += s;
      sepSq[p]! += s * s;
    }
  }
  const nodes = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    const C = f.componentSize[f.componentOf[v]!]!;
    const rest = C - 1 - sepSum[v]!;
    nodes[v] = ((C - 1) * (C - 1) - sepSq[v]! - rest * rest) / 2;
  }
  return { links, nodes };
}

/** Connected unordered pairs among nodes that are not failed, per component sizes. */
function connectedPairs(sizes: readonly number[]): number {
  let p = 0;
  for (const s of sizes) p += (s * (s - 1)) / 2;
  return p;
}

/**
 * Disconnected pairs for every unordered pair of links {a, b}: for each a,
 * one DFS of the graph without a gives the bridges of G − a with their
 * subtree sizes, which answers every b > a in O(1).
 * O(m · (n + m)) time; calls `emit(a, b, pairs)` for each pair in order.
 */
export function linkPairFailurePairs(
  g: CompiledGraph,
  emit: (a: number, b: number, pairs: number) => void,
  shouldStop: () => boolean = () => false,
): void {
  const m = g.linkIds.length;
  const base = dfsForest(g);
  const before = connectedPairs(base.componentSize);
  const failed = new Uint8Array(m);
  const bridgeSplit = new Float64Array(m);
  for (let a = 0; a < m; a++) {
    if (shouldStop()) return;
    failed[a] = 1;
    const f = dfsForest(g, undefined, failed);
    const lostA = before - connectedPairs(f.componentSize);
    bridgeSplit.fill(0);
    for (let i = 0; i < f.visited; i++) {
      const u = f.order[i]!;
      const p = f.parent[u]!;
      if (p < 0 || f.low[u]! <= f.disc[p]!) continue;
      const s = f.subtree[u]!;
      bridgeSplit[f.parentLink[u]!] = s * (f.componentSize[f.componentOf[u]!]! - s);
    }
    for (let b = a + 1; b < m; b++) emit(a, b, lostA + bridgeSplit[b]!);
    failed[a] = 0;
  }
}
